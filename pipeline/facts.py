"""Stage 5, facts: who gave how much to whom, through whom, when.

A fact is anchored on a MONEY mention that is a flow from a donor
(`fact-guidelines.md`). Its slots are read from the syntax of the anchor's
sentence: the dependency parse (spaCy's tagger and parser, run only on the
sentences that hold a MONEY mention, a few percent of a white paper) gives
the *head chain* of the amount — the words it hangs from up to the
sentence root — and the *flow word* on it (the giving verb or noun). A
country, region, organization or date belongs to the amount when its own
path in the tree joins the chain at or below the flow word without crossing
another finite clause ("held in 2016", "which was founded by the IMO") or
another amount; the preposition it comes through says its role (`to X`,
`through Y`, `in W`).

The cue words (giving and pledge verbs, modal words, cumulative markers,
kind cues, non-fact nouns) are data: `data/fact_cues.json`; destination
regions are `data/regions.json`. Slots the sentence leaves open come from
the sentence it continues in the same paragraph, or from a list's lead-in
line — and from nowhere further (guidelines, "Where slots come from").

The algorithm is plain functions over a parsed sentence; `FactExtractor`
only parses and assembles.
"""

from __future__ import annotations

import calendar
import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional, Sequence

from spacy.tokens import Doc, Token

from odaextract.pipeline.annotate import AnnotatedDocument
from odaextract.pipeline.components.resolver import ResolvedMention
from odaextract.pipeline.countries import load_gazetteer
from odaextract.pipeline.normalize import DocumentMention
from odaextract.pipeline.organizations import load_registry
from odaextract.pipeline.structure import Block

# Tags of words that open a clause of their own: a path through one of them
# leaves the amount's clause ("held in 2016", "which covers Somalia").
_CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "MD"})
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "csubj", "csubjpass", "parataxis"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "poss"})
_COPULAR = frozenset(
    {"be", "amount", "total", "reach", "stand", "exceed", "come", "rise", "increase", "grow", "fall",
     "decrease", "decline", "drop", "double", "climb", "equal", "represent", "account"}
)
# Verbs whose subject is where the money goes ("Kenya received", "of which India accounted for").
_RECEIVE = frozenset({"receive", "obtain", "get", "accept", "account"})
# The first preposition on a path that says "not a destination": by Japan, with UNDP, from Syria.
_NOT_DESTINATION_PREPS = frozenset({"by", "with", "from", "between", "than", "like", "as", "after", "before", "during", "of", "under", "except", "without", "against", "upon", "via", "through"})
_CONTINUATION = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:this|these|the same|which|such|those|that assistance|of it)\b|^\W*by (?:country|donor|region|sector)\b|^\W*(?:it|they|its|their)\b"
    r"|^\W*the (?:aid|assistance|support|contributions?|grants?|loans?|funds?)\b(?! (?:of|to|for)\b)",  # "The aid is being implemented through ..."
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]{0,200}”|\"[^\"]{0,200}\"|‘[^’]{0,200}’")
_LEAD_IN_END = re.compile(r"[:：]\s*$|\(\s*[Uu]nits?\s*:[^()]*\)")
_BARE_UNIT_LINE = re.compile(r"^\(\s*[Uu]nits?\s*:[^()]*\)\s*$")
_LIST_ITEM_MAX_CHARS = 240
_LEAD_IN_LOOKBACK = 40
# Sentences are parsed for this many anchors at a time, then released.
_ANCHORS_PER_PARSE = 256


@dataclass(frozen=True)
class Cues:
    giving_verbs: frozenset[str]
    pledge_verbs: frozenset[str]
    pledge_nouns: frozenset[str]
    list_preps: frozenset[str]
    partner_nouns: frozenset[str]
    modal_words: frozenset[str]
    giving_nouns: frozenset[str]
    non_fact_nouns: frozenset[str]
    non_fact_verbs: frozenset[str]
    recipient_preps: frozenset[str]
    channel_preps: frozenset[str]
    cumulative: re.Pattern[str]
    aggregate: re.Pattern[str]
    recipient_anaphora: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]  # in precedence order
    own_agency_kinds: frozenset[str]
    beneficiary_nouns: frozenset[str]
    open_start: re.Pattern[str]
    generic_reference: re.Pattern[str]
    disasters: re.Pattern[str]
    source_words: frozenset[str]
    governing_body: re.Pattern[str]
    government_nouns: frozenset[str]
    agreement_words: frozenset[str]
    ranking_preps: frozenset[str]
    fund_heads: frozenset[str]
    replenishment: re.Pattern[str]
    date_anaphora: re.Pattern[str]
    occasions: re.Pattern[str]
    compared: re.Pattern[str]
    non_fact_heads: frozenset[str]
    generic_givers: frozenset[str]
    own_resources: re.Pattern[str]
    project_nouns: frozenset[str]
    bare_infinitive_heads: frozenset[str]
    counted_countries: re.Pattern[str]
    count_words: dict[str, int]
    replenished_kinds: frozenset[str]
    striking_verbs: frozenset[str]
    debt_verbs: frozenset[str]


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in alternatives) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    data = json.loads(resources.files("odaextract.pipeline").joinpath("data/fact_cues.json").read_text("utf-8"))
    kinds = data["kind_cues"]
    return Cues(
        giving_verbs=frozenset(data["giving_verbs"]),
        pledge_verbs=frozenset(data["pledge_verbs"]),
        pledge_nouns=frozenset(data["pledge_nouns"]),
        list_preps=frozenset(data["list_preps"]),
        partner_nouns=frozenset(data["partner_nouns"]),
        modal_words=frozenset(data["modal_words"]),
        giving_nouns=frozenset(data["giving_nouns"]),
        non_fact_nouns=frozenset(data["non_fact_nouns"]),
        non_fact_verbs=frozenset(data["non_fact_verbs"]),
        recipient_preps=frozenset(data["recipient_preps"]),
        channel_preps=frozenset(data["channel_preps"]),
        cumulative=_phrases(data["cumulative_markers"]),
        aggregate=_phrases(data["aggregate_cues"]),
        recipient_anaphora=_phrases(data["recipient_anaphora"]),
        kinds=tuple((kind, _phrases(words)) for kind, words in kinds.items()),
        own_agency_kinds=frozenset(data["own_agency_kinds"]),
        beneficiary_nouns=frozenset(data["beneficiary_nouns"]),
        open_start=re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(data["open_start_words"], key=len, reverse=True)) + r")\s+(?:the\s+)?$", re.IGNORECASE),
        disasters=_phrases(data["disaster_words"]),
        source_words=frozenset(data["source_words"]),
        governing_body=re.compile(
            r"^(?:the\s+)?(.+?)(?:'s|’s)?\s+(?:" + "|".join(re.escape(w) for w in sorted(data["governing_bodies"], key=len, reverse=True)) + r")$"
        ),
        government_nouns=frozenset(data["government_nouns"]),
        agreement_words=frozenset(data["agreement_words"]),
        ranking_preps=frozenset(data["ranking_preps"]),
        fund_heads=frozenset(data["fund_heads"]),
        replenishment=_phrases(data["replenishment_words"]),
        date_anaphora=_phrases(data["date_anaphora"]),
        occasions=_phrases(data["occasion_nouns"]),
        non_fact_heads=frozenset(data["non_fact_heads"]),
        generic_givers=frozenset(data["generic_givers"]),
        own_resources=_phrases(data["own_resources"]),
        compared=re.compile(r"(?:" + "|".join(re.escape(w) for w in data["comparison_phrases"]) + r")\s+(?:the\s+)?$", re.IGNORECASE),
        project_nouns=frozenset(data["project_nouns"]),
        bare_infinitive_heads=frozenset(data["bare_infinitive_heads"]),
        counted_countries=re.compile(
            r"\bthe\s+(" + "|".join(sorted(data["count_words"], key=len, reverse=True)) + r"|\d{1,2})\s+(?:[A-Z][\w-]*\s+)?(?:"
            + "|".join(data["counted_country_nouns"]) + r")\b", re.IGNORECASE),
        count_words=dict(data["count_words"]),
        replenished_kinds=frozenset(data["replenished_kinds"]),
        striking_verbs=frozenset(data["striking_verbs"]),
        debt_verbs=frozenset(data["debt_verbs"]),
        generic_reference=re.compile(
            r"\b(?:the|this|that)\s+(" + "|".join(re.escape(w) for w in sorted(data["generic_org_heads"], key=len, reverse=True)) + r")\b",
            re.IGNORECASE,  # "pledged US$500 million to the fund": the Amazon Fund the paragraph named
        ),
    )


@dataclass(frozen=True)
class RegionForm:
    pattern: re.Pattern[str]
    names: dict[str, str]  # surface form -> region name


@lru_cache(maxsize=1)
def load_regions() -> RegionForm:
    data = json.loads(resources.files("odaextract.pipeline").joinpath("data/regions.json").read_text("utf-8"))
    names: dict[str, str] = {}
    for entry in data["regions"]:
        for form in (entry["name"], *entry.get("forms", ())):
            names[form] = entry["name"]
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")
    return RegionForm(pattern, names)


# --- the result --------------------------------------------------------------


@dataclass
class FactDraft:
    """A fact in document offsets, before it becomes a `models.Fact` record."""

    anchor: ResolvedMention
    block: Block
    sentence: tuple[int, int]
    equivalents: list[ResolvedMention] = field(default_factory=list)
    donor: Optional[dict] = None
    recipients: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    channels: list[dict] = field(default_factory=list)
    date: Optional[dict] = None
    kind: str = "unspecified"
    status: str = "provided"
    cumulative: bool = False
    purpose: Optional[str] = None
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # How slots were read, for the rules that complete them later (never written out):
    open_subject: bool = False  # no donor named in the sentence (a pronoun, a passive, none)
    unnamed_passive: bool = False  # ... because the giving is a passive without agent
    home_government: bool = False  # the donor is a ministry or agency that names no country
    paid_to_channel: bool = False  # the money goes *to* an organization or fund
    contribution_for_want_of_a_country: bool = False  # `contribution` only because no country was named

    def cite(self, slot: str, start: int, end: int) -> None:
        spans = self.evidence.setdefault(slot, [])
        if (start, end) not in spans:
            spans.append((start, end))

    def cite_from(self, other: "FactDraft", *slots: str) -> None:
        """The evidence of `other` for slots this draft took from it."""
        for slot in slots:
            for span in other.evidence.get(slot, []):
                self.cite(slot, *span)

    @classmethod
    def for_amount(cls, anchor: ResolvedMention, block: Block, sentence: tuple[int, int], equivalents: Iterable[ResolvedMention]) -> "FactDraft":
        """A new draft for `anchor`, its amount and equivalents cited."""
        draft = cls(anchor, block, sentence, list(equivalents))
        draft.cite("amount", anchor.start, anchor.end)
        for equivalent in draft.equivalents:
            draft.cite("equivalents", equivalent.start, equivalent.end)
        return draft

    def use_channels(self, mentions: Iterable[ResolvedMention]) -> None:
        """These organizations, and no others, are the channels (each cited)."""
        self.channels = []
        self.evidence.pop("channels", None)
        for mention in mentions:
            _add_channel(self.channels, mention)
            self.cite("channels", mention.start, mention.end)

    def take(self, other: "FactDraft", *slots: str) -> None:
        """Slots of the fact this one is a part or continuation of, values copied, evidence cited."""
        for slot in slots:
            value = getattr(other, slot)
            if isinstance(value, list):
                value = [dict(v) if isinstance(v, dict) else v for v in value]
            elif isinstance(value, dict):
                value = dict(value)
            setattr(self, slot, value)
        self.cite_from(other, *slots)


# --- the parsed sentence -----------------------------------------------------


@dataclass
class Sentence:
    """A parsed sentence and the mentions inside it, in document offsets."""

    doc: Doc
    start: int
    mentions: list[ResolvedMention]
    text: str

    def tokens(self, start: int, end: int) -> Optional[Sequence[Token]]:
        span = self.doc.char_span(start - self.start, end - self.start, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def root(self, start: int, end: int) -> Optional[Token]:
        span = self.tokens(start, end)
        return span.root if span is not None else None

    def offsets(self, token: Token) -> tuple[int, int]:
        return self.start + token.idx, self.start + token.idx + len(token.text)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.start + len(self.text)


def head_chain(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 64:
        chain.append(chain[-1].head)
    return chain


@dataclass(frozen=True)
class Attachment:
    """Where a word's path joins the amount's head chain, and what it passed."""

    index: int  # position on the chain
    first_prep: Optional[str]  # the preposition nearest the word, lower case
    preps: tuple[str, ...]
    crosses_clause: bool
    through_other_amount: bool
    deps: tuple[str, ...]
    via_purpose: bool = False  # passed a purpose infinitive ("to train police officers of Senegal")


def _is_infinitive(verb: Token) -> bool:
    """A purpose: "to improve ...", a bare infinitive ("help coastal states implement"), or a
    clause on a project ("a project that maps the leakage of plastic in South Asia")."""
    cues = load_cues()
    if verb.tag_ == "VB":
        return True  # the base form is never finite
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in cues.bare_infinitive_heads:
        return True  # "help coastal states ... enforce", tagged VBP
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in cues.project_nouns


def _co_prefixed(token: Token) -> bool:
    """'financed' of "co-financed", which the tokenizer splits as co - financed."""
    return token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "co"


def attach(token: Token, chain_index: dict[int, int], other_amounts: frozenset[int]) -> Optional[Attachment]:
    cues = load_cues()
    beneficiaries = cues.beneficiary_nouns
    preps: list[str] = []
    deps: list[str] = []
    crosses = False
    through_other = False
    purpose = False
    current = token
    for _ in range(64):
        if current.i in chain_index:
            return Attachment(chain_index[current.i], preps[0] if preps else None, tuple(preps), crosses, through_other,
                              tuple(deps), purpose)
        infinitive = _is_infinitive(current)
        if current.i != token.i:
            if current.lower_ in cues.source_words:
                return None  # "According to the DAC of the OECD, ...": who says it, not who gives or gets
            # A "verb" in a noun's place is the tagger's slip ("ODA disbursements" tagged VBZ as a subject).
            if current.pos_ in ("VERB", "AUX") and current.dep_ not in _NOMINAL_DEPS and (current.tag_ in _CLAUSE_TAGS or current.dep_ in _CLAUSE_DEPS):
                # "people affected by the conflict in South Sudan" still says who benefits; so
                # does a purpose ("for a project to improve border management in Armenia").
                reduced = current.tag_ == "VBN" and (
                    (current.dep_ == "acl" and (current.head.lemma_.lower() in beneficiaries or current.lemma_.lower() in cues.debt_verbs))  # "the debt owed by Iraq"
                    # "had reached US$400 million, provided to Syria, Jordan ...": the giving the amount is
                    or (current.dep_ in ("acl", "advcl") and current.head.i in chain_index and current.lemma_.lower() in cues.giving_verbs
                        and not _co_prefixed(current)))  # "co-financed with the ADB": a co-financier is no channel
                crosses = crosses or not (reduced or infinitive)
            purpose = purpose or infinitive
            if current.i in other_amounts:
                through_other = True
            elif current.i not in chain_index and any(c.i in other_amounts and c.dep_ in ("nsubj", "nsubjpass", "pobj") for c in current.children):
                through_other = True  # "with US$5.5 million going through the IOM": the other amount's own clause
        if current.dep_ in ("prep", "agent", "dative") or (current.pos_ == "ADP" and current.dep_ != "case"):
            if current.lower_ in cues.list_preps:
                pass  # "..., including South Sudan and Sudan": the list's own preposition says nothing
            elif current.lower_ == "with" and current.head.lemma_.lower() in cues.partner_nouns:
                preps.append("through")  # "in cooperation with WFP, UNICEF and the ICRC"
            elif current.lower_ == "by" and current.head.lemma_.lower() in cues.debt_verbs:
                preps.append("to")  # "cancelled ¥670 billion of the debt owed by Iraq": relief goes to the debtor
            else:
                preps.append(current.lower_)
        if current.dep_ in _CLAUSE_DEPS and not infinitive:
            crosses = True
        deps.append(current.dep_)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


@dataclass
class Flow:
    """The amount's head chain and the word on it that makes it a flow."""

    chain: list[Token]
    index: int  # the flow word's position on the chain
    is_fact: bool
    copular: bool = False
    subject: Optional[Token] = None

    @property
    def word(self) -> Token:
        return self.chain[self.index]

    @property
    def positions(self) -> dict[int, int]:
        positions = {token.i: position for position, token in enumerate(self.chain)}
        if self.copular and self.subject is not None and self.subject.i not in positions:
            # "yen loans for Africa committed by Japan ... totaled US$2.9 billion" (parsed with
            # 'totaled' conjoined to 'committed'): what hangs on the borrowed subject is the amount's.
            positions[self.subject.i] = self.index
        return positions


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrasal(verb: Token) -> str:
    """The verb with its particle, "set aside"; the lemma alone when it has none."""
    particle = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod") and c.i == verb.i + 1), None)
    return f"{_lemma(verb)} {particle}" if particle else _lemma(verb)


def _subject(verb: Token) -> Optional[Token]:
    """The verb's subject; of two (a parse of "(Reference) Japan's ODA ... amounted
    to"), the one nearest the verb."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "expl")]
    if len(subjects) > 1:
        before = [child for child in subjects if child.i < verb.i]
        return before[-1] if before else subjects[0]
    return subjects[0] if subjects else None


def _noun_words(token: Token) -> list[str]:
    """The head noun with its compounds: 'ODA' of "Japan's ODA", 'project cost'."""
    words = [child.lower_ for child in token.children if child.dep_ in ("compound", "amod")]
    return words + [_lemma(token), token.lower_]


def find_flow(money: Token, cues: Cues) -> Flow:
    """Walk up from the amount: the nearest cue decides whether it is a flow."""
    chain = head_chain(money)
    first_verb: Optional[int] = None
    # Words hanging off the amount itself: "$5 million in grant aid", "¥2 billion of loans".
    for child in money.children:
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and _lemma(grandchild) in cues.giving_nouns:
                    above = _verb_above(chain, 0)
                    # "appealed for US$1.99 billion in humanitarian assistance", "issued a Flash
                    # Appeal for US$977 million for relief": what is asked for is not given.
                    return Flow(chain, above, not _asks(chain[above], cues))
    for position, token in enumerate(chain[1:], start=1):
        lemma = _lemma(token)
        if token.pos_ in ("VERB", "AUX"):
            if first_verb is None:
                first_verb = position
            if lemma in cues.non_fact_verbs:
                return Flow(chain, position, False)
            if (lemma in cues.giving_verbs or _phrasal(token) in cues.giving_verbs) and _needed(token, cues):
                return Flow(chain, position, False)  # "the region needs to invest about US$60 billion a year"
            if lemma in _COPULAR:
                subject = _subject(token)
                if subject is not None and subject.pos_ == "NUM" and subject.i not in {t.i for t in chain[:position]}:
                    # "a plan for Armenia of €270 million ..., of which €90 million is in grants": the
                    # parse hangs the amount on its part's copula; the part's, not this amount's.
                    continue
                if any(t.pos_ == "VERB" and _lemma(t) not in _COPULAR and _lemma(t) not in ("remain", "become")
                       and any(c.dep_ == "nsubj" for c in t.children) for t in chain[1:position]):
                    # "South Asia is home to ... people, some 400 million of whom live on less than
                    # US$1 a day": a copula above a clause with its own subject says nothing of the amount.
                    return Flow(chain, position, False, copular=True)
                flow = _copular_flow(chain, position, cues)
                if flow.is_fact and token.dep_ in ("acl", "relcl", "dobj"):
                    flow.index = _extend_flow(chain, position, cues)
                return flow
            if lemma in cues.giving_verbs or lemma in _RECEIVE or _phrasal(token) in cues.giving_verbs:
                return Flow(chain, _extend_flow(chain, position, cues), True)
        elif token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            words = set(_noun_words(token))
            if words & cues.non_fact_nouns:
                return Flow(chain, position, False)
            if words & cues.giving_nouns:
                above = _verb_above(chain, position)
                if _asks(chain[above], cues):
                    # "requested a loan of US$4.8 billion from the IMF", "will require capital
                    # investment of about US$114 billion": asked for or needed, not given.
                    return Flow(chain, above, False)
                return Flow(chain, _extend_flow(chain, above, cues), True)
            if token.dep_ not in ("compound", "amod") and _lemma(token) in cues.non_fact_heads:
                return Flow(chain, position, False)  # "the national budget of about US$2.6 billion ... is financed by donors"
    return Flow(chain, first_verb if first_verb is not None else len(chain) - 1, False)


def _needed(verb: Token, cues: Cues) -> bool:
    """A giving verb that is what another verb needs or costs: "needs to invest", "would need to spend"."""
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and _lemma(verb.head) in cues.non_fact_verbs


def _asks(verb: Token, cues: Cues) -> bool:
    """A verb that asks, needs or costs, or one whose object does ("issued a Flash Appeal")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _lemma(verb) in cues.non_fact_verbs:
        return True
    return any(child.dep_ == "dobj" and set(_noun_words(child)) & cues.non_fact_nouns for child in verb.children)


def _extend_flow(chain: list[Token], position: int, cues: Cues) -> int:
    """Up through the words that name the same giving: "provide assistance
    totaling $6 billion" flows at 'provide', not at 'totaling'; it stops
    below an announcing verb ("announced that it would provide")."""
    while position + 1 < len(chain):
        above = chain[position + 1]
        lemma = _lemma(above)
        if lemma in cues.pledge_verbs:
            break
        if above.pos_ in ("VERB", "AUX") and lemma in cues.giving_verbs and lemma not in _COPULAR:
            if _other_giver(chain[position], above):
                break  # "The United States had disbursed ..., and the IMF approved a loan of ...": two givers
            position += 1
        elif above.pos_ in ("NOUN", "PROPN") and set(_noun_words(above)) & cues.giving_nouns:
            position += 1
        elif above.pos_ == "ADP" and position + 2 < len(chain) and chain[position + 2].pos_ in ("NOUN", "PROPN") \
                and set(_noun_words(chain[position + 2])) & cues.giving_nouns:  # not "..., with Kuwait pledging ..." under "pledged"
            position += 1
        else:
            break
    return position


def _other_giver(verb: Token, above: Token) -> bool:
    """Is `verb` a conjoined clause with a subject of its own that is not `above`'s
    ("..., and the IMF approved"; not "..., and it pledged", "..., and Japan provided")?"""
    # "..., while the United States provided around US$190 million": a contrasting clause too.
    contrast = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)
    if (verb.dep_ != "conj" and not contrast) or verb.pos_ not in ("VERB", "AUX"):
        return False
    own, first = _subject(verb), _subject(above)
    if own is None or own.pos_ == "PRON" or first is None:
        return False
    return own.text != first.text and own.lower_ not in {t.lower_ for t in first.subtree}


def _verb_above(chain: list[Token], position: int) -> int:
    for above in range(position, len(chain)):
        if chain[above].pos_ in ("VERB", "AUX"):
            return above
    return len(chain) - 1


def _copular_flow(chain: list[Token], position: int, cues: Cues) -> Flow:
    """'ODA amounted to $X', 'the cost was $X': the subject says what the amount is."""
    verb = chain[position]
    subject = _subject(verb)
    if subject is None and verb.dep_ in ("acl", "relcl"):
        subject = verb.head  # "assistance totaling $6 billion"
    if subject is None and verb.dep_ == "conj":
        subject = _subject(verb.head)
    if subject is None:
        # "provided grant aid totalling ¥17 billion": the parse may take the participle for
        # the object noun and hang "grant aid" on it as a compound.
        subject = next((c for c in verb.lefts if c.dep_ in ("compound", "nmod")), None)
    if subject is None:
        return Flow(chain, position, False, copular=True)
    head_words = set(_noun_words(subject))
    if head_words & cues.non_fact_nouns or _lemma(subject) in cues.non_fact_heads:
        return Flow(chain, position, False, copular=True, subject=subject)
    if head_words & cues.giving_nouns:
        return Flow(chain, position, True, copular=True, subject=subject)
    # "Japan's bilateral ODA to ... countries amounted to": the parse may hang the noun lower.
    inside = {w for t in subject.subtree if t.i < verb.i for w in (_lemma(t), t.lower_)}
    if inside & cues.non_fact_nouns:
        return Flow(chain, position, False, copular=True, subject=subject)
    is_fact = bool(inside & cues.giving_nouns) or subject.pos_ == "PROPN"
    return Flow(chain, position, is_fact, copular=True, subject=subject)


# --- the slots ---------------------------------------------------------------


class _Context:
    """What the slot readers share for one document."""

    def __init__(self, text: str, edition_year: Optional[int]):
        self.text = text
        self.edition_year = edition_year
        self.cues = load_cues()
        self.regions = load_regions()
        self.registry = load_registry()
        self.gazetteer = load_gazetteer()
        self.ordered: list[ResolvedMention] = []
        self._starts: list[int] = []
        # How far back "the Fund" may find the fund it names (a few paragraphs).
        self.generic_reference_window = 3000
        # The states that give in the document's facts read so far (kept as they are read,
        # not gathered again for each fact).
        self.givers: set[Optional[str]] = set()

    def set_mentions(self, mentions: list[ResolvedMention]) -> None:
        self.ordered = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.ordered]

    def mentions_in(self, start: int, end: int) -> list[ResolvedMention]:
        """The mentions inside [start, end), in order (a bisect, not a scan)."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, lo=first)
        return [m for m in self.ordered[first:last] if m.end <= end]


def country_in_name(name: str, context: _Context) -> Optional[str]:
    """The country an organization's name belongs to: 'Government of Jordan' -> JOR,
    'Embassy of Japan in Sri Lanka' -> JPN (the first country named, its longest form)."""
    words = re.findall(r"[\w'’.-]+", name)
    names = context.gazetteer.names
    for begin in range(len(words)):
        for size in range(min(6, len(words) - begin), 0, -1):
            surface = " ".join(words[begin : begin + size])
            code = names.get(surface) or names.get(surface.removesuffix("'s").removesuffix("’s"))
            if code:
                return code
    return None


_GOVERNMENT_NAME = re.compile(r"^(?:the\s+)?(?:Government|Ministry|Embassy|Cabinet|Office of the President|President)\b|\bGovernment$|\bMinistry\b", re.IGNORECASE)


def is_government(norm: dict, context: _Context) -> bool:
    if norm.get("kind") in context.cues.own_agency_kinds:
        return True
    return bool(_GOVERNMENT_NAME.search(norm.get("name", "")))


def donor_from_mention(mention: ResolvedMention, context: _Context) -> Optional[dict]:
    if mention.label == "COUNTRY":
        return {"iso3": mention.norm["iso3"]}
    if mention.label == "ORG":
        if is_government(mention.norm, context):
            entry = context.registry.by_id(mention.norm["id"]) if mention.norm.get("id") else None
            code = country_in_name(mention.norm.get("name", ""), context) or country_in_name(
                context.text[mention.start : mention.end], context
            ) or (entry.country if entry is not None else None)
            if code:
                return {"iso3": code}
        body = context.cues.governing_body.match(mention.norm.get("name", ""))
        if body:
            # "The ADB Board of Directors approved a loan": the bank lends, not its board.
            entry = context.registry.lookup(body.group(1))
            return {"org": entry.name if entry is not None else body.group(1)}
        return {"org": mention.norm["name"]}
    return None


def _mention_at(sentence: Sentence, token: Token, labels: tuple[str, ...]) -> Optional[ResolvedMention]:
    start, end = sentence.offsets(token)
    for mention in sentence.mentions:
        if mention.label in labels and mention.start <= start and end <= mention.end:
            return mention
    return None


def _mentions_in(sentence: Sentence, token: Token, labels: tuple[str, ...]) -> list[ResolvedMention]:
    """The mentions inside the token's phrase: the run of its subtree around it. A parse that
    hangs far words on it ("the Government decided ... through UNICEF, the World Food
    Programme (WFP)", WFP an apposition of 'Government') does not make them its words."""
    inside = {t.i for t in token.subtree}
    first = last = token.i
    while first - 1 in inside:
        first -= 1
    while last + 1 in inside:
        last += 1
    doc = token.doc
    left = sentence.start + doc[first].idx
    right = sentence.start + doc[last].idx + len(doc[last].text)
    return [m for m in sentence.mentions if m.label in labels and left <= m.start and m.end <= right]


def _joint_partners(sentence: Sentence, flow: Flow, donor_mention: Optional[ResolvedMention], context: _Context) -> list[ResolvedMention]:
    """"The Governments of Japan and Bangladesh signed an Exchange of Notes on a loan":
    the other states of an agreement's joint subject are its recipients."""
    if donor_mention is None or donor_mention.label != "COUNTRY":
        return []
    for verb in flow.chain:  # "Japan and Tunisia signed Exchange of Notes for two yen loans totaling ...": above the flow
        if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in context.cues.agreement_words:
            continue
        subject = _subject(verb)
        if subject is None:
            return []
        inside = [m for m in _mentions_in(sentence, subject, ("COUNTRY",)) if m.norm.get("iso3")]
        if any(m.start == donor_mention.start for m in inside):
            return [m for m in inside if m.norm["iso3"] != donor_mention.norm["iso3"]]
        return []
    return []


def ranked_donor(sentence: Sentence, flow: Flow, context: _Context) -> Optional[ResolvedMention]:
    """The country an amount stands beside in a ranking or list of donors:
    "the United States (US$27,622 million)". Not a country the money goes to
    ("grant aid to Kenya ($5 million)")."""
    for token in flow.chain[1:3]:
        if token.pos_ in ("VERB", "AUX", "ADP"):
            return None
        found = _mention_at(sentence, token, ("COUNTRY",))
        if found is None and token.dep_ == "conj":
            return None  # "to countries ..., including Cambodia, Lao PDR ..., and ¥2.3 billion was extended"
        if found is not None:
            head = sentence.root(found.start, found.end)
            while head is not None and head.dep_ in ("conj", "appos") and head.head.i != head.i:
                head = head.head  # "to Kenya ($5 million) and Uganda ($3 million)"
            # Under a preposition only as ranked ("after the United States (...)", "ahead of
            # France (...)"), not as what the money goes to or comes with ("to Kenya ($5 million)",
            # "loan agreements with the following countries: the Philippines (¥50.0 billion)").
            # "second only to the United States (US$13.29 billion)": a comparison ranks too.
            compared = context.cues.compared.search(context.text, max(sentence.start, found.start - 40), found.start)
            if head is not None and head.head.pos_ == "ADP" and head.head.lower_ not in context.cues.ranking_preps and not compared:
                return None
            return found
    return None


def _earlier_subject(sentence: Sentence, pronoun: Token) -> Optional[ResolvedMention]:
    """"China has also expanded its lending to the Philippines: in April 2018, it agreed to
    lend ...": the state or organization that is the subject before the pronoun."""
    labels = ("COUNTRY", "ORG")
    for token in reversed(sentence.doc[: pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass"):
            found = _mention_at(sentence, token, labels) or next(
                (m for m in _mentions_in(sentence, token, labels) if m.label == "COUNTRY"), None)
            if found is not None:
                return found
    return None


_BEFORE_VERB = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:has|have|had|also|will|would|then|further|itself)\s+)*$")


def _name_before_verb(sentence: Sentence, verb: Token, subject: Optional[Token], labels: tuple[str, ...]) -> Optional[ResolvedMention]:
    """The state or organization written right before the verb, when the parse gave the
    verb no subject, or hung that name in a clause of the subject it chose."""
    at = sentence.start + verb.idx
    before = [m for m in sentence.mentions if m.label in labels and m.end <= at]
    if subject is not None:
        clauses = [child for child in subject.children if child.dep_ in ("relcl", "acl")]
        inside = {sentence.start + t.idx for clause in clauses for t in clause.subtree}
        # Not the clause's own object of a preposition: "the grant aid it has provided to CMAC totaled".
        before = [m for m in before if any(m.start <= i < m.end for i in inside)
                  and getattr(sentence.root(m.start, m.end), "dep_", "") != "pobj"]
    if before:
        last = max(before, key=lambda m: m.end)
        # The long form, not its acronym in parentheses: "the Agency (JICA) provided".
        named = min((m for m in before if _BEFORE_VERB.fullmatch(sentence.text, m.end - sentence.start, verb.idx)),
                    key=lambda m: m.start, default=None)
        return named if named is not None and named.end >= last.end - 40 else None
    return None


def _relative_giver(sentence: Sentence, noun: Token, context: _Context) -> Optional[ResolvedMention]:
    """The giver named in a relative clause on the noun: "a loan that Japan extended", "the
    assistance provided by the EU", "the cooperation it has provided" (its antecedent)."""
    cues = context.cues
    labels = ("COUNTRY", "ORG")
    for clause in noun.children:
        if clause.dep_ not in ("relcl", "acl") or _lemma(clause) not in cues.giving_verbs | cues.pledge_verbs:
            continue
        givers = [pobj for child in clause.children if child.dep_ == "agent" for pobj in child.children]
        subject = _subject(clause)
        if subject is not None and clause.dep_ == "relcl":
            givers.insert(0, subject)
        for giver in givers:
            if giver.pos_ == "PRON":
                found = _earlier_subject(sentence, giver) if giver.lower_ in ("it", "they") else None
            else:
                found = _mention_at(sentence, giver, labels) or next(iter(_mentions_in(sentence, giver, labels)), None)
            if found is not None:
                return found
    return None


def read_donor(sentence: Sentence, flow: Flow, context: _Context) -> tuple[Optional[dict], Optional[ResolvedMention], bool]:
    """(donor, its mention, whether the subject was a pronoun or missing)."""
    chain = flow.chain
    labels = ("COUNTRY", "ORG")
    # A ranking or a list of donors: "the United States ($34.6 billion)".
    found = ranked_donor(sentence, flow, context)
    if found is not None:
        return donor_from_mention(found, context), found, False
    # "was built with a yen loan of ¥65.6 billion that Japan extended": the relative clause
    # on the amount's own phrase names its giver, whoever the main verb's subject is.
    for token in chain[: flow.index + 1]:
        found = _relative_giver(sentence, token, context) if token.pos_ in ("NOUN", "PROPN", "NUM") else None
        if found is not None:
            return donor_from_mention(found, context), found, False
    # "settled with a bridge loan of about US$900 million from the JBIC", "a loan of US$300
    # million from the ADB": the giving noun says whom it comes from.
    for token in chain[1 : flow.index + 1]:
        if token.pos_ not in ("NOUN", "PROPN") or not set(_noun_words(token)) & context.cues.giving_nouns:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for pobj in prep.children:
                    found = _mention_at(sentence, pobj, labels) or next(iter(_mentions_in(sentence, pobj, labels)), None)
                    if found is not None:
                        return donor_from_mention(found, context), found, False
    # "..., and in December 2020 the ADB launched a US$9 billion facility": a conjoined clause
    # below the giving verb with a giver of its own.
    for verb in chain[1 : flow.index]:
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "conj" and verb.i > chain[flow.index].i:
            own = _subject(verb)
            found = _mention_at(sentence, own, labels) if own is not None else None
            if found is not None:
                return donor_from_mention(found, context), found, False
    for position in range(flow.index, len(chain)):
        verb = chain[position]
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if _lemma(verb) in _RECEIVE:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "from":
                    for pobj in child.children:
                        found = _mention_at(sentence, pobj, labels) or next(iter(_mentions_in(sentence, pobj, labels)), None)
                        if found is not None:
                            return donor_from_mention(found, context), found, False
            return None, None, True
        subject = _subject(verb)
        if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            subject = _subject(verb.head)  # "Japan co-hosted the Summit and pledged $800 million"
        if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            subject = verb.head  # "the European Union, which contributed €12 million"
        elif subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "conj" and verb.head.dep_ == "relcl":
            subject = verb.head.head  # "the ADB, which coordinates the Program and has invested US$6.3 billion"
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            for pobj in agent.children:
                found = _mention_at(sentence, pobj, labels) or next(iter(_mentions_in(sentence, pobj, labels)), None)
                if found is not None:
                    return donor_from_mention(found, context), found, False
        if subject is None:
            found = _name_before_verb(sentence, verb, None, labels) if verb.dep_ == "ROOT" else None
            if found is not None:
                return donor_from_mention(found, context), found, False
            continue
        if subject.i == chain[0].i:
            return None, None, True  # "Of this amount, 5.8 billion yen will finance ...": the amount itself
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and owner.lower_ in ("its", "their"):
            # "Japan has assisted 190 countries, and its cumulative ODA reached ...": the
            # nearest state or organization before it that is a subject or owner.
            for token in reversed(sentence.doc[: owner.i]):
                if token.dep_ in ("nsubj", "nsubjpass", "poss"):
                    found = _mention_at(sentence, token, labels)
                    if found is not None:
                        return donor_from_mention(found, context), found, False
            return None, None, True
        if subject.pos_ == "PRON":
            # "Japan announced that it would provide": the subject of the verb above.
            for higher in chain[position + 1 :]:
                above = _subject(higher) if higher.pos_ in ("VERB", "AUX") else None
                if above is not None and above.pos_ != "PRON":
                    found = _mention_at(sentence, above, labels) or next(iter(_mentions_in(sentence, above, labels)), None)
                    if found is not None:
                        return donor_from_mention(found, context), found, False
            found = _earlier_subject(sentence, subject)
            if found is not None:
                return donor_from_mention(found, context), found, False
            return None, None, True
        found = _mention_at(sentence, subject, labels)
        if found is None:
            # "For the Nacala Corridor, which connects Mozambique ..., the Japan International
            # Cooperation Agency (JICA) provided": the parse took the corridor for the subject and
            # hung the agency in its clause; the name right before the verb is its subject.
            found = _name_before_verb(sentence, verb, subject, labels)
        if found is None:
            found = _relative_giver(sentence, subject, context)  # "the technical cooperation it has provided totaled"
        if found is None:
            # "the Government of Japan", "Japan's ODA", "JICA's experts"; not the words of a
            # relative clause on it ("the grant aid it has provided to CMAC totaled").
            clauses = [c for c in subject.children if c.dep_ in ("relcl", "acl")]
            clause_words = {sentence.start + t.idx for c in clauses for t in c.subtree}
            inside = [m for m in _mentions_in(sentence, subject, labels) if m.start not in clause_words]
            found = next((m for m in inside if m.label == "COUNTRY" or is_government(m.norm, context)), None) or next(iter(inside), None)
        if found is not None:
            return donor_from_mention(found, context), found, False
        # "this", or a body of a government not named ("the Embassy signed a grant contract"):
        # the giver of the sentences before.
        # A passive ("an Exchange of Notes was signed with ...", "grant aid of ¥1.1 billion was
        # provided to Honduras") or the giving itself as subject ("the contribution was ¥6.5
        # billion") names no giver either.
        unnamed = subject.dep_ == "nsubjpass" or bool(set(_noun_words(subject)) & context.cues.giving_nouns)
        return None, None, unnamed or subject.lower_ in ("this", "these", "that", "which") or _lemma(subject) in context.cues.government_nouns
    # "Japan's contribution of $X": a possessive on the chain; "US$28 million of Japan's
    # bilateral ODA": on what the amount is a part of.
    for token in chain[: flow.index + 1]:
        owners = [child for child in token.children if child.dep_ == "poss"]
        if token.i == chain[0].i:
            owners += [grandchild for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
                       for pobj in child.children if pobj.dep_ == "pobj"
                       for grandchild in pobj.children if grandchild.dep_ == "poss"]
        for child in owners:
            found = _mention_at(sentence, child, labels)
            if found is not None:
                return donor_from_mention(found, context), found, False
    return None, None, True


def _accepts_destination(found: Attachment, flow: Flow, preps: frozenset[str]) -> bool:
    if found.crosses_clause or found.through_other_amount:
        return False
    # "signed an Exchange of Notes with the Government of Uzbekistan for a yen loan", "signed
    # a loan agreement with the Government of Lao PDR providing up to ¥4.17 billion".
    partner = found.preps[:1] == ("with",) or found.preps[:2] == ("of", "with")
    if partner and _lemma(flow.chain[found.index]) in load_cues().agreement_words:
        return True
    if found.index > flow.index:
        return False
    if found.deps and found.deps[0] in ("nsubj", "nsubjpass") and _lemma(flow.chain[found.index]) not in _RECEIVE \
            and not (found.via_purpose and len(found.deps) > 1):
        return False  # a subject gives or says; "(pledged ...) to help Pakistan rebuild" benefits
    if found.first_prep is None:
        # "provided Jordan with ...", "Somalia's reconstruction", an apposition or a list.
        return True
    if found.first_prep in preps:
        return True
    # "the people of Syria", "refugees from Syria in Jordan": look past 'of'; "to train police
    # officers of Côte d'Ivoire": what a purpose acts on.
    return found.first_prep == "of" and (any(p in preps for p in found.preps[1:]) or found.via_purpose)


# A Title-case word before the connector ("Initiative for"), not an acronym ("ODA for the Mekong region").
_TITLE_TAIL = re.compile(r"\b[A-Z](?=[\w-]*[a-z])[\w-]*\s+(?:in|for|of|on|and)\s+(?:the\s+)?$")


_TITLE_HEAD = re.compile(r" (?:[A-Z][a-z]+)\b")


def _inside_name_or_quote(start: int, end: int, sentence: Sentence, quotes: list[tuple[int, int]], regions: re.Pattern[str]) -> bool:
    if any(s <= start and end <= e for s, e in quotes):
        return True
    if any(m.label == "ORG" and m.start <= start and end <= m.end for m in sentence.mentions):
        return True
    # A name it begins: "the Seventh Pacific Islands Leaders Meeting", "the Sahel Alliance".
    if _TITLE_HEAD.match(sentence.text, end - sentence.start):
        return True
    # A title-case name around it, "the Initiative for Peace in Africa": a capitalised word
    # (not the sentence's first, not a country, not a region: "in Africa and Asia") right
    # before the connector.
    before = _TITLE_TAIL.search(sentence.text, 0, start - sentence.start)
    if before is None or before.start() == 0:
        return False
    word_start = sentence.start + before.start()
    word_end = sentence.start + before.start() + len(before.group().split()[0])
    if any(match.end() == word_end - sentence.start for match in regions.finditer(sentence.text, 0, word_end - sentence.start)):
        return False
    return not any(m.label == "COUNTRY" and m.start <= word_start < m.end for m in sentence.mentions)


# "Africa, the Caribbean and the Pacific", "UNICEF, the World Food Programme (WFP) and the IFRC".
_LIST_GAP = re.compile(r"\)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?")


def read_destinations(sentence: Sentence, flow: Flow, anchors: frozenset[int], donor: Optional[dict], context: _Context, draft: FactDraft) -> None:
    positions = flow.positions
    cues = context.cues
    quotes = [(sentence.start + m.start(), sentence.start + m.end()) for m in _QUOTED.finditer(sentence.text)]
    donor_code = donor.get("iso3") if donor else None
    recipients: set[str] = set()
    reached: list[tuple[int, str, ResolvedMention]] = []
    for mention in sentence.mentions:
        if mention.label == "COUNTRY":
            code = mention.norm.get("iso3")
        elif mention.label == "ORG" and _GOVERNMENT_NAME.search(mention.norm.get("name", "")) and mention.norm.get("kind") != "government":
            code = country_in_name(mention.norm.get("name", ""), context)  # a recipient government
        elif mention.label == "ORG" and re.match(r"(?i)(?:the\s+)?Government of ", context.text[mention.start : mention.end]):
            code = country_in_name(context.text[mention.start : mention.end], context)
        else:
            continue
        if not code or code == donor_code:
            continue
        if cues.compared.search(context.text, max(0, mention.start - 30), mention.start):
            continue  # "second only to the United States (US$13.29 billion)": a ranking, not a destination
        token = sentence.root(mention.start, mention.end)
        if token is None or (mention.label == "COUNTRY" and any(s <= mention.start and mention.end <= e for s, e in quotes)):
            continue  # a country inside a quoted slogan or title
        found = attach(token, positions, anchors)
        if found is not None and _accepts_destination(found, flow, cues.recipient_preps):
            reached.append((found.index, code, mention))
    # "has provided equipment to Saint Lucia, ..., and in FY2015 it signed a grant agreement of
    # ¥1.2 billion with Jamaica": where the amount's own conjunct names a destination, those of
    # the conjunct before it are that one's.
    conj = next((i for i, t in enumerate(flow.chain[: flow.index + 1]) if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")), None)
    if conj is not None and any(index <= conj for index, _, _ in reached):
        reached = [item for item in reached if item[0] <= conj]
    for _, code, mention in reached:
        recipients.add(code)
        draft.cite("recipients", mention.start, mention.end)
    if not recipients:
        # "to displaced persons ... in both countries", "debts owed by the country": the
        # countries the sentence named before the phrase.
        for match in cues.recipient_anaphora.finditer(sentence.text):
            if "region" in match.group().lower():
                continue
            start = sentence.start + match.start()
            token = sentence.root(start, sentence.start + match.end())
            found = attach(token, positions, anchors) if token is not None else None
            if found is None or not _accepts_destination(found, flow, cues.recipient_preps):
                continue
            before = [m for m in sentence.mentions if m.label == "COUNTRY" and m.end <= start
                      and m.norm.get("iso3") and m.norm["iso3"] != donor_code]
            if "countries" not in match.group().lower():
                before = before[-1:]
            for mention in before:
                recipients.add(mention.norm["iso3"])
                draft.cite("recipients", mention.start, mention.end)
    if not recipients and context.cues.disasters.search(sentence.text):
        # "Following the earthquake that struck Ecuador, Japan extended ...", "aid for
        # the victims of Cyclone Nargis, which struck Myanmar": the country a disaster
        # struck is where its relief goes.
        for mention in sentence.mentions:
            code = mention.norm.get("iso3") if mention.label == "COUNTRY" else None
            if not code or code == donor_code:
                continue
            token = sentence.root(mention.start, mention.end)
            struck = token is not None and any(_lemma(t) in cues.striking_verbs for t in head_chain(token)[1:])
            if mention.start < draft.anchor.start or struck:
                recipients.add(code)
                draft.cite("recipients", mention.start, mention.end)
    opening = re.match(r"\W*In (?:the )?", sentence.text)
    if not recipients and opening:
        # "In Lao PDR, JICA experts supported the Ministry ..., and Japan provided equipment worth
        # 1.2 billion yen": a country that opens the sentence places every clause of it.
        first = next((m for m in sentence.mentions if m.start >= sentence.start + opening.end()), None)
        if first is not None and first.label == "COUNTRY" and first.start == sentence.start + opening.end() \
                and context.text[first.end : first.end + 1] == "," and first.norm.get("iso3") not in (None, donor_code):
            recipients.add(first.norm["iso3"])
            draft.cite("recipients", first.start, first.end)
    draft.recipients = sorted(recipients)
    regions: set[str] = set()
    accepted_end: Optional[int] = None
    for match in context.regions.pattern.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if _inside_name_or_quote(start, end, sentence, quotes, context.regions.pattern):
            continue
        if any(m.start < end and start < m.end for m in sentence.mentions if m.label != "DATE"):
            continue
        token = sentence.root(start, end)
        if token is None:
            continue
        found = attach(token, positions, anchors)
        # "in Africa, the Caribbean and the Pacific": a region listed right after an accepted
        # one is a destination too, wherever the parse hangs it.
        listed = accepted_end is not None and _LIST_GAP.fullmatch(context.text, accepted_end, start) is not None
        if listed or (found is not None and _accepts_destination(found, flow, cues.recipient_preps)):
            regions.add(context.regions.names[match.group()])
            draft.cite("regions", start, end)
            accepted_end = end
    # "In North Africa, Japan ... in Tunisia": a region that opens the sentence places
    # it; it is the destination only when no country is.
    opening = re.match(r"\W*In (?:the )?", sentence.text)
    if opening:
        topic = context.regions.pattern.match(sentence.text, opening.end())
        if topic and sentence.text[topic.end() : topic.end() + 1] == ",":
            start, end = sentence.start + topic.start(), sentence.start + topic.end()
            if recipients:
                regions.discard(context.regions.names[topic.group()])
            elif not any(m.start < end and start < m.end for m in sentence.mentions if m.label != "DATE"):
                regions.add(context.regions.names[topic.group()])
                draft.cite("regions", start, end)
    draft.regions = sorted(regions)


def _with_clause_host(sentence: Sentence, flow: Flow, draft: FactDraft, context: _Context) -> None:
    """"WFP shipped Ukrainian wheat to Somalia and Ethiopia ..., with Japan providing US$14
    million and Germany €11 million of the cost": the giving in a 'with' clause pays for what
    the clause it hangs on does; its organization subject is the channel, its destinations the
    recipients."""
    verb = flow.word
    if verb.dep_ not in ("pcomp", "advcl") or verb.head.lower_ != "with" or verb.head.head.pos_ not in ("VERB", "AUX"):
        return
    host = verb.head.head
    # "The EU ... committed €360 million to Kosovo, with the United States providing US$165
    # million": a host that gives an amount of its own is another giver, not a channel.
    gives = any(m.label == "MONEY" and (m.start, m.end) != (draft.anchor.start, draft.anchor.end)
                and sentence.start + host.idx < m.start < sentence.start + verb.head.idx for m in sentence.mentions)
    subject = _subject(host)
    owner = _mention_at(sentence, subject, ("ORG",)) if subject is not None else None
    if owner is not None and not gives and not is_government(owner.norm, context) and draft.donor != {"org": owner.norm.get("name")}:
        _add_channel(draft.channels, owner)
        draft.cite("channels", owner.start, owner.end)
    # "..., with Japan providing US$14 million and Germany €11 million": the parse's conjunct
    # givers are no destinations.
    conjunct = {m.norm.get("iso3") for m in sentence.mentions if m.label == "COUNTRY"
                for t in [sentence.root(m.start, m.end)] if t is not None and t.dep_ == "conj" and t.head.i == verb.i}
    if set(draft.recipients) - conjunct or draft.regions:
        return
    draft.recipients = []
    draft.evidence.pop("recipients", None)
    giver = (draft.donor or {}).get("iso3")
    for child in host.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in context.cues.recipient_preps:
            for mention in _mentions_in(sentence, child, ("COUNTRY",)):
                if mention.norm.get("iso3") and mention.norm["iso3"] != giver and mention.norm["iso3"] not in draft.recipients:
                    draft.recipients = sorted({*draft.recipients, mention.norm["iso3"]})
                    draft.cite("recipients", mention.start, mention.end)


def _channel_clause_regions(sentence: Sentence, draft: FactDraft, context: _Context) -> None:
    """"contributed US$4.6 million to the Japan-SAARC Special Fund, which finances seminars
    ... on issues common to South Asia": what the channel's own relative clause says it
    funds is where the money goes."""
    channel_names = {c.get("name") for c in draft.channels}
    for match in context.regions.pattern.finditer(sentence.text):
        token = sentence.root(sentence.start + match.start(), sentence.start + match.end())
        if token is None:
            continue
        clause = next((t for t in head_chain(token)[1:] if t.dep_ == "relcl"), None)
        if clause is None or _lemma(clause) not in context.cues.giving_verbs:
            continue
        owner = _mention_at(sentence, clause.head, ("ORG",))
        if owner is not None and owner.norm.get("name") in channel_names:
            draft.regions = sorted({*draft.regions, context.regions.names[match.group()]})
            draft.cite("regions", sentence.start + match.start(), sentence.start + match.end())


_ACRONYM_AFTER = re.compile(r"\s*\(")


_GENERIC_AFTER = re.compile(r"\s+(?:agencies|organizations|organisations|bodies|entities|funds|programmes)\b")


def read_channels(sentence: Sentence, flow: Flow, anchors: frozenset[int], donor_mention: Optional[ResolvedMention], context: _Context, draft: FactDraft) -> None:
    positions = flow.positions
    channels: list[dict] = []
    # "UNHCR (6.2 million), WFP (3.0 million)": the amount stands beside its organization.
    for token in flow.chain[1:3]:
        if token.pos_ in ("VERB", "AUX", "ADP"):
            break
        beside = _mention_at(sentence, token, ("ORG",))
        if beside is not None and not is_government(beside.norm, context):
            _add_channel(channels, beside)
            draft.cite("channels", beside.start, beside.end)
            break
    last_channel_end: Optional[int] = None
    for mention in sentence.mentions:
        if mention.label != "ORG" or (donor_mention is not None and (mention.start, mention.end) == (donor_mention.start, donor_mention.end)):
            continue
        if is_government(mention.norm, context) or _GOVERNMENT_NAME.search(context.text[mention.start : mention.end]):
            continue
        if any(m.label == "ORG" and context.text[m.end : mention.start] == ") " and is_government(m.norm, context) for m in sentence.mentions):
            continue  # "a Japan Disaster Relief (JDR) Medical Team": the rest of a Japanese body's name
        if _GENERIC_AFTER.match(context.text, mention.end):
            continue  # "through UN agencies, including UNHCR and WFP": a kind of body, not the body
        token = sentence.root(mention.start, mention.end)
        if token is None:
            continue
        found = attach(token, positions, anchors)
        if not _is_channel(found, flow, context):
            found = _attach_preceding_preposition(sentence, mention, positions, anchors, context)
        # "through UNICEF, the World Food Programme (WFP) and the IFRC": an organization listed
        # right after a channel is one too, wherever the parse hangs it.
        listed = bool(channels) and last_channel_end is not None and _LIST_GAP.fullmatch(context.text, last_channel_end, mention.start) is not None
        if listed or _is_channel(found, flow, context):
            _add_channel(channels, mention)
            draft.cite("channels", mention.start, mention.end)
            last_channel_end = mention.end
            if listed:
                continue
            if found.first_prep in ("to", "for", "into") or not found.first_prep:
                draft.paid_to_channel = True
        elif last_channel_end is not None and _ACRONYM_AFTER.fullmatch(context.text, last_channel_end, mention.start):
            last_channel_end = mention.end  # the channel's acronym: "the World Food Programme (WFP)"
    # "the Japan-ASEAN Integration Fund (JAIF), to which Japan contributed ¥7.5 billion".
    for token in flow.chain[: flow.index + 1]:
        if token.dep_ != "relcl":
            continue
        for child in token.children:
            if child.lower_ in context.cues.channel_preps and any(c.lower_ == "which" for c in child.children):
                # The antecedent: the relative's head, else the organization written just before
                # "to which" ("the largest contributor to the GCF, to which it pledged").
                named = _mention_at(sentence, token.head, ("ORG",))
                if named is None:
                    before = sentence.start + child.idx
                    named = next((m for m in reversed(sentence.mentions) if m.label == "ORG" and m.end <= before
                                  and not context.text[m.end:before].strip(" ,()")), None)
                if named is not None and not is_government(named.norm, context):
                    _add_channel(channels, named)
                    draft.cite("channels", named.start, named.end)
                    draft.paid_to_channel = child.lower_ in ("to", "for", "into")
    if not channels:
        _generic_channel(sentence, flow, anchors, context, draft, channels)
    if not channels and context.cues.replenishment.search(sentence.text):
        _replenished_fund(sentence, draft, context, channels)
    if channels and any(_lemma(t) == "contribute" or _lemma(t) == "contribution" for t in flow.chain[: flow.index + 1]):
        draft.paid_to_channel = True
    draft.channels = channels


def _replenished_fund(sentence: Sentence, draft: FactDraft, context: _Context, channels: list[dict]) -> None:
    """"At the Sixth Replenishment Conference ..., Japan pledged up to US$840 million": a
    replenishment's money goes to the fund or bank named last before it (in the sentence or
    the paragraph before), whose kind the registry gives."""
    start = draft.block.start if draft.block is not None else sentence.start
    found = [m for m in context.mentions_in(start, draft.anchor.start)
             if m.label == "ORG" and m.norm.get("kind") in context.cues.replenished_kinds]
    if not found:
        return
    mention = found[-1]
    # "the International Development Association (IDA) of the World Bank": the part, not its owner.
    if len(found) > 1 and _OWNER_OF.fullmatch(context.text[found[-2].end : mention.start]):
        mention = found[-2]
    _add_channel(channels, mention)
    draft.cite("channels", mention.start, mention.end)
    draft.paid_to_channel = True


_OWNER_OF = re.compile(r"\W*(?:\([^()]*\)\s*)?of\s+(?:the\s+)?")


def _generic_channel(sentence: Sentence, flow: Flow, anchors, context: _Context, draft: FactDraft, channels: list[dict]) -> None:
    """"contributed $3 million to the Fund": the organization the paragraph
    named before, whose name ends in the word the text now uses alone."""
    for match in context.cues.generic_reference.finditer(sentence.text):
        start = sentence.start + match.start(1)
        end = sentence.start + match.end(1)
        if any(m.start <= start < m.end for m in sentence.mentions if m.label == "ORG"):
            continue
        token = sentence.root(start, end)
        found = attach(token, flow.positions, anchors) if token is not None else None
        if not _is_channel(found, flow, context):
            continue
        head = match.group(1)
        earlier = [m for m in context.mentions_in(start - context.generic_reference_window, start) if m.label == "ORG"]
        named = next((m for m in reversed(earlier) if m.norm.get("name", "").lower().endswith(head.lower())), None)
        if named is not None and draft.donor == {"org": named.norm.get("name")}:
            return  # "the IDB announced that it would cancel Haiti's debt to the bank": the giver itself
        if named is not None:
            _add_channel(channels, named)
            draft.cite("channels", named.start, named.end)
            if found.first_prep in ("to", "for", "into"):
                draft.paid_to_channel = True
            return


def _is_channel(found: Optional[Attachment], flow: Flow, context: _Context) -> bool:
    if found is None or found.crosses_clause or found.through_other_amount or found.index > flow.index:
        return False
    if found.deps and found.deps[0] in ("nsubj", "nsubjpass"):
        # "PAHO received US$1.2 million for mosquito control": an organization that receives.
        return found.deps[0] == "nsubj" and len(found.deps) == 1 and _lemma(flow.chain[found.index]) in _RECEIVE \
            and _lemma(flow.chain[found.index]) != "account"
    if found.first_prep in context.cues.channel_preps:
        return True
    # "signed a grant contract with the Sewalanka Foundation", "concluded a co-financing
    # agreement with the CAF": the partner of the agreement that carries the money.
    if found.preps[:1] == ("with",) and _lemma(flow.chain[found.index]) in context.cues.agreement_words:
        return True
    # "for the Global Fund's sixth replenishment": the owner of what the money is for.
    if found.deps[:1] == ("poss",) and found.first_prep in context.cues.channel_preps:
        return True
    # "has supported the Global Fund": the giving verb's own object.
    if found.first_prep is None and found.deps[:1] in (("dobj",), ("dative",)) and found.index == flow.index and flow.word.pos_ == "VERB":
        return True
    # "to the initial resource mobilization of the Green Climate Fund": look past 'of'.
    if found.first_prep == "of" and len(found.preps) > 1 and found.preps[1] in context.cues.channel_preps:
        return True
    return (
        found.first_prep is None and bool(found.deps) and found.deps[0] in ("dobj", "dative", "appos", "conj", "poss")
        and any(p in context.cues.channel_preps for p in found.preps)
    )


def _attach_preceding_preposition(sentence: Sentence, mention: ResolvedMention, positions, anchors, context: _Context) -> Optional[Attachment]:
    """A long name the parser splits ("to the Trust Fund to Support ..."): read
    the preposition written just before it instead."""
    span = sentence.tokens(mention.start, mention.end)
    if span is None or span.start == 0:
        return None
    before = sentence.doc[span.start - 1]
    if before.lower_ in ("the", "a", "an", "its") and span.start >= 2:
        before = sentence.doc[span.start - 2]
    if before.lower_ not in context.cues.channel_preps or before.pos_ != "ADP":
        return None
    found = attach(before, positions, anchors)
    if found is None:
        return None
    return Attachment(found.index, before.lower_, (before.lower_, *found.preps), found.crosses_clause, found.through_other_amount, ("pobj", *found.deps))


def _add_channel(channels: list[dict], mention: ResolvedMention) -> None:
    channel = {"name": mention.norm["name"], "acronym": mention.norm.get("acronym")}
    for existing in channels:
        if existing["name"] == channel["name"] or (channel["acronym"] and existing["acronym"] == channel["acronym"]):
            return
    channels.append(channel)


def _date_norm(mention: ResolvedMention, text: Optional[str] = None) -> dict:
    """The DATE norm as a fact date. A running total "as of" or "until" a
    day stands at that day and has no start of its own (guidelines)."""
    start, end = mention.norm.get("start"), mention.norm.get("end")
    if text is not None and end and load_cues().open_start.search(text[max(0, mention.start - 24) : mention.start]):
        start = None
    return {"start": start, "end": end}


def _in_since_clause(sentence: Sentence, mention: ResolvedMention) -> bool:
    """Whether the DATE is inside a clause opened by 'since' ("since the fund was created in 2008")."""
    for token in sentence.doc:
        if token.lower_ != "since" or token.dep_ != "mark":
            continue
        clause = token.head
        left = sentence.start + clause.left_edge.idx
        right = sentence.start + clause.right_edge.idx + len(clause.right_edge.text)
        if left <= mention.start and mention.end <= right and mention.start > sentence.start + token.idx:
            return True
    return False


def _join_paired_dates(draft: FactDraft, chosen: ResolvedMention, sentence: Sentence, context: _Context) -> None:
    """"cancelled the remaining ¥300 billion in two stages, in 2013 and 2014" -> 2013 .. 2014:
    two dates joined by 'and' bound the period together."""
    date = draft.date
    if not date or not date["start"] or not date["end"]:
        return
    after = next((m for m in sentence.mentions if m.label == "DATE" and m.start >= chosen.end), None)
    if after is None or not re.fullmatch(r"\s+and\s+(?:in\s+)?", context.text[chosen.end : after.start]):
        return
    other = _date_norm(after, context.text)
    if other["start"] and other["end"] and other["start"] > date["end"]:
        draft.date = {"start": date["start"], "end": other["end"]}
        draft.cite("date", after.start, after.end)


def _after_since(mention: ResolvedMention, sentence: Sentence) -> bool:
    """A date in the phrase or clause that 'since' opens, before any comma."""
    before = sentence.text[: mention.start - sentence.start]
    at = max(before.rfind("since "), before.rfind("Since "))
    return at >= 0 and "," not in before[at:] and len(before) - at <= 80


def _join_open_dates(draft: FactDraft, chosen: ResolvedMention, sentence: Sentence, context: _Context) -> None:
    """"Since 2001, ... as of the end of 2010" -> 2001-01-01 .. 2010-12-31 (guidelines,
    "Dates of running totals"): an open date takes its other side from the sentence's
    date that is open the other way."""
    date = draft.date
    if date is None or (date["start"] is None) == (date["end"] is None):
        return
    for mention in sentence.mentions:
        if mention.label != "DATE" or mention is chosen:
            continue
        other = _date_norm(mention, context.text)
        if date["end"] is None and other["start"] is None and other["end"] and other["end"] >= date["start"]:
            draft.date = {"start": date["start"], "end": other["end"]}
        elif date["start"] is None and other["end"] is None and other["start"] and other["start"] <= date["end"]:
            draft.date = {"start": other["start"], "end": date["end"]}
        elif date["start"] is None and other["start"] and other["start"] <= date["end"] and _after_since(mention, sentence):
            # "Since Japan resumed yen loans to Viet Nam in 1992, ... as of the end of FY2006",
            # "since its launch in 2017, contributing ... by the end of 2020".
            draft.date = {"start": other["start"], "end": date["end"]}
        else:
            continue
        draft.cite("date", mention.start, mention.end)
        return


def _passes_for(token: Token, positions: dict[int, int]) -> bool:
    current = token
    for _ in range(64):
        if current.i in positions or current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ == "for":
            return True
        current = current.head
    return False


def _describes_a_name(token: Token, positions: dict[int, int], sentence: Sentence) -> bool:
    """Is the first clause above `token` one that hangs on an organization's or
    country's name, or tells of a disaster?"""
    cues = load_cues()
    current = token
    for _ in range(64):
        if current.i in positions or current.head.i == current.i:
            return False
        if current.pos_ in ("VERB", "AUX") and (current.tag_ in _CLAUSE_TAGS or current.dep_ in _CLAUSE_DEPS):
            if current.dep_ not in ("acl", "relcl"):
                return False
            if _lemma(current) in cues.striking_verbs or cues.disasters.fullmatch(current.head.lower_):
                # The disaster's own date where it describes those the aid is for ("aid for the
                # victims of Cyclone Nargis, which struck Myanmar on May 2, 2008"), not where it
                # places the response ("Following the earthquake that struck Ecuador on April 16,
                # 2016, Japan extended ...").
                return _passes_for(current.head, positions)
            return _mention_at(sentence, current.head, ("ORG", "COUNTRY")) is not None
        current = current.head
    return False


def read_date(sentence: Sentence, flow: Flow, anchors: frozenset[int]) -> Optional[ResolvedMention]:
    """The DATE that places the flow: attached to it, else the main clause's
    (the announcement), else any in the sentence."""
    positions = flow.positions
    ranked = []
    for mention in sentence.mentions:
        if mention.label != "DATE":
            continue
        token = sentence.root(mention.start, mention.end)
        found = attach(token, positions, anchors) if token is not None else None
        if found is None:
            tier, index = 3, 99
        elif found.through_other_amount:
            tier, index = 4, found.index
        elif found.crosses_clause and _describes_a_name(token, positions, sentence):
            continue  # a clause about an organization or country: "the JFPR, established in May 2000"
        elif found.crosses_clause:
            tier, index = 3, found.index  # "At the Summit held in 2016", "replenishment, which covers 2020-2022"
        elif found.index <= flow.index:
            tier, index = 1, found.index
        else:
            tier, index = 2, found.index
        norm = mention.norm
        interval = 0 if norm.get("start") and norm.get("end") and norm["start"][:4] == norm["end"][:4] else 1
        ranked.append((tier, -interval, index, mention.start, mention))
    if not ranked:
        return None
    ranked.sort(key=lambda item: item[:4])
    best = ranked[0]
    return best[4] if best[0] <= 3 else None


_BESIDES = re.compile(r"\b(?:in addition to|besides|apart from|other than|on top of)\s+(?:(?:the|its|their|Japan's)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


_MODALITIES = frozenset({"grant", "loan", "technical_cooperation"})
_COORDINATED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|as well as)\s+(?:the\s+)?")


def read_kind(sentence: Sentence, flow: Flow, anchors: frozenset[int], draft: FactDraft, context: _Context) -> str:
    positions = flow.positions
    anchor = draft.anchor
    best: Optional[tuple[int, int, str, int, int]] = None
    accepted: list[tuple[int, int, str, int, int]] = []
    for precedence, (kind, pattern) in enumerate(context.cues.kinds):
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            token = sentence.root(start, end)
            found = attach(token, positions, anchors) if token is not None else None
            # The verb that governs the flow names its kind too: "signed a loan agreement ... providing ¥4 billion".
            reach = flow.index + 1 if flow.index + 1 < len(flow.chain) and flow.chain[flow.index + 1].pos_ == "VERB" else flow.index
            on_chain = token is not None and token.i in positions and positions[token.i] <= reach
            if not on_chain and (found is None or found.crosses_clause or found.through_other_amount or found.index > reach):
                continue
            if _BESIDES.search(sentence.text, 0, match.start()):
                continue  # "..., in addition to yen loans for electricity": another giving
            distance = min(abs(start - anchor.end), abs(anchor.start - end))
            candidate = (distance, precedence, kind, start, end)
            accepted.append(candidate)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    # "pledged US$260 million, combining grant aid and ODA loans": a package that mixes
    # modalities (guidelines, `unspecified`).
    modalities = sorted((c for c in accepted if c[2] in _MODALITIES), key=lambda c: c[3])
    if any(a[2] != b[2] and _COORDINATED.fullmatch(context.text, a[4], b[3]) for a, b in zip(modalities, modalities[1:])):
        return "unspecified"
    if best is not None:
        draft.cite("kind", best[3], best[4])
        return best[2]
    if flow.copular and flow.subject is not None and context.cues.aggregate.search(" ".join(_noun_words(flow.subject))):
        return "aggregate"
    if draft.donor and "iso3" in draft.donor and context.cues.aggregate.search(sentence.text) and not draft.recipients and not draft.channels and not draft.regions:
        return "aggregate"
    if draft.paid_to_channel or _paid_to_a_named_fund(flow, context):
        return "contribution"  # money to an organization or fund
    if draft.channels and not draft.recipients and not draft.regions:
        # Through an organization and to no named country: the organization's. (Re-read
        # when the paragraph then gives its country: that country's aid.)
        draft.contribution_for_want_of_a_country = True
        return "contribution"
    return "unspecified"


def _paid_to_a_named_fund(flow: Flow, context: _Context) -> bool:
    """"pledged US$200 million to the COVAX Facility": money *to* a named fund or
    facility that is no ORG mention (the guidelines do not annotate facilities)."""
    heads = context.cues.fund_heads
    for token in flow.chain[: flow.index + 1]:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and pobj.text in heads:
                        return True
    return False


def read_status(sentence: Sentence, flow: Flow, draft: FactDraft, context: _Context, from_word: int = 1) -> str:
    """`from_word` 1 skips the amount itself; a lead-in's chain starts at its verb (0)."""
    cues = context.cues
    if draft.anchor.norm.get("bound") == "upper":
        return "pledged"
    for token in flow.chain[from_word:]:
        lemma = _lemma(token)
        if token.pos_ in ("VERB", "AUX"):
            if lemma in cues.giving_verbs and lemma not in cues.pledge_verbs and lemma not in _COPULAR and token.tag_ in ("VBD", "VBN") \
                    and token.dep_ == "conj" \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
                    and not any(c.dep_ == "aux" and c.lower_ in cues.modal_words for c in token.children):
                # "Japan pledged US$500 million ..., of which US$80 million was provided to Sri Lanka":
                # the part's own clause says it was given.
                draft.cite("status", *sentence.offsets(token))
                return "provided"
            if lemma in cues.pledge_verbs:
                # "announced and implemented assistance totaling $12.1 billion": done, not only promised.
                # Not a conjoined clause with a giver of its own ("The World Bank committed ..., and
                # the United Kingdom alone provided ...").
                done = any(
                    c.dep_ == "conj" and c.tag_ in ("VBD", "VBN") and _lemma(c) in cues.giving_verbs and _lemma(c) not in cues.pledge_verbs
                    and _subject(c) is None
                    for c in token.children
                )
                if done:
                    continue
                draft.cite("status", *sentence.offsets(token))
                return "pledged"
            for child in token.children:
                if child.dep_ == "aux" and child.lower_ in cues.modal_words:
                    draft.cite("status", *sentence.offsets(child))
                    return "pledged"
            # "A facility of US$2.5 billion to be set up by the JBIC": still to come.
            if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl") and [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")] == ["to", "be"]:
                draft.cite("status", *sentence.offsets(token))
                return "pledged"
        elif lemma in cues.pledge_nouns:
            draft.cite("status", *sentence.offsets(token))
            return "pledged"
        elif token.pos_ == "NOUN" and set(_noun_words(token)) & cues.giving_nouns:
            # "A yen loan of ¥34.8 billion ..., signed in August 2010, is co-financed with the ADB":
            # the loan's own participle says it was committed.
            # "a yen loan of ¥10 billion to be extended to Kenya": still to come.
            signed = next((c for c in token.subtree if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and (
                _lemma(c) in cues.pledge_verbs or [a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")] == ["to", "be"])), None)
            # Not when the sentence says what it did ("the loan, signed in 2007, financed the dredging").
            if signed is not None and not (token.head.pos_ == "VERB" and token.head.tag_ == "VBD"):
                draft.cite("status", *sentence.offsets(signed))
                return "pledged"
    if flow.copular and flow.subject is not None:
        # "Japan's ODA loan commitments ... reached", "grant aid committed in FY2005 totaled",
        # "yen loans ... committed by Japan ... totaled": the subject says it was promised.
        subject = flow.subject
        if _lemma(subject) in cues.pledge_nouns:
            draft.cite("status", *sentence.offsets(subject))
            return "pledged"
        for clause in subject.children:
            if clause.dep_ in ("acl", "relcl") and clause.pos_ in ("VERB", "AUX") and _lemma(clause) in cues.pledge_verbs:
                draft.cite("status", *sentence.offsets(clause))
                return "pledged"
    return "provided"


def _single_period(date: dict) -> bool:
    start, end = date.get("start"), date.get("end")
    return bool(start and end and start[:4] == end[:4]) or bool(start and end and _fiscal_year(start, end))


def _fiscal_year(start: str, end: str) -> bool:
    return start[5:] == "04-01" and end[5:] == "03-31" and int(end[:4]) - int(start[:4]) == 1


def read_cumulative(sentence: Sentence, draft: FactDraft, context: _Context) -> bool:
    if draft.status == "pledged":
        return False
    date = draft.date
    marker = context.cues.cumulative.search(sentence.text)
    if marker:
        draft.cite("cumulative", sentence.start + marker.start(), sentence.start + marker.end())
    if date is not None and not marker:
        if date.get("start") and not date.get("end"):
            return True  # since 2007
        if date.get("end") and not date.get("start"):
            return True  # by the end of March 2017
        if date.get("start") and date.get("end") and not _single_period(date):
            return True  # what was provided over several years: "over the period of 2001 to October 2017"
        return False
    if marker:
        return date is None or not _single_period(date)
    return False


_PURPOSE_CUT = re.compile(r"\s*[,;(]|\s+(?:and|as well as)\s+(?:to|for)\b")


def read_purpose(sentence: Sentence, flow: Flow, context: _Context) -> Optional[str]:
    """The 'for ...' or 'to ...' phrase on the amount or its flow word, as written."""
    places = {(m.start, m.end) for m in sentence.mentions if m.label in ("COUNTRY", "ORG", "DATE")}
    for token in flow.chain[: flow.index + 1]:
        for child in token.children:
            phrase = None
            if child.dep_ == "prep" and child.lower_ == "for":
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if not objects:
                    continue
                head = objects[0]
                start, end = sentence.offsets(head)
                if any(s <= start and end <= e for s, e in places) or context.regions.pattern.fullmatch(head.text):
                    continue
                if head.pos_ == "NUM" or head.lower_ in ("people", "persons", "years", "months"):
                    continue
                phrase = child
            elif child.dep_ == "prep" and child.lower_ == "in" and any(c.lower_ == "order" for c in child.children):
                phrase = child  # "in order to improve public safety"
            elif child.dep_ in ("advcl", "xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                phrase = child
            if phrase is None:
                continue
            left = sentence.start + phrase.left_edge.idx
            if any(m.start <= left < m.end for m in sentence.mentions if m.label == "ORG"):
                continue  # "the Trust Fund to Support ...": part of a name
            right = sentence.start + phrase.right_edge.idx + len(phrase.right_edge.text)
            text = context.text[left:right]
            cut = _PURPOSE_CUT.search(text)
            if cut:
                text = text[: cut.start()]
            text = text.strip().rstrip(".")
            if len(text.split()) >= 2:
                return text
    return None


# A sentence end the sentencizer misses: a note marker glued to the full stop,
# "... to the PBF.Note 3 In 2018, ..." or "... Somalia.(Note 28) Its purpose ...".
_GLUED_SENTENCE_END = re.compile(r"[.!?。](?:\s*\(?Note\s+\d+\)?)\s+(?=[A-Z“\"])")


def narrow_sentence(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """The part of [start, end) that holds `anchor`, cut at glued sentence ends."""
    for found in _GLUED_SENTENCE_END.finditer(text, start, end):
        if found.end() <= anchor:
            start = found.end()
        else:
            end = found.start() + 1
            break
    return start, end


# --- lists under a lead-in ---------------------------------------------------


def lead_in_for(blocks: Sequence[Block], position: int, text: str) -> Optional[tuple[int, bool]]:
    """The block a list item continues, and whether it says it leads a list: the
    nearest earlier line ending in ':' or holding a unit statement (explicit),
    else the heading over a run of short lines (a title only: its short lines
    are a list only when they are not sentences of their own)."""
    for back in range(position - 1, max(-1, position - _LEAD_IN_LOOKBACK), -1):
        block = blocks[back]
        line = text[block.start : block.end]
        if _LEAD_IN_END.search(line):
            # A bare unit line "(Unit: US$ million)" under the table's title: the title leads.
            if _BARE_UNIT_LINE.match(line) and back > 0 and blocks[back - 1].kind == "heading":
                return back - 1, True
            return back, True
        if block.kind == "heading":
            return back, False
        if len(line) > _LIST_ITEM_MAX_CHARS:
            return None
    return None


_FULL_SENTENCE = re.compile(r"^[A-Z][^:]{40,}[.!?]\s*$")


def _is_clause(sentence: Sentence) -> bool:
    """A sentence of its own (it has a finite verb), not a list row such as `UNHCR (6.2 million)`."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sentence.doc)


# --- assembling --------------------------------------------------------------


Parser = Callable[[list[str]], list[Doc]]


def _anchors_and_equivalents(mentions: list[ResolvedMention]) -> tuple[list[ResolvedMention], dict[tuple[int, int], list[ResolvedMention]]]:
    by_span = {(m.start, m.end): m for m in mentions if m.label == "MONEY"}
    equivalents: dict[tuple[int, int], list[ResolvedMention]] = {}
    anchors: list[ResolvedMention] = []
    for mention in sorted(by_span.values(), key=lambda m: m.start):
        other = mention.norm.get("equivalent_of")
        pair = tuple(other) if other else None
        if pair in by_span and pair[0] < mention.start:
            # The first-written amount anchors; follow its own link back.
            anchor = by_span[pair]
            while anchor.norm.get("equivalent_of") and tuple(anchor.norm["equivalent_of"]) in by_span and anchor.norm["equivalent_of"][0] < anchor.start:
                anchor = by_span[tuple(anchor.norm["equivalent_of"])]
            equivalents.setdefault((anchor.start, anchor.end), []).append(mention)
        else:
            anchors.append(mention)
    return anchors, equivalents


@lru_cache(maxsize=1)
def _dotted_hedge_pattern() -> re.Pattern[str]:
    from odaextract.pipeline.money import dotted_hedges

    words = sorted(dotted_hedges(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?=\s)", re.IGNORECASE)


# "¥17 billion to 59 countries": the parser reads "17 billion to 59" as a range of numbers
# and hangs the amount under "countries". Only a magnitude word before and a counted plural
# after ("59 countries", "12 universities"); "from ¥1 billion to 2 billion" keeps its "to".
_AMOUNT_TO_COUNT = re.compile(
    r"\b((?:m|b|tr)illion) to (?=\d[\d,]* (?!(?:million|billion|trillion|percent)\b)[a-z]+s\b)")


def blank_dotted_hedges(text: str) -> str:
    """The text the parser reads, the same length so offsets hold: "contribute
    app. 4.1 million USD" with the hedge blanked (the parser takes "app" for
    the object and "." for a sentence end and loses the verb; the hedge is
    outside the amount's span and already in its norm, `approximate`), and
    "¥17 billion to 59 countries" read as "¥17 billion in 59 countries"."""
    text = _dotted_hedge_pattern().sub(lambda m: " " * len(m.group()), text)
    return _AMOUNT_TO_COUNT.sub(r"\1 in ", text)


class FactExtractor:
    """Parses the money sentences and reads the facts of one document."""

    def __init__(self, parse: Parser):
        self.parse = parse

    def extract(self, annotated: AnnotatedDocument, mentions: list[DocumentMention]) -> list[FactDraft]:
        text = annotated.structured.source.text
        context = _Context(text, annotated.structured.edition_year)
        blocks = [item.block for item in annotated.blocks]
        block_index = {(b.start, b.end): i for i, b in enumerate(blocks)}
        sentences_of = {i: item.sentences for i, item in enumerate(annotated.blocks)}
        resolved = [m.mention for m in mentions]
        context.set_mentions(resolved)
        anchors, equivalents = _anchors_and_equivalents(resolved)
        if not anchors:
            return []
        block_of = {(m.mention.start, m.mention.end): block_index.get((m.block.start, m.block.end)) for m in mentions}

        def sentence_span(mention: ResolvedMention) -> tuple[int, int]:
            return narrow_sentence(text, mention.sentence_start, mention.sentence_end, mention.start)

        # Every sentence that a fact reads: the anchors' and their lead-ins'.
        lead_ins: dict[int, Optional[int]] = {}
        for anchor in anchors:
            position = block_of.get((anchor.start, anchor.end))
            if position is not None and position not in lead_ins and blocks[position].end - blocks[position].start <= _LIST_ITEM_MAX_CHARS:
                lead_ins[position] = lead_in_for(blocks, position, text)
        anchor_spans = {(a.start, a.end) for a in anchors}
        drafts: list[FactDraft] = []
        previous_in_block: dict[int, list[FactDraft]] = {}
        # Parsed a chunk of anchors at a time: memory stays flat on a 30 MB text.
        for first in range(0, len(anchors), _ANCHORS_PER_PARSE):
            chunk = anchors[first : first + _ANCHORS_PER_PARSE]
            wanted: dict[tuple[int, int], None] = {}
            for anchor in chunk:
                wanted[sentence_span(anchor)] = None
                found = lead_ins.get(block_of.get((anchor.start, anchor.end)))
                if found is not None and sentences_of[found[0]]:
                    wanted[sentences_of[found[0]][-1]] = None
            spans = sorted(wanted)
            parsed: dict[tuple[int, int], Sentence] = {
                (start, end): Sentence(doc, start, context.mentions_in(start, end), text[start:end])
                for (start, end), doc in zip(spans, self.parse([blank_dotted_hedges(text[s:e]) for s, e in spans]))
            }
            for anchor in chunk:
                draft = self._one(anchor, parsed[sentence_span(anchor)], block_of, blocks, lead_ins, sentences_of,
                                  parsed, equivalents, anchor_spans, context, previous_in_block)
                if draft is not None:
                    drafts.append(draft)
        _document_donor(drafts)
        return drafts

    def _one(self, anchor, sentence, block_of, blocks, lead_ins, sentences_of, parsed, equivalents, anchor_spans,
             context: _Context, previous_in_block: dict) -> Optional[FactDraft]:
        """One anchor's fact, or None when the amount is not a flow."""
        position = block_of.get((anchor.start, anchor.end))
        block = blocks[position] if position is not None else None
        found = lead_ins.get(position) if position is not None else None
        lead = None
        # A sentence of its own after a table ("In total, Japan had contributed ... as of the end
        # of December 2017.") is read as a sentence; a row is a name and its number.
        if found is not None and ((found[1] and not (_is_clause(sentence) and _FULL_SENTENCE.search(sentence.text))) or not _is_clause(sentence)):
            lead = found[0]
        draft = None
        if position is not None:
            # "The contributions (in US dollars) are: UNRWA (5.0 million), WFP (2.5 million)":
            # items in the sentence's own list, each a part of the total before them.
            earlier = [d for d in previous_in_block.get(position, ()) if d.anchor.start < anchor.start]
            draft = _inline_item(anchor, sentence, earlier, equivalents, context, block)
        if draft is None and position is not None:
            draft = _gapped_item(anchor, sentence, previous_in_block.get(position, ()), equivalents, context, block)
        if draft is None and position is not None:
            draft = _copular_part(anchor, sentence, previous_in_block.get(position, ()), equivalents, context, block)
        if draft is None and lead is not None:
            # A list item or table row: the lead-in gives donor, date, kind and status.
            lead_sentences = list(sentences_of[lead])
            if len(lead_sentences) == 1 and lead > 0 and blocks[lead - 1].kind == "paragraph" and sentences_of[lead - 1]:
                # A one-sentence lead-in line ("Of this, the following amounts were contributed
                # ...:") continues the paragraph above it.
                lead_sentences = [sentences_of[lead - 1][-1]] + lead_sentences
            draft = self._read_list_item(anchor, sentence, blocks[lead], lead_sentences, parsed, equivalents, context, block)
            if draft is None and len(lead_sentences) == 2 and previous_in_block.get(lead - 1):
                draft = _breakdown_row(anchor, sentence, previous_in_block[lead - 1][-1], equivalents, context, block)
        if draft is None:
            draft = self._read(anchor, sentence, anchor_spans, equivalents.get((anchor.start, anchor.end), []), context, block)
            named = inline_item_names(anchor, sentence, context) if draft is not None else []
            if draft is not None and not named:
                # A ranking's "the United States ($34.6 billion)" names the giver, not the item's recipient.
                named = [m for m in parenthesized_item_names(anchor, sentence, context)
                         if (m.start, m.end) not in draft.evidence.get("donor", ())]
            own = [m for m in named if m.label == "COUNTRY"]
            organizations = [m for m in named if m.label == "ORG"]
            if organizations:
                # "...: World Food Programme (WFP), 12.0 million for Mali ...; UNICEF, 6.5 million
                # for Mali": each item goes through its own organization.
                draft.use_channels(organizations)
            if own:
                # "JICA signed loan agreements with the following three countries: Brazil (¥35.2
                # billion), ...; Mexico (¥10.7 billion)": each item goes to its own country.
                codes = sorted({m.norm["iso3"] for m in own})
                if draft.donor and draft.donor.get("iso3") in codes:
                    draft.donor, draft.open_subject = None, True
                    draft.evidence.pop("donor", None)
                draft.recipients = codes
                draft.evidence.pop("recipients", None)
                for mention in own:
                    draft.cite("recipients", mention.start, mention.end)
                # "... for several countries in Central and Eastern Europe: for Hungary, ...": the
                # item's destination is its country, not the lead-in's region.
                draft.regions = []
                draft.evidence.pop("regions", None)
        if draft is None:
            return None
        if position is not None:
            _part_of_total(draft, previous_in_block.get(position, ()), context)
            _parts_own_places(draft, sentence, previous_in_block.get(position, ()), context)
        # The block's last fact of an earlier sentence: the second and third amounts of
        # "By country, ... the United States (...) and the United Kingdom (...)" continue
        # the sentence before as the first does.
        earlier = [d for d in previous_in_block.get(position, ()) if d.sentence != draft.sentence] if position is not None else []
        previous = earlier[-1] if earlier else None
        if previous is not None:
            _continue_from(draft, previous, sentence, context)
            _share_of_channels(draft, previous)
        elif position is not None:
            self._continue_from_text(draft, sentence, sentences_of[position], context)
        if position is not None and not draft.recipients:
            _counted_countries(draft, sentence, sentences_of[position], context)
        if position is not None and not draft.recipients and not draft.regions:
            _paragraph_topic(draft, blocks[position], context)
        if position is not None and not draft.recipients and not draft.regions:
            _region_anaphora(draft, sentence, blocks[position], context)
        # A contribution through an organization in a paragraph about one country goes there too,
        # unless its own sentence names a country for another reason (what a fund's code covers).
        if position is not None and not draft.recipients and not draft.regions and not (draft.channels and _names_a_place(sentence, draft, context)):
            _single_country_paragraph(draft, sentence, blocks[position], context)
        if position is not None:
            previous_in_block.setdefault(position, []).append(draft)
            # A state giving to nobody named ("the Government of Moldova spent ... on compensating
            # households") is not yet one of the document's givers.
            if draft.recipients or draft.channels or draft.regions:
                context.givers.add((draft.donor or {}).get("iso3"))
        return draft

    def _read(self, anchor, sentence: Sentence, anchor_spans, equivalents, context: _Context, block) -> Optional[FactDraft]:
        money = sentence.root(anchor.start, anchor.end)
        if money is None:
            return None
        flow = find_flow(money, context.cues)
        if not flow.is_fact:
            return None
        others = frozenset(
            tok.i
            for m in sentence.mentions
            if m.label == "MONEY" and (m.start, m.end) in anchor_spans and (m.start, m.end) != (anchor.start, anchor.end)
            for tok in [sentence.root(m.start, m.end)]
            if tok is not None and tok.i != money.i
        ) - {t.i for eq in equivalents for t in [sentence.root(eq.start, eq.end)] if t is not None}
        # Another amount's own chain up to where it meets this one's ("contributed $1.5 billion
        # ..., and pledged ¥319 billion for a replenishment which covers 2020-2023"): what hangs
        # there is the other amount's.
        own = {t.i for t in head_chain(money)}
        roots = others
        others = others | frozenset(
            t.i for i in others for t in head_chain(sentence.doc[i])[1:] if t.i not in own
        )
        draft = FactDraft.for_amount(anchor, block, sentence.span, equivalents)
        draft = self._fill(draft, sentence, flow, others, context, roots)
        if _spends_its_own(draft, sentence, context):
            return None
        return draft

    def _fill(self, draft: FactDraft, sentence: Sentence, flow: Flow, others: frozenset[int], context: _Context, roots: frozenset[int] = frozenset()) -> FactDraft:
        donor, donor_mention, open_subject = read_donor(sentence, flow, context)
        paired, all_givers = _respective_giver(sentence, flow, draft.anchor, context)
        received_by = None
        if paired is not None and _lemma(flow.word) in _RECEIVE:
            # "with UNICEF and the IFRC receiving US$0.8 million and US$0.5 million respectively":
            # the pairs name who receives, not who gives.
            received_by, paired, all_givers = paired, None, []
        if paired is not None:
            donor, donor_mention, open_subject = donor_from_mention(paired, context), paired, False
        draft.donor = donor
        if donor_mention is not None and donor and "org" in donor and is_government(donor_mention.norm, context):
            draft.home_government = True  # a ministry that names no country
        if donor_mention is not None:
            draft.cite("donor", donor_mention.start, donor_mention.end)
        draft.open_subject = open_subject
        draft.unnamed_passive = donor is None and open_subject and any(
            child.dep_ == "nsubjpass" for t in flow.chain[flow.index :] if t.pos_ in ("VERB", "AUX") for child in t.children)
        # Destinations and channels stop only at the other amounts themselves; a date on
        # another amount's own way is that amount's ("..., and pledged ¥319 billion for a
        # replenishment which covers 2020-2023").
        read_destinations(sentence, flow, roots, donor, context, draft)
        if all_givers:
            codes = {m.norm.get("iso3") for m in all_givers}
            draft.recipients = [code for code in draft.recipients if code not in codes]
            kept = [span for span in draft.evidence.pop("recipients", []) if span not in {(m.start, m.end) for m in all_givers}]
            if kept:
                draft.evidence["recipients"] = kept
        for partner in _joint_partners(sentence, flow, donor_mention, context):
            if partner.norm["iso3"] not in draft.recipients:
                draft.recipients = sorted({*draft.recipients, partner.norm["iso3"]})
            draft.cite("recipients", partner.start, partner.end)
        ranked = donor_mention is not None and donor_mention is ranked_donor(sentence, flow, context)
        if ranked:
            # A ranking of donors names donors: "after the United States (US$27,622 million)
            # and ahead of the United Kingdom (...), Germany (...)".
            draft.recipients, draft.regions = [], []
            draft.evidence.pop("recipients", None)
            draft.evidence.pop("regions", None)
        read_channels(sentence, flow, roots, donor_mention, context, draft)
        _own_channels_by_text(sentence, draft, context)
        if received_by is not None:
            draft.use_channels([received_by] if received_by.label == "ORG" else [])
            draft.recipients = []
            draft.evidence.pop("recipients", None)
            if received_by.label == "COUNTRY" and received_by.norm.get("iso3"):
                draft.recipients = [received_by.norm["iso3"]]
                draft.cite("recipients", received_by.start, received_by.end)
        else:
            _with_clause_host(sentence, flow, draft, context)
        if draft.channels and not draft.recipients and not draft.regions:
            _channel_clause_regions(sentence, draft, context)
        date = read_date(sentence, flow, others)
        if date is not None:
            draft.date = _date_norm(date, context.text)
            if draft.date["end"] and draft.date["start"] and _in_since_clause(sentence, date):
                # "since it began providing them in 2011", "since the fund was created in 2008":
                # the running total starts then and is open (guidelines, `since 2007`).
                draft.date = {"start": draft.date["start"], "end": None}
            draft.cite("date", date.start, date.end)
            _join_open_dates(draft, date, sentence, context)
            _join_paired_dates(draft, date, sentence, context)
        draft.status = read_status(sentence, flow, draft, context)
        # A kind word may sit on another amount's way ("pledged $800 million, bringing its total
        # contribution to $1 billion"): only the other amounts themselves stop it.
        draft.kind = read_kind(sentence, flow, roots, draft, context)
        if ranked and draft.kind in ("unspecified", "contribution"):
            draft.kind = "aggregate"  # a donor's total in a ranking (guidelines, FACT)
        draft.cumulative = read_cumulative(sentence, draft, context)
        draft.purpose = read_purpose(sentence, flow, context)
        return draft

    def _read_list_item(self, anchor, item: Sentence, lead_block: Block, lead_sentences, parsed, equivalents, context: _Context, block) -> Optional[FactDraft]:
        """`UNHCR (6.2 million)` under `Japan extended Emergency Grant Aid through:`."""
        if not lead_sentences:
            return None
        lead = parsed.get(lead_sentences[-1])
        if lead is None:
            return None
        flow_word = None
        for token in lead.doc:
            if token.pos_ in ("VERB", "AUX") and (_lemma(token) in context.cues.giving_verbs or _lemma(token) in context.cues.pledge_verbs):
                flow_word = token
                break
        if flow_word is None:
            nouns = [t for t in lead.doc if t.pos_ in ("NOUN", "PROPN") and set(_noun_words(t)) & context.cues.giving_nouns]
            if not nouns:
                return None
            flow_word = nouns[0]
        chain = head_chain(flow_word)
        flow = Flow(chain, 0, True)
        draft = FactDraft.for_amount(anchor, block, item.span, equivalents.get((anchor.start, anchor.end), []))
        donor, donor_mention, _ = read_donor(lead, flow, context)
        if donor is None:
            for token in chain:
                subject = _subject(token) if token.pos_ in ("VERB", "AUX") else None
                if subject is not None:
                    found = _mention_at(lead, subject, ("COUNTRY", "ORG"))
                    if found is not None:
                        donor, donor_mention = donor_from_mention(found, context), found
                        break
        if donor is None:
            # A table's title: "■ Japan's ODA by type of assistance, 2018".
            owner = next((m for m in lead.mentions if m.label == "COUNTRY"
                          and context.text[m.end : m.end + 2] in ("'s", "’s")), None)
            if owner is not None:
                donor, donor_mention = donor_from_mention(owner, context), owner
        draft.donor = donor
        draft.open_subject = donor is None
        if donor_mention is not None:
            draft.cite("donor", donor_mention.start, donor_mention.end)
        # A row named by its date ("FY2014: 395.40") is dated by it; else the lead-in's date,
        # read as a fact's date is ("Emergency Grant Aid ... for the victims of Cyclone Nargis,
        # which struck Myanmar on May 2, 2008, through:" has none); else the date of the
        # sentence the lead-in continues ("In FISCAL YEAR 2005, Japan signed ... yen loans
        # ... The largest commitments were the following:").
        earlier = list(lead_sentences[-2:-1])
        date = next((m for m in item.mentions if m.label == "DATE"), None) or read_date(lead, flow, frozenset())
        if date is None and earlier:
            date = next((m for m in context.mentions_in(*earlier[-1]) if m.label == "DATE"), None)
        if date is not None:
            draft.date = _date_norm(date, context.text)
            draft.cite("date", date.start, date.end)
        draft.status = "pledged" if anchor.norm.get("bound") == "upper" else read_status(lead, Flow(chain, 0, True), draft, context, from_word=0)
        # The item's own organizations and countries are its channels and recipients.
        donor_code = donor.get("iso3") if donor else None
        channels: list[dict] = []
        recipients: set[str] = set()
        for mention in item.mentions:
            if mention.label == "ORG" and not is_government(mention.norm, context):
                _add_channel(channels, mention)
                draft.cite("channels", mention.start, mention.end)
            elif mention.label == "COUNTRY" and mention.norm.get("iso3") != donor_code:
                recipients.add(mention.norm["iso3"])
                draft.cite("recipients", mention.start, mention.end)
        if recipients and not channels:
            # "decided to provide food aid through WFP to each country as follows: Somalia: 9.5
            # million": a row for a country keeps the channel its lead-in names.
            for mention in lead.mentions:
                if mention.label == "ORG" and not is_government(mention.norm, context) and _THROUGH_BEFORE.search(
                        context.text[max(lead.start, mention.start - 12) : mention.start]):
                    _add_channel(channels, mention)
                    draft.cite("channels", mention.start, mention.end)
        draft.channels, draft.recipients = channels, sorted(recipients)
        if donor is None and len(item.mentions) >= 2 and _generic_givers(chain, context):
            # "partners pledged a total of €414 million for the Joint Force, including the
            # following: European Union (EU): €100 million": a row names its giver; the lead-in
            # says where the money goes.
            giver = next((m for m in item.mentions if m.label in ("COUNTRY", "ORG")), None)
            if giver is not None and item.text[: giver.start - item.start].strip(" ●■・-") == "":
                draft.donor, draft.open_subject = donor_from_mention(giver, context), False
                draft.evidence["donor"] = [(giver.start, giver.end)]
                lead_draft = FactDraft(anchor, lead_block, lead.span)
                read_channels(lead, flow, frozenset(), None, context, lead_draft)
                draft.evidence.pop("channels", None)
                draft.evidence.pop("recipients", None)
                draft.take(lead_draft, "channels")
                channels, recipients, draft.recipients = draft.channels, set(), []
        receiver = _lead_receiver(lead, context)
        if receiver is not None and len(recipients) == 1 and not channels:
            # "Cash donations received by the Government of Japan ... included the following:
            # China: 254": a row names who gave, the lead-in who received.
            giver = next(m for m in item.mentions if m.label == "COUNTRY" and m.norm.get("iso3") in recipients)
            draft.donor, draft.open_subject = {"iso3": giver.norm["iso3"]}, False
            draft.evidence["donor"] = [(giver.start, giver.end)]
            draft.recipients = [code for code in [country_in_name(context.text[receiver.start : receiver.end], context)] if code]
            draft.evidence["recipients"] = [(receiver.start, receiver.end)]
        regions = sorted({context.regions.names[m.group()] for m in context.regions.pattern.finditer(item.text)})
        draft.regions = regions
        if not draft.recipients and not draft.regions:
            # The lead-in's destination: "Japan's ODA to East Asia by type of assistance",
            # "Emergency Grant Aid to Pakistan through: UNHCR 3.0 million".
            lead_codes = {m.norm["iso3"] for m in lead.mentions if m.label == "COUNTRY" and m.norm.get("iso3") != donor_code}
            if not lead_codes and earlier and (context.cues.recipient_anaphora.search(lead.text) or _CONTINUATION.search(lead.text[:60])):
                # "Of this, the contributions ... for these countries were as follows:", "Of this
                # amount, the following was provided through:": the countries of the sentence the
                # lead-in continues.
                lead_codes = {m.norm["iso3"] for m in context.mentions_in(*earlier[-1])
                              if m.label == "COUNTRY" and m.norm.get("iso3") and m.norm["iso3"] != donor_code}
            draft.recipients = sorted(lead_codes)
            draft.regions = sorted(
                {context.regions.names[m.group()] for m in context.regions.pattern.finditer(lead.text)
                 if not any(x.start <= lead.start + m.start() < x.end for x in lead.mentions if x.label == "ORG")
                 # nor inside a title: "the International High-Level Conference on the Sahel"
                 and not _inside_name_or_quote(lead.start + m.start(), lead.start + m.end(), lead, [], context.regions.pattern)}
            )
        kind = None
        # A row names its own kind ("Grant aid: 1,234.56"), else the lead-in does, else
        # the sentence the lead-in continues.
        sources = [(item.start, item.text), (lead.start, lead.text)]
        sources += [(start, context.text[start:end]) for start, end in earlier]
        for source_start, source_text in sources:
            for pattern_kind, pattern in context.cues.kinds:
                found = pattern.search(source_text)
                if found:
                    kind = pattern_kind
                    draft.cite("kind", source_start + found.start(), source_start + found.end())
                    break
            if kind:
                break
        draft.kind = kind or ("contribution" if channels else "unspecified")
        draft.cumulative = bool(context.cues.cumulative.search(lead.text)) and draft.status == "provided"
        return draft

    @staticmethod
    def _donor_from(draft: FactDraft, previous: list[ResolvedMention], context: _Context) -> None:
        subject = next((m for m in previous if m.label in ("COUNTRY", "ORG")), None)
        if subject is not None:
            draft.donor = donor_from_mention(subject, context)
            draft.cite("donor", subject.start, subject.end)

    def _continue_from_text(self, draft: FactDraft, sentence: Sentence, block_sentences, context: _Context) -> None:
        """A paragraph's first fact may still continue its earlier sentence:
        "In May 2021, the NGO launched a programme to assist India and Nepal.
        Through this programme it provided ¥78 million" -> May 2021, IND, NPL."""
        earlier = [s for s in block_sentences if s[1] <= sentence.start]
        if not earlier:
            return
        start, end = earlier[-1]
        previous = context.mentions_in(start, end)
        if not _CONTINUATION.search(sentence.text[:60]):
            # "The IMF has also stepped up its own lending. Since November 2008, it has
            # approved ...": a pronoun that gives names the giver of the sentence before.
            pronoun = any(t.lower_ in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass") for t in sentence.doc)
            if pronoun and draft.donor is None and draft.open_subject:
                self._donor_from(draft, previous, context)
            if draft.date is None and draft.status == "pledged" and context.cues.occasions.search(context.text[start:end]):
                # "The Donors' Conference, held in Islamabad on November 19, 2005, brought
                # together ... Donors pledged ...": a pledge is made on the occasion before it.
                date = next((m for m in previous if m.label == "DATE"), None)
                if date is not None:
                    draft.date = _date_norm(date)
                    draft.cite("date", date.start, date.end)
            return
        if draft.date is None:
            date = next((m for m in previous if m.label == "DATE"), None)
            if date is not None:
                draft.date = _date_norm(date)
                draft.cite("date", date.start, date.end)
        if draft.donor is None and draft.open_subject:
            self._donor_from(draft, previous, context)
        donor_code = draft.donor.get("iso3") if draft.donor else None
        if not draft.recipients and not draft.channels and not draft.regions:
            codes = {m.norm["iso3"] for m in previous if m.label == "COUNTRY" and m.norm.get("iso3") != donor_code}
            if codes:
                draft.recipients = sorted(codes)
                for m in previous:
                    if m.label == "COUNTRY" and m.norm.get("iso3") in codes:
                        draft.cite("recipients", m.start, m.end)


_THROUGH_BEFORE = re.compile(r"\b(?:through|via)\s+(?:the\s+)?$")
_INLINE_SEPARATOR = re.compile(r"[,;:]|\band\b")
_PART_FILLER = re.compile(r"^[\s()\[\]–—:-]*(?:(?:and|the|for|of|which|accounted|amounted|to|was|were|came)\b[\s()\[\]–—:-]*)*$", re.IGNORECASE)
_ITEM_SEMICOLON = re.compile(r";")
# What may stand around an item's names: "UNICEF (1.5 million)", "and for Romania, €12.9 billion".
_INLINE_FILLER = re.compile(r"^[\s()\[\]–—:-]*(?:(?:and|the|for|to|in)\b[\s()\[\]–—:-]*)*,?\s*$")


def _piece_start(sentence: Sentence, colon: int, offset: int) -> int:
    """Where a list item after the colon begins: after the last separator before the amount."""
    piece_start = sentence.start + colon + 1
    # "...: for Hungary, €12.3 billion; for Ukraine, US$16.4 billion": items split by
    # semicolons keep their commas inside.
    separator = _ITEM_SEMICOLON if ";" in sentence.text[colon + 1 :] else _INLINE_SEPARATOR
    for found in separator.finditer(sentence.text, colon + 1, offset):
        at = sentence.start + found.start()
        if not any(m.start <= at < m.end for m in sentence.mentions):  # "Red Cross and Red Crescent"
            piece_start = sentence.start + found.end()
    return piece_start


def _piece_names(anchor: ResolvedMention, sentence: Sentence, context: _Context, piece_start: int) -> list[ResolvedMention]:
    """The organizations or countries that name an inline list item ("UNICEF (1.5 million)",
    "Brazil (¥35.2 billion)"), or [] when the item is more than a name before its amount."""
    names = [m for m in sentence.mentions if m.label in ("ORG", "COUNTRY") and piece_start <= m.start and m.end <= anchor.start]
    rest, cursor = [], piece_start
    for mention in names:
        rest.append(context.text[cursor : mention.start])
        cursor = mention.end
    rest.append(context.text[cursor : anchor.start])
    return names if names and _INLINE_FILLER.match("".join(rest)) else []


def inline_item_names(anchor: ResolvedMention, sentence: Sentence, context: _Context) -> list[ResolvedMention]:
    """The countries and organizations that name `anchor` as an item of a list after a colon, else []."""
    offset = anchor.start - sentence.start
    colon = sentence.text.rfind(":", 0, offset)
    if colon < 0:
        return []
    names = _piece_names(anchor, sentence, context, _piece_start(sentence, colon, offset))
    return [m for m in names if (m.label == "COUNTRY" and m.norm.get("iso3")) or (m.label == "ORG" and not is_government(m.norm, context))]


_BEFORE_PARENTHESIS = re.compile(r"\s*\(\s*$")


def parenthesized_item_names(anchor: ResolvedMention, sentence: Sentence, context: _Context) -> list[ResolvedMention]:
    """"... included, in US dollars, Yemen (25 million), Lebanon (10 million) and Tunisia
    (6 million)": in a run of `Name (amount)` items, the name before the amount's
    parenthesis is the item's own, not every name of the run."""
    def named(money: ResolvedMention) -> Optional[ResolvedMention]:
        before = [m for m in sentence.mentions if m.label in ("COUNTRY", "ORG") and m.end <= money.start]
        if before and _BEFORE_PARENTHESIS.match(context.text[before[-1].end : money.start]):
            return before[-1]
        return None

    own = named(anchor)
    if own is None:
        return []
    items = [m for m in sentence.mentions if m.label == "MONEY" and m is not anchor and named(m) is not None]
    if not items:
        return []
    if own.label == "ORG" and is_government(own.norm, context):
        return []
    return [own] if own.label == "ORG" or own.norm.get("iso3") else []


_RESPECTIVELY = re.compile(r"\brespectively\b")


def _respective_giver(sentence: Sentence, flow: Flow, anchor: ResolvedMention, context: _Context) -> tuple[Optional[ResolvedMention], list[ResolvedMention]]:
    """"Saudi Arabia and Kuwait pledged US$1 billion and US$1.5 billion respectively": the
    givers and the amounts pair in order; (this amount's giver, all the givers)."""
    if not _RESPECTIVELY.search(sentence.text):
        return None, []
    verb = next((t for t in flow.chain[flow.index :] if t.pos_ in ("VERB", "AUX") and (_subject(t) is not None or t.dep_ == "acl")), None)
    if verb is None:
        return None, []
    subject = _subject(verb)
    if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head  # "the ADB and the World Bank, which announced US$600 million and US$500 million respectively"
    if subject is None or subject.i == verb.head.i:  # "with UNICEF and the IFRC receiving ...": the participle hangs on the last name
        subject = verb.head
        while subject.dep_ == "conj":
            subject = subject.head
    givers: list[ResolvedMention] = []
    for m in _mentions_in(sentence, subject, ("COUNTRY", "ORG")):
        if givers and context.text[givers[-1].end : m.start] == " (":
            continue  # "the Asian Development Bank (ADB)": one giver
        givers.append(m)
    # The amounts of this verb's clause ("..., which announced US$600 million and US$500 million
    # respectively, the pledges ... totalled some US$4.4 billion": not the last).
    clause_end = sentence.start + max(t.idx + len(t.text) for t in verb.subtree)
    amounts = [m for m in sentence.mentions if m.label == "MONEY" and sentence.start + verb.idx < m.start and m.end <= clause_end
               and not m.norm.get("equivalent_of")]
    if len(givers) < 2 or len(givers) != len(amounts):
        return None, []
    index = next((i for i, m in enumerate(amounts) if (m.start, m.end) == (anchor.start, anchor.end)), None)
    return (givers[index], givers) if index is not None else (None, [])


def _generic_givers(chain: list[Token], context: _Context) -> bool:
    """Whether the lead-in's giving verb has a generic subject ("partners", "donors",
    "participating countries"), so that its rows name the givers."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    subject = _subject(verb) if verb is not None else None
    return subject is not None and _lemma(subject) in context.cues.generic_givers


def _lead_receiver(lead: Sentence, context: _Context) -> Optional[ResolvedMention]:
    """The state a lead-in says received ("donations received by the Government of Japan"):
    its rows then name the givers."""
    for verb in lead.doc:
        if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in _RECEIVE or _lemma(verb) == "account":
            continue
        agents = [pobj for child in verb.children if child.dep_ == "agent" for pobj in child.children]
        subject = _subject(verb)
        for who in agents + ([subject] if subject is not None and verb.dep_ not in ("acl", "relcl") else []):
            found = _mention_at(lead, who, ("COUNTRY", "ORG")) or next(iter(_mentions_in(lead, who, ("COUNTRY", "ORG"))), None)
            if found is not None and country_in_name(context.text[found.start : found.end], context):
                return found
    return None


def _lead_in_gives(sentence: Sentence, colon: int) -> bool:
    """Whether the lead-in before the colon has a giving verb of its own ("Of this, Japan
    contributed the following amounts ...:"), whose parse reads the items' slots."""
    cues = load_cues()
    return any(t.idx < colon and t.pos_ == "VERB" and _lemma(t) in cues.giving_verbs for t in sentence.doc)


def _inline_item(anchor: ResolvedMention, sentence: Sentence, earlier: list[FactDraft], equivalents, context: _Context, block) -> Optional[FactDraft]:
    """An amount in a list after a colon, named by the organization or country
    just before it ("...(in US dollars): UNICEF 2.3 million, WHO 1.0 million"):
    a part of the total the list breaks down (the fact before it in the
    paragraph), with its own channel or recipient (guidelines, "Where slots
    come from", 2)."""
    offset = anchor.start - sentence.start
    colon = sentence.text.rfind(":", 0, offset)
    if colon < 0 or not earlier:
        return None
    lead_end = sentence.start + colon
    # The total: an amount of the lead-in itself ("Japan contributed a total of US$48.5 million
    # to WFP ..., as follows: Niger (US$17.0 million), ..."), else the fact before the sentence
    # when the lead-in only points to it ("The contributions (in US dollars) are:"). A lead-in
    # that says where or when but no amount ("In FY2020, Japan's contributions ... in Lebanon
    # were:") is read by the parse.
    before = [d for d in earlier if d.anchor.start < lead_end]  # not the list's other items
    lead_date = next((m for m in sentence.mentions if m.label == "DATE" and sentence.start <= m.start < lead_end), None)
    if not before:
        return None
    total = before[-1]
    giver = (total.donor or {}).get("iso3")
    if total.anchor.start < sentence.start and any(
        sentence.start <= m.start < lead_end and (m.label == "MONEY" or (m.label == "COUNTRY" and m.norm.get("iso3") != giver))
        for m in sentence.mentions
    ):
        return None
    if total.anchor.start < sentence.start and ";" in sentence.text[colon + 1 :] and _lead_in_gives(sentence, colon):
        return None  # the lead-in's own verb gives; the parse reads each item
    piece_start = _piece_start(sentence, colon, offset)
    names = _piece_names(anchor, sentence, context, piece_start)
    label_kind = None
    if not names:
        # A part named by its kind: "...: grant aid accounted for ¥76.4 billion, technical
        # cooperation for ¥28.9 billion and ODA loans for ¥81.8 billion".
        piece = context.text[piece_start : anchor.start]
        for kind, pattern in context.cues.kinds:
            found = pattern.search(piece)
            if found and _PART_FILLER.match(piece[: found.start()] + " " + piece[found.end() :]):
                label_kind = kind
                break
        if label_kind is None:
            return None
    draft = FactDraft.for_amount(anchor, block, sentence.span, equivalents.get((anchor.start, anchor.end), []))
    draft.take(total, "donor", "date", "kind", "status", "recipients", "regions")
    draft.cumulative, draft.open_subject, draft.home_government = total.cumulative, total.open_subject, total.home_government
    if label_kind is not None:
        draft.kind = label_kind
        draft.evidence.pop("kind", None)
    if lead_date is not None and total.anchor.start < sentence.start:
        # "Through this programme, Japan signed loan agreements in FY2020 with: ...": the lead-in's own date.
        draft.date = _date_norm(lead_date, context.text)
        draft.evidence.pop("date", None)
        draft.cite("date", lead_date.start, lead_date.end)
    countries = sorted({m.norm["iso3"] for m in names if m.label == "COUNTRY" and m.norm.get("iso3")})
    if countries:
        # A part for a country keeps the total's channel and region ("to WFP for food
        # assistance in the Sahel, as follows: Niger (...)").
        draft.recipients = countries
        draft.evidence.pop("recipients", None)
        draft.channels = [dict(c) for c in total.channels]
        draft.cite_from(total, "channels")
    for mention in names:
        if mention.label == "ORG" and not is_government(mention.norm, context):
            _add_channel(draft.channels, mention)
            draft.cite("channels", mention.start, mention.end)
        elif mention.label == "COUNTRY" and mention.norm.get("iso3") in countries:
            draft.cite("recipients", mention.start, mention.end)
    return draft


# A state that gives in this share of a document's attributed facts is the
# document's donor (Japan, in its white paper).
_DOCUMENT_DONOR_SHARE = 0.6


_GAP = re.compile(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?$")
# "..., and the ADB a policy-based loan of US$512 million": a short noun phrase naming the giving may come between.
_GIVER_TO_AMOUNT = re.compile(
    r"\)?\s*(?:an?\s+(?:[\w-]+\s+){1,3}of\s+)?(?:(?:about|approximately|around|some|nearly|almost|roughly|over|up to|more than|a further|another)\s+)?")


def _gapped_item(anchor: ResolvedMention, sentence: Sentence, earlier: Sequence[FactDraft], equivalents, context: _Context, block) -> Optional[FactDraft]:
    """"..., with the ADB providing US$150 million, Malaysia US$150 million and Indonesia
    US$120 million": a giver written right before its amount, after the amount before it,
    gives as that amount's giver does, with the verb left out. The parse cannot read a
    left-out verb, so the text decides."""
    before = [d for d in earlier if d.sentence[0] == sentence.start and d.anchor.end <= anchor.start]
    if not before or not before[-1].donor:
        return None
    previous = before[-1]
    colon = sentence.text.rfind(":", 0, anchor.start - sentence.start)
    if colon >= 0 and not any(t.pos_ == "VERB" and colon < t.idx < previous.anchor.start - sentence.start for t in sentence.doc):
        return None  # "...: UNHCR 8.2 million, UNICEF 6.4 million": a list's items, read as such
    names = [m for m in sentence.mentions if m.label in ("COUNTRY", "ORG") and previous.anchor.end <= m.start and m.end <= anchor.start]
    if not names or not _GIVER_TO_AMOUNT.fullmatch(context.text, names[-1].end, anchor.start):
        return None
    giver = names[-1]
    if len(names) > 1 and context.text[names[-2].end : giver.start] == " (" and context.text[giver.end : giver.end + 1] == ")":
        giver = names[-2]  # "and the European Union (EU) about €490 million": the name before its acronym
    if not _GAP.match(context.text[previous.anchor.end : giver.start]):
        # "... pledged US$500 million to the fund over five years, and the United Kingdom £80
        # million": the first amount's words may come between, if the giver heads no clause.
        token = sentence.root(giver.start, giver.end)
        tail = _GAP.search(context.text, max(previous.anchor.end, giver.start - 8), giver.start)
        between = context.text[previous.anchor.end : giver.start]
        # "... US$440 million in credits and grants and the ADB a policy-based loan of US$512 million";
        # "... for response in Guinea, Liberia and Sierra Leone, the European Union (EU) more than
        # €1.2 billion": an organization is the giver even after the first amount's places.
        if tail is None or token is None or token.dep_ in ("nsubj", "nsubjpass") \
                or any(m.label in ("MONEY", "COUNTRY", "ORG") and previous.anchor.end <= m.start and m.end <= giver.start
                       and not (giver.label == "ORG" and m.label == "COUNTRY") for m in sentence.mentions):
            return None
    donor = donor_from_mention(giver, context)
    if not donor or donor == previous.donor:
        return None
    draft = FactDraft.for_amount(anchor, block, previous.sentence, equivalents.get((anchor.start, anchor.end), []))
    draft.donor = donor
    draft.cite("donor", giver.start, giver.end)
    draft.take(previous, "date", "kind", "status", "recipients", "regions", "channels")
    draft.cumulative = previous.cumulative
    draft.recipients = [code for code in draft.recipients if code != donor.get("iso3")]
    draft.channels = [c for c in draft.channels if c.get("name") != donor.get("org")]
    # "... and the World Bank a grant of US$50 million": the item's own kind word.
    for kind, pattern in context.cues.kinds:
        found = pattern.search(context.text, giver.end, anchor.start)
        if found:
            draft.kind = kind
            draft.evidence["kind"] = [(found.start(), found.end())]
            break
    if "iso3" in donor:
        # The givers of the run are not what the parse took them for: recipients of its first amount.
        for other in before:
            if donor["iso3"] in other.recipients:
                other.recipients = [code for code in other.recipients if code != donor["iso3"]]
                other.evidence["recipients"] = [span for span in other.evidence.get("recipients", []) if span != (giver.start, giver.end)]
        draft.evidence["recipients"] = [span for span in draft.evidence.get("recipients", []) if span != (giver.start, giver.end)]
    return draft


_PART_VERBS = frozenset({"be", "come", "go"})


def _spends_its_own(draft: FactDraft, sentence: Sentence, context: _Context) -> bool:
    """"The Government of Kenya has allocated KES 10 billion (about US$85 million) of its own
    budget to drought relief": a state's spending of its own budget is no flow (guidelines: budgets are not facts). Read between
    the amounts next to this one, so another amount's "own budget" is not this one's."""
    if draft.donor and "iso3" not in draft.donor:
        return False  # an organization's "own resources" are what it gives
    skip = {(m.start, m.end) for m in [draft.anchor, *draft.equivalents]}
    near = [m for m in sentence.mentions if m.label == "MONEY" and (m.start, m.end) not in skip]
    start = max((m.end for m in near if m.end <= draft.anchor.start), default=sentence.start)
    end = min((m.start for m in near if m.start >= draft.anchor.end), default=sentence.span[1])
    return context.cues.own_resources.search(context.text, start, end) is not None


def _breakdown_row(anchor: ResolvedMention, item: Sentence, total: FactDraft, equivalents, context: _Context, block) -> FactDraft:
    """"Japan has provided grant aid totalling ¥17 billion ... The breakdown by destination is
    as follows (Unit: ¥100 million): / Southeast Asia: 41.2": rows under a lead-in that gives
    nothing itself break down the total of the paragraph above (guidelines, "Where slots come
    from", 2); each keeps the total's slots and names its own destination."""
    draft = FactDraft.for_amount(anchor, block, item.span, equivalents.get((anchor.start, anchor.end), []))
    draft.take(total, "donor", "date", "kind", "status", "channels")
    draft.cumulative, draft.open_subject, draft.home_government = total.cumulative, total.open_subject, total.home_government
    donor_code = (total.donor or {}).get("iso3")
    places = [m for m in item.mentions if m.label == "COUNTRY" and m.norm.get("iso3") and m.norm["iso3"] != donor_code]
    regions = sorted({context.regions.names[m.group()] for m in context.regions.pattern.finditer(item.text)})
    if places or regions:
        draft.recipients, draft.regions = sorted({m.norm["iso3"] for m in places}), regions
        for mention in places:
            draft.cite("recipients", mention.start, mention.end)
    else:
        draft.take(total, "recipients", "regions")
    for mention in item.mentions:
        if mention.label == "ORG" and not is_government(mention.norm, context):
            if not any(c["name"] == mention.norm.get("name") for c in draft.channels):
                _add_channel(draft.channels, mention)
            draft.cite("channels", mention.start, mention.end)
    return draft


def _copular_part(anchor: ResolvedMention, sentence: Sentence, earlier: Sequence[FactDraft], equivalents, context: _Context, block) -> Optional[FactDraft]:
    """"..., of which US$3.25 billion came from Saudi Arabia", "Of this, US$6 million was for
    Türkiye and US$2.5 million for Syria": an amount that is the subject of 'be', 'come' or
    'go' after a part-of marker is a part of the total before it (guidelines, "Where slots
    come from", 2): the total's slots, with what the verb names for the part (`for` a place
    or a year, `from` a giver)."""
    offset = anchor.start - sentence.start
    marker = None
    for found in _PART_OF.finditer(sentence.text, 0, offset):
        marker = found
    before = [d for d in earlier if d.anchor.end <= anchor.start]
    if marker is None or not before:
        return None
    money = sentence.root(anchor.start, anchor.end)
    if money is None:
        return None
    verb = money.head
    if money.dep_ == "conj":  # "... and US$2.5 million for Syria": the verb of the first part
        firsts = [sentence.root(m.start, m.end) for m in sentence.mentions
                  if m.label == "MONEY" and sentence.start + marker.end() <= m.start and m.end <= anchor.start]
        verb = next((t.head for t in firsts if t is not None and t.dep_ in ("nsubj", "nsubjpass")), verb)
    elif money.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in _PART_VERBS:
        return None
    # The total: the fact before the marker in this sentence, else the paragraph's last.
    in_sentence = [d for d in before if d.sentence[0] == sentence.start and d.anchor.end <= sentence.start + marker.start()]
    total = (in_sentence or before)[-1]
    draft = FactDraft.for_amount(anchor, block, sentence.span, equivalents.get((anchor.start, anchor.end), []))
    draft.take(total, "donor", "date", "kind", "status", "recipients", "regions", "channels")
    draft.cumulative, draft.open_subject, draft.home_government = total.cumulative, total.open_subject, total.home_government
    # What the part's own words name: the prepositions on the money or, for the first part, on the verb.
    # A later part's words on the shared verb are those after its own amount ("..., of which
    # US$6 million went through the WFP ... and US$4 million through UNICEF").
    holders = [money, verb]
    # "of which US$8 million was to be channelled through UNICEF": the verb the copula carries.
    holders += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    # A part's words end where the next part's amount begins.
    limit = _next_amount_start(sentence, anchor.end)
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("for", "from", "to", "in", "through", "via")
                     and (holder.i == money.i or money.dep_ in ("nsubj", "nsubjpass") or sentence.start + c.idx > anchor.end)):
            span = (sentence.start + prep.idx, min(limit, sentence.start + prep.idx + sum(len(t.text_with_ws) for t in prep.subtree)))
            inside = [m for m in sentence.mentions if span[0] <= m.start and m.end <= span[1]]
            places = [m for m in inside if m.label == "COUNTRY" and m.norm.get("iso3")]
            regions = sorted({context.regions.names[r.group()] for r in context.regions.pattern.finditer(context.text, *span)})
            dates = [m for m in inside if m.label == "DATE"]
            givers = [m for m in inside if m.label in ("COUNTRY", "ORG")]
            organizations = [m for m in inside if m.label == "ORG" and not is_government(m.norm, context)]
            if prep.lower_ in ("through", "via") or (prep.lower_ == "to" and organizations and not places and not regions):
                # "of which US$6 million went through the WFP", "US$1.5 million went to the UNHCR":
                # the part's own channel.
                if organizations:
                    draft.use_channels(organizations)
            elif prep.lower_ == "from" and givers:
                draft.donor = donor_from_mention(givers[0], context)
                draft.evidence.pop("donor", None)
                draft.cite("donor", givers[0].start, givers[0].end)
                draft.recipients = [c for c in draft.recipients if c != (draft.donor or {}).get("iso3")]
            elif places or regions:
                draft.recipients = sorted({m.norm["iso3"] for m in places})
                draft.regions = regions
                draft.evidence.pop("recipients", None)
                draft.evidence.pop("regions", None)
                for m in places:
                    draft.cite("recipients", m.start, m.end)
            elif dates:
                draft.date = _date_norm(dates[0], context.text)
                draft.evidence.pop("date", None)
                draft.cite("date", dates[0].start, dates[0].end)
    # "of which €385 million is in grants and the rest in concessional loans": the part's own kind.
    words = re.match(r"\s*(?:is|was|are|were|went|came)?\s*(?:in|as|for)\s+(?:the\s+form\s+of\s+)?([^,;]{1,40})", context.text[anchor.end : limit])
    if words:
        for kind, pattern in context.cues.kinds:
            found = pattern.match(words.group(1))
            if found:
                draft.kind = kind
                draft.evidence["kind"] = [(anchor.end + words.start(1), anchor.end + words.start(1) + found.end())]
                break
    # The parse of a run of parts often hangs "... and US$0.5 million to the ICRC" or a second
    # organization on the wrong word: the part's own words, read as text, name its channels.
    own = _part_channels(anchor.end, limit, sentence, context)
    if own:
        draft.use_channels(own)
    return draft


def _own_channels_by_text(sentence: Sentence, draft: FactDraft, context: _Context) -> None:
    """"..., with US$5.5 million going through the IOM ... and US$4.5 million through the
    UNHCR": an organization written right after another amount ("US$4.5 million through
    the UNHCR") is that amount's, and the ones right after this amount are this one's."""
    amounts = sorted((m for m in sentence.mentions if m.label == "MONEY" and not m.norm.get("equivalent_of")), key=lambda m: m.start)
    if len(amounts) < 2:
        return
    skip = {(m.start, m.end) for m in [draft.anchor, *draft.equivalents]}
    others = [m for m in amounts if (m.start, m.end) not in skip]
    theirs: set[tuple[int, int]] = set()
    for other in others:
        marker = [m for m in _PART_OF.finditer(context.text, other.end, draft.anchor.start)] if other.end <= draft.anchor.start else []
        if marker and draft.anchor.start - marker[-1].end() <= 30 and not any(
                m.label in ("COUNTRY", "ORG") and marker[-1].end() <= m.start < draft.anchor.start for m in sentence.mentions):
            continue  # "... ¥1.8 billion through UNICEF ..., of which about ¥400 million": the total's channel is the part's
        limit = min((m.start for m in amounts if m.start > other.end), default=sentence.span[1])
        theirs |= {(m.start, m.end) for m in _part_channels(other.end, limit, sentence, context)}
    if not theirs:
        return
    limit = min((m.start for m in others if m.start > draft.anchor.end), default=sentence.span[1])
    mine = _part_channels(draft.anchor.end, limit, sentence, context)
    kept = [c for c in draft.channels if not any((m.start, m.end) in theirs and m.norm.get("name") == c.get("name")
                                                 for m in sentence.mentions if m.label == "ORG")]
    if len(kept) == len(draft.channels) and not mine:
        return
    draft.channels = kept
    for m in mine:
        if not any(c.get("name") == m.norm.get("name") for c in draft.channels):
            _add_channel(draft.channels, m)
        draft.cite("channels", m.start, m.end)
    draft.evidence["channels"] = [span for span in draft.evidence.get("channels", []) if span not in theirs]
    if not draft.evidence["channels"]:
        draft.evidence.pop("channels")


_PART_CHANNEL_LEAD = re.compile(
    r"\s*(?:(?:went|goes|going|was|is|were|are|being|will\s+go)\s+)?(?:to\s+be\s+)?"
    r"(?:(?:provided|channell?ed|disbursed|extended|implemented|allocated|delivered)\s+)?(?:to|through|via)\s+(?:the\s+)?")


def _part_channels(start: int, limit: int, sentence: Sentence, context: _Context) -> list[ResolvedMention]:
    """"US$1.5 million went to the UNHCR ... and US$0.5 million to the ICRC", "US$8 million
    was to be channelled through UNICEF and the WFP": the organizations right after a part's
    amount, and those listed after them."""
    organizations = [m for m in sentence.mentions if m.label == "ORG" and start <= m.start and m.end <= limit]
    if not organizations or not _PART_CHANNEL_LEAD.fullmatch(context.text, start, organizations[0].start):
        return []
    return [m for m in _listed_run(organizations, context) if not is_government(m.norm, context)]


def _next_amount_start(sentence: Sentence, after: int) -> int:
    """Where the sentence's next amount after `after` begins: a part's words end there."""
    return min((m.start for m in sentence.mentions if m.label == "MONEY" and m.start > after), default=sentence.span[1])


def _listed_run(mentions: Sequence[ResolvedMention], context: _Context) -> list[ResolvedMention]:
    """The first mention and those listed right after it ("UNICEF, the WFP and the IFRC";
    an acronym in parentheses after a name is that name's, not another item)."""
    found, end = [mentions[0]], mentions[0].end
    for m in mentions[1:]:
        if _ACRONYM_AFTER.fullmatch(context.text, end, m.start):
            end = m.end
        elif _LIST_GAP.fullmatch(context.text, end, m.start):
            found.append(m)
            end = m.end
        else:
            break
    return found


def _document_donor(drafts: list[FactDraft]) -> None:
    """Facts whose text names no giver (a table row under "Bilateral ODA to
    Oceania", "grant aid of ¥1.2 billion was provided", "the Ministry of
    Foreign Affairs contributed") take the state that gives in most of the
    document's facts, when one clearly does."""
    states = [d.donor["iso3"] for d in drafts if d.donor and "iso3" in d.donor]
    if not states:
        return
    top = max(sorted(set(states)), key=states.count)
    if states.count(top) < _DOCUMENT_DONOR_SHARE * len(states):
        return
    for draft in drafts:
        unnamed = draft.donor is None and draft.open_subject
        home_ministry = bool(draft.donor and "org" in draft.donor and draft.home_government)
        if unnamed or home_ministry:
            draft.donor = {"iso3": top}
            if top in draft.recipients:
                draft.recipients = [code for code in draft.recipients if code != top]


_REGION_ANAPHORA = re.compile(r"\b(?:the|this|that) region\b")


def _region_anaphora(draft: FactDraft, sentence: Sentence, block: Block, context: _Context) -> None:
    """"... commitments to the region": the region the paragraph named before."""
    found = _REGION_ANAPHORA.search(sentence.text)
    if not found:
        return
    # The paragraph up to the phrase: "to help the Pacific ... secure vaccines, and New Zealand
    # set aside NZ$50 million for vaccines in the region".
    before = context.text[block.start : sentence.start + found.start()]
    named = [m for m in context.regions.pattern.finditer(before)]
    if named:
        last = named[-1]
        draft.regions = [context.regions.names[last.group()]]
        draft.cite("regions", block.start + last.start(), block.start + last.end())


_TOPIC_OPENING = re.compile(r"^(?:In|For|To|Regarding|As for)\s+(?:the\s+)?")


_PART_OF = re.compile(r"\b(?:of which|of this|of these|including)\b", re.IGNORECASE)


def _part_of_total(draft: FactDraft, earlier: Iterable[FactDraft], context: _Context) -> None:
    """"ODA to South Asia totaled US$3.1 billion, of which India received US$1.9 billion": a
    part named in the total's sentence takes the total's open date, donor and region."""
    total = next((d for d in reversed(list(earlier)) if d.sentence == draft.sentence and d.anchor.end <= draft.anchor.start), None)
    if total is None or not _PART_OF.search(context.text[total.anchor.end : draft.anchor.start]):
        return
    if draft.date is None and total.date is not None:
        draft.date = dict(total.date)
        draft.cite_from(total, "date")
    if draft.donor is None and total.donor is not None:
        draft.donor = dict(total.donor)
        draft.cite_from(total, "donor")
    if not draft.regions and total.regions:
        draft.regions = list(total.regions)
        draft.cite_from(total, "regions")


def _share_of_channels(draft: FactDraft, previous: FactDraft) -> None:
    """"... Emergency Grant Aid totaling US$2.5 million ... through PAHO, UNICEF and the IFRC.
    PAHO received US$1.2 million for mosquito control": an amount that goes to one of the
    channels of a larger total just before it is that total's share (guidelines, "Where slots
    come from", 2, the parts of an amount) and keeps its date, kind and destinations."""
    names = {c["name"] for c in previous.channels}
    if len(names) < 2 or not draft.channels or not {c["name"] for c in draft.channels} <= names:
        return
    amount, total = draft.anchor.norm, previous.anchor.norm
    if amount.get("currency") != total.get("currency") or not (amount.get("amount") or 0) < (total.get("amount") or 0):
        return
    if draft.date is None and previous.date is not None:
        draft.take(previous, "date")
    if draft.kind in ("unspecified", "contribution") and previous.kind not in ("unspecified", "contribution"):
        draft.take(previous, "kind")
    if not draft.recipients and not draft.regions:
        draft.take(previous, "recipients", "regions")


_PART_PLACE_LEAD = re.compile(r"\s*(?:(?:went|goes|was|were|is|are)\s+)?(?:(?:provided|allocated|disbursed|extended)\s+)?(?:to|for|in)\s+(?:the\s+)?")


def _parts_own_places(draft: FactDraft, sentence: Sentence, earlier: Iterable[FactDraft], context: _Context) -> None:
    """"... totalled 51.7 billion yen, of which 19.4 billion yen went to Asia, 13.1 billion yen
    to Africa and 4.2 billion yen to the Pacific Island countries": the places written right
    after a part's amount are that part's own (read as text: the parse of such runs is poor),
    and they are not the total's."""
    total = next((d for d in reversed(list(earlier)) if d.sentence == draft.sentence and d.anchor.end <= draft.anchor.start
                  and _PART_OF.search(context.text, d.anchor.end, draft.anchor.start)), None)
    if total is None:
        return
    anchor = draft.anchor
    limit = _next_amount_start(sentence, anchor.end)
    lead = _PART_PLACE_LEAD.match(context.text, anchor.end, limit)
    if not lead:
        return
    places = [m for m in sentence.mentions if m.label == "COUNTRY" and m.norm.get("iso3") and lead.end() <= m.start < limit]
    region = context.regions.pattern.match(context.text, lead.end())
    listed = _listed_run(places, context) if places and places[0].start == lead.end() else []
    if not listed and region is None:
        return
    draft.recipients = sorted({m.norm["iso3"] for m in listed})
    draft.regions = [context.regions.names[region.group()]] if region is not None else []
    draft.evidence.pop("recipients", None)
    draft.evidence.pop("regions", None)
    for m in listed:
        draft.cite("recipients", m.start, m.end)
    # The total keeps only the places that are no part's.
    spans = {(m.start, m.end) for m in listed} | ({(region.start(), region.end())} if region is not None else set())
    kept = {slot: [span for span in total.evidence.get(slot, []) if span not in spans] for slot in ("recipients", "regions")}
    still = {m.norm.get("iso3") for m in sentence.mentions if m.label == "COUNTRY" and (m.start, m.end) in kept["recipients"]}
    total.recipients = [c for c in total.recipients if c not in draft.recipients or c in still]
    still_regions = {context.regions.names.get(context.text[a:b]) for a, b in kept["regions"]}
    total.regions = [r for r in total.regions if r not in draft.regions or r in still_regions]
    for slot, value in kept.items():
        if value:
            total.evidence[slot] = value
        else:
            total.evidence.pop(slot, None)


def _counted_countries(draft: FactDraft, sentence: Sentence, block_sentences, context: _Context) -> None:
    """"... the criminal justice systems of the three Sahel countries": the countries named
    before it in the sentence, else in the nearest earlier sentence of the paragraph that
    names as many."""
    found = context.cues.counted_countries.search(sentence.text)
    if found is None:
        return
    count = context.cues.count_words.get(found.group(1).lower()) or int(found.group(1))
    donor = (draft.donor or {}).get("iso3")
    at = sentence.start + found.start()
    spans = [(sentence.start, at)] + [(s, e) for s, e in reversed(block_sentences) if e <= sentence.start]
    for start, end in spans:
        named = [m for m in context.mentions_in(start, end) if m.label == "COUNTRY" and m.norm.get("iso3") and m.norm["iso3"] != donor]
        codes = sorted({m.norm["iso3"] for m in named})
        if len(codes) == count:
            draft.recipients = codes
            for mention in named:
                draft.cite("recipients", mention.start, mention.end)
            return


def _paragraph_topic(draft: FactDraft, block: Block, context: _Context) -> None:
    """A paragraph that opens on its country, "In Yemen, ...", is about that
    country: its facts that name no destination of their own go there."""
    opening = _TOPIC_OPENING.match(context.text[block.start : block.start + 40])
    if opening is None or draft.anchor.start < block.start:
        return
    following = context.mentions_in(block.start + opening.end(), block.end)
    first = following[0] if following else None
    if first is None or first.label != "COUNTRY" or first.start != block.start + opening.end():
        return
    if context.text[first.end : first.end + 1] not in (",", " ") or (draft.donor or {}).get("iso3") == first.norm.get("iso3"):
        return
    if context.text[first.end : first.end + 1] == " " and not context.text[first.end :].startswith((" and ", " or ")):
        return
    draft.recipients = [first.norm["iso3"]]
    draft.cite("recipients", first.start, first.end)
    if draft.contribution_for_want_of_a_country:
        draft.kind = "unspecified"



def _single_country_paragraph(draft: FactDraft, sentence: Sentence, block: Block, context: _Context) -> None:
    """"Myanmar could not borrow again until its arrears were cleared. ... In January 2013,
    Japan refinanced about ¥200 billion": a paragraph whose earlier sentences name one
    country besides the giver is about that country; a fact in it that names no place
    goes there."""
    if draft.anchor.start < block.start or draft.kind == "aggregate":
        return
    # Not a state that gives in the document: "Japan pledged ... the ADB pledged US$1 billion".
    givers = context.givers | {(draft.donor or {}).get("iso3")}
    # What comes before a colon is read like an earlier sentence: "... have helped Moldova buy
    # gas: in 2023, the EBRD lent ..., and the World Bank approved US$125 million".
    colon = sentence.text.rfind(": ", 0, draft.anchor.start - sentence.start)
    until = sentence.start + colon if colon > 0 else sentence.start
    earlier = [m for m in context.mentions_in(block.start, until) if m.label == "COUNTRY" and m.norm.get("iso3")]
    codes = {m.norm["iso3"] for m in earlier} - givers
    if len(codes) != 1:
        return
    draft.recipients = sorted(codes)
    for mention in earlier:
        if mention.norm["iso3"] in codes:
            draft.cite("recipients", mention.start, mention.end)


def _names_a_place(sentence: Sentence, draft: FactDraft, context: _Context) -> bool:
    donor = (draft.donor or {}).get("iso3")
    if any(m.label == "COUNTRY" and m.norm.get("iso3") != donor for m in sentence.mentions):
        return True
    return context.regions.pattern.search(sentence.text) is not None


_SAME_MONTH = re.compile(r"\bthe same month\b", re.IGNORECASE)


def _same_month(draft: FactDraft, sentence: Sentence, previous: FactDraft, context: _Context) -> None:
    """"In January 2013, Japan refinanced ... in two stages, in 2013 and 2014. The arrears ...
    were settled in the same month": the last month named before, not the last year."""
    for mention in reversed(context.mentions_in(previous.block.start, sentence.start)):
        if mention.label != "DATE":
            continue
        norm = _date_norm(mention, context.text)
        if norm["start"] and norm["end"] and norm["start"][:7] == norm["end"][:7]:
            year, month = int(norm["start"][:4]), int(norm["start"][5:7])
            last = calendar.monthrange(year, month)[1]
            draft.date = {"start": f"{year:04d}-{month:02d}-01", "end": f"{year:04d}-{month:02d}-{last:02d}"}
            draft.evidence["date"] = [(mention.start, mention.end)]
            return


_PLURAL_ANAPHORA = re.compile(r"\b(?:these|those|the same|both) (?:countries|nations)\b", re.IGNORECASE)


def _continue_from(draft: FactDraft, previous: FactDraft, sentence: Sentence, context: _Context) -> None:
    """Open slots from the fact of an earlier sentence of the same paragraph."""
    continues = bool(_CONTINUATION.search(sentence.text[:60]))
    # Statistics run on through a paragraph: "ODA ... in 2019 amounted to ... By country,
    # the United States ranked first ($33.5 billion)" (guidelines, "Where slots come from").
    statistics = draft.kind == "aggregate" and previous.kind == "aggregate"
    # Not for a passive that names no giver ("an Exchange of Notes was signed with El Salvador
    # for a yen loan" after Mexico's own programme): that is the document's donor.
    if draft.donor is None and ((draft.open_subject and (continues or not draft.unnamed_passive)) or statistics):
        draft.donor = previous.donor
        draft.cite_from(previous, "donor")
    same_time = bool(context.cues.date_anaphora.search(sentence.text))  # "in the same year", "at the same conference"
    # "At the conference held in New York in March 2010, donors pledged US$5.3 billion ... Japan
    # pledged up to US$100 million": pledges one after another are of one occasion.
    pledges = draft.status == "pledged" and previous.status == "pledged"
    if draft.date is None and (continues or statistics or same_time or pledges) and previous.date is not None:
        draft.date = previous.date
        draft.cite_from(previous, "date")
        if _SAME_MONTH.search(sentence.text):
            _same_month(draft, sentence, previous, context)
    if not draft.recipients and context.cues.recipient_anaphora.search(sentence.text):
        draft.recipients = list(previous.recipients)
        draft.regions = draft.regions or list(previous.regions)
        draft.cite_from(previous, "recipients")
        if _PLURAL_ANAPHORA.search(sentence.text):
            # "... the following countries: the Philippines (¥50.0 billion), Indonesia (...) ... a
            # total of ¥214.0 billion had been disbursed to these countries": all that sentence names.
            givers = {(d or {}).get("iso3") for d in (draft.donor, previous.donor)} | context.givers
            named = [m for m in context.mentions_in(*previous.sentence) if m.label == "COUNTRY" and m.norm.get("iso3") not in givers]
            if len({m.norm["iso3"] for m in named}) > len(draft.recipients):
                draft.recipients = sorted({m.norm["iso3"] for m in named})
                for m in named:
                    draft.cite("recipients", m.start, m.end)
    elif not (draft.recipients or draft.regions or draft.channels) and (previous.recipients or previous.regions) \
            and not _names_a_place(sentence, draft, context):
        # A paragraph about one country's or region's assistance: "Japan extended a yen loan
        # of ¥12.2 billion in FY2012 for a desalination plant on the island of Djerba."
        givers = {(d or {}).get("iso3") for d in (draft.donor, previous.donor)}
        draft.recipients = [code for code in previous.recipients if code not in givers]
        if draft.recipients:
            draft.cite_from(previous, "recipients")
        draft.regions = list(previous.regions)
        draft.cite_from(previous, "regions")


def sentence_parser(nlp) -> Parser:
    """`nlp.pipe` over sentence texts, batched."""

    def parse(texts: list[str]) -> list[Doc]:
        # Batches of sentences of like length: less padding in the model's batches.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        docs: list[Optional[Doc]] = [None] * len(texts)
        for index, doc in zip(order, nlp.pipe((texts[i] for i in order), batch_size=64)):
            docs[index] = doc
        return docs  # type: ignore[return-value]

    return parse
