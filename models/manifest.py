"""The run manifest: `manifest.json`, what a run read, with what, and what it made."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class RunManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pipeline_version: str
    spacy_version: str
    model: str
    config_sha256: str = Field(description="sha256 of the pipeline configuration used.")
    fingerprint: str = Field(
        description="sha256 over fingerprint_parts: a stored document result is reused only when its input "
        "bytes and this fingerprint are unchanged."
    )
    fingerprint_parts: dict[str, str] = Field(
        description="What decides the output: pipeline_version, config (resolved), data (every file in "
        "pipeline/data/), code (every .py of pipeline/ and models/), model."
    )
    inputs: list[str] = Field(description="Paths given on the command line.")
    jobs: int = Field(ge=1, description="Worker processes requested.")
    started_at: dt.datetime
    finished_at: dt.datetime
    seconds: float = Field(ge=0, description="Wall time of the run.")
    documents: dict[str, int] = Field(
        description="Documents 'processed' in this run, 'skipped' (unchanged since a previous run, results reused) and 'failed'."
    )
    mentions: dict[str, int] = Field(description="Mentions per label, over all documents.")
    facts: int = Field(ge=0, description="Assistance facts, over all documents.")
    tracks: int = Field(ge=0, description="Tracks: running totals followed across the documents.")
    files: list[str] = Field(description="Dataset files this run wrote, relative to the output folder.")
