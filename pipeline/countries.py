"""The country gazetteer: every ISO 3166-1 entry from pycountry plus the forms
development reports use (`data/country_aliases.json`), and the place names that
must never be a country (regions, seas).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

# Kosovo has a user-assigned code that pycountry does not list.
_EXTRA_CODES = {"XKX": "Kosovo"}


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, str]  # surface form -> ISO alpha-3
    short_names: dict[str, str]  # ISO alpha-3 -> short English name
    not_countries: frozenset[str]


class GazetteerError(ValueError):
    pass


def _short_name(country) -> str:
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    names: dict[str, str] = {}
    short_names: dict[str, str] = dict(_EXTRA_CODES)
    for country in pycountry.countries:
        short_names[country.alpha_3] = _short_name(country)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value] = country.alpha_3
    data = json.loads(resources.files("pipeline").joinpath("data/country_aliases.json").read_text("utf-8"))
    for surface, code in data["aliases"].items():
        if code not in short_names:
            raise GazetteerError(f"country_aliases.json: {surface!r} maps to unknown ISO alpha-3 code {code!r}")
        names[surface] = code
    not_countries = frozenset(data.get("not_countries", ()))
    for surface in not_countries:
        names.pop(surface, None)
    return Gazetteer(names, short_names, not_countries)


def lookup(surface: str) -> str | None:
    """ISO alpha-3 for a surface form, or None."""
    return load_gazetteer().names.get(surface)
