"""The types a reader returns, and the error it raises for unusable input.

A module of their own so that data flows one way: `pipeline.readers.*`
import these, `pipeline.ingest` imports the readers and these, and nothing
here imports either of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union


class InputError(Exception):
    """An input that cannot be processed; `str()` is the one-line cause."""

    def __init__(self, path: Union[str, Path], cause: str, stage: str = "ingest"):
        super().__init__(cause)
        self.path = str(path)
        self.cause = cause
        self.stage = stage


@dataclass(frozen=True)
class PageSpan:
    number: int  # 1-based page number as printed order in the file
    start: int
    end: int


@dataclass(frozen=True)
class LayoutBlock:
    """A block a layout-aware reader (PDF, HTML) already knows, in document offsets."""

    kind: str  # "heading" | "paragraph" | "caption" | "note"
    start: int
    end: int
    level: Optional[int] = None  # heading level, 1 = outermost


@dataclass(frozen=True)
class ReadResult:
    text: str
    pages: tuple[PageSpan, ...] = ()
    blocks: tuple[LayoutBlock, ...] = ()  # empty: the structure stage splits lines itself
    title: Optional[str] = None


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 text of a text-like input, or InputError naming the cause."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8"
        ) from None
    if not text.strip():
        raise InputError(path, "no text (the file is empty or only whitespace)")
    return text
