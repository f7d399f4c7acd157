"""DATE: rule-based calendar expressions normalized to intervals (see pipeline.dates)."""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from odaextract.pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder, doc_text


@spacy.registry.misc("odaextract.date_finder.v1")
def make_date_finder() -> Callable[[str, Optional[int]], Sequence]:
    from odaextract.pipeline.dates import find_dates

    return find_dates


class DateRecognizer(CandidateFinder):
    def __init__(self, name: str, finder: Callable[[str, Optional[int]], Sequence]):
        self.name = name
        self.finder = finder

    def match(self, doc: Doc) -> list[Candidate]:
        context = doc._.odax_context or {}
        candidates = []
        for match in self.finder(doc_text(doc), context.get("year")):
            norm = {
                "start": match.start_date.isoformat() if match.start_date else None,
                "end": match.end_date.isoformat() if match.end_date else None,
                "fiscal": match.fiscal,
            }
            candidates.append(Candidate(match.start, match.end, "DATE", PRIORITY["date_rule"], "rule", norm))
        return candidates


@Language.factory(
    "odaextract_dates",
    default_config={"finder": {"@misc": "odaextract.date_finder.v1"}},
    requires=["doc._.odax_context"],
    assigns=["doc._.odax_candidates"],
)
def make_date_recognizer(nlp: Language, name: str, finder: Callable[[str, Optional[int]], Sequence]) -> DateRecognizer:
    return DateRecognizer(name, finder)
