"""Where a sentence ends, in one place for the rules that need it.

`is_sentence_end` is the test; `SENTENCE_BREAK` finds the candidates in a
stretch of text (a terminal mark, closing quotes or brackets, whitespace).
Used by the acronym detector (a long form never crosses a sentence end) and
the structure stage (a block too long for spaCy is cut at sentence ends).
spaCy's own `sentencizer` gives the sentences of the output records.
"""

from __future__ import annotations

import json
import re
from importlib import resources

TEXT_WORDS: dict = json.loads(resources.files("odaextract.pipeline").joinpath("data/text_words.json").read_text("utf-8"))

QUOTES = "\"'“”‘’«»„"
TERMINALS = ".!?。"
# A terminal mark, the quotes or brackets that close with it, then whitespace.
SENTENCE_BREAK = re.compile(r"[.!?。][\"'”’)\]]*\s+")

_ABBREVIATIONS = frozenset(TEXT_WORDS["abbreviation_words"])
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")


def is_sentence_end(text: str, i: int) -> bool:
    """Does the terminal mark at text[i] end a sentence? Not in "1.98", "U.S.", "e.g.", "Co."."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if not (nxt.isspace() or nxt in "()[]" or nxt in QUOTES):
        return False  # 1.98, U.S, FATF).Note
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "()" + QUOTES:
        j -= 1
    word = text[j:i]
    if not word:
        return True
    return not (_DOTTED_INITIALS.fullmatch(word) or word.lower() in _ABBREVIATIONS)


def sentence_breaks(text: str, start: int, end: int):
    """Offsets just after each sentence end (and its whitespace) in text[start:end]."""
    for found in SENTENCE_BREAK.finditer(text, start, end):
        if is_sentence_end(text, found.start()):
            yield found.end()
