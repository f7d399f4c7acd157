"""Stage 5, records: turn normalized mentions into validated pydantic records."""

from __future__ import annotations

from collections import Counter
from typing import Optional

import spacy

from dataclasses import asdict

from models import LABELS, DocumentRecord, Mention
from models.fact import Fact
from models.document import NoteLinkRecord
from pipeline import __version__
from pipeline.facts import FactDraft
from pipeline.ingest import SourceDocument
from pipeline.normalize import DocumentMention
from pipeline.structure import NoteLink


class ContractError(ValueError):
    """The pipeline produced a record that breaks the output contract (a bug)."""


def mention_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:{start}-{end}"


def build_mentions(source: SourceDocument, mentions: list[DocumentMention]) -> list[Mention]:
    text = source.text
    spans = {(m.mention.start, m.mention.end) for m in mentions}
    records: list[Mention] = []
    previous_end = -1
    for item in sorted(mentions, key=lambda m: m.mention.start):
        mention = item.mention
        if mention.start < previous_end:
            raise ContractError(f"{source.doc_id}: overlapping mentions at {mention.start}")
        previous_end = mention.end
        norm = dict(mention.norm)
        if "equivalent_of" in norm:
            other = tuple(norm.pop("equivalent_of"))
            if other in spans:
                norm["equivalent_of"] = mention_id(source.doc_id, *other)
        records.append(
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
                sentence=text[mention.sentence_start : mention.sentence_end].strip(),
                source=mention.source,
            )
        )
    return records


def build_document(
    source: SourceDocument,
    mentions: list[Mention],
    edition_year: Optional[int],
    model: str,
    notes: tuple[NoteLink, ...] = (),
    edition_year_source: Optional[str] = None,
    fact_count: int = 0,
) -> DocumentRecord:
    counts = Counter(m.label for m in mentions)
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
