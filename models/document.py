"""The document record: one line of `documents.jsonl` per input document."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


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
    edition_year: Optional[int] = Field(default=None, description="Edition year when the document states one.")
    pages: Optional[int] = Field(default=None, ge=1)
    counts: dict[str, int] = Field(description="Mentions per label.")
    pipeline_version: str
    model: str = Field(description="spaCy model package and version.")
    spacy_version: str
