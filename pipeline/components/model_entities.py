"""The statistical model's ORG spans as candidates, trimmed to the guidelines.

They are the lowest-priority evidence: kept where no rule claims the text,
dropped where the guidelines say the name is not an organization (a
convention, a summit, a project...).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from odaextract.pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder, doc_text
from odaextract.pipeline.countries import Gazetteer
from odaextract.pipeline.organizations import has_org_head, is_not_org_title
from odaextract.pipeline.spans import trim_span

_WORDS = json.loads(resources.files("odaextract.pipeline").joinpath("data/org_words.json").read_text("utf-8"))
_CONNECTORS = frozenset(_WORDS["model_span_connectors"])

# Spans that are not names at all: numbers, lowercase phrases, single letters.
_NOT_A_NAME = re.compile(r"^(?:[\d\W]+|[a-z].*|.)$")
# A demonstrative makes a generic reference: "This Trust Fund", "these Regional Bodies".
_DEMONSTRATIVE = re.compile(r"^(?:" + "|".join(map(re.escape, _WORDS["demonstratives"])) + r")\s")
# A plural last word names a kind, not one organization ("Regional Bodies", "Contracting Parties").
_PLURAL_END = re.compile(r"(?:[^s'’]s|ies)$")
_PLURAL_NAMES = frozenset(_WORDS["plural_names"])


class ModelEntityMapper(CandidateFinder):
    def __init__(self, name: str, labels: list[str], gazetteer: Gazetteer):
        self.name = name
        self.labels = frozenset(labels)
        self.gazetteer = gazetteer
        self.places = gazetteer.not_countries

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        candidates = []
        # Headings are topic titles ("Measures against Transnational Organized Crime"), whatever the model says.
        if (doc._.odax_context or {}).get("kind") == "heading":
            return candidates
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            start, end = trim_span(text, ent.start_char, ent.end_char)
            surface = text[start:end]
            if end <= start or _NOT_A_NAME.match(surface) or is_not_org_title(surface):
                continue
            if surface.count("(") != surface.count(")"):
                continue  # "CAFI) Trust Fund": the model's span cuts through an acronym's parentheses

            words = surface.split()
            # One word the registry does not know is too weak: "ODA", "COVID-19", "Tropics".
            if len(words) == 1 or self.gazetteer.resolve(surface) or surface in self.places or _DEMONSTRATIVE.match(surface):
                continue
            if _PLURAL_END.search(words[-1]) and words[-1] not in _PLURAL_NAMES:
                continue
            if any(word[0].islower() and word not in _CONNECTORS for word in words):
                continue
            # Without an organizational word ("Agency", "Fund", "Police") the model's ORG spans in
            # this domain are policies and topics ("Universal Health Coverage"); the registry and
            # acronym definitions carry the organizations that have no such word.
            if not has_org_head(surface):
                continue
            norm = {"name": surface, "acronym": None}
            candidates.append(Candidate(start, end, "ORG", PRIORITY["org_model"], "model", norm))
        return candidates


@Language.factory(
    "odaextract_model_entities",
    default_config={"labels": ["ORG"], "gazetteer": {"@misc": "odaextract.country_gazetteer.v1"}},
    requires=["doc.ents"],
    assigns=["doc._.odax_candidates"],
)
def make_model_entity_mapper(nlp: Language, name: str, labels: list[str], gazetteer: Gazetteer) -> ModelEntityMapper:
    return ModelEntityMapper(name, labels, gazetteer)
