"""The pdfplumber char source (pdfminer.six underneath): the reference engine."""

from __future__ import annotations

import io
from pathlib import Path

from odaextract.pipeline.reader_types import InputError
from odaextract.pipeline.readers.pdf.chars import Char, PageChars, damaged, is_parser_error


def _encrypted(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.__cause__ or exc.__context__ or exc
    return any(
        isinstance(candidate, (PDFPasswordIncorrect, PDFEncryptionError))
        for candidate in (exc, inner, *getattr(exc, "args", ()))
    )


class PlumberDocument:
    def __init__(self, data: bytes, path: Path):
        import pdfplumber

        self.path = path
        try:
            self._pdf = pdfplumber.open(io.BytesIO(data))
            self.page_count = len(self._pdf.pages)
            self.metadata = dict(self._pdf.metadata or {})
        except Exception as exc:
            if _encrypted(exc):
                raise InputError(path, "encrypted PDF; decrypt it first") from None
            if is_parser_error(exc):
                raise damaged(path, exc) from None
            raise

    def page(self, index: int) -> PageChars:
        page = self._pdf.pages[index]
        try:
            try:
                x0, top, x1, bottom = (float(v) for v in page.bbox)
                raw = page.chars
            except Exception as exc:
                if is_parser_error(exc):
                    raise damaged(self.path, exc) from None
                raise
            chars = [
                Char(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]),
                     float(c.get("size", 0.0)), str(c.get("fontname", "")), bool(c.get("upright", True)))
                for c in raw
            ]
            return PageChars(index + 1, x0, top, x1, bottom, chars)
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()
