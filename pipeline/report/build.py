"""Lay a run out as a static site: an index and the documents' pages.

Plain Python prepares view data (text pieces, table rows, chart points);
the Jinja2 templates in `templates/` write every tag, with autoescape on,
so document text (untrusted) only ever reaches the page as escaped text.
A long document is split into parts of about `part_chars` characters, cut
at line ends outside mentions, so each page stays small enough to open fast.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Optional

from jinja2 import Environment, PackageLoader, StrictUndefined

from odaextract.models import LABELS
from odaextract.pipeline import __version__
from odaextract.pipeline.report.data import RunData, load_run
from odaextract.pipeline.structure import heading_level

DEFAULT_PART_CHARS = 40_000
STATIC_DIR = "static"
STATIC_FILES = ("report.css", "report.js")
_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_PART_SUFFIX = re.compile(r"-\d+$")


@dataclass
class ReportSummary:
    out_dir: Path
    documents: int
    pages: int  # HTML pages written, index included
    mentions: int
    facts: int
    tracks: int
    warnings: list[str] = field(default_factory=list)


# --- small formatting helpers (plain strings; the templates escape them) ----


def format_amount(amount, currency: Optional[str]) -> str:
    if not isinstance(amount, (int, float)):
        return "?"
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,}"
    return f"{currency} {number}" if currency else f"{number} (no currency)"


def format_norm(label: str, norm: dict) -> str:
    """What a mention's norm says, in one line a reader can check against the text."""
    if not isinstance(norm, dict):
        return ""
    if label == "ORG":
        acronym = norm.get("acronym")
        return f"{norm.get('name')} ({acronym})" if acronym else str(norm.get("name"))
    if label == "COUNTRY":
        return f"{norm.get('iso3')} · {norm.get('name')}" if norm.get("name") else str(norm.get("iso3"))
    if label == "MONEY":
        text = format_amount(norm.get("amount"), norm.get("currency"))
        notes = [n for n in ("approximate" if norm.get("approximate") else None,
                             f"{norm['bound']} bound" if norm.get("bound") else None) if n]
        return f"{text} ({', '.join(notes)})" if notes else text
    if label == "DATE":
        start, end = norm.get("start") or "…", norm.get("end") or "…"
        text = start if start == end else f"{start} – {end}"
        return f"{text} (fiscal year)" if norm.get("fiscal") else text
    return ", ".join(f"{k}: {v}" for k, v in norm.items())


def _party(value) -> str:
    if isinstance(value, dict):
        return str(value.get("iso3") or value.get("org") or "")
    return ""


def _channel(value) -> str:
    if isinstance(value, dict):
        return str(value.get("acronym") or value.get("name") or "")
    return ""


def _year(date) -> tuple[str, Optional[int]]:
    if not isinstance(date, dict):
        return "", None
    years = [int(v[:4]) for v in (date.get("start"), date.get("end")) if isinstance(v, str) and v[:4].isdigit()]
    if not years:
        return "", None
    first, last = years[0], years[-1]
    return (str(first) if first == last else f"{first}–{last}"), first


def slug(doc_id: str, taken: set[str]) -> str:
    """A file-name-safe, unique name for a document's pages."""
    base = _SLUG_UNSAFE.sub("-", doc_id).strip("-.")[:80] or "document"
    # A part page is doc-<slug>-<n>.html: a slug ending in -<digits> could be another document's part.
    if base != doc_id or base in taken or _PART_SUFFIX.search(base):
        base = f"{base}-x{hashlib.sha1(doc_id.encode()).hexdigest()[:8]}"
    taken.add(base)
    return base


def _span_of(mention_id) -> Optional[tuple[int, int]]:
    """(start, end) from a '<doc_id>:<start>-<end>' id."""
    if not isinstance(mention_id, str):
        return None
    found = re.search(r":(\d+)-(\d+)$", mention_id)
    return (int(found.group(1)), int(found.group(2))) if found else None


# --- one document: blocks, pieces, parts ------------------------------------


@dataclass
class Part:
    number: int
    file: str
    start: int
    end: int
    blocks: list[dict] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    first_heading: Optional[str] = None

    @property
    def page_range(self) -> str:
        if not self.pages:
            return ""
        low, high = min(self.pages), max(self.pages)
        return f"p. {low}" if low == high else f"pp. {low}–{high}"


@dataclass
class DocumentLayout:
    document: dict
    slug: str
    text: Optional[str]
    mentions: list[dict]
    facts: list[dict]
    parts: list[Part]
    headings: list[dict]
    part_starts: list[int]
    mention_spans: set[tuple[int, int]] = field(default_factory=set)

    def part_for(self, offset: int) -> Part:
        return self.parts[max(0, bisect.bisect_right(self.part_starts, offset) - 1)]

    def href(self, offset: int, anchor: str) -> str:
        return f"{self.part_for(offset).file}#{anchor}"


def _checked_mentions(doc_id: str, text: str, mentions: list[dict], warnings: list[str]) -> list[dict]:
    kept, last_end = [], 0
    for mention in mentions:
        start, end = mention["start"], mention["end"]
        if end > len(text):
            warnings.append(f"{doc_id}: mention {mention.get('id')} ends past the text ({len(text)} chars); not shown")
            continue
        if start < last_end:
            warnings.append(f"{doc_id}: mention {mention.get('id')} overlaps the one before; not shown")
            continue
        if text[start:end] != mention.get("text"):
            warnings.append(f"{doc_id}: mention {mention.get('id')} text differs from the document text at its offsets")
        kept.append(mention)
        last_end = end
    return kept


def _cut_ok(offset: int, starts: list[int], ends: list[int]) -> bool:
    """No mention has start < offset < end (mentions are sorted and do not overlap)."""
    index = bisect.bisect_left(starts, offset) - 1
    return index < 0 or ends[index] <= offset


def _blocks(text: str, starts: list[int], ends: list[int], limit: int) -> list[tuple[int, int]]:
    """(start, end) of non-blank blocks: lines, joined where a mention crosses a line end,
    and cut at a space when longer than `limit` (a file without line breaks)."""
    blocks: list[tuple[int, int]] = []
    block_start, position = None, 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        if block_start is None:
            block_start = position
        position = line_end + 1
        if newline >= 0 and not _cut_ok(line_end, starts, ends):
            continue
        blocks.extend(_split_long(text, block_start, line_end, starts, ends, limit))
        block_start = None
    if block_start is not None:
        blocks.extend(_split_long(text, block_start, length, starts, ends, limit))
    trimmed = []
    for start, end in blocks:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def _split_long(text, start, end, starts, ends, limit):
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        while cut > start and not _cut_ok(cut, starts, ends):
            cut = text.rfind(" ", start + 1, cut)
        if cut <= start:
            cut = start + limit
            while not _cut_ok(cut, starts, ends):
                cut += 1
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def layout_document(document: dict, slug_name: str, text: Optional[str], mentions: list[dict],
                    facts: list[dict], part_chars: int, warnings: list[str]) -> DocumentLayout:
    doc_id = document["doc_id"]
    if text is None:
        part = Part(1, f"doc-{slug_name}.html", 0, 0)
        return DocumentLayout(document, slug_name, None, [], facts, [part], [], [0])
    mentions = _checked_mentions(doc_id, text, mentions, warnings)
    starts, ends = [m["start"] for m in mentions], [m["end"] for m in mentions]

    # Points between characters: page markers before the first mention of each
    # page (the datasets record a page per mention, not page boundaries), and
    # fact markers just after their amount (moved out of a mention if inside one).
    points: list[tuple[int, int, tuple]] = []
    first_on_page: dict[int, dict] = {}
    for mention in mentions:
        page = mention.get("page")
        if isinstance(page, int) and page not in first_on_page:
            first_on_page[page] = mention
            points.append((mention["start"], 1, ("p", page)))
    anchored = []
    for fact in facts:
        amount = fact["amount"]
        if amount["end"] > len(text):
            warnings.append(f"{doc_id}: fact {fact.get('id')} is anchored past the text; not marked")
            continue
        offset = amount["end"]
        index = bisect.bisect_left(starts, offset) - 1
        if index >= 0 and ends[index] > offset:
            offset = ends[index]
        anchored.append((offset, fact))
        points.append((offset, 0, ("f", fact)))
    points.sort(key=lambda p: (p[0], p[1]))

    layout = DocumentLayout(document, slug_name, text, mentions, [f for _, f in anchored], [], [], [],
                            set(zip(starts, ends)))
    mention_index = 0
    point_index = 0
    part: Optional[Part] = None
    for start, end in _blocks(text, starts, ends, part_chars):
        if part is None or (start - part.start >= part_chars and part.blocks):
            number = len(layout.parts) + 1
            name = f"doc-{slug_name}.html" if number == 1 else f"doc-{slug_name}-{number}.html"
            part = Part(number, name, start, end)
            layout.parts.append(part)
            layout.part_starts.append(start if number > 1 else 0)
        part.end = end
        line = text[start:end]
        level = heading_level(line) if "\n" not in line else None
        block = {"start": start, "level": level, "pieces": [], "facts": []}
        atoms: list[tuple[int, int, int, tuple]] = []
        while mention_index < len(mentions) and mentions[mention_index]["start"] < end:
            mention = mentions[mention_index]
            atoms.append((mention["start"], 2, mention["end"], ("m", mention)))
            mention_index += 1
        while point_index < len(points) and points[point_index][0] <= end:
            offset, rank, piece = points[point_index]
            atoms.append((max(offset, start), rank, max(offset, start), piece))
            point_index += 1
        atoms.sort(key=lambda a: (a[0], a[1]))
        cursor = start
        for atom_start, _, atom_end, piece in atoms:
            if atom_start > cursor:
                block["pieces"].append(("t", text[cursor:atom_start]))
            if piece[0] == "m":
                mention = piece[1]
                block["pieces"].append(("m", {
                    "anchor": f"m-{mention['start']}-{mention['end']}",
                    "label": mention.get("label", ""),
                    "text": text[mention["start"]:mention["end"]],
                    "norm": format_norm(mention.get("label", ""), mention.get("norm")),
                    "section": mention.get("section") or "",
                }))
            elif piece[0] == "p":
                part.pages.append(piece[1])
                block["pieces"].append(piece)
            else:
                amount = piece[1]["amount"]
                anchor = f"f-{amount['start']}-{amount['end']}"
                block["pieces"].append(("f", anchor))
                block["facts"].append(anchor)
            cursor = max(cursor, atom_end)
        if cursor < end:
            block["pieces"].append(("t", text[cursor:end]))
        if level is not None:
            anchor = f"s-{start}"
            block["anchor"] = anchor
            layout.headings.append({"title": line.strip(), "level": level, "href": f"{part.file}#{anchor}"})
            if part.first_heading is None:
                part.first_heading = line.strip()
        part.blocks.append(block)
    if not layout.parts:
        layout.parts.append(Part(1, f"doc-{slug_name}.html", 0, len(text)))
        layout.part_starts.append(0)
    return layout


# --- facts and tracks as rows -----------------------------------------------


def fact_view(fact: dict, layout: Optional[DocumentLayout]) -> dict:
    amount = fact["amount"]
    year, year_sort = _year(fact.get("date"))
    channels = [_channel(c) for c in fact.get("channels") or []]
    recipients = [str(r) for r in fact.get("recipients") or []]
    regions = [str(r) for r in fact.get("regions") or []]
    anchor = f"f-{amount['start']}-{amount['end']}"
    amount_text = format_amount(amount.get("amount"), amount.get("currency"))
    if amount.get("bound"):
        amount_text += f" ({amount['bound']} bound)"
    if amount.get("approximate"):
        amount_text = "≈ " + amount_text
    evidence = []
    for slot, ids in (fact.get("evidence") or {}).items():
        items = []
        for mention_id in ids if isinstance(ids, list) else []:
            span = _span_of(mention_id)
            item = {"id": str(mention_id), "href": None, "text": str(mention_id), "mention": False}
            if layout is not None and layout.text is not None and span is not None:
                item["text"] = layout.text[span[0]:span[1]] or str(mention_id)
                if span in layout.mention_spans:
                    item["href"] = layout.href(span[0], f"m-{span[0]}-{span[1]}")
                    item["mention"] = True
            items.append(item)
        evidence.append({"slot": str(slot), "items": items})
    amount_sort = amount.get("amount") if isinstance(amount.get("amount"), (int, float)) else ""
    return {
        "id": str(fact.get("id", anchor)),
        "doc_id": fact["doc_id"],
        "anchor": anchor,
        "href": layout.href(amount["start"], anchor) if layout is not None and layout.text is not None else None,
        "amount_text": amount_text,
        "amount_sort": amount_sort,
        "amount_mention": {"href": layout.href(amount["start"], f"m-{amount['start']}-{amount['end']}")
                           if layout is not None and layout.text is not None else None,
                           "text": str(amount.get("text", ""))},
        "equivalents": [format_amount(e.get("amount"), e.get("currency"))
                        for e in fact.get("equivalents") or [] if isinstance(e, dict)],
        "donor": _party(fact.get("donor")),
        "recipients": ", ".join(recipients + [f"({r})" for r in regions]),
        "channels": ", ".join(c for c in channels if c),
        "kind": str(fact.get("kind") or ""),
        "status": str(fact.get("status") or ""),
        "cumulative": bool(fact.get("cumulative")),
        "purpose": fact.get("purpose") or "",
        "year": year,
        "year_sort": year_sort if year_sort is not None else "",
        "sentence": str(fact.get("sentence") or ""),
        "section": fact.get("section") or "",
        "page": fact.get("page"),
        "evidence": evidence,
    }


def _x_value(point: dict, position: int) -> float:
    as_of = point.get("as_of")
    if isinstance(as_of, str):
        try:
            day = dt.date.fromisoformat(as_of)
            return day.year + (day.timetuple().tm_yday - 1) / 366
        except ValueError:
            pass
    if isinstance(point.get("edition_year"), int):
        return float(point["edition_year"])
    return float(position)


def chart(series: list[dict], width: int = 260, height: int = 90, pad: int = 10) -> dict:
    """Coordinates of a small line chart of amount over time, for the SVG in the template."""
    values = [(i, p) for i, p in enumerate(series) if isinstance(p.get("amount"), (int, float))]
    xs = [_x_value(p, i) for i, p in values]
    ys = [float(p["amount"]) for _, p in values]
    points = []
    if values:
        x_low, x_high = min(xs), max(xs)
        y_high = max(ys) or 1.0
        for (_, point), x, y in zip(values, xs, ys):
            px = pad + (width - 2 * pad) * ((x - x_low) / (x_high - x_low) if x_high > x_low else 0.5)
            py = height - pad - (height - 2 * pad) * (y / y_high if y_high > 0 else 0)
            when = point.get("as_of") or point.get("edition_year") or "undated"
            points.append({"x": round(px, 1), "y": round(py, 1),
                           "label": f"{when}: {format_amount(point['amount'], point.get('currency'))}"})
    return {
        "width": width, "height": height, "pad": pad, "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "y_max": format_amount(max(ys), None).replace(" (no currency)", "") if ys else "",
        "x_first": str(series[0].get("as_of") or series[0].get("edition_year") or "") if series else "",
        "x_last": str(series[-1].get("as_of") or series[-1].get("edition_year") or "") if series else "",
    }


def track_view(track: dict, fact_rows: dict[str, dict]) -> dict:
    series = [p for p in track.get("series") or [] if isinstance(p, dict)]
    rows = []
    for point in series:
        fact = fact_rows.get(str(point.get("fact_id")))
        change = point.get("change")
        rows.append({
            "fact_id": str(point.get("fact_id", "")),
            "href": fact["href"] if fact else None,
            "doc_id": str(point.get("doc_id", "")),
            "edition_year": point.get("edition_year") or "",
            "as_of": point.get("as_of") or "",
            "amount": format_amount(point.get("amount"), point.get("currency")),
            "change": f"{change:+,}" if isinstance(change, (int, float)) else "",
        })
    recipients = ", ".join(str(r) for r in track.get("recipients") or [])
    channel = _channel(track.get("channel"))
    title = " → ".join(x for x in (_party(track.get("donor")) or "?", recipients or "?") if x)
    if channel:
        title += f" via {channel}"
    return {
        "id": str(track.get("id", "")),
        "title": title,
        "since": track.get("since") or "",
        "flags": [str(f) for f in track.get("flags") or []],
        "rows": rows,
        "chart": chart(series),
    }


# --- the site ---------------------------------------------------------------


def environment() -> Environment:
    # autoescape for every template: document text is untrusted input.
    return Environment(
        loader=PackageLoader("odaextract.pipeline.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def build_report(pred_dir: Path, out_dir: Path, part_chars: int = DEFAULT_PART_CHARS) -> ReportSummary:
    """Write the review site for the run in `pred_dir` into `out_dir` (replaced whole,
    atomically: a failed build leaves the previous report as it was)."""
    data = load_run(pred_dir)
    env = environment()
    taken: set[str] = set()
    facts_by_doc: dict[str, list[dict]] = {}
    for fact in data.facts:
        facts_by_doc.setdefault(fact["doc_id"], []).append(fact)
    layouts: dict[str, DocumentLayout] = {}
    for document in data.documents:
        doc_id = document["doc_id"]
        if doc_id in layouts:
            data.warnings.append(f"{pred_dir}: document {doc_id!r} is listed twice; the first is shown")
            continue
        layouts[doc_id] = layout_document(
            document, slug(doc_id, taken), data.text(document), data.mentions.get(doc_id, []),
            facts_by_doc.get(doc_id, []), part_chars, data.warnings,
        )
    for doc_id in facts_by_doc.keys() - layouts.keys():
        data.warnings.append(f"{pred_dir}: facts of unknown document {doc_id!r} are listed without links")

    fact_rows = [fact_view(f, layouts.get(f["doc_id"])) for f in data.facts]
    by_id = {row["id"]: row for row in fact_rows}
    tracks = [track_view(t, by_id) for t in data.tracks]
    errors_by_doc: dict[str, list[dict]] = {}
    for error in data.errors:
        errors_by_doc.setdefault(str(error.get("doc_id")), []).append(error)
    doc_rows, row_of = [], {}
    for doc_id, layout in layouts.items():
        document = layout.document
        doc_rows.append({
            "doc_id": doc_id,
            "href": layout.parts[0].file,
            "edition": document.get("edition_year") or "",
            "pages": document.get("pages") or "",
            "chars": document.get("char_count") or 0,
            "counts": [(label, (document.get("counts") or {}).get(label, 0)) for label in LABELS],
            "facts": len(facts_by_doc.get(doc_id, [])),
            "parts": len(layout.parts),
            "errors": errors_by_doc.get(doc_id, []),
        })
        row_of[doc_id] = doc_rows[-1]
    context = {"version": __version__, "static": STATIC_DIR, "labels": LABELS}

    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        static = staging / STATIC_DIR
        static.mkdir()
        for name in STATIC_FILES:
            (static / name).write_bytes(resources.files("odaextract.pipeline.report").joinpath(STATIC_DIR, name).read_bytes())
        pages = 1
        (staging / "index.html").write_text(env.get_template("index.html").render(
            **context, title="odaextract review report", source=str(pred_dir), documents=doc_rows,
            errors=data.errors, facts=fact_rows, has_facts=data.has_facts, tracks=tracks,
            has_tracks=data.has_tracks, warnings=data.warnings,
        ), encoding="utf-8")
        template = env.get_template("document.html")
        for doc_id, layout in layouts.items():
            views = {view["anchor"]: view for view in (fact_view(f, layout) for f in layout.facts)}
            for part in layout.parts:
                (staging / part.file).write_text(template.render(
                    **context, title=f"{doc_id} — odaextract report", doc=row_of[doc_id],
                    layout=layout, part=part, fact_views=views, has_facts=data.has_facts,
                ), encoding="utf-8")
                pages += 1
        _replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ReportSummary(out_dir, len(layouts), pages, sum(len(l.mentions) for l in layouts.values()),
                         len(fact_rows), len(tracks), data.warnings)


def _replace_dir(staging: Path, out_dir: Path) -> None:
    os.chmod(staging, 0o755)
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, out_dir)
