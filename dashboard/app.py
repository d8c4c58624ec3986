"""Streamlit entry point: page setup and navigation. Run with ``streamlit run dashboard/app.py``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent
PAGES = [
    # file, title, icon, url path
    ("map.py", "Map", "map", "map"),
    ("facilities.py", "Facilities", "factory", "facilities"),
    ("compare.py", "Compare periods", "compare_arrows", "compare"),
    ("article.py", "From an article", "article", "article"),
    ("import_data.py", "Import", "upload", "import"),
    ("data.py", "Data quality", "fact_check", "data"),
    ("about.py", "About", "info", "about"),
]

st.set_page_config(
    page_title="Energy Strike Map",
    page_icon=str(HERE / "static" / "icon.png"),
    layout="wide",
)
page = st.navigation(
    [
        st.Page(
            HERE / "app_pages" / file,
            title=title,
            icon=f":material/{icon}:",
            url_path=path,
            default=file == "map.py",
        )
        for file, title, icon, path in PAGES
    ]
)
page.run()
