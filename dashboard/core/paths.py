"""Where the project's files live, defined once so that moving a module moves nothing else."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = PACKAGE_DIR.parent
DATA_DIR = REPO_DIR / "data"
GEODATA_DIR = REPO_DIR / "geodata"
STATIC_DIR = PACKAGE_DIR / "static"
