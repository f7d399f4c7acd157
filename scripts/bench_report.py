"""Figures for `odaextract report` on a 300-page two-column PDF.

Makes the benchmark's generated 300-page PDF, runs the pipeline on it, builds
the report, and prints: build seconds, parts, the largest page's size, and
how long headless Chromium takes to load and render that page (wall time of
`chromium --headless --dump-dom`, browser start included).

    .venv/bin/python scripts/bench_report.py [--pages 300] [--work DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import make_pdf  # noqa: E402
from odaextract.pipeline.report import build_report  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def load_seconds(page: Path, profile: Path) -> float:
    started = time.perf_counter()
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                   check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-report-"))
    inputs = work / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    pdf = inputs / f"generated-{args.pages}-pages.pdf"
    pages, how = make_pdf(args.pages, pdf)
    print(f"input: {pages}-page PDF ({pdf.stat().st_size:,} bytes) from {how}")
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "odaextract"), "run", str(inputs), "--out", str(work / "run"),
                    "--jobs", "2", "--quiet"], check=True)
    print(f"pipeline run: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    summary = build_report(work / "run", work / "report")
    build = time.perf_counter() - started
    files = sorted((work / "report").glob("doc-*.html"), key=lambda p: p.stat().st_size)
    largest = files[-1]
    print(f"report build: {build:.2f} s, {summary.mentions:,} mentions, {summary.pages} HTML pages "
          f"({len(files)} document parts)")
    print(f"largest part: {largest.name}, {largest.stat().st_size / 1e6:.2f} MB")
    profile = work / "profile"
    times = [load_seconds(largest, profile / str(i)) for i in range(3)]
    print("chromium load+render of the largest part (wall, browser start included): "
          + ", ".join(f"{t:.2f} s" for t in times))
    single = work / "single"
    started = time.perf_counter()
    build_report(work / "run", single, part_chars=10**9)
    whole = max(single.glob("doc-*.html"), key=lambda p: p.stat().st_size)
    print(f"for comparison, unsplit: {whole.stat().st_size / 1e6:.2f} MB, built in "
          f"{time.perf_counter() - started:.2f} s, chromium {load_seconds(whole, profile / 'whole'):.2f} s")


if __name__ == "__main__":
    main()
