"""Fixtures of the report tests: a real run over the seeds (plus an injection
document), stand-in facts/tracks, the built report, and a headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import orjson
import pytest
from lxml import html

from tests.conftest import CORPUS

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = ("wpdc-2017-security-stability", "wpdc-2023-security-stability")
INJECTION_ID = "injection"
# Untrusted text: each line would run or load something if it reached the page as markup.
INJECTION_TEXT = """(1) <script>document.title='pwned'</script> Assistance
Japan provided $5 million to Somalia in 2019. <script>document.title='pwned'</script>
<img src=x onerror="document.title='pwned'"> The Government of Japan supported UNICEF.
See [x](javascript:alert(1)) and <a href="javascript:document.title='pwned'">this link</a> in Kenya.
</textarea><textarea>Japan</textarea> <style>body{display:none}</style> <iframe src="javascript:1"></iframe>
"""


def read_jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


# --- STAND-IN: replace with the real facts.jsonl / tracks.jsonl once the facts
# stage lands in main. Until then these build facts and tracks in the schema of
# fact-guidelines.md from the run's real mentions: one fact per MONEY mention
# (the first few of each seed), its slots filled from mentions in the same
# sentence, and one track linking a fact of each seed document. -------------
def standin_facts(mentions: list[dict], per_doc: int = 4) -> tuple[list[dict], list[dict]]:
    facts: list[dict] = []
    for doc_id in SEEDS:
        doc = [m for m in mentions if m["doc_id"] == doc_id]
        # an amount restating an earlier one ("$1.98 billion (approximately ¥196 billion)") is that
        # fact's equivalent, not a fact of its own
        by_id = {m["id"]: m for m in doc}

        def restates(m: dict) -> bool:
            other = by_id.get(m["norm"].get("equivalent_of"))
            return other is not None and other["start"] < m["start"]

        money = [m for m in doc if m["label"] == "MONEY" and not restates(m)][:per_doc]
        for index, amount in enumerate(money):
            same = [m for m in doc if m["sentence"] == amount["sentence"] and m is not amount]
            countries = [m for m in same if m["label"] == "COUNTRY"]
            donor = next((m for m in countries if m["norm"]["iso3"] == "JPN"), None)
            recipients = [m for m in countries if m["norm"]["iso3"] != "JPN"]
            orgs = [m for m in same if m["label"] == "ORG"]
            dates = [m for m in same if m["label"] == "DATE"]
            evidence = {"donor": [donor["id"]] if donor else [],
                        "recipients": [m["id"] for m in recipients],
                        "channels": [m["id"] for m in orgs[:1]],
                        "date": [m["id"] for m in dates[:1]]}
            if index == 0:  # region evidence may point at text that is no mention
                evidence["regions"] = [f"{doc_id}:0-4"]
            norm = amount["norm"]
            facts.append({
                "id": f"{doc_id}:fact:{amount['start']}-{amount['end']}",
                "doc_id": doc_id,
                "amount": {"id": amount["id"], "start": amount["start"], "end": amount["end"], "text": amount["text"],
                           "amount": norm["amount"], "currency": norm["currency"],
                           "approximate": norm["approximate"], "bound": norm.get("bound")},
                "equivalents": [
                    {"id": m["id"], "start": m["start"], "end": m["end"], "text": m["text"],
                     "amount": m["norm"]["amount"], "currency": m["norm"]["currency"],
                     "approximate": m["norm"]["approximate"], "bound": m["norm"].get("bound")}
                    for m in doc if m["label"] == "MONEY" and m["norm"].get("equivalent_of") == amount["id"] and restates(m)
                ],
                "donor": {"iso3": "JPN"} if donor else None,
                "recipients": sorted({m["norm"]["iso3"] for m in recipients}),
                "regions": ["Africa"] if index == 0 else [],
                "channels": [{"name": m["norm"]["name"], "acronym": m["norm"]["acronym"]} for m in orgs[:1]],
                "date": {"start": dates[0]["norm"]["start"], "end": dates[0]["norm"]["end"]} if dates else None,
                "kind": ("grant", "loan", "technical_cooperation", "contribution")[index % 4],
                "status": "provided" if index % 2 == 0 else "pledged",
                "cumulative": False,
                "purpose": None,
                "evidence": {slot: ids for slot, ids in evidence.items() if ids},
                "sentence": amount["sentence"],
                "section": amount["section"],
                "page": amount["page"],
                "edition_year": 2017 if "2017" in doc_id else 2023,
            })
    first = [next(f for f in facts if f["doc_id"] == doc_id) for doc_id in SEEDS]
    track = {
        "id": "track-1", "donor": {"iso3": "JPN"}, "recipients": first[0]["recipients"], "channel": None,
        "since": None,
        "series": [{"fact_id": f["id"], "doc_id": f["doc_id"], "edition_year": f["edition_year"], "as_of": None,
                    "amount": f["amount"]["amount"], "currency": f["amount"]["currency"],
                    "change": None if i == 0 else f["amount"]["amount"] - first[0]["amount"]["amount"]}
                   for i, f in enumerate(first)],
        "flags": ["stand-in"],
    }
    return facts, [track]
# --- end of STAND-IN ----------------------------------------------------------


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))


@pytest.fixture(scope="session")
def report_run(annotator, tmp_path_factory):
    """The real pipeline over the two seeds and an injection document, with
    (stand-in) facts and tracks: (run folder, report folder)."""
    from pipeline.report import build_report
    from pipeline.run import run

    inputs = tmp_path_factory.mktemp("report-inputs")
    for doc_id in SEEDS:
        shutil.copy(CORPUS / f"{doc_id}.txt", inputs)
    (inputs / f"{INJECTION_ID}.txt").write_text(INJECTION_TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("report-run")
    result = run([inputs], out, annotator=annotator)
    assert not result.errors, result.errors
    facts, tracks = standin_facts(read_jsonl(out / "mentions.jsonl"))
    write_jsonl(out / "facts.jsonl", facts)
    write_jsonl(out / "tracks.jsonl", tracks)
    site = out / "report"
    build_report(out, site)
    return out, site


class Browser:
    """Headless Chromium from the Debian package, one fresh profile per page load."""

    def __init__(self, scratch: Path):
        if not CHROMIUM.exists():
            raise AssertionError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); "
                                 ".ci/run does this in CI")
        self.scratch = scratch
        self.loads = 0

    def _run(self, url: str, *extra: str) -> subprocess.CompletedProcess:
        self.loads += 1
        profile = self.scratch / f"profile-{self.loads}"
        profile.mkdir()
        command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", "--virtual-time-budget=3000", *extra, url]
        done = subprocess.run(command, capture_output=True, timeout=120)
        if done.returncode != 0:
            raise AssertionError(f"chromium failed on {url}: {done.stderr.decode(errors='replace')[-2000:]}")
        return done

    def dom(self, page: Path, query: str = "", *flags: str) -> html.HtmlElement:
        """The DOM after the page loaded and its scripts ran."""
        done = self._run(page.resolve().as_uri() + query, "--dump-dom", *flags)
        return html.fromstring(done.stdout.decode("utf-8"))

    def screenshot(self, page: Path, target: Path, width: int = 1200, height: int = 800, fragment: str = "") -> None:
        self._run(page.resolve().as_uri() + fragment, f"--screenshot={target}", f"--window-size={width},{height}",
                  "--hide-scrollbars")


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> Browser:
    return Browser(tmp_path_factory.mktemp("chromium"))
