"""The reader's fast paths give what the slow ones gave.

- Overprinted (fake-bold) chars: the numpy pre-check only picks which chars go
  through the exact check, so `dedupe` gives what the exact check over every
  char gives, on real PDFs with and without duplicates and on chars placed
  across cell boundaries.
- The trailing hyphen of a paragraph: found on its last word as on the whole text."""

from __future__ import annotations

import importlib
import random

import pytest

from odaextract.pipeline.readers.pdf.chars import Char, open_source
from tests.conftest import ROOT

words = importlib.import_module("odaextract.pipeline.readers.pdf.words")  # the module (the package exports `words()`)
REAL = ROOT / ".." / "shared" / "real-pdfs"


def _exact(chars: list[Char]) -> list[Char]:
    return [char for char, keep in zip(chars, words._exact(chars, 1.0)) if keep]


@pytest.mark.parametrize("name", ["issue-71-duplicate-chars.pdf", "issue-71-duplicate-chars-2.pdf", "scotus-transcript-p1.pdf"])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_dedupe_equals_the_exact_check_on_real_pages(name: str, engine: str) -> None:
    document = open_source(engine, (REAL / name).read_bytes())
    dropped = 0
    try:
        for index in range(document.page_count):
            chars = document.page(index).chars
            kept = words.dedupe(chars)
            assert kept == _exact(chars), (name, index)
            dropped += len(chars) - len(kept)
    finally:
        document.close()
    # overprinted pages: the exact check had work to do (PDFium itself merges the first file's)
    minimum = {"issue-71-duplicate-chars-2.pdf": 500, "issue-71-duplicate-chars.pdf": 200 if engine == "pdfplumber" else 0}
    assert dropped >= minimum.get(name, 0)


def test_dedupe_on_duplicates_across_cell_edges_and_chains() -> None:
    """Regression guard for the pre-check's cells: duplicates 0.1-1.0 pt apart on
    either side of a cell edge, chains (a ~ b ~ c, a not ~ c), near misses
    (1.01 pt), and same place in another font or size (not duplicates)."""
    rng = random.Random(15)
    chars: list[Char] = []
    for i in range(3000):
        x, y = rng.uniform(-5, 600), rng.uniform(0, 800)
        if rng.random() < 0.3:  # put it on a cell edge (cells are 2 pt)
            x = round(x / 2) * 2 - rng.choice((0.0, 1e-9, 0.3))
        text = rng.choice("aeiou")
        chars.append(Char(text, x, x + 4, y, y + 9, 9.0, "F"))
        roll = rng.random()
        if roll < 0.15:
            chars.append(Char(text, x + rng.uniform(-1, 1), x + 4, y + rng.uniform(-1, 1), y + 9, 9.0, "F"))
        elif roll < 0.2:  # a chain
            chars.append(Char(text, x + 0.9, x + 4, y, y + 9, 9.0, "F"))
            chars.append(Char(text, x + 1.8, x + 4, y, y + 9, 9.0, "F"))
        elif roll < 0.25:
            chars.append(Char(text, x + 1.01, x + 4, y, y + 9, 9.0, "F"))
        elif roll < 0.3:
            chars.append(Char(text, x, x + 4, y, y + 9, 9.0, "F-Bold"))
            chars.append(Char(text, x, x + 4, y, y + 9, 9.5, "F"))
    rng.shuffle(chars)
    kept = words.dedupe(chars)
    assert kept == _exact(chars)
    assert 0 < len(chars) - len(kept) < len(chars) // 4


def test_dedupe_without_any_candidate_keeps_every_char_in_order() -> None:
    line = [Char(c, 10.0 + 5 * i, 14.0 + 5 * i, 100.0, 109.0, 9.0, "F") for i, c in enumerate("a line of text")]
    assert words.dedupe(line) == line


@pytest.mark.parametrize("text", [
    "support for counter-", "the Democra-", "a long paragraph that ends in develop-", "ends in a number 9-",
    "ends with a space -", "-", "", "no hyphen", "two  spaces  before-", "a\u00a0non-breaking\u00a0space-",
    "tab\tbefore-", "a hyphen before a newline-\n", "words-with-hyphens-", "(quoted “Democra-", "x-y -z-",
])
def test_regression_trailing_hyphen_looks_at_the_last_word_only_and_finds_the_same(text: str) -> None:
    # assembling a long PDF searched each whole paragraph once per line; the short
    # search must find what the full one finds, where it finds it
    blocks = importlib.import_module("odaextract.pipeline.readers.pdf.blocks")
    full, fast = blocks._TRAILING_HYPHEN.search(text), blocks._trailing_hyphen(text)
    assert (full and (full.span(), full.group(1))) == (fast and (fast.span(), fast.group(1)))
