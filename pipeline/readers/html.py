"""HTML reader: one white-paper section page to document text and blocks.

Parsed with lxml's HTML parser (no regex over markup). Only the body text is
kept: scripts, styles, navigation, menus, headers, footers, forms and
sidebars are dropped, and when the page marks its main content (<main>,
role="main", id="main"/"contents", <article>) only that is read. Each block
element (heading, paragraph, list item, table cell, caption) becomes one
block of the document text, blocks joined by "\\n"; inline markup and line
breaks inside a block become single spaces. Headings (<h1>-<h6>) give the
section path, at the level of their numbering mark when they have one
(Part, Chapter, Section, (3), ●, •, ■) so that HTML and text editions agree.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from odaextract.pipeline.headings import mark_level
from odaextract.pipeline.reader_types import InputError, LayoutBlock, ReadResult
from odaextract.pipeline.structure import body_kind

_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "iframe", "svg", "menu", "select", "option", "input", "textarea", "head", "title", "meta", "link",
    "object", "embed", "canvas", "audio", "video", "map", "dialog",
}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary", "dialog"}
_DROP_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navi|navigation|menu|breadcrumbs?|topicpath|pankuzu|footer|header|sidebar|side|"
    r"skip|pagetop|page-top|share|social|sns|cookie|banner|gnav|lnav|localnav|globalnav)(?:$|[\s_-])",
    re.I,
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "td", "th", "div", "section",
    "article", "main", "body", "ul", "ol", "dl", "table", "tr", "figure", "address", "center",
} | set(_HEADINGS)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")



def _dropped(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _DROP_TAGS:
        return True
    if (element.get("role") or "").lower() in _DROP_ROLES:
        return True
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    if re.search(r"display\s*:\s*none", element.get("style") or "", re.I):
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    if not names.strip() or not _DROP_NAMES.search(names):
        return False
    # a "header" or "side" box that holds headings or paragraphs is content, not chrome
    return not element.xpath(".//p|.//h2|.//h3|.//h4|.//h5|.//h6")


def _content_root(body):
    for xpath in (
        "//main", "//*[@role='main']", "//*[@id='main']", "//*[@id='contents']", "//*[@id='content']",
        "//*[@id='main-contents']", "//article",
    ):
        found = body.xpath(xpath)
        if found:
            return found[0]
    return body


def read_html(path: Path, data: bytes) -> ReadResult:
    import lxml.html
    from lxml import etree

    text = _XML_DECLARATION.sub("", _decode(path, data), count=1)
    if not text.strip():
        raise InputError(path, "no text in the HTML body (the file is only whitespace)")
    if "\x00" in text[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not HTML")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not parseable as HTML: {(str(exc).splitlines() or ['?'])[0][:160]}") from None
    title = " ".join(" ".join(root.xpath("//title//text()")).split()) or None
    body = root.find("body")
    if body is None:
        body = root
    content = _content_root(body)

    raw: list[tuple[str, str, Optional[int]]] = []  # (kind, text, heading tag level)
    buffer: list[str] = []

    def flush(kind: str, level: Optional[int]) -> None:
        joined = " ".join("".join(buffer).split())
        buffer.clear()
        if joined:
            raw.append((kind, joined, level))

    def walk(element, kind: str, level: Optional[int]) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or _dropped(element):  # comments, processing instructions, dropped parts
            return
        if tag == "br":
            buffer.append(" ")
            return
        block = tag in _BLOCKS
        if block:
            flush(kind, level)
            if tag in _HEADINGS:
                kind, level = "heading", _HEADINGS[tag]
            elif tag in ("figcaption", "caption"):
                kind, level = "caption", None
            elif kind != "heading":
                kind, level = "paragraph", None
        if element.text:
            buffer.append(element.text)
        for child in element:
            walk(child, kind, level)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush(kind, level)

    walk(content, "paragraph", None)
    flush("paragraph", None)
    if not raw:
        raise InputError(path, "no text in the HTML body (only navigation, scripts or markup)")

    # heading levels: the numbering mark when there is one, else by tag (h1 < h2 < ...),
    # placed among the marked levels the same tag has elsewhere in the page
    tag_levels: dict[int, int] = {}
    for kind, value, level in raw:
        if kind == "heading" and level is not None:
            mark = mark_level(value)
            if mark is not None:
                tag_levels[level] = min(mark, tag_levels.get(level, 99))
    pieces: list[str] = []
    blocks: list[LayoutBlock] = []
    offset = 0
    for kind, value, level in raw:
        if kind == "heading":
            heading_level = mark_level(value) or tag_levels.get(level or 0) or level
        else:
            heading_level = None
            kind = body_kind(value)
        if pieces:
            offset += 1
        blocks.append(LayoutBlock(kind, offset, offset + len(value), heading_level))
        pieces.append(value)
        offset += len(value)
    if title is None:
        title = next((value for kind, value, level in raw if kind == "heading"), None)
    return ReadResult("\n".join(pieces), (), tuple(blocks), title)
