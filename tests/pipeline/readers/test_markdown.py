"""The Markdown reader (issue 18): parsed with markdown-it-py into rendered text plus offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from odaextract.pipeline.ingest import InputError, read_document
from odaextract.pipeline.structure import structure

DOC = """# White Paper on Development Cooperation 2019

## (3) Assistance for **Health**

*Japan International Cooperation Agency* (JICA) opened an office in [Kenya](https://example.org/kenya).
Japan provided **¥8.4 billion** (approximately $77 million) to _UNICEF_ in FY2017.

- Note 4: the figures are provisional.
- A list item about __Ghana__ and `WHO`.

| Country | Amount |
|---|---|
| Viet Nam | 1.2 |

> The Ministry of Health said so. (Photo: JICA)

<div class="side">Peru in raw HTML is markup, not text</div>

![Japan's ODA in Laos](https://example.org/laos.png)

Third paragraph with a link to <https://example.org> and an escaped \\*star\\*.
"""


@pytest.fixture()
def md_file(tmp_path):
    path = tmp_path / "wp-2019.md"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_markdown_text_is_the_rendered_text(md_file):
    text = read_document(md_file).text
    assert "Japan International Cooperation Agency (JICA) opened an office in Kenya." in text
    assert "¥8.4 billion (approximately $77 million)" in text
    for markup in ("*", "**", "_UNICEF_", "](", "https://example.org/kenya", "<div", "|", "#", "`"):
        assert markup not in text.replace("escaped *star*", ""), markup
    assert "escaped *star*" in text  # an escaped character is text
    assert "Peru" not in text  # raw HTML blocks are markup


def test_markdown_blocks_kinds_and_sections(md_file):
    document = structure(read_document(md_file))
    text = document.source.text
    kinds = [(b.kind, text[b.start : b.end]) for b in document.blocks]
    assert kinds[0] == ("heading", "White Paper on Development Cooperation 2019")
    assert kinds[1] == ("heading", "(3) Assistance for Health")
    assert ("note", "Note 4: the figures are provisional.") in kinds
    assert ("caption", "The Ministry of Health said so. (Photo: JICA)") in kinds
    assert ("paragraph", "Viet Nam: 1.2") in kinds
    assert document.edition_year == 2019
    paragraph = next(b for b in document.blocks if text[b.start : b.end].startswith("Japan International"))
    assert paragraph.section == "White Paper on Development Cooperation 2019 > (3) Assistance for Health"


def test_markdown_mentions_index_the_rendered_text(md_file, annotator, tmp_path):
    from odaextract.pipeline.run import run

    out = tmp_path / "out"
    run([md_file], out, annotator=annotator)
    mentions = [json.loads(line) for line in (out / "mentions.jsonl").read_text("utf-8").splitlines()]
    document = json.loads((out / "documents.jsonl").read_text("utf-8").splitlines()[0])
    text = (out / document["text_file"]).read_text("utf-8")
    assert document["format"] == "markdown"
    assert all(text[m["start"] : m["end"]] == m["text"] for m in mentions)
    by_text = {(m["label"], m["text"]): m for m in mentions}
    # regression: the name kept its asterisks, and a link gave no country
    jica = by_text[("ORG", "Japan International Cooperation Agency")]
    assert jica["norm"]["acronym"] == "JICA"
    assert by_text[("COUNTRY", "Kenya")]["norm"]["iso3"] == "KEN"
    assert by_text[("COUNTRY", "Laos")]["norm"]["iso3"] == "LAO"  # image alt text is text
    assert ("COUNTRY", "Peru") not in by_text
    yen = by_text[("MONEY", "¥8.4 billion")]
    dollars = by_text[("MONEY", "$77 million")]
    assert yen["norm"]["equivalent_of"] == dollars["id"]


def test_markdown_that_renders_to_nothing_is_one_clear_error(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("<!-- only a comment -->\n\n<div></div>\n", encoding="utf-8")
    with pytest.raises(InputError, match="renders to nothing"):
        read_document(path)


def test_markdown_not_utf8_names_the_byte(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("# Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_document(path)


def test_markdown_line_breaks_inside_a_paragraph_are_spaces(tmp_path):
    path = tmp_path / "wrapped.md"
    path.write_text("The Asian Development\nBank and Japan  \nagreed.\n\nNext one.\n", encoding="utf-8")
    assert read_document(path).text == "The Asian Development Bank and Japan agreed.\nNext one."


def test_markdown_with_a_byte_order_mark_and_windows_line_ends(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff# Part I\r\n\r\nJapan and *Kenya*\r\nagreed.\r\n".encode("utf-8"))
    document = structure(read_document(path))
    text = document.source.text
    assert text == "Part I\nJapan and Kenya agreed."
    assert [b.kind for b in document.blocks] == ["heading", "paragraph"]


def test_markdown_table_rows_read_with_their_unit_line(annotator, tmp_path):
    from odaextract.pipeline.run import run

    path = tmp_path / "table.md"
    path.write_text(
        "Japan's bilateral ODA (Unit: US$ million)\n\n| Country | 2019 |\n|---|---|\n| Cambodia | 142.80 |\n| Laos | 65.10 |\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run([path], out, annotator=annotator)
    money = [json.loads(line) for line in (out / "mentions.jsonl").read_text("utf-8").splitlines()]
    money = [(m["text"], m["norm"]["amount"], m["norm"]["currency"]) for m in money if m["label"] == "MONEY"]
    assert money == [("142.80", 142800000, "USD"), ("65.10", 65100000, "USD")]
