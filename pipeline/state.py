"""The output folder's own state: per-document results, the run lock.

Per-document results (`.odaextract/docs/<doc_id>.json`) are written the
moment a document is done, each atomically; the combined datasets are then
assembled from them. A run that is killed at any point leaves complete
per-document files and the previous complete datasets, so running again
finishes the work, reusing what was done.
"""

from __future__ import annotations

import errno
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import orjson

from pipeline.write import atomic_file

STATE_DIR = ".odaextract"


class LockedError(RuntimeError):
    pass


@dataclass(frozen=True)
class CacheKey:
    """What makes a document's result reusable: same bytes, same pipeline."""

    sha256: str
    pipeline_version: str
    config_sha256: str
    model: str

    def as_dict(self) -> dict[str, str]:
        return {
            "sha256": self.sha256,
            "pipeline_version": self.pipeline_version,
            "config_sha256": self.config_sha256,
            "model": self.model,
        }


class ResultStore:
    def __init__(self, out_dir: Path):
        self.root = out_dir / STATE_DIR / "docs"

    def _path(self, doc_id: str) -> Path:
        return self.root / f"{doc_id}.json"

    def load(self, doc_id: str, key: CacheKey) -> Optional[dict[str, Any]]:
        """The stored result when it was made from the same input by the same pipeline."""
        path = self._path(doc_id)
        try:
            stored = orjson.loads(path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        if stored.get("key") != key.as_dict() or "facts" not in stored:
            return None
        return stored

    def save(self, doc_id: str, key: CacheKey, document: dict, mentions: list[dict], facts: list[dict]) -> None:
        with atomic_file(self._path(doc_id)) as stream:
            stream.write(orjson.dumps({"key": key.as_dict(), "document": document, "mentions": mentions, "facts": facts}))


class RunLock:
    """One run per output folder: `O_EXCL` lock file holding host and pid; a lock
    whose process is gone (same host) is stale and taken over."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_DIR / "lock"
        self.stale_pid: Optional[int] = None

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is not None and self._alive(*holder):
                    host, pid = holder
                    raise LockedError(
                        f"another odaextract run (pid {pid} on {host}) is writing to {self.path.parent.parent}; "
                        f"wait for it to finish, or delete {self.path} if that process is gone"
                    ) from None
                self.stale_pid = holder[1] if holder else None
                self.path.unlink(missing_ok=True)
                continue
            with os.fdopen(fd, "w") as stream:
                stream.write(f"{socket.gethostname()} {os.getpid()}\n")
            return self
        raise LockedError(f"could not take the lock {self.path}")

    def release(self) -> None:
        holder = self._holder()
        if holder == (socket.gethostname(), os.getpid()):
            self.path.unlink(missing_ok=True)

    def _holder(self) -> Optional[tuple[str, int]]:
        try:
            host, pid = self.path.read_text().split()
            return host, int(pid)
        except (OSError, ValueError):
            return None

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
