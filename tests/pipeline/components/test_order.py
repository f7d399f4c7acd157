"""Issue 17: components in the span_ruler manner.

The finders only add candidates (none edits another's), so their order in
config.cfg does not change the result; their algorithms and data are
registered callables a config can swap.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy

import odaextract.pipeline.components  # noqa: F401
from odaextract.pipeline.annotate import Annotator, config_text
from odaextract.pipeline.organizations import parse_registry
from odaextract.pipeline.run import process_document
from tests.conftest import CORPUS, HELDOUT

FINDERS = ["model_entities", "money", "dates", "countries", "organizations"]


def _config_with_order(tmp_path: Path, order: list[str]) -> Path:
    text = config_text()
    components = json.dumps(["sentencizer", "ner_gate", *order, "resolver"])
    changed, count = re.subn(r"^components = \[.*\]$", f"components = {components}", text, flags=re.M)
    assert count == 1
    path = tmp_path / "config.cfg"
    path.write_text(changed, encoding="utf-8")
    return path


def _mentions(annotator: Annotator, paths: list[Path]) -> list[tuple]:
    out = []
    for path in paths:
        _, mentions, _, _ = process_document(path, annotator)
        out.extend((m.doc_id, m.start, m.end, m.label, json.dumps(m.norm, sort_keys=True, default=str), m.source) for m in mentions)
    return out


def test_result_does_not_depend_on_component_order(annotator, tmp_path):
    # Regression: the organizations component deleted the model's candidates, so it had to run after them.
    extra = tmp_path / "defined-terms.txt"
    # A model ORG span inside a term the text defines as something else: the case the deletion handled.
    extra.write_text(
        "Training under the Regional Maritime Security Academy Framework (RMSAF) began in 2019.\n"
        "Japan supports Maritime Domain Awareness (MDA) and the Coast Guard Network Capacity (CGNC).\n",
        encoding="utf-8",
    )
    paths = sorted(CORPUS.glob("*.txt")) + sorted(HELDOUT.glob("*.txt"))[:2] + [extra]
    expected = _mentions(annotator, paths)
    assert len(expected) > 300
    assert not [m for m in expected if m[0] == "defined-terms" and m[3] == "ORG" and m[1] < 80]
    reversed_annotator = Annotator(_config_with_order(tmp_path, list(reversed(FINDERS))))
    assert [n for n in reversed_annotator.nlp.pipe_names if n in FINDERS] == list(reversed(FINDERS))
    assert _mentions(reversed_annotator, paths) == expected


@spacy.registry.misc("tests.tiny_org_registry.v1")
def _tiny_registry():
    entry = {"id": "acme", "name": "Acme Relief Agency", "acronym": "ARA", "aliases": [], "kind": "ngo"}
    return parse_registry([json.dumps(entry)], "tiny.jsonl")


def test_registry_is_an_injected_callable():
    nlp = spacy.blank("en")
    nlp.add_pipe("odaextract_organizations", config={"registry": {"@misc": "tests.tiny_org_registry.v1"}})
    doc = nlp("Aid from ARA and UNICEF arrived.")
    found = [(doc.text[c.start : c.end], c.source, c.norm.get("id")) for c in doc._.odax_candidates]
    assert found == [("ARA", "registry", "acme")]  # UNICEF is not in this registry


@pytest.mark.parametrize(
    "factory, key, callable_name",
    [
        ("odaextract_organizations", "registry", "odaextract.org_registry.v1"),
        ("odaextract_organizations", "gazetteer", "odaextract.country_gazetteer.v1"),
        ("odaextract_organizations", "name_finder", "odaextract.org_name_finder.v1"),
        ("odaextract_organizations", "definition_finder", "odaextract.definition_finder.v1"),
        ("odaextract_countries", "gazetteer", "odaextract.country_gazetteer.v1"),
        ("odaextract_model_entities", "gazetteer", "odaextract.country_gazetteer.v1"),
        ("odaextract_resolver", "policy", "odaextract.overlap_policy.v1"),
    ],
)
def test_packaged_config_names_every_injected_callable(factory, key, callable_name):
    from thinc.api import Config

    config = Config().from_str(config_text(), interpolate=False)
    sections = [c for c in config["components"].values() if c.get("factory") == factory]
    assert sections and all(c[key] == {"@misc": callable_name} for c in sections)
    assert spacy.registry.misc.get(callable_name)


def test_name_rule_uses_the_injected_gazetteer():
    """The injected gazetteer reaches the name rule: a country the tiny gazetteer knows ends an "of" tail."""
    from odaextract.pipeline.countries import Gazetteer

    @spacy.registry.misc("tests.tiny_gazetteer.v1")
    def _tiny_gazetteer():
        return Gazetteer({"Ruritania": "RUR"}, {"RUR": "Ruritania"}, frozenset())

    nlp = spacy.blank("en")
    nlp.add_pipe("odaextract_organizations", config={"gazetteer": {"@misc": "tests.tiny_gazetteer.v1"}})
    doc = nlp("The Ministry of Health of Ruritania met the Ministry of Health of Kenya.")
    names = sorted(doc.text[c.start : c.end] for c in doc._.odax_candidates if c.source == "rule")
    # Ruritania is a country here, so it is cut off; Kenya is not one to this gazetteer.
    assert names == ["Ministry of Health", "Ministry of Health of Kenya"]
