"""The batch: discover inputs, run every stage per document, write the datasets.

A document that fails at any stage becomes one `ErrorRecord` (file, stage,
error type, one-line message) and the batch goes on. The datasets are written
at the end, each atomically, so a crash leaves the previous run's files whole.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import spacy

from models import LABELS, DocumentRecord, ErrorRecord, Mention, RunManifest
from pipeline import __version__
from pipeline.annotate import Annotator, config_sha256, model_description
from pipeline.ingest import DEFAULT_MAX_BYTES, InputError, discover, read_document
from pipeline.normalize import normalize
from pipeline.records import build_document, build_mentions
from pipeline.structure import structure
from pipeline.write import write_json, write_jsonl

MENTIONS_FILE = "mentions.jsonl"
DOCUMENTS_FILE = "documents.jsonl"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"


@dataclass
class RunResult:
    documents: list[DocumentRecord] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    mention_counts: Counter = field(default_factory=Counter)
    manifest: Optional[RunManifest] = None

    @property
    def ok(self) -> bool:
        return not self.errors


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _error(path: Union[str, Path], stage: str, exc: BaseException, doc_id: Optional[str] = None) -> ErrorRecord:
    message = exc.cause if isinstance(exc, InputError) else (str(exc).splitlines() or [""])[0] or type(exc).__name__
    return ErrorRecord(
        path=str(path), doc_id=doc_id, stage=stage, error_type=type(exc).__name__, message=message, time=_now()
    )


def process_document(path: Path, annotator: Annotator, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[DocumentRecord, list[Mention]]:
    """All stages for one file. Raises with `.odax_stage` set on the exception."""
    stage = "ingest"
    try:
        source = read_document(path, max_bytes=max_bytes)
        stage = "structure"
        structured = structure(source)
        stage = "annotate"
        annotated = annotator.annotate(structured)
        stage = "normalize"
        normalized = normalize(annotated)
        stage = "records"
        mentions = build_mentions(source, normalized)
        document = build_document(source, mentions, structured.edition_year, model_description(annotator.nlp))
        return document, mentions
    except Exception as exc:
        exc.odax_stage = getattr(exc, "stage", stage)  # type: ignore[attr-defined]
        raise


def run(
    paths: Iterable[Union[str, Path]],
    out_dir: Path,
    config_path: Optional[Path] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    annotator: Optional[Annotator] = None,
    report: Callable[[str], None] = lambda line: None,
) -> RunResult:
    paths = [str(p) for p in paths]
    started = _now()
    result = RunResult()
    mentions: list[Mention] = []
    seen_ids: dict[str, Path] = {}
    annotator = annotator or Annotator(config_path)
    for item in discover(paths):
        if isinstance(item, InputError):
            result.errors.append(_error(item.path, item.stage, item))
            report(f"error: {item.path}: {item.cause}")
            continue
        doc_id = item.stem
        if doc_id in seen_ids:
            error = InputError(item, f"duplicate document id {doc_id!r} (also {seen_ids[doc_id]}); rename one file")
            result.errors.append(_error(item, "ingest", error, doc_id))
            report(f"error: {item}: {error.cause}")
            continue
        seen_ids[doc_id] = item
        try:
            document, doc_mentions = process_document(item, annotator, max_bytes)
        except Exception as exc:  # recorded, never swallowed: errors.jsonl, stderr, exit status
            record = _error(item, getattr(exc, "odax_stage", "annotate"), exc, doc_id)
            result.errors.append(record)
            report(f"error: {item}: {record.message} ({record.stage}: {record.error_type})")
            continue
        result.documents.append(document)
        mentions.extend(doc_mentions)
        result.mention_counts.update(m.label for m in doc_mentions)
        report(f"ok: {item}: {len(doc_mentions)} mentions")

    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / MENTIONS_FILE, mentions)
    write_jsonl(out_dir / DOCUMENTS_FILE, result.documents)
    write_jsonl(out_dir / ERRORS_FILE, result.errors)
    result.manifest = RunManifest(
        pipeline_version=__version__,
        spacy_version=spacy.__version__,
        model=model_description(annotator.nlp),
        config_sha256=config_sha256(config_path),
        inputs=paths,
        started_at=started,
        finished_at=_now(),
        documents={"processed": len(result.documents), "failed": len(result.errors)},
        mentions={label: result.mention_counts.get(label, 0) for label in LABELS},
        files=[MENTIONS_FILE, DOCUMENTS_FILE, ERRORS_FILE, MANIFEST_FILE],
    )
    write_json(out_dir / MANIFEST_FILE, result.manifest)
    return result
