"""MONEY: rule-based amounts with value, currency and hedges (see pipeline.money)."""

from __future__ import annotations

from typing import Callable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder


@spacy.registry.misc("odaextract.money_finder.v1")
def make_money_finder() -> Callable[[str], Sequence]:
    from pipeline.money import find_money

    return find_money


class MoneyRecognizer(CandidateFinder):
    def __init__(self, name: str, finder: Callable[[str], Sequence]):
        self.name = name
        self.finder = finder

    def match(self, doc: Doc) -> list[Candidate]:
        from pipeline.money import amount_to_json

        matches = self.finder(doc.text)
        candidates = []
        for match in matches:
            norm = {
                "amount": amount_to_json(match.amount),
                "currency": match.currency,
                "approximate": match.approximate,
                "bound": match.bound,
                "confidence": match.confidence,
            }
            if match.equivalent_of is not None:
                other = matches[match.equivalent_of]
                # Offsets are block-local here; records.py turns them into a mention id.
                norm["equivalent_of"] = [other.start, other.end]
            candidates.append(Candidate(match.start, match.end, "MONEY", PRIORITY["money_rule"], "rule", norm))
        return candidates


@Language.factory(
    "odaextract_money",
    default_config={"finder": {"@misc": "odaextract.money_finder.v1"}},
    assigns=["doc._.odax_candidates"],
)
def make_money_recognizer(nlp: Language, name: str, finder: Callable[[str], Sequence]) -> MoneyRecognizer:
    return MoneyRecognizer(name, finder)
