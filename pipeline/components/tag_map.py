"""Coarse part of speech, morphology and lemma exceptions for the facts
stage's parse, without the `Matcher`.

The model's `attribute_ruler` sets POS, MORPH (and a few LEMMAs) from the
tagger's TAG, the word and its dependency label, with a `Matcher` over 179
patterns; on the money sentences it cost as much as the parser itself.
All but a handful of its patterns are single tokens tested on TAG, LOWER
and DEP for equality or membership: this component applies exactly those,
read from the model's own `attribute_ruler` when the parser is built
(`rules_from_ruler`), as dictionary look-ups. No mapping is written here.
The few left out (two-token forms such as "gon na", whitespace tokens) do
not occur in the sentences the facts rules read.
"""

from __future__ import annotations

from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc

_KEYS = ("TAG", "LOWER", "DEP")
_ATTRS = ("POS", "MORPH", "LEMMA")


def _values(condition: Any) -> Optional[list]:
    """["in" | "not_in", [values]] for an equality or set condition, else None."""
    if isinstance(condition, str):
        return ["in", [condition]]
    if isinstance(condition, dict) and len(condition) == 1:
        (operator, values), = condition.items()
        if operator in ("IN", "NOT_IN"):
            return [operator.lower(), [str(v) for v in values]]
    return None


def rules_from_ruler(ruler) -> list[list]:
    """[[{key: [values]}, {attr: value}], ...] in the ruler's order, for the
    single-token patterns on TAG / LOWER / DEP it holds."""
    rules: list[list] = []
    for pattern in ruler.patterns:
        attrs = {k: v for k, v in pattern["attrs"].items() if k in _ATTRS}
        for alternative in pattern["patterns"]:  # each a list of token patterns
            if len(alternative) != 1 or not alternative[0] or not set(alternative[0]) <= set(_KEYS):
                continue
            conditions = {key: _values(value) for key, value in alternative[0].items()}
            if attrs and all(v is not None for v in conditions.values()):
                rules.append([conditions, attrs])
    return rules


class TagMap:
    def __init__(self, rules: list[list]):
        # By tag, in the ruler's order (a later rule overrides an earlier one, as there);
        # rules that do not name their tags are tried on every token.
        self.by_tag: dict[Optional[str], list[tuple[int, dict, dict]]] = {}
        for index, (conditions, attrs) in enumerate(rules):
            sets = {key: (operator == "in", frozenset(values)) for key, (operator, values) in conditions.items()}
            tags = conditions["TAG"][1] if "TAG" in conditions and conditions["TAG"][0] == "in" else [None]
            for tag in tags:
                self.by_tag.setdefault(tag, []).append((index, sets, attrs))
        self.untagged = self.by_tag.pop(None, [])
        self._cache: dict[tuple[str, str, str], dict[str, str]] = {}  # (tag, word, dep) -> attrs
        # Merged once per tag, not per token.
        self.by_tag = {tag: sorted(rules_of_tag + self.untagged, key=lambda rule: rule[0]) for tag, rules_of_tag in self.by_tag.items()}

    def _attrs(self, tag: str, lower: str, dep: str) -> dict[str, str]:
        found: dict[str, str] = {}
        values = {"TAG": tag, "LOWER": lower, "DEP": dep}
        for _, sets, attrs in self.by_tag.get(tag, self.untagged):
            if all((values[key] in members) == inside for key, (inside, members) in sets.items()):
                found.update(attrs)
        return found

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self._attrs(*key)
            if "POS" in found:
                token.pos_ = found["POS"]
            if found.get("MORPH") and found["MORPH"] != "_":
                token.set_morph(found["MORPH"])
            if "LEMMA" in found:
                token.lemma_ = found["LEMMA"]
        return doc


@Language.factory(
    "odaextract_tag_map",
    default_config={"rules": []},
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph"],
)
def make_tag_map(nlp: Language, name: str, rules: list[list]) -> TagMap:
    return TagMap(rules)
