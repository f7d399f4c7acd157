"""The candidate record every finder writes and the resolver reads."""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple, Optional

from spacy.tokens import Doc


class Candidate(NamedTuple):
    start: int  # character offsets into doc.text
    end: int
    label: str
    priority: int  # higher wins an overlap; see resolver.py for the scale
    source: str  # "rule" | "model" | "registry" | "acronym" | "gazetteer"
    norm: dict[str, Any]


# The precedence scale, in one place so that the order of evidence is visible.
PRIORITY = {
    "money_rule": 100,
    "date_rule": 90,
    "org_registry": 80,
    "org_acronym": 80,
    # Same tier as the registry: of two overlapping names the longer wins,
    # "G7 Rome-Lyon Group" over "G7", "IMO Djibouti ... Trust Fund" over "IMO".
    "org_pattern": 80,
    "country": 60,
    "org_model": 40,
}


_TEXT_KEY = "odax_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per Doc: spaCy rebuilds it from
    every token on each access, and six components read it per block (a
    tenth of the annotate stage's own cost). Kept in `user_data`, which
    travels with the Doc through `nlp.pipe(n_process=...)`; a Doc's text
    cannot change after it is made (the retokenizer keeps it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def add_candidates(doc: Doc, candidates: Iterable[Candidate]) -> None:
    existing: Optional[list] = doc._.odax_candidates
    if existing is None:
        existing = []
        doc._.odax_candidates = existing
    existing.extend(candidates)


class CandidateFinder:
    """Base of the finder components: `match` finds, `set_annotations` records
    (the split spaCy's SpanRuler uses), `__call__` does both."""

    name: str

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Candidate]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, candidates: list[Candidate]) -> None:
        add_candidates(doc, candidates)
