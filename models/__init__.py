"""Pydantic v2 models for every record odaextract writes or reads.

Every line of every dataset is built from one of these models and validated
before it is written; `odaextract schema` exports their JSON Schemas.
"""

from odaextract.models.document import DocumentRecord
from odaextract.models.errors import ErrorRecord
from odaextract.models.fact import Channel, Fact, FactAmount, FactDate, Track, TrackPoint
from odaextract.models.gold import GoldDocument, GoldMention
from odaextract.models.manifest import RunManifest
from odaextract.models.mention import (
    LABELS,
    CountryNorm,
    DateNorm,
    Label,
    Mention,
    MoneyNorm,
    OrgNorm,
)

# The record types other tools consume, by the file they live in.
RECORD_MODELS = {
    "mention": Mention,
    "fact": Fact,
    "track": Track,
    "document": DocumentRecord,
    "error": ErrorRecord,
    "manifest": RunManifest,
    "gold_document": GoldDocument,
}

__all__ = [
    "LABELS",
    "RECORD_MODELS",
    "Channel",
    "CountryNorm",
    "DateNorm",
    "DocumentRecord",
    "ErrorRecord",
    "Fact",
    "FactAmount",
    "FactDate",
    "GoldDocument",
    "GoldMention",
    "Label",
    "Mention",
    "MoneyNorm",
    "OrgNorm",
    "RunManifest",
    "Track",
    "TrackPoint",
]
