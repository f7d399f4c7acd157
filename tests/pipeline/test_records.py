"""Stage 5, records: bounded sentences with full-sentence offsets; no link dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from odaextract.pipeline.components.resolver import ResolvedMention
from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.normalize import DocumentMention
from odaextract.pipeline.records import SENTENCE_MAX_CHARS, ContractError, build_mentions
from odaextract.pipeline.structure import Block


def _source(text: str) -> SourceDocument:
    return SourceDocument(doc_id="d", path=Path("d.txt"), format="text", text=text, sha256="0" * 64)


def _money(start, end, sentence, norm=None):
    norm = norm or {"amount": 5000000, "currency": "USD", "approximate": False}
    return ResolvedMention(start, end, "MONEY", "rule", norm, *sentence)


def test_regression_a_sentence_without_end_is_written_as_a_bounded_window(tmp_path):
    # Issue 18: a 2 MB file without line breaks gave each mention a 20,000-character sentence (1.12 GB dataset).
    clause = "Japan provided $5 million to Kenya in 2019 and then "
    text = clause * 400  # one "sentence" of 20,800 chars
    start = text.index("$5 million", 10_000)
    end = start + len("$5 million")
    block = Block("paragraph", 0, len(text), "Aid")
    [record] = build_mentions(_source(text), [DocumentMention(_money(start, end, (0, len(text))), block)])
    assert len(record.sentence) <= SENTENCE_MAX_CHARS
    assert "$5 million" in record.sentence and record.sentence in text
    # the window is centred on the mention
    offset = text.index(record.sentence, start - SENTENCE_MAX_CHARS)
    assert offset < start and end < offset + len(record.sentence)
    assert (start - offset) > SENTENCE_MAX_CHARS // 3
    # the full sentence stays traceable
    assert (record.sentence_start, record.sentence_end) == (0, len(text.rstrip()))


def test_a_short_sentence_is_written_whole_and_equals_its_offsets():
    text = "  Japan provided $5 million to Kenya.  Then more.\n"
    start = text.index("$5")
    block = Block("paragraph", 0, len(text), None)
    [record] = build_mentions(_source(text), [DocumentMention(_money(start, start + 10, (0, 39)), block)])
    assert record.sentence == "Japan provided $5 million to Kenya."
    assert text[record.sentence_start : record.sentence_end] == record.sentence


def test_regression_equivalent_of_pointing_at_no_mention_is_a_contract_error():
    # Issue 17: the link was dropped silently, so totals counted a converted pair twice.
    text = "Japan provided ¥1 billion (approximately $9 million) to Kenya."
    yen = text.index("¥1 billion")
    block = Block("paragraph", 0, len(text), None)
    norm = {"amount": 1000000000, "currency": "JPY", "approximate": False, "equivalent_of": [41, 51]}
    mention = _money(yen, yen + len("¥1 billion"), (0, len(text)), norm)
    with pytest.raises(ContractError, match="equivalent_of"):
        build_mentions(_source(text), [DocumentMention(mention, block)])
    # with its pair present, the link is written as the pair's mention id
    dollars = text.index("$9 million")
    norm["equivalent_of"] = [dollars, dollars + len("$9 million")]
    pair = _money(dollars, dollars + len("$9 million"), (0, len(text)))
    records = build_mentions(_source(text), [DocumentMention(_money(yen, yen + 10, (0, len(text)), norm), block),
                                             DocumentMention(pair, block)])
    assert records[0].norm.equivalent_of == f"d:{dollars}-{dollars + 10}"
