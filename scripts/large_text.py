"""Size and memory of a run on one large text (issue 18): is it linear, and bounded?

Builds a text of each requested size from the bundled corpus and held-out
documents (repeated; `--no-newlines` joins it into one line, the worst case
for sentence length), runs `odaextract run FILE --jobs N` on it in a fresh
output folder, and reports for each size:

- seconds, and seconds per MB (linear in size: the per-MB figure stays flat);
- peak RSS of each process of the run (the CLI and its workers; VmHWM sampled
  from /proc every 0.2 s), the largest one reported;
- outputs / input: mentions.jsonl, documents.jsonl, texts/ and the result
  store (.odaextract/) together, over the input size;
- a rerun (every document skipped, datasets reassembled) and
  `export --format parquet`: seconds and peak RSS.

Targets: with --jobs 2, peak RSS under 1 GB per process, outputs under 20x
the input, time linear in size.

    .venv/bin/python scripts/large_text.py --sizes 1 2 4 --jobs 2
    .venv/bin/python scripts/large_text.py --sizes 30 --jobs 2
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))


def make_text(path: Path, megabytes: float, newlines: bool) -> int:
    unit = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    if not newlines:
        unit = " ".join(unit.split())
    target = int(megabytes * 1_000_000)
    with open(path, "w", encoding="utf-8") as stream:
        written = 0
        while written < target:
            piece = unit[: target - written]
            stream.write(piece + ("\n" if newlines else " "))
            written += len(piece.encode("utf-8")) + 1
    return path.stat().st_size


def _tree(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        found.add(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                pass
    return found


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def measure(megabytes: float, jobs: int, newlines: bool, work: Path) -> dict:
    name = f"large-{megabytes:g}mb{'' if newlines else '-oneline'}"
    source = work / f"{name}.txt"
    size = make_text(source, megabytes, newlines)
    out = work / f"out-{name}"
    command = [sys.executable, "-m", "odaextract.pipeline.cli", "run", str(source), "--jobs", str(jobs), "--quiet", "--out", str(out)]
    seconds, peaks = _sampled(command)
    rerun_seconds, rerun_peaks = _sampled(command)  # every document skipped: the datasets are reassembled
    export_seconds, export_peaks = _sampled(
        [sys.executable, "-m", "odaextract.pipeline.cli", "export", "--format", "parquet", "--pred", str(out)]
    )
    (out / "mentions.parquet").unlink()
    outputs = sum(_size(out / part) for part in ("mentions.jsonl", "documents.jsonl", "texts", ".odaextract"))
    mentions = sum(1 for _ in open(out / "mentions.jsonl", "rb"))
    return {
        "input": name,
        "MB": round(size / 1e6, 2),
        "seconds": round(seconds, 1),
        "s/MB": round(seconds / (size / 1e6), 1),
        "peak RSS MB (max process)": round(max(peaks.values(), default=0) / 1024),
        "processes": len(peaks),
        "mentions": mentions,
        "outputs/input": round(outputs / size, 1),
        "mentions.jsonl/input": round((out / "mentions.jsonl").stat().st_size / size, 1),
        "rerun s": round(rerun_seconds, 1),
        "rerun peak MB": round(max(rerun_peaks.values(), default=0) / 1024),
        "export s": round(export_seconds, 1),
        "export peak MB": round(max(export_peaks.values(), default=0) / 1024),
    }


def _sampled(command: list[str]) -> tuple[float, dict[int, int]]:
    """Run `command`; its wall time and the peak RSS (kB) of each process of its tree."""
    peaks: dict[int, int] = {}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while process.poll() is None:
        for pid in _tree(process.pid):
            peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    return seconds, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="sizes in MB")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-newlines", action="store_true", help="one line: the longest possible sentences")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        for i, mb in enumerate(args.sizes):
            row = measure(mb, args.jobs, not args.no_newlines, work)
            if i == 0:
                print(" | ".join(row), flush=True)
            print(" | ".join(str(v) for v in row.values()), flush=True)


if __name__ == "__main__":
    main()
