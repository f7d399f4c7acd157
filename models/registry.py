"""An entry of the organization registry (`pipeline/data/organizations.jsonl`)."""

from __future__ import annotations

from typing import Literal, Optional

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator

_USER_ASSIGNED = frozenset({"XKX"})  # Kosovo: a code in use, not in ISO 3166

OrgKind = Literal[
    "un_agency",
    "development_bank",
    "fund",
    "government",
    "regional_body",
    "intergovernmental",
    "ngo",
    "research",
    "armed_group",
    "other",
]


class RegistryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=2)
    acronym: Optional[str] = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    kind: OrgKind
    # The state a government body belongs to, for a body whose name does not say it
    # ("Department for International Development" -> GBR): it is who gives when the body does.
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")

    @field_validator("country")
    @classmethod
    def _known_country(cls, code: Optional[str]) -> Optional[str]:
        if code is not None and pycountry.countries.get(alpha_3=code) is None and code not in _USER_ASSIGNED:
            raise ValueError(f"{code!r} is not an ISO 3166 alpha-3 code")
        return code
