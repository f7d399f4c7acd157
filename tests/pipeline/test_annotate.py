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
