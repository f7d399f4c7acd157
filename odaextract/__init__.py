"""odaextract from Python: the public API.

    >>> import odaextract
    >>> result = odaextract.extract("In 2019, Japan provided $5 million to Kenya.", doc_id="note")
    >>> [(m.label, m.text) for m in result.mentions]

- `extract(text, *, doc_id=...)`: one text through every stage, in this
  process; returns an `Extraction` (the `DocumentRecord`, the `Mention`s and
  the `Fact`s, all the pydantic models the datasets are written from).
- `extract_file(path)`: the same for one file (PDF, HTML, Markdown, text).
- `run(paths, out, jobs=...)`: what `odaextract run` does -- the datasets
  written into `out`, unchanged documents reused; returns a `RunResult`.
- `load_nlp()`: the configured spaCy pipeline (the model plus our components).

The installed distribution has one top-level name, `odaextract`: the
repository's `pipeline/` and `models/` folders install as
`odaextract.pipeline` and `odaextract.models` (pyproject.toml's
`package-dir`). This module imports nothing heavy at import time: spaCy's
entry points import `odaextract.pipeline.components.*`, which imports this
package first.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Union

# A source checkout: `odaextract/` here holds only this API, while the code is
# in the sibling folders `pipeline/` and `models/` (installed, they are
# subfolders of odaextract/). The editable install's finder maps them too, but
# only for the checkout it was installed from; extending `__path__` (the
# mechanism namespace packages use) makes a checkout or a copy of one --
# `python -m odaextract.pipeline.cli` from its root, without installing --
# import its own `pipeline/` and `models/` as odaextract.pipeline/.models.
# Installed from a wheel, odaextract/pipeline exists and nothing is added.
_HERE = Path(__file__).resolve().parent
if not (_HERE / "pipeline").is_dir() and (_HERE.parent / "pipeline" / "__init__.py").is_file():
    __path__.append(str(_HERE.parent))  # type: ignore[name-defined]  # noqa: F821

from odaextract.pipeline import __version__  # noqa: E402
from odaextract.pipeline.ingest import DEFAULT_MAX_BYTES  # noqa: E402  (a constant: cheap)

if TYPE_CHECKING:
    from spacy.language import Language

    from odaextract.models import DocumentRecord, Fact, Mention
    from odaextract.pipeline.annotate import Annotator
    from odaextract.pipeline.run import Progress, RunResult

__all__ = ["Extraction", "__version__", "extract", "extract_file", "load_nlp", "run"]


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its record, mentions and facts (pydantic models), and its text.

    Every mention's and fact's offsets index `text`: `text[m.start:m.end] == m.text`.
    """

    document: DocumentRecord
    mentions: list[Mention]
    facts: list[Fact]
    text: str


_ANNOTATORS: dict[Optional[str], "Annotator"] = {}
_LOCK = threading.Lock()


def _annotator(config_path: Optional[Path]) -> "Annotator":
    """One Annotator per config in this process: loading the model is the slow part."""
    from odaextract.pipeline.annotate import Annotator, check_config

    key = str(config_path) if config_path is not None else None
    with _LOCK:
        if key not in _ANNOTATORS:
            check_config(config_path)
            _ANNOTATORS[key] = Annotator(config_path)
        return _ANNOTATORS[key]


def extract(text: str, *, doc_id: str = "text", config_path: Optional[Path] = None) -> Extraction:
    """Run every stage on `text` (read as a plain-text document named `doc_id`).

    Raises `odaextract.pipeline.ingest.InputError` for unusable text (empty,
    NUL bytes) and `odaextract.pipeline.annotate.ConfigError` for a config
    that cannot build the pipeline. The model is loaded once per process.
    """
    from odaextract.pipeline.ingest import SourceDocument
    from odaextract.pipeline.reader_types import decode_text
    from odaextract.pipeline.run import process_source

    path = Path(f"{doc_id}.txt")
    data = text.encode("utf-8")
    source = SourceDocument(doc_id=doc_id, path=path, format="text", text=decode_text(path, data),
                            sha256=hashlib.sha256(data).hexdigest())
    document, mentions, facts, text = process_source(source, _annotator(config_path))
    return Extraction(document, mentions, facts, text)


def extract_file(path: Union[str, Path], *, config_path: Optional[Path] = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Run every stage on one file (.pdf, .html/.htm, .md, .txt); `doc_id` is the file's stem.

    Raises `InputError` naming the file and the cause for unusable input.
    """
    from odaextract.pipeline.run import process_document

    document, mentions, facts, text = process_document(Path(path), _annotator(config_path), max_bytes=max_bytes)
    return Extraction(document, mentions, facts, text)


def run(paths: Iterable[Union[str, Path]], out: Union[str, Path], *, jobs: int = 1, force: bool = False,
        config_path: Optional[Path] = None, max_bytes: int = DEFAULT_MAX_BYTES,
        pdf_engine: str = "pdfium", max_pages: int = 0,
        progress: Optional["Progress"] = None) -> "RunResult":
    """What `odaextract run PATHS --out OUT` does: write the datasets into `out`.

    `paths` are files or folders. Documents unchanged since the last run into
    `out` are reused; `force=True` processes them again. `jobs` worker
    processes. Bad inputs do not raise: each is one line in
    `out/errors.jsonl` and in `RunResult.errors`. Raises `ConfigError` (an
    unusable config) or `OutputError` (an `out` that cannot be written)
    before any document is read, `LockedError` when another run holds `out`.
    `pdf_engine` and `max_pages` are set in the environment (`ODAX_PDF_*`),
    where this process's and the workers' PDF reader read them.
    """
    import os

    from odaextract.pipeline.run import run as run_batch

    if pdf_engine not in ("pdfium", "pdfplumber"):
        raise ValueError(f"pdf_engine must be 'pdfium' or 'pdfplumber', not {pdf_engine!r}")
    os.environ["ODAX_PDF_ENGINE"] = pdf_engine
    os.environ["ODAX_PDF_MAX_PAGES"] = str(max_pages)
    return run_batch([Path(p) for p in paths], Path(out), config_path=config_path, max_bytes=max_bytes,
                     jobs=jobs, force=force, progress=progress)


def load_nlp(config_path: Optional[Path] = None) -> "Language":
    """A new spaCy pipeline as configured (default: the packaged pipeline/config.cfg).

    The model with only the kept components, then ours; mentions are in
    `doc._.odax_mentions` after `nlp(text)`. Values there are raw: the
    normalized, validated records come from `extract`.
    """
    from odaextract.pipeline.annotate import build_nlp, check_config

    check_config(config_path)
    return build_nlp(config_path)
