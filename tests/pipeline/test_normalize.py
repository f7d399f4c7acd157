"""Document-level decisions, on real text through the real pipeline."""

from pathlib import Path

from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.normalize import normalize
from odaextract.pipeline.structure import structure


def _mentions(annotator, text):
    source = SourceDocument("d", Path("d.txt"), "text", text, "0" * 64)
    normalized = normalize(annotator.annotate(structure(source)))
    return [(text[m.mention.start : m.mention.end], m.mention.label, m.mention.norm) for m in normalized]


def test_acronym_defined_once_links_uses_in_later_paragraphs(annotator):
    text = (
        "Japan supported the Lake Victoria Basin Commission (LVBC) in 2019.\n"
        "In 2021, LVBC expanded its monitoring network with Japan's support.\n"
    )
    orgs = [(t, n) for t, label, n in _mentions(annotator, text) if label == "ORG"]
    assert [t for t, _ in orgs] == ["Lake Victoria Basin Commission", "LVBC", "LVBC"]
    assert all(n["name"] == "Lake Victoria Basin Commission" and n["acronym"] == "LVBC" for _, n in orgs)


def test_reverse_definition_links_both_forms(annotator):
    text = "NCGM (National Center for Global Health and Medicine) dispatched experts. NCGM also trained nurses.\n"
    orgs = [(t, n) for t, label, n in _mentions(annotator, text) if label == "ORG"]
    assert [t for t, _ in orgs] == ["NCGM", "National Center for Global Health and Medicine", "NCGM"]
    assert {(n["name"], n["acronym"]) for _, n in orgs} == {("National Center for Global Health and Medicine", "NCGM")}


def test_short_form_of_a_treaty_is_not_an_org_anywhere(annotator):
    text = (
        "Japan concluded the Agreement on Port State Measures (PSMA) in 2017.\n"
        "PSMA parties met in Bangkok.\n"
    )
    assert [t for t, label, _ in _mentions(annotator, text) if label == "ORG"] == []


def test_registry_acronym_only_when_the_document_uses_it(annotator):
    without = [n for t, label, n in _mentions(annotator, "The World Health Organization helped Ghana.\n") if label == "ORG"]
    assert without == [{"name": "World Health Organization", "acronym": None, "id": "who", "kind": "un_agency"}]
    used = [n for t, label, n in _mentions(annotator, "The World Health Organization and WHO staff helped Ghana.\n") if label == "ORG"]
    assert {n["acronym"] for n in used} == {"WHO"}


def test_one_norm_per_organization_in_a_document(annotator):
    text = "The UN Security Council met in 2016.\nThe Security Council adopted a resolution.\n"
    norms = [n for t, label, n in _mentions(annotator, text) if label == "ORG"]
    assert len(norms) == 2 and norms[0] == norms[1]
    assert norms[0]["name"] == "United Nations Security Council"


def test_regression_country_defined_with_an_acronym_links_later_uses(annotator):
    text = "In Papua New Guinea (PNG), Japan financed an airport.\nPNG Power Ltd also received support, and PNG hosted APEC.\n"
    countries = [(t, n["iso3"]) for t, label, n in _mentions(annotator, text) if label == "COUNTRY"]
    assert countries == [("Papua New Guinea", "PNG"), ("PNG", "PNG"), ("Japan", "JPN"), ("PNG", "PNG")]
    orgs = [t for t, label, _ in _mentions(annotator, text) if label == "ORG"]
    assert "PNG Power Ltd" in orgs


def test_word_in_finds_whole_words_only():
    # _word_in replaced a look-around regex (slow on a long document without the word).
    from odaextract.pipeline.normalize import _word_in

    assert _word_in("funds of the IMO and others", "IMO")
    assert _word_in("IMO", "IMO")
    assert _word_in("the IMO's fund", "IMO")
    assert _word_in("IMOX then IMO.", "IMO")
    assert not _word_in("IMOX and XIMO", "IMO")
    assert not _word_in("a non-IMO body and IMO-led work", "IMO")
    assert not _word_in("IMO_x", "IMO")
    assert not _word_in("anything", "")
