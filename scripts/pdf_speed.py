"""How fast the PDF reader is: pages per second, serial and parallel.

Generates a two-column white-paper PDF (tests/pipeline/readers/make_pdf.py:
running headers, page numbers, captions, boxes, footnotes, hyphenation) of
--pages pages (default 200), then times pipeline.readers.pdf.read_pdf with
one process and with one per core (os.cpu_count()).

    .venv/bin/python scripts/pdf_speed.py [--pages 200] [--keep out.pdf]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="also write the generated PDF here")
    args = parser.parse_args()

    from odaextract.pipeline.readers.pdf import read_pdf
    from tests.pipeline.readers.make_pdf import long_document

    started = time.perf_counter()
    rendered = long_document(ROOT / "corpus", pages=args.pages)
    print(f"generated {rendered.pages} pages ({len(rendered.data) / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    path = args.keep or ROOT / "outputs" / "pdf-speed.pdf"
    if args.keep:
        path.write_bytes(rendered.data)
    cpus = os.cpu_count() or 1
    results = {}
    for label, workers in (("serial", 1), (f"parallel ({cpus} processes)", cpus)):
        started = time.perf_counter()
        result = read_pdf(path, rendered.data, workers=workers)
        seconds = time.perf_counter() - started
        results[label] = result
        print(f"{label:>24}: {rendered.pages / seconds:6.2f} pages/s  ({seconds:.1f} s, {len(result.text):,} chars)")
    same = len({(r.text, r.pages, r.blocks) for r in results.values()}) == 1
    print(f"serial and parallel results identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
