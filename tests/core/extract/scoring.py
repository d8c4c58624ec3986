"""Scoring suggestions against expected incidents: a measuring tool, kept with the tests.

``python -m tests.core.extract.scoring`` prints the scores the README reports: strikes
and interception claims, per language on the held-out and blind articles and on the rule
author's.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.core.extract.article import Suggestion, extract
from dashboard.core.extract.dates import find_published
from dashboard.core.join.place import Geography

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
#: Written by the rules' author, expected answers before the rules were tuned.
RULE_AUTHOR = FIXTURES / "articles"
#: Written by a helper who never saw the rules (frozen: see its README.md).
BLIND = FIXTURES / "articles_blind"
#: Written later by another such helper, scored before any rule was tuned on it.
HELDOUT = FIXTURES / "articles_heldout"
#: Written by a third helper after the rules were tuned on the held-out set: never tuned on.
UNSEEN = FIXTURES / "articles_unseen"
KINDS = ("strike", "interception_claim")

Case = tuple[Sequence[Suggestion], Sequence[Mapping[str, object]]]


@dataclass(frozen=True)
class Scores:
    """Match counts of suggestions against expected incidents."""

    precision: float
    recall: float
    tp: int
    fp: int
    fn: int


def evaluate(cases: Iterable[Case]) -> Scores:
    """Precision and recall over (suggestions, expected incidents) pairs.

    A suggestion matches an expected incident when date, attacker and admin-1 code
    agree (the settlement's region, or the region itself for region-level ones);
    each expected incident is matched at most once. With nothing suggested,
    precision is 1.0; with nothing expected, recall is 1.0.
    """
    tp = fp = fn = 0
    for suggested, expected in cases:
        got = Counter((s.date.isoformat(), s.attacker, s.admin1_iso) for s in suggested)
        want = Counter((str(e["date"]), str(e["attacker"]), str(e["admin1_iso"])) for e in expected)
        hits = sum((got & want).values())
        tp += hits
        fp += sum(got.values()) - hits
        fn += sum(want.values()) - hits
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return Scores(precision=precision, recall=recall, tp=tp, fp=fp, fn=fn)


def of_kind(cases: Iterable[Case], kind: str) -> list[Case]:
    """The cases keeping only records of one kind (``strike`` or ``interception_claim``),
    suggested and expected alike: a claim is never scored as a strike, nor the reverse."""
    return [
        (
            [s for s in suggested if s.kind == kind],
            [e for e in expected if e.get("kind", "strike") == kind],
        )
        for suggested, expected in cases
    ]


def read_cases(folder: Path, geo: Geography) -> dict[str, list[Case]]:
    """Each article's suggestions and expected records, by language ("en" where the
    expected file does not say)."""
    cases: dict[str, list[Case]] = {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        records = expected["records"] if isinstance(expected, dict) else expected
        language = expected.get("language", "en") if isinstance(expected, dict) else "en"
        # Articles are named by publication date; a "Published:" line says it too.
        published = find_published(text) or date.fromisoformat(path.name[:10])
        cases.setdefault(language, []).append((extract(text, geo, published), records))
    return cases


def digest(folder: Path) -> str:
    """Digest of every file in a frozen set, names and contents: a changed case shows."""
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        sha.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return sha.hexdigest()[:12]


def report(geo: Geography) -> str:
    """The score table: precision and recall per set, language and record kind."""
    lines = ["| articles | language | kind | precision | recall | tp | fp | fn |"]
    lines.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    sets = (
        ("unseen", UNSEEN),
        ("held-out", HELDOUT),
        ("blind", BLIND),
        ("rule author", RULE_AUTHOR),
    )
    for name, folder in sets:
        for language, cases in read_cases(folder, geo).items():
            for kind in KINDS:
                s = evaluate(of_kind(cases, kind))
                lines.append(
                    f"| {name} ({len(cases)}) | {language} | {kind} | {s.precision:.2f} | "
                    f"{s.recall:.2f} | {s.tp} | {s.fp} | {s.fn} |"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    from dashboard.core.dataset import load_geography

    print(report(load_geography()))
