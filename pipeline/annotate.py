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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

import spacy
from spacy.language import Language
from spacy.util import get_package_path, load_config

import pipeline.components  # noqa: F401  (registers factories)
from pipeline.components.resolver import ResolvedMention
from pipeline.structure import Block, StructuredDocument

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
        return resources.files("pipeline").joinpath(DEFAULT_CONFIG).read_text("utf-8")
    return Path(path).read_text("utf-8")


def config_sha256(path: Optional[Path] = None) -> str:
    return hashlib.sha256(config_text(path).encode("utf-8")).hexdigest()


def build_nlp(config_path: Optional[Path] = None) -> Language:
    """Load the model with only the kept components, then add ours from the config."""
    if config_path is None:
        with resources.as_file(resources.files("pipeline").joinpath(DEFAULT_CONFIG)) as path:
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
    nlp.meta.setdefault("odaextract", {})["batch_size"] = int(settings.get("batch_size", 64))
    return nlp


def model_description(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}=={nlp.meta.get('version', '?')}"


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A table's unit line, "(Unit: US$ million)", and the rows it governs, "Grant aid: 1,234.56 (40.9%)".
_UNIT_STATEMENT = re.compile(r"\(\s*[Uu]nits?\s*:[^()]*\)")
_TABLE_ROW = re.compile(r"^[^.!?:\n]{1,80}:\s*[-\u2212]?\d[\d,]*(?:\.\d+)?(?:\s*\([^()]*\))?\s*$")


def table_units(texts: list[str]) -> list[Optional[str]]:
    """For each block, the unit statement of the table it is a row of, or None.

    A unit line (or a heading carrying one) starts a table; it lasts while
    the following blocks are rows.
    """
    units: list[Optional[str]] = []
    current: Optional[str] = None
    for text in texts:
        statement = _UNIT_STATEMENT.search(text)
        is_row = _TABLE_ROW.match(text) is not None
        if statement and not is_row:
            current = statement.group()
        elif not is_row:
            current = None
        units.append(current if is_row else None)
    return units


def _context_year(text: str, before: int, edition_year: Optional[int]) -> Optional[int]:
    """The last year written before a block: months without a year take it."""
    window = text[max(0, before - 4000) : before]
    years = _YEAR.findall(window)
    return int(years[-1]) if years else edition_year


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


class Annotator:
    def __init__(self, config_path: Optional[Path] = None, nlp: Optional[Language] = None):
        self.nlp = nlp or build_nlp(config_path)
        self.batch_size = self.nlp.meta.get("odaextract", {}).get("batch_size", 64)

    def annotate(self, document: StructuredDocument) -> AnnotatedDocument:
        text = document.source.text
        blocks = document.blocks

        block_texts = [text[block.start : block.end] for block in blocks]
        units = table_units(block_texts)

        def docs() -> Iterator:
            for block, block_text, unit in zip(blocks, block_texts, units):
                doc = self.nlp.make_doc(block_text)
                doc._.odax_context = {
                    "year": _context_year(text, block.start, document.edition_year),
                    "kind": block.kind,
                    "money_unit": unit,
                    "table_row": _TABLE_ROW.match(block_text) is not None,
                }
                yield doc

        annotated = []
        for block, doc in zip(blocks, self.nlp.pipe(docs(), batch_size=self.batch_size)):
            shift = block.start
            # ResolvedMention(*m): after nlp.pipe(n_process=...) extension values come back as plain lists.
            mentions = tuple(_shift(ResolvedMention(*m), shift) for m in (doc._.odax_mentions or ()))
            abbreviations = tuple(
                (ls + shift, le + shift, ss + shift, se + shift, names)
                for ls, le, ss, se, names in (doc._.odax_abbreviations or ())
            )
            sentences = tuple((start + shift, end + shift) for start, end in (doc._.odax_sentences or ()))
            annotated.append(AnnotatedBlock(block, mentions, abbreviations, sentences))
        return AnnotatedDocument(document, tuple(annotated))
