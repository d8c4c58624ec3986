"""Scoring suggestions against expected incidents: a measuring tool, kept with the tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dashboard.core.extract.article import Suggestion


@dataclass(frozen=True)
class Scores:
    """Match counts of suggestions against expected incidents."""

    precision: float
    recall: float
    tp: int
    fp: int
    fn: int


def evaluate(
    cases: Iterable[tuple[Sequence[Suggestion], Sequence[Mapping[str, object]]]],
) -> Scores:
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
