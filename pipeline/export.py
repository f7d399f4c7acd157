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
    for key in ("id", "doc_id", "label", "text", "start", "end", "page", "section", "sentence", "source"):
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


def export(mentions_path: Path, out_path: Path, fmt: str) -> int:
    """Write `out_path` atomically; returns the number of rows."""
    from pipeline.write import atomic_file

    table = to_table(read_mentions(mentions_path))
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
