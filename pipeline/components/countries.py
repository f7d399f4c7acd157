"""COUNTRY: phrase matching over the gazetteer (see pipeline.countries)."""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from odaextract.pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder, doc_text
from odaextract.pipeline.countries import Gazetteer


@spacy.registry.misc("odaextract.country_gazetteer.v1")
def make_country_gazetteer() -> Gazetteer:
    """The packaged gazetteer (pycountry plus data/country_aliases.json)."""
    from odaextract.pipeline.countries import load_gazetteer

    return load_gazetteer()


_BLOCK = "NOT_COUNTRY"


def _names_a_currency(span) -> bool:
    """"US dollars", "Hong Kong dollar": the country word belongs to a currency name."""
    following = span.doc[span.end : span.end + 1]
    return bool(following) and following[0].lower_.startswith("dollar")


# Text between two items of a list: "Kenya, Ghana", "Kenya and Ghana".
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")


def _drop_list_crossings(text: str, spans: list) -> list:
    """Drop comma forms ("Korea, North", "Macao, China") whose comma is a list comma.

    A comma form is only the text's own inverted name when nothing reads the
    comma as a list: no other name crosses its edges ("South Korea, North
    Korea": "South Korea" and "North Korea" both do), and it is not itself an
    item of a list of names ("Hong Kong, Macao, China and Mongolia": "Macao,
    China" follows "Hong Kong" across a list comma). The parts are matched on
    their own, so dropping the comma form leaves "South Korea", "North Korea",
    "Macao", "China". A comma form whose tail names nothing on its own
    ("Korea, Rep.", "Congo, Dem. Rep.") is never a list and stays whole.
    """
    inverted = [span for span in spans if "," in span.text]
    if not inverted:
        return spans
    dropped = set()
    for span in inverted:
        s, e = span.start_char, span.end_char
        # Only a tail that names something on its own ("Macao, China") can be a list item;
        # "Korea, Rep." and "Congo, Dem. Rep." stay whole in any list.
        comma = s + span.text.rindex(",")
        tail_is_a_name = any("," not in o.text and o.end_char == e and o.start_char > comma for o in spans)
        for other in spans:
            if other is span or "," in other.text:
                continue
            o_s, o_e = other.start_char, other.end_char
            crosses = (o_s < s < o_e) or (o_s < e < o_e)
            adjacent = tail_is_a_name and (
                (o_e <= s and _LIST_GAP.fullmatch(text, o_e, s)) or (e <= o_s and _LIST_GAP.fullmatch(text, e, o_s))
            )
            if crosses or adjacent:
                dropped.add(id(span))
                break
    return [span for span in spans if id(span) not in dropped]


class CountryRecognizer(CandidateFinder):
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer):
        self.name = name
        self.gazetteer = gazetteer
        # Case-sensitive: "Chad", "Turkey", "Jordan" are countries only when capitalized.
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("COUNTRY", list(nlp.tokenizer.pipe(sorted(gazetteer.names))))
        # Regions and seas are matched too so that "Gulf of Guinea" hides "Guinea".
        self.matcher.add(_BLOCK, list(nlp.tokenizer.pipe(sorted(gazetteer.not_countries))))
        self._block_id = nlp.vocab.strings[_BLOCK]
        # Multi-word forms in other letter cases ("Occupied Palestinian territories").
        self.folded_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.folded_matcher.add("COUNTRY", list(nlp.tokenizer.pipe(sorted(gazetteer.folded))))
        self.folded_matcher.add(_BLOCK, list(nlp.tokenizer.pipe(sorted(gazetteer.folded_not_countries))))

    def match(self, doc: Doc) -> list[Candidate]:
        matches = list(self.matcher(doc, as_spans=True))
        exact = {(span.start, span.end) for span in matches}
        for span in self.folded_matcher(doc, as_spans=True):
            # The first word capitalized: "REPUBLIC OF KOREA", "Occupied Palestinian territories";
            # not "the state of Libya's economy" (the country is "Libya" there).
            if (span.start, span.end) not in exact and span[0].text[:1].isupper():
                matches.append(span)
        spans = filter_spans(_drop_list_crossings(doc_text(doc), matches))
        candidates = []
        for span in spans:
            if span.label == self._block_id:
                continue
            iso3 = self.gazetteer.resolve(span.text)
            if iso3 is None or _names_a_currency(span):
                continue
            norm = {"iso3": iso3, "name": self.gazetteer.short_names.get(iso3)}
            candidates.append(
                Candidate(span.start_char, span.end_char, "COUNTRY", PRIORITY["country"], "gazetteer", norm)
            )
        return candidates


@Language.factory(
    "odaextract_countries",
    default_config={"gazetteer": {"@misc": "odaextract.country_gazetteer.v1"}},
    assigns=["doc._.odax_candidates"],
)
def make_country_recognizer(nlp: Language, name: str, gazetteer: Gazetteer) -> CountryRecognizer:
    return CountryRecognizer(nlp, name, gazetteer)
