"""Import page: upload ACLED, UCDP, native CSV or GeoJSON; see what was accepted and why not."""

from __future__ import annotations

import streamlit as st

from dashboard import cache
from dashboard.components import session_data
from dashboard.core.incidents.tables import TableError
from dashboard.core.ingest import FORMATS, to_native_csv
from dashboard.core.untrusted import inert

FORMAT_LABELS = {
    "auto": "Detect from the header",
    "native": "Energy Strike Map schema",
    "acled": "ACLED export",
    "ucdp": "UCDP GED",
}

st.title("Bring your own data")
st.markdown(
    "Upload an incident file: an **ACLED** or **UCDP GED** export, a CSV in this project's "
    "schema (see *About*), or a **GeoJSON** of incidents. Every row is either accepted and "
    "shown on the map, or listed below with the reason it was not. Your data stays in this "
    "browser session; it is never added to the bundled dataset."
)
geo = cache.geography()
upload = st.file_uploader(
    "Incident file", type=["csv", "tsv", "txt", "geojson", "json"], key="upload_file"
)
fmt = st.selectbox("Format", FORMATS, format_func=FORMAT_LABELS.get, key="upload_format")

if upload is not None:
    try:
        result = cache.ingested_upload(upload.getvalue(), fmt)
    except TableError as error:
        result = f"{inert(upload.name)} cannot be imported: {inert(error)}"
    if isinstance(result, str):
        st.error(result, icon=":material/error:")
    else:
        counts = result.counts
        st.success(
            f"{inert(upload.name)} read as **{result.source_format}**, {counts['input']:,} rows.",
            icon=":material/task_alt:",
        )
        columns = st.columns(4)
        columns[0].metric("Rows read", f"{counts['input']:,}")
        columns[1].metric("Incidents accepted", f"{counts['accepted']:,}")
        columns[2].metric("Duplicates merged", f"{counts['merged']:,}")
        columns[3].metric("Rows rejected", f"{counts['rejected']:,}")
        if len(result.accepted):
            on_map = upload.name in session_data.datasets()
            if on_map:
                st.info(f"{inert(upload.name)} is on the map (drawn with a dark ring).")
            elif st.button("Show the accepted incidents on the map", type="primary"):
                session_data.add(upload.name, result.accepted, geo)
                st.switch_page("app_pages/map.py")
            st.download_button(
                "Download accepted incidents (CSV, project schema)",
                to_native_csv(result.accepted).to_csv(index=False).encode("utf-8"),
                file_name=f"{upload.name.rsplit('.', 1)[0]}-accepted.csv",
                mime="text/csv",
                on_click="ignore",
            )
        if len(result.rejected):
            st.subheader(f"Rejected rows ({len(result.rejected):,})")
            st.caption("Each keeps its original values; `reason` names the column and value.")
            st.dataframe(result.rejected, hide_index=True, width="stretch")
            st.download_button(
                "Download rejected rows (CSV)",
                result.rejected.to_csv(index=False).encode("utf-8"),
                file_name=f"{upload.name.rsplit('.', 1)[0]}-rejected.csv",
                mime="text/csv",
                on_click="ignore",
            )

if session_data.datasets():
    st.subheader("Your data in this session")
    for name, frame in list(session_data.datasets().items()):
        left, right = st.columns([4, 1])
        left.markdown(f"{inert(name)}: {len(frame):,} incidents on the map")
        if right.button("Remove", key=f"remove_{name}"):
            session_data.remove(name)
            st.rerun()
