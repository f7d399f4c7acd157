"""The model's `ner` behind its gate: read only where model_entities can keep a span."""

from __future__ import annotations

import re

import spacy

from odaextract.pipeline.annotate import Annotator, build_nlp
from odaextract.pipeline.components.ner_gate import sentences_to_read
from odaextract.pipeline.ingest import read_document
from odaextract.pipeline.organizations import has_org_head, org_head_word_pattern
from odaextract.pipeline.structure import structure
from tests.conftest import ROOT


def test_sentences_to_read_are_those_holding_a_head_word():
    text = "Japan gave $5 million. The Kenya Ports Authority will build a berth. Prices rose."
    bounds = [(0, 22), (23, 68), (69, 81)]
    assert sentences_to_read(text, bounds, re.compile("Authority|Agency")) == [(23, 68)]


def test_every_name_with_an_org_head_is_found_by_the_gates_pattern():
    # The gate must read a superset of what has_org_head keeps: any accepted name
    # holds a word the pattern finds.
    pattern = org_head_word_pattern()
    names = ["Kenya Ports Authority", "Japan International Cooperation Agency", "Instituto Nacional de Salud",
             "Sewalanka Foundation", "Friends of Nkawkaw Community Association", "Toyota Tsusho Co., Ltd."]
    for name in names:
        assert has_org_head(name), name
        assert pattern.search(name), name
    assert not pattern.search("Japan gave grant aid to Kenya in 2019.")


def _config_without_gate(tmp_path):
    text = (ROOT / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    text = text.replace('components = ["sentencizer", "ner_gate", ', 'components = ["sentencizer", ')
    text = text.replace('gated = {"ner": "ner_gate"}', "")
    path = tmp_path / "ungated.cfg"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_gate_changes_no_mention_on_the_seeds_and_heldout_sets(annotator, tmp_path):
    # The gated pipeline reads about a third of the words; the mentions it gives must be
    # those of the model reading every block.
    ungated = Annotator(nlp=build_nlp(_config_without_gate(tmp_path)))
    assert "ner" in ungated.nlp.pipe_names and "ner" not in annotator.nlp.pipe_names
    paths = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "heldout3").glob("*.txt"))]
    for path in paths:
        structured = structure(read_document(path))
        gated = annotator.annotate(structured)
        full = ungated.annotate(structured)
        assert [b.mentions for b in gated.blocks] == [b.mentions for b in full.blocks], path.name


def test_the_gate_reads_only_sentences_with_head_words(annotator):
    gate = annotator.nlp.get_pipe("ner_gate")
    doc = annotator.nlp.make_doc("Japan gave $5 million to Kenya. The Kenya Ports Authority will build a berth.")
    doc = annotator.nlp.get_pipe("sentencizer")(doc)
    spans = gate.match(doc)
    assert [span.text for span in spans] == ["The Kenya Ports Authority will build a berth."]
    doc = gate(doc)
    assert all(ent.start >= spans[0].start for ent in doc.ents)


def test_a_gate_without_its_model_is_a_config_error():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    gate = nlp.add_pipe("odaextract_ner_gate")
    try:
        gate(nlp("The Kenya Ports Authority."))
    except RuntimeError as exc:
        assert "no model `ner` attached" in str(exc)
    else:
        raise AssertionError("a gate without `ner` ran")
