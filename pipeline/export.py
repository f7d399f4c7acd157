"""Export mentions for other tools: Parquet or CSV with norms flattened to columns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator

import orjson
import pyarrow as pa

# One typed column per norm key, prefixed by the label it belongs to, so a
# query never has to parse JSON: `WHERE label = 'MONEY' GROUP BY money_currency`.
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("label", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("page", pa.int32()),
        ("section", pa.string()),
        ("sentence", pa.string()),
        ("sentence_start", pa.int64()),
        ("sentence_end", pa.int64()),
        ("source", pa.string()),
        ("org_name", pa.string()),
        ("org_acronym", pa.string()),
        ("org_id", pa.string()),
        ("org_kind", pa.string()),
        ("country_iso3", pa.string()),
        ("country_name", pa.string()),
        ("money_amount", pa.float64()),
        ("money_amount_exact", pa.string()),
        ("money_currency", pa.string()),
        ("money_approximate", pa.bool_()),
        ("money_bound", pa.string()),
        ("money_confidence", pa.float64()),
        ("money_equivalent_of", pa.string()),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("date_fiscal", pa.bool_()),
    ]
)

_NORM_COLUMNS = {
    "ORG": {"name": "org_name", "acronym": "org_acronym", "id": "org_id", "kind": "org_kind"},
    "COUNTRY": {"iso3": "country_iso3", "name": "country_name"},
    "MONEY": {
        "currency": "money_currency",
        "approximate": "money_approximate",
        "bound": "money_bound",
        "confidence": "money_confidence",
        "equivalent_of": "money_equivalent_of",
    },
    "DATE": {"fiscal": "date_fiscal"},
}


def flatten(record: dict) -> dict:
    row = {name: None for name in SCHEMA.names}
    for key in ("id", "doc_id", "label", "text", "start", "end", "page", "section", "sentence", "sentence_start",
                "sentence_end", "source"):
        row[key] = record.get(key)
    norm = record.get("norm") or {}
    for key, column in _NORM_COLUMNS.get(record["label"], {}).items():
        row[column] = norm.get(key)
    if record["label"] == "MONEY":
        row["money_amount"] = float(norm["amount"])
        row["money_amount_exact"] = str(norm["amount"])
    elif record["label"] == "DATE":
        row["date_start"] = dt.date.fromisoformat(norm["start"]) if norm.get("start") else None
        row["date_end"] = dt.date.fromisoformat(norm["end"]) if norm.get("end") else None
    return row


def read_mentions(path: Path) -> Iterator[dict]:
    with open(path, "rb") as stream:
        for line in stream:
            if line.strip():
                yield orjson.loads(line)


def to_table(records: Iterable[dict]) -> pa.Table:
    return pa.Table.from_pylist([flatten(r) for r in records], schema=SCHEMA)


BATCH_ROWS = 10_000


def batches(records: Iterable[dict], size: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
    """Record batches of `size` rows: the export never holds all mentions at once."""
    rows: list[dict] = []
    for record in records:
        rows.append(flatten(record))
        if len(rows) >= size:
            yield pa.RecordBatch.from_pylist(rows, schema=SCHEMA)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=SCHEMA)


def export(mentions_path: Path, out_path: Path, fmt: str) -> int:
    """Write `out_path` atomically, streaming batch by batch; returns the number of rows."""
    from odaextract.pipeline.write import atomic_file

    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}")
    rows = 0
    with atomic_file(out_path) as stream:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            writer = pq.ParquetWriter(stream, SCHEMA)
        else:
            import pyarrow.csv as pacsv

            writer = pacsv.CSVWriter(stream, SCHEMA)
        try:
            for batch in batches(read_mentions(mentions_path)):
                writer.write_batch(batch)
                rows += batch.num_rows
        finally:
            writer.close()
    return rows


# --- facts and tracks --------------------------------------------------------

_LIST = pa.list_(pa.string())

FACT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("edition_year", pa.int32()),
        ("amount", pa.float64()),
        ("amount_exact", pa.string()),
        ("currency", pa.string()),
        ("approximate", pa.bool_()),
        ("bound", pa.string()),
        ("amount_text", pa.string()),
        ("amount_id", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("equivalent_texts", _LIST),
        ("equivalent_currencies", _LIST),
        ("equivalent_amounts", pa.list_(pa.float64())),
        ("donor_iso3", pa.string()),
        ("donor_org", pa.string()),
        ("recipients", _LIST),
        ("regions", _LIST),
        ("channel_names", _LIST),
        ("channel_acronyms", _LIST),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("kind", pa.string()),
        ("status", pa.string()),
        ("cumulative", pa.bool_()),
        ("purpose", pa.string()),
        ("page", pa.int32()),
        ("section", pa.string()),
        ("sentence", pa.string()),
    ]
)

TRACK_SCHEMA = pa.schema(
    [
        ("track_id", pa.string()),
        ("point", pa.int32()),
        ("donor_iso3", pa.string()),
        ("donor_org", pa.string()),
        ("recipients", _LIST),
        ("regions", _LIST),
        ("channel_name", pa.string()),
        ("channel_acronym", pa.string()),
        ("since", pa.date32()),
        ("flags", _LIST),
        ("fact_id", pa.string()),
        ("doc_id", pa.string()),
        ("edition_year", pa.int32()),
        ("as_of", pa.date32()),
        ("amount", pa.float64()),
        ("currency", pa.string()),
        ("change", pa.float64()),
        ("change_currency", pa.string()),
    ]
)


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _donor(donor) -> tuple:
    donor = donor or {}
    return donor.get("iso3"), donor.get("org")


def flatten_fact(fact: dict) -> dict:
    amount = fact["amount"]
    date = fact.get("date") or {}
    donor_iso3, donor_org = _donor(fact.get("donor"))
    return {
        "id": fact["id"],
        "doc_id": fact["doc_id"],
        "edition_year": fact.get("edition_year"),
        "amount": float(amount["amount"]),
        "amount_exact": str(amount["amount"]),
        "currency": amount.get("currency"),
        "approximate": amount.get("approximate"),
        "bound": amount.get("bound"),
        "amount_text": amount["text"],
        "amount_id": amount["id"],
        "start": amount["start"],
        "end": amount["end"],
        "equivalent_texts": [e["text"] for e in fact.get("equivalents", [])],
        "equivalent_currencies": [e.get("currency") for e in fact.get("equivalents", [])],
        "equivalent_amounts": [float(e["amount"]) for e in fact.get("equivalents", [])],
        "donor_iso3": donor_iso3,
        "donor_org": donor_org,
        "recipients": fact.get("recipients", []),
        "regions": fact.get("regions", []),
        "channel_names": [c["name"] for c in fact.get("channels", [])],
        "channel_acronyms": [c.get("acronym") for c in fact.get("channels", [])],
        "date_start": _date(date.get("start")),
        "date_end": _date(date.get("end")),
        "kind": fact["kind"],
        "status": fact["status"],
        "cumulative": fact["cumulative"],
        "purpose": fact.get("purpose"),
        "page": fact.get("page"),
        "section": fact.get("section"),
        "sentence": fact.get("sentence"),
    }


def flatten_track(track: dict) -> Iterator[dict]:
    """One row per point of the series."""
    donor_iso3, donor_org = _donor(track.get("donor"))
    channel = track.get("channel") or {}
    for index, point in enumerate(track["series"], start=1):
        yield {
            "track_id": track["id"],
            "point": index,
            "donor_iso3": donor_iso3,
            "donor_org": donor_org,
            "recipients": track.get("recipients", []),
            "regions": track.get("regions", []),
            "channel_name": channel.get("name"),
            "channel_acronym": channel.get("acronym"),
            "since": _date(track.get("since")),
            "flags": track.get("flags", []),
            "fact_id": point["fact_id"],
            "doc_id": point["doc_id"],
            "edition_year": point.get("edition_year"),
            "as_of": _date(point.get("as_of")),
            "amount": float(point["amount"]),
            "currency": point.get("currency"),
            "change": float(point["change"]) if point.get("change") is not None else None,
            "change_currency": point.get("change_currency"),
        }


def _write_table(table: pa.Table, out_path: Path, fmt: str) -> int:
    from odaextract.pipeline.write import atomic_file

    if fmt == "csv":
        # CSV has no list type: a list column becomes its items joined by "; ".
        columns = {}
        for name in table.column_names:
            column = table[name]
            if pa.types.is_list(column.type):
                column = pa.array(["; ".join(str(v) for v in (row or []) if v is not None) for row in column.to_pylist()], pa.string())
            columns[name] = column
        table = pa.table(columns)
    with atomic_file(out_path) as stream:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(table, stream)
        elif fmt == "csv":
            import pyarrow.csv as pacsv

            pacsv.write_csv(table, stream)
        else:
            raise ValueError(f"unknown format {fmt!r}")
    return table.num_rows


def export_facts(facts_path: Path, out_path: Path, fmt: str) -> int:
    table = pa.Table.from_pylist([flatten_fact(f) for f in read_mentions(facts_path)], schema=FACT_SCHEMA)
    return _write_table(table, out_path, fmt)


def export_tracks(tracks_path: Path, out_path: Path, fmt: str) -> int:
    table = pa.Table.from_pylist([row for t in read_mentions(tracks_path) for row in flatten_track(t)], schema=TRACK_SCHEMA)
    return _write_table(table, out_path, fmt)
