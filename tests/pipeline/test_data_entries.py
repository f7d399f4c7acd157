"""Issue 17: every data entry resolves as written, and a wrong code fails.

The country aliases are checked against an expectation list kept in the
tests (tests/data/country_alias_expectations.tsv), written and reviewed
apart from the data file, and against pycountry wherever pycountry itself
knows the form; then every alias and every registry surface is run through
the real spaCy pipeline in a sentence and must come back whole, with its
code or registry id. (Checked by planting "Syria" -> "SYC" in the data
file: the expectation test failed naming Syria; reverted.)
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECTATIONS = ROOT / "tests" / "data" / "country_alias_expectations.tsv"


def _data_aliases() -> dict[str, str]:
    data = json.loads(resources.files("odaextract.pipeline").joinpath("data/country_aliases.json").read_text("utf-8"))
    return data["aliases"]


def _expected() -> dict[str, str]:
    pairs = [line.split("\t") for line in EXPECTATIONS.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return {alias: code for alias, code in pairs}


def test_expectations_cover_exactly_the_aliases():
    assert set(_expected()) == set(_data_aliases())


def test_every_alias_has_the_expected_iso_code():
    expected = _expected()
    wrong = {alias: code for alias, code in _data_aliases().items() if expected.get(alias) != code}
    assert wrong == {}


def test_aliases_agree_with_pycountry_where_it_knows_the_form():
    checked = 0
    for alias, code in _data_aliases().items():
        try:
            known = pycountry.countries.lookup(alias)
        except LookupError:
            continue
        checked += 1
        assert known.alpha_3 == code, alias
    assert checked >= 50


@pytest.fixture(scope="module")
def pipe(annotator):
    def run(texts):
        docs = []
        for text in texts:
            doc = annotator.nlp.make_doc(text)
            doc._.odax_context = {"year": None, "kind": "paragraph"}
            docs.append(doc)
        for name, component in annotator.nlp.pipeline:
            docs = [component(doc) for doc in docs]
        return docs

    return run


def test_every_alias_resolves_as_written_in_a_sentence(pipe):
    aliases = _expected()
    texts = [f"Aid went to {alias} last year." for alias in aliases]
    failures = []
    for (alias, code), doc in zip(aliases.items(), pipe(texts)):
        found = [(doc.text[m.start : m.end], m.norm.get("iso3")) for m in doc._.odax_mentions if m.label == "COUNTRY"]
        if found != [(alias, code)]:
            failures.append((alias, code, found))
    assert failures == [], failures[:40]


def test_every_registry_surface_resolves_to_its_entry_in_a_sentence(pipe):
    from odaextract.pipeline.organizations import load_registry

    registry = load_registry()
    cases = []
    for entry in registry.entries:
        for surface in sorted({entry.name, *entry.aliases, *([entry.acronym] if entry.acronym else [])}):
            if registry.lookup(surface) is entry:  # surfaces two entries share are ambiguous by design
                cases.append((surface, entry.id))
    assert len(cases) > 1000
    failures = []
    for (surface, entry_id), doc in zip(cases, pipe([f"Support from {surface} arrived." for surface, _ in cases])):
        found = [(doc.text[m.start : m.end], m.norm.get("id")) for m in doc._.odax_mentions if m.label == "ORG"]
        if found != [(surface, entry_id)]:
            failures.append((surface, entry_id, found))
    assert failures == [], failures[:40]


def test_every_plain_alias_keeps_its_neighbours_in_a_list(pipe):
    # Issue 18: an alias must neither swallow nor lose a list neighbour ("South Korea, North Korea and China").
    aliases = {alias: code for alias, code in _expected().items() if "," not in alias}
    texts = [f"Japan assisted Kenya, {alias} and Peru." for alias in aliases]
    failures = []
    for (alias, code), doc in zip(aliases.items(), pipe(texts)):
        found = [(doc.text[m.start : m.end], m.norm.get("iso3")) for m in doc._.odax_mentions if m.label == "COUNTRY"]
        if found != [("Japan", "JPN"), ("Kenya", "KEN"), (alias, code), ("Peru", "PER")]:
            failures.append((alias, found))
    assert failures == [], failures[:40]
