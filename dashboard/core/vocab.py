"""Every closed vocabulary of the product, with its words and colours, defined once.

The schema validates against these codes, the URL codec accepts them, the filters
offer them, and maps, legends, snapshots and summaries label and colour them from
here: adding a facility type or renaming a side is a change in this file only.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

WAR_START = date(2022, 2, 24)

#: Attacking sides as stored; ``unknown`` when no side was named.
SIDES = ("ukraine", "russia", "unknown")
#: The sides a user filters by (an unknown attacker is never a filter choice).
ATTACKING_SIDES = ("ukraine", "russia")
SIDE_NAMES = MappingProxyType({"ukraine": "Ukraine", "russia": "Russia", "unknown": "Unknown"})
SIDE_LABELS = MappingProxyType(
    {
        "ukraine": "Strike by Ukraine",
        "russia": "Strike by Russia",
        "unknown": "Attacker not stated",
    }
)
#: Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
SIDE_COLOURS = MappingProxyType({"ukraine": "#0072B2", "russia": "#D55E00", "unknown": "#6E6E6E"})

COUNTRIES = ("UA", "RU", "BY", "MD")
COUNTRY_NAMES = MappingProxyType(
    {"UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "MD": "Moldova"}
)

CONFIDENCE = ("confirmed", "claimed", "disputed")
DATE_PRECISION = ("day", "week", "month")
LOCATION_PRECISION = ("settlement", "point", "district", "region")
#: Precisions that place a record at an area's centre, not at the site or town.
AREA_PRECISION = ("district", "region")
FACILITY_TYPES = (
    "power_plant",
    "thermal_power_plant",
    "chp",
    "hydro_power_plant",
    "nuclear_power_plant_area",
    "substation",
    "transmission_line",
    "refinery",
    "oil_depot",
    "oil_terminal",
    "gas_facility",
    "pipeline",
    "fuel_storage",
    "heating_plant",
    "other_energy",
)
WEAPONS = ("drone", "missile", "drone_and_missile", "glide_bomb", "artillery", "unknown")

#: Kinds of site in the facility catalogue (``geodata/facilities.parquet``).
CATALOGUE_TYPES = (
    "refinery",
    "gas_processing",
    "oil_terminal",
    "oil_depot",
    "pumping_station",
    "gas_facility",
    "thermal_power_plant",
    "hydro_power_plant",
    "nuclear_power_plant",
    "renewable_power_plant",
)
#: Families a strike and a catalogue site must share to be linked by distance: an
#: incident typed ``oil_depot`` is never joined to a refinery next door.
FACILITY_FAMILIES = MappingProxyType(
    {
        "refinery": "refining",
        "gas_processing": "gas",
        "oil_terminal": "oil_storage",
        "oil_depot": "oil_storage",
        "fuel_storage": "oil_storage",
        "pumping_station": "pipeline",
        "pipeline": "pipeline",
        "gas_facility": "gas",
        "power_plant": "power",
        "thermal_power_plant": "power",
        "chp": "power",
        "heating_plant": "power",
        "hydro_power_plant": "power",
        "nuclear_power_plant": "power",
        "nuclear_power_plant_area": "power",
        "renewable_power_plant": "power",
    }
)
#: Map symbols of the catalogue types (SVG shapes drawn by the facilities layer).
CATALOGUE_SYMBOLS = MappingProxyType(
    {
        "refinery": "triangle",
        "gas_processing": "triangle",
        "oil_terminal": "diamond",
        "oil_depot": "square",
        "pumping_station": "square",
        "gas_facility": "diamond",
        "thermal_power_plant": "circle",
        "hydro_power_plant": "circle",
        "nuclear_power_plant": "circle",
        "renewable_power_plant": "circle",
    }
)
#: What each symbol stands for, in legends.
SYMBOL_LABELS = MappingProxyType(
    {
        "triangle": "Refinery, gas processing",
        "diamond": "Oil terminal, gas site",
        "square": "Oil depot, pumping station",
        "circle": "Power plant",
    }
)
#: Facility colours: struck in the filter window, or not.
FACILITY_STRUCK_COLOUR, FACILITY_QUIET_COLOUR = "#000000", "#9a9a9a"
#: Capacity units: generating capacity (power plants), primary distillation (refineries).
CAPACITY_UNITS = ("MW", "Mt/yr")
#: How sure a facility link is: by name near the record's place, by name only, by distance.
FACILITY_MATCHES = ("name_and_distance", "name", "distance")

#: Playback: how far one frame moves, and what each frame shows (every incident up to
#: the frame's date, or only those of the last WINDOW_STEPS steps).
STEPS = ("week", "day")
STEP_DAYS = MappingProxyType({"week": 7, "day": 1})
PLAY_MODES = ("cumulative", "window")
PLAY_MODE_LABELS = MappingProxyType(
    {"cumulative": "Cumulative", "window": "Moving window (last 4 steps)"}
)
WINDOW_STEPS = 4
#: Diverging colours for a change between two periods (ColorBrewer PuOr, colour-blind
#: safe): fewer in period B (purples) ... more in period B (oranges).
DIVERGING_COLOURS = ("#542788", "#998ec3", "#d8daeb", "#f7f7f7", "#fee0b6", "#f1a340", "#b35806")

#: Map layers and the choropleth's measures, with their words.
BASEMAPS = ("light", "osm", "offline")
BASEMAP_LABELS = MappingProxyType(
    {"light": "Light (tiles)", "osm": "OpenStreetMap (tiles)", "offline": "Offline vector"}
)
LAYERS = ("incidents", "choropleth", "heat", "facilities")
DEFAULT_LAYERS = ("incidents", "choropleth")
LAYER_LABELS = MappingProxyType(
    {
        "incidents": "Incidents",
        "choropleth": "Region shading",
        "heat": "Heatmap",
        "facilities": "Facilities (catalogue)",
    }
)
#: Units of a reported figure of those cut off or affected. Reports count households,
#: customers (абоненти, споживачі: metered connections), residents or people; the units
#: are never converted into one another or added together.
AFFECTED_UNITS = ("households", "customers", "residents", "people")
#: How a report names the unit of a figure (English words, Russian and Ukrainian word
#: stems in any case) -> the unit it is recorded in, never converted further.
AFFECTED_UNIT_WORDS = MappingProxyType(
    {
        "households": (
            "household", "home", "famil", "домохозяйств", "домогосподарств", "родин",
            "сімей", "сім'ї", "семей", "семьи",
        ),
        "customers": (
            "customer", "consumer", "subscriber", "абонент", "споживач", "потребител",
        ),
        "residents": ("resident", "жител", "мешканц"),
        "people": ("people", "persons", "людей", "человек", "осіб"),
    }
)  # fmt: skip


def affected_unit(word: str) -> str:
    """The unit a word counts in, as written in a file's column or a report ("homes",
    "абонентів", "Residents"): the unit whose stem begins it, else "" (not a unit)."""
    bare = word.strip().casefold().replace("'", "").replace("’", "")
    if bare in AFFECTED_UNIT_WORDS:
        return bare
    return next(
        (
            unit
            for unit, stems in AFFECTED_UNIT_WORDS.items()
            for stem in stems
            if bare.startswith(stem.replace("'", "")) or f"{bare}s" == stem  # "person"
        ),
        "",
    )


#: What the extractor suggests: a strike on a site, or a claim of weapons shot down over
#: a region (never drawn or counted as a strike).
RECORD_KINDS = ("strike", "interception_claim")
#: Region shading: incident count, or the reported figures of one unit.
MEASURES = ("count", *AFFECTED_UNITS)
MEASURE_LABELS = MappingProxyType(
    {"count": "Incident count"}
    | {u: f"{u.capitalize()} affected (reported)" for u in AFFECTED_UNITS}
)
#: The measure as a legend heading.
MEASURE_TITLES = MappingProxyType(
    {"count": "Incidents per region"} | {u: f"{u.capitalize()} affected" for u in AFFECTED_UNITS}
)
#: Sequential purples (ColorBrewer, colour-blind safe), light to dark.
CHOROPLETH_COLOURS = ("#efedf5", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")
#: Round thresholds the choropleth's classes are picked from, per measure.
CLASS_LADDERS = MappingProxyType(
    {
        "count": (1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000),
    }
    | {u: (1, 1_000, 10_000, 100_000, 1_000_000, 10_000_000) for u in AFFECTED_UNITS}
)

#: The offline basemap's sea and land, on the interactive map and in PNG snapshots alike.
BASEMAP_SEA, BASEMAP_LAND = "#d4e6f1", "#f4f1ea"

#: The overview of the war's area: centre (lat, lon) and zoom.
DEFAULT_VIEW = (49.0, 35.0, 5)
#: Locations are town centres: closer than zoom 13 (~streets) would claim false precision.
MIN_ZOOM, MAX_ZOOM = 2, 13
#: How close a shared link to one record zooms to show it: a record known to its district
#: or region stands for an area, so its view stops at that area's scale.
REVEAL_ZOOM = {"district": 10, "region": 8}

TITLE = "Strikes on energy infrastructure in the Russia–Ukraine war"
DISTRICTS_ATTRIBUTION = (
    "Districts of Ukraine: OCHA COD-AB (SSPE Kartographia), CC BY-IGO 3.0; settlements and "
    "pre-2020 raions: KATOTTG/KOATUU (Ministry for Communities and Territories Development "
    "of Ukraine, State Statistics Service of Ukraine) via kse-ua/KSE-Loc-Data-Hub (MIT)"
)
BASE_CREDIT = (
    "Boundaries: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · "
    "Districts: OCHA COD-AB (CC BY-IGO 3.0), KATOTTG/KOATUU"
)
DATA_CREDIT = f"{BASE_CREDIT} · Incidents: see each source"
WRI_CREDIT = (
    "Power plants: Global Power Plant Database v1.3.0, World Resources Institute (2021), CC BY 4.0"
)
PLANT_NAMES_CREDIT = (
    "Russian names of some plants: Global Energy Monitor, Global Coal Plant, Oil and Gas Plant "
    "and Hydropower Trackers (2024), CC BY 4.0; two from OpenStreetMap, © OpenStreetMap "
    "contributors, ODbL"
)
#: What a map or export owes when it shows catalogue sites: their English names come from
#: WRI, and the Cyrillic names shown in popups and tables partly from GEM and OSM.
SITES_DATA_CREDIT = f"{DATA_CREDIT} · {WRI_CREDIT} · {PLANT_NAMES_CREDIT}"
FACILITY_CREDIT = (
    f"{WRI_CREDIT} · {PLANT_NAMES_CREDIT} · Oil and gas sites: compiled from public reporting "
    "(see each row)"
)


def label(code: str) -> str:
    """A code in words: 'thermal_power_plant' -> 'Thermal power plant'."""
    return code.replace("_", " ").capitalize()


def words(code: str) -> str:
    """A code in running text: 'drone_and_missile' -> 'drone and missile'."""
    return code.replace("_", " ")
