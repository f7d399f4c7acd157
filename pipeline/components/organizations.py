"""ORG: registry phrase matching, the name rule, and in-text acronym definitions.

Definitions ("Long Form (LF)", "LF (Long Form)") come from
pipeline.abbreviations. A definition is an organization's when its long form
is an organization by other evidence (registry, name rule, model) or its
short form is a registry acronym; the pair is then recorded with the highest
ORG priority, because the text itself says where the name starts and ends.
Every definition, organization or not, goes on `doc._.odax_abbreviations` so
that the document-level stage links later uses of the short form.
"""

from __future__ import annotations

import re

from typing import Callable, Sequence

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from odaextract.pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder, doc_text
from odaextract.pipeline.countries import Gazetteer
from odaextract.pipeline.organizations import Registry, is_not_org_title


@spacy.registry.misc("odaextract.org_registry.v1")
def make_org_registry() -> Registry:
    """The packaged registry (data/organizations.jsonl)."""
    from odaextract.pipeline.organizations import load_registry

    return load_registry()


@spacy.registry.misc("odaextract.org_name_finder.v1")
def make_org_name_finder() -> Callable[..., Sequence[tuple[int, int]]]:
    """The organization-name rule (pipeline.organizations.find_org_names):
    `(text, registry, country_lookup) -> [(start, end)]`."""
    from odaextract.pipeline.organizations import find_org_names

    return find_org_names


@spacy.registry.misc("odaextract.definition_finder.v1")
def make_definition_finder() -> Callable[[str], Sequence]:
    """Acronym definitions (pipeline.abbreviations.find_definitions, Schwartz-Hearst)."""
    from odaextract.pipeline.abbreviations import find_definitions

    return find_definitions

# Two acronyms joined by a hyphen: "OECD-DAC", "UN-Habitat" is not one (a word, not an acronym).
_COMPOSITE_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Za-z&]*[A-Z])-([A-Z][A-Za-z&]*[A-Z])(?![\w-])")

def _is_body_of(child, parent) -> bool:
    """The registry says the child belongs to the parent: one of its names names the parent
    ("OECD Development Assistance Committee"). "JICA-JAXA" joins two peers."""
    parent_names = {parent.name, *([parent.acronym] if parent.acronym else [])}
    return any(
        re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", name)
        for name in (child.name, *child.aliases)
        for p in parent_names
    )


# Text that joins two names: a list comma, "and", "&", "/", "with".
_JOINS_NAMES = re.compile(r",|/|&|\b(?:and|with)\b")

# A fallback (non Schwartz-Hearst) definition needs the long form to be an organization already.
_STRICT_CONFIDENCE = 1.0


class OrganizationRecognizer(CandidateFinder):
    """ORG candidates from the registry, the name rule and acronym definitions.

    `match` returns (candidates, definitions); `set_annotations` adds the
    candidates and the definitions without touching any other component's
    output: whether a definition of something else ("Maritime Domain
    Awareness (MDA)") overrules the model's ORG guess inside it is the
    resolver's overlap policy, so the pipeline's result does not depend on the
    order of the components in config.cfg.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        registry: Registry,
        gazetteer: Gazetteer,
        name_finder: Callable[..., Sequence[tuple[int, int]]],
        definition_finder: Callable[[str], Sequence],
    ):
        self.name = name
        self.registry = registry
        self.gazetteer = gazetteer
        self.not_countries = gazetteer.not_countries
        self.name_finder = name_finder
        self.definition_finder = definition_finder
        # Exact case: "IOM" the organization, not "iom"; names as organizations write them.
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("ORG", list(nlp.tokenizer.pipe(self.registry.surfaces())))

    def _norm(self, surface: str) -> dict:
        entry = self.registry.lookup(surface)
        if entry is None:
            return {"name": surface, "acronym": None}
        return {"name": entry.name, "acronym": entry.acronym, "id": entry.id, "kind": entry.kind}

    def match(self, doc: Doc) -> tuple[list[Candidate], list[tuple[int, int, int, int, bool]]]:
        text = doc_text(doc)
        found: list[Candidate] = []
        for span in filter_spans(self.matcher(doc, as_spans=True)):
            found.append(
                Candidate(span.start_char, span.end_char, "ORG", PRIORITY["org_registry"], "registry", self._norm(span.text))
            )
        # "OECD-DAC": a composite acronym of a parent and one of its bodies names the body.
        for composite in _COMPOSITE_ACRONYM.finditer(text):
            parent, child = composite.group(1), composite.group(2)
            whole = self.registry.lookup(composite.group())
            child_entry = self.registry.lookup(child)
            parent_entry = self.registry.lookup(parent)
            if whole is None and child_entry is not None and parent_entry is not None and _is_body_of(child_entry, parent_entry):
                norm = {"name": child_entry.name, "acronym": child_entry.acronym, "id": child_entry.id, "kind": child_entry.kind}
                found.append(Candidate(composite.start(), composite.end(), "ORG", PRIORITY["org_registry"], "registry", norm))
        # Headings are topic titles ("Resilient and Sustainable Society"): only the registry there.
        if (doc._.odax_context or {}).get("kind") != "heading":
            for start, end in self.name_finder(text, self.registry, self.gazetteer.resolve):
                if text[start:end] in self.not_countries or self.gazetteer.resolve(text[start:end]):
                    continue  # "West Bank", "Russian Federation" are places, whatever their last word
                found.append(Candidate(start, end, "ORG", PRIORITY["org_pattern"], "rule", self._norm(text[start:end])))

        abbreviations = []
        for definition in self.definition_finder(text):
            long_form = text[definition.long_start : definition.long_end]
            short_form = text[definition.short_start : definition.short_end]
            entry = self.registry.lookup(short_form) or self.registry.lookup(long_form)
            # The long form must itself end as an organization's name: "United Nations" inside
            # "United Nations Convention against ... (UNTOC)" does not make the treaty an organization.
            named_org = any(
                c.end == definition.long_end and c.start < definition.long_end for c in found
            )
            if entry is not None:
                is_org = definition.confidence >= _STRICT_CONFIDENCE or named_org
            else:
                is_org = named_org and not is_not_org_title(long_form)
            # "Papua New Guinea (PNG)": the short form names the country in this document.
            names = "ORG" if is_org else ("COUNTRY" if self.gazetteer.resolve(long_form) else None)
            abbreviations.append(
                (definition.long_start, definition.long_end, definition.short_start, definition.short_end, names)
            )
            if not is_org:
                continue
            # A known name that ends where the long form ends but starts earlier is the fuller
            # name: "Office of the United Nations High Commissioner for Refugees (UNHCR)".
            # Never across another name, though: the definition attaches to the nearest complete
            # name, so "Ministry of Health and the Cambodian Mine Action Centre (CMAC)" names only the Centre.
            long_start = min(
                [definition.long_start]
                + [
                    c.start
                    for c in found
                    if c.end == definition.long_end
                    and c.start < definition.long_start
                    and c.source != "acronym"
                    and not _JOINS_NAMES.search(text, c.start, definition.long_start)
                ]
            )
            long_form = text[long_start : definition.long_end]
            norm = {"name": long_form, "acronym": short_form}
            if entry is not None:
                norm.update(id=entry.id, kind=entry.kind)
            for start, end in ((long_start, definition.long_end), (definition.short_start, definition.short_end)):
                found.append(Candidate(start, end, "ORG", PRIORITY["org_acronym"] + 1, "acronym", norm))
        return found, abbreviations

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def set_annotations(self, doc: Doc, found) -> None:  # type: ignore[override]
        candidates, abbreviations = found
        super().set_annotations(doc, candidates)
        doc._.odax_abbreviations = (doc._.odax_abbreviations or []) + abbreviations


@Language.factory(
    "odaextract_organizations",
    default_config={
        "registry": {"@misc": "odaextract.org_registry.v1"},
        "gazetteer": {"@misc": "odaextract.country_gazetteer.v1"},
        "name_finder": {"@misc": "odaextract.org_name_finder.v1"},
        "definition_finder": {"@misc": "odaextract.definition_finder.v1"},
    },
    requires=["doc._.odax_context"],
    assigns=["doc._.odax_candidates", "doc._.odax_abbreviations"],
)
def make_organization_recognizer(
    nlp: Language,
    name: str,
    registry: Registry,
    gazetteer: Gazetteer,
    name_finder: Callable[..., Sequence[tuple[int, int]]],
    definition_finder: Callable[[str], Sequence],
) -> OrganizationRecognizer:
    return OrganizationRecognizer(nlp, name, registry, gazetteer, name_finder, definition_finder)
