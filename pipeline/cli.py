"""The `odaextract` command: a thin click layer over plain functions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
import orjson

from odaextract.pipeline import __version__
from odaextract.pipeline.ingest import DEFAULT_MAX_BYTES


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="odaextract")
def main() -> None:
    """Extract organizations, money, countries and dates from development-cooperation
    white papers into validated JSONL datasets."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Folder for the datasets.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the machine's cores].")
@click.option("--force", is_flag=True, help="Process every document again, even if unchanged since the last run.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A pipeline config (default: the packaged pipeline/config.cfg).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse input files larger than this.")
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium", show_default=True,
              help="PDF char source: pypdfium2 (fast) or pdfplumber (the reference).")
@click.option("--max-pages", type=click.IntRange(min=0), default=0, show_default=True,
              help="Refuse PDFs with more pages than this, one error line each (0: no limit).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the summary.")
def run(paths: tuple[Path, ...], out_dir: Path, jobs: int | None, force: bool, config_path: Path | None,
        max_bytes: int, pdf_engine: str, max_pages: int, quiet: bool) -> None:
    """Extract mentions from PATHS (files or folders; default: corpus/) into --out.

    Writes mentions.jsonl, documents.jsonl, errors.jsonl, manifest.json and
    texts/. Documents unchanged since the last run into the same folder are
    not processed again. Exit status: 0 when every input was processed, 1
    when any input failed (see errors.jsonl), 2 for a bad option value (an
    unusable --config or --out), 3 when an internal error (a bug, with its
    traceback in errors.jsonl) failed a document, 130 when interrupted.
    """
    import odaextract
    from odaextract.pipeline.annotate import ConfigError, end_processes
    from odaextract.pipeline.progress import make_progress, print_summary
    from odaextract.pipeline.run import OutputError
    from odaextract.pipeline.state import LockedError

    inputs = list(paths) or [Path("corpus")]
    progress = make_progress(quiet=quiet)
    try:
        with progress:
            # the public API's run (odaextract/__init__.py); the CLI adds the progress display and exit codes
            result = odaextract.run(inputs, out_dir, config_path=config_path, max_bytes=max_bytes,
                                    jobs=jobs or os.cpu_count() or 1, force=force, pdf_engine=pdf_engine,
                                    max_pages=max_pages, progress=progress)
    except LockedError as exc:
        raise click.ClickException(str(exc)) from None
    except (ConfigError, OutputError) as exc:
        option = "--config" if isinstance(exc, ConfigError) else "--out"
        click.echo(f"error: {exc.path}: {exc.cause} ({option})", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a further Ctrl-C must not interrupt the exit
        end_processes()
        click.echo(f"interrupted: finished documents are kept in {out_dir}/.odaextract; "
                   "run the same command again to complete the datasets", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        # os._exit: no interpreter shutdown, whose exit hooks join executor threads and could wait.
        os._exit(130)
    print_summary(result, out_dir)
    if result.internal_errors:
        click.echo(f"{len(result.internal_errors)} internal error(s): a bug in odaextract, not in your files; "
                   f"the traceback is in {out_dir / 'errors.jsonl'}", err=True)
        sys.exit(3)
    if result.errors:
        sys.exit(1)


@main.command()
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold mention annotations (JSONL, one document per line).")
@click.option("--facts-gold", "facts_gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold facts (JSONL, one document per line, as fact-guidelines.md).")
@click.option("--tracks-gold", "tracks_gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold tracks (JSONL, one track per line); scored as pairs of facts.")
@click.option("--pred", "pred_dir", type=click.Path(path_type=Path), default=Path("outputs"), show_default=True,
              help="Output folder of a run (or a mentions.jsonl file).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--min", "minimums", multiple=True, metavar="LABEL=F1",
              help="Exit 1 when LABEL's value F1 is below F1 (LABEL may be ALL). Repeatable.")
def evaluate(gold_path: Path | None, facts_gold: Path | None, tracks_gold: Path | None, pred_dir: Path,
             as_json: bool, minimums: tuple[str, ...]) -> None:
    """Score a run against gold mentions (--gold), facts (--facts-gold) and tracks (--tracks-gold).

    Mentions: strict, overlap and value precision/recall/F1 and norm accuracy,
    per label and overall (ALL). Facts: detection P/R/F1, each slot's
    accuracy (set F1 for recipients, regions, channels) and strict. Tracks:
    pairs of facts placed in the same track.
    """
    from odaextract.pipeline.evaluate import format_table, evaluate as score, load_gold, load_predictions

    if gold_path is None and facts_gold is None and tracks_gold is None:
        raise click.UsageError("give --gold, --facts-gold or --tracks-gold")
    if gold_path is None:
        if minimums:
            raise click.UsageError("--min applies to mention scores: give --gold")
        _evaluate_facts(facts_gold, tracks_gold, pred_dir, as_json)
        return

    thresholds = {}
    for item in minimums:
        label, _, value = item.partition("=")
        try:
            minimum = float(value)
        except ValueError:
            raise click.BadParameter(f"{item!r}: expected LABEL=F1, e.g. MONEY=0.97", param_hint="--min") from None
        if not 0.0 <= minimum <= 1.0:  # an F1 above 1 can never be met, one below 0 always is
            raise click.BadParameter(f"{item!r}: an F1 is between 0 and 1, e.g. MONEY=0.97", param_hint="--min")
        thresholds[label.strip().upper()] = minimum
    pred_file = pred_dir / "mentions.jsonl" if pred_dir.is_dir() else pred_dir
    if not pred_file.exists():
        raise click.ClickException(f"{pred_file}: no such file; run `odaextract run` first or pass --pred")
    try:
        gold = load_gold(gold_path)
        predictions = load_predictions(pred_file, [d.doc_id for d in gold])
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    missing = [d.doc_id for d in gold if d.doc_id not in predictions]
    for doc_id in missing:
        click.echo(f"warning: no predicted mentions for gold document {doc_id!r}", err=True)
    report = score(gold, predictions)
    if as_json and (facts_gold or tracks_gold):
        report = {"mentions": report, **_fact_reports(facts_gold, tracks_gold, pred_dir)}
        click.echo(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
        report = report["mentions"]
    elif as_json:
        click.echo(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(format_table(report))
        if facts_gold or tracks_gold:
            _evaluate_facts(facts_gold, tracks_gold, pred_dir, False)
    failed = []
    for label, minimum in thresholds.items():
        if label not in report:
            raise click.BadParameter(f"unknown label {label!r}", param_hint="--min")
        value = report[label]["value"]["f1"]
        if value < minimum:
            failed.append(f"{label} value F1 {value:.4f} < {minimum}")
    if failed:
        click.echo("below threshold: " + "; ".join(failed), err=True)
        sys.exit(1)


def _fact_reports(facts_gold: Path | None, tracks_gold: Path | None, pred_dir: Path) -> dict:
    from odaextract.pipeline.evaluate_facts import evaluate_facts, evaluate_tracks, load_gold_facts, load_predicted_facts

    folder = pred_dir if pred_dir.is_dir() else pred_dir.parent
    facts_file = folder / "facts.jsonl"
    if not facts_file.exists():
        raise click.ClickException(f"{facts_file}: no such file; run `odaextract run` first or pass --pred")
    predicted = load_predicted_facts(facts_file)
    reports: dict = {}
    try:
        if facts_gold is not None:
            reports["facts"] = evaluate_facts(load_gold_facts(facts_gold), predicted)
        if tracks_gold is not None:
            tracks_file = folder / "tracks.jsonl"
            if not tracks_file.exists():
                raise click.ClickException(f"{tracks_file}: no such file; run `odaextract run` first")
            reports["tracks"] = evaluate_tracks(tracks_gold, tracks_file, predicted)
    except (KeyError, TypeError, ValueError) as exc:
        raise click.ClickException(f"cannot read the gold: {type(exc).__name__}: {exc}") from None
    return reports


def _evaluate_facts(facts_gold: Path | None, tracks_gold: Path | None, pred_dir: Path, as_json: bool) -> None:
    from odaextract.pipeline.evaluate_facts import format_fact_table

    reports = _fact_reports(facts_gold, tracks_gold, pred_dir)
    if as_json:
        click.echo(orjson.dumps(reports, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(format_fact_table(reports))


@main.command()
@click.option("--pred", "pred_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs"),
              show_default=True, help="Output folder of a run.")
def tracks(pred_dir: Path) -> None:
    """Print the tracks of a run: each running total, edition by edition."""
    from rich.console import Console

    from odaextract.pipeline.tracks import tracks_table

    path = pred_dir / "tracks.jsonl"
    if not path.exists():
        raise click.ClickException(f"{path}: no such file; run `odaextract run` on several editions first")
    records = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    if not records:
        click.echo(f"no tracks in {path}: no running total appears in two documents of the run")
        return
    Console().print(tracks_table(records))


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs/schema"),
              show_default=True, help="Folder for the schema files.")
def schema(out_dir: Path) -> None:
    """Write the JSON Schema of every record type (one <type>.schema.json each)."""
    from odaextract.models import RECORD_MODELS
    from odaextract.pipeline.write import atomic_file

    for name, model in RECORD_MODELS.items():
        path = out_dir / f"{name}.schema.json"
        with atomic_file(path) as stream:
            stream.write(orjson.dumps(model.model_json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
            stream.write(b"\n")
        click.echo(str(path))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("--pred", "pred_dir", type=click.Path(path_type=Path), default=Path("outputs"), show_default=True,
              help="Output folder of a run (or a mentions.jsonl file).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write [default: <pred>/mentions.<format>].")
def export(fmt: str, pred_dir: Path, out_path: Path | None) -> None:
    """Export the mentions of a run as Parquet or CSV, norms flattened to typed
    columns (org_name, country_iso3, money_amount, money_currency, date_start, ...),
    and beside them facts.<format> (one row per fact, lists as list columns) and
    tracks.<format> (one row per point of a series)."""
    from odaextract.pipeline.export import export as export_mentions

    from odaextract.pipeline.export import export_facts, export_tracks

    mentions = pred_dir / "mentions.jsonl" if pred_dir.is_dir() else pred_dir
    if not mentions.exists():
        raise click.ClickException(f"{mentions}: no such file; run `odaextract run` first or pass --pred")
    target = out_path or mentions.with_suffix(f".{fmt}")
    rows = export_mentions(mentions, target, fmt)
    click.echo(f"{rows} mentions written to {target}")
    # Beside a run's mentions: its facts (lists as list columns) and tracks (a row per point).
    for name, export_one, what in (("facts", export_facts, "facts"), ("tracks", export_tracks, "track points")):
        source = mentions.parent / f"{name}.jsonl"
        if source.exists():
            table_path = target.parent / f"{name}.{fmt}"
            count = export_one(source, table_path, fmt)
            click.echo(f"{count} {what} written to {table_path}")


@main.command()
@click.option("--pred", "pred_dir", type=click.Path(path_type=Path), default=Path("outputs"), show_default=True,
              help="Output folder of a run.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs/report"),
              show_default=True, help="Folder for the site (replaced whole).")
def report(pred_dir: Path, out_dir: Path) -> None:
    """Write a static review site of a run: an index of documents, facts and
    tracks, and each document's text with its mentions and facts marked.
    Opens from file:// with no network."""
    from odaextract.pipeline.report import ReportInputError, build_report

    try:
        summary = build_report(pred_dir, out_dir)
    except ReportInputError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{summary.documents} documents, {summary.mentions} mentions, {summary.facts} facts, "
               f"{summary.tracks} tracks: {summary.pages} pages in {summary.out_dir}/index.html")


if __name__ == "__main__":
    main()
