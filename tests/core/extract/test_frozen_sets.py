"""Scores on the frozen article sets, per language: strikes and interception claims.

Every set was written from real reporting (each case cites its pages) by a helper who
never saw the rules, and is frozen: a rule is changed, never a case (README, "From a
news article").

* ``articles_blind`` (36): the Russian and Ukrainian rules were written with it in view,
  so its scores are the rules' author's.
* ``articles_heldout`` (36): scored first as it came (strikes ru 0.62 / 0.73, uk 0.71 /
  0.83, en 0.31 / 0.33; claims ru 1.00 / 0.73, uk 1.00 / 0.75, en 1.00 / 0.50), then
  tuned on: the 0.9 target holds after tuning.
* ``articles_unseen`` (15): written after that tuning by a third helper, scored once and
  never tuned on (fix a miss with sentences of its own in another test, never by reading
  these). Its floors are that run's scores, so a change that makes the extractor worse
  on text it has not seen fails here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.core.join.place import Geography
from tests.core.extract.scoring import (
    BLIND,
    HELDOUT,
    KINDS,
    UNSEEN,
    Case,
    digest,
    evaluate,
    of_kind,
    read_cases,
)

TARGET = (0.9, 0.9)
LANGUAGES = ("ru", "uk", "en")


@dataclass(frozen=True)
class FrozenSet:
    folder: Path
    digest: str  # of every file, names and contents
    per_language: int
    floors: dict[tuple[str, str], tuple[float, float]]  # (language, kind) -> (P, R)


SETS = {
    "blind": FrozenSet(
        BLIND, "892129993afd", 12, {(lang, k): TARGET for lang in LANGUAGES for k in KINDS}
    ),
    "heldout": FrozenSet(
        HELDOUT, "8bb614bf3412", 12, {(lang, k): TARGET for lang in LANGUAGES for k in KINDS}
    ),
    "unseen": FrozenSet(
        UNSEEN,
        "2215887a7770",
        5,
        {
            ("ru", "strike"): (1.00, 0.60),
            ("uk", "strike"): (0.75, 0.75),
            ("en", "strike"): (1.00, 1.00),
            ("ru", "interception_claim"): (1.00, 1.00),
            ("uk", "interception_claim"): (1.00, 1.00),
            ("en", "interception_claim"): (1.00, 0.88),
        },
    ),
}


@pytest.fixture(scope="module")
def cases(geo: Geography) -> dict[str, dict[str, list[Case]]]:
    return {name: read_cases(frozen.folder, geo) for name, frozen in SETS.items()}


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_is_frozen(name: str) -> None:
    assert digest(SETS[name].folder) == SETS[name].digest


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_language_has_its_articles(cases, name: str) -> None:
    expected = dict.fromkeys(LANGUAGES, SETS[name].per_language)
    assert {language: len(c) for language, c in cases[name].items()} == expected


@pytest.mark.parametrize(
    ("name", "language", "kind"),
    [(name, lang, kind) for name, frozen in SETS.items() for lang, kind in frozen.floors],
)
def test_scores_reach_their_floor(cases, name: str, language: str, kind: str) -> None:
    # Blind, measured: strikes ru 0.90 / 0.90 (Orenburg: attacker unnamed, 'unknown'
    # expected, the side by place given), every other 1.00 / 1.00.
    precision, recall = SETS[name].floors[(language, kind)]
    scores = evaluate(of_kind(cases[name][language], kind))
    assert scores.precision >= precision and scores.recall >= recall, scores
