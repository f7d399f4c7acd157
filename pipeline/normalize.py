"""Stage 4, normalize: document-level decisions no single block can make.

- Acronyms defined anywhere in the document link every use of the short form
  (also in other paragraphs, also for organizations not in the registry).
- Short forms defined for things that are not organizations (a treaty, a
  system) are not ORG wherever the model thinks they are.
- Every mention of one organization gets one norm: the document's own long
  form and acronym first, then the registry's, then the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from odaextract.pipeline.abbreviations import find_short_form_uses
from odaextract.pipeline.annotate import AnnotatedDocument
from odaextract.pipeline.components.resolver import ResolvedMention
from odaextract.pipeline.countries import load_gazetteer, lookup as country_lookup
from odaextract.pipeline.organizations import Registry, load_registry
from odaextract.pipeline.structure import Block

_ACRONYM_LIKE = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Za-z0-9&\-]{2,12}$")


@dataclass(frozen=True)
class DocumentMention:
    mention: ResolvedMention
    block: Block


@dataclass(frozen=True)
class _Definitions:
    long_by_short: dict[str, str]
    short_by_long: dict[str, str]
    not_org_shorts: frozenset[str]
    country_by_short: dict[str, str]  # short form -> ISO alpha-3


def _definitions(document: AnnotatedDocument) -> _Definitions:
    text = document.structured.source.text
    long_by_short: dict[str, str] = {}
    short_by_long: dict[str, str] = {}
    not_org: set[str] = set()
    countries: dict[str, str] = {}
    for block in document.blocks:
        for long_start, long_end, short_start, short_end, names in block.abbreviations:
            short, long_form = text[short_start:short_end], text[long_start:long_end]
            if names == "ORG":
                long_by_short.setdefault(short, long_form)
                short_by_long.setdefault(long_form, short)
            else:
                not_org.add(short)
                iso3 = country_lookup(long_form) if names == "COUNTRY" else None
                if iso3:
                    countries.setdefault(short, iso3)
    countries = {short: iso3 for short, iso3 in countries.items() if short not in long_by_short}
    return _Definitions(long_by_short, short_by_long, frozenset(not_org - set(long_by_short)), countries)


def _link_short_form_uses(document: AnnotatedDocument, definitions: _Definitions) -> list[DocumentMention]:
    text = document.structured.source.text
    shorts = [*definitions.long_by_short, *definitions.country_by_short]
    short_names = load_gazetteer().short_names
    linked: list[DocumentMention] = []
    for annotated in document.blocks:
        block = annotated.block
        taken = [(m.start, m.end) for m in annotated.mentions]
        found: list[DocumentMention] = []
        if shorts:
            for start, end, short in find_short_form_uses(text[block.start : block.end], shorts):
                start, end = start + block.start, end + block.start
                if any(start < e and s < end for s, e in taken):
                    continue
                sentence = next(((s, e) for s, e in annotated.sentences if s <= start < e), (block.start, block.end))
                if short in definitions.country_by_short:
                    iso3 = definitions.country_by_short[short]
                    mention = ResolvedMention(start, end, "COUNTRY", "acronym", {"iso3": iso3, "name": short_names.get(iso3)}, *sentence)
                else:
                    norm = {"name": definitions.long_by_short[short], "acronym": short}
                    mention = ResolvedMention(start, end, "ORG", "acronym", norm, *sentence)
                found.append(DocumentMention(mention, block))
                taken.append((start, end))
        for mention in annotated.mentions:
            if mention.label == "ORG" and text[mention.start : mention.end] in definitions.not_org_shorts:
                continue
            found.append(DocumentMention(mention, block))
        linked.extend(sorted(found, key=lambda m: m.mention.start))
    return linked


def _word_in(text: str, word: str) -> bool:
    """`word` written as a whole word (not inside a longer word or hyphenated
    form). `str.find` then a look at the neighbours: a regex with look-arounds
    scans a long document ten times slower when the word is absent."""
    if not word:
        return False
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return True
        start = text.find(word, start + 1)
    return False


def _org_norms(mentions: list[DocumentMention], definitions: _Definitions, registry: Registry, text: str) -> list[DocumentMention]:
    """One norm per organization in the document."""
    resolved_cache: dict[str, dict] = {}
    written: dict[str, bool] = {}  # acronym -> written as a word in the document (one search each)

    def is_written(acronym: str) -> bool:
        if acronym not in written:
            written[acronym] = _word_in(text, acronym)
        return written[acronym]

    def norm_for(surface: str, found: dict) -> dict:
        if surface in resolved_cache:
            return resolved_cache[surface]
        entry = registry.lookup(surface)
        if entry is None and found.get("id"):
            entry = registry.by_id(found["id"])  # "OECD-DAC": the component resolved the composite
        long_form: Optional[str] = None
        acronym: Optional[str] = None
        if surface in definitions.long_by_short:
            long_form, acronym = definitions.long_by_short[surface], surface
        elif surface in definitions.short_by_long:
            long_form, acronym = surface, definitions.short_by_long[surface]
        elif entry is not None and entry.acronym in definitions.long_by_short:
            long_form, acronym = definitions.long_by_short[entry.acronym], entry.acronym
        if entry is None and long_form is not None:
            entry = registry.lookup(acronym) or registry.lookup(long_form)
        if long_form is None and entry is not None:
            # The fuller name as written beats the registry's shorter one:
            # "IMO Djibouti Code of Conduct Trust Fund" over "Djibouti Code of Conduct Trust Fund".
            spelled_out = len(surface) > len(entry.name) and not _ACRONYM_LIKE.match(surface)
            long_form = surface if spelled_out else entry.name
            acronym = entry.acronym if entry.acronym and (is_written(entry.acronym) or surface.endswith("-" + entry.acronym)) else None
        if long_form is None:
            long_form = found.get("name") or surface
            acronym = found.get("acronym") or (surface if _ACRONYM_LIKE.match(surface) else None)
        norm = {"name": long_form, "acronym": acronym}
        if entry is not None:
            norm.update(id=entry.id, kind=entry.kind)
        resolved_cache[surface] = norm
        return norm

    out = []
    for item in mentions:
        mention = item.mention
        if mention.label == "ORG":
            mention = mention._replace(norm=norm_for(text[mention.start : mention.end], mention.norm))
        out.append(DocumentMention(mention, item.block))
    # Same registry id -> same norm, whichever surface form carried the document's definition.
    by_id: dict[str, dict] = {}
    for item in out:
        norm = item.mention.norm
        if item.mention.label == "ORG" and norm.get("id"):
            current = by_id.get(norm["id"])
            if current is None or (norm.get("acronym") and not current.get("acronym")):
                by_id[norm["id"]] = norm
    return [
        DocumentMention(item.mention._replace(norm=by_id[item.mention.norm["id"]]), item.block)
        if item.mention.label == "ORG" and item.mention.norm.get("id") in by_id
        else item
        for item in out
    ]


def normalize(document: AnnotatedDocument, registry: Optional[Registry] = None) -> list[DocumentMention]:
    definitions = _definitions(document)
    mentions = _link_short_form_uses(document, definitions)
    return _org_norms(mentions, definitions, registry or load_registry(), document.structured.source.text)
