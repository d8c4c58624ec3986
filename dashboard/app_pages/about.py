"""About page: methodology, borders convention, sources and attribution."""

from __future__ import annotations

import streamlit as st

from dashboard import cache
from dashboard.core.dataset import CHANGELOG_FILE
from dashboard.core.geo import files as geofiles
from dashboard.core.untrusted import inert

data = cache.bundled()

st.title("About Energy Strike Map")
st.markdown(
    f"""
Energy Strike Map shows publicly reported strikes on energy infrastructure in the
Russia–Ukraine war: Ukrainian drone and missile strikes on Russian refineries, oil depots,
power and heating plants, and Russian strikes on Ukraine's power plants, substations, hydro
dams and gas facilities. The bundled dataset (version {inert(data.version)}) holds
**{len(data.incidents):,}** incidents, each with its own source.

### Methodology
- **One incident = one strike on one site on one day.** Several reports of the same strike
  are one record with all their sources; a night of strikes on five sites is five records,
  and strikes on the same facility on different days are separate records.
- **Attack waves.** What belongs to a whole night (drones and missiles launched and
  intercepted as claimed, outages across regions) is recorded once, on the night's wave,
  never on each site, so no total counts it twice (Data quality page).
- **Figures keep their unit**: households, customers (metered connections), residents or
  people, as reported. Sums add like with like and say which unit they add.
- **Dates** are the day of the strike as reported; an overnight strike takes the date of the
  morning it was reported. Some records are known to the month only.
- **Attacking side** is the side that officials or media named; disputed attribution is noted.
- **Confidence**: *confirmed* (the attacked side's officials or several independent outlets
  confirm the hit), *claimed* (one side or unverified channels only), *disputed* (the sides
  contradict each other).
- **Places.** A settlement is matched to the GeoNames gazetteer in any spelling or script
  (Kharkiv, Kharkov, Харків), using the record's region and country to choose between
  namesakes. A record that names only a Ukrainian raion or hromada ("Stryi district",
  "Павлівська громада") is drawn at that district's centroid (OCHA's 2020 districts), a
  raion abolished in 2020 ("Tokmak district", as occupation authorities still write) at
  the centre of its hromadas, a Ukrainian village the gazetteer lacks at its hromada
  (KATOTTG codifier), a Russian district at its administrative centre, and marked
  district-level; records known
  only to a region are drawn inside that region and marked region-level. Coordinates alone
  are placed by point in polygon.
- **Facilities.** An incident is linked to a site of the facility catalogue when its facility
  name contains the site's name or an alias (Kirishi, KINEF, Киришинефтеоргсинтез) and the
  site lies near the record's town, or, with no name, when exactly one site of its kind lies
  within 15 km. Two candidates are never guessed between: the record stays unlinked and is
  listed on the Data quality page. A record linked by name is drawn at the site.
  Capacities are nameplate figures (WRI for power plants; cited reporting for refineries);
  *struck* does not mean *out of service*.
- **Interception claims** are not strikes: they are kept on the night's wave, as reported,
  never pinned on a city they were not about.

### Borders
Borders follow international recognition: **Crimea (UA-43) and Sevastopol (UA-40) are part of
Ukraine**, as are the oblasts Russia claims to have annexed in 2022. Strikes there count as
strikes in Ukraine. Regions are identified by ISO 3166-2 codes.

### Data sources and attribution
"""
)
for name, layer in geofiles.catalogue()["layers"].items():
    st.markdown(
        f"- **{name}**: {layer['source']}. Licence: {layer['licence']}. *{layer['attribution']}*"
    )
st.markdown(
    """
- **Incidents**: every incident links to the public reporting it was taken from (see the
  table on the map page and each map popup).
- **Basemap tiles** (online only): © OpenStreetMap contributors, © Esri. The offline basemap
  uses Natural Earth outlines and GeoNames town names.
"""
)
if CHANGELOG_FILE.exists():
    with st.expander("Dataset changelog"):
        st.markdown(CHANGELOG_FILE.read_text(encoding="utf-8"))
