"""The mention record: one extracted ORG, COUNTRY, MONEY or DATE with its norm.

The norm keys are the annotation guidelines' contract; extra keys are allowed
(they carry provenance such as `bound` or `fiscal`), defined keys are never
missing or renamed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Label = Literal["ORG", "COUNTRY", "MONEY", "DATE"]
LABELS: tuple[str, ...] = ("ORG", "COUNTRY", "MONEY", "DATE")


def check_interval(start: Optional[dt.date], end: Optional[dt.date]) -> None:
    """An interval (a DATE norm, a fact's date) has at least one end, in order."""
    if start is None and end is None:
        raise ValueError("a date needs a start or an end")
    if start and end and start > end:
        raise ValueError(f"start {start} is after end {end}")


class _Norm(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OrgNorm(_Norm):
    name: str = Field(min_length=1, description="Full name of the organization.")
    acronym: Optional[str] = Field(description="Acronym as the document uses it, or null.")
    id: Optional[str] = Field(default=None, description="Registry id when the organization is known.")
    kind: Optional[str] = Field(default=None, description="Registry kind when known.")


class CountryNorm(_Norm):
    iso3: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code.")
    name: Optional[str] = Field(default=None, description="Short English name.")


class MoneyNorm(_Norm):
    amount: Union[int, float] = Field(description="Full numeric value; an integer when integral.")
    currency: Optional[str] = Field(
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217 code (a withdrawn one for a historical currency: FIM, NLG); null when the "
        "currency name is one several states use and the text names none of them (annotation guidelines, MONEY).",
    )
    approximate: bool
    bound: Optional[Literal["lower", "upper"]] = Field(
        default=None, description="'lower' for 'more than/at least', 'upper' for 'up to/less than'."
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    equivalent_of: Optional[str] = Field(
        default=None, description="Mention id of the amount this one converts (or is converted by)."
    )


class DateNorm(_Norm):
    start: Optional[dt.date] = Field(description="First day of the period, inclusive; null when open.")
    end: Optional[dt.date] = Field(description="Last day of the period, inclusive; null when open.")
    fiscal: bool = Field(default=False, description="A Japanese fiscal year (April-March) is involved.")

    @model_validator(mode="after")
    def _ordered(self) -> "DateNorm":
        check_interval(self.start, self.end)
        return self


NORM_MODELS: dict[str, type[_Norm]] = {
    "ORG": OrgNorm,
    "COUNTRY": CountryNorm,
    "MONEY": MoneyNorm,
    "DATE": DateNorm,
}


class Mention(BaseModel):
    """One line of `mentions.jsonl`."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'<doc_id>:<start>-<end>', unique in a run.")
    doc_id: str
    label: Label
    text: str = Field(min_length=1)
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(gt=0)]
    norm: Union[MoneyNorm, DateNorm, CountryNorm, OrgNorm]
    page: Optional[int] = Field(default=None, ge=1)
    section: Optional[str] = None
    sentence: str = Field(
        description="The sentence holding the mention; when the sentence is longer than 600 characters, "
        "a window of it around the mention (so a line-break-free file cannot blow up the dataset)."
    )
    sentence_start: Annotated[int, Field(ge=0)] = Field(description="Start of the full sentence in the source text.")
    sentence_end: Annotated[int, Field(gt=0)] = Field(description="End of the full sentence in the source text.")
    source: Literal["rule", "model", "registry", "acronym", "gazetteer"] = Field(
        description="What found the span: a rule, the statistical model, the organization "
        "registry, an in-document acronym definition, or the country gazetteer."
    )

    @field_validator("text")
    @classmethod
    def _no_outer_whitespace(cls, text: str) -> str:
        if text != text.strip():
            raise ValueError("a mention never starts or ends with whitespace")
        return text

    @model_validator(mode="before")
    @classmethod
    def _norm_by_label(cls, data):
        # A union picks the first model that validates; the label says which one it must be.
        if isinstance(data, dict) and isinstance(data.get("norm"), dict):
            model = NORM_MODELS.get(data.get("label"))
            if model is not None:
                data = {**data, "norm": model.model_validate(data["norm"])}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> "Mention":
        if self.end - self.start != len(self.text):
            raise ValueError("end - start must equal len(text)")
        if not self.sentence_start <= self.start < self.end <= self.sentence_end:
            raise ValueError("the mention must lie inside [sentence_start, sentence_end)")
        if self.id != f"{self.doc_id}:{self.start}-{self.end}":
            raise ValueError("id must be '<doc_id>:<start>-<end>'")
        if not isinstance(self.norm, NORM_MODELS[self.label]):
            raise ValueError(f"{self.label} mention needs a {NORM_MODELS[self.label].__name__}")
        return self
