"""Fact and track accuracy floors.

- Seeds: the issue's bar (strict >= 0.9) and both seed tracks, nothing else.
- TUNED_FLOORS (heldout to heldout21, tracks): fact gold written blind by helper
  sessions that never saw the facts code; each set's first figures were recorded
  in tests/data/BLIND-FIGURES.txt, then its errors were read for the rules of the
  next round. These floors are REGRESSION guards, 0.03 under the figures at the
  end of the last round, not measures of generalization.
- BLIND_FLOORS: floors frozen from a set's first, blind measurement (less 0.03)
  and never moved: what the set scored before anyone looked. heldout22 and
  heldout23 have never been read: do not tune on their errors.
"""

from __future__ import annotations

import pytest

from odaextract.pipeline.evaluate_facts import evaluate_facts, evaluate_tracks, load_gold_facts, load_predicted_facts, slot_score
from odaextract.pipeline.run import run
from tests.conftest import ROOT, SHARED

DATA = ROOT / "tests" / "data"

# (set, measure, floor); measure is "detection", "strict" or a slot name.
TUNED_FLOORS = {
    "heldout": {"detection": 0.93, "donor": 0.97, "recipients": 0.90, "regions": 0.85, "channels": 0.87, "date": 0.88, "kind": 0.83, "status": 0.94, "cumulative": 0.92, "strict": 0.68},
    "heldout2": {"detection": 0.90, "donor": 0.93, "recipients": 0.82, "regions": 0.87, "channels": 0.80, "date": 0.89, "kind": 0.91, "status": 0.97, "cumulative": 0.93, "strict": 0.62},
    "heldout3": {"detection": 0.93, "donor": 0.96, "recipients": 0.93, "regions": 0.97, "channels": 0.89, "date": 0.89, "kind": 0.89, "status": 0.94, "cumulative": 0.93, "strict": 0.73},
    "heldout4": {"detection": 0.93, "donor": 0.92, "recipients": 0.89, "regions": 0.72, "channels": 0.84, "date": 0.91, "kind": 0.91, "status": 0.96, "cumulative": 0.97, "strict": 0.68},
    "heldout5": {"detection": 0.92, "donor": 0.94, "recipients": 0.82, "regions": 0.93, "channels": 0.82, "date": 0.94, "kind": 0.81, "status": 0.93, "cumulative": 0.94, "strict": 0.64},
    "heldout6": {"detection": 0.93, "donor": 0.97, "recipients": 0.87, "regions": 0.90, "channels": 0.89, "date": 0.83, "kind": 0.87, "status": 0.97, "cumulative": 0.95, "strict": 0.69},
    "heldout7": {"detection": 0.96, "donor": 0.95, "recipients": 0.94, "regions": 0.81, "channels": 0.82, "date": 0.89, "kind": 0.85, "status": 0.97, "cumulative": 0.92, "strict": 0.70},
    "heldout8": {"detection": 0.96, "donor": 0.97, "recipients": 0.88, "regions": 0.88, "channels": 0.83, "date": 0.90, "kind": 0.92, "status": 0.97, "cumulative": 0.90, "strict": 0.65},
    "heldout9": {"detection": 0.93, "donor": 0.95, "recipients": 0.90, "regions": 0.88, "channels": 0.90, "date": 0.92, "kind": 0.87, "status": 0.95, "cumulative": 0.95, "strict": 0.68},
    "heldout10": {"detection": 0.88, "donor": 0.95, "recipients": 0.88, "regions": 0.93, "channels": 0.75, "date": 0.93, "kind": 0.89, "status": 0.93, "cumulative": 0.97, "strict": 0.65},
    "heldout11": {"detection": 0.91, "donor": 0.95, "recipients": 0.86, "regions": 0.85, "channels": 0.82, "date": 0.87, "kind": 0.81, "status": 0.85, "cumulative": 0.94, "strict": 0.48},
    "heldout12": {"detection": 0.94, "donor": 0.92, "recipients": 0.78, "regions": 0.82, "channels": 0.79, "date": 0.91, "kind": 0.73, "status": 0.92, "cumulative": 0.86, "strict": 0.46},
    "heldout13": {"detection": 0.96, "donor": 0.91, "recipients": 0.85, "regions": 0.82, "channels": 0.81, "date": 0.90, "kind": 0.94, "status": 0.95, "cumulative": 0.97, "strict": 0.69},
    "heldout14": {"detection": 0.91, "donor": 0.92, "recipients": 0.80, "regions": 0.77, "channels": 0.85, "date": 0.86, "kind": 0.92, "status": 0.95, "cumulative": 0.94, "strict": 0.55},
    "heldout15": {"detection": 0.95, "donor": 0.95, "recipients": 0.87, "regions": 0.91, "channels": 0.86, "date": 0.93, "kind": 0.83, "status": 0.93, "cumulative": 0.93, "strict": 0.52},
    "heldout16": {"detection": 0.91, "donor": 0.94, "recipients": 0.88, "regions": 0.87, "channels": 0.79, "date": 0.86, "kind": 0.81, "status": 0.95, "cumulative": 0.91, "strict": 0.49},
    "heldout17": {"detection": 0.92, "donor": 0.94, "recipients": 0.78, "regions": 0.79, "channels": 0.77, "date": 0.95, "kind": 0.82, "status": 0.95, "cumulative": 0.95, "strict": 0.51},
    "heldout18": {"detection": 0.95, "donor": 0.90, "recipients": 0.90, "regions": 0.91, "channels": 0.77, "date": 0.86, "kind": 0.87, "status": 0.87, "cumulative": 0.92, "strict": 0.59},
    "heldout19": {"detection": 0.95, "donor": 0.95, "recipients": 0.90, "regions": 0.85, "channels": 0.82, "date": 0.93, "kind": 0.91, "status": 0.97, "cumulative": 0.91, "strict": 0.64},
    "heldout20": {"detection": 0.93, "donor": 0.93, "recipients": 0.86, "regions": 0.91, "channels": 0.69, "date": 0.91, "kind": 0.81, "status": 0.93, "cumulative": 0.85, "strict": 0.49},
    "heldout21": {"detection": 0.91, "donor": 0.93, "recipients": 0.90, "regions": 0.88, "channels": 0.85, "date": 0.88, "kind": 0.87, "status": 0.93, "cumulative": 0.93, "strict": 0.59},
    "tracks": {"detection": 0.97, "donor": 0.97, "recipients": 0.97, "regions": 0.97, "channels": 0.97, "date": 0.97, "kind": 0.97, "status": 0.97, "cumulative": 0.97, "strict": 0.97},
}
# Frozen at the first, blind measurement less 0.03; raise only, never tune to them.
# heldout22 and heldout23 have never been read (tests/data/BLIND-FIGURES.txt); every
# earlier set was read after its first figures were recorded and is in TUNED_FLOORS.
BLIND_FLOORS: dict[str, dict[str, float]] = {
    "heldout22": {"detection": 0.92, "donor": 0.95, "recipients": 0.90, "regions": 0.90, "channels": 0.87, "date": 0.93, "kind": 0.91, "status": 0.91, "cumulative": 0.95, "strict": 0.67},
    "heldout23": {"detection": 0.94, "donor": 0.92, "recipients": 0.92, "regions": 0.87, "channels": 0.88, "date": 0.85, "kind": 0.88, "status": 0.95, "cumulative": 0.95, "strict": 0.65},
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


# Mention value F1 (ALL labels) of every other held-out set, 0.03 under its figure at the
# end of the round (tests/data/BLIND-FIGURES.txt has the first ones); heldout and heldout2
# have their per-label bars in test_accuracy.py.
MENTION_FLOORS = {"heldout3": 0.95, "heldout4": 0.96, "heldout5": 0.95, "heldout6": 0.95, "heldout7": 0.95, "heldout8": 0.96,
                  "heldout9": 0.95, "heldout10": 0.95, "heldout11": 0.94, "heldout12": 0.95, "heldout13": 0.96, "heldout14": 0.96,
                  "heldout15": 0.96, "heldout16": 0.94, "heldout17": 0.91, "heldout18": 0.94, "heldout19": 0.94,
                  "heldout20": 0.95, "heldout21": 0.94,
                  "heldout22": 0.96, "heldout23": 0.93}


@pytest.mark.parametrize("name, floor", sorted(MENTION_FLOORS.items()))
def test_held_out_mentions_do_not_regress(fact_run, name, floor):
    from odaextract.pipeline.evaluate import evaluate, load_gold, load_predictions

    out = fact_run(name)
    report = evaluate(load_gold(DATA / name / "gold.jsonl"), load_predictions(out / "mentions.jsonl"))
    assert report["ALL"]["value"]["f1"] >= floor
