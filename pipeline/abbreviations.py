"""Acronym definitions: "Long Form (SF)" and "SF (Long Form)", as pure string functions.

The detector follows Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text" (the algorithm behind scispaCy's
AbbreviationDetector), working on character offsets so that the spaCy component
in ``pipeline.components.organizations`` is a thin adapter.

Schwartz-Hearst, as implemented here
------------------------------------
* Candidates come from balanced parentheses. The content is cut at the first
  ", " or "; " (``(APG, an FATF-style body)`` -> ``APG``). One or two words inside
  is a short form (SF) and the long form is before the parenthesis; more words
  inside is the reverse order, ``JICA (Japan International Cooperation Agency)``,
  where the SF is the word just before the parenthesis.
* A short form has 1-2 words, each at most 10 characters, at least 2 characters
  in all, a letter, an upper-case letter, an alphanumeric first character, and
  only letters, digits and ``- . & / ' + ’``. Contents with a colon (``Photo:``,
  ``...Tropics: JJ-FAST``) or starting with a reference word (``Note``, ``see``,
  ``Article``, month names ...; unless in capitals) are never short forms. A
  reverse-order short form must also look like an acronym (``_is_acronym_like``),
  and its long form is the whole parenthesis content (Schwartz-Hearst must match
  inside it): "UNHCR (Office of the United Nations High Commissioner for Refugees)".
* The characters of the SF are matched right to left inside the text before the
  parenthesis, each at the right-most possible place, and the first SF character
  must start a word; the long form runs from the start of that word to the
  parenthesis. This gives the shortest long form that accounts for the SF.
* The long form may have at most min(n + 5, 2n) words, n = number of
  alphanumeric characters of the SF, it must be at least as long as the SF, and
  must neither contain "SF " nor end with the SF.

Documented departures
---------------------
* Words are counted without function words (of, on, for, and, the, in, to, ...).
  Organization names are full of them; plain word counts reject
  "UN Relief and Works Agency for Palestine Refugees in the Near East (UNRWA)"
  (12 words, limit 10) and the ReCAAP treaty name (13 words, limit 11).
* A long form never crosses a sentence end, a newline, ``;``, ``:``, a bracket or
  another parenthesis, and never starts with "the"/"The" or a quote character,
  nor ends with a quote or comma. A parenthesis that directly follows a sentence
  end ("Somalia.(Note 28)") has no long form.
* Hyphenated short forms (``ReCAAP-ISC``, ``UNESCO-IOC``): the whole SF is tried
  first, with every capital of the part before the hyphen required to match a
  word start (``UNDP-MPTF Office`` -> "United Nations Development Programme
  Multi-Partner Trust Fund Office"). Otherwise the prefix names a parent body or
  treaty mentioned elsewhere, and the part after the first hyphen is matched
  instead; the definition keeps the whole hyphenated SF. Both are confidence 1.0.
* Title-case fallback (confidence 0.5): when Schwartz-Hearst finds nothing, the
  SF is a one-word acronym, and the parenthesis directly follows a run of
  Title-Case words (lower-case of/on/for/and/the/in/to/de and a few others
  allowed inside the run), the run is the long form -- cut to its shortest tail
  whose word initials hold every capital of the SF in any order, when there is
  one. This catches acronyms of names in another language: "Central American Integration System (SICA)" from
  "Sistema de la Integración Centroamericana". The pipeline accepts such a pair
  only when the long form is an organization by other evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from odaextract.pipeline.sentences import QUOTES, TEXT_WORDS, is_sentence_end

__all__ = ["AbbreviationDefinition", "find_definitions", "find_short_form_uses"]

SCHWARTZ_HEARST_CONFIDENCE = 1.0
TITLE_CASE_CONFIDENCE = 0.5


@dataclass(frozen=True)
class AbbreviationDefinition:
    long_start: int  # char offsets of the long form in text
    long_end: int
    short_start: int  # char offsets of the short form in text
    short_end: int
    confidence: float  # 1.0 Schwartz-Hearst match, lower for the title-case fallback


# Word lists are data (data/text_words.json): long-form size, name runs, references.
_FUNCTION_WORDS = frozenset(TEXT_WORDS["function_words"])
_RUN_FUNCTION_WORDS = frozenset(TEXT_WORDS["run_function_words"])
_NOT_SHORT_FORM_WORDS = frozenset(TEXT_WORDS["not_short_form_words"])
_QUOTES = QUOTES
_SHORT_FORM_CHARS = re.compile(r"[^\W_]|[-.&/'+’]")
_WORD = re.compile(r"\S+")
_TOKEN_SPLIT = re.compile(r"[\s\-‐‑–]+")
_HARD_STOPS = "\n\r()[]{};:"
_MAX_LOOKBACK = 1000  # characters; no long form is longer


# ---------------------------------------------------------------------------
# small helpers


def _strip_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def _alnum_count(s: str) -> int:
    return sum(1 for c in s if c.isalnum())


def _size_limit(short_form: str) -> int:
    n = _alnum_count(short_form)
    return min(n + 5, 2 * n)


def _content_words(long_form: str) -> list[str]:
    return [
        t for t in _TOKEN_SPLIT.split(long_form)
        if t and any(c.isalnum() for c in t) and t.lower().strip(_QUOTES + ",.") not in _FUNCTION_WORDS
    ]


def _is_word_start(s: str, i: int) -> bool:
    if i == 0:
        return True
    prev = s[i - 1]
    return not (prev.isalnum() or prev in "'’")


def _is_valid_short_form(sf: str) -> bool:
    words = sf.split()
    if not 1 <= len(words) <= 2 or len(sf) < 2:
        return False
    if any(len(w) > 10 for w in words):
        return False
    if not sf[0].isalnum() or not any(c.isalpha() for c in sf) or not any(c.isupper() for c in sf):
        return False
    if any(not _SHORT_FORM_CHARS.fullmatch(c) for c in sf if not c.isspace()):
        return False
    if not words[0].isupper() and words[0].lower() in _NOT_SHORT_FORM_WORDS:
        return False  # "Note 28", "see", "August"; but CF, ART, MAY as acronyms
    return True


def _is_acronym_like(sf: str) -> bool:
    """One word, mostly capitals: UNHCR, AfDB, ReCAAP-ISC, G7; not Gavi, London, May."""
    if len(sf.split()) != 1 or not _is_valid_short_form(sf):
        return False
    upper = sum(1 for c in sf if c.isupper())
    lower = sum(1 for c in sf if c.islower())
    digits = sum(1 for c in sf if c.isdigit())
    return upper >= 1 and upper >= lower and upper + digits >= 2


def _left_boundary(text: str, end: int) -> int:
    """Start of the stretch before `end` a long form may use: no sentence end,
    newline, ';', ':', bracket, parenthesis or possessive inside."""
    limit = max(0, end - _MAX_LOOKBACK)
    i = end - 1
    while i >= limit:
        c = text[i]
        if c in _HARD_STOPS:
            return i + 1
        if c in ".!?" and is_sentence_end(text, i):
            return i + 1
        # A possessive ends whatever comes before the name: "with Peru’s National Institute ... (INDECI)".
        if c in "'’" and text[i + 1 : i + 2] == "s" and text[i + 2 : i + 3].isspace():
            return i + 3
        i -= 1
    if limit == 0:
        return 0
    # Lookback exhausted: start at the next word boundary.
    m = re.compile(r"\s").search(text, limit, end)
    return m.end() if m else end


def _schwartz_hearst(short_form: str, long_form: str, word_starts: frozenset[int] = frozenset()) -> int | None:
    """Right-to-left character match; the start of the long form in `long_form`, or None.

    The first alphanumeric SF character, and those at the indexes in `word_starts`,
    must match at the start of a word."""
    alnum = [i for i, c in enumerate(short_form) if c.isalnum()]
    if not alnum:
        return None
    anchored = word_starts | {alnum[0]}
    l_index = len(long_form) - 1
    for s_index in reversed(alnum):
        c = short_form[s_index].lower()
        while l_index >= 0 and (
            long_form[l_index].lower() != c or (s_index in anchored and not _is_word_start(long_form, l_index))
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
    start = l_index + 1
    while start > 0 and not long_form[start - 1].isspace():
        start -= 1
    return start


def _trim_long_form(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge quotes/commas and a leading "the"."""
    while True:
        start, end = _strip_span(text, start, end, _QUOTES + ",;:")
        m = re.compile(r"(?:the|The|THE)\s+").match(text, start, end)
        if not m:
            return start, end
        start = m.end()


def _long_form_ok(text: str, start: int, end: int, short_form: str, match_form: str) -> bool:
    if end <= start:
        return False
    long_form = text[start:end]
    if len(long_form) < len(short_form) or long_form.lower() == short_form.lower():
        return False
    if not any(c.isalpha() for c in long_form):
        return False
    # Schwartz-Hearst: the long form must not contain the short form ("Arch Summit (G7 Summit)"
    # matched in "G7 Arch Summit"); "Gavi, the Vaccine Alliance (Gavi)" is fine.
    if short_form + " " in long_form or long_form.endswith(short_form):
        return False
    if long_form.split()[0] in _FUNCTION_WORDS:
        return False  # "JICA and the Brazilian Cooperation Agency (ABC)": "and" is not ABC's A
    words = _content_words(long_form)
    limit = _size_limit(match_form)
    return 0 < len(words) <= limit and len(long_form.split()) <= 2 * limit + 4


def _match(
    text: str, lo: int, hi: int, short_form: str, match_form: str, word_starts: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """Schwartz-Hearst over text[lo:hi]; returns the trimmed long-form span."""
    if hi <= lo:
        return None
    rel_start = _schwartz_hearst(match_form, text[lo:hi], word_starts)
    if rel_start is None:
        return None
    start, end = _trim_long_form(text, lo + rel_start, hi)
    if not _long_form_ok(text, start, end, short_form, match_form):
        return None
    return start, end


def _match_short_form(text: str, lo: int, hi: int, short_form: str) -> tuple[int, int] | None:
    """Schwartz-Hearst with the hyphenated-short-form rule."""
    head, sep, tail = short_form.partition("-")
    if not sep or not any(c.isalnum() for c in tail):
        return _match(text, lo, hi, short_form, short_form)
    # UNDP-MPTF Office: the capitals of "UNDP" must be word initials of the long form.
    prefix_caps = frozenset(i for i, c in enumerate(head) if c.isupper())
    whole = _match(text, lo, hi, short_form, short_form, prefix_caps)
    if whole is not None or not tail[0].isalnum():
        return whole
    # ReCAAP-ISC, UNESCO-IOC: the prefix is named elsewhere; match the rest.
    return _match(text, lo, hi, short_form, tail)


def _title_case_run(text: str, lo: int, hi: int, short_form: str) -> tuple[int, int] | None:
    """Fallback: the run of Title-Case words directly before the parenthesis.

    Lower-case function words may stand inside the run; "the" only after another
    function word ("Office of the ..."), so "Japan and the Central American
    Integration System" stops at "the". Of the run, the shortest tail whose word
    initials contain every capital of the short form (in any order: SICA in
    "Central American Integration System") is the long form, else the whole run.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, lo, hi)]
    run: list[tuple[int, int]] = []  # right to left
    for k in range(len(words) - 1, -1, -1):
        start, end = words[k]
        w = text[start:end]
        if w == "the":
            if k == 0 or text[words[k - 1][0] : words[k - 1][1]] not in _RUN_FUNCTION_WORDS - {"the", "and", "&", "et", "y"}:
                break
            run.append((start, end))
            continue
        if w in _RUN_FUNCTION_WORDS:
            run.append((start, end))
            continue
        if not w[0].isupper() or not all(c.isalnum() or c in "-&.’'" for c in w):
            break
        if w.endswith(("'s", "’s", "'", "’")) or not w[-1].isalnum():
            break  # UNESCO's ..., a trailing comma: not inside a name
        run.append((start, end))
    while run and text[run[0][0] : run[0][1]] in _RUN_FUNCTION_WORDS:
        run.pop(0)  # function words just before the parenthesis
    capitals = sorted(c for c in short_form if c.isupper())
    for k in range(len(run)):
        first = text[run[k][0] : run[k][1]]
        if first in _RUN_FUNCTION_WORDS:
            continue
        initials = [text[s] for s, _ in run[: k + 1] if text[s].isupper()]
        if _covers(initials, capitals):
            run = run[: k + 1]
            break
    while run and text[run[-1][0] : run[-1][1]] in _RUN_FUNCTION_WORDS | {"The"}:
        run.pop()  # leading function words
    if not run:
        return None
    start, end = _trim_long_form(text, run[-1][0], run[0][1])
    capitalized = [w for w in text[start:end].split() if w[0].isupper()]
    if len(capitalized) < 2 or not _long_form_ok(text, start, end, short_form, short_form):
        return None
    return start, end


def _covers(initials: list[str], capitals: list[str]) -> bool:
    pool = list(initials)
    for c in capitals:
        if c not in pool:
            return False
        pool.remove(c)
    return True


# ---------------------------------------------------------------------------
# candidates


def _paren_pairs(text: str) -> list[tuple[int, int]]:
    pairs, stack = [], []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            pairs.append((stack.pop(), i))
    return pairs


def _forward(text: str, open_: int, sf_start: int, sf_end: int) -> AbbreviationDefinition | None:
    """Long Form (SF)."""
    short_form = text[sf_start:sf_end]
    if not _is_valid_short_form(short_form):
        return None
    hi = open_
    while hi > 0 and text[hi - 1].isspace() and text[hi - 1] not in "\n\r":
        hi -= 1
    lo = _left_boundary(text, hi)
    if hi <= lo:
        return None
    span = _match_short_form(text, lo, hi, short_form)
    confidence = SCHWARTZ_HEARST_CONFIDENCE
    if span is None and _is_acronym_like(short_form):
        span = _title_case_run(text, lo, hi, short_form)
        confidence = TITLE_CASE_CONFIDENCE
    if span is None:
        return None
    return AbbreviationDefinition(span[0], span[1], sf_start, sf_end, confidence)


def _reverse(text: str, open_: int, lf_start: int, lf_end: int) -> AbbreviationDefinition | None:
    """SF (Long Form)."""
    hi = open_
    while hi > 0 and text[hi - 1] in " \t":
        hi -= 1
    lo = hi
    while lo > 0 and not text[lo - 1].isspace() and text[lo - 1] not in "()[]":
        lo -= 1
    sf_start, sf_end = _strip_span(text, lo, hi, _QUOTES)
    short_form = text[sf_start:sf_end]
    if not _is_acronym_like(short_form):
        return None
    span = _match_short_form(text, lf_start, lf_end, short_form)
    if span is None:
        return None
    # The parenthesis holds the long form: all of it, when Schwartz-Hearst matches
    # inside ("Office of the United Nations High Commissioner for Refugees").
    whole = _trim_long_form(text, lf_start, lf_end)
    if _long_form_ok(text, whole[0], whole[1], short_form, short_form):
        span = whole
    return AbbreviationDefinition(span[0], span[1], sf_start, sf_end, SCHWARTZ_HEARST_CONFIDENCE)


def _definition_at(text: str, open_: int, close: int) -> AbbreviationDefinition | None:
    start, end = open_ + 1, close
    if end - start > _MAX_LOOKBACK:
        return None  # no long form is that long
    content = text[start:end]
    if not content.strip() or "\n" in content or "\r" in content or ":" in content:
        return None
    cut = [i for i in (content.find(", "), content.find("; ")) if i >= 0]
    if cut:
        end = start + min(cut)
    start, end = _strip_span(text, start, end, _QUOTES)
    if end <= start:
        return None
    if len(text[start:end].split()) <= 2:
        return _forward(text, open_, start, end)
    if "(" in text[start:end] or ")" in text[start:end]:
        return None
    return _reverse(text, open_, start, end)


def find_definitions(text: str) -> list[AbbreviationDefinition]:
    """All acronym definitions in `text`, sorted by short_start."""
    if not isinstance(text, str) or not text:
        return []
    found = []
    for open_, close in _paren_pairs(text):
        definition = _definition_at(text, open_, close)
        if definition is not None:
            found.append(definition)
    found.sort(key=lambda d: (d.short_start, d.short_end, d.long_start))
    return found


# ---------------------------------------------------------------------------
# later uses


def find_short_form_uses(text: str, short_forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Whole-word uses of the short forms in `text`: (start, end, short_form).

    A use is not preceded or followed by a letter or digit, so "UNODC" is not
    found in "UNODCX", "UNODC's" gives the span of "UNODC", and a hyphen
    separates words: "JICA-JAXA" gives JICA and JAXA, "non-FATF" gives FATF.
    Forms are tried longest first at each position, so "ReCAAP-ISC" is one use
    of "ReCAAP-ISC" when that is a short form (not "ReCAAP" and "ISC"); when it
    is not, its parts are uses of the shorter forms. Matching is case-sensitive;
    whitespace inside a short form ("UNDP-MPTF Office") matches any whitespace.
    """
    if not isinstance(text, str) or not text:
        return []
    compiled = _short_form_pattern(tuple(sf for sf in short_forms if isinstance(sf, str)))
    if compiled is None:
        return []
    pattern, canonical = compiled
    return [(m.start(), m.end(), canonical[" ".join(m.group().split())]) for m in pattern.finditer(text)]


@lru_cache(maxsize=64)
def _short_form_pattern(short_forms: tuple[str, ...]) -> Optional[tuple[re.Pattern, dict[str, str]]]:
    # Built once per set of short forms: normalize asks for a document's set block by block.
    canonical: dict[str, str] = {}
    for sf in short_forms:
        if sf.strip():
            canonical.setdefault(" ".join(sf.split()), sf)
    if not canonical:
        return None
    keys = sorted(canonical, key=lambda k: (-len(k), k))
    alternation = "|".join(r"\s+".join(re.escape(w) for w in k.split(" ")) for k in keys)
    return re.compile(r"(?<![^\W_])(?:" + alternation + r")(?![^\W_])"), canonical
