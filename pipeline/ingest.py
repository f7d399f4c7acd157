"""Stage 1, ingest: find input files and read each into a `SourceDocument`.

A reader per file format turns bytes into the document text that every offset
downstream indexes. Plain text is read exactly as decoded from UTF-8 (no
newline or quote normalization), so `text[start:end]` is the mention.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

# The reader types live in their own module (readers import them, not this one);
# re-exported here for callers of the ingest stage.
from odaextract.pipeline.reader_types import InputError, LayoutBlock, PageSpan, ReadResult, decode_text  # noqa: F401

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str
    path: Path
    format: str
    text: str
    sha256: str
    pages: tuple[PageSpan, ...] = ()
    blocks: tuple[LayoutBlock, ...] = ()
    title: Optional[str] = None

    def page_at(self, offset: int) -> Optional[int]:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None


def _read_plain_text(path: Path, data: bytes) -> ReadResult:
    return ReadResult(decode_text(path, data))


# A reader turns a file's bytes into document text (raising InputError with a
# one-line cause for unusable input).
Reader = Callable[[Path, bytes], ReadResult]


def _read_pdf(path: Path, data: bytes) -> ReadResult:
    from odaextract.pipeline.readers.pdf import read_pdf  # lazy: keeps `import pipeline.ingest` cheap

    return read_pdf(path, data)


def _read_markdown(path: Path, data: bytes) -> ReadResult:
    from odaextract.pipeline.readers.markdown import read_markdown

    return read_markdown(path, data)


def _read_html(path: Path, data: bytes) -> ReadResult:
    from odaextract.pipeline.readers.html import read_html  # lazy, as above

    return read_html(path, data)


# Suffix -> (format name, reader). PDF and HTML readers register here too.
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("text", _read_plain_text),
    ".md": ("markdown", _read_markdown),
    ".pdf": ("pdf", _read_pdf),
    ".html": ("html", _read_html),
    ".htm": ("html", _read_html),
}


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def file_problem(path: Path) -> Optional[str]:
    """Why `path` is not a regular file that can be read, or None.

    Only `stat` is used: a named pipe is never opened (opening one blocks
    until a writer comes), a symlink loop is named as such."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop (the link points back to itself), not a file"
        if isinstance(exc, FileNotFoundError):
            return "broken symlink (its target does not exist)" if os.path.islink(path) else "no such file or directory"
        if isinstance(exc, PermissionError):
            return "permission denied"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "is a directory"
    if not stat.S_ISREG(mode):
        return f"{_kind(mode)}, not a regular file: only regular files are read"
    return None


def open_regular(path: Path):
    """Open `path` for reading in binary mode, refusing anything but a regular file.

    O_NONBLOCK: should the file become a named pipe between the type check and
    the open, the open returns at once instead of waiting for a writer."""
    problem = file_problem(path)
    if problem is not None:
        raise InputError(path, problem)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(path, f"{_kind(mode)}, not a regular file: only regular files are read")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _is_folder_readme(path: Path) -> bool:
    # A corpus folder documents itself with a README; it is not a white paper.
    return path.stem.upper() == "README"


def discover(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, InputError]]:
    """Yield the input files under `paths` in a stable order, or an error per bad path.

    Folders are walked recursively (links followed, loops detected), keeping
    files with a supported suffix, skipping hidden files and READMEs. A file
    named explicitly is always taken, whatever its name.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        problem = file_problem(path)
        if problem == "is a directory":
            yield from _walk_folder(path, seen)
            continue
        if problem is not None:
            yield InputError(path, problem, stage="discover")
            continue
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            yield path


def _walk_folder(root: Path, seen: set[Path]) -> Iterator[Union[Path, InputError]]:
    visited_dirs: set[tuple[int, int]] = set()
    found: list[Path] = []
    errors: list[InputError] = []

    def onerror(exc: OSError) -> None:
        errors.append(InputError(exc.filename or root, f"cannot read folder: {exc.strerror}", stage="discover"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        stat = os.stat(dirpath)
        key = (stat.st_dev, stat.st_ino)
        if key in visited_dirs:
            errors.append(InputError(dirpath, "symlink loop: folder already visited, skipped", stage="discover"))
            dirnames[:] = []
            continue
        visited_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            candidate = Path(dirpath) / name
            if name.startswith("."):
                continue
            # os.walk lists links it cannot follow, pipes and sockets as files: check the type by stat.
            problem = file_problem(candidate)
            if problem is not None and problem.startswith("symlink loop"):
                errors.append(InputError(candidate, problem, stage="discover"))  # whatever its name
                continue
            if candidate.suffix.lower() not in READERS or _is_folder_readme(candidate):
                continue
            if problem is not None:
                errors.append(InputError(candidate, problem, stage="discover"))
                continue
            found.append(candidate)
    for candidate in sorted(found):
        resolved = candidate.resolve()
        if resolved not in seen:
            seen.add(resolved)
            yield candidate
    yield from errors


def check_size(path: Path, stream, max_bytes: int) -> None:
    """InputError when the opened file is over `max_bytes` (the cache key and the reader both ask)."""
    size = os.fstat(stream.fileno()).st_size
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one input file; raise `InputError` with a one-line cause if it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(path, f"unsupported file type {suffix or '(none)'}; supported: {', '.join(supported_suffixes())}")
    try:
        with open_regular(path) as stream:
            check_size(path, stream, max_bytes)
            data = stream.read()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data:
        raise InputError(path, "empty file")
    format_name, reader = READERS[suffix]
    result = reader(path, data)
    return SourceDocument(
        doc_id=path.stem,
        path=path,
        format=format_name,
        text=result.text,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=result.pages,
        blocks=result.blocks,
        title=result.title,
    )
