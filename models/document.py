"""The document record: one line of `documents.jsonl` per input document."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class NoteLinkRecord(BaseModel):
    """A note reference in the text and the note it points to (document text offsets)."""

    model_config = ConfigDict(extra="forbid")

    label: str
    reference_start: int = Field(ge=0)
    reference_end: int = Field(ge=0)
    note_start: int = Field(ge=0)
    note_end: int = Field(ge=0)


class DocumentRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str = Field(description="The input file's name without its extension.")
    source_path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the input bytes.")
    format: str = Field(description="Reader used: 'text', 'markdown', ...")
    char_count: int = Field(ge=0, description="Length of the document text the offsets index.")
    text_file: str = Field(
        description="The document text that mention offsets index, relative to the output folder "
        "(for a text input, identical to the input)."
    )
    edition_year: Optional[int] = Field(default=None, description="Edition year: from the title, else a year in the file name.")
    edition_year_source: Optional[Literal["title", "file_name"]] = Field(
        default=None, description="Where the edition year came from; null when there is none."
    )
    pages: Optional[int] = Field(default=None, ge=1)
    notes: list[NoteLinkRecord] = Field(
        default_factory=list, description="Note references ('Note 28', 'term*') linked to their note blocks."
    )
    counts: dict[str, int] = Field(description="Mentions per label.")
    facts: int = Field(default=0, ge=0, description="Assistance facts in the document.")
    pipeline_version: str
    model: str = Field(description="spaCy model package and version.")
    spacy_version: str
