"""What a run shows a person: a live progress bar on a terminal, plain log
lines otherwise, and a summary table at the end (rich)."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from odaextract.models import LABELS

_err = Console(stderr=True, highlight=False)


class _LineProgress:
    """Not a terminal (CI, a log file): one plain line per document."""

    def __init__(self, quiet: bool):
        self.quiet = quiet

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return None

    def start(self, total: int) -> None:
        if not self.quiet:
            print(f"{total} input(s)", file=sys.stderr, flush=True)

    def advance(self, path: str, status: str, detail: str = "") -> None:
        if status == "failed":
            print(f"error: {path}: {detail}", file=sys.stderr, flush=True)
        elif not self.quiet:
            print(f"{status}: {path}" + (f": {detail}" if detail else ""), file=sys.stderr, flush=True)


class _BarProgress(_LineProgress):
    def __init__(self, quiet: bool):
        super().__init__(quiet)
        self.bar = Progress(
            TextColumn("[bold]documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=_err,
            transient=True,
        )
        self.task = None

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self.bar.__exit__(*exc_info)

    def start(self, total: int) -> None:
        self.task = self.bar.add_task("run", total=total, rate="")

    def advance(self, path: str, status: str, detail: str = "") -> None:
        if status == "failed":
            self.bar.console.print(f"[red]error[/red]: {path}: {detail}")
        self.bar.advance(self.task)
        task = self.bar.tasks[0]
        if task.speed:
            self.bar.update(self.task, rate=f"{task.speed * 60:.1f} docs/min")


def make_progress(quiet: bool = False):
    return _BarProgress(quiet) if _err.is_terminal else _LineProgress(quiet)


def print_summary(result, out_dir: Path) -> None:
    table = Table(title=f"odaextract run -> {out_dir}/", title_justify="left")
    for column in ("processed", "skipped", "failed", *LABELS, "facts", "tracks", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(
        *(str(result.count(s)) for s in ("processed", "skipped", "failed")),
        *(str(result.mention_counts.get(label, 0)) for label in LABELS),
        str(getattr(result, "fact_count", 0)),
        str(getattr(result, "track_count", 0)),
        f"{result.seconds:.1f}",
    )
    Console(highlight=False, width=120).print(table)
    if result.errors:
        _err.print(f"{len(result.errors)} input(s) failed: see {out_dir / 'errors.jsonl'}")
