"""The fact and track records refuse what breaks the contract."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from odaextract.models.fact import Fact, Track

AMOUNT = {"id": "d:10-22", "start": 10, "end": 22, "text": "$447 million", "amount": 447_000_000,
          "currency": "USD", "approximate": True, "bound": None}


def _fact(**changes):
    fact = {"id": "d:fact:10-22", "doc_id": "d", "amount": AMOUNT, "equivalents": [], "donor": {"iso3": "JPN"},
            "recipients": ["SOM"], "regions": [], "channels": [], "date": {"start": "2007-01-01", "end": None},
            "kind": "unspecified", "status": "provided", "cumulative": True, "evidence": {"recipients": ["d:40-47"]},
            "sentence": "x" * 60, "sentence_start": 0, "sentence_end": 60}
    fact.update(changes)
    return fact


def test_a_valid_fact_and_its_json_round_trip():
    fact = Fact.model_validate(_fact())
    assert Fact.model_validate_json(fact.model_dump_json()) == fact
    assert fact.donor.iso3 == "JPN" and fact.date.end is None


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"recipients": ["SOM", "KEN"]}, "sorted"),
        ({"recipients": ["som"]}, "alpha-3"),
        ({"id": "d:10-22"}, "id must be"),
        ({"date": {"start": "2020-01-01", "end": "2019-01-01"}}, "after end"),
        ({"date": {"start": None, "end": None}}, "start or an end"),
        ({"kind": "gift"}, "kind"),
        ({"evidence": {"weather": []}}, "unknown slots"),
        ({"sentence_start": 30}, "inside its sentence"),
        ({"donor": {"iso3": "JPN", "org": "JICA"}}, "donor"),
    ],
)
def test_a_fact_that_breaks_the_contract_is_refused(changes, message):
    with pytest.raises(ValidationError, match=message):
        Fact.model_validate(_fact(**changes))


def test_a_track_links_facts_of_different_documents_only():
    point = {"fact_id": "a:fact:1-2", "doc_id": "a", "edition_year": 2017, "as_of": "2017-12-31",
             "amount": 1, "currency": "USD", "change": None}
    track = {"id": "track-1", "donor": {"iso3": "JPN"}, "recipients": ["SOM"], "channel": None, "since": None,
             "series": [point, {**point, "fact_id": "b:fact:1-2", "doc_id": "b", "change": 0}], "flags": []}
    assert Track.model_validate(track).series[1].doc_id == "b"
    with pytest.raises(ValidationError, match="different documents"):
        Track.model_validate({**track, "series": [point, {**point, "fact_id": "a:fact:3-4"}]})
