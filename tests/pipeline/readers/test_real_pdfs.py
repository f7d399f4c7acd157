"""Every real PDF in ../shared/real-pdfs (pdfplumber's regression suite) through
`odaextract run`: processed, or one clear error line; no crash, no hang (issue 15).

One batch with --jobs 2 keeps the cost to one model load per process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from tests.conftest import ROOT
from tests.pipeline.readers import make_pdf

REAL = ROOT / ".." / "shared" / "real-pdfs"
ODAEXTRACT = Path(sys.executable).with_name("odaextract")
# the causes a user may see for a PDF; anything else is a bug
CAUSES = ("empty file", "no text layer; OCR it first", "encrypted PDF; decrypt it first",
          "truncated or damaged PDF: ", "no text outside headers and footers", "not a PDF")


def _records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()] if path.exists() else []


def _run(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    # the timeout only guards against a hang; it is no speed assertion
    return subprocess.run([str(ODAEXTRACT), "run", *args], capture_output=True, text=True, timeout=timeout)


def test_every_real_pdf_is_processed_or_one_clear_error(tmp_path):
    pdfs = sorted(p.name for p in REAL.glob("*.pdf"))
    assert len(pdfs) == 52, f"expected the 52 real PDFs in {REAL}"
    out = tmp_path / "out"
    done = _run(str(REAL), "--out", str(out), "--jobs", "2", "--max-pages", "200", "-q")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    documents = {Path(d["source_path"]).name: d for d in _records(out / "documents.jsonl")}
    errors = {Path(e["path"]).name: e for e in _records(out / "errors.jsonl")}
    for name in pdfs:
        assert (name in documents) != (name in errors), name  # exactly one of the two
    for name, error in errors.items():
        assert error["error_type"] == "InputError" and error["stage"] == "ingest", error
        assert "\n" not in error["message"] and error["message"].startswith(CAUSES), error
        assert f"{name}: {error['message']}" in done.stderr  # the one line the user sees
    # the scans, the empty and the encrypted file fail; real text PDFs do not
    assert {"empty.pdf", "password-example.pdf"} <= set(errors)
    assert len(documents) >= 45
    for name in ("WARN-Report-for-7-1-2015-to-03-25-2016.pdf", "federal-register-2020-17221.pdf",
                 "nics-background-checks-2015-11-rotated.pdf", "malformed-from-issue-932.pdf"):
        assert documents[name]["pages"] >= 1, name


def test_max_pages_is_one_error_line_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "three.pdf").write_bytes(make_pdf.plain_pdf([["Japan provided grant aid to Kenya."]] * 3))
    (folder / "one.pdf").write_bytes(make_pdf.plain_pdf([["Japan provided grant aid to Ghana in 2019."]]))
    out = tmp_path / "out"
    done = _run(str(folder), "--out", str(out), "--jobs", "1", "--max-pages", "2", "--pdf-engine", "pdfplumber", "-q")
    assert done.returncode == 1
    errors = _records(out / "errors.jsonl")
    assert [(Path(e["path"]).name, e["message"]) for e in errors] == [
        ("three.pdf", "3 pages, over the 2-page limit (raise it with --max-pages)")
    ]
    assert [d["doc_id"] for d in _records(out / "documents.jsonl")] == ["one"]
