"""The two char sources (pypdfium2, the default, and pdfplumber, the reference)
give the same document; bugs in the reader are never reported as bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from odaextract.pipeline.ingest import InputError, read_document
from odaextract.pipeline.readers import pdf as pdf_reader
from odaextract.pipeline.readers.pdf import read_pdf
from tests.conftest import CORPUS, ROOT
from tests.pipeline.readers import make_pdf

REAL = ROOT / ".." / "shared" / "real-pdfs"
# Real PDFs where the engines' texts differ, and why (see the README's PDF section).
# Each must still share this share of its words between the engines.
DIFFERENT = {  # floors a little under the share measured when this list was made
    "2023-06-20-PV.pdf": 0.97,  # a heading's lines joined or not: sub-point box heights
    "chelsea_pdta.pdf": 0.97,  # dot leaders of the table of contents
    "federal-register-2020-17221.pdf": 0.9,  # three columns: lines joined differently, words split at hyphens
    "issue-192-example.pdf": 0.75,  # labels of a drawing at many angles
    "issue-297-example.pdf": 0.0,  # broken page tree: pdfminer finds no pages, PDFium pages without text
    "issue-316-example.pdf": 0.97,  # margin notes beside the body
    "issue-71-duplicate-chars-2.pdf": 0.9,  # overprinted chars de-duplicated differently
    "issue-848.pdf": 0.65,  # upside-down text (words come reversed either way)
    "issue-90-example.pdf": 0.95,  # rotated column headers
    "issue-982-example.pdf": 0.96,  # rotated arXiv stamp in the margin
    "nics-background-checks-2015-11-rotated.pdf": 0.45,  # rotated table: cells grouped differently
    "pdffill-demo.pdf": 0.97,  # form field labels, same words in another order
    "pr-136-example.pdf": 0.1,  # CJK in Type3 fonts: PDFium has no boxes for most of its glyphs
    "pr-138-example.pdf": 0.97,  # table header cells in another order
    "senate-expenditures.pdf": 0.95,  # rotated header
}


def _both(data: bytes, name: str = "doc.pdf"):
    out = []
    for engine in ("pdfplumber", "pdfium"):
        try:
            out.append(read_pdf(Path(name), data, workers=1, engine=engine))
        except InputError as exc:
            out.append(exc.cause)
    return out


@pytest.mark.parametrize("kind", ["own", "seed", "plain"])
def test_engines_give_the_same_document_on_generated_pdfs(kind):
    if kind == "own":
        data = make_pdf.render(make_pdf.own_elements() + make_pdf.corpus_elements(CORPUS / "wpdc-2023-security-stability.txt")).data
    elif kind == "seed":
        data = make_pdf.render(make_pdf.corpus_elements(CORPUS / "wpdc-2017-security-stability.txt"), title_page=False).data
    else:
        text = (CORPUS / "wpdc-2017-security-stability.txt").read_text("utf-8")
        paragraphs = [p for p in text.split("\n") if len(p.split()) > 20][:12]
        data = make_pdf.plain_pdf([paragraphs[i : i + 3] for i in range(0, 12, 3)], header="Annual Report", page_numbers=True)
    plumber, pdfium = _both(data)
    assert plumber.text and plumber == pdfium  # text, blocks, page spans and title


def _words(text: str) -> list[str]:
    return text.split()


def _shared(a: list[str], b: list[str]) -> float:
    from collections import Counter

    ca, cb = Counter(a), Counter(b)
    return sum((ca & cb).values()) / max(1, max(len(a), len(b)))


def test_engines_agree_on_the_real_pdfs():
    files = sorted(REAL.glob("*.pdf"))
    assert len(files) == 52, f"expected the 52 real PDFs in {REAL}"
    same = []
    for path in files:
        plumber, pdfium = _both(path.read_bytes(), path.name)
        if path.name not in DIFFERENT:
            # same text, or the same one-line error
            assert getattr(plumber, "text", plumber) == getattr(pdfium, "text", pdfium), path.name
            same.append(path.name)
        elif isinstance(plumber, str) or isinstance(pdfium, str):
            assert DIFFERENT[path.name] == 0.0, (path.name, plumber, pdfium)
        else:
            assert plumber.text != pdfium.text, f"{path.name} now agrees: remove it from DIFFERENT"
            assert _shared(_words(plumber.text), _words(pdfium.text)) >= DIFFERENT[path.name], path.name
    assert len(same) >= 37


def _planted(*args, **kwargs):
    raise AttributeError("'NoneType' object has no attribute 'x0' (planted)")


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("target", ["page_lines", "extract_page"])
def test_a_bug_in_page_extraction_is_not_reported_as_bad_input(tmp_path, monkeypatch, engine, target):
    """Regression (issue 17): an AttributeError planted in page extraction came
    back as 'truncated or damaged PDF' at stage ingest. It must surface as itself."""
    rendered = make_pdf.render(make_pdf.own_elements())
    path = tmp_path / "good.pdf"
    path.write_bytes(rendered.data)
    monkeypatch.setattr(pdf_reader, target, _planted)
    monkeypatch.setenv(pdf_reader.ENGINE_ENV, engine)
    with pytest.raises(AttributeError, match="planted"):
        read_document(path)


def test_a_bug_in_the_batch_is_recorded_with_its_real_type(tmp_path, monkeypatch, annotator):
    import orjson

    from odaextract.pipeline.run import run

    rendered = make_pdf.render(make_pdf.own_elements())
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(rendered.data)
    monkeypatch.setattr(pdf_reader, "page_lines", _planted)
    result = run([folder], tmp_path / "out", annotator=annotator)
    errors = [orjson.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_bytes().splitlines() if line.strip()]
    assert [e["error_type"] for e in errors] == ["AttributeError"]
    assert "damaged" not in errors[0]["message"] and result.errors


def test_damaged_pdfs_are_input_errors_with_either_engine(tmp_path):
    good = make_pdf.render(make_pdf.own_elements()).data
    damaged = good[:200] + b"\x00garbage" * 50 + good[-60:]
    for engine in ("pdfium", "pdfplumber"):
        with pytest.raises(InputError, match="^truncated or damaged PDF") :
            read_pdf(tmp_path / "damaged.pdf", damaged, workers=1, engine=engine)
        with pytest.raises(InputError, match="^encrypted PDF"):
            read_pdf(tmp_path / "locked.pdf", make_pdf.encrypted_pdf(), workers=1, engine=engine)


def test_max_pages_refuses_long_pdfs_with_one_line(tmp_path):
    data = make_pdf.plain_pdf([["First page."], ["Second page."], ["Third page."]])
    with pytest.raises(InputError) as info:
        read_pdf(tmp_path / "long.pdf", data, workers=1, max_pages=2)
    assert info.value.cause == "3 pages, over the 2-page limit (raise it with --max-pages)"
    assert read_pdf(tmp_path / "long.pdf", data, workers=1, max_pages=3).text.endswith("Third page.")
