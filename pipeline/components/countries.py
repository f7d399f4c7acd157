"""COUNTRY: phrase matching over the gazetteer (see pipeline.countries)."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.components.candidates import PRIORITY, Candidate, CandidateFinder
from pipeline.countries import load_gazetteer

_BLOCK = "NOT_COUNTRY"


def _names_a_currency(span) -> bool:
    """"US dollars", "Hong Kong dollar": the country word belongs to a currency name."""
    following = span.doc[span.end : span.end + 1]
    return bool(following) and following[0].lower_.startswith("dollar")


class CountryRecognizer(CandidateFinder):
    def __init__(self, nlp: Language, name: str):
        self.name = name
        gazetteer = load_gazetteer()
        self.gazetteer = gazetteer
        # Case-sensitive: "Chad", "Turkey", "Jordan" are countries only when capitalized.
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("COUNTRY", list(nlp.tokenizer.pipe(sorted(gazetteer.names))))
        # Regions and seas are matched too so that "Gulf of Guinea" hides "Guinea".
        self.matcher.add(_BLOCK, list(nlp.tokenizer.pipe(sorted(gazetteer.not_countries))))
        self._block_id = nlp.vocab.strings[_BLOCK]

    def match(self, doc: Doc) -> list[Candidate]:
        spans = filter_spans(self.matcher(doc, as_spans=True))
        candidates = []
        for span in spans:
            if span.label == self._block_id:
                continue
            iso3 = self.gazetteer.names.get(span.text)
            if iso3 is None or _names_a_currency(span):
                continue
            norm = {"iso3": iso3, "name": self.gazetteer.short_names.get(iso3)}
            candidates.append(
                Candidate(span.start_char, span.end_char, "COUNTRY", PRIORITY["country"], "gazetteer", norm)
            )
        return candidates


@Language.factory("odaextract_countries", assigns=["doc._.odax_candidates"])
def make_country_recognizer(nlp: Language, name: str) -> CountryRecognizer:
    return CountryRecognizer(nlp, name)
