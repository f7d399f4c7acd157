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
    from pipeline.write import atomic_file

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
