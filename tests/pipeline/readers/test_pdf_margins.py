"""Running headers/footers are decided from repetition and position together (issue 18).

Regression: a fixed crop band dropped the first line of every page of a PDF
made with fpdf2's default 10 mm margins, merged paragraphs across the gap, and
a one-page PDF kept only its last line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from odaextract.pipeline.readers.pdf import read_pdf
from tests.conftest import CORPUS
from tests.pipeline.readers import make_pdf


def _paragraphs(count: int) -> list[str]:
    text = (CORPUS / "wpdc-2017-security-stability.txt").read_text("utf-8")
    out = [" ".join(p.split()) for p in text.split("\n") if len(p.split()) >= 25]
    assert len(out) >= count
    return out[:count]


def _pages(count: int, per_page: int = 2) -> list[list[str]]:
    paragraphs = _paragraphs(count * per_page)
    return [paragraphs[i * per_page : (i + 1) * per_page] for i in range(count)]


def _blocks(data: bytes) -> list[str]:
    result = read_pdf(Path("margins.pdf"), data, workers=1)
    return [result.text[b.start : b.end] for b in result.blocks]


@pytest.mark.parametrize("margin", [10.0, 5.0, 40.0])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_short_pdfs_keep_every_line_whatever_the_margin(margin, count):
    """1-3 pages, no header: every paragraph comes back whole, none merged, first lines kept."""
    pages = _pages(count)
    blocks = _blocks(make_pdf.plain_pdf(pages, margin_mm=margin))
    assert blocks == [p for page in pages for p in page]


@pytest.mark.parametrize("count", [1, 2])
def test_one_or_two_pages_have_no_running_header_to_learn(count):
    """A header line on a one- or two-page PDF is text like any other: kept."""
    pages = _pages(count)
    blocks = _blocks(make_pdf.plain_pdf(pages, margin_mm=10.0, header="Annual Report 2019", page_numbers=True))
    assert blocks.count("Annual Report 2019") == count
    assert all(p in blocks for page in pages for p in page)


@pytest.mark.parametrize("margin", [5.0, 10.0, 40.0])
@pytest.mark.parametrize("count", [3, 8])
def test_running_header_and_page_numbers_go_body_stays(margin, count):
    pages = _pages(count)
    blocks = _blocks(make_pdf.plain_pdf(pages, margin_mm=margin, header="Annual Report 2019", page_numbers=True))
    assert "Annual Report 2019" not in " ".join(blocks)
    assert not any(b.strip().isdigit() for b in blocks)
    assert blocks == [p for page in pages for p in page]


def test_a_repeated_line_inside_the_page_is_body_text():
    """Repetition alone drops nothing: the same line mid-page on every page stays."""
    paragraphs = _paragraphs(16)
    repeated = "Figures are provisional and subject to revision."
    pages = [[paragraphs[2 * i], repeated, paragraphs[2 * i + 1]] for i in range(8)]
    blocks = _blocks(make_pdf.plain_pdf(pages, margin_mm=10.0))
    assert blocks.count(repeated) == 8
    assert blocks == [p for page in pages for p in page]


def test_a_repeated_first_line_at_another_height_is_body_text():
    """Same text at the top zone of many pages but at different heights: not a running header."""
    paragraphs = _paragraphs(8)
    pages = []
    for i in range(8):
        # a varying number of short lines pushes the repeated line down page by page
        pages.append([f"Item {i + 1}."] * (i % 4) + ["Summary of the year."] + [paragraphs[i]])
    blocks = _blocks(make_pdf.plain_pdf(pages, margin_mm=10.0, size=11.0))
    assert blocks.count("Summary of the year.") >= 6
