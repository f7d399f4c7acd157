"""MONEY: rule-based amounts with value, currency and hedges (see pipeline.money)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from odaextract.pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder, doc_text
from odaextract.pipeline.money import mask_list_rank


@spacy.registry.misc("odaextract.money_finder.v1")
def make_money_finder() -> Callable[[str], Sequence]:
    from odaextract.pipeline.money import find_money

    return find_money


class MoneyRecognizer(CandidateFinder):
    def _find(self, doc: Doc) -> list:
        """The finder's matches; a table row is read after its table's unit
        statement ("(Unit: US$ million) Grant aid: 1,234.56"), as one sentence."""
        unit = (doc._.odax_context or {}).get("money_unit")
        if not unit:
            return list(self.finder(doc_text(doc)))
        prefix = unit + " "
        found = list(self.finder(prefix + mask_list_rank(doc_text(doc))))
        kept = [i for i, m in enumerate(found) if m.start >= len(prefix)]
        index = {old: new for new, old in enumerate(kept)}
        shift = len(prefix)
        return [
            replace(
                found[i],
                start=found[i].start - shift,
                end=found[i].end - shift,
                equivalent_of=index.get(found[i].equivalent_of),
            )
            for i in kept
        ]

    def __init__(self, name: str, finder: Callable[[str], Sequence]):
        self.name = name
        self.finder = finder

    def match(self, doc: Doc) -> list[Candidate]:
        from odaextract.pipeline.money import amount_to_json

        matches = self._find(doc)
        candidates = []
        for match in matches:
            # A negative figure ("-265.98" in a table row) carries its sign in
            # the span and the amount: pipeline.money decides it, one rule for
            # prose and tables.
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
    requires=["doc._.odax_context"],
    assigns=["doc._.odax_candidates"],
)
def make_money_recognizer(nlp: Language, name: str, finder: Callable[[str], Sequence]) -> MoneyRecognizer:
    return MoneyRecognizer(name, finder)
