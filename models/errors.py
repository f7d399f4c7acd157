"""The error record: one line of `errors.jsonl` per input that failed."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class ErrorRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    doc_id: Optional[str] = None
    stage: str = Field(
        description="Where it failed: discover, ingest, structure, annotate, normalize, records, write, "
        "any stage added later, or 'worker' when the process running the document died."
    )
    error_type: str
    message: str
    time: dt.datetime
    internal: bool = Field(
        default=False,
        description="True: a bug in odaextract (or the machine: out of memory, a killed worker), "
        "not a problem with the input file. False: the input cannot be used (InputError).",
    )
    traceback: Optional[str] = Field(default=None, description="For an internal error, where it was raised.")

    def one_line(self) -> str:
        return f"{self.path}: {self.message}"
