"""The output folder's own state: per-document results, the run lock.

Per-document results (`.odaextract/docs/<doc_id>.json`) are written the
moment a document is done, each atomically; the combined datasets are then
assembled from them. A run that is killed at any point leaves complete
per-document files and the previous complete datasets, so running again
finishes the work, reusing what was done.
"""

from __future__ import annotations

import errno
import gzip
import os
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

import orjson

from odaextract.pipeline.write import atomic_file

STATE_DIR = ".odaextract"


class LockedError(RuntimeError):
    pass


@dataclass(frozen=True)
class CacheKey:
    """What makes a document's result reusable: the same input bytes, and the
    same fingerprint of everything that decides the output (pipeline.fingerprint)."""

    sha256: str
    fingerprint: str

    def as_dict(self) -> dict[str, str]:
        return {"sha256": self.sha256, "fingerprint": self.fingerprint}


class ResultStore:
    """One file per document, `<doc_id>.jsonl.gz`, written atomically: gzipped JSON Lines
    with a header line first ({"key", "document", "lists": {name: count}, ...}),
    then the items of each list-valued entry of the result (mentions, and
    whatever a later stage adds, e.g. facts), one per line, list by list.

    The header alone decides whether a result is reusable and gives the
    document record, so skipping a large document never loads its mentions;
    the datasets are assembled by streaming each list, one document at a time.
    Compressed (level 1: fast) so the cache is not a second full-size copy of
    mentions.jsonl: JSON Lines of mentions shrink about tenfold.
    """

    def __init__(self, out_dir: Path):
        self.root = out_dir / STATE_DIR / "docs"

    def _path(self, doc_id: str) -> Path:
        return self.root / f"{doc_id}.jsonl.gz"

    def has(self, doc_id: str) -> bool:
        return self._path(doc_id).exists()

    def header(self, doc_id: str, key: Optional[CacheKey] = None) -> Optional[dict[str, Any]]:
        """The stored header when it exists (and, given `key`, was made from the same input by the same pipeline)."""
        try:
            with gzip.open(self._path(doc_id), "rb") as stream:
                header = orjson.loads(stream.readline())
        except (OSError, EOFError, orjson.JSONDecodeError):
            return None
        if not isinstance(header, dict) or not isinstance(header.get("lists"), dict):
            return None
        if key is not None and header.get("key") != key.as_dict():
            return None
        return header

    def items(self, doc_id: str, name: str) -> Iterator[Any]:
        """Stream one stored list (e.g. "mentions") of a document."""
        with gzip.open(self._path(doc_id), "rb") as stream:
            header = orjson.loads(stream.readline())
            for list_name, count in header["lists"].items():
                for _ in range(count):
                    line = stream.readline()
                    if list_name == name:
                        yield orjson.loads(line)
                if list_name == name:
                    return

    def load(self, doc_id: str, key: Optional[CacheKey] = None) -> Optional[dict[str, Any]]:
        """The whole stored result: {"key", "document", "mentions", ...} (small documents, tests)."""
        header = self.header(doc_id, key)
        if header is None:
            return None
        result = {k: v for k, v in header.items() if k != "lists"}
        for name in header["lists"]:
            result[name] = list(self.items(doc_id, name))
        return result

    def save(self, doc_id: str, key: CacheKey, result: dict[str, Any]) -> None:
        """`result`: {"document": {...}, "mentions": [...], ...}; list values are stored line by line."""
        lists = {name: value for name, value in result.items() if isinstance(value, list)}
        header = {"key": key.as_dict(), **{k: v for k, v in result.items() if k not in lists}}
        header["lists"] = {name: len(value) for name, value in lists.items()}
        with atomic_file(self._path(doc_id)) as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1, mtime=0) as stream:
            stream.write(orjson.dumps(header))
            stream.write(b"\n")
            for value in lists.values():
                for item in value:
                    stream.write(orjson.dumps(item))
                    stream.write(b"\n")


def _read_holder(path: Path) -> Optional[tuple[str, int]]:
    try:
        host, pid = path.read_text().split()
        return host, int(pid)
    except (OSError, ValueError):
        return None


class RunLock:
    """One run per output folder: a lock file holding host and pid; a lock
    whose process is gone (same host) is stale and taken over.

    The content is written to a temporary file first and then hard-linked into
    place (`link` fails if the lock exists), so a lock file is never seen
    empty or half-written by another run. A lock that cannot be read (empty,
    garbled: not written by this code) is never taken over: the run stops and
    says so."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_DIR / "lock"
        self.stale_pid: Optional[int] = None

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = f"{socket.gethostname()} {os.getpid()}\n".encode()
        handle, temp_name = tempfile.mkstemp(prefix=".lock.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            for _ in range(2):
                try:
                    os.link(temp_name, self.path)
                except FileExistsError:
                    holder = self._holder()
                    if holder is None:
                        raise LockedError(
                            f"{self.path}: lock file is empty or unreadable, so another run may be writing to "
                            f"{self.path.parent.parent}; delete the lock file if no odaextract run is using that folder"
                        ) from None
                    if self._alive(*holder):
                        host, pid = holder
                        raise LockedError(
                            f"another odaextract run (pid {pid} on {host}) is writing to {self.path.parent.parent}; "
                            f"wait for it to finish, or delete {self.path} if that process is gone"
                        ) from None
                    self.stale_pid = holder[1]
                    self._remove_stale(holder)
                    continue
                return self
        finally:
            Path(temp_name).unlink(missing_ok=True)
        raise LockedError(f"could not take the lock {self.path}")

    def _remove_stale(self, holder: tuple[str, int]) -> None:
        # Move the stale lock aside rather than unlink it: if another run took it
        # over in between, what was moved is that run's live lock, and it goes back.
        aside = self.path.with_name(f".lock.stale.{os.getpid()}")
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return  # another run removed it first
        try:
            moved = _read_holder(aside)
            if moved != holder:
                try:
                    os.link(aside, self.path)
                except FileExistsError:
                    pass
                raise LockedError(f"another odaextract run took over the stale lock {self.path} first")
        finally:
            aside.unlink(missing_ok=True)

    def release(self) -> None:
        holder = self._holder()
        if holder == (socket.gethostname(), os.getpid()):
            self.path.unlink(missing_ok=True)

    def _holder(self) -> Optional[tuple[str, int]]:
        return _read_holder(self.path)

    @staticmethod
    def _alive(host: str, pid: int) -> bool:
        if host != socket.gethostname():
            return True  # cannot check another machine: assume it is running
        try:
            os.kill(pid, 0)
        except OSError as exc:
            return exc.errno == errno.EPERM
        return True

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        self.release()
