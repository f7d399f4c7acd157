from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD_SEEDS = ROOT / "tests" / "data" / "gold-seeds.jsonl"
HELDOUT = ROOT / "tests" / "data" / "heldout"
# The shared contract folder beside the repository (guidelines, gold, real PDFs).
SHARED = (ROOT / ".." / "shared").resolve()


def pytest_sessionstart(session):
    if not (SHARED / "gold").is_dir():
        raise pytest.UsageError(f"{SHARED} is missing: the tests read the gold and real PDFs from ../shared")


@pytest.fixture(scope="session")
def annotator():
    """The real pipeline, loaded once: the model is the slow part."""
    from odaextract.pipeline.annotate import Annotator

    return Annotator()


@pytest.fixture(scope="session")
def seed_run(annotator, tmp_path_factory):
    """One `run` over the bundled corpus, shared by the contract tests."""
    from odaextract.pipeline.run import run

    out = tmp_path_factory.mktemp("seed-run")
    result = run([CORPUS], out, annotator=annotator)
    return out, result
