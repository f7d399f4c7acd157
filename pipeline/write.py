"""Stage 6, write: datasets written atomically (temp file, fsync, rename).

A reader sees either the previous complete file or the new complete file,
never half of one, whatever happens to the process meanwhile.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson
from pydantic import BaseModel


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp makes the file private; a dataset gets the permissions any new file would.
    os.fchmod(handle, 0o666 & ~_UMASK)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def dumps(record: BaseModel) -> bytes:
    return orjson.dumps(record.model_dump(mode="json"))


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> int:
    """Stream records to `path` as JSON Lines; returns the number of lines."""
    count = 0
    with atomic_file(path) as stream:
        for record in records:
            stream.write(dumps(record))
            stream.write(b"\n")
            count += 1
    return count


def write_json(path: Path, record: BaseModel) -> None:
    with atomic_file(path) as stream:
        stream.write(orjson.dumps(record.model_dump(mode="json"), option=orjson.OPT_INDENT_2))
        stream.write(b"\n")
