"""From a news article: suggested strikes to review, edit and add to this session's map;
interception claims shown apart, never added as strikes."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.components import session_data
from dashboard.core.extract.article import (
    FIELDS,
    SOURCE_OUTLET,
    claims_frame,
    extract,
    from_rows,
    interception_claims,
    strikes,
    to_native_frame,
    with_source,
)
from dashboard.core.extract.language import LANGUAGES, detect
from dashboard.core.ingest import ingest_frame
from dashboard.core.untrusted import inert
from dashboard.core.vocab import CONFIDENCE, FACILITY_TYPES, SIDES, WEAPONS

_SUGGESTIONS = "_article_suggestions"
#: Columns of the strike editor a reviewer does not edit (a strike has no claim figure).
_HIDDEN = ("kind", "claimed_intercepted", "wave_id")

st.title("Incidents from a news article")
st.markdown(
    "Paste a news article in English, Russian or Ukrainian (a governor's or a ministry's "
    "post will do). Rules, a morphology dictionary and the gazetteer (no model, nothing "
    "leaves this machine) suggest the strikes on energy infrastructure it reports; review "
    "and correct them, then add the ones you keep to the map for this session. Claims of "
    "drones or missiles shot down are listed apart: they are not strikes."
)
geo = cache.geography()
text = st.text_area("Article text", height=240, key="article_text")
left, right = st.columns(2)
published = left.date_input(
    "Published", value=None, key="article_published", format="YYYY-MM-DD",
    help="Relative dates ('overnight', 'этой ночью', 'вчора ввечері') count from here. "
    "Empty: read a 'Published: YYYY-MM-DD' or 'Опубликовано: 9 ноября 2025' line.",
)  # fmt: skip
source = right.text_input("Source link", key="article_source", placeholder="https://…")

suggest = st.button("Suggest incidents", type="primary")
if suggest and not text.strip():
    st.warning("Paste the article's text first.")
elif suggest:
    waves = frozenset(cache.bundled().waves["wave_id"])
    try:
        found = extract(text, geo, published=published, waves=waves)
    except ValueError as error:
        st.error(inert(error), icon=":material/event_busy:")
        found = None
    if found is not None:
        frame = pd.DataFrame(
            [{name: getattr(s, name) for name in FIELDS} for s in strikes(found)],
            columns=list(FIELDS),
        )
        if len(frame):
            frame.insert(0, "add", True)
        st.session_state[_SUGGESTIONS] = (detect(text), frame, interception_claims(found))

if _SUGGESTIONS in st.session_state:
    lang, frame, claims = st.session_state[_SUGGESTIONS]
    st.caption(f"Read as {LANGUAGES[lang]} (detected from the text).")
    if frame.empty:
        st.info("No strike on energy infrastructure found in this text.")
    else:
        st.subheader(f"Strikes ({len(frame)})")
        edited = st.data_editor(
            frame,
            key="article_editor",
            hide_index=True,
            width="stretch",
            disabled=["evidence"],
            column_config={
                "add": st.column_config.CheckboxColumn("add", help="Keep this incident"),
                "attacker": st.column_config.SelectboxColumn(options=list(SIDES)),
                "facility_type": st.column_config.SelectboxColumn(options=list(FACILITY_TYPES)),
                "weapon": st.column_config.SelectboxColumn(options=list(WEAPONS)),
                "confidence": st.column_config.SelectboxColumn(options=list(CONFIDENCE)),
                "date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                "evidence": st.column_config.TextColumn(width="large"),
            }
            | dict.fromkeys(_HIDDEN),
        )
        chosen = edited[edited["add"]].drop(columns="add")
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        native = to_native_frame(from_rows(chosen))
        native["id"] = [f"article-{digest}-{i + 1}" for i in range(len(native))]
        if source.strip():
            native["source_url"] = source.strip()
        name = f"article {digest}"
        add_col, download_col = st.columns(2)
        if add_col.button("Add the chosen incidents to the map", disabled=native.empty):
            result = ingest_frame(native, geo)
            if len(result.rejected):
                st.error("Some suggestions could not be added:")
                st.dataframe(result.rejected[["row", "reason"]], hide_index=True)
            if len(result.accepted):
                session_data.add(name, result.accepted, geo)
                st.switch_page("app_pages/map.py")
        download_col.download_button(
            "Download the chosen incidents (CSV, project schema)",
            native.to_csv(index=False).encode("utf-8"),
            file_name="article-incidents.csv",
            mime="text/csv",
            disabled=native.empty,
            on_click="ignore",
        )
    if claims:
        st.subheader(f"Interception claims ({len(claims)})")
        st.caption(
            "Weapons a side says it shot down over a region: a claim about the night, not a "
            "strike. They are never added to the map or counted as incidents."
        )
        shown = claims_frame(with_source(claims, source.strip(), SOURCE_OUTLET))
        st.dataframe(shown, hide_index=True, width="stretch")
        st.download_button(
            "Download the interception claims (CSV)",
            shown.to_csv(index=False).encode("utf-8"),
            file_name="article-interception-claims.csv",
            mime="text/csv",
            on_click="ignore",
        )
