"""Stage 5, records: turn normalized mentions into validated pydantic records."""

from __future__ import annotations

from collections import Counter
from typing import Optional

import spacy

from dataclasses import asdict

from models import LABELS, DocumentRecord, Mention
from models.document import NoteLinkRecord
from pipeline import __version__
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
        pages=len(source.pages) or None,
        notes=[NoteLinkRecord(**asdict(link)) for link in notes],
        counts={label: counts.get(label, 0) for label in LABELS},
        pipeline_version=__version__,
        model=model,
        spacy_version=spacy.__version__,
    )
