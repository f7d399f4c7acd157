"""An entry of the organization registry (`pipeline/data/organizations.jsonl`)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

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
