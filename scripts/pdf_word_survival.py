"""Per PDF, the share of words that survive the reader, against pdfplumber's extract_text().

    .venv/bin/python scripts/pdf_word_survival.py [FOLDER_OR_FILES ...] [--engine pdfium|pdfplumber]

Default: every PDF in ../shared/real-pdfs (relative to the repository root).
Words are runs of letters and digits, lowercased, compared as multisets (so
word order and line joins do not count, a lost or invented word does). A
word split at a line-end hyphen that the reader rejoins counts as lost twice
in the reference's favour and found once: dehyphenated text scores a little
under 100% by design. "chars" is the same over the words' letters and
digits, which a reference that splits a word ("0 8 / 2 9 / 2 0 15") does not
penalize. "error" rows are PDFs the reader refuses with one line
(scans, encrypted, empty); their reference word count says whether text was
there to lose.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(_WORD.findall(text.lower()))


def letters(counter: Counter) -> Counter:
    """The words' characters: a word the reference splits ("2 0 15") still counts."""
    out: Counter = Counter()
    for word, n in counter.items():
        for ch in word:
            out[ch] += n
    return out


def reference(data: bytes) -> Counter:
    import pdfplumber

    found: Counter = Counter()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                found.update(words(page.extract_text() or ""))
                page.close()
    except Exception:  # the reference cannot read it either: nothing to lose
        pass
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / ".." / "shared" / "real-pdfs"])
    parser.add_argument("--engine", choices=["pdfium", "pdfplumber"], default="pdfium")
    args = parser.parse_args(argv)

    from odaextract.pipeline.reader_types import InputError
    from odaextract.pipeline.readers.pdf import read_pdf

    files: list[Path] = []
    for path in args.paths:
        files.extend(sorted(path.glob("*.pdf")) if path.is_dir() else [path])
    total_ref = total_kept = 0
    total_chars = [0, 0]
    rows = []
    for path in files:
        data = path.read_bytes()
        ref = reference(data)
        started = time.perf_counter()
        try:
            ours = words(read_pdf(path, data, workers=1, engine=args.engine).text)
            status = ""
        except InputError as exc:
            ours, status = Counter(), f"error: {exc.cause}"
        seconds = time.perf_counter() - started
        kept = sum((ref & ours).values())
        n = sum(ref.values())
        extra = sum((ours - ref).values())
        total_ref += n
        total_kept += kept
        share = kept / n if n else 1.0
        ref_chars, our_chars = letters(ref), letters(ours)
        chars = sum((ref_chars & our_chars).values()) / max(1, sum(ref_chars.values())) if n else 1.0
        total_chars[0] += sum((ref_chars & our_chars).values())
        total_chars[1] += sum(ref_chars.values())
        rows.append((share, path.name, n, kept, extra, chars, seconds, status))
    print(f"{'file':48} {'ref words':>9} {'kept':>7} {'share':>7} {'extra':>6} {'chars':>7} {'sec':>6}  note")
    for share, name, n, kept, extra, chars, seconds, status in sorted(rows):
        print(f"{name[:48]:48} {n:9d} {kept:7d} {share:7.1%} {extra:6d} {chars:7.1%} {seconds:6.2f}  {status}")
    print(f"{'ALL (' + str(len(rows)) + ' files, engine ' + args.engine + ')':48} {total_ref:9d} {total_kept:7d} "
          f"{(total_kept / total_ref if total_ref else 1):7.1%} {'':6} {total_chars[0] / max(1, total_chars[1]):7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
