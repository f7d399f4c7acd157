"""Find and normalize MONEY mentions (annotation guidelines, MONEY section).

This runs on the hot path of a pipeline that is benchmarked against bare
spaCy, so the paragraph is scanned by one compiled pattern that starts on a
digit and takes the scale and currency written after it (a second pattern,
for numbers written as words, runs only when the paragraph has a scale word).
The rest of the work is per *candidate number* (a paragraph has a handful),
never per token: reading the currency written before it, joining ranges and
enumerations that share a currency or scale, giving a currency to bare
numbers that a unit statement ("(in US dollars)") covers, reading the hedge
or bound just before each amount, and pairing converted equivalents.

The vocabulary (currency symbols, words and codes, scale words, hedges and
bounds) lives in ``data/currencies.json`` so that adding a currency is a data
change; ISO 4217 validity of codes comes from pycountry, which is why "SDR"
is not money and "XDR" is.

Amounts are built from the digit string with ``decimal.Decimal`` and never go
through a float or a context-rounded multiplication, so "$1.98 billion" is
exactly 1980000000 and a 40-digit figure keeps all 40 digits.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Literal, Optional

import pycountry

from odaextract.pipeline.years import YEAR_PATTERN

__all__ = [
    "MoneyMatch", "find_money", "amount_to_json", "CONTEXT_CONFIDENCE", "HISTORICAL_CODES",
    "SYMBOL_END_CHARS", "CURRENCY_BEFORE_RE", "is_list_row", "mask_list_rank", "is_column_header", "list_unit",
]

# Confidence of an amount whose currency is not written with it but comes from
# a unit statement elsewhere in the sentence. A constant, not a score: the
# consumer only needs to tell the two kinds apart.
CONTEXT_CONFIDENCE = 0.6


@dataclass(frozen=True)
class MoneyMatch:
    start: int  # text[start:end] is number+scale+currency, no hedge, no trailing punctuation
    end: int
    amount: Decimal  # full value, e.g. Decimal("1980000000")
    currency: Optional[str]  # ISO 4217 code; None for a shared name ("rupees") no state in the text decides
    approximate: bool
    bound: Optional[Literal["lower", "upper"]]
    confidence: float  # 1.0 when the currency is written with the amount, else CONTEXT_CONFIDENCE
    equivalent_of: Optional[int]  # index in the returned list of the other member of a conversion pair


def amount_to_json(amount: Decimal) -> int | float:
    """An ``int`` when the amount is integral, so JSON keeps it exact; else a float.

    Decided from the digit tuple rather than with ``%`` or ``quantize``: those
    use the decimal context and fail or round on amounts longer than its
    precision.
    """
    if not amount.is_finite():
        return float(amount)
    sign, digits, exponent = amount.as_tuple()
    if exponent >= 0 or not any(digits[exponent:]):
        return int(amount)
    return float(amount)


# --------------------------------------------------------------------------
# Vocabulary, loaded and compiled once at import.
# --------------------------------------------------------------------------

_DATA = json.loads((Path(__file__).parent / "data" / "currencies.json").read_text(encoding="utf-8"))

# A currency name several states use ("rupees") is resolved from the states the
# text names; until then the candidate carries this marker plus the name.
_SHARED = "?"
_SHARED_NAMES: dict = _DATA["shared_names"]

_SYMBOLS: dict[str, str] = {
    **_DATA["symbols"],
    **{sym: _SHARED + name for name, entry in _SHARED_NAMES.items() for sym in entry.get("symbols", ())},
}
_WORDS: dict[str, str] = {
    **{" ".join(w.lower().split()): _SHARED + name for name, entry in _SHARED_NAMES.items() for w in entry["words"]},
    **{" ".join(k.lower().split()): v for k, v in _DATA["words"].items()},
}
# "50 cents", "30 pence": (currency, exponent of the sub-unit).
_SUBUNITS: dict[str, tuple[str, int]] = {
    " ".join(k.lower().split()): (code, exp) for k, (code, exp) in _DATA["subunits"].items()
}
_ALIASES: dict[str, str] = _DATA["code_aliases"]
# Withdrawn codes ("FIM", "NLG") are not in pycountry's list of current ones.
HISTORICAL_CODES: frozenset[str] = frozenset(_DATA["historical_codes"])
_ISO_CODES: frozenset[str] = (
    frozenset(c.alpha_3 for c in pycountry.currencies) | HISTORICAL_CODES
) - frozenset(_DATA["excluded_codes"])
# Letters that look like a currency code but label the number as something
# else; such a number never borrows a currency from its neighbours.
_NON_CURRENCY_CODES: frozenset[str] = frozenset(_DATA["excluded_codes"]) | frozenset(
    _DATA["non_currency_codes"]
)
_CODES_AFTER: frozenset[str] = frozenset(_DATA["codes_after"]) & _ISO_CODES
_SCALES: dict[str, int] = {k.lower(): v for k, v in _DATA["scales"].items()}
# "m", "k": a scale only glued to the number ("£400m", "$50k").
_GLUED_SCALES: frozenset[str] = frozenset(k.lower() for k in _DATA["glued_only_scales"])
_NUMBER_WORDS: dict[str, int] = {k.lower(): v for k, v in _DATA["number_words"].items()}
_BOUNDS: dict[str, str] = {k.lower(): v for k, v in _DATA["bounds"].items()}
_HEDGES: tuple[str, ...] = tuple(h.lower() for h in _DATA["hedges"])


def dotted_hedges() -> list[str]:
    """The hedges written with an abbreviation's dot ("app.", "approx.", "c.")."""
    return [hedge for hedge in _HEDGES if hedge.endswith(".") and " " not in hedge]


def _alt(phrases, flexible_space: bool = True) -> str:
    """Alternation, longest first so that 'US$' wins over '$' and 'no more than' over 'more than'."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p)
        if flexible_space:
            # Text extracted from PDFs breaks lines and uses no-break spaces inside phrases.
            esc = esc.replace(r"\ ", r"\s+")
        out.append(esc)
    return "(?:" + "|".join(out) + ")"


_LOWER_CODES: frozenset[str] = frozenset(_DATA["lowercase_codes"])


def _code(code: str) -> Optional[str]:
    if code in _LOWER_CODES:
        code = code.upper()
    if code in _ALIASES:
        return _ALIASES[code]
    return code if code in _ISO_CODES else None


# Python's case-insensitive matching lets "ſ", "K", "İ" and "ı" match ASCII
# letters, so a matched word is folded the same way before it is looked up;
# otherwise "dollarſ" would match the pattern and miss the table.
_FOLD = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})


def _key(phrase: str) -> str:
    return " ".join(phrase.translate(_FOLD).lower().split())


_SYMBOLS_UPPER: dict[str, str] = {k.upper(): v for k, v in _SYMBOLS.items()}


def _symbol(sym: str) -> Optional[str]:
    # Letters in symbols are matched in any case: "c$150 million", "US$", "us$".
    return _SYMBOLS_UPPER.get(sym.replace("\u00a0", " ").upper())


_SP = r"[ \u00a0]"  # a space inside an amount; never a newline (paragraphs are the unit)
# Letters in symbols in any case ("c$150 million", "us$"): the variants are
# listed rather than matched with (?i), which is slower on this hot pattern.
_SYMBOL_FORMS = {v for sym in _SYMBOLS for v in (sym, sym.lower(), sym.upper())}
_SYMBOL_ALT = _alt(_SYMBOL_FORMS, flexible_space=False).replace(r"\ ", _SP + "?")
# After a number a symbol never ends with a dot ("5 Rs." ends a sentence).
_POST_SYMBOL_ALT = _alt((f for f in _SYMBOL_FORMS if not f.endswith(".")), flexible_space=False).replace(r"\ ", _SP + "?")
_SCALE_ALT = _alt(w for w in _SCALES if w not in _GLUED_SCALES)
_GLUED_SCALE_ALT = _alt(_GLUED_SCALES)
_SUBUNIT_ALT = _alt(_SUBUNITS)

# A word after the number is a currency only if it is not the start of
# something else ("1,000 pounds of rice"); a symbol or code followed by digits
# is the *next* amount's prefix.
_POST_WORDS = "(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") + (r"(?!\s+of\b)" if w.startswith("pound") else "")
    for w in sorted(_WORDS, key=len, reverse=True)
) + ")"
_POST_CODES = _alt(sorted(_CODES_AFTER | set(_ALIASES) | _LOWER_CODES), flexible_space=False)
# The amount must not run on into a word: "$1e999" and "5th" are not amounts.
_AFFIXES = rf"""
    (?:(?:{_SP}|-)?(?P<scale>(?i:{_SCALE_ALT}))(?!\w)|(?P<gscale>(?i:{_GLUED_SCALE_ALT}))(?!\w))?
    (?:{_SP}?(?:
        (?P<postsub>(?i:{_SUBUNIT_ALT}))(?!\w)
      | (?P<postw>(?i:{_POST_WORDS}))(?!\w)
      | (?P<postc>{_POST_CODES}|{_POST_SYMBOL_ALT})(?!\w)(?!{_SP}?\d)
    ))?
    (?![^\W\d_])
    (?!{_SP}?%)
"""

# The main scan starts on a digit, which lets the regex engine skip straight
# to digits instead of trying every position (several times faster than a
# pattern that starts with the optional currency). The number is
# thousands-separated or plain, with optional decimals, and never the head or
# tail of a longer digit string ("1,23" and "1.2.3" give nothing).
_NUMBER_RE = re.compile(
    rf"""
    (?P<num>(?!0\d)[0-9](?<!\d[0-9])(?<!\d\.[0-9])(?<!\d,[0-9])(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+|[0-9]?(?:,[0-9]{{2}})+,[0-9]{{3}}|[0-9]*)(?:\.[0-9]+)?(?!\d|[.,]\d))
    {_AFFIXES}
    """,
    re.VERBOSE,
)
# The currency written before a number is read backwards from the number's
# start, only for the numbers found.
_PRE_RE = re.compile(
    rf"(?:(?<![\w.])(?P<sym>{_SYMBOL_ALT})|(?<![^\W\d_])(?P<code>[A-Z]{{3}}|[a-z]{{3}})){_SP}?\Z"
)
_PRE_WINDOW = 8
# Currency words also written before the number (older editions, South Asian texts).
_PRE_WORD_RE = re.compile(rf"(?<![\w-])(?P<w>(?i:{_alt(_DATA['words_before'])})){_SP}+\Z")
_PRE_WORD_WINDOW = 2 + max(len(w) for w in _DATA["words_before"])
_AMOUNT_END_RE = re.compile(rf"\d(?:{_SP}?(?i:{_SCALE_ALT}|{_GLUED_SCALE_ALT}))?{_SP}+\Z")

# For other finders (dates): the characters a currency symbol ends with, and
# a pattern for a symbol or code ending a text ("US$" before "2015" makes it
# money, not a year). Built from data/currencies.json, so both finders agree.
SYMBOL_END_CHARS = "".join(sorted({sym[-1] for sym in _SYMBOLS if not sym[-1].isalnum() and sym[-1] != "."}))
CURRENCY_BEFORE_RE = re.compile(
    rf"(?:(?<![\w.]){_SYMBOL_ALT}|(?<![A-Za-z]){_alt(sorted(_ISO_CODES | set(_ALIASES) | _LOWER_CODES), flexible_space=False)})\s*\Z"
)

# Numbers written as words count only with a scale word ("one billion yen"),
# own or shared ("two to three billion yen"), so this slower scan runs only on
# paragraphs that contain one.
# "a" is a number only right before a scale word ("a million dollars"); as a
# plain alternative it would make every article a candidate.
_BEFORE_SCALE_ONLY = frozenset(w.lower() for w in _DATA["number_words_before_scale_only"])
_units = [w for w, v in _NUMBER_WORDS.items() if v < 10 and w not in _BEFORE_SCALE_ONLY]
_teens = [w for w, v in _NUMBER_WORDS.items() if 10 <= v < 20]
_tens = [w for w, v in _NUMBER_WORDS.items() if v >= 20]
_WORD_NUMBER_RE = re.compile(
    rf"""
    (?<![\w.])(?<!half\s)(?P<wnum>(?i:
        (?:{_alt(_tens)}(?:[-\s]{_alt(_units)})?|{_alt(_teens)}|{_alt(_units)}
          |{_alt(_BEFORE_SCALE_ONLY)}(?=\s+(?:hundred\s+)?(?:{_SCALE_ALT})(?!\w)))
        (?:\s+hundred)?
    ))(?![\w-])
    {_AFFIXES}
    """,
    re.VERBOSE,
)
# Substring tests: words of 3 letters or fewer ("lac" in "place") would fire everywhere.
_WORD_SCALE_TRIGGERS = tuple(w for w in _SCALES if len(w) > 3)
# Without a scale word, a number word is money only right before a currency
# word ("ten dollars"). Whether the word scan may find one is decided from the
# paragraph's set of words (C-level findall and set operations, no loop): it
# needs a number word and the last word of a currency name.
_WORD_TOKEN_RE = re.compile(r"[^\W\d_]+")
_NUMBER_TOKENS = frozenset(w for w in _NUMBER_WORDS if w not in _BEFORE_SCALE_ONLY)
_CURRENCY_TOKENS = frozenset(w.split()[-1] for w in (*_WORDS, *_SUBUNITS))


def _word_currency_possible(low: str) -> bool:
    words = set(_WORD_TOKEN_RE.findall(low))
    return not words.isdisjoint(_NUMBER_TOKENS) and not words.isdisjoint(_CURRENCY_TOKENS)

_BOUND_PARTS = []
for _phrase in sorted(_BOUNDS, key=len, reverse=True):
    _p = re.escape(_phrase).replace(r"\ ", r"\s+")
    if _phrase == "over":
        _p = "".join(rf"(?<!\b{re.escape(v)}\s)" for v in _DATA["over_particle_verbs"]) + _p
    _BOUND_PARTS.append(_p)
_BOUND_ALT = "(?:" + "|".join(_BOUND_PARTS) + ")"
_HEDGE_ALT = _alt(_HEDGES)

# Searched only in the few dozen characters before an amount, anchored at its
# start: the qualifier must touch the amount ("over" three words earlier is
# not a bound on it).
_MARKUP = r"(?:\*\*|__|\*|_)"  # Markdown emphasis around an amount: "**¥8.4 billion**"
_QUALIFIER_RE = re.compile(
    rf"(?i:(?<![\w.])(?:(?P<bound>{_BOUND_ALT})\s+)?(?:(?P<hedge>{_HEDGE_ALT})\s+)?){_MARKUP}?\Z"
)
_QUALIFIER_WINDOW = 48
_OPT_QUAL = rf"(?:(?:{_HEDGE_ALT}|{_BOUND_ALT})\s+)?"
_BETWEEN_RE = re.compile(rf"(?i:(?<!\w)between\s+{_OPT_QUAL})\Z")
_FROM_RE = re.compile(rf"(?i:(?<!\w)from\s+{_OPT_QUAL})\Z")
_RANGING_FROM_RE = re.compile(rf"(?i:(?<!\w)(?:rang|var)\w*\s+from\s+{_OPT_QUAL})\Z")

# What may stand between two amounts that share a currency or scale.
_DASH_GAP_RE = re.compile(r"[ \u00a0]*[-\u2010-\u2015\u2212][ \u00a0]*")
_TO_GAP_RE = re.compile(rf"(?i:\s+to\s+{_OPT_QUAL})")
_AND_GAP_RE = re.compile(rf"(?i:\s+and\s+{_OPT_QUAL})")
_ENUM_GAP_RE = re.compile(rf"(?i:\s*,\s*(?:(?:and|or)\s+)?{_OPT_QUAL}|\s+(?:and|or)\s+{_OPT_QUAL})")

# What may stand between an amount and its converted equivalent: emphasis
# markup, then a short qualifier of the first amount ("¥10.3 billion in FY2017
# (approximately US$93 million)": a date or a few words, no punctuation, no
# conjunction that would start another clause), then the parenthesis.
_EQUIV_QUAL = (
    rf"{_MARKUP}?(?:[ \u00a0]+(?!(?i:{_alt(_DATA['equivalent_qualifier_stops'])})(?!\w))"
    rf"[^\s()\[\]{{}};:,.!?/{re.escape(SYMBOL_END_CHARS)}]+){{0,{int(_DATA['equivalent_qualifier_words'])}}}"
)
# "or", "equivalent to", "i.e.": the words that introduce a conversion (data).
_EQUIV_WORDS = _alt(_DATA["equivalent_connectives"])
_EQUIV_PAREN_GAP_RE = re.compile(
    rf"(?i:{_EQUIV_QUAL}\s*\(\s*{_MARKUP}?(?:(?:{_EQUIV_WORDS}|{_HEDGE_ALT}|{_BOUND_ALT})\s+)*{_MARKUP}?)"
)
_EQUIV_CLOSE_RE = re.compile(r"[^()\n]*\)")
_EQUIV_OTHER_GAP_RE = re.compile(
    rf"(?i:{_MARKUP}?(?:\s*/\s*{_OPT_QUAL}|\s*,?\s+(?:{_EQUIV_WORDS})(?:\s+(?:{_EQUIV_WORDS}))*\s+{_OPT_QUAL}){_MARKUP}?)"
)

# "US$1 = ¥108.8" states an exchange rate, not money given or received.
_RATE_GAP_RE = re.compile(r"[ \u00a0]*=[ \u00a0]*")

_NOT_MONEY_BEFORE_RE = re.compile(
    # No word boundary before: PDF text glues note markers on ("launderingNote 44").
    rf"(?i:{_alt(_DATA['not_money_before'])}\s*)\Z"
)
_BARE_FOLLOWER_RE = re.compile(
    rf"[ \u00a0]*(?:[)\],;:.!?/\u2010-\u2015\u2212(-]|\Z|\n|\t|\||(?i:{_alt(_DATA['bare_followers'])})(?!\w)"
    # the next figure of a table row: "Asia  1,234.5  567.8"
    r"|(?<=[ \u00a0])[-\u2212]?\d[\d,]*(?:\.\d+)?(?=[ \u00a0\t|]|\Z))"
)
_YEAR_RE = re.compile(YEAR_PATTERN)

# A statement that the figures around it are in some currency: "(in US
# dollars)", "(US$ million)", "(unit: ¥ billion)", "in millions of yen".
_UNIT_CUR = rf"(?:(?P<uw>(?i:{_POST_WORDS}))|(?P<us>{_SYMBOL_ALT})|(?P<uc>[A-Z]{{3}}))(?![\w$])(?!{_SP}?\d)"
_UNIT_BODY = rf"""
    (?:(?P<s1>(?i:{_SCALE_ALT}))s?\s+(?:(?i:of)\s+)?)?
    {_UNIT_CUR}
    (?:\s*(?P<s2>(?i:{_SCALE_ALT}))s?(?!\w))?
"""
# Two patterns, each starting on a character class, so that the engine jumps
# to "(" or to an i/u instead of trying the optional parts at every position.
# "(US$ million)", "(Unit: US$ million)", and after what is measured: "(gross disbursements, US$ million)".
_UNIT_PAREN_RE = re.compile(rf"\(\s*(?:[^()\n,:]{{1,40}},\s*)?(?P<lead>(?i:in\s+|units?\s*:\s*))?{_UNIT_BODY}\s*\)", re.VERBOSE)
_UNIT_IN_RE = re.compile(
    rf"[IiUu](?<![\w.][IiUu])(?P<lead>(?<=[Ii])[Nn]\s+|(?<=[Uu])(?i:nits?\s*:\s*)){_UNIT_BODY}",
    re.VERBOSE,
)
# "(Unit: ¥100 million)": a unit with a power-of-ten multiplier, in table headers.
# Its amount-like "¥100 million" is the unit, not money.
_UNIT_MULT_RE = re.compile(
    rf"\(\s*(?i:units?\s*:\s*)(?:(?P<us>{_SYMBOL_ALT})|(?P<uc>[A-Z]{{3}})\s)\s?(?P<mult>10+)\s*"
    rf"(?P<s2>(?i:{_SCALE_ALT}))?(?![\w])[^()]*\)"
)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s+[A-Z(\[\"'\u201c\u2018])|\n")


# --------------------------------------------------------------------------
# Matching.
# --------------------------------------------------------------------------


class _Cand:
    """A number found in the text, with what is glued to it, while it is being resolved."""

    __slots__ = (
        "start", "end", "num_start", "num_end", "num", "word_value", "thousands", "decimal",
        "scale", "cur", "pre", "post", "labelled", "glued", "confidence", "bound", "approx", "group",
        "sub_exp", "extra", "negative", "own_qualifier",
    )

    def __init__(self, m: re.Match, text: str):
        self.pre = self.post = False
        # Written with letters that are not a currency ("SDG 16", "COP 28"): it
        # has its own label and must not borrow a currency from a neighbour.
        self.labelled = False
        # Glued to a word that is not a currency ("G7", "FY2009"): not an amount at all.
        self.glued = False
        self.cur: Optional[str] = None
        if m.re is _NUMBER_RE:
            self.num_start, self.num_end = m.span("num")
            self.num = m.group("num")
            self.word_value = None
            self.thousands = "," in self.num
            self.decimal = "." in self.num
        else:
            self.num_start, self.num_end = m.span("wnum")
            self.num = None
            self.word_value = _word_value(m.group("wnum"))
            self.thousands = self.decimal = False
        self.start = self.num_start
        if self.num is not None and self.num_start > 0:
            pre = _PRE_RE.search(text, max(0, self.num_start - _PRE_WINDOW), self.num_start)
            if pre is not None:
                sym, code = pre.group("sym"), pre.group("code")
                cur = _symbol(sym) if sym is not None else _code(code)
                if cur in HISTORICAL_CODES and m.group("scale") is None and m.group("gscale") is None:
                    # "DEM 69" in a ballot is a party's votes; "DEM 85 million" is money.
                    cur = None
                if cur is not None:
                    self.cur, self.pre, self.start = cur, True, pre.start()
                else:  # "ISO 4217", "SDG 16", "WFP 3": the letters are not a currency
                    self.labelled = code in _NON_CURRENCY_CODES
            if not self.pre and not self.labelled and text[self.num_start - 1] in " \u00a0":
                # "Yen 2.5 billion", "Rupees 50 lakh": a currency word before the number.
                word = _PRE_WORD_RE.search(text, max(0, self.num_start - _PRE_WORD_WINDOW), self.num_start)
                if (
                    word is not None
                    # a figure ("Yen 2.5 billion"), not "the yen 5 times" or "dollars 2015"
                    and (m.group("scale") or m.group("gscale") or "," in m.group("num") or "." in m.group("num"))
                    # "3 dollars 50 cents": the word is the previous amount's currency
                    and not _AMOUNT_END_RE.search(text, max(0, word.start() - 24), word.start())
                ):
                    self.cur, self.pre, self.start = _WORDS[_key(word.group("w"))], True, word.start("w")
            if not self.pre and text[self.num_start - 1].isalpha():
                self.glued = True
        scale = m.group("scale") or m.group("gscale")
        self.scale: Optional[int] = _SCALES[_key(scale)] if scale is not None else None
        # "50 cents": the number counts sub-units of the currency.
        self.sub_exp = 0
        self.extra = Decimal(0)  # "3 dollars 50 cents": the cents, added to the dollars
        self.negative = False
        self.own_qualifier = False
        postw, postc, postsub = m.group("postw"), m.group("postc"), m.group("postsub")
        if postsub is not None:
            postw = postsub
        if postw is not None or postc is not None:
            if postsub is not None:
                post_cur, self.sub_exp = _SUBUNITS[_key(postsub)]
            elif postw is not None:
                post_cur = _WORDS[_key(postw)]
            else:
                post_cur = _symbol(postc) or _code(postc)
            if self.cur is None:
                self.cur, self.post = post_cur, True
                self.end = m.end()
            else:
                # "$5 million USD" repeats the currency; "$5 million yen" is
                # nonsense: either way the prefix is what the amount is written in.
                self.end = m.end() if post_cur == self.cur and not postsub else (
                    m.end("scale" if m.group("scale") else "gscale") if scale else self.num_end
                )
                self.sub_exp = 0
        else:
            self.end = m.end("scale" if m.group("scale") else "gscale") if scale is not None else self.num_end
        self.confidence = 1.0
        self.bound: Optional[str] = None
        self.approx = False
        self.group = -1

    def looks_like_year(self) -> bool:
        return self.num is not None and self.scale is None and _YEAR_RE.fullmatch(self.num) is not None

    def amount(self) -> Decimal:
        value = self._unsigned()
        if self.extra:
            # Exact: a context precision as long as both operands.
            with localcontext() as ctx:
                ctx.prec = len(value.as_tuple().digits) + len(self.extra.as_tuple().digits) + 2
                value = value + self.extra
        return value.copy_negate() if self.negative else value

    def _unsigned(self) -> Decimal:
        exp = (self.scale or 0) - self.sub_exp
        if self.num is None:
            digits, frac = str(self.word_value), ""
        else:
            digits, _, frac = self.num.replace(",", "").partition(".")
            frac = frac.rstrip("0")
        digits = (digits + frac).lstrip("0") or "0"
        exp -= len(frac)
        # The string constructor is exact at any length; multiplying by a power
        # of ten would round to the context's 28 digits.
        if exp >= 0:
            return Decimal(digits + "0" * exp) if digits != "0" else Decimal(0)
        return Decimal(f"{digits}E{exp}")


def _word_value(words: str) -> int:
    parts = re.split(r"[-\s]+", _key(words))
    hundred = parts[-1] == "hundred"
    value = sum(_NUMBER_WORDS[p] for p in (parts[:-1] if hundred else parts))
    return value * 100 if hundred else value


def _bare_ok(text: str, c: _Cand) -> bool:
    """Whether a number with no currency of its own can be an amount at all.

    It must end its phrase ("(6.2 million)," yes, "2 million refugees" no),
    not be a year, and not follow "Note", "page", "Section"...
    """
    if c.labelled or c.looks_like_year():
        return False
    if _NOT_MONEY_BEFORE_RE.search(text, max(0, c.start - 16), c.start):
        return False
    return _BARE_FOLLOWER_RE.match(text, c.end) is not None


def _link_kind(text: str, a: _Cand, b: _Cand) -> Optional[str]:
    """How two neighbouring numbers are joined: 'range', 'change' (from X to Y), 'enum', or None."""
    if a.cur is not None and b.cur is not None and a.cur != b.cur:
        return None  # different currencies: equivalents or unrelated, never one group
    lo, hi = a.end, b.start
    if lo > hi:
        return None
    win = max(0, a.start - _QUALIFIER_WINDOW)
    if _DASH_GAP_RE.fullmatch(text, lo, hi):
        return "range"
    if _TO_GAP_RE.fullmatch(text, lo, hi):
        if _FROM_RE.search(text, win, a.start) and not _RANGING_FROM_RE.search(text, win, a.start):
            return "change"
        return "range"
    if _AND_GAP_RE.fullmatch(text, lo, hi) and _BETWEEN_RE.search(text, win, a.start):
        return "range"
    if _ENUM_GAP_RE.fullmatch(text, lo, hi):
        return "enum"
    return None


def _resolve_groups(text: str, cands: list[_Cand]) -> list[Optional[str]]:
    """Share scale and currency inside ranges and enumerations.

    "$10–15 million" and "10–15 million dollars" write the currency and the
    scale once for both numbers. Returns the link kind between each
    candidate and the next.
    """
    n = len(cands)
    links = [_link_kind(text, cands[i], cands[i + 1]) for i in range(n - 1)]
    # Right to left, so that "2, 3 and 4 million dollars" hands the scale down
    # the chain; only from a number that is itself money or got its scale from
    # one, so "$10–15, 2 million refugees" does not make "$10" ten million.
    shares_scale = [c.scale is not None and (c.cur is not None or _bare_ok(text, c)) for c in cands]
    for i in range(n - 2, -1, -1):
        a, b = cands[i], cands[i + 1]
        if (
            links[i] is not None
            and shares_scale[i + 1]
            and a.scale is None
            and not a.thousands  # "$500,000 to 1 million" is not 500,000 million
            and not a.post
            and not a.labelled
            # A shared prefix is written on the first member ("$10–15 million");
            # a later one belongs to its own number ("$500 and $1 million", "COP 28, USD5bn").
            and not b.pre
            and not (a.looks_like_year() and not a.pre)
        ):
            a.scale = b.scale
            shares_scale[i] = True
    group = 0
    for i, c in enumerate(cands):
        if i == 0 or links[i - 1] is None:
            group += 1
        c.group = group
    members: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        members.setdefault(c.group, []).append(i)
    for g in members.values():
        if len(g) < 2:
            continue
        curs = {cands[i].cur for i in g if cands[i].cur is not None}
        if len(curs) != 1:
            continue
        (cur,) = curs
        any_scale = any(
            cands[i].scale is not None and (cands[i].cur is not None or _bare_ok(text, cands[i]))
            for i in g
        )
        for i in g:
            c = cands[i]
            if c.cur is not None or not _bare_ok(text, c):
                continue
            if c.scale is None:
                # Without a scale a bare member counts only in a scale-less range
                # ("$10–15"): "$5 million to 30 NGOs" and "$5 million, 10 vessels"
                # are not amounts.
                if any_scale:
                    continue
                near = (links[j] for j in (i - 1, i) if 0 <= j < len(links))
                if not any(k in ("range", "change") for k in near):
                    continue
            c.cur = cur
    return links


# A bare amount in a list position: right after "(", ":", ";", ",", "and", or
# a label in capitals ("WFP 3.0 million"). Only such amounts take a currency
# from outside their sentence or from an amount written earlier in it.
# A "(" glued to a word ("alert(2)", "f(3)") is code or a formula, not a list.
_LIST_POSITION_RE = re.compile(
    rf"(?:(?<!\w)\(|[:;,]|(?<![\w.])(?i:{_alt(_DATA['list_position_words'])})|(?<![\w.])[A-Z][A-Za-z.&-]*[A-Z][\w-]*)[ \u00a0]*\Z"
)
_LIST_POSITION_WINDOW = 40
_COMPARISON_GAP_RE = re.compile(rf"(?i:[ \u00a0]*,?[ \u00a0]*(?:{_alt(_DATA['comparison_words'])})[ \u00a0]+)")


def _units(text: str) -> list[tuple[int, int, Optional[str], Optional[int]]]:
    """Every unit statement in the text: (start, end, currency, scale or None)."""
    units = []
    for u in _UNIT_MULT_RE.finditer(text):
        cur = _symbol(u.group("us")) if u.group("us") is not None else _code(u.group("uc"))
        if cur is not None:
            scale = _SCALES[_key(u.group("s2"))] if u.group("s2") else 0
            units.append((u.start(), u.end(), cur, scale + len(u.group("mult")) - 1))
    for u in (*_UNIT_PAREN_RE.finditer(text), *_UNIT_IN_RE.finditer(text)):
        if u.group("uw") is not None:
            cur = _WORDS[_key(u.group("uw"))]
        elif u.group("us") is not None:
            cur = _symbol(u.group("us"))
        else:
            code = u.group("uc")
            cur = _code(code)
            # "(CDF)" is more likely an acronym than a Congolese-franc unit:
            # a code alone in parentheses counts only if it is a common one.
            # So is "in AOA sensor" (angle of attack): "in" is no unit lead.
            lead = u.group("lead") if u.re is _UNIT_PAREN_RE else u.group("lead").lower().startswith("nit")
            if cur is not None and not (lead or u.group("s1") or u.group("s2") or code in _CODES_AFTER):
                cur = None
        if cur is None:
            continue
        scale = u.group("s1") or u.group("s2")
        units.append((u.start(), u.end(), cur, _SCALES[_key(scale)] if scale else None))
    units.sort()
    return units


def _apply_context(text: str, cands: list[_Cand]) -> None:
    """Give a currency stated once for a list to the bare amounts of the list.

    - A unit statement ("(in US dollars)", "(US$ million)", "(unit: ¥
      billion)", "in millions of yen") covers the bare amounts of its
      sentence ("contributions (in US dollars): UNHCR (6.2 million)"), and
      those of later sentences of the paragraph that stand in a list position
      ("Breakdown (US dollars):\nWFP (1.3 million)").
    - An amount written with its currency covers the bare amounts in list
      positions after it in its sentence ("$5 million to UNICEF, 2.1 million
      to WFP"), unless the sentence writes amounts in more than one currency
      before them.
    A bare integer takes a currency only with a scale (its own or the unit's)
    or decimals, because in such a sentence it is as likely a count.
    """
    bare = [c for c in cands if c.cur is None and c.num is not None and _bare_ok(text, c)]
    if not bare:
        return
    units = _units(text)
    written = [c for c in cands if c.cur is not None and c.confidence == 1.0 and not c.cur.startswith(_SHARED)]
    if not units and not written:
        return
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    unit_sentences = [(bisect_right(ends, s), s, e, cur, sc) for s, e, cur, sc in units]
    for c in bare:
        sent = bisect_right(ends, c.start)
        listed = _LIST_POSITION_RE.search(text, max(0, c.start - _LIST_POSITION_WINDOW), c.start) is not None
        same = [u for u in unit_sentences if u[0] == sent and (u[2] <= c.start or u[1] >= c.end)]
        earlier = [u for u in unit_sentences if u[0] < sent] if listed else []
        if same:
            before = [u for u in same if u[2] <= c.start]
            _, _, _, cur, unit_scale = before[-1] if before else same[0]
        elif earlier:
            _, _, _, cur, unit_scale = earlier[-1]
        else:
            sent_start = ends[sent - 1] if sent > 0 else 0
            sources = [w for w in written if sent_start <= w.start and w.end <= c.start]
            if listed:
                if len({w.cur for w in sources}) != 1:
                    continue
            elif not (sources and _COMPARISON_GAP_RE.fullmatch(text, sources[-1].end, c.start)):
                continue  # a comparison word links only the amount right before it
            cur = sources[-1].cur
            # "FY2014: ¥395.40 billion; FY2015: 612.18" writes the scale once too.
            unit_scale = sources[-1].scale
        if c.scale is None:
            if unit_scale is not None:
                c.scale = unit_scale
            elif not (c.thousands or c.decimal):
                continue
        c.cur, c.confidence = cur, CONTEXT_CONFIDENCE


# Where a currency name several states share finds the state that decides it.
_STATE_RES: dict[str, tuple[re.Pattern, dict[str, str]]] = {}
for _name, _entry in _SHARED_NAMES.items():
    # Any letter case ("rupees in pakistan"): the shared name beside it already
    # says the text is about money, so "turkey" or "chad" are not read alone.
    _forms = {_key(f): code for code, forms in _entry["states"].items() for f in forms}
    _STATE_RES[_name] = (
        re.compile(rf"(?i:(?<![\w-])(?:{_alt(_forms)})(?![\w-]))"),
        _forms,
    )


def _shared_currency(text: str, name: str, start: int, ends: list[int]) -> Optional[str]:
    """The currency of a shared name ("rupees") at `start`: the one state its
    sentence names, else the one state its paragraph names, else None."""
    pattern, forms = _STATE_RES[name]
    sent = bisect_right(ends, start)
    lo = ends[sent - 1] if sent > 0 else 0
    hi = ends[sent] if sent < len(ends) else len(text)
    for a, b in ((lo, hi), (0, len(text))):
        codes = {forms[_key(m.group())] for m in pattern.finditer(text, a, b)}
        if len(codes) == 1:
            return next(iter(codes))
        if codes:
            return None  # several states: the text does not say which
    return None


_DENOMINATION_RE = re.compile(rf"[ \u00a0-]*(?i:{_alt(_DATA['denomination_nouns'])})(?!\w)")
_CENTS_GAP_RE = re.compile(r"[ \u00a0]+(?:(?i:and)[ \u00a0]+)?")
_MINUS = "-\u2212"
_MINUS_BEFORE_OK = " \t\n(:=["


def find_money(text: str) -> list[MoneyMatch]:
    """Every MONEY mention in one paragraph, sorted by start, never overlapping."""
    cands = [c for c in (_Cand(m, text) for m in _NUMBER_RE.finditer(text)) if not c.glued]
    unit_spans = [(u.start(), u.end()) for u in _UNIT_MULT_RE.finditer(text)]
    if unit_spans:
        cands = [c for c in cands if not any(s <= c.start and c.end <= e for s, e in unit_spans)]
    low = text.lower()
    if any(w in low for w in _WORD_SCALE_TRIGGERS) or _word_currency_possible(low):
        words = [_Cand(m, text) for m in _WORD_NUMBER_RE.finditer(text)]
        if words:
            merged = sorted(cands + words, key=lambda c: c.start)
            cands = merged[:1]
            for c in merged[1:]:
                if c.start >= cands[-1].end:
                    cands.append(c)
    if not cands:
        return []
    # "3 dollars 50 cents" is one amount.
    if any(c.sub_exp for c in cands):
        joined = [cands[0]]
        for c in cands[1:]:
            a = joined[-1]
            if (
                c.sub_exp and a.cur == c.cur and not a.sub_exp and not c.pre and a.extra == 0
                and _CENTS_GAP_RE.fullmatch(text, a.end, c.start)
            ):
                a.extra, a.end = c.amount(), c.end
                continue
            joined.append(c)
        cands = joined
    links = _resolve_groups(text, cands)
    _apply_context(text, cands)

    for i, c in enumerate(cands):
        if c.cur is None:
            continue
        q = _QUALIFIER_RE.search(text, max(0, c.start - _QUALIFIER_WINDOW), c.start)
        if q is not None:
            if q.group("bound") is not None:
                c.bound = _BOUNDS[_key(q.group("bound"))]
            c.approx = q.group("hedge") is not None
            c.own_qualifier = c.approx or c.bound is not None
        # A minus sign glued to the amount and standing alone ("net: -265.98",
        # "fell to -$3.2 million") makes it negative; after a number it is a dash.
        if (
            c.start > 0 and text[c.start - 1] in _MINUS
            and (c.start == 1 or text[c.start - 2] in _MINUS_BEFORE_OK)
            and not (i > 0 and links[i - 1] is not None and _DASH_GAP_RE.fullmatch(text, cands[i - 1].end, c.start))
        ):
            c.negative = True
            c.start -= 1
    for i, kind in enumerate(links):
        a, b = cands[i], cands[i + 1]
        if kind == "range" and a.cur is not None and b.cur is not None:
            # A hedge before a range covers both ends: "approximately $10–15 million".
            b.approx = b.approx or a.approx
            if a.bound is None and b.bound is None:
                a.bound, b.bound = "lower", "upper"

    # A number word is money with a scale ("two million dollars") or with a
    # currency word right after it ("ten dollars", "fifty cents"), but not as a
    # denomination ("ten yen coins"); "seven used vessels" has no currency anyway.
    kept = [
        c for c in cands
        if c.cur is not None and (
            c.num is not None or c.scale is not None
            or (c.post and _DENOMINATION_RE.match(text, c.end) is None)
        )
    ]
    rate = {
        id(x)
        for a, b in zip(kept, kept[1:])
        if a.cur != b.cur and _RATE_GAP_RE.fullmatch(text, a.end, b.start)
        for x in (a, b)
    }
    if rate:
        kept = [c for c in kept if id(c) not in rate]
    equiv = _pair_equivalents(text, kept)
    if any(c.cur.startswith(_SHARED) for c in kept):
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        for c in kept:
            if c.cur.startswith(_SHARED):
                c.cur = _shared_currency(text, c.cur[len(_SHARED):], c.start, ends) or _SHARED
        # A pair is two currencies; resolved (or unresolved) alike, it is not a conversion.
        for i, j in enumerate(equiv):
            if j is not None and (kept[i].cur == kept[j].cur or kept[i].cur.startswith(_SHARED) and kept[j].cur.startswith(_SHARED)):
                equiv[i] = equiv[j] = None
    return [
        MoneyMatch(
            start=c.start,
            end=c.end,
            amount=c.amount(),
            currency=None if c.cur.startswith(_SHARED) else c.cur,
            approximate=c.approx,
            bound=c.bound,  # type: ignore[arg-type]
            confidence=c.confidence,
            equivalent_of=equiv[i],
        )
        for i, c in enumerate(kept)
    ]


def _pair_equivalents(text: str, kept: list[_Cand]) -> list[Optional[int]]:
    """Link an amount and its conversion: "$1.98 billion (approximately ¥196 billion)".

    Both members point at each other so that a consumer can keep either.
    When both sides are ranges of the same length ("$10–15 million (¥1.1–1.6
    billion)") the ends are paired in order. The converted member with no
    hedge or bound of its own takes those of the amount it converts
    ("approximately US$210 million / ¥23.1 billion": both approximate).
    """
    equiv: list[Optional[int]] = [None] * len(kept)
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(kept):
        groups.setdefault(c.group, []).append(i)
    for i in range(len(kept) - 1):
        a, b = kept[i], kept[i + 1]
        if a.cur == b.cur or a.group == b.group or equiv[i] is not None or equiv[i + 1] is not None:
            continue
        lo, hi = a.end, b.start
        if _EQUIV_PAREN_GAP_RE.fullmatch(text, lo, hi):
            if not _EQUIV_CLOSE_RE.match(text, b.end):
                continue
        elif not _EQUIV_OTHER_GAP_RE.fullmatch(text, lo, hi):
            continue
        ga, gb = groups[a.group], groups[b.group]
        if len(ga) == len(gb) and ga[-1] == i and gb[0] == i + 1:
            pairs = zip(ga, gb)
        else:
            pairs = [(i, i + 1)]
        for x, y in pairs:
            if equiv[x] is None and equiv[y] is None:
                equiv[x], equiv[y] = y, x
                first, second = kept[x], kept[y]
                if not second.own_qualifier:
                    second.approx = second.approx or first.approx
                    second.bound = second.bound or first.bound
    return equiv


# --------------------------------------------------------------------------
# Lists and tables over several blocks: a lead-in line that states the
# currency once ("Breakdown (US dollars):", "(Unit: US$ million)", "...were
# as follows, in US dollars:") and the one-item lines after it ("WFP (1.3
# million)", "Grant aid: 1,234.56 (40.9%)"). The annotate stage reads blocks
# one at a time, so it asks these two functions which blocks a lead-in covers
# and hands the unit to each row (``money_unit`` in the block context).
# --------------------------------------------------------------------------

_LIST_NUMBER = rf"[-\u2212]?[0-9][0-9,]*(?:\.[0-9]+)?(?:{_SP}?(?i:{_SCALE_ALT}|{_GLUED_SCALE_ALT})(?!\w))?"
# A label written as a name (capitalized words, acronyms), so that a prose
# sentence ending in a figure is not a row.
_NAME_LABEL = r"[A-Z][\w&'\u2019./-]*(?:[ \u00a0]+(?:[A-Z][\w&'\u2019./-]*|of|and|the|for|de|du|des))*"
_LIST_ROW_RE = re.compile(
    rf"""\s*(?:[-\u2022\u30fb*\u25aa\u25e6\u2013\u25cf\u25a0]\s*|\d{{1,2}}[.)]\s+)?   # a bullet, a rank "1. "
    (?:[^\n.!?:]{{1,80}}?:\s*{_LIST_NUMBER}                          # "Grant aid: 1,234.56"
      |[^\n.!?:]{{1,80}}?\s*\(\s*{_LIST_NUMBER}\s*\)                # "WFP (1.3 million)"
      |{_NAME_LABEL}\s+{_LIST_NUMBER}                                # "UNHCR 6.2 million"
      |\|?[^\n.!?:|]{{1,80}}?(?:(?:[ \t]+|[ \t]*\|[ \t]*){_LIST_NUMBER}){{2,}}[ \t]*\|?)  # "Asia  1,234.5  567.8", "| Asia | 1.2 | 3.4 |"
    (?:\s*\([^()\n]*\))?                                             # "(40.9%)", "(US$ million)"
    \s*[.,;]?\s*\Z""",
    re.VERBOSE,
)
_LEAD_IN_TAIL = 300
_UNIT_LEAD_END_RE = re.compile(r"[^()\n]*\)?\s*:?\s*\Z")


_COLUMN_HEADER_RE = re.compile(r"\|?[^\d\n.!?:]{1,100}")


def is_column_header(text: str) -> bool:
    """A table's header line between its lead-in and its rows: short, no figures
    ("Region  Grant  Loan  Total"), or only years ("Region 2012 2013")."""
    t = text.strip()
    if not t or len(t) > 100:
        return False
    if _COLUMN_HEADER_RE.fullmatch(_YEAR_RE.sub("", t)) is None:
        return False
    return len(t.replace("|", " ").split()) >= 2


_LIST_RANK_RE = re.compile(r"\s*\d{1,2}[.)]\s+(?=\D)")


def mask_list_rank(text: str) -> str:
    """A ranked row's number blanked ("1. India 2,247.45" -> "   India 2,247.45"),
    same length: the rank is not the row's amount."""
    found = _LIST_RANK_RE.match(text)
    return " " * found.end() + text[found.end():] if found else text


def is_list_row(text: str) -> bool:
    """A one-item line of a list or table: a short label and one figure."""
    return len(text) <= 160 and _LIST_ROW_RE.match(text) is not None


def list_unit(text: str) -> Optional[str]:
    """The currency statement a block makes for the list after it, or None.

    A block is a lead-in when it ends with its unit statement (or a
    parenthesis containing it, or a colon after it) or ends with a colon; the
    statement is its last unit statement, or, for a lead-in ending with a
    colon and naming no unit, the one currency its amounts are written in
    ("Japan's contributions totalled $12.5 million:").
    """
    stripped = text.rstrip()
    # A lead-in ends with its statement, a parenthesis or a colon: prose
    # paragraphs (ending "." or "?") are rejected before any scan, and only
    # the tail of a long block is read.
    if not stripped or not (stripped[-1] in ":)" or stripped[-1].isalpha()):
        return None
    stripped = stripped[-_LEAD_IN_TAIL:]
    units = _units(stripped)
    if units:
        start, end, _, _ = units[-1]
        if _UNIT_LEAD_END_RE.match(stripped, end) or stripped.endswith(":"):
            # The whole parenthesis when the statement sits in one: "(Unit: US$ million, net)".
            open_at = stripped.rfind("(", 0, start + 1)
            close_at = stripped.find(")", end - 1)
            if open_at >= 0 and close_at >= 0 and "(" not in stripped[open_at + 1 : start] + stripped[end:close_at] \
                    and ")" not in stripped[open_at + 1 : start]:
                return stripped[open_at : close_at + 1]
            return stripped[start:end]
        return None
    if not stripped.endswith(":"):
        return None
    currencies = {m.currency for m in find_money(stripped)}
    if len(currencies) == 1 and None not in currencies:
        return f"(in {next(iter(currencies))})"
    return None
