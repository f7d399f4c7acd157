"""The country gazetteer: every ISO 3166-1 entry from pycountry plus the forms
development reports use (`data/country_aliases.json`), and the place names that
must never be a country (regions, seas).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry



@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, str]  # surface form -> ISO alpha-3
    short_names: dict[str, str]  # ISO alpha-3 -> short English name
    not_countries: frozenset[str]
    # Multi-word forms in any letter case ("occupied Palestinian territories"), lower-cased
    # surface -> ISO alpha-3; only forms whose folding is unambiguous.
    folded: dict[str, str] = field(default_factory=dict)
    folded_not_countries: frozenset[str] = frozenset()

    def resolve(self, surface: str) -> str | None:
        """ISO alpha-3 of a surface as written, else of its letter-case folding."""
        code = self.names.get(surface)
        if code is None and " " in surface:
            code = self.folded.get(surface.lower())
        return code


class GazetteerError(ValueError):
    pass


def _short_name(country) -> str:
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = json.loads(resources.files("odaextract.pipeline").joinpath("data/country_aliases.json").read_text("utf-8"))
    names: dict[str, str] = {}
    short_names: dict[str, str] = {}
    for country in pycountry.countries:
        short_names[country.alpha_3] = _short_name(country)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value] = country.alpha_3
    for surface, code in data["aliases"].items():
        if code not in short_names:
            raise GazetteerError(f"country_aliases.json: {surface!r} maps to unknown ISO alpha-3 code {code!r}")
        names[surface] = code
    not_countries = frozenset(data.get("not_countries", ()))
    for surface in not_countries:
        names.pop(surface, None)
    folded_not = frozenset(s.lower() for s in not_countries if " " in s)
    candidates: dict[str, set[str]] = {}
    for surface, code in names.items():
        if " " in surface and surface.lower() not in folded_not:
            candidates.setdefault(surface.lower(), set()).add(code)
    folded = {key: next(iter(codes)) for key, codes in candidates.items() if len(codes) == 1}
    return Gazetteer(names, short_names, not_countries, folded, folded_not)


def lookup(surface: str) -> str | None:
    """ISO alpha-3 for a surface form, or None."""
    return load_gazetteer().resolve(surface)
