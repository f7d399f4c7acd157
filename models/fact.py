"""The assistance fact and the track: `facts.jsonl` and `tracks.jsonl`.

The slot names, shapes and values are the fact guidelines' contract
(`fact-guidelines.md`); the other fields (`id`, `purpose`, `evidence`,
offsets, page, section, sentence) make every value traceable to its text.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from odaextract.models.mention import check_interval

FactKind = Literal["grant", "loan", "technical_cooperation", "contribution", "debt_relief", "aggregate", "unspecified"]
FactStatus = Literal["pledged", "provided"]
FACT_KINDS: tuple[str, ...] = FactKind.__args__  # type: ignore[attr-defined]
# The slots a fact's `evidence` may name.
EVIDENCE_SLOTS = ("amount", "equivalents", "donor", "recipients", "regions", "channels", "date", "kind", "status", "cumulative")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactAmount(_Record):
    """A MONEY mention as a fact carries it: where it is and what it is worth."""

    id: str = Field(description="The MONEY mention's id, '<doc_id>:<start>-<end>'.")
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str = Field(min_length=1)
    amount: Union[int, float]
    currency: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    approximate: bool
    bound: Optional[Literal["lower", "upper"]] = None

    @model_validator(mode="after")
    def _span(self) -> "FactAmount":
        if self.end - self.start != len(self.text):
            raise ValueError("end - start must equal len(text)")
        return self


class StateDonor(_Record):
    iso3: str = Field(pattern=r"^[A-Z]{3}$", description="A state giving (its government, ministries, agencies).")


class OrgDonor(_Record):
    org: str = Field(min_length=1, description="An organization giving its own resources (ORG norm name).")


Donor = Union[StateDonor, OrgDonor]


class Channel(_Record):
    name: str = Field(min_length=1)
    acronym: Optional[str] = None


class FactDate(_Record):
    start: Optional[dt.date]
    end: Optional[dt.date]

    @model_validator(mode="after")
    def _ordered(self) -> "FactDate":
        check_interval(self.start, self.end)
        return self


class Fact(BaseModel):
    """One line of `facts.jsonl`: who gave how much to whom, through whom, when."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'<doc_id>:fact:<start>-<end>' of the anchor amount.")
    doc_id: str
    amount: FactAmount = Field(description="The anchor: the first-written amount of the flow.")
    equivalents: list[FactAmount] = Field(default_factory=list, description="Conversions of the same amount.")
    donor: Optional[Donor] = Field(description="Who gives; null when the text does not say.")
    recipients: list[str] = Field(description="ISO 3166-1 alpha-3 codes, sorted, distinct.")
    regions: list[str] = Field(description="Destination regions as written, without article, sorted.")
    channels: list[Channel] = Field(description="Organizations the money goes to or through.")
    date: Optional[FactDate] = Field(description="The period the flow covers, or when it was announced.")
    kind: FactKind
    status: FactStatus
    cumulative: bool = Field(description="A running total reaching the time of writing.")
    purpose: Optional[str] = Field(default=None, description="What the money is for, as written.")
    evidence: dict[str, list[str]] = Field(
        description="Per slot, the mention ids (or '<doc_id>:<start>-<end>' spans, for regions and cue words) it came from."
    )
    sentence: str = Field(description="The anchor's sentence (or a window of it).")
    sentence_start: int = Field(ge=0)
    sentence_end: int = Field(ge=0)
    section: Optional[str] = None
    page: Optional[int] = Field(default=None, ge=1)
    edition_year: Optional[int] = None

    @field_validator("recipients")
    @classmethod
    def _codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if len(code) != 3 or not code.isupper() or not code.isalpha():
                raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 code")
        if codes != sorted(set(codes)):
            raise ValueError("recipients must be sorted and distinct")
        return codes

    @field_validator("regions")
    @classmethod
    def _regions(cls, regions: list[str]) -> list[str]:
        if regions != sorted(set(regions)):
            raise ValueError("regions must be sorted and distinct")
        return regions

    @field_validator("evidence")
    @classmethod
    def _slots(cls, evidence: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(evidence) - set(EVIDENCE_SLOTS)
        if unknown:
            raise ValueError(f"evidence names unknown slots: {sorted(unknown)}")
        return evidence

    @model_validator(mode="after")
    def _consistent(self) -> "Fact":
        if self.id != f"{self.doc_id}:fact:{self.amount.start}-{self.amount.end}":
            raise ValueError("id must be '<doc_id>:fact:<start>-<end>' of the anchor")
        if not self.amount.id.startswith(f"{self.doc_id}:"):
            raise ValueError("the anchor must be a mention of the same document")
        if self.sentence_start > self.amount.start or self.amount.end > self.sentence_end:
            raise ValueError("the anchor must lie inside its sentence")
        return self


class TrackPoint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fact_id: str
    doc_id: str
    edition_year: Optional[int]
    as_of: Optional[dt.date] = Field(description="The fact's date end; the end of the edition year when open.")
    amount: Union[int, float]
    currency: Optional[str]
    change: Optional[Union[int, float]] = Field(
        description="Change from the previous point, in this point's currency; null for the first point "
        "or when the two are in different currencies and the texts give no equivalent."
    )
    change_currency: Optional[str] = Field(default=None, description="The currency `change` is in.")


class Track(BaseModel):
    """One line of `tracks.jsonl`: one running total followed across editions."""

    model_config = ConfigDict(extra="forbid")

    id: str
    donor: Optional[Donor]
    recipients: list[str]
    regions: list[str] = Field(default_factory=list)
    channel: Optional[Channel]
    since: Optional[dt.date] = Field(description="The common start of the period, or null.")
    series: list[TrackPoint] = Field(min_length=2)
    flags: list[str] = Field(
        default_factory=list,
        description="What an analyst must look at: 'decrease' (a total fell between editions), "
        "'same-edition:<fact ids>' (another fact of one edition would also belong).",
    )

    @model_validator(mode="after")
    def _different_documents(self) -> "Track":
        docs = [point.doc_id for point in self.series]
        if len(docs) != len(set(docs)):
            raise ValueError("a track links facts of different documents")
        return self
