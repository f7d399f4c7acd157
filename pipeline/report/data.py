"""Read a run's datasets for the report: documents, mentions, errors, texts,
and facts/tracks when the run has them.

Only reads; everything here is plain data (dicts as the datasets hold them).
A line that is not a JSON object is reported (file, line, cause) and left
out; a document whose text file is missing is reported and shown without text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import orjson

DOCUMENTS_FILE = "documents.jsonl"
MENTIONS_FILE = "mentions.jsonl"
ERRORS_FILE = "errors.jsonl"
FACTS_FILE = "facts.jsonl"
TRACKS_FILE = "tracks.jsonl"
DATASET_FILES = (DOCUMENTS_FILE, MENTIONS_FILE, ERRORS_FILE)


class ReportInputError(ValueError):
    """The folder given is not a run's output (a user mistake, one line)."""


@dataclass
class RunData:
    folder: Path
    documents: list[dict] = field(default_factory=list)
    mentions: dict[str, list[dict]] = field(default_factory=dict)  # doc_id -> mentions in text order
    errors: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    tracks: list[dict] = field(default_factory=list)
    has_facts: bool = False  # facts.jsonl exists (it may still be empty)
    has_tracks: bool = False
    warnings: list[str] = field(default_factory=list)

    def text(self, document: dict) -> Optional[str]:
        """The document text the offsets index, or None (with a warning) when it cannot be read."""
        path = self.folder / str(document.get("text_file", f"texts/{document['doc_id']}.txt"))
        if not path.resolve().is_relative_to(self.folder.resolve()):
            self.warnings.append(f"{path}: the document text is outside the run folder; the page shows no text")
            return None
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            cause = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            self.warnings.append(f"{path}: cannot read the document text ({cause}); the page shows no text")
            return None


def read_jsonl(path: Path, warnings: list[str]) -> list[dict]:
    records = []
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                warnings.append(f"{path}:{number}: not valid JSON ({str(exc).splitlines()[0]}); line left out")
                continue
            if not isinstance(record, dict):
                warnings.append(f"{path}:{number}: not a JSON object; line left out")
                continue
            records.append(record)
    return records


def load_run(folder: Path) -> RunData:
    """The datasets of the run in `folder`; raises ReportInputError when it holds none."""
    if not folder.is_dir():
        raise ReportInputError(f"{folder}: no such folder; run `odaextract run` first or pass --pred")
    if not (folder / DOCUMENTS_FILE).is_file():
        raise ReportInputError(
            f"{folder}: no {DOCUMENTS_FILE} here, so not the output folder of a run; "
            "run `odaextract run` first or pass --pred"
        )
    data = RunData(folder)
    warnings = data.warnings
    data.documents = [d for d in read_jsonl(folder / DOCUMENTS_FILE, warnings) if isinstance(d.get("doc_id"), str)]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    if (folder / MENTIONS_FILE).is_file():
        for mention in read_jsonl(folder / MENTIONS_FILE, warnings):
            if _is_span(mention) and isinstance(mention.get("doc_id"), str):
                by_doc[mention["doc_id"]].append(mention)
            else:
                warnings.append(f"{folder / MENTIONS_FILE}: mention {mention.get('id')!r} has no valid span; left out")
    else:
        warnings.append(f"{folder / MENTIONS_FILE}: missing; documents are shown without mentions")
    data.mentions = {doc_id: sorted(items, key=lambda m: (m["start"], m["end"])) for doc_id, items in by_doc.items()}
    if (folder / ERRORS_FILE).is_file():
        data.errors = read_jsonl(folder / ERRORS_FILE, warnings)
    if (folder / FACTS_FILE).is_file():
        data.has_facts = True
        for fact in read_jsonl(folder / FACTS_FILE, warnings):
            if isinstance(fact.get("doc_id"), str) and _is_span(fact.get("amount")):
                data.facts.append(fact)
            else:
                warnings.append(f"{folder / FACTS_FILE}: fact {fact.get('id')!r} has no doc_id or amount span; left out")
    if (folder / TRACKS_FILE).is_file():
        data.has_tracks = True
        data.tracks = [t for t in read_jsonl(folder / TRACKS_FILE, warnings) if isinstance(t.get("series"), list)]
    return data


def _is_span(record) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("start"), int)
        and isinstance(record.get("end"), int)
        and 0 <= record["start"] < record["end"]
    )
