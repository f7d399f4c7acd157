"""Tables come back whole: one block per row, cells in order, header and unit line kept (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from odaextract.pipeline.readers.pdf import read_pdf
from odaextract.pipeline.readers.pdf.tables import SEPARATOR
from tests.conftest import ROOT
from tests.pipeline.readers import make_pdf

REAL = ROOT / ".." / "shared" / "real-pdfs"
BEFORE = (
    "Japan's bilateral ODA to Asia rose in 2019, led by loan aid for transport infrastructure in Southeast Asia "
    "and grant aid for health systems in South Asia, as the table below shows by country."
)
AFTER = (
    "Loan aid accounted for most of the total, while grant aid and technical cooperation were spread more "
    "evenly across the region's least developed countries."
)
HEADER = ["Country", "Grant aid", "Loans", "Total"]
ROWS = [
    ["Viet Nam", "12.34", "1,234.56", "1,246.90"],
    ["Bangladesh", "45.10", "987.65", "1,032.75"],
    ["Philippines", "30.02", "402.00", "432.02"],
    ["Myanmar", "80.50", "150.25", "230.75"],
    ["Cambodia", "65.00", "12.40", "77.40"],
]


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("ruled", [False, True])
def test_a_statistics_table_comes_back_one_row_a_block(engine, ruled):
    data = make_pdf.table_pdf(BEFORE, "Japan's bilateral ODA by country (2019)", "(Unit: US$ million)",
                              HEADER, ROWS, AFTER, ruled=ruled)
    result = read_pdf(Path("table.pdf"), data, workers=1, engine=engine)
    blocks = [result.text[b.start : b.end] for b in result.blocks]
    rows = [SEPARATOR.join(row) for row in [HEADER] + ROWS]
    assert all(row in blocks for row in rows), blocks
    assert blocks.index(rows[0]) + len(rows) - 1 == blocks.index(rows[-1])  # in order, nothing between
    assert BEFORE in blocks and AFTER in blocks
    assert "(Unit: US$ million)" in result.text
    assert "Japan's bilateral ODA by country (2019)" in result.text


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_the_warn_report_rows_are_whole(engine):
    """Regression: the column finder took a gap between table columns for a gutter and
    read each row's left half apart from its right half."""
    path = REAL / "WARN-Report-for-7-1-2015-to-03-25-2016.pdf"
    result = read_pdf(path, path.read_bytes(), workers=1, engine=engine)
    lines = result.text.split("\n")
    assert "06/22/2015\t03/25/2016\t07/01/2015\tMaxim Integrated Product\tSan Jose\t150\tClosure Permanent" in lines
    assert "Notice Date\tEffective\tReceived\tCompany\tCity\tNo. Of\tLayoff/Closure" in lines
    rows = [line for line in lines if line.count(SEPARATOR) >= 5 and line[:2].isdigit()]
    assert len(rows) > 400
    # every data row ends in its layoff/closure cell, never cut in half
    assert all(line.rsplit(SEPARATOR, 1)[-1].split()[0] in ("Layoff", "Closure", "Temporary", "Unknown",
                                                           "Permanent") for line in rows[:200]), rows[:5]


def test_two_column_body_text_is_not_a_table():
    from tests.conftest import CORPUS

    rendered = make_pdf.render(make_pdf.corpus_elements(CORPUS / "wpdc-2017-security-stability.txt"), title_page=False)
    result = read_pdf(Path("seed.pdf"), rendered.data, workers=1)
    assert SEPARATOR not in result.text
