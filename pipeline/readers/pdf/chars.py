"""Char sources: a PDF's pages as characters with their boxes, size and font.

One interface, two engines. `open_source(engine, data)` returns a
`CharDocument` (page count, metadata, `page(index) -> PageChars`); the layout
code (`words`, `columns`, `lines`, `tables`, `blocks`) consumes only
`PageChars`, so both engines go through the same layout and give the same
document text as far as their characters agree.

- "pdfplumber" (pdfminer.six underneath): the reference.
- "pdfium" (pypdfium2, which pdfplumber itself depends on): the same characters
  read in C; see `pdfium.py`.

Errors: a parser's own exception types become `InputError`s ("truncated or
damaged PDF: ..."); anything else is a bug and propagates as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Protocol

from odaextract.pipeline.reader_types import InputError

ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"


class Char(NamedTuple):
    """One printed character; y grows downwards from the page top (as in pdfplumber)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str
    upright: bool = True  # False: rotated text, read top to bottom


class PageChars(NamedTuple):
    number: int  # 1-based
    x0: float  # the page box, same coordinates as the chars
    top: float
    x1: float
    bottom: float
    chars: list[Char]


class CharDocument(Protocol):
    page_count: int
    metadata: dict

    def page(self, index: int) -> PageChars: ...

    def close(self) -> None: ...


def short(exc: BaseException) -> str:
    text = (str(exc).splitlines() or [""])[0].strip() or type(exc).__name__
    return text[:160]


_PARSER_PACKAGES = ("pdfminer", "pdfplumber", "pypdfium2", "pypdfium2_raw")


def _parser_types() -> tuple[type[BaseException], ...]:
    import struct
    import zlib

    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
    from pypdfium2 import PdfiumError

    return (PdfiumError, PDFException, PSException, PdfminerException, MalformedPDFException, struct.error, zlib.error)


def _raised_in_parser(exc: BaseException) -> bool:
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return False
    parts = Path(last.tb_frame.f_code.co_filename).parts
    return any(part in _PARSER_PACKAGES for part in parts)


def is_parser_error(exc: BaseException) -> bool:
    """Is `exc` the parser rejecting the input (rather than a bug of ours)?

    Yes for the parsers' own exception types (pdfminer's PDFException and
    PSException families — PDFSyntaxError, PSEOF, PDFNoValidXRef... —,
    pdfplumber's PdfminerException / MalformedPDFException, pypdfium2's
    PdfiumError) and for the zlib/struct errors of broken streams. pdfminer
    also fails on damaged files with plain ValueError, KeyError, TypeError...
    from deep inside; those count only when raised in the parser's own code
    (the innermost frame is in pdfminer/pdfplumber/pypdfium2). Anything raised
    in this package is a bug and must surface as one, never as bad input."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, _parser_types()):
            return True
        if isinstance(exc, (ValueError, KeyError, IndexError, TypeError, AssertionError, AttributeError,
                            UnicodeError, OverflowError, RecursionError)) and _raised_in_parser(exc):
            return True
        if exc.__cause__ is None:
            return False
        exc = exc.__cause__
    return False


def damaged(path: Path, exc: BaseException) -> InputError:
    inner = exc.__cause__ or exc.__context__ or exc
    return InputError(path, f"truncated or damaged PDF: {short(inner)}")


def open_source(engine: str, data: bytes, path: Path = Path("<pdf>")) -> CharDocument:
    if engine == "pdfium":
        from odaextract.pipeline.readers.pdf.pdfium import PdfiumDocument

        return PdfiumDocument(data, path)
    if engine == "pdfplumber":
        from odaextract.pipeline.readers.pdf.plumber import PlumberDocument

        return PlumberDocument(data, path)
    raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
