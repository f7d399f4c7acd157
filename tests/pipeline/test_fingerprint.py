"""The cache key covers everything that decides the output (issue 17: stale cache).

Editing `pipeline/data/currencies.json` used to leave the cache valid: the
next run reported 2 skipped and kept the old amounts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from odaextract.pipeline import fingerprint
from tests.conftest import CORPUS, ROOT

DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pipeline" / "data").rglob("*") if p.is_file())


@pytest.fixture
def package_copy(tmp_path):
    """odaextract/, pipeline/ and models/ copied: edits never touch the repository."""
    for package in ("odaextract", *fingerprint.CODE_PACKAGES):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_copy_fingerprints_like_the_repository(package_copy):
    assert fingerprint.data_sha256(package_copy) == fingerprint.data_sha256(ROOT)
    assert fingerprint.code_sha256(package_copy) == fingerprint.code_sha256(ROOT)


@pytest.mark.parametrize("name", DATA_FILES)
def test_editing_any_data_file_changes_the_fingerprint(package_copy, name):
    before = fingerprint.fingerprint_parts(root=package_copy)
    path = package_copy / name
    path.write_bytes(path.read_bytes() + b"\n")
    after = fingerprint.fingerprint_parts(root=package_copy)
    assert after["data"] != before["data"]
    assert fingerprint.combine(after) != fingerprint.combine(before)


def test_code_and_new_stages_and_data_files_change_the_fingerprint(package_copy):
    # A facts or tracks stage added later is covered without anyone registering it.
    before = fingerprint.fingerprint_parts(root=package_copy)
    (package_copy / "pipeline" / "facts.py").write_text("RULE = 1\n")
    with_stage = fingerprint.fingerprint_parts(root=package_copy)
    assert with_stage["code"] != before["code"]
    (package_copy / "pipeline" / "data" / "fact_cues.json").write_text("[]\n")
    assert fingerprint.fingerprint_parts(root=package_copy)["data"] != with_stage["data"]
    models = package_copy / "models" / "mention.py"
    models.write_text(models.read_text() + "\n# changed\n")
    assert fingerprint.fingerprint_parts(root=package_copy)["code"] != with_stage["code"]


def test_the_resolved_config_is_in_the_fingerprint(tmp_path):
    config = tmp_path / "config.cfg"
    text = (ROOT / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    same = fingerprint.fingerprint_parts(config)["config"]
    assert same == fingerprint.fingerprint_parts()["config"]
    config.write_text(text + "\n# a comment changes nothing that decides the output\n", encoding="utf-8")
    assert fingerprint.fingerprint_parts(config)["config"] == same
    config.write_text(text.replace("batch_size = ", "batch_size = 1", 1), encoding="utf-8")
    assert fingerprint.fingerprint_parts(config)["config"] != same


def test_regression_editing_a_data_file_reprocesses_the_corpus(package_copy):
    # The issue's own case, end to end in a copy: `"$": "USD"` becomes CAD.
    shutil.copytree(CORPUS, package_copy / "corpus")
    command = [sys.executable, "-m", "odaextract.pipeline.cli", "run", "corpus", "--jobs", "1", "--quiet", "--out", "out"]
    where = subprocess.run([sys.executable, "-c", "import odaextract.pipeline; print(odaextract.pipeline.__file__)"],
                           cwd=package_copy, check=True, capture_output=True, text=True).stdout
    assert Path(where.strip()).is_relative_to(package_copy), "the copy, not the repository, must run"

    def currencies():
        lines = (package_copy / "out" / "mentions.jsonl").read_text().splitlines()
        return sorted(m["norm"]["currency"] for m in map(json.loads, lines) if m["label"] == "MONEY")

    subprocess.run(command, cwd=package_copy, check=True, capture_output=True)
    first = json.loads((package_copy / "out" / "manifest.json").read_text())
    assert "USD" in currencies()
    currencies_file = package_copy / "pipeline" / "data" / "currencies.json"
    edited = currencies_file.read_text(encoding="utf-8").replace('"$": "USD"', '"$": "CAD"')
    assert edited != currencies_file.read_text(encoding="utf-8")
    currencies_file.write_text(edited, encoding="utf-8")

    subprocess.run(command, cwd=package_copy, check=True, capture_output=True)
    second = json.loads((package_copy / "out" / "manifest.json").read_text())
    assert second["documents"] == {"processed": 2, "skipped": 0, "failed": 0}
    assert second["fingerprint_parts"]["data"] != first["fingerprint_parts"]["data"]
    assert second["fingerprint_parts"]["code"] == first["fingerprint_parts"]["code"]
    assert "CAD" in currencies()


def test_regression_the_pdf_engine_is_in_the_fingerprint(monkeypatch):
    # A run with another --pdf-engine reused the other engine's results until --force.
    monkeypatch.setenv("ODAX_PDF_ENGINE", "pdfium")
    pdfium = fingerprint.fingerprint_parts()
    monkeypatch.setenv("ODAX_PDF_ENGINE", "pdfplumber")
    plumber = fingerprint.fingerprint_parts()
    assert pdfium["pdf_engine"] == "pdfium" and plumber["pdf_engine"] == "pdfplumber"
    assert fingerprint.combine(pdfium) != fingerprint.combine(plumber)
