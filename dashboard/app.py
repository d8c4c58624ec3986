"""Streamlit entry point: page setup and navigation. Run with ``streamlit run dashboard/app.py``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "app_pages"

st.set_page_config(
    page_title="Energy Strike Map",
    page_icon=str(Path(__file__).parent / "static" / "icon.png"),
    layout="wide",
)
page = st.navigation(
    [
        st.Page(PAGES / "map.py", title="Map", icon=":material/map:", default=True, url_path="map"),
        st.Page(
            PAGES / "import_data.py", title="Import", icon=":material/upload:", url_path="import"
        ),
        st.Page(
            PAGES / "data.py", title="Data quality", icon=":material/fact_check:", url_path="data"
        ),
        st.Page(PAGES / "about.py", title="About", icon=":material/info:", url_path="about"),
    ]
)
page.run()
