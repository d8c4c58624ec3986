"""Fetch the build's one raw input that is not a PyPI package: Debian's qgis-common.

Everything else comes from packages installed from ``requirements-build.txt``.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

QGIS_DEB_VERSION = "3.22.16+dfsg-1"
QGIS_DEB = f"qgis-common_{QGIS_DEB_VERSION}_all.deb"
WORLD_MAP_MEMBER = "./usr/share/qgis/resources/data/world_map.gpkg"
WORLD_MAP_SHA256 = "ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks so large inputs stay cheap."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of_files(paths: list[Path]) -> str:
    """One sha256 over several inputs, in the given order (each file's name and bytes)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fetch_world_map(workdir: Path, skip_download: bool) -> Path:
    """Return Natural Earth's ``world_map.gpkg`` from Debian's qgis-common, sha256-checked.

    We use ``apt-get download`` (not install: that pulls ~31 packages) and take the single
    file out of the .deb with ``dpkg-deb``.
    """
    gpkg = workdir / "world_map.gpkg"
    if gpkg.exists() and sha256_of(gpkg) == WORLD_MAP_SHA256:
        return gpkg
    deb = workdir / QGIS_DEB
    if not deb.exists():
        if skip_download:
            raise SystemExit(f"--skip-download given but {deb} is missing")
        subprocess.run(
            ["apt-get", "download", f"qgis-common={QGIS_DEB_VERSION}"], cwd=workdir, check=True
        )
    fsys = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], check=True, capture_output=True)
    extracted = subprocess.run(
        ["tar", "-xO", WORLD_MAP_MEMBER], input=fsys.stdout, check=True, capture_output=True
    )
    gpkg.write_bytes(extracted.stdout)
    actual = sha256_of(gpkg)
    if actual != WORLD_MAP_SHA256:
        raise SystemExit(f"world_map.gpkg sha256 is {actual}, expected {WORLD_MAP_SHA256}")
    return gpkg
