"""Accuracy floors: the issues' bars, on the seeds and on the held-out chapters.

TUNED sets -- these are REGRESSION tests, not measures of accuracy on unseen text:
- the seeds (tests/data/gold-seeds.jsonl);
- heldout (tests/data/heldout/) and heldout2 (tests/data/heldout2/). They were
  written and annotated without sight of the pipeline, but the pipeline was
  then fixed on their errors (commit 15ccb5b) and the floors set at the
  figures reached afterwards (MONEY value 0.971 against a floor of 0.97).
  They guard against losing what was fixed; they say nothing about new text.

BLIND set -- floors frozen BEFORE any tuning on it:
- heldout3 (tests/data/heldout3/, being written by another session) goes in
  BLIND below with floors set from its first run and never raised after a
  fix made while looking at its errors. Once a fix is tuned on it, it moves
  to TUNED and a new blind set takes its place.
"""

import pytest

from odaextract.pipeline.evaluate import evaluate, load_gold, load_predictions
from odaextract.pipeline.run import run
from tests.conftest import GOLD_SEEDS, HELDOUT, ROOT

HELDOUT2 = ROOT / "tests" / "data" / "heldout2"

# Blind sets: folder -> its frozen (label, measure, floor) bars, fixed before any
# tuning on that folder. Add heldout3 here when it lands, e.g.
#   ROOT / "tests" / "data" / "heldout3": [("MONEY", "value", <first figure>), ...],
# and parametrize a `test_blind_bars` over it; do not edit a floor after a fix.
BLIND: dict = {}

# (label, measure, floor): the bars the issues set.
BARS = [
    ("MONEY", "value", 0.97),
    ("DATE", "value", 0.95),
    ("COUNTRY", "value", 0.97),
    ("ORG", "overlap", 0.90),
    ("ORG", "value", 0.85),
]


def _report(folder, annotator, tmp_path_factory):
    out = tmp_path_factory.mktemp(folder.name)
    run([folder], out, annotator=annotator)
    return evaluate(load_gold(folder / "gold.jsonl"), load_predictions(out / "mentions.jsonl"))


# Tuned held-out sets: regression tests (see the module docstring).
@pytest.fixture(scope="module", params=[HELDOUT, HELDOUT2], ids=["heldout", "heldout2"])
def heldout_report(request, annotator, tmp_path_factory):
    return _report(request.param, annotator, tmp_path_factory)


@pytest.fixture(scope="module")
def seed_report(seed_run):
    out, _ = seed_run
    return evaluate(load_gold(GOLD_SEEDS), load_predictions(out / "mentions.jsonl"))


@pytest.mark.parametrize("label, measure, floor", BARS)
def test_seed_bars(seed_report, label, measure, floor):
    assert seed_report[label][measure]["f1"] >= floor


@pytest.mark.parametrize("label, measure, floor", BARS)
def test_heldout_bars(heldout_report, label, measure, floor):
    assert heldout_report[label][measure]["f1"] >= floor


def test_heldout_overall_value_f1_does_not_drop(heldout_report):
    # Reached 0.996 (heldout) and 0.987 (heldout2) when this floor was set.
    assert heldout_report["ALL"]["value"]["f1"] >= 0.97
