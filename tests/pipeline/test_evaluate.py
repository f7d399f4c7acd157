import pytest

from odaextract.models import GoldDocument
from odaextract.pipeline.evaluate import Scores, Span, evaluate, norm_matches, prf


def _gold(*mentions):
    return GoldDocument(
        doc_id="d",
        mentions=[
            {"start": s, "end": e, "label": label, "text": "x" * (e - s), "norm": norm}
            for s, e, label, norm in mentions
        ],
    )


def test_prf_edge_cases():
    assert prf(0, 0, 0).f1 == 1.0  # nothing to find, nothing found
    assert prf(0, 3, 0).precision == 0.0
    assert prf(0, 0, 3).recall == 0.0  # something to find, nothing found
    assert prf(3, 3, 3) == Scores(1.0, 1.0, 1.0)
    assert prf(1, 2, 4) == Scores(0.5, 0.25, 0.3333)  # P and R differ: F1 is their harmonic mean
    scores = prf(2, 4, 2)
    assert (scores.precision, scores.recall) == (0.5, 1.0)
    assert scores.f1 == pytest.approx(0.6667, abs=1e-4)


def test_known_strict_overlap_and_value_scores():
    jpn = {"iso3": "JPN"}
    gold = _gold(
        (0, 5, "COUNTRY", jpn),
        (10, 23, "MONEY", {"amount": 1980000000, "currency": "USD", "approximate": True}),
        (30, 34, "DATE", {"start": "2017-01-01", "end": "2017-12-31"}),
        (40, 45, "ORG", {"name": "Japan International Cooperation Agency", "acronym": "JICA"}),
    )
    predictions = {
        "d": [
            Span(0, 5, "COUNTRY", jpn),  # strict, value
            Span(9, 23, "MONEY", {"amount": 1980000000, "currency": "USD", "approximate": False}),  # overlap, wrong norm
            Span(30, 34, "DATE", {"start": "2017-01-01", "end": "2017-12-31"}),  # strict, value
            Span(40, 45, "COUNTRY", jpn),  # wrong label: no match
            Span(50, 55, "ORG", {"name": "X", "acronym": None}),  # spurious
        ]
    }
    report = evaluate([gold], predictions)
    overall = report["ALL"]
    assert (overall["gold"], overall["pred"]) == (4, 5)
    assert overall["strict"] == {"precision": 0.4, "recall": 0.5, "f1": pytest.approx(0.4444, abs=1e-4)}
    assert overall["overlap"]["precision"] == 0.6 and overall["overlap"]["recall"] == 0.75
    assert overall["value"]["precision"] == 0.4 and overall["value"]["recall"] == 0.5
    assert overall["norm_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["MONEY"]["overlap"]["f1"] == 1.0 and report["MONEY"]["value"]["f1"] == 0.0
    assert report["ORG"]["overlap"]["recall"] == 0.0 and report["ORG"]["pred"] == 1


def test_overlap_matching_is_one_to_one():
    gold = _gold((0, 20, "ORG", {"name": "A B", "acronym": None}))
    predictions = {"d": [Span(0, 5, "ORG", {"name": "A", "acronym": None}), Span(6, 20, "ORG", {"name": "A B", "acronym": None})]}
    report = evaluate([gold], predictions)
    assert report["ORG"]["overlap"]["precision"] == 0.5
    assert report["ORG"]["overlap"]["recall"] == 1.0
    # The larger overlap is the match, and it carries the right name.
    assert report["ORG"]["value"]["recall"] == 1.0


def test_org_norm_matches_on_name_or_acronym():
    gold = {"name": "Japan International Cooperation Agency", "acronym": "JICA"}
    assert norm_matches("ORG", gold, {"name": "JICA", "acronym": "JICA"})
    assert norm_matches("ORG", gold, {"name": "the Japan International Cooperation Agency", "acronym": None})
    assert not norm_matches("ORG", gold, {"name": "JICA", "acronym": None})
    assert not norm_matches("ORG", {"name": "A", "acronym": None}, {"name": "B", "acronym": None})


def test_money_norm_compares_exact_values():
    gold = {"amount": 1980000000, "currency": "USD", "approximate": False}
    assert norm_matches("MONEY", gold, {"amount": 1980000000.0, "currency": "USD", "approximate": False})
    assert not norm_matches("MONEY", gold, {"amount": 1979999999.9999998, "currency": "USD", "approximate": False})
    assert not norm_matches("MONEY", gold, {"amount": 1980000000, "currency": "JPY", "approximate": False})


def test_a_non_numeric_amount_is_a_miss_but_a_bug_in_comparing_is_not_hidden(monkeypatch):
    # Issue 17: `except Exception: return False` turned any bug into a silent miss.
    gold = {"amount": 5, "currency": "USD", "approximate": False}
    assert not norm_matches("MONEY", gold, {"amount": "five", "currency": "USD", "approximate": False})

    def broken(value):
        raise AttributeError("planted bug")

    monkeypatch.setattr("odaextract.pipeline.evaluate.Decimal", broken)
    with pytest.raises(AttributeError, match="planted bug"):
        norm_matches("MONEY", gold, dict(gold))
