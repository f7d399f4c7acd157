"""Each component on spacy.blank("en") and hand-built Docs: no model needed."""

from decimal import Decimal

import pytest
import spacy

import odaextract.pipeline.components  # noqa: F401  (registers the extensions and factories)
from odaextract.pipeline.components.candidates import Candidate
from odaextract.pipeline.components.countries import CountryRecognizer
from odaextract.pipeline.components.money import MoneyRecognizer
from odaextract.pipeline.components.organizations import OrganizationRecognizer
from odaextract.pipeline.components.resolver import MentionResolver, select_non_overlapping
from odaextract.pipeline.abbreviations import find_definitions
from odaextract.pipeline.countries import load_gazetteer
from odaextract.pipeline.money import MoneyMatch
from odaextract.pipeline.organizations import find_org_names, load_registry


def _organizations(nlp):
    return OrganizationRecognizer(nlp, "organizations", load_registry(), load_gazetteer(), find_org_names, find_definitions)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _texts(doc, label=None):
    return [doc.text[c.start : c.end] for c in doc._.odax_candidates or () if label in (None, c.label)]


def test_country_component_longest_match_regions_and_currency(nlp):
    doc = nlp.make_doc("Japan’s aid to Papua New Guinea, the Gulf of Guinea states and Chad, paid in US dollars.")
    CountryRecognizer(nlp, "countries", load_gazetteer())(doc)
    assert _texts(doc) == ["Japan", "Papua New Guinea", "Chad"]
    assert [c.norm["iso3"] for c in doc._.odax_candidates] == ["JPN", "PNG", "TCD"]


def test_country_matching_is_case_sensitive(nlp):
    doc = nlp.make_doc("a turkey and a chad; then Turkey.")
    CountryRecognizer(nlp, "countries", load_gazetteer())(doc)
    assert _texts(doc) == ["Turkey"]


def test_money_component_adapts_any_finder(nlp):
    def finder(text):
        return [
            MoneyMatch(0, 3, Decimal("5000000"), "USD", True, None, 1.0, 1),
            MoneyMatch(5, 8, Decimal("600000000"), "JPY", True, None, 1.0, 0),
        ]

    doc = nlp.make_doc("$5m (¥6b) given")
    MoneyRecognizer("money", finder)(doc)
    first, second = doc._.odax_candidates
    assert first.norm["amount"] == 5000000 and first.norm["equivalent_of"] == [5, 8]
    assert second.norm["equivalent_of"] == [0, 3]


def test_money_factory_takes_its_finder_from_the_registry():
    nlp = spacy.blank("en")
    nlp.add_pipe("odaextract_money", config={"finder": {"@misc": "odaextract.money_finder.v1"}})
    doc = nlp("Japan provided approximately $1.98 billion (approximately ¥196 billion).")
    amounts = [(doc.text[c.start : c.end], c.norm["amount"], c.norm["currency"]) for c in doc._.odax_candidates]
    assert amounts == [("$1.98 billion", 1980000000, "USD"), ("¥196 billion", 196000000000, "JPY")]


def test_organization_component_accepts_org_definitions_only(nlp):
    text = (
        "The Kenya Ports Authority (KPA) signed the Regional Agreement on Port Safety (RAPS) "
        "with the World Food Programme."
    )
    doc = nlp.make_doc(text)
    _organizations(nlp)(doc)
    # Registry and name rule find the names; the accepted definition adds the pair.
    assert sorted(_texts(doc, "ORG")) == ["KPA", "Kenya Ports Authority", "Kenya Ports Authority", "World Food Programme"]
    by_short = {text[ss:se]: names for _, _, ss, se, names in doc._.odax_abbreviations}
    assert by_short == {"KPA": "ORG", "RAPS": None}


def test_organization_component_reverse_definition_and_registry_norm(nlp):
    doc = nlp.make_doc("JICA (Japan International Cooperation Agency) and UNICEF worked together.")
    _organizations(nlp)(doc)
    norms = {doc.text[c.start : c.end]: c.norm for c in doc._.odax_candidates}
    assert norms["Japan International Cooperation Agency"]["acronym"] == "JICA"
    assert norms["UNICEF"]["id"] == "unicef"


def test_model_spans_inside_a_non_org_definition_are_dropped(nlp):
    doc = nlp.make_doc("capacity in Maritime Domain Awareness (MDA) for partners")
    doc._.odax_candidates = [Candidate(12, 37, "ORG", 40, "model", {"name": "Maritime Domain Awareness", "acronym": None})]
    _organizations(nlp)(doc)
    # The organizations component leaves the model's candidate alone (order-independence) ...
    assert _texts(doc, "ORG") == ["Maritime Domain Awareness"]
    # ... and the resolver's overlap policy drops it, because the text defines the term as no organization.
    MentionResolver("resolver")(doc)
    assert [m for m in doc._.odax_mentions if m.label == "ORG"] == []


def test_resolver_prefers_priority_then_length(nlp):
    candidates = [
        Candidate(0, 17, "ORG", 80, "rule", {}),  # Japan Coast Guard
        Candidate(0, 5, "COUNTRY", 60, "gazetteer", {}),  # Japan
        Candidate(20, 30, "ORG", 40, "model", {}),
        Candidate(22, 26, "DATE", 90, "rule", {}),
        Candidate(40, 42, "ORG", 80, "registry", {}),
        Candidate(40, 50, "ORG", 80, "rule", {}),
    ]
    chosen = select_non_overlapping(candidates)
    assert [(c.start, c.end, c.label) for c in chosen] == [(0, 17, "ORG"), (22, 26, "DATE"), (40, 50, "ORG")]


def test_resolver_records_sentences(nlp):
    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    doc = pipe("Japan gave aid. Kenya received it.")
    doc._.odax_candidates = [Candidate(16, 21, "COUNTRY", 60, "gazetteer", {"iso3": "KEN"})]
    MentionResolver("resolver")(doc)
    [mention] = doc._.odax_mentions
    assert doc.text[mention.sentence_start : mention.sentence_end] == "Kenya received it."


def test_extension_values_survive_multiprocess_pipe(annotator):
    """Docs cross process boundaries as bytes: the extension values must be plain data."""
    from odaextract.pipeline.components.resolver import ResolvedMention

    texts = [
        "In 2019, Japan provided $5 million to Kenya through the Kenya Ports Authority (KPA).",
        "KPA and UNICEF worked in Ghana from 2016 to 2018.",
    ]

    def contexts():
        for text in texts:
            doc = annotator.nlp.make_doc(text)
            doc._.odax_context = {"year": 2019, "kind": "paragraph"}
            yield doc

    single = [[ResolvedMention(*m) for m in doc._.odax_mentions] for doc in annotator.nlp.pipe(contexts())]
    multi = [[ResolvedMention(*m) for m in doc._.odax_mentions] for doc in annotator.nlp.pipe(contexts(), n_process=2)]
    assert multi == single
    assert {m.label for m in single[0]} == {"DATE", "COUNTRY", "MONEY", "ORG"}


def test_regression_city_named_after_a_country_is_not_the_country(nlp):
    doc = nlp.make_doc("held in Port of Spain, Trinidad and Tobago, in July 2014")
    CountryRecognizer(nlp, "countries", load_gazetteer())(doc)
    assert _texts(doc) == ["Trinidad and Tobago"]


def test_sentence_bounds_trim_trailing_whitespace_of_each_sentence():
    from odaextract.pipeline.components.resolver import sentence_bounds

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Japan gave aid.  Kenya got it!   Then more. "
    doc = nlp(text)
    assert [text[s:e] for s, e in sentence_bounds(doc)] == ["Japan gave aid.", "Kenya got it!", "Then more."]
class _CountingDoc:
    """A Doc that counts reads of `.text` (spaCy rebuilds it from every token each time)."""

    def __init__(self, doc):
        self._doc, self.text_reads = doc, 0
        self.user_data = {}

    @property
    def text(self):
        self.text_reads += 1
        return self._doc.text

    def __len__(self):
        return len(self._doc)

    def __getitem__(self, i):
        return self._doc[i]

    def has_annotation(self, name):
        return self._doc.has_annotation(name)

    def to_array(self, name):
        return self._doc.to_array(name)


def test_regression_sentence_bounds_read_the_text_once_not_once_per_sentence():
    # Issue 17: a 20,000-character block took 349 ms instead of 6 ms (quadratic).
    from odaextract.pipeline.components.resolver import sentence_bounds

    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    doc = pipe(" ".join(f"Japan gave {i} yen to Kenya." for i in range(200)))
    counting = _CountingDoc(doc)
    bounds = sentence_bounds(counting)
    assert counting.text_reads == 1
    assert len(bounds) == 200
    assert all(doc.text[s:e] == f"Japan gave {i} yen to Kenya." for i, (s, e) in enumerate(bounds))


def test_regression_components_share_one_text_join_per_block():
    # Six components each read `doc.text`, which spaCy joins from every token on
    # each access: a tenth of the annotate stage's own cost (issue 11's bench).
    from odaextract.pipeline.components.candidates import doc_text

    doc = spacy.blank("en")("Japan gave 5 million yen to Kenya through UNICEF.")
    counting = _CountingDoc(doc)
    assert doc_text(counting) == doc.text
    assert doc_text(counting) == doc.text
    assert counting.text_reads == 1
    # The remembered text travels with the Doc, as nlp.pipe(n_process=...) ships it.
    doc_text(doc)
    from spacy.tokens import Doc

    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert copy.user_data["odax_text"] == doc.text


def test_regression_a_model_span_cut_through_parentheses_is_no_organization(nlp):
    from spacy.tokens import Span
    from odaextract.pipeline.components.model_entities import ModelEntityMapper

    doc = nlp.make_doc("The Central Africa Forest Initiative (CAFI) Trust Fund and the Pacific Resilience Fund pool money.")
    cut = doc.char_span(doc.text.index("CAFI"), doc.text.index(" and"), label="ORG", alignment_mode="expand")
    whole = doc.char_span(doc.text.index("Pacific"), doc.text.index(" pool"), label="ORG")
    doc.ents = [cut, whole]
    found = [doc.text[c.start : c.end] for c in ModelEntityMapper("model_entities", ["ORG"], load_gazetteer()).match(doc)]
    assert found == ["Pacific Resilience Fund"]
