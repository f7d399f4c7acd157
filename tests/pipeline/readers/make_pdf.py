"""Generate realistic white-paper PDFs for the reader tests (fpdf2, a test dependency).

The layout imitates the ministry's PDF editions: A4 pages, two text columns
with a gutter, full-width Part/Chapter/Section headings that cut the page into
bands (the columns above a heading are balanced), in-column headings with the
papers' marks ((3), ●, •, ■, <...>), a running header that alternates between
even and odd pages, a page number in the footer, photo placeholders with an
italic caption, boxed columns ("ODA Topics", glossary terms), footnotes
("Note 42: ...") at the foot of the page, and words hyphenated at line ends
(also at the hyphen of compounds, as typesetters do).

`render()` returns the PDF bytes and what was placed where, so tests can check
the reader against the source: every body paragraph that was placed whole
must come back as one block, verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from fpdf import FPDF

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN_X = 48.0
BODY_TOP = 72.0
BODY_BOTTOM = PAGE_H - 64.0
GUTTER = 18.0
COL_W = (PAGE_W - 2 * MARGIN_X - GUTTER) / 2
BODY_SIZE = 9.0
LEADING = 1.38

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
# Without DejaVu, the core Helvetica font (cp1252) stands in, with these swaps.
_CORE_SWAPS = {"●": "•", "■": "•", "\u2212": "-"}

# kind -> (style, size, full width)
STYLES: dict[str, tuple[str, float, bool]] = {
    "title": ("B", 22.0, True),
    "part": ("B", 17.0, True),
    "chapter": ("B", 15.0, True),
    "section": ("B", 13.0, True),
    "h4": ("B", 11.5, False),  # (3) ...
    "h5": ("B", 10.5, False),  # ● ... / <...>
    "h6": ("B", 10.0, False),  # • ...
    "h7": ("B", 9.5, False),  # ■ ...
    "box_title": ("B", 11.0, False),  # ODA Topics, Stories from the field
    "body": ("", BODY_SIZE, False),
    "box_body": ("", 8.0, False),
    "gloss_term": ("B", 8.0, False),  # *Trafficking in persons
    "gloss_text": ("", 8.0, False),
    "caption": ("I", 7.5, False),
    "note": ("", 7.0, True),  # footnote, at the foot of the page
}
HEADING_KINDS = ("title", "part", "chapter", "section", "h4", "h5", "h6", "h7", "box_title")


@dataclass
class Element:
    kind: str
    text: str


@dataclass
class Placed:
    kind: str
    text: str
    first_page: int
    last_page: int
    whole: bool = True  # False when the document stopped inside it


@dataclass
class Rendered:
    data: bytes
    pages: int
    placed: list[Placed] = field(default_factory=list)
    header_texts: tuple[str, str] = ("", "")
    hyphenated: list[str] = field(default_factory=list)  # words split at a line end

    def texts(self, *kinds: str) -> list[str]:
        return [p.text for p in self.placed if p.whole and (not kinds or p.kind in kinds)]


class _Stop(Exception):
    pass


@dataclass
class _Item:
    """One line (or a photo placeholder) waiting for its column."""

    height: float
    text: str = ""
    kind: str = "body"
    gap: float = 0.0  # space above, dropped at the top of a column
    photo: bool = False
    boxed: bool = False
    note: Optional[Element] = None  # a footnote anchored here (zero height)
    element: Optional[int] = None  # index into placed, for page bookkeeping
    last_of_element: bool = False


def elements_from_text(text: str) -> list[Element]:
    """Elements from a text edition (one paragraph per line), by the papers' marks."""
    from odaextract.pipeline.structure import block_kind, heading_level

    elements: list[Element] = []
    kinds = {1: "part", 2: "chapter", 3: "section", 4: "h4", 5: "h5", 6: "h6", 7: "h7"}
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        level = heading_level(line)
        if level is not None:
            elements.append(Element(kinds.get(level, "h7"), line))
            continue
        kind = block_kind(line)
        if kind == "note":
            body = re.sub(r"^-\s+", "", line)
            if re.match(r"^Note\s+\d+\s*:", body):
                elements.append(Element("note", body))
            elif body.startswith("*"):
                elements.append(Element("gloss_term", body))
            else:
                elements.append(Element("gloss_text", body))
        elif kind == "caption":
            elements.append(Element("caption", line))
        else:
            elements.append(Element("body", line))
    return elements


class _Layout:
    def __init__(self, title: str, header_left: str, header_right: str, max_pages: Optional[int], header_y: float):
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_compression(True)
        self.pdf.set_title(title)
        self.pdf.set_creator("odaextract tests/make_pdf.py")
        self.unicode = _add_fonts(self.pdf)
        self.header = (header_left, header_right)
        self.header_y = header_y
        self.max_pages = max_pages
        self.page = 0
        self.y = BODY_TOP
        self.notes: list[Element] = []
        self.notes_height = 0.0
        self.carry_notes: list[Element] = []
        self.placed: list[Placed] = []
        self.hyphenated: list[str] = []
        self.new_page()

    # fonts and text -----------------------------------------------------
    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        for a, b in _CORE_SWAPS.items():
            text = text.replace(a, b)
        return text.encode("cp1252", "replace").decode("cp1252")

    def font(self, kind: str) -> float:
        style, size, _ = STYLES[kind]
        self.pdf.set_font("Body" if self.unicode else "Helvetica", style, size)
        return size

    def width(self, text: str) -> float:
        return self.pdf.get_string_width(text)

    def wrap(self, text: str, kind: str, width: float, hyphenate: bool) -> list[str]:
        self.font(kind)
        words = text.split()
        lines: list[str] = []
        current = ""
        i = 0
        while i < len(words):
            word = words[i]
            candidate = f"{current} {word}" if current else word
            if self.width(candidate) <= width:
                current = candidate
                i += 1
                continue
            if not current:  # a single word wider than the column
                lines.append(word)
                i += 1
                continue
            room = width - self.width(current + " ")
            split = self._split(word, room) if hyphenate and room > width * 0.18 else None
            if split:
                head, tail = split
                lines.append(f"{current} {head}")
                self.hyphenated.append(word)
                words[i] = tail
                current = ""
                continue
            lines.append(current)
            current = ""
        if current:
            lines.append(current)
        return lines

    def _split(self, word: str, room: float) -> Optional[tuple[str, str]]:
        """Split a word at a line end: at its own hyphen, else between letters."""
        if "-" in word.strip("-"):
            for pos in range(len(word) - 2, 1, -1):
                if word[pos] == "-" and self.width(word[: pos + 1]) <= room and word[pos + 1 :][:1].isalpha():
                    return word[: pos + 1], word[pos + 1 :]
            return None
        core = re.match(r"^([A-Za-z]+)([^A-Za-z]*)$", word)
        if not core or len(core.group(1)) < 8:
            return None
        letters = core.group(1)
        for pos in range(len(letters) - 3, 3, -1):
            head = letters[:pos] + "-"
            if self.width(head) <= room:
                return head, word[pos:]
        return None

    # pages --------------------------------------------------------------
    def bottom(self) -> float:
        return BODY_BOTTOM - self.notes_height

    def new_page(self) -> None:
        if self.page:
            self.finish_page()
        if self.max_pages is not None and self.page >= self.max_pages:
            raise _Stop
        self.pdf.add_page()
        self.page += 1
        self.y = BODY_TOP
        self.page_low = BODY_TOP
        self.notes, self.notes_height = [], 0.0
        for note in self.carry_notes:
            self.add_note(note)
        self.carry_notes = []

    def finish_page(self) -> None:
        pdf = self.pdf
        # running header: the edition on even pages (left), the part on odd pages (right)
        pdf.set_font("Body" if self.unicode else "Helvetica", "", 8)
        text = self.clean(self.header[0] if self.page % 2 == 0 else self.header[1])
        x = MARGIN_X if self.page % 2 == 0 else PAGE_W - MARGIN_X - self.width(text)
        pdf.text(x, self.header_y, text)
        pdf.set_line_width(0.5)
        pdf.line(MARGIN_X, self.header_y + 5, PAGE_W - MARGIN_X, self.header_y + 5)
        # page number in the footer, on the outer side
        number = str(self.page)
        x = MARGIN_X if self.page % 2 == 0 else PAGE_W - MARGIN_X - self.width(number)
        pdf.text(x, PAGE_H - 30, number)
        # footnotes
        if self.notes:
            y = BODY_BOTTOM - self.notes_height + 6
            pdf.set_line_width(0.4)
            pdf.line(MARGIN_X, y - 3, MARGIN_X + 80, y - 3)
            for note in self.notes:
                for line in self.wrap(self.clean(note.text), "note", PAGE_W - 2 * MARGIN_X, hyphenate=False):
                    self.font("note")
                    pdf.text(MARGIN_X, y + STYLES["note"][1], line)
                    y += STYLES["note"][1] * LEADING

    def note_height(self, note: Element) -> float:
        lines = self.wrap(self.clean(note.text), "note", PAGE_W - 2 * MARGIN_X, hyphenate=False)
        return len(lines) * STYLES["note"][1] * LEADING

    def add_note(self, note: Element) -> None:
        extra = self.note_height(note) + (10 if not self.notes else 0)
        self.notes.append(note)
        self.notes_height += extra
        index = self._index_of(note)
        if index is not None:
            self.placed[index].first_page = self.placed[index].last_page = self.page

    def _index_of(self, note: Element) -> Optional[int]:
        for i in range(len(self.placed) - 1, -1, -1):
            if self.placed[i].text == note.text and self.placed[i].kind == "note":
                return i
        return None

    # placing ------------------------------------------------------------
    def place_item(self, item: _Item, x: float, y: float) -> None:
        pdf = self.pdf
        if item.photo:
            pdf.set_fill_color(200, 200, 200)
            pdf.rect(x, y + item.gap, COL_W, item.height - item.gap, style="F")
        elif item.text:
            size = self.font(item.kind)
            if item.boxed:
                pdf.set_fill_color(235, 240, 248)
                pdf.rect(x - 3, y, COL_W + 6, item.height, style="F")
            pdf.text(x + (4 if item.boxed else 0), y + item.gap + size, item.text)
        if item.element is not None:
            placed = self.placed[item.element]
            if placed.first_page == 0:
                placed.first_page = self.page
            placed.last_page = self.page

    def fill_column(self, items: list[_Item], start: int, x: float, top: float) -> int:
        """Place items from `start` down one column; return the index of the first left over."""
        y = top
        i = start
        while i < len(items):
            item = items[i]
            if item.note is not None:
                height = self.note_height(item.note) + (10 if not self.notes else 0)
                if max(y, self.page_low) <= self.bottom() - height:
                    self.add_note(item.note)
                else:
                    self.carry_notes.append(item.note)
                i += 1
                continue
            gap = item.gap if y > top else 0.0
            if y + item.height - item.gap + gap > self.bottom() + 0.01:
                break
            self.place_item(_with_gap(item, gap), x, y)
            y += item.height - item.gap + gap
            self.page_low = max(self.page_low, y)
            i += 1
        self.column_end = y
        return i

    def flush(self, items: list[_Item]) -> None:
        """Lay out a band of column items: balanced when it fits, else filling pages."""
        i = 0
        while i < len(items):
            rest = items[i:]
            notes = sum(self.note_height(it.note) + 10 for it in rest if it.note is not None)
            heights = [it.height for it in rest if it.note is None]
            total = sum(heights)
            avail = self.bottom() - notes - self.y
            if total <= 2 * avail - 2 * BODY_SIZE * LEADING:
                # balanced: the left column takes the first half of the height
                acc, k = 0.0, 0
                while k < len(rest) and acc + (rest[k].height if rest[k].note is None else 0) <= max(total / 2, 0):
                    acc += rest[k].height if rest[k].note is None else 0
                    k += 1
                k = max(1, k)
                while sum(it.height for it in rest[:k] if it.note is None) > avail and k > 1:
                    k -= 1
                left_end = self.fill_column(rest[:k], 0, MARGIN_X, self.y)
                left_bottom = self.column_end
                right_end = self.fill_column(rest[k:], 0, MARGIN_X + COL_W + GUTTER, self.y)
                right_bottom = self.column_end
                if left_end == k and right_end == len(rest) - k:
                    self.y = max(left_bottom, right_bottom, self.y)
                    return
                # did not fit after all (notes took room): continue with what is left
                done = left_end if left_end < k else k + right_end
                i += done
                self.new_page()
                continue
            left = self.fill_column(rest, 0, MARGIN_X, self.y)
            right = self.fill_column(rest, left, MARGIN_X + COL_W + GUTTER, self.y)
            i += right
            self.new_page()

    def full_width(self, kind: str, text: str, index: int) -> None:
        size = self.font(kind)
        lines = self.wrap(self.clean(text), kind, PAGE_W - 2 * MARGIN_X, hyphenate=False)
        height = len(lines) * size * LEADING + size * 0.8
        if self.y + height + 4 * BODY_SIZE * LEADING > self.bottom():
            self.new_page()
        y = self.y + (size * 0.6 if self.y > BODY_TOP else 0)
        for line in lines:
            self.font(kind)
            self.pdf.text(MARGIN_X, y + size, line)
            y += size * LEADING
        self.placed[index].first_page = self.placed[index].last_page = self.page
        self.y = y + size * 0.5
        self.page_low = max(self.page_low, self.y)

    def finish(self) -> None:
        self.finish_page()


def _with_gap(item: _Item, gap: float) -> _Item:
    if gap == item.gap:
        return item
    return _Item(item.height - item.gap + gap, item.text, item.kind, gap, item.photo, item.boxed, item.note,
                 item.element, item.last_of_element)


def _add_fonts(pdf: FPDF) -> bool:
    for folder in _FONT_DIRS:
        regular = folder / "DejaVuSans.ttf"
        bold = folder / "DejaVuSans-Bold.ttf"
        italic = folder / "DejaVuSans-Oblique.ttf"
        if regular.exists() and bold.exists() and italic.exists():
            pdf.add_font("Body", "", str(regular))
            pdf.add_font("Body", "B", str(bold))
            pdf.add_font("Body", "I", str(italic))
            return True
    return False


def render(
    elements: Iterable[Element],
    title: str = "White Paper on Development Cooperation 2017",
    header_left: Optional[str] = None,
    header_right: str = "Part III  Japan's Development Cooperation by Issue",
    max_pages: Optional[int] = None,
    header_y: float = 34.0,
    title_page: bool = True,
) -> Rendered:
    """Lay the elements out in two columns; stop at `max_pages` when given."""
    layout = _Layout(title, header_left or title, header_right, max_pages, header_y)
    band: list[_Item] = []
    elements = list(elements)
    if title_page:
        elements.insert(0, Element("title", title))
    try:
        for element in elements:
            kind = element.kind
            text = layout.clean(element.text)
            index = len(layout.placed)
            layout.placed.append(Placed(kind, text, 0, 0))
            style, size, full = STYLES[kind]
            if kind == "note":
                band.append(_Item(0.0, note=Element("note", text), element=None))
                continue
            if full:
                layout.flush(band)
                band = []
                layout.full_width(kind, text, index)
                continue
            pitch = size * LEADING
            boxed = kind.startswith(("box_", "gloss_"))
            if kind == "caption":
                band.append(_Item(70.0 + 6, photo=True, gap=6))
            gap = {"body": size * 0.55, "caption": 2.0, "gloss_text": 1.0, "box_body": 2.0}.get(kind, size * 0.9)
            if kind in ("gloss_term", "box_title"):
                gap = size * 1.2
            lines = layout.wrap(text, kind, COL_W - (8 if boxed else 0), hyphenate=kind in ("body", "box_body", "gloss_text"))
            for n, line in enumerate(lines):
                band.append(
                    _Item(pitch + (gap if n == 0 else 0), line, kind, gap if n == 0 else 0.0, boxed=boxed,
                          element=index, last_of_element=n == len(lines) - 1)
                )
        layout.flush(band)
        layout.finish()
    except _Stop:
        pass
    for placed in layout.placed:
        if placed.first_page == 0 or placed.last_page == 0:
            placed.whole = False
    # the element cut by the page limit is not whole either
    if max_pages is not None and layout.page >= max_pages:
        _mark_cut(layout)
    data = bytes(layout.pdf.output())
    return Rendered(data, layout.page, layout.placed, (header_left or title, header_right), layout.hyphenated)


def _mark_cut(layout: _Layout) -> None:
    for placed in reversed(layout.placed):
        if placed.first_page:
            placed.whole = False  # conservatively: the last placed element may be cut
            break


# ---------------------------------------------------------------- content

OWN_TEXT = """\
Part III Japan's Development Cooperation by Region
Chapter 2 Assistance for Each Region
Section 1 Southeast Asia
(1) Connectivity and Quality Infrastructure
Southeast Asia is a region with which Japan has built close relationships over many decades. In 2018, Japan's bilateral development cooperation to the region amounted to approximately ¥520 billion, of which loan aid accounted for the largest share. The Japan International Cooperation Agency (JICA) supports the improvement of ports, railways and power grids across the Mekong region, including in Viet Nam, Cambodia and the Lao People's Democratic Republic.
Japan also provides grant aid for the rehabilitation of water treatment facilities, and technical cooperation that transfers know-how on maintenance to local engineers. Between April 2016 and March 2019, more than 3,000 engineers took part in such programs, which are designed together with the Asian Development Bank (ADB) and the World Bank.
● Disaster Risk Reduction
Typhoons, floods and earthquakes repeatedly interrupt development in the Philippines and Indonesia. Japan shares the experience it has accumulated as a disaster-prone country, and in fiscal year 2018 provided emergency relief goods worth ¥30 million to the Philippines after Typhoon Mangkhut.
Residents taking part in an evacuation drill organized with the local government in Leyte (Photo: JICA)
• Early Warning Systems
Early warning systems for tsunamis require observation networks, communication infrastructure and trained personnel. Japan supports the Philippine Atmospheric, Geophysical and Astronomical Services Administration (PAGASA) through technical cooperation, and since 2015 has contributed $2.5 million to the United Nations Office for Disaster Risk Reduction (UNDRR).
■ Community-Based Preparedness
Community-based preparedness complements large-scale infrastructure. Volunteers trained under the program run regular drills in schools, and municipal offices keep stockpiles of water and food for at least three days.
- Note 12: The amounts are disbursements on a net basis unless otherwise noted.
ODA Topics
Stories from the field: A bridge that connects two provinces
When the new bridge over the river opened in December 2017, the journey between the two provincial capitals fell from four hours to forty minutes. Farmers can now bring vegetables to the markets of Phnom Penh while they are still fresh, and children cross the river to attend secondary school.
(2) Human Resources Development
Human resources development is the foundation of sustainable growth. Japan accepts government officials from Myanmar, Thailand and Malaysia as long-term trainees at Japanese graduate schools, and in 2019 launched a new scholarship program with a budget of about $20 million over five years.
"""


def own_elements() -> list[Element]:
    """The hand-written section: every kind of element the reader must handle."""
    elements = elements_from_text(OWN_TEXT)
    for element in elements:
        if element.text == "ODA Topics":
            element.kind = "box_title"
        elif element.text.startswith("Stories from the field"):
            element.kind = "box_title"
        elif element.text.startswith("When the new bridge"):
            element.kind = "box_body"
    return elements


def corpus_elements(path: Path) -> list[Element]:
    return elements_from_text(Path(path).read_text("utf-8"))


def long_document(corpus_dir: Path, pages: int) -> Rendered:
    """A `pages`-page two-column document: the corpus sections and our own, repeated."""
    units: list[list[Element]] = [own_elements()]
    for path in sorted(Path(corpus_dir).glob("*.txt")):
        units.append(corpus_elements(path))
    elements: list[Element] = []
    repeat = 0
    while len(elements) < pages * 40:  # far more than needed; layout stops at `pages`
        repeat += 1
        elements.append(Element("chapter", f"Chapter {repeat} Development Cooperation for Peace and Stability"))
        for unit in units:
            elements.append(Element("section", f"Section {repeat} Efforts by Issue"))
            elements.extend(Element(e.kind, e.text) for e in unit)
    return render(elements, max_pages=pages)


def image_only_pdf(pages: int = 2) -> bytes:
    """Pages with drawings but no text layer, like a scan."""
    pdf = FPDF(unit="pt", format="A4")
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(120, 120, 120)
        pdf.rect(60, 80, 400, 600, style="F")
    return bytes(pdf.output())


def encrypted_pdf(user_password: str = "secret") -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.text(60, 100, "White Paper on Development Cooperation 2017")
    return bytes(pdf.output())


if __name__ == "__main__":  # pragma: no cover - manual look at a fixture
    import sys

    root = Path(__file__).resolve().parents[3]
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "sample.pdf")
    rendered = render(own_elements() + corpus_elements(root / "corpus" / "wpdc-2023-security-stability.txt"))
    out.write_bytes(rendered.data)
    print(f"{out}: {rendered.pages} pages")


def plain_pdf(
    pages: list[list[str]],
    margin_mm: float = 10.0,
    header: Optional[str] = None,
    page_numbers: bool = False,
    size: float = 11.0,
) -> bytes:
    """One column of paragraphs per page, as fpdf2 lays text out by default
    (A4, `margin_mm` on every side, 10 mm is fpdf2's default), with an
    optional running header at the top margin and page numbers at the bottom."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_margins(margin_mm, margin_mm, margin_mm)
    pdf.set_auto_page_break(False)
    unicode = _add_fonts(pdf)
    family = "Body" if unicode else "Helvetica"
    for number, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        if header:
            pdf.set_font(family, "", 8)
            pdf.set_xy(margin_mm, margin_mm)
            pdf.cell(0, 4, header)
            pdf.set_xy(margin_mm, margin_mm + 10)
        pdf.set_font(family, "", size)
        for paragraph in paragraphs:
            pdf.multi_cell(0, size * 0.45, paragraph)
            pdf.ln(size * 0.45)
        if page_numbers:
            pdf.set_font(family, "", 8)
            pdf.set_xy(margin_mm, 297 - margin_mm - 4)
            pdf.cell(0, 4, str(number), align="C")
    return bytes(pdf.output())


def table_pdf(
    before: str,
    title: str,
    unit: str,
    header: list[str],
    rows: list[list[str]],
    after: str,
    ruled: bool = False,
) -> bytes:
    """A page as white papers print statistics: a paragraph, the table's title and
    unit line, a header row, rows with the country left-aligned and the figures
    right-aligned (ruled or not), then a paragraph."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(False)
    family = "Body" if _add_fonts(pdf) else "Helvetica"
    pdf.add_page()
    pdf.set_font(family, "", 10)
    pdf.multi_cell(0, 5, before)
    pdf.ln(4)
    pdf.set_font(family, "B", 10)
    pdf.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 8)
    pdf.cell(0, 5, unit, new_x="LMARGIN", new_y="NEXT", align="R")
    widths = [60] + [110 / (len(header) - 1)] * (len(header) - 1)
    border = 1 if ruled else 0
    pdf.set_font(family, "B", 9)
    for width, text in zip(widths, header):
        pdf.cell(width, 6, text, border=border, align="L" if width == widths[0] else "R")
    pdf.ln(6)
    pdf.set_font(family, "", 9)
    for row in rows:
        for n, (width, text) in enumerate(zip(widths, row)):
            pdf.cell(width, 6, text, border=border, align="L" if n == 0 else "R")
        pdf.ln(6)
    pdf.ln(4)
    pdf.set_font(family, "", 10)
    pdf.multi_cell(0, 5, after)
    return bytes(pdf.output())
