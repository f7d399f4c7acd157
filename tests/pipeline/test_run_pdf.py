"""A long PDF through the batch: its pages read in the block pool's processes
(and the main one), the datasets the same bytes whatever --jobs is."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from odaextract.pipeline import run as run_module
from odaextract.pipeline.annotate import BlockPool
from odaextract.pipeline.readers import pdf as pdf_reader
from odaextract.pipeline.run import _restart_if_broken, run
from tests.conftest import CORPUS
from tests.pipeline.readers import make_pdf

NAMES = ("mentions.jsonl", "facts.jsonl", "tracks.jsonl", "documents.jsonl", "errors.jsonl")


def test_a_long_pdf_gives_the_same_datasets_with_one_or_two_jobs(tmp_path, monkeypatch):
    # --jobs 2: pages read in the block pool and the main process, blocks annotated in
    # the pool, the facts parse split over the pool (its threshold lowered to this PDF)
    monkeypatch.setattr(run_module, "POOL_PARSE_MIN_SENTENCES", 2)
    parsers = []
    original = run_module._pool_parser

    def spy(pool, annotator):
        parse = original(pool, annotator)
        parsers.append(parse.__qualname__)
        return parse

    monkeypatch.setattr(run_module, "_pool_parser", spy)
    pages = pdf_reader.PARALLEL_MIN_PAGES + 20  # long enough for the page processes
    rendered = make_pdf.long_document(CORPUS, pages=pages)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.pdf").write_bytes(rendered.data)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    first = run([folder], serial, jobs=1)
    second = run([folder], parallel, jobs=2)
    assert first.ok and second.ok and second.count("processed") == 1
    assert parsers[0].startswith("_pool_parser") is False  # --jobs 1: this process parses
    assert parsers[1].startswith("_pool_parser.")  # --jobs 2: the pool does
    assert first.mention_counts["MONEY"] > 0 and first.fact_count > 0
    for name in NAMES:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes(), name
    assert (serial / "texts" / "long.txt").read_bytes() == (parallel / "texts" / "long.txt").read_bytes()


def _dies() -> None:
    os._exit(1)  # a worker killed (module level: pickled by name)


def test_regression_a_broken_block_pool_is_replaced_for_the_next_document():
    # A worker that dies breaks its pool: that document is an internal error, and
    # the pool (which now also reads PDF pages) must not fail every later document.
    with BlockPool(2) as pool:
        with pytest.raises(BrokenProcessPool):
            pool.executor().submit(_dies).result()
        _restart_if_broken(pool)
        assert pool.executor().submit(int, "7").result() == 7
