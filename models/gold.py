"""Gold annotations, in the format of the annotation guidelines."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from odaextract.models.mention import Label


class GoldMention(BaseModel):
    model_config = ConfigDict(extra="allow")

    start: int = Field(ge=0)
    end: int
    label: Label
    text: str
    norm: dict[str, Any]

    @model_validator(mode="after")
    def _span(self) -> "GoldMention":
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}-{self.end} does not fit text {self.text!r}")
        return self


class GoldDocument(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc_id: str
    text_sha256: Optional[str] = None
    mentions: list[GoldMention]
