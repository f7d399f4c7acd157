"""Stage 2, structure: split a document's text into blocks with a section path.

A block is a heading, paragraph, caption or note, with its character range in
the document text. Headings are recognised by the numbering and bullet marks
the white papers use, and give every later block its `section` path.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from dataclasses import dataclass
from typing import Literal, Optional

from odaextract.pipeline.headings import edition_year_and_source, mark_level
from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.sentences import sentence_breaks

BlockKind = Literal["heading", "paragraph", "caption", "note"]

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+\S")
# The one home of the note and caption rules; every reader asks `body_kind`.
# Notes: "Note 42: ...", "*term" (with or without the text editions' "- " list
# mark), and the text editions' "- " note lines.
NOTE_START = re.compile(r"^-\s+\S|^(?:-\s*)?\*\S|^(?:-\s*)?Note\s+\d+\s*:")
_CAPTION_LABELS = json.loads(resources.files("odaextract.pipeline").joinpath("data/block_words.json").read_text("utf-8"))["caption_labels"]
CAPTION = re.compile(r"\((?:" + "|".join(map(re.escape, _CAPTION_LABELS)) + r")\s*:[^)]*\)\s*$")
_MAX_HEADING_CHARS = 160
# spaCy refuses Docs over nlp.max_length (1,000,000 chars) and slows on huge ones; a
# "paragraph" this long is a file without line breaks, cut at sentence ends.
MAX_BLOCK_CHARS = 20_000


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    section: Optional[str]
    page: Optional[int] = None


@dataclass(frozen=True)
class NoteLink:
    """A note reference in the text ("(Note 28)", "trafficking in persons*") and the note block it points to."""

    label: str
    reference_start: int
    reference_end: int
    note_start: int
    note_end: int


@dataclass(frozen=True)
class StructuredDocument:
    source: SourceDocument
    blocks: tuple[Block, ...]
    edition_year: Optional[int]
    notes: tuple[NoteLink, ...] = ()
    edition_year_source: Optional[str] = None  # "title", "file_name" or None


def heading_level(line: str) -> Optional[int]:
    """The heading level of a line, or None when it reads as body text."""
    if len(line) > _MAX_HEADING_CHARS:
        return None
    markdown = _MARKDOWN_HEADING.match(line)
    if markdown:
        return len(markdown.group(1))
    level = mark_level(line)
    # A numbered or bulleted line that ends a sentence is a list item, not a heading.
    if level is not None and level >= 4 and line.rstrip().endswith((".", "。")):
        return None
    return level


def _heading_title(line: str) -> str:
    title = re.sub(r"^(#{1,6}|[●•■])\s*", "", line).strip()
    return title[1:-1].strip() if title.startswith("<") and title.endswith(">") else title


def body_kind(line: str) -> BlockKind:
    """Note, caption or paragraph: the same answer for a line from any reader."""
    if NOTE_START.match(line):
        return "note"
    if CAPTION.search(line):
        return "caption"
    return "paragraph"


def block_kind(line: str) -> BlockKind:
    if heading_level(line) is not None:
        return "heading"
    return body_kind(line)


def structure(document: SourceDocument) -> StructuredDocument:
    """Blocks with section paths: from the reader's layout when it has one,
    else from lines (the text editions put one paragraph per line)."""
    text = document.text
    edition, edition_source = edition_year_and_source(document.title, text, document.path.stem)
    if document.blocks:
        blocks = _from_layout(document)
        return StructuredDocument(document, blocks, edition, link_notes(text, blocks), edition_source)
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        line_start = position
        position += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        end = start + len(stripped)
        level = heading_level(stripped)
        if level is not None:
            path = [(lvl, title) for lvl, title in path if lvl < level]
            path.append((level, _heading_title(stripped)))
        section = " > ".join(title for _, title in path) or None
        kind = block_kind(stripped)
        for piece_start, piece_end in split_long(text, start, end):
            blocks.append(Block(kind, piece_start, piece_end, section, document.page_at(piece_start)))
    return StructuredDocument(document, tuple(blocks), edition, link_notes(text, tuple(blocks)), edition_source)


_NUMBERED_NOTE = re.compile(r"^(?:-\s*)?Note\s+(\d+)\s*:")
_TERM_NOTE = re.compile(r"^(?:-\s*)?\*\s*([^*\n]{2,80}?)\s*$")
_NOTE_REFERENCE = re.compile(r"Note\s+(\d+)(?!\s*:)")


def link_notes(text: str, blocks: tuple[Block, ...]) -> tuple[NoteLink, ...]:
    """Link "Note 42" and "term*" references in the body to their note blocks."""
    numbered: dict[str, Block] = {}
    terms: dict[str, Block] = {}
    for block in blocks:
        if block.kind != "note":
            continue
        line = text[block.start : block.end]
        number = _NUMBERED_NOTE.match(line)
        term = _TERM_NOTE.match(line)
        if number:
            numbered.setdefault(number.group(1), block)
        elif term:
            terms.setdefault(term.group(1).casefold(), block)
    if not numbered and not terms:
        return ()
    term_pattern = (
        re.compile("(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\s*,?\*", re.I)
        if terms
        else None
    )
    links: list[NoteLink] = []
    for block in blocks:
        if block.kind == "note":
            continue
        body = text[block.start : block.end]
        for found in _NOTE_REFERENCE.finditer(body):
            note = numbered.get(found.group(1))
            if note is not None:
                start = block.start + found.start()
                links.append(NoteLink(found.group(), start, start + len(found.group()), note.start, note.end))
        if term_pattern is not None:
            for found in term_pattern.finditer(body):
                note = terms[found.group(1).casefold()]
                start = block.start + found.start()
                links.append(NoteLink(text[note.start : note.end].lstrip("- *"), start, block.start + found.end(), note.start, note.end))
    return tuple(sorted(links, key=lambda link: link.reference_start))


def split_long(text: str, start: int, end: int, limit: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most `limit` chars, at the last sentence
    end (else the last whitespace) before each limit, whitespace trimmed."""
    pieces = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = max((offset - start for offset in sentence_breaks(text, start, start + limit)), default=0)
        if cut < limit // 2:
            space = window.rfind(" ")
            cut = space + 1 if space > 0 else limit
        piece_end = start + cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _from_layout(document: SourceDocument) -> tuple[Block, ...]:
    text = document.text
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    for layout in document.blocks:
        if layout.kind == "heading":
            level = layout.level or heading_level(text[layout.start : layout.end].strip()) or 9
            path = [(lvl, title) for lvl, title in path if lvl < level]
            path.append((level, _heading_title(" ".join(text[layout.start : layout.end].split()))))
        section = " > ".join(title for _, title in path) or None
        kind = layout.kind if layout.kind in ("heading", "paragraph", "caption", "note") else "paragraph"
        for piece_start, piece_end in split_long(text, layout.start, layout.end):
            blocks.append(Block(kind, piece_start, piece_end, section, document.page_at(piece_start)))
    return tuple(blocks)
