"""The HTML reader: body text only, one block per element, headings as section paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from odaextract.pipeline.ingest import InputError, read_document
from odaextract.pipeline.readers.html import read_html
from odaextract.pipeline.structure import structure
from tests.conftest import CORPUS

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>White Paper on Development Cooperation 2017 | Ministry of Foreign Affairs of Japan</title>
<style>p { color: red }</style>
<script>var tracking = "Japan provided $5 million to Kenya";</script>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header id="site-header"><div class="header-menu"><a href="/">Home</a> Ministry of Foreign Affairs of Japan</div></header>
<nav id="gnav"><ul><li><a href="/policy">Foreign Policy</a></li><li>Official Development Assistance (ODA)</li></ul></nav>
<div id="breadcrumbs"><a href="/">Home</a> &gt; <a href="/oda">ODA</a> &gt; White Paper</div>
<div class="side-menu"><ul><li>Chapter 1</li><li>Chapter 2 (UNICEF)</li></ul></div>
<main id="main">
<h2>(3) Assistance for Security<br>and Stability</h2>
<p>Globalization, the <b>advancement</b> and proliferation
   of high-tech devices, and expanded mobility have turned transnational
   organized crime into a threat.</p>
<h3>&lt;Japan's Efforts&gt;</h3>
<h4>&#8226;Counter-Terrorism</h4>
<p>In 2017, Japan provided approximately $1.98 billion to <a href="/af">Afghanistan</a>.<!-- editor: check --></p>
<figure><img src="p.jpg" alt="photo"><figcaption>A training course in Djibouti (Photo: JICA)</figcaption></figure>
<ul><li>Support for the United Nations Office on Drugs and Crime (UNODC)</li><li>Training in Indonesia</li></ul>
<p>Note 28: From December 2012 the UNDP Multi-Partner Trust Fund Office administers the fund.</p>
<div style="display:none">Hidden text about France</div>
</main>
<aside class="related">Related links: Japan International Cooperation Agency</aside>
<footer><p>Copyright © Ministry of Foreign Affairs of Japan</p></footer>
<noscript>Enable JavaScript</noscript>
</body></html>
"""


def _blocks(result):
    return [(b.kind, result.text[b.start : b.end], b.level) for b in result.blocks]


def test_body_text_only_one_block_per_element():
    result = read_html(Path("section.html"), PAGE.encode("utf-8"))
    assert _blocks(result) == [
        ("heading", "(3) Assistance for Security and Stability", 4),
        ("paragraph", "Globalization, the advancement and proliferation of high-tech devices, and expanded mobility"
         " have turned transnational organized crime into a threat.", None),
        ("heading", "<Japan's Efforts>", 5),
        ("heading", "•Counter-Terrorism", 6),
        ("paragraph", "In 2017, Japan provided approximately $1.98 billion to Afghanistan.", None),
        ("caption", "A training course in Djibouti (Photo: JICA)", None),
        ("paragraph", "Support for the United Nations Office on Drugs and Crime (UNODC)", None),
        ("paragraph", "Training in Indonesia", None),
        ("note", "Note 28: From December 2012 the UNDP Multi-Partner Trust Fund Office administers the fund.", None),
    ]
    for chrome in ("tracking", "Skip to", "Foreign Policy", "Home", "Chapter 2 (UNICEF)", "Related links",
                   "Copyright", "JavaScript", "France", "color"):
        assert chrome not in result.text
    assert result.title.startswith("White Paper on Development Cooperation 2017")
    assert result.pages == ()


def test_without_main_the_body_is_read_minus_navigation():
    page = PAGE.replace('<main id="main">', "<div>").replace("</main>", "</div>")
    result = read_html(Path("section.html"), page.encode("utf-8"))
    assert result.text.startswith("(3) Assistance for Security and Stability\n")
    assert "Foreign Policy" not in result.text and "Copyright" not in result.text


def test_headings_give_section_paths_and_edition(tmp_path):
    path = tmp_path / "wpdc-2017-security.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    structured = structure(doc)
    assert structured.edition_year == 2017
    sections = {doc.text[b.start : b.end][:20]: b.section for b in structured.blocks}
    assert sections["In 2017, Japan provi"] == (
        "(3) Assistance for Security and Stability > Japan's Efforts > Counter-Terrorism"
    )


def test_encodings(tmp_path):
    latin = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("&#8226;", "•")
    result = read_html(Path("a.html"), latin.encode("cp1252"))
    assert "•Counter-Terrorism" in result.text
    assert "Japan’s" in read_html(Path("b.htm"), "<p>Japan’s aid</p>".encode("utf-8")).text
    assert "Japan’s" in read_html(Path("c.htm"), b"\xef\xbb\xbf<p>Japan\xe2\x80\x99s aid</p>").text
    xml = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Japan’s aid</p></body></html>'
    assert read_html(Path("d.xhtml"), xml.encode("utf-8")).text == "Japan’s aid"


def test_corpus_text_as_html_reads_back_the_same_paragraphs(tmp_path):
    import html

    lines = [line for line in (CORPUS / "wpdc-2023-security-stability.txt").read_text("utf-8").splitlines() if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    path = tmp_path / "wpdc-2023.html"
    path.write_text(f"<html><head><title>t</title></head><body><nav>Menu</nav>{body}</body></html>", encoding="utf-8")
    assert read_document(path).text == "\n".join(" ".join(line.split()) for line in lines)


@pytest.mark.parametrize(
    "content, cause",
    [
        (b"", "empty file"),
        (b"<html><body><nav>Home</nav><script>x()</script></body></html>", "no text in the HTML body"),
        (b"   ", "no text in the HTML body"),
    ],
)
def test_unusable_html(tmp_path, content, cause):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert cause in info.value.cause
