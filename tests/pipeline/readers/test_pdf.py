"""The PDF reader on generated two-column white-paper pages (see make_pdf.py)."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import fpdf  # noqa: F401  (test extra: generates the PDFs; a missing extra fails, never skips)
import pytest

from odaextract.pipeline.ingest import InputError, read_document  # noqa: E402
from odaextract.pipeline.readers import pdf as pdf_reader  # noqa: E402
from odaextract.pipeline.readers.pdf import read_pdf  # noqa: E402
from odaextract.pipeline.structure import structure  # noqa: E402
from tests.conftest import CORPUS, ROOT  # noqa: E402
from tests.pipeline.readers import make_pdf  # noqa: E402

SEED_2017 = CORPUS / "wpdc-2017-security-stability.txt"
SEED_2023 = CORPUS / "wpdc-2023-security-stability.txt"


def _read(tmp_path: Path, rendered: make_pdf.Rendered, name: str = "wpdc-test.pdf", **kwargs):
    path = tmp_path / name
    path.write_bytes(rendered.data)
    return path, read_pdf(path, rendered.data, **kwargs)


def _page_at(result, offset: int):
    for span in result.pages:
        if span.start <= offset < span.end:
            return span.number
    return None


def _unhyphen(text: str) -> str:
    return re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)


def _block_texts(result) -> list[str]:
    return [result.text[b.start : b.end] for b in result.blocks]


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    """Our own section (every element kind) followed by the 2023 seed."""
    rendered = make_pdf.render(make_pdf.own_elements() + make_pdf.corpus_elements(SEED_2023))
    path, result = _read(tmp_path_factory.mktemp("own"), rendered, workers=1)
    return rendered, path, result


@pytest.fixture(scope="module")
def seed_2017(tmp_path_factory):
    rendered = make_pdf.render(make_pdf.corpus_elements(SEED_2017), title_page=False)
    path, result = _read(tmp_path_factory.mktemp("seed"), rendered, "wpdc-2017-security-stability.pdf", workers=1)
    return rendered, path, result


def test_fixture_is_two_columns_with_header_and_page_numbers(own):
    """The generator does what the tests rely on (pdfplumber's plain text interleaves it)."""
    import pdfplumber

    rendered, path, _ = own
    assert rendered.pages >= 4
    assert rendered.hyphenated
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]
        plain = page.extract_text()
        page.close()
    assert rendered.header_texts[0] in plain  # the running header is in the raw text
    assert plain.strip().endswith("2")  # and the page number


@pytest.mark.parametrize("fixture", ["own", "seed_2017"])
def test_every_paragraph_comes_back_whole_and_in_order(fixture, request):
    """Reading order: each source paragraph is one block, verbatim — never interleaved
    with the other column, its line-end hyphens undone, its line breaks spaces."""
    rendered, _, result = request.getfixturevalue(fixture)
    blocks = _block_texts(result)
    expected = rendered.texts("body", "box_body", "caption", "note", "gloss_term", "gloss_text")
    missing = [text for text in expected if text not in blocks]
    # One ambiguity is allowed: a compound broken at its own hyphen ("large-/scale")
    # that the document spells nowhere else reads as one word split in two.
    compounds = {w for w in rendered.hyphenated if "-" in w.strip("-")}
    loose = {_unhyphen(b) for b in blocks}
    for text in missing:
        assert _unhyphen(text) in loose, text
        assert any(w.strip(".,;:()“”\"") in text for w in compounds), text
    assert len(missing) <= 2
    # and in the source order (notes are footnotes: they move to their page's foot)
    flowing = [t for t in rendered.texts("body", "box_body", "h4", "h5", "h6", "h7", "part", "chapter", "section")]
    positions = [blocks.index(t) for t in flowing if t in blocks]
    assert positions == sorted(positions)


def test_running_headers_and_page_numbers_are_removed(own):
    rendered, _, result = own
    left, right = rendered.header_texts
    assert right not in result.text
    # the edition title is the title page's heading, once; not a header on every page
    assert result.text.count(left) == 1
    for number in range(1, rendered.pages + 1):
        assert str(number) not in _block_texts(result)
    assert not re.search(r"(?m)^\d{1,3}$", result.text)


def test_headers_lower_on_the_page_go_as_repeated_lines(tmp_path):
    """A header lower on the page (54 pt down): dropped because it repeats at the page edge."""
    elements = make_pdf.own_elements() + make_pdf.corpus_elements(SEED_2023)
    rendered = make_pdf.render(elements, header_y=54.0, header_right="Chapter 2 Japan’s ODA by Issue")
    _, result = _read(tmp_path, rendered, workers=1)
    assert "Japan’s ODA by Issue" not in result.text
    assert result.text.count(rendered.header_texts[0]) == 1


def test_hyphenated_words_are_rejoined(own, seed_2017):
    for rendered, _, result in (own, seed_2017):
        assert len(rendered.hyphenated) >= 5
        for word in rendered.hyphenated:
            assert _unhyphen(word.strip(".,;:()“”\"")) in _unhyphen(result.text)
        split_words = [w for w in rendered.hyphenated if "-" not in w.strip("-")]
        assert split_words and all(w.strip(".,;:()“”\"") in result.text for w in split_words)
        # no "frag- ment" left behind (the sources have one: "cyber- attacks")
        leftovers = set(re.findall(r"[a-z]- [a-z]\w*", result.text)) - {"r- attacks"}
        assert not leftovers


def test_compound_hyphens_are_kept_at_line_ends():
    line = lambda text, page=1: pdf_reader.Line(page, text, 0, 100, 0, 10, 9, False, False, "L", 0, 100, "")
    vocabulary = pdf_reader._vocabulary([line("counter-terrorism measures"), line("the counter-terrorism unit")])
    text, _ = pdf_reader._join([line("support for counter-"), line("terrorism in Asia")], vocabulary)
    assert text == "support for counter-terrorism in Asia"
    text, _ = pdf_reader._join([line("the Democra-"), line("tic Republic")], vocabulary)
    assert text == "the Democratic Republic"
    text, _ = pdf_reader._join([line("the Japan-"), line("ASEAN Summit")], vocabulary)
    assert text == "the Japan-ASEAN Summit"


def test_pages_are_recorded_for_every_block(own):
    rendered, _, result = own
    assert [span.number for span in result.pages] == list(range(1, rendered.pages + 1))
    assert result.pages[0].start == 0 and result.pages[-1].end == len(result.text)
    for a, b in zip(result.pages, result.pages[1:]):
        assert a.end == b.start
    blocks = _block_texts(result)
    checked = 0
    for placed in rendered.placed:
        if placed.whole and placed.kind == "body" and placed.text in blocks:
            block = result.blocks[blocks.index(placed.text)]
            assert _page_at(result, block.start) == placed.first_page, placed.text[:60]
            checked += 1
    assert checked >= 10


def test_headings_get_levels_and_give_section_paths(own):
    _, path, result = own
    levels = {result.text[b.start : b.end]: b.level for b in result.blocks if b.kind == "heading"}
    assert levels["Part III Japan's Development Cooperation by Region"] == 1
    assert levels["Chapter 2 Assistance for Each Region"] == 2
    assert levels["Section 1 Southeast Asia"] == 3
    assert levels["(1) Connectivity and Quality Infrastructure"] == 4
    assert levels["● Disaster Risk Reduction"] == 5
    assert levels["• Early Warning Systems"] == 6
    assert levels["■ Community-Based Preparedness"] == 7
    assert levels["ODA Topics"] > 4  # unnumbered: ranked by its size among the numbered
    structured = structure(read_document(path))
    assert structured.edition_year == 2017
    sections = {
        structured.source.text[b.start : b.end][:40]: b.section for b in structured.blocks if b.kind == "paragraph"
    }
    assert sections["Community-based preparedness complements"] == (
        "Part III Japan's Development Cooperation by Region > Chapter 2 Assistance for Each Region"
        " > Section 1 Southeast Asia > (1) Connectivity and Quality Infrastructure > Disaster Risk Reduction"
        " > Early Warning Systems > Community-Based Preparedness"
    )
    assert sections["Human resources development is the found"].endswith("(2) Human Resources Development")


def test_captions_and_notes_are_their_own_blocks(own, seed_2017):
    _, _, result = own
    kinds = {result.text[b.start : b.end]: b.kind for b in result.blocks}
    assert kinds["Residents taking part in an evacuation drill organized with the local government in Leyte (Photo: JICA)"] == "caption"
    assert kinds["Note 12: The amounts are disbursements on a net basis unless otherwise noted."] == "note"
    assert sum(kind == "note" for kind in kinds.values()) >= 7  # Note 12, 42-47
    _, _, result = seed_2017
    kinds = {result.text[b.start : b.end]: b.kind for b in result.blocks}
    assert kinds["*Trafficking in persons"] == "note"
    assert any(kind == "note" and text.startswith("Trafficking in persons refers") for text, kind in kinds.items())
    assert any(kind == "note" and text.startswith("Note 28:") for text, kind in kinds.items())


def test_title_gives_the_edition_year(seed_2017, tmp_path):
    rendered, path, result = seed_2017
    assert result.title == "White Paper on Development Cooperation 2017"
    assert structure(read_document(path)).edition_year == 2017


def test_serial_and_parallel_extraction_give_the_same_result(tmp_path, monkeypatch):
    rendered = make_pdf.long_document(CORPUS, pages=24)
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.data)
    serial = read_pdf(path, rendered.data, workers=1)
    parallel = read_pdf(path, rendered.data, workers=2)
    assert serial == parallel
    monkeypatch.setenv(pdf_reader.WORKERS_ENV, "1")
    assert pdf_reader._workers(500, None) == 1
    monkeypatch.delenv(pdf_reader.WORKERS_ENV)
    assert pdf_reader._workers(10, None) == 1  # short PDFs stay in-process


def test_pages_read_in_the_callers_processes_give_the_same_result(tmp_path):
    # The batch lends its block pool to the reader (shared_page_processes); this process
    # reads the ranges no process has started yet. Same pages, same order, same result.
    from concurrent.futures import ProcessPoolExecutor

    rendered = make_pdf.long_document(CORPUS, pages=24)
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.data)
    serial = read_pdf(path, rendered.data, workers=1)
    with ProcessPoolExecutor(max_workers=2) as executor:
        asked = []

        def lend():
            asked.append(True)
            return executor

        with pdf_reader.shared_page_processes(lend):
            shared = read_pdf(path, rendered.data, workers=2)
        assert asked  # the lent processes were used, not a pool of the reader's own
    assert shared == serial
    ranges = pdf_reader._ranges(24, 2)
    assert ranges[0][0] == 0 and ranges[-1][1] == 24 and all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))


def _page_process_dies(*args, **kwargs):
    os._exit(1)  # the page process vanishes, as when the OOM killer strikes (module level: pickled by name)


def test_regression_a_dead_page_process_is_not_re_run_in_secret(tmp_path, monkeypatch):
    # Issue 17: a pool failure was silently re-run serially; it is an internal error now.
    from concurrent.futures.process import BrokenProcessPool

    rendered = make_pdf.long_document(CORPUS, pages=24)
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.data)

    monkeypatch.setattr(pdf_reader, "_extract_range", _page_process_dies)
    with pytest.raises(BrokenProcessPool):
        read_pdf(path, rendered.data, workers=2)


def test_no_page_processes_to_be_had_reads_in_one_process_and_says_so(tmp_path, monkeypatch, capsys):
    rendered = make_pdf.long_document(CORPUS, pages=24)
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.data)
    serial = read_pdf(path, rendered.data, workers=1)

    def no_processes(*args, **kwargs):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(pdf_reader, "ProcessPoolExecutor", no_processes)
    assert read_pdf(path, rendered.data, workers=2) == serial
    assert "cannot start PDF page processes" in capsys.readouterr().err


def _bad(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "\n" not in info.value.cause
    return info.value.cause


def test_bad_pdfs_are_clear_one_line_errors(tmp_path, own):
    good = own[0].data
    assert _bad(tmp_path, "empty.pdf", b"") == "empty file"
    assert _bad(tmp_path, "text.pdf", b"White Paper on Development Cooperation") == "not a PDF (no %PDF header)"
    assert _bad(tmp_path, "page.pdf", b"<html><body>a web page</body></html>") == "not a PDF (no %PDF header)"
    assert _bad(tmp_path, "cut.pdf", good[: len(good) // 2]).startswith("truncated or damaged PDF")
    damaged = good[:200] + b"\x00garbage" * 50 + good[-60:]
    assert _bad(tmp_path, "damaged.pdf", damaged).startswith("truncated or damaged PDF")
    assert _bad(tmp_path, "locked.pdf", make_pdf.encrypted_pdf()) == "encrypted PDF; decrypt it first"
    assert _bad(tmp_path, "scan.pdf", make_pdf.image_only_pdf()) == "no text layer; OCR it first"


def test_a_batch_with_pdfs_records_errors_and_goes_on(tmp_path, annotator, own):
    import orjson

    from odaextract.pipeline.run import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wpdc-own.pdf").write_bytes(own[0].data)
    (folder / "scan.pdf").write_bytes(make_pdf.image_only_pdf())
    (folder / "locked.pdf").write_bytes(make_pdf.encrypted_pdf())
    (folder / "cut.pdf").write_bytes(own[0].data[:5000])
    (folder / "wpdc-2017.txt").write_bytes(SEED_2017.read_bytes())
    out = tmp_path / "out"
    run([folder], out, annotator=annotator)

    def records(name):
        return [orjson.loads(line) for line in (out / name).read_bytes().splitlines() if line.strip()]

    documents = {d["doc_id"]: d for d in records("documents.jsonl")}
    assert sorted(documents) == ["wpdc-2017", "wpdc-own"]
    errors = {Path(e["path"]).name: e for e in records("errors.jsonl")}
    assert {name: e["message"] for name, e in errors.items() if name != "cut.pdf"} == {
        "scan.pdf": "no text layer; OCR it first",
        "locked.pdf": "encrypted PDF; decrypt it first",
    }
    assert errors["cut.pdf"]["message"].startswith("truncated or damaged PDF")
    assert all(e["stage"] == "ingest" for e in errors.values())
    document = documents["wpdc-own"]
    assert document["format"] == "pdf" and document["pages"] == own[0].pages and document["edition_year"] == 2017
    text = read_document(folder / "wpdc-own.pdf").text
    mine = [m for m in records("mentions.jsonl") if m["doc_id"] == "wpdc-own"]
    assert len(mine) > 50
    for mention in mine:
        assert text[mention["start"] : mention["end"]] == mention["text"]  # offsets index the reader's text
        assert mention["page"] is not None and 1 <= mention["page"] <= own[0].pages
    pages = [m["page"] for m in sorted(mine, key=lambda m: m["start"])]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] >= own[0].pages - 1
    saved = out / "texts" / "wpdc-own.txt"
    if saved.exists():  # the run keeps each document's text beside the datasets
        assert saved.read_text("utf-8") == text


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("pdf_vs_text_accuracy", ROOT / "scripts" / "pdf_vs_text_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pdf_path_accuracy_stays_within_002_of_the_text_path(tmp_path, annotator):
    """Overall value F1 through the PDF equals the text path's within 0.02 (one seed)."""
    module = _accuracy_module()
    scores = module.compare(["wpdc-2017-security-stability"], tmp_path, annotator)
    text_f1, pdf_f1 = scores["text"]["ALL"]["value"]["f1"], scores["pdf"]["ALL"]["value"]["f1"]
    assert text_f1 > 0.5
    assert abs(text_f1 - pdf_f1) <= 0.02, (text_f1, pdf_f1)
    assert scores["unanchored"] == 0
