"""The batch: discover inputs, run every stage per document, write the datasets.

- Parallel: documents are spread over `jobs` processes, each loading the
  model once; results are assembled in input order, so the datasets are the
  same bytes whatever `jobs` is.
- Incremental: a document whose input bytes and fingerprint (resolved
  config, data files, code, model: pipeline.fingerprint) are unchanged is
  not processed again (see pipeline.state).
- Resumable: each document's result is saved atomically when it is done and
  the combined datasets are written last, each atomically; a killed run
  leaves the previous datasets whole, and the next run reuses finished work.
- Honest: a document that fails at any stage becomes one `ErrorRecord`
  (file, stage, error type, one-line message), the batch goes on, and the
  result says it failed. Only an `InputError` is blamed on the input; any
  other exception is an internal error (`internal: true`, its traceback).
- Bounded: the datasets are streamed from the per-document results one
  document at a time, never held whole.
- Interruptible: Ctrl-C (any number of times) ends the worker processes and
  re-raises KeyboardInterrupt; the CLI exits 130.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import signal
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Protocol, Union

import spacy

from odaextract.models import LABELS, DocumentRecord, ErrorRecord, Fact, Mention, RunManifest
from odaextract.pipeline import __version__
from odaextract.pipeline.annotate import (
    Annotator,
    BlockPool,
    check_config,
    config_sha256,
    end_processes,
    init_worker,
    model_description,
    worker_annotator,
)
from odaextract.pipeline.fingerprint import combine, fingerprint_parts, model_name
from odaextract.pipeline.ingest import DEFAULT_MAX_BYTES, InputError, SourceDocument, check_size, discover, open_regular, read_document
from odaextract.pipeline.facts import FactExtractor, sentence_parser
from odaextract.pipeline.normalize import normalize
from odaextract.pipeline.records import build_document, build_facts, build_mention_dicts, build_mentions
from odaextract.pipeline.state import STATE_DIR, CacheKey, ResultStore, RunLock
from odaextract.pipeline.structure import structure
from odaextract.pipeline.tracks import build_tracks
from odaextract.pipeline.write import atomic_file, write_json, write_jsonl

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


class OutputError(Exception):
    """The output folder cannot be written (a bad --out); `cause` is one line."""

    def __init__(self, path: Path, cause: str):
        super().__init__(cause)
        self.path = str(path)
        self.cause = cause


@dataclass
class Outcome:
    path: Path
    doc_id: str
    status: str  # "processed" | "skipped" | "failed"
    document: Optional[dict] = None
    counts: dict = field(default_factory=dict)  # mentions per label; the mentions stay in the result store
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

    @property
    def internal_errors(self) -> list[ErrorRecord]:
        return [e for e in self.errors if e.internal]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def documents(self) -> list[dict]:
        return [o.document for o in self.outcomes if o.document is not None]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _error(
    path: Union[str, Path],
    stage: str,
    error_type: str,
    message: str,
    doc_id: Optional[str] = None,
    internal: bool = False,
    trace: Optional[str] = None,
) -> ErrorRecord:
    return ErrorRecord(
        path=str(path), doc_id=doc_id, stage=stage, error_type=error_type, message=message, time=_now(),
        internal=internal, traceback=trace,
    )


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.cause
    return (str(exc).strip().splitlines() or [""])[0] or type(exc).__name__


def process_document(
    path: Path,
    annotator: Annotator,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pool: Optional[BlockPool] = None,
    lean: bool = False,
) -> tuple[DocumentRecord, list, list, str]:
    """All stages for one file: the document record, its mentions, its facts and its text.

    Mentions and facts are pydantic models (`Mention`, `Fact`), or with
    `lean=True` (the batch) their validated JSON-ready dicts: a third of the
    memory for a large document.
    Raises with `.odax_stage` set on the exception to the stage that failed.
    """
    try:
        source = read_document(path, max_bytes=max_bytes)
    except Exception as exc:
        exc.odax_stage = exc.stage if isinstance(exc, InputError) else "ingest"  # type: ignore[attr-defined]
        raise
    return process_source(source, annotator, pool, lean)


def process_source(
    source: SourceDocument,
    annotator: Annotator,
    pool: Optional[BlockPool] = None,
    lean: bool = False,
) -> tuple[DocumentRecord, list, list, str]:
    """The stages after ingest, for a document already read (`odaextract.extract` reads text)."""
    stage = "structure"
    try:
        structured = structure(source)
        stage = "annotate"
        annotated = annotator.annotate(structured, pool)
        parse = _pool_parser(pool, annotator)  # the pool's processes load their parser while this one normalizes
        stage = "normalize"
        normalized = normalize(annotated)
        stage = "facts"
        drafts = FactExtractor(parse).extract(annotated, normalized)
        del annotated  # memory: only the normalized mentions and the drafts are needed from here
        stage = "records"
        mentions = build_mention_dicts(source, normalized) if lean else build_mentions(source, normalized)
        del normalized
        facts = build_facts(source, drafts, structured.edition_year)
        document = build_document(
            source, mentions, structured.edition_year, model_description(annotator.nlp), structured.notes,
            structured.edition_year_source, len(facts),
        )
        if lean:
            facts = [fact.model_dump(mode="json") for fact in facts]
        return document, mentions, facts, source.text
    except Exception as exc:
        # An InputError knows its stage; anything else failed in the stage that was running.
        exc.odax_stage = exc.stage if isinstance(exc, InputError) else stage  # type: ignore[attr-defined]
        raise


# --- the facts parse over the block pool -------------------------------------

# A document whose facts stage parses at least this many sentences parses them in
# the block pool's processes when the pool is running (a long document); fewer
# are not worth the trip. Parts are whole batches of the parser (64 sentences).
POOL_PARSE_MIN_SENTENCES = 128
_PARSE_BATCH = 64


def _pool_parser(pool: Optional[BlockPool], annotator: Annotator) -> Callable[[list[str]], list]:
    """The facts stage's parser: this process's own, or, while the block pool runs,
    one that splits the sentences over the pool's processes (this process would
    parse alone while they wait). The sentences are split in the order the parser
    batches them (by length), at whole batches, so every batch is the one this
    process would have parsed; the parses come back as DocBin bytes."""
    if pool is None or pool.workers <= 1 or pool._executor is None:
        return sentence_parser(annotator.parser)
    executor = pool._executor
    for _ in range(pool.workers):
        executor.submit(_warm_parser)

    def parse(texts: list[str]) -> list:
        if len(texts) < POOL_PARSE_MIN_SENTENCES:
            return sentence_parser(annotator.parser)(texts)
        from spacy.tokens import DocBin

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        size = -(-len(order) // pool.workers)
        size = -(-size // _PARSE_BATCH) * _PARSE_BATCH
        parts = [order[start : start + size] for start in range(0, len(order), size)]
        futures = [executor.submit(_parse_in_worker, [texts[i] for i in part]) for part in parts]
        docs: list = [None] * len(texts)
        vocab = annotator.nlp.vocab
        for part, future in zip(parts, futures):
            for index, doc in zip(part, DocBin().from_bytes(future.result()).get_docs(vocab)):
                docs[index] = doc
        return docs

    return parse


def _warm_parser() -> None:
    worker_annotator().parser  # loaded on first use; here while the main process normalizes


def _parse_in_worker(texts: list[str]) -> bytes:
    from spacy.tokens import DocBin

    docs = DocBin(store_user_data=False)
    for doc in sentence_parser(worker_annotator().parser)(texts):
        docs.add(doc)
    return docs.to_bytes()


# --- one document, in whichever process ------------------------------------

def _init_worker(config_path: Optional[str]) -> None:
    # Documents are already spread over processes: a PDF's pages stay in this one.
    os.environ[PDF_WORKERS_ENV] = "1"
    # Once per process: the model is the expensive part (SIGINT ignored there: see init_worker).
    init_worker(config_path)


def _failure(exc: BaseException, stage: str) -> tuple:
    """("error", stage, type, message, internal, traceback): an InputError is the input's
    fault; anything else is a bug (or the machine) and carries its traceback."""
    if isinstance(exc, InputError):
        return ("error", stage, type(exc).__name__, exc.cause, False, None)
    return ("error", stage, type(exc).__name__, _one_line(exc), True, traceback.format_exc())


def _work(
    path: str,
    max_bytes: int,
    out_dir: str,
    doc_id: str,
    key: CacheKey,
    annotator: Optional[Annotator] = None,
    pool: Optional[BlockPool] = None,
) -> tuple:
    """Process one document and store its result and text (in this process: only
    a small reply travels back). Returns ("ok", document, counts) or a `_failure`."""
    try:
        annotator = annotator or worker_annotator()
    except Exception as exc:
        return _failure(exc, "worker")
    try:
        document, mentions, facts, text = process_document(Path(path), annotator, max_bytes, pool, lean=True)
    except Exception as exc:  # recorded by the caller, never swallowed
        return _failure(exc, getattr(exc, "odax_stage", "worker"))
    try:
        out = Path(out_dir)
        with atomic_file(out / TEXTS_DIR / f"{doc_id}.txt") as stream:
            stream.write(text.encode("utf-8"))
        # The stored result is a dict: a later stage adds its own list next to "mentions".
        result = {"document": document.model_dump(mode="json"), "mentions": mentions, "facts": facts}
        ResultStore(out).save(doc_id, key, result)
    except Exception as exc:
        return _failure(exc, "write")
    return ("ok", result["document"], dict(document.counts))


# --- interrupts ------------------------------------------------------------


class _Flag:
    """A flag the SIGINT handler sets. Not a threading.Event: Event.set takes a
    lock, and a second Ctrl-C arriving while the first handler held it blocked
    the handler on that lock for ever (the run hung; seen in the repeated-Ctrl-C
    test). A bool assignment needs no lock."""

    def __init__(self) -> None:
        self._set = False

    def set(self) -> None:
        self._set = True

    def clear(self) -> None:
        self._set = False

    def is_set(self) -> bool:
        return self._set


_INTERRUPTED = _Flag()


def _check_interrupt() -> None:
    """Raise KeyboardInterrupt if a Ctrl-C came whose exception was swallowed."""
    if _INTERRUPTED.is_set():
        raise KeyboardInterrupt


@contextmanager
def end_workers_on_interrupt() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt here; once it reaches this guard, every
    further Ctrl-C is ignored (a second one used to interrupt the cleanup and
    hang it) and every child process is ended before KeyboardInterrupt goes on.

    Python swallows an exception raised while a finalizer or an at-fork hook
    runs ("Exception ignored in ..."), so a KeyboardInterrupt raised by the
    handler can be lost: the handler also sets a flag, which the batch loops
    check (`_check_interrupt`) and which is checked again when the body ends.

    After an interrupt SIGINT stays ignored: the caller is about to exit (the
    CLI exits 130); it restores the handler itself if it carries on."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    owner = os.getpid()

    def interrupt(signum, frame):
        if os.getpid() != owner:
            return  # a forked worker before its initializer ignores SIGINT: the parent decides
        _INTERRUPTED.set()
        raise KeyboardInterrupt

    previous_hook = sys.unraisablehook

    def unraisable(info):
        # a swallowed KeyboardInterrupt is not lost (the flag has it): no "Exception ignored" traceback
        if not isinstance(info.exc_value, KeyboardInterrupt):
            previous_hook(info)

    _INTERRUPTED.clear()
    signal.signal(signal.SIGINT, interrupt)
    sys.unraisablehook = unraisable
    try:
        yield
        _check_interrupt()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        end_processes()
        raise
    except Exception:
        if not _INTERRUPTED.is_set():
            raise
        # The handler's KeyboardInterrupt, raised inside library code, can come out as another
        # error: a Ctrl-C inside `concurrent.futures.wait` left its Condition's lock half-taken
        # and surfaced as "RuntimeError: release unlocked lock" (a CI rehearsal's traceback).
        # After a Ctrl-C it is the interrupt.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        end_processes()
        raise KeyboardInterrupt from None
    finally:
        sys.unraisablehook = previous_hook
    signal.signal(signal.SIGINT, previous)


# --- the batch -------------------------------------------------------------


def _cache_key(path: Path, max_bytes: int, fingerprint: str) -> CacheKey:
    with open_regular(path) as stream:
        check_size(path, stream, max_bytes)
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
    return CacheKey(digest, fingerprint)


def _prepare_output(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".odaextract-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except FileExistsError:
        raise OutputError(out_dir, "exists and is not a folder") from None
    except PermissionError:
        raise OutputError(out_dir, "cannot write there: permission denied") from None
    except OSError as exc:
        raise OutputError(out_dir, f"cannot write there: {exc.strerror or exc}") from None


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
    """Run the pipeline over `paths` into `out_dir`; see the module docstring.

    Raises ConfigError (a config that cannot build the pipeline) and
    OutputError (an --out that cannot be written) before any document is read."""
    progress = progress or _Silent()
    inputs = [str(p) for p in paths]
    started, clock = _now(), time.perf_counter()
    check_config(config_path)
    _prepare_output(out_dir)
    parts = fingerprint_parts(config_path)
    with end_workers_on_interrupt(), RunLock(out_dir):
        _remove_leftover_temp_files(out_dir)
        result = _run_locked(inputs, out_dir, config_path, max_bytes, jobs, force, annotator, progress, combine(parts))
        result.seconds = time.perf_counter() - clock
        result.manifest = _write_datasets(result, out_dir, inputs, config_path, started, jobs, parts)
        _remove_stale_texts(result, out_dir)
    return result


def _run_locked(inputs, out_dir, config_path, max_bytes, jobs, force, annotator, progress, fingerprint) -> RunResult:
    store = ResultStore(out_dir)
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
            key = _cache_key(item, max_bytes, fingerprint)
        except InputError as exc:
            outcome.status, outcome.error = "failed", _error(item, "ingest", "InputError", exc.cause, outcome.doc_id)
            continue
        except PermissionError:
            outcome.status, outcome.error = "failed", _error(item, "ingest", "InputError", "permission denied", outcome.doc_id)
            continue
        except OSError as exc:
            outcome.status = "failed"
            outcome.error = _error(item, "ingest", "InputError", f"cannot read: {exc.strerror or exc}", outcome.doc_id)
            continue
        stored = None if force else store.header(outcome.doc_id, key)
        if stored is not None and "facts" in stored.get("lists", {}) and (out_dir / TEXTS_DIR / f"{outcome.doc_id}.txt").exists():
            outcome.status, outcome.document = "skipped", stored["document"]
            outcome.counts = dict(stored["document"].get("counts") or {})
        else:
            todo.append((outcome, key))

    progress.start(len(slots))
    for outcome in slots:  # skipped and failed ones are done already; "processed" ones are in todo
        if outcome.status != "processed":
            progress.advance(str(outcome.path), outcome.status, outcome.error.message if outcome.error else "")

    def finish(outcome: Outcome, work: tuple) -> None:
        _check_interrupt()
        if work[0] == "error":
            _, stage, error_type, message, internal, trace = work
            outcome.status = "failed"
            outcome.error = _error(outcome.path, stage, error_type, message, outcome.doc_id, internal, trace)
            detail = f"internal error (a bug, not your file), {stage}: {error_type}: {message}" if internal else (
                f"{message} ({stage}: {error_type})")
            progress.advance(str(outcome.path), "failed", detail)
            return
        _, document, counts = work
        outcome.document, outcome.counts = document, counts
        progress.advance(str(outcome.path), "processed", f"{sum(counts.values())} mentions")

    requested, jobs = jobs, max(1, min(jobs, len(todo)))
    if jobs == 1:
        # One document at a time here: a large one spreads its PDF pages and its
        # blocks over the requested processes instead.
        previous = os.environ.get(PDF_WORKERS_ENV)
        os.environ[PDF_WORKERS_ENV] = str(requested)
        try:
            with BlockPool(requested, config_path) as pool, _pages_in(pool):
                if requested > 1 and any(outcome.path.stat().st_size > LARGE_INPUT_BYTES for outcome, _ in todo):
                    pool.start()  # first: the processes load their model while this one loads its own
                local = annotator or (Annotator(config_path) if todo else None)
                for outcome, key in todo:
                    finish(outcome, _work(str(outcome.path), max_bytes, str(out_dir), outcome.doc_id, key, local, pool))
                    _restart_if_broken(pool)
        finally:
            if previous is None:
                os.environ.pop(PDF_WORKERS_ENV, None)
            else:
                os.environ[PDF_WORKERS_ENV] = previous
    else:
        _run_parallel(todo, jobs, config_path, max_bytes, out_dir, finish)

    for outcome in slots:
        result.outcomes.append(outcome)
        if outcome.error is not None:
            result.errors.append(outcome.error)
        result.mention_counts.update({label: n for label, n in outcome.counts.items() if n})
    return result


@contextmanager
def _pages_in(pool: BlockPool) -> Iterator[None]:
    """A long PDF's pages are read by the block pool's processes (and this one), not
    by a pool of their own: no second set of processes to start, and the block
    pool's model loading overlaps the reading (see readers.pdf.shared_page_processes)."""
    if pool.workers <= 1:
        yield
        return
    from odaextract.pipeline.readers.pdf import shared_page_processes

    with shared_page_processes(pool.executor):
        yield


def _restart_if_broken(pool: BlockPool) -> None:
    """A worker that died (killed, out of memory) broke the pool: that document is
    an internal error already; the next one gets fresh processes."""
    executor = pool._executor
    if executor is not None and getattr(executor, "_broken", False):
        pool.close()


def _run_parallel(todo, jobs, config_path, max_bytes, out_dir: Path, finish: Callable) -> None:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(str(config_path) if config_path else None,))
    interrupted = True
    try:
        pending = {
            pool.submit(_work, str(outcome.path), max_bytes, str(out_dir), outcome.doc_id, key): outcome
            for outcome, key in todo
        }
        while pending:
            # a timeout, to look at the interrupt flag while a long document runs
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            _check_interrupt()
            for future in done:
                outcome = pending.pop(future)
                try:
                    work = future.result()
                except Exception as exc:
                    # The worker process died (killed, out of memory) or its reply could not
                    # travel back: not the input's fault, and not a stage's either.
                    work = ("error", "worker", type(exc).__name__, _one_line(exc) or "the worker process died",
                            True, traceback.format_exc())
                finish(outcome, work)
        interrupted = False
    finally:
        if interrupted:  # Ctrl-C or a crash here: end the workers, never wait for them
            end_processes(pool)
        pool.shutdown(wait=not interrupted, cancel_futures=True)


def _write_datasets(result: RunResult, out_dir: Path, inputs: list[str], config_path, started, jobs, parts) -> RunManifest:
    store = ResultStore(out_dir)

    def mentions():
        # One document at a time from the result store: memory does not grow with the batch.
        for outcome in result.outcomes:
            if outcome.document is not None:
                for mention in store.items(outcome.doc_id, "mentions"):
                    yield Mention.model_validate(mention)

    def facts():
        for outcome in result.outcomes:
            if outcome.document is not None:
                for fact in store.items(outcome.doc_id, "facts"):
                    yield Fact.model_validate(fact)

    write_jsonl(out_dir / MENTIONS_FILE, mentions())
    result.fact_count = write_jsonl(out_dir / FACTS_FILE, facts())
    # Tracks: over every document of this run, from its validated facts (one document's at a time).
    result.track_count = write_jsonl(out_dir / TRACKS_FILE, build_tracks(facts()))
    write_jsonl(out_dir / DOCUMENTS_FILE, (DocumentRecord.model_validate(d) for d in result.documents))
    write_jsonl(out_dir / ERRORS_FILE, result.errors)
    models = {d["model"] for d in result.documents}
    manifest = RunManifest(
        pipeline_version=__version__,
        spacy_version=spacy.__version__,
        model=", ".join(sorted(models)) or model_name(config_path),
        config_sha256=config_sha256(config_path),
        fingerprint=combine(parts),
        fingerprint_parts=parts,
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


_TEMP_FILE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # atomic_file's mkstemp names


def _remove_leftover_temp_files(out_dir: Path) -> None:
    """A run killed inside a write (SIGKILL, power loss) leaves the temporary
    file atomic_file was writing; the lock is ours, so none is in use."""
    for folder in (out_dir, out_dir / TEXTS_DIR, out_dir / STATE_DIR / "docs"):
        if folder.is_dir():
            for path in folder.glob(".*.tmp"):
                if _TEMP_FILE.match(path.name) and path.is_file():
                    path.unlink(missing_ok=True)


def _remove_stale_texts(result: RunResult, out_dir: Path) -> None:
    """texts/ describes the current inputs only: remove the text of any document
    not in this run's datasets, but only files odaextract wrote (a stored result
    of that name exists); anything else in texts/ is left alone."""
    texts = out_dir / TEXTS_DIR
    if not texts.is_dir():
        return
    current = {o.doc_id for o in result.outcomes if o.document is not None}
    store = ResultStore(out_dir)
    for path in texts.glob("*.txt"):
        if path.stem not in current and store.has(path.stem) and path.is_file():
            path.unlink(missing_ok=True)
