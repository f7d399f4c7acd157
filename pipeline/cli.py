"""The `odaextract` command: a thin click layer over plain functions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
import orjson

from pipeline import __version__
from pipeline.ingest import DEFAULT_MAX_BYTES


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
    when any failed (see errors.jsonl), 130 when interrupted.
    """
    from pipeline.progress import make_progress, print_summary
    from pipeline.run import run as run_batch
    from pipeline.state import LockedError

    inputs = list(paths) or [Path("corpus")]
    # read by pipeline.readers.pdf in this process and in the worker processes
    os.environ["ODAX_PDF_ENGINE"] = pdf_engine
    os.environ["ODAX_PDF_MAX_PAGES"] = str(max_pages)
    progress = make_progress(quiet=quiet)
    try:
        with progress:
            result = run_batch(inputs, out_dir, config_path=config_path, max_bytes=max_bytes,
                               jobs=jobs or os.cpu_count() or 1, force=force, progress=progress)
    except LockedError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(f"interrupted: finished documents are kept in {out_dir}/.odaextract; "
                   "run the same command again to complete the datasets", err=True)
        sys.exit(130)
    print_summary(result, out_dir)
    if result.errors:
        sys.exit(1)


@main.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold annotations (JSONL, one document per line).")
@click.option("--pred", "pred_dir", type=click.Path(path_type=Path), default=Path("outputs"), show_default=True,
              help="Output folder of a run (or a mentions.jsonl file).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--min", "minimums", multiple=True, metavar="LABEL=F1",
              help="Exit 1 when LABEL's value F1 is below F1 (LABEL may be ALL). Repeatable.")
def evaluate(gold_path: Path, pred_dir: Path, as_json: bool, minimums: tuple[str, ...]) -> None:
    """Score the mentions of a run against gold annotations.

    Prints strict, overlap and value precision/recall/F1 and norm accuracy,
    per label and overall (ALL).
    """
    from pipeline.evaluate import format_table, evaluate as score, load_gold, load_predictions

    thresholds = {}
    for item in minimums:
        label, _, value = item.partition("=")
        try:
            thresholds[label.strip().upper()] = float(value)
        except ValueError:
            raise click.BadParameter(f"{item!r}: expected LABEL=F1, e.g. MONEY=0.97", param_hint="--min") from None
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
    if as_json:
        click.echo(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(format_table(report))
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


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("outputs/schema"),
              show_default=True, help="Folder for the schema files.")
def schema(out_dir: Path) -> None:
    """Write the JSON Schema of every record type (one <type>.schema.json each)."""
    from models import RECORD_MODELS
    from pipeline.write import atomic_file

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
    columns (org_name, country_iso3, money_amount, money_currency, date_start, ...)."""
    from pipeline.export import export as export_mentions

    mentions = pred_dir / "mentions.jsonl" if pred_dir.is_dir() else pred_dir
    if not mentions.exists():
        raise click.ClickException(f"{mentions}: no such file; run `odaextract run` first or pass --pred")
    target = out_path or mentions.with_suffix(f".{fmt}")
    rows = export_mentions(mentions, target, fmt)
    click.echo(f"{rows} mentions written to {target}")


if __name__ == "__main__":
    main()
