from pathlib import Path

from odaextract.pipeline.annotate import table_units
from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.normalize import normalize
from odaextract.pipeline.structure import structure


def test_table_units_follow_the_unit_line_while_rows_last():
    texts = [
        "■ Japan's ODA to East Asia by type of assistance (2011)",
        "(Unit: US$ million)",
        "Grant aid: 1,234.56 (40.9%)",
        "Loan aid (net): -968.79",
        "Japan also provided training in 2011.",
        "Total: 3,015.42",
    ]
    assert table_units(texts) == [None, None, "(Unit: US$ million)", "(Unit: US$ million)", None, None]


def test_regression_table_rows_take_the_unit_of_their_header(annotator):
    text = (
        "■ Yen loan commitments to the region (Unit: ¥100 million)\n"
        "FY2014: 395.40\n"
        "FY2015: 612.18\n"
        "■ Bilateral ODA, 2011 (net disbursement)\n"
        "Cambodia: 142.80 (US$ million)\n"
        "Thailand: -265.98 (US$ million)\n"
    )
    source = SourceDocument("t", Path("t.txt"), "text", text, "0" * 64)
    money = [
        (text[m.mention.start : m.mention.end], m.mention.norm["amount"], m.mention.norm["currency"])
        for m in normalize(annotator.annotate(structure(source)))
        if m.mention.label == "MONEY"
    ]
    assert money == [
        ("395.40", 39540000000, "JPY"),
        ("612.18", 61218000000, "JPY"),
        ("142.80", 142800000, "USD"),
        ("-265.98", -265980000, "USD"),  # a negative net disbursement, not a dash: the sign is in the span
    ]


class _InlineExecutor:
    """Runs submitted work at once, in this process, and records each chunk."""

    def __init__(self):
        self.chunks = []

    def submit(self, function, items):
        from concurrent.futures import Future

        self.chunks.append(items)
        future = Future()
        future.set_result(function(items))
        return future


class _InlinePool:
    workers = 2

    def __init__(self):
        self.inline = _InlineExecutor()

    def executor(self):
        return self.inline


def test_regression_a_long_text_of_few_blocks_is_spread_over_the_block_pool(annotator, monkeypatch):
    # Issue 18: a large text without line breaks is a few long blocks (under
    # PARALLEL_MIN_BLOCKS), so one core did all the work while a PDF of the same size used all.
    import odaextract.pipeline.annotate as annotate_module

    monkeypatch.setattr(annotate_module, "PARALLEL_MIN_CHARS", 20_000)
    monkeypatch.setitem(annotate_module._WORKER, "annotator", annotator)
    sentence = "In 2019, Japan provided $5 million to Kenya through JICA. "
    paragraphs = [sentence * 120, sentence * 40, sentence * 40, sentence * 40, sentence * 120]  # 5 blocks, 21,000 chars
    text = "\n".join(paragraphs) + "\n"
    document = structure(SourceDocument("t", Path("t.txt"), "text", text, "0" * 64))
    assert len(document.blocks) < annotate_module.PARALLEL_MIN_BLOCKS
    pool = _InlinePool()
    spread = annotator.annotate(document, pool)
    assert len(pool.inline.chunks) >= 3, "the blocks must go to the pool, in several chunks"
    sizes = [sum(len(t) for t, _ in chunk) for chunk in pool.inline.chunks]
    assert max(sizes) <= 2 * len(sentence) * 120  # chunked by characters, not by block count
    assert spread == annotator.annotate(document)  # same result as in one process


def test_regression_long_blocks_go_through_the_model_in_small_batches(annotator, monkeypatch):
    # Issue 18: 64 blocks of 20,000 characters in one model batch took most of a gigabyte.
    import odaextract.pipeline.annotate as annotate_module

    sizes = []
    real_pipe = annotator.nlp.pipe

    def recording_pipe(docs, batch_size=1000, **kwargs):
        sizes.append(batch_size)
        return real_pipe(docs, batch_size=batch_size, **kwargs)

    monkeypatch.setattr(annotator.nlp, "pipe", recording_pipe)
    long_block = "Japan provided $5 million to Kenya and " * 500  # 19,500 chars
    annotator.annotate_blocks([(long_block, {"year": None, "kind": "paragraph", "money_unit": None, "table_row": False})] * 3)
    annotator.annotate_blocks([("Japan provided $5 million to Kenya.", {"year": None, "kind": "paragraph",
                                                                       "money_unit": None, "table_row": False})] * 3)
    assert sizes[0] * len(long_block) <= annotate_module.BATCH_CHARS
    assert sizes[1] == annotator.batch_size  # ordinary paragraphs keep the configured batch
