import pytest
from pydantic import ValidationError

from odaextract.models import Mention


def _mention(**changes):
    record = {
        "id": "d:10-23",
        "doc_id": "d",
        "label": "MONEY",
        "text": "$1.98 billion",
        "start": 10,
        "end": 23,
        "norm": {"amount": 1980000000, "currency": "USD", "approximate": True},
        "page": None,
        "section": "(3) Assistance",
        "sentence": "Japan provided approximately $1.98 billion.",
        "sentence_start": 0,
        "sentence_end": 40,
        "source": "rule",
    }
    record.update(changes)
    return record


def test_valid_mention_keeps_the_guideline_norm_keys():
    mention = Mention.model_validate(_mention())
    dumped = mention.model_dump(mode="json")
    assert {"amount", "currency", "approximate"} <= set(dumped["norm"])
    assert dumped["norm"]["amount"] == 1980000000


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"id": "d:0-13"}, "id must be"),
        ({"sentence_start": 11}, "inside"),
        ({"sentence_end": 22}, "inside"),
        ({"end": 24}, "end - start"),
        ({"label": "DATE"}, "start"),
        ({"norm": {"amount": 1, "currency": "usd", "approximate": False}}, "currency"),
        ({"text": " $1.98 billio", "end": 23}, "whitespace"),
        ({"label": "ORG", "norm": {"name": "JICA"}}, "acronym"),
    ],
)
def test_invalid_mentions_are_rejected(changes, message):
    with pytest.raises(ValidationError, match=message):
        Mention.model_validate(_mention(**changes))


def test_date_norm_needs_an_ordered_interval():
    base = _mention(label="DATE", text="2017 to 2016", norm={"start": "2017-01-01", "end": "2016-12-31"}, end=22, id="d:10-22")
    with pytest.raises(ValidationError, match="after end"):
        Mention.model_validate(base)
    base["norm"] = {"start": None, "end": None}
    with pytest.raises(ValidationError, match="start or an end"):
        Mention.model_validate(base)
