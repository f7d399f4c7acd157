"""Span rules shared by every finder: the guidelines' boundaries."""

from __future__ import annotations

import re

from odaextract.pipeline.sentences import TEXT_WORDS

_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TRAILING_PUNCT = ".,;:!?\"'“”‘’)]}»–—-"
# A final period that belongs to the name: "U.S.", "Co.", "Ltd."
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:" + "|".join(re.escape(w) for w in TEXT_WORDS["company_suffixes"]) + r"))$"
)
_LEADING_PUNCT = "\"'“”‘’([{«"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to the guidelines' span: no outer whitespace, leading
    article, outer quotes or brackets, trailing punctuation or possessive 's.

    Returns (start, end) with start == end when nothing is left.
    """
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _LEADING_PUNCT):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_PUNCT):
            if text[end - 1] == "." and _ABBREVIATION_END.search(text, start, end):
                break
            end -= 1
        article = _LEADING_ARTICLE.match(text, start, end)
        if article:
            start = article.end()
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive and possessive.start() > start:
            end = possessive.start()
        if (start, end) == before:
            return start, end
