from pathlib import Path

import pytest

from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.structure import block_kind, heading_level, structure


def _doc(text: str) -> SourceDocument:
    return SourceDocument("d", Path("d.txt"), "text", text, "0" * 64)


def test_heading_marks_nest_into_a_section_path():
    text = (
        "(2) Health for All\n"
        "● Japan’s Efforts\n"
        "■ Universal Health Coverage\n"
        "Japan supports UHC in Kenya.\n"
        "■ Nutrition\n"
        "Japan hosted a summit.\n"
    )
    doc = structure(_doc(text))
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert [b.section for b in paragraphs] == [
        "(2) Health for All > Japan’s Efforts > Universal Health Coverage",
        "(2) Health for All > Japan’s Efforts > Nutrition",
    ]
    # Offsets index the original text exactly.
    assert text[paragraphs[0].start : paragraphs[0].end] == "Japan supports UHC in Kenya."


def test_numbered_sentence_is_not_a_heading():
    assert heading_level("(1) Japan provided grants to Kenya in 2019.") is None
    assert heading_level("(1) Assistance for Africa") == 4
    assert heading_level("## Markdown heading") == 2


def test_captions_and_notes_are_their_own_blocks():
    assert block_kind("A training session in Nairobi (Photo: JICA)") == "caption"
    assert block_kind("- Note 12: A regional framework.") == "note"
    assert block_kind("Japan supports Kenya.") == "paragraph"


def test_edition_year_is_read_from_the_title():
    doc = structure(_doc("White Paper on Development Cooperation 2019\nJapan supports Kenya.\n"))
    assert doc.edition_year == 2019
    assert structure(_doc("Japan supports Kenya in 2019.\n")).edition_year is None


def test_regression_file_without_line_breaks_is_cut_into_spacy_sized_blocks():
    sentence = "Japan provided $5 million to Kenya in 2019. "
    text = sentence * 2000  # 88,000 chars on one line
    doc = structure(_doc(text))
    assert len(doc.blocks) > 1
    assert all(b.end - b.start <= 20_000 for b in doc.blocks)
    assert all(text[b.start : b.end].startswith("Japan") for b in doc.blocks)
    assert all(text[b.start : b.end].endswith("2019.") for b in doc.blocks)
    covered = "".join(text[b.start : b.end] for b in doc.blocks)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_note_references_link_to_their_note_blocks():
    text = (
        "Japan contributed $4.5 million to the Trust Fund.(Note 28) It also fights money laundering* abroad.\n"
        "- *Money laundering\n"
        "- Note 28: UNDP took over the administration of the funds.\n"
    )
    doc = structure(_doc(text))
    links = [(link.label, text[link.reference_start : link.reference_end], text[link.note_start : link.note_end]) for link in doc.notes]
    assert links == [
        ("Note 28", "Note 28", "- Note 28: UNDP took over the administration of the funds."),
        ("Money laundering", "money laundering*", "- *Money laundering"),
    ]


def test_a_reference_without_its_note_is_not_linked():
    doc = structure(_doc("See Note 3 for details.\n- Note 4: Another note.\n"))
    assert doc.notes == ()


_KIND_LINES = [
    ("Local staff at the new clinic (Source: JICA)", "caption"),
    ("Engineers inspect the bridge (Photo: JICA)", "caption"),
    ("Two trainees (Photos: UNDP)", "caption"),
    ("Note 42: New Psychoactive Substances.", "note"),
    ("*Money laundering", "note"),
    ("Japan provided grants (see Note 4) to Kenya.", "paragraph"),
    ("The source (JICA) said so.", "paragraph"),
]


@pytest.mark.parametrize("line, kind", _KIND_LINES)
def test_regression_caption_and_note_rules_agree_across_text_html_and_markdown(tmp_path, line, kind):
    # A line ending "(Source: JICA)" was a caption in the PDF path but a paragraph in text and HTML.
    from odaextract.pipeline.ingest import read_document

    (tmp_path / "a.txt").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><main><p>{line}</p></main></body></html>", encoding="utf-8")
    (tmp_path / "a.md").write_text(line.replace("*", "\\*") + "\n", encoding="utf-8")
    kinds = {}
    for name in ("a.txt", "a.html", "a.md"):
        document = structure(read_document(tmp_path / name))
        kinds[name] = [b.kind for b in document.blocks]
    assert kinds == {"a.txt": [kind], "a.html": [kind], "a.md": [kind]}
