"""The pypdfium2 char source (PDFium, in C): the default engine.

pdfplumber builds a Python object per character through pdfminer (about 3.5
pages/s per core on dense pages); PDFium's text page gives the same
characters and boxes from C. Per character this module makes four raw
`FPDFText_*` calls (loose box, font size, text object; the Unicode text of the
whole page comes in one `FPDFText_GetText` call), and per text object two more
(its font's base name and descent, its matrix), cached.

The boxes are made to match pdfminer's, so the layout code sees the same
geometry from either engine: x0/x1 are the loose box's (the advance width);
the bottom is the baseline plus the font's descent (the loose box's bottom)
and the top is the bottom plus the font size, as pdfminer computes them; y
is turned to grow downwards from the top of the page box.

Characters PDFium generates itself (spaces and line breaks it infers) are
skipped: the word builder decides word breaks from gaps, as for pdfplumber.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

from odaextract.pipeline.reader_types import InputError
from odaextract.pipeline.readers.pdf.chars import Char, PageChars, damaged, is_parser_error


_HYPHEN_MARKS = {"\ufffe", "\x02"}


class PdfiumDocument:
    def __init__(self, data: bytes, path: Path):
        import pypdfium2 as pdfium

        self.path = path
        try:
            self._pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            message = str(exc)
            if "password" in message.lower() or "security" in message.lower():
                raise InputError(path, "encrypted PDF; decrypt it first") from None
            raise damaged(path, exc) from None
        try:
            self.page_count = len(self._pdf)
            self.metadata = dict(self._pdf.get_metadata_dict(skip_empty=True))
        except Exception as exc:
            if is_parser_error(exc):
                raise damaged(path, exc) from None
            raise

    def page(self, index: int) -> PageChars:
        try:
            page = self._pdf[index]
        except Exception as exc:
            if is_parser_error(exc):
                raise damaged(self.path, exc) from None
            raise
        try:
            left, bottom, right, top = (float(v) for v in page.get_bbox())
            rotation = page.get_rotation() % 360
            textpage = page.get_textpage()
            try:
                chars = _chars(textpage, _Display(left, bottom, right - left, top - bottom, rotation))
            finally:
                textpage.close()
        finally:
            page.close()
        width, height = right - left, top - bottom
        if rotation in (90, 270):
            width, height = height, width
        return PageChars(index + 1, 0.0, 0.0, width, height, chars)

    def close(self) -> None:
        self._pdf.close()


class _Display:
    """PDF space (y up, unrotated) to the page as displayed (y down, /Rotate applied),
    which is what pdfplumber reports."""

    def __init__(self, left: float, bottom: float, width: float, height: float, rotation: int):
        self.left, self.bottom, self.width, self.height, self.rotation = left, bottom, width, height, rotation

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.left, y - self.bottom
        r = self.rotation
        if r == 90:
            return y, x
        if r == 180:
            return self.width - x, y
        if r == 270:
            return self.height - y, self.width - x
        return x, self.height - y

    def vector(self, a: float, b: float) -> tuple[float, float]:
        r = self.rotation
        if r == 90:
            return b, a
        if r == 180:
            return -a, b
        if r == 270:
            return -b, -a
        return a, -b


def _object(raw, index: int, address: int, cache: dict, display: _Display) -> tuple[str, float, bool]:
    """(base font name, size on the page, upright) of the text object at `address`
    that char `index` is in; cached per text object (its chars share font, size
    and matrix).

    The size is PDFium's font size (the unscaled `Tf` one) times the vertical
    scale of the char's full matrix (text matrix and CTM), which is pdfminer's."""
    import pypdfium2.raw as pdfium_c

    found = cache.get(address)
    if found is None:
        name = ""
        obj = ctypes.cast(ctypes.c_void_p(address), pdfium_c.FPDF_PAGEOBJECT) if address else None
        font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
        if font:
            buffer = ctypes.create_string_buffer(256)
            length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 256)
            name = buffer.value[: max(0, length - 1)].decode("utf-8", "replace") if length else ""
        matrix = pdfium_c.FS_MATRIX()
        scale, upright = 1.0, True
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
            # upright when the text runs left to right on the displayed page
            dx, dy = display.vector(matrix.a, matrix.b)
            upright = dx > 0 and abs(dy) <= 1e-3 * dx
            scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        found = cache[address] = (name, pdfium_c.FPDFText_GetFontSize(raw, index) * (scale or 1.0), upright)
    return found


_GET_OBJECT = None


def _object_address():
    """FPDFText_GetTextObject returning the object's address as an int: a dict key
    without a ctypes.cast per character (the cast was a sixth of the reading time)."""
    global _GET_OBJECT
    if _GET_OBJECT is None:
        import pypdfium2.raw as pdfium_c

        address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
        _GET_OBJECT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)
    return _GET_OBJECT


def _chars(textpage, display: _Display) -> list[Char]:
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: one call per char instead
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0xFFFD) for i in range(count))
    box = pdfium_c.FS_RECTF()
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_object = _object_address()
    generated = pdfium_c.FPDFText_IsGenerated
    point = display.point
    plain = display.rotation == 0
    left, bottom, height = display.left, display.bottom, display.height
    fonts: dict = {}
    previous = None  # the text object of the char before
    name, size, upright = "", 0.0, True
    last = None  # the box of the last Char appended: (x0, x1, top, bottom)
    out: list[Char] = []
    append = out.append
    for i, ch in enumerate(text):
        space = ch.isspace()
        if space and generated(raw, i) == 1:
            continue
        if ch in _HYPHEN_MARKS:  # PDFium's mark for a hyphen at a line end; the page shows "-"
            ch = "-"
        if not get_box(raw, i, box):
            continue
        address = get_object(raw, i) or 0
        same_object = address == previous
        if not same_object:  # the chars of one text object share font, size and matrix
            found = fonts.get(address)
            if found is None:
                found = _object(raw, i, address, fonts, display)
            name, size, upright = found
        if plain:  # no /Rotate, the common case: the same as point(), without the calls
            x0, x1, y0, y1 = box.left - left, box.right - left, height - (box.top - bottom), height - (box.bottom - bottom)
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
        else:
            ax, ay = point(box.left, box.bottom)
            bx, by = point(box.right, box.top)
            x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
            y0, y1 = (ay, by) if ay <= by else (by, ay)
        if upright:  # pdfminer's box: the bottom at baseline + descent, the top a font size above
            y0 = y1 - size
        if same_object and last is not None and not space and last == (x0, x1, y0, y1):
            # one ligature glyph ("ﬃ") that PDFium spells as several chars in one box:
            # one Char, as pdfminer gives (else they would look like overprinted duplicates).
            # Same text object, so same font, size and slant: the box decides.
            out[-1] = out[-1]._replace(text=out[-1].text + ch)
        else:
            append(Char(ch, x0, x1, y0, y1, size, name, upright))
            last = (x0, x1, y0, y1)
        previous = address
    return out
