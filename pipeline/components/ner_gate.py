"""The model's `ner`, run only on the sentences where its output can count.

The statistical model's entities feed one component, `model_entities`, which
keeps an ORG span only when it has an organizational head word ("Agency",
"Fund", "Institut" ...: `organizations.has_org_head`) and never in a heading.
A sentence that holds none of those words cannot give a kept span, so the
model need not read it: this component finds the sentences that do
(`sentences_to_read`, a regex over the text, no per-token Python) and runs
the real `ner` over them as sub-Docs in one batch, then writes their
entities back on the block's Doc. On the bench workload that is 37% of the
tokens, and the mentions are the same (tests/pipeline/components).

`ner` is the model package's own component, handed over by `build_nlp`
(`attach_model`): it is not loaded twice and its weights are untouched.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from odaextract.pipeline.components.candidates import doc_text
from odaextract.pipeline.components.resolver import sentence_bounds


def sentences_to_read(text: str, bounds: list[tuple[int, int]], heads: re.Pattern[str]) -> list[tuple[int, int]]:
    """The sentences (character ranges of `text`) holding a head word."""
    return [(start, end) for start, end in bounds if heads.search(text, start, end)]


class NerGate:
    def __init__(self, name: str, heads: re.Pattern[str]):
        self.name = name
        self.heads = heads
        self.ner: Optional[Callable] = None  # the model's `ner`, set by `attach_model`

    def attach_model(self, ner) -> None:
        self.ner = ner

    def match(self, doc: Doc) -> list[Span]:
        """The sentence spans of `doc` the model must read."""
        if (doc._.odax_context or {}).get("kind") == "heading":
            return []  # model_entities keeps nothing from headings
        text = doc_text(doc)
        spans = []
        for start, end in sentences_to_read(text, sentence_bounds(doc), self.heads):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        return spans

    def set_annotations(self, doc: Doc, read: list[tuple[Span, Doc]]) -> None:
        ents = [Span(doc, span.start + ent.start, span.start + ent.end, label=ent.label_) for span, sub in read for ent in sub.ents]
        doc.set_ents(ents, default="outside")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        if self.ner is None:
            raise RuntimeError(f"component {self.name!r} has no model `ner` attached (build_nlp attaches it)")
        for batch in minibatch(docs, size=batch_size):
            wanted = [(doc, self.match(doc)) for doc in batch]
            spans = [span for _, found in wanted for span in found]
            subs = list(self.ner.pipe((span.as_doc() for span in spans), batch_size=max(1, len(spans)))) if spans else []
            read = iter(zip(spans, subs))
            for doc, found in wanted:
                self.set_annotations(doc, [next(read) for _ in found])
            yield from batch


@spacy.registry.misc("odaextract.org_head_words.v1")
def make_org_head_words() -> re.Pattern[str]:
    from odaextract.pipeline.organizations import org_head_word_pattern

    return org_head_word_pattern()


@Language.factory(
    "odaextract_ner_gate",
    default_config={"heads": {"@misc": "odaextract.org_head_words.v1"}},
    requires=["token.is_sent_start"],
    assigns=["doc.ents"],
)
def make_ner_gate(nlp: Language, name: str, heads: re.Pattern[str]) -> NerGate:
    return NerGate(name, heads)
