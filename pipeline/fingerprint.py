"""The fingerprint of everything that decides a document's output.

A stored per-document result is reused only when its input bytes *and* this
fingerprint are unchanged. The fingerprint covers:

- `config`: the resolved pipeline configuration (interpolated, so a
  variable's value counts, not its spelling);
- `data`: every file under `pipeline/data/` (word lists, aliases, currencies,
  the organization registry, and whatever later stages add there);
- `code`: every `.py` file of the `pipeline` and `models` packages, so a
  change to any stage -- including stages added later, such as facts and
  tracks -- invalidates the cache without anyone having to remember to;
- `model`: the spaCy model package and version the config names;
- `pipeline_version`: `odaextract.pipeline.__version__`.

The folders are found beside this file: the repository root in a checkout
(`pipeline/`, `models/`), `odaextract/` when installed from the wheel
(`odaextract/pipeline/`, `odaextract/models/`); the names hashed are relative
to that folder, so both layouts give the same `code` and `data`.

Each part is a sha256 (or a name) recorded in the manifest, so a user can
see which one changed. Another part is one entry in `EXTRA_PARTS`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Optional

import orjson

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the folder holding pipeline/ and models/
CODE_PACKAGES = ("pipeline", "models")  # folder names (installed as odaextract.pipeline, odaextract.models)
DATA_DIR = ("pipeline", "data")

# name -> callable(config_path) -> str: further inputs of the output, if any
# arrive that the parts below do not already cover.
def _pdf_engine(config_path: Optional[Path]) -> str:
    """The PDF char source (`--pdf-engine`): the two engines may give different text."""
    from odaextract.pipeline.readers.pdf import engine_name

    return engine_name()


EXTRA_PARTS: dict[str, Callable[[Optional[Path]], str]] = {"pdf_engine": _pdf_engine}


def _hash_files(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        relative = path.relative_to(root).as_posix().encode("utf-8")
        data = path.read_bytes()
        # name and length first: moving bytes from one file to another changes the hash
        digest.update(b"%d:%s:%d:" % (len(relative), relative, len(data)))
        digest.update(data)
    return digest.hexdigest()


def code_sha256(root: Path = PACKAGE_ROOT) -> str:
    files = [p for package in CODE_PACKAGES for p in (root / package).rglob("*.py") if "__pycache__" not in p.parts]
    return _hash_files(root, files)


def data_sha256(root: Path = PACKAGE_ROOT) -> str:
    data_dir = root.joinpath(*DATA_DIR)
    files = [p for p in data_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return _hash_files(root, files)


def resolved_config_sha256(config_path: Optional[Path] = None) -> str:
    from thinc.api import Config

    from odaextract.pipeline.annotate import config_text

    resolved = Config().from_str(config_text(config_path), interpolate=True).to_str()
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()


def model_name(config_path: Optional[Path] = None) -> str:
    """The model package and version a config names, without loading the model."""
    from importlib.metadata import PackageNotFoundError, version

    from thinc.api import Config

    from odaextract.pipeline.annotate import config_text

    name = Config().from_str(config_text(config_path), interpolate=False)["nlp"]["model"]
    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return name


def fingerprint_parts(config_path: Optional[Path] = None, root: Path = PACKAGE_ROOT) -> dict[str, str]:
    from odaextract.pipeline import __version__

    parts = {
        "pipeline_version": __version__,
        "config": resolved_config_sha256(config_path),
        "data": data_sha256(root),
        "code": code_sha256(root),
        "model": model_name(config_path),
    }
    for name, part in EXTRA_PARTS.items():
        parts[name] = part(config_path)
    return parts


def combine(parts: dict[str, str]) -> str:
    return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)).hexdigest()
