"""Accuracy through the PDF reader against the text path, on the corpus seeds.

Each seed in corpus/ is rendered as a two-column PDF (running header, page
numbers, captions, footnotes, hyphenation: tests/pipeline/readers/make_pdf.py),
then both the .txt and the .pdf go through the whole pipeline
(pipeline.run.process_document) and are scored against
tests/data/gold-seeds.jsonl with pipeline.evaluate.

Gold offsets index the .txt text, so for the PDF the gold mentions are first
re-anchored onto the PDF reader's text: each one is looked up there with its
context from the .txt (40, 20, 10, 5 chars on each side, same line), and
without context, nearest to where it should be, as a last resort. The value
F1 of both paths and their difference are printed.

    .venv/bin/python scripts/pdf_vs_text_accuracy.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from odaextract.models import GoldDocument, GoldMention  # noqa: E402
from odaextract.pipeline.evaluate import Span, evaluate, format_table, load_gold  # noqa: E402

CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold-seeds.jsonl"
SEEDS = ("wpdc-2017-security-stability", "wpdc-2023-security-stability")


def _find_all(text: str, needle: str) -> list[int]:
    hits, at = [], text.find(needle)
    while at != -1:
        hits.append(at)
        at = text.find(needle, at + 1)
    return hits


def anchor(gold: GoldDocument, source: str, target: str) -> tuple[GoldDocument, int]:
    """Gold mentions moved from offsets in `source` to offsets in `target`; and how many were not found."""
    used: set[int] = set()
    mentions: list[GoldMention] = []
    missing = 0
    for mention in sorted(gold.mentions, key=lambda m: m.start):
        line_start = source.rfind("\n", 0, mention.start) + 1
        if source.startswith("- ", line_start):  # the text editions' note prefix is not printed
            line_start += 2
        line_end = source.find("\n", mention.end)
        line_end = len(source) if line_end == -1 else line_end
        found: Optional[int] = None
        for k in (40, 20, 10, 5):
            left = source[max(line_start, mention.start - k) : mention.start]
            right = source[mention.end : min(line_end, mention.end + k)]
            hits = [h + len(left) for h in _find_all(target, left + mention.text + right)]
            hits = [h for h in hits if h not in used]
            if len(hits) == 1:
                found = hits[0]
                break
        if found is None:
            hits = [h for h in _find_all(target, mention.text) if h not in used]
            if hits:
                expected = mention.start / max(1, len(source)) * len(target)
                found = min(hits, key=lambda h: abs(h - expected))
        if found is None:
            missing += 1
            continue
        used.add(found)
        mentions.append(mention.model_copy(update={"start": found, "end": found + len(mention.text)}))
    return GoldDocument(doc_id=gold.doc_id, mentions=mentions), missing


def _spans(mentions) -> list[Span]:
    spans = []
    for mention in mentions:
        record = mention.model_dump(mode="json")
        spans.append(Span(record["start"], record["end"], record["label"], record.get("norm") or {}))
    return spans


def compare(doc_ids, work_dir: Path, annotator=None) -> dict[str, Any]:
    """Score the text and PDF paths on `doc_ids`; returns {"text": report, "pdf": report, "unanchored": n}."""
    from odaextract.pipeline.annotate import Annotator
    from odaextract.pipeline.ingest import read_document
    from odaextract.pipeline.run import process_document
    from tests.pipeline.readers import make_pdf

    annotator = annotator or Annotator()
    gold_by_id = {doc.doc_id: doc for doc in load_gold(GOLD)}
    text_gold, pdf_gold = [], []
    text_pred: dict[str, list[Span]] = {}
    pdf_pred: dict[str, list[Span]] = {}
    unanchored = 0
    work_dir.mkdir(parents=True, exist_ok=True)
    for doc_id in doc_ids:
        txt_path = CORPUS / f"{doc_id}.txt"
        year = doc_id.split("-")[1]
        rendered = make_pdf.render(
            make_pdf.corpus_elements(txt_path),
            title=f"White Paper on Development Cooperation {year}",
            title_page=False,
        )
        pdf_path = work_dir / f"{doc_id}.pdf"
        pdf_path.write_bytes(rendered.data)
        text_mentions = process_document(txt_path, annotator)[1]  # (document, mentions, ...)
        pdf_mentions = process_document(pdf_path, annotator)[1]
        text_pred[doc_id] = _spans(text_mentions)
        pdf_pred[doc_id] = _spans(pdf_mentions)
        gold = gold_by_id[doc_id]
        text_gold.append(gold)
        anchored, missing = anchor(gold, txt_path.read_text("utf-8"), read_document(pdf_path).text)
        pdf_gold.append(anchored)
        unanchored += missing
    return {
        "text": evaluate(text_gold, text_pred),
        "pdf": evaluate(pdf_gold, pdf_pred),
        "unanchored": unanchored,
    }


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        scores = compare(SEEDS, Path(tmp))
    text_f1 = scores["text"]["ALL"]["value"]["f1"]
    pdf_f1 = scores["pdf"]["ALL"]["value"]["f1"]
    print("text path:")
    print(format_table(scores["text"]))
    print("\nPDF path (gold re-anchored onto the PDF text):")
    print(format_table(scores["pdf"]))
    print(f"\ngold mentions not found in the PDF text: {scores['unanchored']}")
    print(f"overall value F1: text {text_f1:.4f}  pdf {pdf_f1:.4f}  difference {pdf_f1 - text_f1:+.4f}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0 if abs(pdf_f1 - text_f1) <= 0.02 else 1


if __name__ == "__main__":
    raise SystemExit(main())
