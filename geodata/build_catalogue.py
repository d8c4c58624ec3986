"""``geodata/catalogue.json``: provenance, licence and checksum of every derived file.

Modelled on geodatasets' database.json, so the app's About page and a reviewer can see
where each layer came from and check that the committed files are the ones built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from build_sources import sha256_of
from build_vendor import VendorPackage

NATURAL_EARTH_ATTRIBUTION = "Made with Natural Earth (naturalearthdata.com), public domain"
GEONAMES_ATTRIBUTION = "Contains data from GeoNames (geonames.org), CC BY 4.0"


@dataclass
class Layer:
    """One derived data file and where it came from."""

    file: Path
    description: str
    source: str
    source_version: str
    source_sha256: str
    licence: str
    attribution: str
    crs: str | None
    rows: int


def layer_entry(layer: Layer, repo_root: Path) -> dict[str, object]:
    """Catalogue record of a data layer, with the sha256 of the file as written."""
    return {
        "file": layer.file.relative_to(repo_root).as_posix(),
        "description": layer.description,
        "source": layer.source,
        "source_version": layer.source_version,
        "source_sha256": layer.source_sha256,
        "licence": layer.licence,
        "attribution": layer.attribution,
        "crs": layer.crs,
        "rows": layer.rows,
        "sha256": sha256_of(layer.file),
    }


def vendor_entry(package: VendorPackage, repo_root: Path, vendor_root: Path) -> dict[str, object]:
    """Catalogue record of a vendored front-end library, with each file's sha256."""
    return {
        "folder": (vendor_root / package.folder).relative_to(repo_root).as_posix(),
        "package": package.package,
        "version": package.version,
        "licence": package.licence,
        "files": {
            path.relative_to(vendor_root / package.folder).as_posix(): sha256_of(path)
            for path in package.copied
        },
    }


def write_catalogue(
    path: Path,
    layers: list[Layer],
    packages: list[VendorPackage],
    repo_root: Path,
    vendor_root: Path,
) -> None:
    """Write the catalogue as stable, sorted-by-construction JSON (no timestamps)."""
    catalogue = {
        "layers": {layer.file.stem: layer_entry(layer, repo_root) for layer in layers},
        "vendor": {
            package.folder: vendor_entry(package, repo_root, vendor_root) for package in packages
        },
    }
    path.write_text(json.dumps(catalogue, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def update_catalogue(path: Path, layers: list[Layer], repo_root: Path) -> None:
    """Replace (or add) the entries of the layers rebuilt alone, keeping the rest."""
    catalogue = json.loads(path.read_text(encoding="utf-8"))
    for layer in layers:
        catalogue["layers"][layer.file.stem] = layer_entry(layer, repo_root)
    path.write_text(json.dumps(catalogue, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
