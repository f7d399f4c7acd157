"""The error record: one line of `errors.jsonl` per input that failed."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict


class ErrorRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    doc_id: Optional[str] = None
    stage: Literal["discover", "ingest", "structure", "annotate", "normalize", "facts", "records", "write", "tracks"]
    error_type: str
    message: str
    time: dt.datetime

    def one_line(self) -> str:
        return f"{self.path}: {self.message}"
