"""``python -m dashboard extract``: one article as JSON, many into native-schema CSV files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from dashboard.core.incidents import schema

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
SEED = ARTICLES / "2025-11-09-voronezh-belgorod.txt"
BELGOROD_RU = (
    "Опубликовано: 9 ноября 2025\n\n"
    "Поздно вечером в субботу ракетный удар повредил объекты энергетики в Белгороде, "
    "сообщил губернатор Белгородской области Вячеслав Гладков. Без света остались около "
    "20 тысяч домохозяйств.\n"
)
BELGOROD_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0040)https://example.org/news/belgorod-strike -->
<html><head><meta charset="utf-8"><title>Belgorod without power</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-11-09T08:15:00+03:00">
<script>document.write("Drones hit a substation in Kharkiv overnight.")</script></head>
<body><nav>Drones hit a refinery in Ryazan overnight.</nav>
<article><h1>Belgorod without power after strike</h1>
<p>Late Saturday, a missile strike caused serious damage to power and heating systems
serving the city of Belgorod, Gov. Vyacheslav Gladkov said.</p></article></body></html>
"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_extract_command_prints_the_suggestions_as_json() -> None:
    result = run(str(SEED), "--published", "2025-11-09")
    assert result.returncode == 0, result.stderr
    suggestions = json.loads(result.stdout)
    assert [(s["kind"], s["settlement"], s["admin1_iso"], s["date"]) for s in suggestions] == [
        ("strike", "Voronezh", "RU-VOR", "2025-11-09"),
        ("strike", "Belgorod", "RU-BEL", "2025-11-08"),
        ("interception_claim", "", "RU-BRY", "2025-11-09"),
        ("interception_claim", "", "RU-ROS", "2025-11-09"),
    ]
    assert suggestions[1]["affected_count"] == 20000
    assert {s["source_outlet"] for s in suggestions} == {SEED.name}
    assert result.stderr == ""  # one article: no progress lines


def test_extract_command_reads_russian(tmp_path: Path) -> None:
    article = tmp_path / "belgorod.txt"
    article.write_text(BELGOROD_RU, encoding="utf-8")
    result = run(str(article))
    assert result.returncode == 0, result.stderr
    (strike,) = json.loads(result.stdout)
    assert (strike["settlement"], strike["admin1_iso"], strike["date"]) == (
        "Belgorod",
        "RU-BEL",
        "2025-11-08",
    )
    assert (strike["affected_count"], strike["affected_unit"]) == (20000, "households")


def test_extract_command_errors_are_messages(tmp_path: Path) -> None:
    undated = tmp_path / "a.txt"
    undated.write_text("Drones hit a substation in Kharkiv overnight.", encoding="utf-8")
    no_date = run(str(undated))
    assert no_date.returncode == 2 and "publication date" in no_date.stderr
    bad_date = run(str(undated), "--published", "yesterday")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    missing = run(str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run(str(tmp_path / "empty"))
    assert empty.returncode == 2 and "no files" in empty.stderr
    claims_alone = run(str(undated), "--claims", str(tmp_path / "c.csv"))
    assert claims_alone.returncode == 2 and "--claims needs --out" in claims_alone.stderr
    assert "Traceback" not in no_date.stderr + bad_date.stderr + missing.stderr


def test_a_batch_merges_reports_and_writes_native_csv(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "belgorod-ru.txt").write_text(BELGOROD_RU, encoding="utf-8")
    (folder / "belgorod.html").write_text(BELGOROD_PAGE, encoding="utf-8")
    out = tmp_path / "suggestions.csv"
    result = run(str(folder), "--published", "2025-11-09", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "[3/3] seed.txt: 2 strikes, 2 interception claims" in result.stderr
    strikes = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(strikes.columns) == list(schema.COLUMNS)
    assert len(schema.validate(strikes).rejected) == 0
    assert sorted(strikes["admin1_iso"]) == ["RU-BEL", "RU-VOR"]
    belgorod = strikes.set_index("admin1_iso").loc["RU-BEL"]
    # Three reports of the Belgorod strike, one suggestion listing every source.
    assert belgorod["date"] == "2025-11-08"
    assert belgorod["source_url"] == "https://example.org/news/belgorod-strike"
    assert belgorod["source_outlet"].split(" | ") == [
        "belgorod-ru.txt",
        "Example News",
        "seed.txt",
    ]
    assert (belgorod["affected_count"], belgorod["affected_unit"]) == ("20000", "households")
    claims = pd.read_csv(tmp_path / "suggestions.claims.csv", dtype=str, keep_default_na=False)
    assert sorted(claims["admin1_iso"]) == ["RU-BRY", "RU-ROS"]
    assert "interception claims" in result.stdout


def test_a_batch_with_unreadable_articles_still_writes_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text("Drones hit a depot in Bryansk.", encoding="utf-8")
    (tmp_path / "belgorod.txt").write_text(BELGOROD_RU, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run(str(tmp_path / "belgorod.txt"), str(tmp_path / "undated.txt"), "--out", str(out))
    assert result.returncode == 1
    assert "undated.txt" in result.stderr and "publication date" in result.stderr
    assert list(pd.read_csv(out)["admin1_iso"]) == ["RU-BEL"]
