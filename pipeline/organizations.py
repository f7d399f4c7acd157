"""Organizations: the registry (`data/organizations.jsonl`) and the name rule.

The name rule finds capitalized names that end in an organizational head word
("... Agency", "... Coast Guard", "Ministry of ...") and cuts away the titles
around them that are not organizations ("Project for ... of Bangladesh
Police" -> "Bangladesh Police"). The word lists are data
(`data/org_words.json`); this module is the algorithm, as pure functions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional

from pydantic import ValidationError

from odaextract.models.registry import RegistryEntry
from odaextract.pipeline.countries import lookup as country_lookup
from odaextract.pipeline.sentences import TEXT_WORDS


class RegistryError(ValueError):
    """A malformed registry; the message names the file, line and field."""


@dataclass(frozen=True)
class Registry:
    entries: tuple[RegistryEntry, ...]
    by_surface: dict[str, tuple[RegistryEntry, ...]] = field(repr=False)

    def lookup(self, surface: str) -> Optional[RegistryEntry]:
        """The entry a name, alias or acronym denotes, when it denotes just one."""
        found = self.by_surface.get(surface) or self.by_surface.get(_fold(surface))
        return found[0] if found and len(found) == 1 else None

    def by_id(self, entry_id: str) -> Optional[RegistryEntry]:
        return self._ids.get(entry_id)

    @cached_property
    def _ids(self) -> dict[str, RegistryEntry]:
        return {entry.id: entry for entry in self.entries}

    def surfaces(self) -> list[str]:
        return sorted(s for s in self.by_surface if not s.startswith("\0"))


def _fold(surface: str) -> str:
    # Case- and article-insensitive key, kept apart from exact surfaces by a NUL prefix.
    return "\0" + re.sub(r"^the\s+", "", surface.casefold().replace("’", "'")).strip()


def parse_registry(lines: Iterable[str], source: str = "organizations.jsonl") -> Registry:
    entries: list[RegistryEntry] = []
    ids: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = RegistryEntry.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise RegistryError(f"{source}:{number}: not JSON ({exc.msg})") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "entry"
            raise RegistryError(f"{source}:{number}: {where}: {first['msg']}") from None
        if entry.id in ids:
            raise RegistryError(f"{source}:{number}: duplicate id {entry.id!r}")
        ids.add(entry.id)
        entries.append(entry)
    by_surface: dict[str, list[RegistryEntry]] = {}
    for entry in entries:
        surfaces = {entry.name, *entry.aliases}
        if entry.acronym:
            surfaces.add(entry.acronym)
        for surface in surfaces:
            by_surface.setdefault(surface, []).append(entry)
            if surface != entry.acronym:
                by_surface.setdefault(_fold(surface), []).append(entry)
    return Registry(tuple(entries), {k: tuple(dict.fromkeys(v)) for k, v in by_surface.items()})


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    path = resources.files("odaextract.pipeline").joinpath("data/organizations.jsonl")
    return parse_registry(path.read_text("utf-8").splitlines(), "pipeline/data/organizations.jsonl")


# --- the name rule ---------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    heads: tuple[str, ...]
    leading_heads: tuple[str, ...]
    not_org: frozenset[str]
    no_cut_heads: frozenset[str]
    continuation: frozenset[str]
    generic: frozenset[str]
    connectors: frozenset[str]
    openers: frozenset[str]
    foreign_heads: frozenset[str]
    place_heads: frozenset[str]
    body_heads: frozenset[str]
    geographic_of: frozenset[str]
    # What the rule asks of the world, injectable (the spaCy component passes its own):
    registry: Optional[Registry] = None
    country: Callable[[str], Optional[str]] = country_lookup


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(resources.files("odaextract.pipeline").joinpath("data/org_words.json").read_text("utf-8"))
    return _Words(
        heads=tuple(sorted(data["org_heads"], key=len, reverse=True)),
        leading_heads=tuple(data["org_leading_heads"]),
        not_org=frozenset(data["not_org_words"]),
        no_cut_heads=frozenset(data["no_cut_heads"]),
        continuation=frozenset(data["continuation_words"]),
        generic=frozenset(data["generic_names"]),
        connectors=frozenset(data["connectors"]),
        geographic_of=frozenset(data["geographic_of"]),
        openers=frozenset(data["sentence_openers"]),
        foreign_heads=frozenset(data["foreign_leading_heads"]),
        place_heads=frozenset(data["place_heads"]),
        body_heads=frozenset(data["body_heads"]),
    )


# A capitalized word (G7, Rome-Lyon, Multi-Partner, ReCAAP-ISC) or a connector.
# Dotted initials ("U.K.", "U.S.") are one word, so "of the U.K." is a country tail.
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w\-]*|[0-9]+[A-Z][\w\-]*)"
_RUN_CACHE: list[re.Pattern[str]] = []


def _run_pattern() -> re.Pattern[str]:
    # Built once from the connector list; commas end a run ("Jordan, Lebanon, ...") except
    # in company suffixes ("Co., Ltd.").
    if not _RUN_CACHE:
        connector = "(?:" + "|".join(re.escape(c) for c in sorted(_words().connectors, key=len, reverse=True)) + ")"
        suffix = "|".join(re.escape(w) for w in TEXT_WORDS["company_suffixes"])
        _RUN_CACHE.append(re.compile(rf"{_WORD}(?: (?:{connector} )*{_WORD})*(?:,? (?:{suffix}))*"))
    return _RUN_CACHE[0]
_TOKEN = re.compile(r"[^\s,]+")


@lru_cache(maxsize=8)
def _heads_by_last_word(heads: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:  # longest first, as given
        parts = tuple(head.split())
        index.setdefault(parts[-1], []).append(parts)
    return {last: tuple(options) for last, options in index.items()}


def _ends_with_head(words: list[str], end: int, heads: tuple[str, ...]) -> int:
    """Length in words of the head ending at words[end-1], or 0."""
    if end < 1:
        return 0
    for parts in _heads_by_last_word(heads).get(words[end - 1], ()):
        if len(parts) <= end and tuple(words[end - len(parts) : end]) == parts:
            return len(parts)
    return 0


def _tail_end(words: list[str], begin: int, w: _Words, place: bool = False) -> int:
    """Where a name's "of ..." tail stops: before "in ..." and before "of <country>".

    An office named by its place (`place`: "Embassy of Japan in Ghana", "JICA
    Office in Dhaka") keeps its "in <place>" to the end of the run."""
    for i in range(begin, len(words)):
        if words[i] == "in":
            return len(words) if place and i + 1 < len(words) else i
        if words[i] == "of" and i > begin:
            rest = words[i + 1 :]
            if rest and rest[0] == "the":
                rest = rest[1:]
            if rest and w.country(" ".join(rest)) and words[i - 1] not in w.geographic_of:
                return i
    return len(words)


def _starts_with_leading_head(words: list[str], w: _Words) -> bool:
    return len(words) > 1 and (f"{words[0]} {words[1]}" in w.leading_heads or words[0] in w.foreign_heads)


def _split_enumerations(tokens: list[tuple[str, int, int]], w: _Words) -> list[list[tuple[str, int, int]]]:
    """Split "World Bank and the African Union Commission" into two names: at "and"
    when the left side is complete (ends in a head, or is a country), or when both
    sides are names on their own: "Ministry of Health of Cambodia and the Cambodian
    Mine Action Centre", "University of Tokyo and Kyoto University" (but not
    "Ministry of Agriculture and Forestry": "Forestry" names no organization)."""
    parts: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    words = [t[0] for t in tokens]
    for index, token in enumerate(tokens):
        if token[0] == "and" and current:
            left = [t[0] for t in current]
            first = next((i for i in range(len(left)) if left[i] not in w.openers and left[i] not in w.connectors), len(left))
            complete = (
                _ends_with_head(left, len(left), w.heads)
                or w.country(" ".join(left[first:]))
                # "Asian Development Bank Institute in Tokyo and the ...": a name with its place
                or any(left[k] == "in" and _ends_with_head(left, k, w.heads) for k in range(1, len(left) - 1))
            )
            if not complete and any(_starts_with_leading_head(left[k:], w) for k in range(first, len(left))):
                right = words[index + 1 :]
                if "and" in right:
                    right = right[: right.index("and")]
                if right and right[0] == "the":
                    right = right[1:]
                complete = any(_ends_with_head(right, k, w.heads) for k in range(1, len(right) + 1)) or (
                    _starts_with_leading_head(right, w)
                )
            if complete:
                parts.append(current)
                current = []
                continue
        current.append(token)
    parts.append(current)
    return [part for part in parts if part]


def _strip_country_prefix(tokens: list[tuple[str, int, int]], w: _Words) -> list[tuple[str, int, int]]:
    """"Japan-World Bank Partnership Program" -> "World Bank ...": a country joined by a
    hyphen to a known organization names a partnership with it, in a title that is not
    an organization. Before other names, or when the whole is an organization of its own
    ("Japan-EBRD Cooperation Fund"), the country belongs to the name: "Japan-China
    Friendship Environmental Protection Center"."""
    if tokens and "-" in tokens[0][0]:
        word, start, end = tokens[0]
        prefix, _, rest = word.partition("-")
        if rest[:1].isupper() and w.country(prefix):
            registry = w.registry or load_registry()
            words = [rest] + [t[0] for t in tokens[1:]]
            known = next((n for n in range(min(len(words), 6), 0, -1) if registry.lookup(" ".join(words[:n]))), 0)
            if known and not has_org_head(" ".join(words[known:])):
                return [(rest, start + len(prefix) + 1, end)] + tokens[1:]
    return tokens


def find_org_names(
    text: str, registry: Optional[Registry] = None, country: Optional[Callable[[str], Optional[str]]] = None
) -> list[tuple[int, int]]:
    """Character spans of capitalized names that read as organizations.

    `registry` and `country` (surface -> ISO code or None) default to the
    packaged registry and gazetteer; the spaCy component passes the ones
    injected into it."""
    words_data = _words()
    if registry is not None or country is not None:
        words_data = replace(words_data, registry=registry, country=country or country_lookup)
    spans: list[tuple[int, int]] = []
    for run in _run_pattern().finditer(text):
        tokens = [(m.group(), run.start() + m.start(), run.start() + m.end()) for m in _TOKEN.finditer(run.group())]
        for part in _split_enumerations(tokens, words_data):
            spans.extend(_trim_leading_country(text, span, words_data)
                         for span in _orgs_in_run(text, _strip_country_prefix(part, words_data), words_data))
    return spans


_LEADING_COUNTRY = re.compile(r"((?:[A-Z][\w'’.-]*\s){1,3}?)(?:to|and|in|on|against)\s+(?:the\s+)?(?=[A-Z])")


def _trim_leading_country(text: str, span: tuple[int, int], w: _Words) -> tuple[int, int]:
    """"the arrears of Myanmar to the World Bank": a country and a connector begin no
    name; the name is what follows ("Embassy of Japan in Senegal" begins with its head)."""
    start, end = span
    found = _LEADING_COUNTRY.match(text, start, end)
    if found and w.country(found.group(1).strip()):
        return found.end(), end
    return span


@lru_cache(maxsize=1)
def org_head_word_pattern() -> re.Pattern[str]:
    """Finds, in any text, every word that `has_org_head` could accept a name for:
    the last word of each head ("Agency", "Fund", "Ltd.") and the foreign heads,
    as plain substrings (a superset: "Banking" matches "Bank"). Where it finds
    nothing, no name in that text has an organizational head."""
    w = _words()
    words = {head.split()[-1] for head in w.heads} | set(w.foreign_heads)
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


def has_org_head(name: str) -> bool:
    """True when a name contains an organizational head word ("Agency", "Institut")."""
    w = _words()
    words = name.split()
    return any(_ends_with_head(words, end, w.heads) for end in range(1, len(words) + 1)) or any(
        word in w.foreign_heads for word in words
    )


def _orgs_in_run(text: str, tokens: list[tuple[str, int, int]], w: _Words) -> list[tuple[int, int]]:
    words = [t[0] for t in tokens]
    # Drop sentence openers ("In", "Through", "The") that only look like part of a name.
    first = 0
    while first < len(words) and (words[first] in w.openers or words[first] in w.connectors):
        first += 1
    words, tokens = words[first:], tokens[first:]
    if not words:
        return []
    # The last organizational head in the run ends the name ...
    head_end = 0
    head_len = 0
    for end in range(len(words), 0, -1):
        head_len = _ends_with_head(words, end, w.heads)
        if head_len:
            head_end = end
            break
    leading = None
    for i in range(len(words) - 1):
        if (f"{words[i]} {words[i + 1]}" in w.leading_heads or words[i] in w.foreign_heads) and (
            head_end == 0 or i >= head_end - head_len
        ):
            leading = i
            break
    if head_end == 0 and leading is None:
        return []
    if leading is not None and (head_end == 0 or leading > head_end - head_len):
        head_start, head_end = leading, _tail_end(words, leading + 1, w, words[leading] in w.place_heads)
    else:
        head_start = head_end - head_len
        if head_end < len(words):
            following = words[head_end]
            # A head that names a thing: "GPS Earth Observation Network System",
            # "World Bank Partnership Program".
            for word in words[head_end:]:
                if word in w.connectors:
                    break
                if word in w.not_org and word not in w.continuation:
                    return []
            # A connector tail names the remit: "Office on Drugs and Crime"; a fund is
            # named after what it finances, titles included ("Fund for the Joint Crediting Mechanism").
            if following in w.connectors and following != "and":
                tail_end = _tail_end(words, head_end, w, words[head_end - 1] in w.place_heads)
                if words[head_start] in w.no_cut_heads or not any(word in w.not_org for word in words[head_end:tail_end]):
                    head_end = tail_end
    end = head_end
    # Cut away a title the organization is named in: "Project for ... of Bangladesh Police".
    start = 0
    if words[head_start] not in w.no_cut_heads:
        title_words = [i for i in range(head_start) if words[i] in w.not_org]
        if title_words:
            last_title = title_words[-1]
            connectors = [i for i in range(last_title + 1, head_start) if words[i] in ("of", "for", "in", "to")]
            start = connectors[-1] + 1 if connectors else last_title + 1
            while start < end and words[start] in w.connectors:
                start += 1
    # "Dr. Ito of the University of the Philippines", "Secretary-General of the UN Development
    # Programme": words before "of" that hold no head are a person or post, not the organization.
    of_positions = [i for i in range(start + 1, head_start) if words[i] == "of"]
    if of_positions and not any(_ends_with_head(words, k, w.heads) for k in range(start + 1, of_positions[-1] + 1)):
        start = of_positions[-1] + 1
        while start < end and words[start] in w.connectors:
            start += 1
        # "IHO and Intergovernmental Oceanographic Commission": the acronym is another organization.
    if end - start > 3 and words[start + 1] == "and" and words[start].isupper():
        start += 2
        while start < end and words[start] in w.connectors:
            start += 1
    name_words = [word for word in words[start:end] if word not in w.connectors]
    if len(name_words) < 2 or " ".join(words[start:end]) in w.generic:
        return []
    # A name right after "(ACRONYM) " continues an interrupted one: "Japan Disaster Relief (JDR) Expert Team".
    if re.search(r"\)\s*$", text[max(0, tokens[start][1] - 3) : tokens[start][1]]):
        return []
    # "the Board of the GCF": a body named only by its organization is that organization.
    for i in range(start + 1, end - 1):
        if words[i] == "of" and " ".join(words[start:i]) in w.body_heads:
            rest = i + 1 + (words[i + 1] == "the")
            rest_words = words[rest:end]
            if rest_words and ((w.registry or load_registry()).lookup(" ".join(rest_words)) or _ends_with_head(rest_words, len(rest_words), w.heads)):
                return [] if len(rest_words) == 1 else [(tokens[rest][1], tokens[end - 1][2])]
            break
    spans = [(tokens[start][1], tokens[end - 1][2])]
    # "Hydrographic and Oceanographic Department of the Japan Coast Guard" names two organizations.
    for i in range(start + 1, end):
        if words[i] == "of" and i - start >= 2 and _ends_with_head(words, i, w.heads):
            right = i + 1 + (words[i + 1] == "the" if i + 1 < end else 0)
            if right < end - 1 and _ends_with_head(words, end, w.heads):
                spans = [(tokens[start][1], tokens[i - 1][2]), (tokens[right][1], tokens[end - 1][2])]
            break
    return spans


def is_not_org_title(name: str) -> bool:
    """True for names the guidelines exclude: "... Convention", "... Summit", "Project for ..."."""
    words = name.split()
    not_org = _words().not_org
    return bool(words) and (words[-1] in not_org or words[0] in not_org)
