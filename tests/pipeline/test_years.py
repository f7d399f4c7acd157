"""One year range for every finder (issue 17): dates, money and the year index
read it from data/years.json through pipeline.years."""

import json
from pathlib import Path

from odaextract.pipeline.annotate import _YearIndex
from odaextract.pipeline.dates import find_dates
from odaextract.pipeline.money import find_money
from odaextract.pipeline.years import FIRST_YEAR, LAST_YEAR, is_year

ROOT = Path(__file__).resolve().parents[2]


def test_range_is_the_data_files():
    data = json.loads((ROOT / "pipeline" / "data" / "years.json").read_text(encoding="utf-8"))
    assert (FIRST_YEAR, LAST_YEAR) == (data["first"], data["last"])
    assert is_year(FIRST_YEAR) and is_year(LAST_YEAR)
    assert not is_year(FIRST_YEAR - 1) and not is_year(LAST_YEAR + 1)


def _date_spans(text):
    return [text[d.start : d.end] for d in find_dates(text)]


def test_regression_dates_read_the_edges_of_the_range():
    # "1899" was lost in heldout2 (a founding year) and "2100" is a climate target.
    assert _date_spans(f"The society was founded in {FIRST_YEAR + 99} and aims for {LAST_YEAR}.") == [
        str(FIRST_YEAR + 99), str(LAST_YEAR)]
    assert _date_spans(f"Codes {FIRST_YEAR - 1} and {LAST_YEAR + 1} are not years.") == []


def test_year_index_uses_the_same_range():
    text = f"In {FIRST_YEAR + 99} the mission arrived. Later, in March, it opened a school."
    assert _YearIndex(text, None).before(len(text)) == FIRST_YEAR + 99
    assert _YearIndex(f"Code {FIRST_YEAR - 1}.", 2017).before(20) == 2017


def test_money_never_shares_a_scale_with_a_year_in_range():
    # "in 1899 and 5 million dollars": the year is not the first member of an enumeration.
    text = f"Founded in {FIRST_YEAR + 99} and 5 million dollars later, the fund grew."
    assert [text[m.start : m.end] for m in find_money(text)] == ["5 million dollars"]
    text = f"Items {LAST_YEAR + 1} and 5 million dollars were listed."
    assert [text[m.start : m.end] for m in find_money(text)] == [f"{LAST_YEAR + 1}", "5 million dollars"]
