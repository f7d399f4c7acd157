"""The batch: discover inputs, run every stage per document, write the datasets.

- Parallel: documents are spread over `jobs` processes, each loading the
  model once; results are assembled in input order, so the datasets are the
  same bytes whatever `jobs` is.
- Incremental: a document whose input bytes, pipeline version, config and
  model are unchanged is not processed again (see pipeline.state).
- Resumable: each document's result is saved atomically when it is done and
  the combined datasets are written last, each atomically; a killed run
  leaves the previous datasets whole, and the next run reuses finished work.
- Honest: a document that fails at any stage becomes one `ErrorRecord`
  (file, stage, error type, one-line message), the batch goes on, and the
  result says it failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Protocol, Union

import spacy

from models import LABELS, DocumentRecord, ErrorRecord, Fact, Mention, RunManifest
from pipeline import __version__
from pipeline.annotate import (
    Annotator,
    BlockPool,
    config_sha256,
    init_worker,
    model_description,
    worker_annotator,
)
from pipeline.ingest import DEFAULT_MAX_BYTES, InputError, discover, read_document
from pipeline.facts import FactExtractor, sentence_parser
from pipeline.normalize import normalize
from pipeline.records import build_document, build_facts, build_mentions
from pipeline.state import CacheKey, ResultStore, RunLock
from pipeline.structure import structure
from pipeline.tracks import build_tracks
from pipeline.write import atomic_file, write_json, write_jsonl

MENTIONS_FILE = "mentions.jsonl"
FACTS_FILE = "facts.jsonl"
TRACKS_FILE = "tracks.jsonl"
DOCUMENTS_FILE = "documents.jsonl"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"
TEXTS_DIR = "texts"
PDF_WORKERS_ENV = "ODAX_PDF_WORKERS"  # read by pipeline.readers.pdf
# An input this large (a long PDF) will use the block pool: start it while the file is read.
LARGE_INPUT_BYTES = 1_000_000


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, path: str, status: str, detail: str = "") -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, path: str, status: str, detail: str = "") -> None:
        pass


@dataclass
class Outcome:
    path: Path
    doc_id: str
    status: str  # "processed" | "skipped" | "failed"
    document: Optional[dict] = None
    mentions: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    error: Optional[ErrorRecord] = None


@dataclass
class RunResult:
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    mention_counts: Counter = field(default_factory=Counter)
    fact_count: int = 0
    track_count: int = 0
    seconds: float = 0.0
    manifest: Optional[RunManifest] = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def documents(self) -> list[dict]:
        return [o.document for o in self.outcomes if o.document is not None]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _error(path: Union[str, Path], stage: str, error_type: str, message: str, doc_id: Optional[str] = None) -> ErrorRecord:
    return ErrorRecord(path=str(path), doc_id=doc_id, stage=stage, error_type=error_type, message=message, time=_now())


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.cause
    return (str(exc).strip().splitlines() or [""])[0] or type(exc).__name__


def process_document(
    path: Path, annotator: Annotator, max_bytes: int = DEFAULT_MAX_BYTES, pool: Optional[BlockPool] = None
) -> tuple[DocumentRecord, list[Mention], list[Fact], str]:
    """All stages for one file: the document record, its mentions, its facts and its text.

    Raises with `.odax_stage` set on the exception to the stage that failed.
    """
    stage = "ingest"
    try:
        source = read_document(path, max_bytes=max_bytes)
        stage = "structure"
        structured = structure(source)
        stage = "annotate"
        annotated = annotator.annotate(structured, pool)
        stage = "normalize"
        normalized = normalize(annotated)
        stage = "facts"
        drafts = FactExtractor(sentence_parser(annotator.parser)).extract(annotated, normalized)
        stage = "records"
        mentions = build_mentions(source, normalized)
        facts = build_facts(source, drafts, structured.edition_year)
        document = build_document(
            source, mentions, structured.edition_year, model_description(annotator.nlp), structured.notes,
            structured.edition_year_source, len(facts),
        )
        return document, mentions, facts, source.text
    except Exception as exc:
        exc.odax_stage = getattr(exc, "stage", stage)  # type: ignore[attr-defined]
        raise


# --- one document, in whichever process ------------------------------------

def _init_worker(config_path: Optional[str]) -> None:
    # Documents are already spread over processes: a PDF's pages stay in this one.
    os.environ[PDF_WORKERS_ENV] = "1"
    # Once per process: the model is the expensive part.
    init_worker(config_path)


def _work(path: str, max_bytes: int, annotator: Optional[Annotator] = None, pool: Optional[BlockPool] = None) -> tuple:
    """Picklable result: ("ok", document, mentions, facts, text) or ("error", stage, type, message)."""
    try:
        document, mentions, facts, text = process_document(Path(path), annotator or worker_annotator(), max_bytes, pool)
    except Exception as exc:  # recorded by the caller, never swallowed
        return ("error", getattr(exc, "odax_stage", "annotate"), type(exc).__name__, _one_line(exc))
    return (
        "ok",
        document.model_dump(mode="json"),
        [m.model_dump(mode="json") for m in mentions],
        [f.model_dump(mode="json") for f in facts],
        text,
    )


# --- the batch -------------------------------------------------------------


def _cache_key(path: Path, max_bytes: int, config: str, model: str) -> CacheKey:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    with open(path, "rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    return CacheKey(digest, __version__, config, model)


def _model_name(config_path: Optional[Path]) -> str:
    """The model package and version a config names, without loading the model."""
    from importlib.metadata import PackageNotFoundError, version

    from thinc.api import Config

    from pipeline.annotate import config_text

    name = Config().from_str(config_text(config_path), interpolate=False)["nlp"]["model"]
    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return name


def run(
    paths: Iterable[Union[str, Path]],
    out_dir: Path,
    config_path: Optional[Path] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    force: bool = False,
    annotator: Optional[Annotator] = None,
    progress: Optional[Progress] = None,
) -> RunResult:
    """Run the pipeline over `paths` into `out_dir`; see the module docstring."""
    progress = progress or _Silent()
    inputs = [str(p) for p in paths]
    started, clock = _now(), time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    with RunLock(out_dir):
        result = _run_locked(inputs, out_dir, config_path, max_bytes, jobs, force, annotator, progress)
        result.seconds = time.perf_counter() - clock
        result.manifest = _write_datasets(result, out_dir, inputs, config_path, started, jobs)
    return result


def _run_locked(inputs, out_dir, config_path, max_bytes, jobs, force, annotator, progress) -> RunResult:
    store = ResultStore(out_dir)
    config = config_sha256(config_path)
    model = _model_name(config_path)
    result = RunResult()
    slots: list[Outcome] = []
    todo: list[tuple[Outcome, CacheKey]] = []
    seen_ids: dict[str, Path] = {}
    for item in discover(inputs):
        if isinstance(item, InputError):
            outcome = Outcome(Path(item.path), Path(item.path).stem, "failed")
            outcome.error = _error(item.path, item.stage, type(item).__name__, item.cause)
            slots.append(outcome)
            continue
        outcome = Outcome(item, item.stem, "processed")
        slots.append(outcome)
        if outcome.doc_id in seen_ids:
            outcome.status = "failed"
            outcome.error = _error(
                item, "ingest", "InputError",
                f"duplicate document id {outcome.doc_id!r} (also {seen_ids[outcome.doc_id]}); rename one file",
                outcome.doc_id,
            )
            continue
        seen_ids[outcome.doc_id] = item
        try:
            key = _cache_key(item, max_bytes, config, model)
        except InputError as exc:
            outcome.status, outcome.error = "failed", _error(item, "ingest", "InputError", exc.cause, outcome.doc_id)
            continue
        except PermissionError:
            outcome.status, outcome.error = "failed", _error(item, "ingest", "InputError", "permission denied", outcome.doc_id)
            continue
        except OSError as exc:
            outcome.status = "failed"
            outcome.error = _error(item, "ingest", type(exc).__name__, f"cannot read: {exc.strerror or exc}", outcome.doc_id)
            continue
        stored = None if force else store.load(outcome.doc_id, key)
        if stored is not None and (out_dir / TEXTS_DIR / f"{outcome.doc_id}.txt").exists():
            outcome.status, outcome.document, outcome.mentions = "skipped", stored["document"], stored["mentions"]
            outcome.facts = stored["facts"]
        else:
            todo.append((outcome, key))

    progress.start(len(slots))
    for outcome in slots:  # skipped and failed ones are done already; "processed" ones are in todo
        if outcome.status != "processed":
            progress.advance(str(outcome.path), outcome.status, outcome.error.message if outcome.error else "")

    def finish(outcome: Outcome, key: CacheKey, work: tuple) -> None:
        if work[0] == "error":
            _, stage, error_type, message = work
            outcome.status = "failed"
            outcome.error = _error(outcome.path, stage, error_type, message, outcome.doc_id)
            progress.advance(str(outcome.path), "failed", f"{message} ({stage}: {error_type})")
            return
        _, document, mentions, facts, text = work
        with atomic_file(out_dir / TEXTS_DIR / f"{outcome.doc_id}.txt") as stream:
            stream.write(text.encode("utf-8"))
        store.save(outcome.doc_id, key, document, mentions, facts)
        outcome.document, outcome.mentions, outcome.facts = document, mentions, facts
        progress.advance(str(outcome.path), "processed", f"{len(mentions)} mentions, {len(facts)} facts")

    requested, jobs = jobs, max(1, min(jobs, len(todo)))
    if jobs == 1:
        local = annotator or (Annotator(config_path) if todo else None)
        # One document at a time here: a large one spreads its PDF pages and its
        # blocks over the requested processes instead.
        previous = os.environ.get(PDF_WORKERS_ENV)
        os.environ[PDF_WORKERS_ENV] = str(requested)
        try:
            with BlockPool(requested, config_path) as pool:
                if requested > 1 and any(outcome.path.stat().st_size > LARGE_INPUT_BYTES for outcome, _ in todo):
                    pool.start()
                for outcome, key in todo:
                    finish(outcome, key, _work(str(outcome.path), max_bytes, local, pool))
        finally:
            if previous is None:
                os.environ.pop(PDF_WORKERS_ENV, None)
            else:
                os.environ[PDF_WORKERS_ENV] = previous
    else:
        _run_parallel(todo, jobs, config_path, max_bytes, finish)

    for outcome in slots:
        result.outcomes.append(outcome)
        if outcome.error is not None:
            result.errors.append(outcome.error)
        result.mention_counts.update(m["label"] for m in outcome.mentions)
        result.fact_count += len(outcome.facts)
    return result


def _run_parallel(todo, jobs, config_path, max_bytes, finish: Callable) -> None:
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(str(config_path) if config_path else None,)
    ) as pool:
        pending = {pool.submit(_work, str(outcome.path), max_bytes): (outcome, key) for outcome, key in todo}
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    outcome, key = pending.pop(future)
                    try:
                        work = future.result()
                    except Exception as exc:  # a worker died (e.g. out of memory): that document failed
                        work = ("error", "annotate", type(exc).__name__, _one_line(exc))
                    finish(outcome, key, work)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _write_datasets(result: RunResult, out_dir: Path, inputs: list[str], config_path, started, jobs) -> RunManifest:
    def mentions():
        for outcome in result.outcomes:
            for mention in outcome.mentions:
                yield Mention.model_validate(mention)

    def facts():
        for outcome in result.outcomes:
            for fact in outcome.facts:
                yield Fact.model_validate(fact)

    write_jsonl(out_dir / MENTIONS_FILE, mentions())
    write_jsonl(out_dir / FACTS_FILE, facts())
    # Tracks: over every document of this run, from the validated facts just written.
    tracks = build_tracks(facts(), {d["doc_id"]: d.get("edition_year") for d in result.documents})
    result.track_count = write_jsonl(out_dir / TRACKS_FILE, tracks)
    write_jsonl(out_dir / DOCUMENTS_FILE, (DocumentRecord.model_validate(d) for d in result.documents))
    write_jsonl(out_dir / ERRORS_FILE, result.errors)
    models = {d["model"] for d in result.documents}
    manifest = RunManifest(
        pipeline_version=__version__,
        spacy_version=spacy.__version__,
        model=", ".join(sorted(models)) or _model_name(config_path),
        config_sha256=config_sha256(config_path),
        inputs=inputs,
        jobs=jobs,
        started_at=started,
        finished_at=_now(),
        seconds=round(result.seconds, 3),
        documents={status: result.count(status) for status in ("processed", "skipped", "failed")},
        mentions={label: result.mention_counts.get(label, 0) for label in LABELS},
        facts=result.fact_count,
        tracks=result.track_count,
        files=[MENTIONS_FILE, FACTS_FILE, TRACKS_FILE, DOCUMENTS_FILE, ERRORS_FILE, MANIFEST_FILE, f"{TEXTS_DIR}/"],
    )
    write_json(out_dir / MANIFEST_FILE, manifest)
    return manifest
