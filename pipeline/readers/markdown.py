"""Markdown reader: a `.md` file to rendered plain text and blocks.

Parsed with markdown-it-py (CommonMark plus GFM tables), never with regexes
over markup: the document text is what a reader sees, so emphasis markers,
link targets, image URLs, HTML tags and table pipes are gone and
`*Japan International Cooperation Agency* (JICA)` reads as
`Japan International Cooperation Agency (JICA)`, `[Kenya](https://...)` as
`Kenya`. Every offset downstream indexes this rendered text (written to
`outputs/texts/<doc_id>.txt` like every reader's text), not the source bytes.

Each block element (heading, paragraph, list item, table row, block quote
paragraph, code block) is one block (a table row as "first cell: other | cells") of the text, blocks joined by "\\n";
line breaks inside a paragraph become single spaces. `#` headings give the
section path, at the level of their numbering mark when they have one
(Part, Chapter, (3), ●...) so that Markdown, HTML and text editions agree; a
paragraph that is only a numbering-mark heading line is a heading too, as in
the text editions. Block kinds (note, caption, paragraph) come from the
structure stage's one set of rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from markdown_it import MarkdownIt

from odaextract.pipeline.headings import mark_level
from odaextract.pipeline.reader_types import InputError, LayoutBlock, ReadResult, decode_text

_PARSER: list[MarkdownIt] = []


def _parser() -> MarkdownIt:
    if not _PARSER:
        _PARSER.append(MarkdownIt("commonmark").enable("table"))
    return _PARSER[0]


def _inline_text(token) -> str:
    """The visible text of an inline token: text, code, image alt text; breaks as spaces."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child))
        # em/strong/link open-close markers and inline HTML carry no text
    return " ".join("".join(parts).split())


def _raw_blocks(source: str) -> list[tuple[str, str, Optional[int]]]:
    """(kind, text, markdown heading level) per block, in order."""
    tokens = _parser().parse(source)
    blocks: list[tuple[str, str, Optional[int]]] = []
    row: Optional[list[str]] = None
    heading: Optional[int] = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            cells = [cell for cell in row or () if cell]
            if cells:
                # "Viet Nam: 1.2", as the text editions lay table rows out, so that a row
                # reads with its table's unit line the same way in both.
                row_text = cells[0] + (": " + " | ".join(cells[1:]) if len(cells) > 1 else "")
                blocks.append(("paragraph", row_text, None))
            row = None
        elif kind == "inline":
            value = _inline_text(token)
            if row is not None:
                row.append(value)
            elif value:
                blocks.append(("heading" if heading else "paragraph", value, heading))
        elif kind in ("fence", "code_block"):
            for line in token.content.splitlines():
                if line.strip():
                    blocks.append(("paragraph", " ".join(line.split()), None))
    return blocks


def read_markdown(path: Path, data: bytes) -> ReadResult:
    # Imported here: pipeline.structure imports pipeline.ingest, which lists this reader.
    from odaextract.pipeline.structure import body_kind, heading_level

    # A byte-order mark is no text; markdown-it would read "\ufeff# Title" as a paragraph.
    source = decode_text(path, data).removeprefix("\ufeff").replace("\r\n", "\n")
    pieces: list[str] = []
    blocks: list[LayoutBlock] = []
    title: Optional[str] = None
    position = 0
    for kind, value, markdown_level in _raw_blocks(source):
        if kind == "heading":
            level: Optional[int] = mark_level(value) or markdown_level
            title = title or value
        else:
            level = heading_level(value)
            kind = "heading" if level is not None else body_kind(value)
        if pieces:
            position += 1  # the "\n" between blocks
        blocks.append(LayoutBlock(kind, position, position + len(value), level))
        pieces.append(value)
        position += len(value)
    text = "\n".join(pieces)
    if not text.strip():

        raise InputError(path, "no text (the Markdown renders to nothing)")
    return ReadResult(text, (), tuple(blocks), title)
