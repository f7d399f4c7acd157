"""Pick the final mentions: non-overlapping, highest priority first.

The precedence (candidates.PRIORITY) puts rules over the statistical model:
money, then dates, then organizations (so a country inside an organization's
name stays part of it), then countries, then the model's own ORG spans.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from odaextract.pipeline.components.candidates import Candidate, doc_text
from odaextract.pipeline.sentences import QUOTES, is_sentence_end

_CLOSERS = QUOTES + ")]"


class ResolvedMention(NamedTuple):
    start: int
    end: int
    label: str
    source: str
    norm: dict
    sentence_start: int
    sentence_end: int


def select_non_overlapping(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Greedy by (priority, length): the span rules say mentions never overlap."""
    ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for candidate in ranked:
        if candidate.end <= candidate.start:
            continue
        if any(candidate.start < end and start < candidate.end for start, end in occupied):
            continue
        taken.append(candidate)
        occupied.append((candidate.start, candidate.end))
    return sorted(taken, key=lambda c: c.start)


def overlap_policy(candidates: Iterable[Candidate], abbreviations: Optional[Sequence] = None) -> list[Candidate]:
    """The final mentions from every component's candidates, whatever order they came in.

    A term the text defines as something other than an organization ("Maritime
    Domain Awareness (MDA)") contradicts the model's guess that part of it is
    an organization: model ORG candidates inside such a long form are dropped.
    Then greedy by (priority, length), see `select_non_overlapping`.
    """
    not_org = [(ls, le) for ls, le, _, _, names in abbreviations or () if names != "ORG"]
    kept = [
        c
        for c in candidates
        if not (not_org and c.source == "model" and any(c.start < le and ls < c.end for ls, le in not_org))
    ]
    return select_non_overlapping(kept)


@spacy.registry.misc("odaextract.overlap_policy.v1")
def make_overlap_policy() -> Callable[[Iterable[Candidate], Optional[Sequence]], list[Candidate]]:
    return overlap_policy


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character ranges, read from the SENT_START array: `doc.sents`
    builds a Token object per token, which costs more than all our rules."""
    # The text once (`doc_text`: `doc.text` is rebuilt from every token on each access); trim
    # each sentence's outer whitespace in place rather than copying a prefix per sentence.
    text = doc_text(doc)
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return [(0, len(text))]
    starts = [0] + [int(i) for i in (doc.to_array("SENT_START") == 1).nonzero()[0] if i > 0]
    chars = [doc[i].idx for i in starts] + [len(text)]
    bounds = []
    for k in range(len(starts)):
        start, end = chars[k], chars[k + 1]
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1  # a run of spaces is a token of its own, at the next sentence's start
        if bounds and not _ends_sentence(text, bounds[-1]):
            bounds[-1] = (bounds[-1][0], end)  # "contribute app. 4.1 million": one sentence
        else:
            bounds.append((start, end))
    return bounds


def _ends_sentence(text: str, bound: tuple[int, int]) -> bool:
    """The sentencizer splits after every "." token; an abbreviation's dot
    ("app.", "approx.", "No.") does not end a sentence (`pipeline.sentences`
    decides, as it does for acronyms and long blocks)."""
    start, end = bound
    i = end - 1
    while i > start and text[i] in _CLOSERS:
        i -= 1
    return text[i] != "." or is_sentence_end(text, i)


class MentionResolver:
    def __init__(self, name: str, policy: Callable = overlap_policy):
        self.name = name
        self.policy = policy

    def __call__(self, doc: Doc) -> Doc:
        chosen = self.policy(doc._.odax_candidates or (), doc._.odax_abbreviations or ())
        bounds = sentence_bounds(doc)
        starts = [start for start, _ in bounds]
        mentions = []
        for candidate in chosen:
            sentence_start, sentence_end = bounds[max(0, bisect_right(starts, candidate.start) - 1)]
            mentions.append(
                ResolvedMention(
                    candidate.start,
                    candidate.end,
                    candidate.label,
                    candidate.source,
                    candidate.norm,
                    sentence_start,
                    max(sentence_end, candidate.end),
                )
            )
        doc._.odax_mentions = mentions
        doc._.odax_sentences = bounds
        return doc


@Language.factory(
    "odaextract_resolver",
    default_config={"policy": {"@misc": "odaextract.overlap_policy.v1"}},
    requires=["doc._.odax_candidates", "doc._.odax_abbreviations"],
    assigns=["doc._.odax_mentions", "doc._.odax_sentences"],
)
def make_mention_resolver(nlp: Language, name: str, policy: Callable) -> MentionResolver:
    return MentionResolver(name, policy)
