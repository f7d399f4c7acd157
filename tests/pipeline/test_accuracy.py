"""Accuracy floors: the issues' bars, on the seeds and on the held-out chapters.

The held-out documents (tests/data/heldout/, tests/data/heldout2/) were
written and annotated without sight of the pipeline, in other chapters' and
editions' styles, with organizations the seeds never name; they guard
against rules that only fit the seeds.
"""

import pytest

from pipeline.evaluate import evaluate, load_gold, load_predictions
from pipeline.run import run
from tests.conftest import GOLD_SEEDS, HELDOUT, ROOT

HELDOUT2 = ROOT / "tests" / "data" / "heldout2"

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
