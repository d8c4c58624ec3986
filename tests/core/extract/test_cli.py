from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_extract_command_prints_the_suggestions_as_json() -> None:
    result = run(str(ARTICLES / "2025-11-09-voronezh-belgorod.txt"), "--published", "2025-11-09")
    assert result.returncode == 0, result.stderr
    suggestions = json.loads(result.stdout)
    assert [(s["kind"], s["settlement"], s["admin1_iso"], s["date"]) for s in suggestions] == [
        ("strike", "Voronezh", "RU-VOR", "2025-11-09"),
        ("strike", "Belgorod", "RU-BEL", "2025-11-08"),
        ("interception_claim", "", "RU-BRY", "2025-11-09"),
        ("interception_claim", "", "RU-ROS", "2025-11-09"),
    ]
    assert suggestions[1]["affected_count"] == 20000


def test_extract_command_errors_are_messages(tmp_path: Path) -> None:
    undated = tmp_path / "a.txt"
    undated.write_text("Drones hit a substation in Kharkiv overnight.", encoding="utf-8")
    no_date = run(str(undated))
    assert no_date.returncode == 2 and "publication date" in no_date.stderr
    bad_date = run(str(undated), "--published", "yesterday")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    missing = run(str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert "Traceback" not in no_date.stderr + bad_date.stderr + missing.stderr
