"""Stage 5, records: turn normalized mentions into validated pydantic records."""

from __future__ import annotations

from collections import Counter
from typing import Iterator, Optional, Union

import spacy

from dataclasses import asdict

from odaextract.models import LABELS, DocumentRecord, Mention
from odaextract.models.fact import Fact
from odaextract.models.document import NoteLinkRecord
from odaextract.pipeline import __version__
from odaextract.pipeline.facts import FactDraft
from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.normalize import DocumentMention
from odaextract.pipeline.structure import NoteLink


class ContractError(ValueError):
    """The pipeline produced a record that breaks the output contract (a bug)."""


# A sentence longer than this (a file without line breaks, a table read as one
# paragraph) is written as a window of this many characters around the mention;
# `sentence_start`/`sentence_end` still give the full sentence in the source.
SENTENCE_MAX_CHARS = 600


def mention_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:{start}-{end}"


def sentence_fields(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[str, int, int]:
    """(sentence or a window of it around [start, end), full sentence start, end), whitespace trimmed."""
    raw = text[sentence_start:sentence_end]
    stripped = raw.strip()
    first = sentence_start + (len(raw) - len(raw.lstrip()))
    full_start, full_end = min(first, start), max(first + len(stripped), end)
    if full_end - full_start <= SENTENCE_MAX_CHARS:
        return text[full_start:full_end], full_start, full_end
    if end - start >= SENTENCE_MAX_CHARS:
        return text[start:end], full_start, full_end
    window_start = max(full_start, start - (SENTENCE_MAX_CHARS - (end - start)) // 2)
    window_end = min(full_end, window_start + SENTENCE_MAX_CHARS)
    window_start = max(full_start, window_end - SENTENCE_MAX_CHARS)
    return text[window_start:window_end].strip(), full_start, full_end


def build_mentions(source: SourceDocument, mentions: list[DocumentMention]) -> list[Mention]:
    return list(iter_mentions(source, mentions))


def build_mention_dicts(source: SourceDocument, mentions: list[DocumentMention]) -> list[dict]:
    """The mentions validated one by one and kept as JSON-ready dicts: a pydantic
    Mention weighs about 2 KB, its dict a third of that, and a large document
    has hundreds of thousands (a 30 MB text: about 400,000)."""
    return [mention.model_dump(mode="json") for mention in iter_mentions(source, mentions)]


def iter_mentions(source: SourceDocument, mentions: list[DocumentMention]) -> Iterator[Mention]:
    text = source.text
    spans = {(m.mention.start, m.mention.end) for m in mentions}
    sentences: dict[str, str] = {}
    previous_end = -1
    for item in sorted(mentions, key=lambda m: m.mention.start):
        mention = item.mention
        if mention.start < previous_end:
            raise ContractError(f"{source.doc_id}: overlapping mentions at {mention.start}")
        previous_end = mention.end
        norm = dict(mention.norm)
        if "equivalent_of" in norm:
            other = tuple(norm.pop("equivalent_of"))
            if other not in spans:
                # The money finder paired this amount with a span that is not a
                # mention: the stages disagree. Dropping the link silently would
                # make every total count the pair twice; fail loudly instead.
                raise ContractError(
                    f"{source.doc_id}: MONEY {text[mention.start:mention.end]!r} at {mention.start} is "
                    f"equivalent_of {other}, which is not a mention"
                )
            norm["equivalent_of"] = mention_id(source.doc_id, *other)
        sentence, sentence_start, sentence_end = sentence_fields(
            text, mention.start, mention.end, mention.sentence_start, mention.sentence_end
        )
        # mentions of one sentence share one string object (memory: a large document has 100,000s)
        sentence = sentences.setdefault(sentence, sentence)
        yield (
            Mention(
                id=mention_id(source.doc_id, mention.start, mention.end),
                doc_id=source.doc_id,
                label=mention.label,
                text=text[mention.start : mention.end],
                start=mention.start,
                end=mention.end,
                norm=norm,
                page=item.block.page,
                section=item.block.section,
                sentence=sentence,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                source=mention.source,
            )
        )


def build_document(
    source: SourceDocument,
    mentions: list[Union[Mention, dict]],
    edition_year: Optional[int],
    model: str,
    notes: tuple[NoteLink, ...] = (),
    edition_year_source: Optional[str] = None,
    fact_count: int = 0,
) -> DocumentRecord:
    counts = Counter(m["label"] if isinstance(m, dict) else m.label for m in mentions)
    return DocumentRecord(
        doc_id=source.doc_id,
        source_path=str(source.path),
        sha256=source.sha256,
        format=source.format,
        char_count=len(source.text),
        text_file=f"texts/{source.doc_id}.txt",
        edition_year=edition_year,
        edition_year_source=edition_year_source if edition_year is not None else None,
        pages=len(source.pages) or None,
        notes=[NoteLinkRecord(**asdict(link)) for link in notes],
        counts={label: counts.get(label, 0) for label in LABELS},
        facts=fact_count,
        pipeline_version=__version__,
        model=model,
        spacy_version=spacy.__version__,
    )


def fact_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:fact:{start}-{end}"


def _amount(doc_id: str, text: str, mention) -> dict:
    norm = mention.norm
    return {
        "id": mention_id(doc_id, mention.start, mention.end),
        "start": mention.start,
        "end": mention.end,
        "text": text[mention.start : mention.end],
        "amount": norm["amount"],
        "currency": norm.get("currency"),
        "approximate": bool(norm.get("approximate")),
        "bound": norm.get("bound"),
    }


def build_facts(source: SourceDocument, drafts: list[FactDraft], edition_year: Optional[int]) -> list[Fact]:
    """Validated fact records, in anchor order."""
    text = source.text
    doc_id = source.doc_id
    facts: list[Fact] = []
    for draft in sorted(drafts, key=lambda d: d.anchor.start):
        start, end = draft.sentence
        facts.append(
            Fact(
                id=fact_id(doc_id, draft.anchor.start, draft.anchor.end),
                doc_id=doc_id,
                amount=_amount(doc_id, text, draft.anchor),
                equivalents=[_amount(doc_id, text, m) for m in sorted(draft.equivalents, key=lambda m: m.start)],
                donor=draft.donor,
                recipients=draft.recipients,
                regions=draft.regions,
                channels=draft.channels,
                date=draft.date,
                kind=draft.kind,
                status=draft.status,
                cumulative=draft.cumulative,
                purpose=draft.purpose,
                evidence={slot: [mention_id(doc_id, s, e) for s, e in spans] for slot, spans in draft.evidence.items()},
                sentence=text[start:end].strip(),
                sentence_start=start,
                sentence_end=end,
                section=draft.block.section if draft.block else None,
                page=draft.block.page if draft.block else None,
                edition_year=edition_year,
            )
        )
    return facts
