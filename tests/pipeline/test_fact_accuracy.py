"""Fact and track accuracy floors.

- Seeds: the issue's bar (strict >= 0.9) and both seed tracks, nothing else.
- heldout, heldout2, tracks, heldout3, heldout4, heldout5: fact gold written blind by
  helper sessions that never saw the facts code; the facts stage was then
  tuned on their errors (heldout3, heldout4 and heldout5 in the second round, after
  their blind figures were recorded in tests/data/BLIND-FIGURES.txt), so
  these floors are REGRESSION guards (set a little under the tuned figures),
  not measures of generalization.
- BLIND_FLOORS: floors frozen from a set's first, blind measurement (less
  0.03) and never moved: what each set scored before anyone looked. heldout6,
  heldout7 and heldout8 were read afterwards, each for the rules of the next
  round (tests/data/BLIND-FIGURES.txt says when); heldout9 has never been read:
  do not tune on its errors.
"""

from __future__ import annotations

import pytest

from odaextract.pipeline.evaluate_facts import evaluate_facts, evaluate_tracks, load_gold_facts, load_predicted_facts, slot_score
from odaextract.pipeline.run import run
from tests.conftest import ROOT, SHARED

DATA = ROOT / "tests" / "data"

# (set, measure, floor); measure is "detection", "strict" or a slot name.
TUNED_FLOORS = {
    "heldout": {"detection": 0.93, "donor": 0.90, "recipients": 0.80, "channels": 0.65, "date": 0.85, "kind": 0.88,
                "status": 0.90, "cumulative": 0.90, "strict": 0.45},
    "heldout2": {"detection": 0.90, "donor": 0.62, "recipients": 0.55, "regions": 0.80, "channels": 0.58, "date": 0.78,
                 "kind": 0.90, "status": 0.88, "cumulative": 0.92, "strict": 0.20},
    "heldout3": {"detection": 0.89, "donor": 0.93, "recipients": 0.85, "channels": 0.82, "date": 0.90, "kind": 0.90,
                 "status": 0.90, "cumulative": 0.93, "strict": 0.60},
    "heldout4": {"detection": 0.90, "donor": 0.89, "recipients": 0.76, "channels": 0.73, "date": 0.82, "kind": 0.89,
                 "status": 0.93, "cumulative": 0.97, "strict": 0.47},
    "heldout5": {"detection": 0.90, "donor": 0.88, "recipients": 0.72, "regions": 0.73, "channels": 0.70, "date": 0.89,
                 "kind": 0.74, "status": 0.92, "cumulative": 0.94, "strict": 0.34},
    "tracks": {"detection": 0.98, "donor": 0.98, "recipients": 0.98, "channels": 0.98, "date": 0.98, "kind": 0.98,
               "status": 0.98, "cumulative": 0.98, "strict": 0.95},
}
# Frozen at the first, blind measurement less 0.03; raise only, never tune to them.
# heldout3 was the blind set until the second round of issue 11, when its errors
# (then heldout4's, heldout5's and heldout6's, each after its first figures were
# recorded) were read; heldout3-5 are in TUNED_FLOORS, heldout6 keeps its frozen floors.
BLIND_FLOORS: dict[str, dict[str, float]] = {
    "heldout9": {"detection": 0.90, "donor": 0.85, "recipients": 0.81, "regions": 0.60, "channels": 0.81, "date": 0.93,
                 "kind": 0.83, "status": 0.95, "cumulative": 0.95, "strict": 0.57},
    "heldout8": {"detection": 0.97, "donor": 0.90, "recipients": 0.85, "regions": 0.60, "channels": 0.66, "date": 0.77,
                 "kind": 0.83, "status": 0.94, "cumulative": 0.89, "strict": 0.39},
    "heldout7": {"detection": 0.95, "donor": 0.94, "recipients": 0.81, "regions": 0.51, "channels": 0.75, "date": 0.87,
                 "kind": 0.84, "status": 0.97, "cumulative": 0.91, "strict": 0.51},
    "heldout6": {"detection": 0.91, "donor": 0.91, "recipients": 0.64, "regions": 0.63, "channels": 0.76, "date": 0.67,
                 "kind": 0.80, "status": 0.97, "cumulative": 0.95, "strict": 0.34},
}


def _score(report, measure):
    if measure in ("detection", "strict"):
        return report[measure]["f1"]
    return slot_score(report, measure)


@pytest.fixture(scope="module")
def fact_run(annotator, tmp_path_factory):
    outputs = {}

    def get(name):
        if name not in outputs:
            out = tmp_path_factory.mktemp(name)
            run([DATA / name], out, annotator=annotator)
            outputs[name] = out
        return outputs[name]

    return get


@pytest.fixture(scope="module")
def seed_facts(seed_run):
    out, _ = seed_run
    gold = load_gold_facts(SHARED / "gold" / "seeds-facts.jsonl")
    return out, evaluate_facts(gold, load_predicted_facts(out / "facts.jsonl"))


def test_seed_facts_meet_the_bar(seed_facts):
    _, report = seed_facts
    assert report["detection"]["f1"] == 1.0
    assert report["strict"]["f1"] >= 0.9
    for slot in ("donor", "recipients", "regions", "date", "kind", "status", "cumulative"):
        assert slot_score(report, slot) == 1.0, slot


def test_seed_tracks_are_both_found_and_nothing_else(seed_facts):
    out, _ = seed_facts
    report = evaluate_tracks(SHARED / "gold" / "seeds-tracks.jsonl", out / "tracks.jsonl", load_predicted_facts(out / "facts.jsonl"))
    assert report["predicted_tracks"] == report["gold_tracks"] == 2
    assert report["pairs"]["f1"] == 1.0


@pytest.mark.parametrize("name, measure, floor", [(n, m, f) for n, floors in TUNED_FLOORS.items() for m, f in floors.items()])
def test_tuned_sets_do_not_regress(fact_run, name, measure, floor):
    out = fact_run(name)
    report = evaluate_facts(load_gold_facts(DATA / name / "facts-gold.jsonl"), load_predicted_facts(out / "facts.jsonl"))
    assert _score(report, measure) >= floor


@pytest.mark.parametrize("name, measure, floor", [(n, m, f) for n, floors in BLIND_FLOORS.items() for m, f in floors.items()])
def test_blind_set_stays_above_its_frozen_floors(fact_run, name, measure, floor):
    out = fact_run(name)
    report = evaluate_facts(load_gold_facts(DATA / name / "facts-gold.jsonl"), load_predicted_facts(out / "facts.jsonl"))
    assert _score(report, measure) >= floor


def test_multi_edition_tracks(fact_run):
    out = fact_run("tracks")
    report = evaluate_tracks(DATA / "tracks" / "tracks-gold.jsonl", out / "tracks.jsonl", load_predicted_facts(out / "facts.jsonl"))
    assert report["pairs"]["precision"] >= 0.95 and report["pairs"]["recall"] >= 0.95
