from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.__main__ import main
from dashboard.core.incidents.tables import (
    FAST_READ_BYTES,
    TableError,
    _read_rows,
    read_table,
    write_csv,
)
from dashboard.core.ingest import ingest_bytes
from dashboard.core.join.place import Geography

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STARTER_LAYOUT = FIXTURES / "starter_layout.csv"


def test_every_row_lands_in_exactly_one_file(geo: Geography) -> None:
    result = ingest_bytes(STARTER_LAYOUT.read_bytes(), geo)
    accepted = set(result.accepted["id"])
    rejected = set(result.rejected["id"])
    assert accepted == {"T1", "T2", "T5", "T6"} and rejected == {"T3", "T4"}
    assert result.counts == {"input": 6, "accepted": 4, "rejected": 2, "merged": 0}
    reasons = dict(zip(result.rejected["id"], result.rejected["reason"], strict=True))
    assert "column 'date': value '2025-13-40'" in reasons["T3"]
    assert "column 'settlement': value 'Atlantis'" in reasons["T4"]
    # A rejected row keeps its original values.
    t3 = result.rejected.set_index("id").loc["T3"]
    assert (t3["date"], t3["settlement"], t3["row"]) == ("2025-13-40", "Belgorod", 4)


def test_ingest_places_by_name_region_and_coordinates(geo: Geography) -> None:
    placed = ingest_bytes(STARTER_LAYOUT.read_bytes(), geo).accepted.set_index("id")
    assert placed.loc["T1", ["admin1_iso", "location_precision"]].tolist() == [
        "RU-VOR",
        "settlement",
    ]
    assert placed.loc["T2", ["admin1_iso", "location_precision"]].tolist() == ["RU-BRY", "region"]
    assert placed.loc["T5", "admin1_iso"] == "UA-63"
    assert placed.loc["T6", "admin1_iso"] == "UA-65"
    # A v1 file's night-wide interception claim is kept in the notes, never summed.
    assert "interception claim reported with the attack: 44" in placed.loc["T2", "notes"]


def test_semicolon_cp1251_with_bom_and_ragged_rows(geo: Geography) -> None:
    text = (
        "id;date;attacker;settlement;facility_type;source_url\n"
        "C1;2024-03-22;Russia;Харків;chp;https://example.org/c1\n"
        "C2;2024-03-22;Russia;Харків;chp\n"
    )
    result = ingest_bytes(text.encode("cp1251"), geo)
    assert result.accepted["admin1_iso"].tolist() == ["UA-63"]
    assert "row has 5 fields but the header has 6" in result.rejected["reason"].iat[0]
    utf8 = ingest_bytes(b"\xef\xbb\xbf" + text.replace(";", "\t").encode(), geo)
    assert utf8.accepted["settlement"].tolist() == ["Харків"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"just one line of prose", "not a header"),
        (b"id,date,id\n1,2,3\n", "repeats column"),
        (b"id,date\nA,2024-01-01\n", "cannot tell the format from the header"),
    ],
)
def test_files_that_are_not_tables_fail_with_a_clear_message(
    geo: Geography, data: bytes, message: str
) -> None:
    with pytest.raises(TableError, match=message):
        ingest_bytes(data, geo)


def test_size_limit() -> None:
    with pytest.raises(TableError, match="limit is"):
        read_table(b"a,b\n" + b"1,2\n" * 100, max_bytes=50)


def test_cli_writes_out_and_rejects(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    code = main(["ingest", str(STARTER_LAYOUT), "--out", str(out), "--rejects", str(rejects)])
    assert code == 0
    assert "6 native rows read: 4 incidents accepted" in capsys.readouterr().out
    accepted = pd.read_csv(out, dtype=str, keep_default_na=False)
    required = "id date attacker target_country settlement admin1_iso latitude longitude"
    required += " location_precision facility_type weapon"
    assert set(required.split()) <= set(accepted.columns)
    rejected = pd.read_csv(rejects, dtype=str, keep_default_na=False)
    header = STARTER_LAYOUT.read_text().splitlines()[0].split(",")
    assert list(rejected.columns[:2]) == ["row", "reason"]  # then every input column
    assert list(rejected.columns[2:]) == header
    assert len(accepted) + len(rejected) == 6


def test_cli_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x00\x00")
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", str(bad), "--out", "o", "--rejects", "r"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "binary" in run.stderr and "Traceback" not in run.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "dashboard", "ingest", "nope.csv", "--out", "o", "--rejects", "r"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_large_imports_are_kept_as_geoparquet(geo: Geography, tmp_path: Path) -> None:
    from dashboard.core.dataset import load_bundled

    out = tmp_path / "incidents.parquet"
    assert (
        main(
            ["ingest", str(STARTER_LAYOUT), "--out", str(out), "--rejects", str(tmp_path / "r.csv")]
        )
        == 0
    )
    reopened = load_bundled(geo, out).incidents.set_index("id")
    direct = ingest_bytes(STARTER_LAYOUT.read_bytes(), geo).accepted.set_index("id")
    assert list(reopened.index) == list(direct.index)
    assert reopened["admin1_iso"].astype(str).tolist() == direct["admin1_iso"].tolist()
    assert reopened["latitude"].tolist() == direct["latitude"].tolist()
    assert reopened.loc["T2", "notes"] == direct.loc["T2", "notes"]


def test_large_regular_files_read_as_the_row_reader_reads_them() -> None:
    """Arrow's reader (files of 1 MB and more) gives the reference reader's rows, as text:
    no number or date is guessed ("007" stays "007", "50.0" stays "50.0")."""
    header = "id,date,attacker,settlement,facility_type,latitude,source_url\n"
    rows = "".join(
        f"{i:03d},2025-01-{i % 28 + 1:02d},russia,Kharkiv,chp,50.0,https://ok.example/{i}\n"
        for i in range(20_000)
    )
    data = (header + rows).encode()
    assert len(data) >= FAST_READ_BYTES
    fast, reference = read_table(data, max_bytes=None), _read_rows(data)
    pd.testing.assert_frame_equal(fast.rows, reference.rows)
    assert fast.rows["id"].iat[7] == "007" and fast.rows["latitude"].iat[0] == "50.0"
    # An irregular file (a ragged row) is left to the row reader, which reports the line.
    ragged = read_table(data + b"1,2\n", max_bytes=None)
    assert ragged.ragged["row"].tolist() == [20_002]


#: Text as files carry it: delimiters, quotes, line breaks, blanks, other scripts.
LETTERS = st.one_of(st.sampled_from(',"\n\r\t a'), st.characters(exclude_categories=("Cs",)))
TEXT = st.one_of(st.none(), st.text(alphabet=LETTERS))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            TEXT,
            st.floats(allow_nan=True, allow_infinity=True),
            st.one_of(st.none(), st.integers(-(2**40), 2**40)),
            st.sampled_from(["day", "month", None]),
            st.one_of(TEXT, st.integers(), st.booleans(), st.floats()),
        ),
        max_size=30,
    )
)
def test_csv_files_are_written_byte_for_byte_as_pandas_writes_them(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple]
) -> None:
    """The command line's fast writer: text, numbers (-0.0, 1e-05, inf), whole numbers
    with gaps, categories and mixed objects as ``to_csv`` writes them."""
    frame = pd.DataFrame(rows, columns=["text", "number", "count", "kind", "mixed"])
    frame = frame.astype({"text": "str", "number": float, "count": "Int64", "kind": "category"})
    frame["mixed"] = frame["mixed"].astype(object)
    frame['quoted, "name"'] = frame["text"].astype(object)
    folder = tmp_path_factory.mktemp("csv")
    write_csv(frame, folder / "fast.csv")
    frame.to_csv(folder / "pandas.csv", index=False)
    assert (folder / "fast.csv").read_bytes() == (folder / "pandas.csv").read_bytes()


def test_the_csv_writer_leaves_other_columns_to_pandas(tmp_path: Path) -> None:
    frame = pd.DataFrame({"day": pd.to_datetime(["2024-01-01", "2024-01-02"]), "n": [1, 2]})
    write_csv(frame, tmp_path / "fast.csv")
    frame.to_csv(tmp_path / "pandas.csv", index=False)
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
