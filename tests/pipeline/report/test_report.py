"""`odaextract report` in a real browser: the rendered DOM of the pages built
from a real run (seeds + an injection document) with its facts and tracks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import orjson
import pytest
from lxml import html
from click.testing import CliRunner

from odaextract.pipeline.cli import main
from odaextract.pipeline.report import build_report
from tests.pipeline.report.conftest import INJECTION_ID, SEEDS, read_jsonl

PWNED = "pwned"


def _doc_files(site: Path, doc_id: str) -> list[Path]:
    first = site / f"doc-{doc_id}.html"
    rest = sorted(site.glob(f"doc-{doc_id}-*.html"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [first, *rest]


def _marks(dom):
    return dom.xpath('//article[@id="text"]//mark[contains(concat(" ", @class, " "), " m ")]')


def _mark_text(mark) -> str:
    """The document text a highlight covers: its text without the label and norm children."""
    return (mark.text or "") + "".join((child.tail or "") for child in mark)


def _resolve(browser, page: Path, href: str, cache: dict):
    """The element an href points to, loading its page in the browser (once)."""
    parts = urlsplit(href)
    assert parts.scheme == "" and not parts.netloc, f"{href}: not a relative link"
    target = (page.parent / unquote(parts.path)) if parts.path else page
    assert target.exists(), f"{href} (from {page.name}): no such page"
    if target not in cache:
        cache[target] = browser.dom(target)
    found = cache[target].xpath(f'//*[@id="{unquote(parts.fragment)}"]')
    assert len(found) == 1, f"{href}: no element with id {parts.fragment!r} in {target.name}"
    return found[0]


def test_every_mention_is_one_highlight_with_label_and_norm(report_run, browser):
    run_dir, site = report_run
    mentions = read_jsonl(run_dir / "mentions.jsonl")
    for doc_id in (*SEEDS, INJECTION_ID):
        expected = {m["id"].rsplit(":", 1)[1]: m for m in mentions if m["doc_id"] == doc_id}
        assert expected, f"the run found no mentions in {doc_id}"
        marks = [mark for page in _doc_files(site, doc_id) for mark in _marks(browser.dom(page))]
        assert len(marks) == len(expected), doc_id
        for mark in marks:
            mention = expected[mark.get("id")[2:]]
            assert _mark_text(mark) == mention["text"]
            # colour is not the only signal: the label name is in the markup
            assert mark.get("data-label") == mention["label"]
            assert mark.xpath('string(span[@class="mt"])') == mention["label"]
            # keyboard focus: focusable, described by the norm it shows on focus
            assert mark.get("tabindex") == "0"
            norm = mark.xpath(f'span[@id="{mark.get("aria-describedby")}"]')
            assert len(norm) == 1 and norm[0].text_content().startswith(mention["label"] + ": ")
            assert len(norm[0].text_content()) > len(mention["label"]) + 3


def test_norm_shows_on_hover_and_on_keyboard_focus():
    css = (Path(__file__).resolve().parents[3] / "pipeline" / "report" / "static" / "report.css").read_text()
    rule = re.search(r"([^{}]*)\{\s*display:\s*block;\s*\}", css)
    assert rule and {"mark.m:hover .norm", "mark.m:focus .norm"} <= {s.strip() for s in rule.group(1).split(",")}


# A page of the test's own (not of the site) that loads a document page in a
# frame, focuses each highlight as the Tab key would, and writes down whether
# its norm is displayed then, and before.
FOCUS_PROBE = """<!DOCTYPE html><html><body><iframe id="f" src="{src}"></iframe><pre id="out">not run</pre>
<script>
document.getElementById("f").addEventListener("load", function () {{
  var d = this.contentDocument, rows = [];
  d.querySelectorAll("article mark.m").forEach(function (m) {{
    var n = d.getElementById(m.getAttribute("aria-describedby")), style = d.defaultView.getComputedStyle(n);
    var before = style.display;
    m.focus();
    rows.push([m.id, before, style.display, d.activeElement === m]);
    m.blur();
  }});
  document.getElementById("out").textContent = JSON.stringify(rows);
}});
</script></body></html>"""


def test_keyboard_focus_shows_the_norm_in_the_browser(report_run, browser, tmp_path):
    run_dir, site = report_run
    page = site / f"doc-{SEEDS[0]}.html"
    probe = tmp_path / "focus-probe.html"
    probe.write_text(FOCUS_PROBE.format(src=page.resolve().as_uri()), encoding="utf-8")
    dom = browser.dom(probe, "", "--allow-file-access-from-files")
    rows = orjson.loads(str(dom.xpath('string(//pre[@id="out"])')))
    assert len(rows) == sum(m["doc_id"] == SEEDS[0] for m in read_jsonl(run_dir / "mentions.jsonl"))
    assert all(before == "none" and after == "block" and focused for _, before, after, focused in rows)


def test_norm_text_of_a_money_mention(report_run, browser):
    run_dir, site = report_run
    money = next(m for m in read_jsonl(run_dir / "mentions.jsonl")
                 if m["doc_id"] == SEEDS[0] and m["label"] == "MONEY" and m["norm"]["currency"] == "USD")
    dom = browser.dom(site / f"doc-{SEEDS[0]}.html")
    norm = dom.xpath(f'//span[@id="n-m-{money["start"]}-{money["end"]}"]')[0].text_content()
    assert f"{money['norm']['amount']:,.0f}" in norm and "USD" in norm


def test_index_lists_documents_with_counts_and_every_fact_row_links_to_its_anchor(report_run, browser):
    run_dir, site = report_run
    index = site / "index.html"
    dom = browser.dom(index)
    documents = read_jsonl(run_dir / "documents.jsonl")
    rows = dom.xpath('//table[@id="documents"]/tbody/tr')
    assert len(rows) == len(documents)
    for row, document in zip(rows, documents):
        assert row.xpath('string(td[1]/a)') == document["doc_id"]
        counts = [int(c) for c in row.xpath('td[@class="num"]/text()')[1:5]]
        assert counts == [document["counts"][label] for label in ("ORG", "COUNTRY", "MONEY", "DATE")]

    facts = read_jsonl(run_dir / "facts.jsonl")
    fact_rows = dom.xpath('//table[@id="facts"]/tbody/tr')
    assert len(fact_rows) == len(facts) > 0
    cache: dict = {}
    for row, fact in zip(fact_rows, facts):
        links = row.xpath('.//a[@class="fact-link"]')
        assert len(links) == 1
        anchor = _resolve(browser, index, links[0].get("href"), cache)
        assert anchor.get("class") == "fact"
        # the marker sits right after the highlighted amount it is anchored on
        amount = anchor.getprevious()
        assert amount is not None and amount.get("id") == f"m-{fact['amount']['start']}-{fact['amount']['end']}"
        assert _mark_text(amount) == fact["amount"]["text"]
        assert row.xpath('string(td[@data-key="donor"])') == (fact["donor"] or {}).get("iso3", "")


def test_fact_details_link_every_evidence_mention(report_run, browser):
    run_dir, site = report_run
    facts = read_jsonl(run_dir / "facts.jsonl")
    mention_ids = {m["id"] for m in read_jsonl(run_dir / "mentions.jsonl")}
    cache: dict = {}
    checked = not_mentions = 0
    # Regions and cue words are cited by span, not by mention: shown as the text they cover.
    cited_spans = sum(1 for f in facts if f["doc_id"] in SEEDS for ids in f["evidence"].values() for i in ids if i not in mention_ids)
    for doc_id in SEEDS:
        page = site / f"doc-{doc_id}.html"
        dom = cache.setdefault(page, browser.dom(page))
        for fact in (f for f in facts if f["doc_id"] == doc_id):
            anchor = f"f-{fact['amount']['start']}-{fact['amount']['end']}"
            detail = dom.xpath(f'//details[@id="fd-{anchor}"]')
            assert len(detail) == 1, anchor
            assert dom.xpath(f'//a[@id="{anchor}"]/@href') == [f"#fd-{anchor}"]
            links = detail[0].xpath('.//a[@class="evidence"]/@href')
            expected = [i for ids in fact["evidence"].values() for i in ids if i in mention_ids]
            assert len(links) == len(expected)
            for href, mention_id in zip(links, expected):
                assert _resolve(browser, page, href, cache).get("id") == "m-" + mention_id.rsplit(":", 1)[1]
                checked += 1
            not_mentions += len(detail[0].xpath('.//span[@class="evidence-text"]'))
    assert checked > 0 and cited_spans > 0 and not_mentions == cited_spans


def test_each_track_has_a_chart_of_its_series(report_run, browser):
    run_dir, site = report_run
    tracks = read_jsonl(run_dir / "tracks.jsonl")
    dom = browser.dom(site / "index.html")
    figures = dom.xpath('//figure[@class="track"]')
    assert len(figures) == len(tracks) > 0
    cache: dict = {}
    for figure, track in zip(figures, tracks):
        assert figure.get("id") == track["id"]
        charts = figure.xpath('.//*[local-name()="svg"][@class="chart"]')
        assert len(charts) == 1
        points = charts[0].xpath('.//*[local-name()="circle"]')
        assert len(points) == len(track["series"])
        assert len(charts[0].xpath('.//*[local-name()="polyline"]')) == 1
        # a larger amount sits higher (smaller y)
        amounts = [p["amount"] for p in track["series"]]
        ys = [float(p.get("cy")) for p in points]
        assert (amounts[0] > amounts[1]) == (ys[0] < ys[1]) or amounts[0] == amounts[1]
        for href in figure.xpath('.//a[@class="track-link"]/@href'):
            assert _resolve(browser, site / "index.html", href, cache).get("class") == "fact"


def test_facts_table_sorts_and_filters_in_the_browser(report_run, browser):
    run_dir, site = report_run
    facts = read_jsonl(run_dir / "facts.jsonl")
    dom = browser.dom(site / "index.html", "?sort=amount&dir=descending")
    amounts = [float(v) for v in dom.xpath('//table[@id="facts"]/tbody/tr/td[@data-key="amount"]/@data-sort')]
    assert amounts == sorted((f["amount"]["amount"] for f in facts), reverse=True)
    assert dom.xpath('//th[@data-key="amount"]/@aria-sort') == ["descending"]

    dom = browser.dom(site / "index.html", "?kind=contribution")
    shown = dom.xpath('//table[@id="facts"]/tbody/tr[not(@hidden)]')
    assert len(shown) == sum(f["kind"] == "contribution" for f in facts) > 0
    assert {r.xpath('string(td[@data-key="kind"])') for r in shown} == {"contribution"}
    assert dom.xpath('string(//output[@id="facts-shown"])') == f"{len(shown)} of {len(facts)}"


def test_injected_markup_shows_as_text_and_nothing_runs(report_run, browser):
    """Regression guard, issue 13: document text is untrusted input."""
    _, site = report_run
    page = site / f"doc-{INJECTION_ID}.html"
    dom = browser.dom(page)
    # our own script ran in this browser, so a script that did not run means something
    assert dom.get("data-report-ready") == "yes"
    assert dom.xpath("string(//title)") == f"{INJECTION_ID} — odaextract report"
    assert PWNED not in dom.xpath("string(//title)")
    text = dom.xpath('//article[@id="text"]')[0].text_content()
    for payload in ("<script>document.title='pwned'</script>", "<img src=x onerror=\"document.title='pwned'\">",
                    "[x](javascript:alert(1))", "</textarea><textarea>", "<style>body{display:none}</style>",
                    '<iframe src="javascript:1"></iframe>'):
        assert payload in text
    assert dom.xpath("//script/@src") == ["static/report.js"] and len(dom.xpath("//script")) == 1
    for tag in ("img", "textarea", "iframe", "style"):
        assert dom.xpath(f"//body//{tag}") == [], tag
    assert [h for h in dom.xpath("//@href") if "javascript" in h.lower()] == []
    assert dom.xpath("//@*[starts-with(name(), 'on')]") == []
    # the injected heading is a heading of the page, as text, in the contents too
    assert any("<script>" in h.text_content() for h in dom.xpath('//article//*[@class="heading"]'))


def test_a_long_document_is_split_into_parts_that_keep_every_link(report_run, browser, tmp_path):
    """A 300-page PDF's text is split so each page opens fast; here small parts on the seeds."""
    run_dir, _ = report_run
    site = tmp_path / "site"
    summary = build_report(run_dir, site, part_chars=3_000)
    mentions = read_jsonl(run_dir / "mentions.jsonl")
    doc_id = SEEDS[0]
    files = _doc_files(site, doc_id)
    text = (run_dir / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert len(files) >= len(text) // 3_000 // 2 and len(files) > 3
    assert summary.pages == 1 + sum(len(_doc_files(site, d)) for d in (*SEEDS, INJECTION_ID))
    doms = {page: browser.dom(page) for page in files}
    marks = [mark for dom in doms.values() for mark in _marks(dom)]
    assert len(marks) == sum(m["doc_id"] == doc_id for m in mentions)
    assert len({m.get("id") for m in marks}) == len(marks)
    # every part lists all parts
    for dom in doms.values():
        assert len(dom.xpath('//nav[@class="parts"]//li')) == len(files)
    cache = dict(doms)
    index = site / "index.html"
    cache[index] = browser.dom(index)
    later = 0
    for href in cache[index].xpath('//a[@class="fact-link"]/@href'):
        assert _resolve(browser, index, href, cache).get("class") == "fact"
        later += href.startswith(f"doc-{doc_id}-")
    assert later > 0  # some facts live in later parts, and their links go there


def test_without_facts_the_pages_say_no_facts(report_run, browser, tmp_path):
    run_dir, _ = report_run
    bare = tmp_path / "run"
    shutil.copytree(run_dir, bare, ignore=shutil.ignore_patterns("facts.jsonl", "tracks.jsonl", "report"))
    site = tmp_path / "site"
    build_report(bare, site)
    index = browser.dom(site / "index.html")
    assert index.xpath('string(//p[@id="no-facts"])').startswith("no facts")
    assert index.xpath('string(//p[@id="no-tracks"])').startswith("no tracks")
    assert index.xpath('//table[@id="facts"]') == []
    document = browser.dom(site / f"doc-{SEEDS[0]}.html")
    assert document.xpath('string(//p[@id="no-facts"])').startswith("no facts")
    assert document.xpath('//a[@class="fact"]') == []


def test_report_command_builds_the_site_and_rejects_a_folder_without_datasets(report_run, tmp_path):
    run_dir, _ = report_run
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["report", "--pred", str(run_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output and (out / "index.html").is_file()
    assert (out / "static" / "report.js").is_file() and (out / "static" / "report.css").is_file()

    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["report", "--pred", str(empty), "--out", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "documents.jsonl" in result.output and str(empty) in result.output
    assert not (tmp_path / "nothing").exists()


def test_a_bad_line_is_reported_and_the_rest_is_shown(report_run, tmp_path):
    run_dir, _ = report_run
    broken = tmp_path / "run"
    shutil.copytree(run_dir, broken, ignore=shutil.ignore_patterns("report"))
    with open(broken / "facts.jsonl", "ab") as stream:
        stream.write(b"{not json\n")
    (broken / "texts" / f"{SEEDS[1]}.txt").unlink()
    documents = read_jsonl(broken / "documents.jsonl")
    for document in documents:
        if document["doc_id"] == INJECTION_ID:
            document["text_file"] = "../../../../etc/hostname"
    (broken / "documents.jsonl").write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in documents))
    summary = build_report(broken, tmp_path / "site")
    assert any("etc/hostname: the document text is outside the run folder" in w for w in summary.warnings)
    facts = read_jsonl(run_dir / "facts.jsonl")
    lines = len(facts) + 1
    assert any(w.startswith(f"{broken / 'facts.jsonl'}:{lines}: not valid JSON") for w in summary.warnings)
    assert any(f"{SEEDS[1]}.txt: cannot read the document text" in w for w in summary.warnings)
    assert summary.facts == len(facts) and summary.documents == 3


def test_a_failed_build_leaves_the_previous_report(report_run, tmp_path, monkeypatch):
    run_dir, _ = report_run
    site = tmp_path / "site"
    build_report(run_dir, site)
    before = (site / "index.html").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("odaextract.pipeline.report.build.fact_view", broken)
    with pytest.raises(RuntimeError):
        build_report(run_dir, site)
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_document_named_like_another_documents_part_gets_its_own_pages(annotator, tmp_path):
    """Regression guard: "seed" part 2 and a document "seed-2" must not share doc-seed-2.html."""
    from odaextract.pipeline.run import run
    from tests.conftest import CORPUS

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(CORPUS / f"{SEEDS[0]}.txt", inputs / "seed.txt")
    shutil.copy(CORPUS / f"{SEEDS[1]}.txt", inputs / "seed-2.txt")
    run_dir = tmp_path / "run"
    assert not run([inputs], run_dir, annotator=annotator).errors
    site = tmp_path / "site"
    summary = build_report(run_dir, site, part_chars=3_000)
    pages = sorted(site.glob("*.html"))
    assert len(pages) == summary.pages  # nothing written twice over another page
    mentions = read_jsonl(run_dir / "mentions.jsonl")
    seen: dict[str, int] = {}
    for page in pages:
        if page.name == "index.html":
            continue
        tree = html.parse(str(page)).getroot()
        doc_id = tree.xpath("string(//h1)")
        seen[doc_id] = seen.get(doc_id, 0) + len(_marks(tree))
    assert seen == {d: sum(m["doc_id"] == d for m in mentions) for d in ("seed", "seed-2")}
