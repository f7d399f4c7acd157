"""Fixtures of the report tests: a real run over the seeds (plus an injection
document) with its facts and tracks, the built report, and a headless Chromium."""

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




def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))


@pytest.fixture(scope="session")
def report_run(annotator, tmp_path_factory):
    """The real pipeline over the two seeds and an injection document, with
    its real facts and tracks: (run folder, report folder)."""
    from odaextract.pipeline.report import build_report
    from odaextract.pipeline.run import run

    inputs = tmp_path_factory.mktemp("report-inputs")
    for doc_id in SEEDS:
        shutil.copy(CORPUS / f"{doc_id}.txt", inputs)
    (inputs / f"{INJECTION_ID}.txt").write_text(INJECTION_TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("report-run")
    result = run([inputs], out, annotator=annotator)
    assert not result.errors, result.errors
    # The two seed tracks and the facts behind them come from the run itself.
    assert len(read_jsonl(out / "tracks.jsonl")) == 2
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
