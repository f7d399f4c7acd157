"""Tracks: the same running total followed across editions.

Assembled at the end of every run from the validated facts of all its
documents (cheap: a few comparisons per cumulative fact), so adding next
year's edition and running again reprocesses only the new document and
extends the tracks.

Two cumulative facts of different documents are one running total when
they have the same donor, the same recipients, the same channel (one
organization under any of its names) and, where both state one, the same
start year (`since 2009` and `FY2009 to FY2021` start together)
(`fact-guidelines.md`, TRACK).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Optional

from odaextract.models.fact import Fact, Track, TrackPoint
from odaextract.pipeline.organizations import load_registry

# Words that name what kind of body a channel is, not which one: a name left
# with only these after its owner prefix is dropped ("UNDP Trust Fund") is
# not a name of its own.
_GENERIC_WORDS = frozenset(
    {"trust", "fund", "funds", "multi-partner", "multi", "partner", "office", "programme", "program", "facility",
     "initiative", "project", "special", "global", "account", "window", "the", "of", "for", "and", "un", "united", "nations"}
)
_OWNER_PREFIX = re.compile(r"^(?:the\s+)?(?:un|united nations|[a-z]{2,6}(?=\s))\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")


def _fold(name: str) -> str:
    name = name.replace("’", "'").casefold()
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"[^\w\s'-]", " ", name)
    return " ".join(w for w in name.split() if w != "the")


@lru_cache(maxsize=4096)
def channel_keys(name: str, acronym: Optional[str]) -> frozenset[str]:
    """Every name an organization is known by, folded: its name, acronym,
    registry entry, and its name without an owner prefix (`IMO ...`, `UN ...`)."""
    keys: set[str] = set()
    folded = _fold(name)
    keys.add("name:" + folded)
    if acronym:
        keys.add("acronym:" + acronym.casefold())
    first = name.split()[0] if name.split() else ""
    stripped = folded
    if _ACRONYM.match(first) and first.isupper() or first.casefold() in ("un", "united"):
        stripped = _fold(_OWNER_PREFIX.sub("", name, count=1))
        if stripped.startswith("nations "):
            stripped = stripped.removeprefix("nations ")
    words = stripped.split()
    if stripped != folded and len(words) >= 2 and not set(words) <= _GENERIC_WORDS:
        keys.add("name:" + stripped)
    registry = load_registry()
    for surface in (name, acronym):
        entry = registry.lookup(surface) if surface else None
        if entry is not None:
            keys.add("registry:" + entry.id)
            keys.add("name:" + _fold(entry.name))
            if entry.acronym:
                keys.add("acronym:" + entry.acronym.casefold())
    return frozenset(keys)


def _start_year(fact: Fact) -> Optional[int]:
    return fact.date.start.year if fact.date is not None and fact.date.start is not None else None


def as_of(fact: Fact) -> Optional[dt.date]:
    """The date a running total stands at: its date's end, else the end of the edition year."""
    if fact.date is not None and fact.date.end is not None:
        return fact.date.end
    if fact.edition_year is not None:
        return dt.date(fact.edition_year, 12, 31)
    return None


def _donor_key(fact: Fact) -> Optional[str]:
    if fact.donor is None:
        return None
    return "iso3:" + fact.donor.iso3 if hasattr(fact.donor, "iso3") else "org:" + _fold(fact.donor.org)


def trackable(fact: Fact) -> bool:
    return fact.cumulative and fact.status == "provided" and bool(fact.recipients or fact.channels or fact.regions)


def same_total(a: Fact, b: Fact) -> bool:
    """Could `a` and `b` report the same running total?"""
    if a.doc_id == b.doc_id or _donor_key(a) != _donor_key(b):
        return False
    if a.recipients != b.recipients or (not a.recipients and not a.channels and sorted(a.regions) != sorted(b.regions)):
        return False
    if bool(a.channels) != bool(b.channels):
        return False
    if a.channels and not (
        channel_keys(a.channels[0].name, a.channels[0].acronym) & channel_keys(b.channels[0].name, b.channels[0].acronym)
    ):
        return False
    start_a, start_b = _start_year(a), _start_year(b)
    return start_a is None or start_b is None or start_a == start_b


@dataclass
class _Cluster:
    facts: list[Fact] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def docs(self) -> set[str]:
        return {fact.doc_id for fact in self.facts}


def _order(fact: Fact) -> tuple:
    point = as_of(fact)
    return (point is None, point or dt.date.min, fact.edition_year or 0, fact.doc_id, fact.amount.start)


def _number(value) -> Decimal:
    return Decimal(str(value))


def _plain(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def _change(previous: Fact, current: Fact) -> tuple[Optional[Decimal], Optional[str]]:
    """Current minus previous, in the current point's currency when the texts
    give both in it (an equivalent); never converted at a rate of our own."""
    currency = current.amount.currency
    if currency is None:
        return None, None
    for amount in (previous.amount, *previous.equivalents):
        if amount.currency == currency:
            return _number(current.amount.amount) - _number(amount.amount), currency
    for amount in current.equivalents:
        if amount.currency == previous.amount.currency and amount.currency is not None:
            return _number(amount.amount) - _number(previous.amount.amount), amount.currency
    return None, None


def _edition_order(facts: list[Fact]) -> tuple:
    points = [as_of(f) for f in facts if as_of(f) is not None]
    return (facts[0].edition_year is None, facts[0].edition_year or 0, min(points) if points else dt.date.max, facts[0].doc_id)


def _fit(cluster: "_Cluster", fact: Fact) -> tuple:
    """How well `fact` continues `cluster` (lower is better): the same
    currency as its last point first, then the nearer date."""
    last = cluster.facts[-1]
    currencies = {a.currency for a in (last.amount, *last.equivalents)}
    if fact.amount.currency == last.amount.currency:
        currency_rank = 0
    elif fact.amount.currency in currencies or any(a.currency in currencies for a in fact.equivalents):
        currency_rank = 1  # comparable through an equivalent the texts give
    else:
        currency_rank = 2
    point, previous = as_of(fact), as_of(last)
    gap = abs((point - previous).days) if point and previous else 10**6
    return (currency_rank, gap, fact.amount.start)


def build_tracks(facts: Iterable[Fact]) -> list[Track]:
    """The tracks of a set of facts, in order of their first point.

    Documents are taken in edition order. Each existing track takes at most
    one fact of the next document — the one that fits it best — and says
    so when another fact of that document would have belonged too; the
    document's other facts start tracks of their own. Deterministic: the
    same facts give the same tracks in the same order, whatever the input order.
    """
    by_doc: dict[str, list[Fact]] = {}
    for fact in facts:
        if trackable(fact):
            by_doc.setdefault(fact.doc_id, []).append(fact)
    clusters: list[_Cluster] = []
    for doc_facts in sorted((sorted(f, key=_order) for f in by_doc.values()), key=_edition_order):
        free = list(doc_facts)
        for cluster in clusters:
            fitting = [f for f in free if same_total(cluster.facts[-1], f)]
            if not fitting:
                continue
            fitting.sort(key=lambda f: _fit(cluster, f))
            chosen = fitting[0]
            cluster.facts.append(chosen)
            free.remove(chosen)
            for other in fitting[1:]:
                cluster.flags.append(f"same-edition:{chosen.id},{other.id}")
        clusters.extend(_Cluster([fact]) for fact in free)
    clusters = [c for c in clusters if len(c.facts) >= 2]
    clusters.sort(key=lambda c: _order(c.facts[0]))
    return [_track(number, cluster) for number, cluster in enumerate(clusters, start=1)]


def _track(number: int, cluster: _Cluster) -> Track:
    facts = cluster.facts
    series: list[TrackPoint] = []
    flags = list(cluster.flags)
    for index, fact in enumerate(facts):
        change, change_currency = (None, None) if index == 0 else _change(facts[index - 1], fact)
        if change is not None and change < 0:
            flags.append(f"decrease:{fact.id}")
        series.append(
            TrackPoint(
                fact_id=fact.id,
                doc_id=fact.doc_id,
                edition_year=fact.edition_year,
                as_of=as_of(fact),
                amount=fact.amount.amount,
                currency=fact.amount.currency,
                change=_plain(change) if change is not None else None,
                change_currency=change_currency,
            )
        )
    starts = {fact.date.start for fact in facts if fact.date is not None and fact.date.start is not None}
    start_years = {start.year for start in starts}
    since = min(starts) if len(start_years) == 1 else None
    first = facts[-1]
    channel = next((f.channels[0] for f in reversed(facts) if f.channels), None)
    return Track(
        id=f"track-{number}",
        donor=first.donor,
        recipients=first.recipients,
        regions=first.regions,
        channel=channel,
        since=since,
        series=series,
        flags=flags,
    )


def tracks_table(records: list[dict]):
    """A rich table of tracks (one row per point), for `odaextract tracks`."""
    from rich.table import Table

    table = Table(title="Tracks: running totals across editions")
    for column in ("track", "donor", "to / through", "since", "edition", "as of", "amount", "change", "flags"):
        table.add_column(column, justify="right" if column in ("amount", "change") else "left")
    for track in records:
        donor = track.get("donor") or {}
        channel = track.get("channel") or {}
        target = ", ".join(track.get("recipients") or track.get("regions") or []) or (channel.get("acronym") or channel.get("name") or "")
        for index, point in enumerate(track["series"]):
            change = point.get("change")
            table.add_row(
                track["id"] if index == 0 else "",
                (donor.get("iso3") or donor.get("org") or "") if index == 0 else "",
                target if index == 0 else "",
                (track.get("since") or "") if index == 0 else "",
                str(point.get("edition_year") or ""),
                point.get("as_of") or "",
                f"{point['amount']:,} {point.get('currency') or ''}",
                "" if change is None else f"{change:+,} {point.get('change_currency') or ''}",
                "; ".join(track.get("flags", [])) if index == 0 else "",
            )
    return table
