"""DATE finder: spans and intervals on written expressions, the seeds' gold, and generated text."""

from __future__ import annotations

import calendar
import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from odaextract.pipeline.dates import DateMatch, find_dates

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold-seeds.jsonl"
CORPUS = ROOT / "corpus"


def d(s):
    return None if s is None else date.fromisoformat(s)


def found(text, context_year=None):
    """(span text, start, end) of every match, dates as ISO strings for readable failures."""
    return [
        (text[m.start:m.end], m.start_date and m.start_date.isoformat(), m.end_date and m.end_date.isoformat())
        for m in find_dates(text, context_year)
    ]


# ---------------------------------------------------------------------------
# Positive forms, one sentence each: the whole expected list of mentions.

POSITIVE = [
    # days, both orders, abbreviations, ordinals, ISO
    ("The agreement was signed on October 7, 2017 in Tokyo.", [("October 7, 2017", "2017-10-07", "2017-10-07")]),
    ("The agreement was signed on 7 October 2017 in Tokyo.", [("7 October 2017", "2017-10-07", "2017-10-07")]),
    ("It entered into force on 1st April 2019.", [("1st April 2019", "2019-04-01", "2019-04-01")]),
    ("It entered into force on the 3rd of May 2021.", [("3rd of May 2021", "2021-05-03", "2021-05-03")]),
    ("The loan was signed on Feb. 28, 2016.", [("Feb. 28, 2016", "2016-02-28", "2016-02-28")]),
    ("Leap day: 29 February 2020.", [("29 February 2020", "2020-02-29", "2020-02-29")]),
    ("Recorded as 2019-11-30 in the database.", [("2019-11-30", "2019-11-30", "2019-11-30")]),
    # months and years
    ("In Sept. 2017 the survey began.", [("Sept. 2017", "2017-09-01", "2017-09-30")]),
    ("The mission arrived in Dec 2015.", [("Dec 2015", "2015-12-01", "2015-12-31")]),
    ("In February 2024, Japan dispatched a team.", [("February 2024", "2024-02-01", "2024-02-29")]),
    ("In 1998, the programme was launched.", [("1998", "1998-01-01", "1998-12-31")]),
    ("Japan's assistance in 2022 (provisional figures) rose.", [("2022", "2022-01-01", "2022-12-31")]),
    # ranges: one mention, both ends; the earlier end inherits the later one's year
    ("Japan gave aid from 2016 to 2018 in Africa.", [("2016 to 2018", "2016-01-01", "2018-12-31")]),
    ("The project ran 2020–2022 in Kenya.", [("2020–2022", "2020-01-01", "2022-12-31")]),
    ("The project ran 2020-22 in Kenya.", [("2020-22", "2020-01-01", "2022-12-31")]),
    ("Between 2011 and 2013, Japan trained officers.", [("2011 and 2013", "2011-01-01", "2013-12-31")]),
    ("From June to December 2023, applications were open.", [("June to December 2023", "2023-06-01", "2023-12-31")]),
    ("The course ran from Jan. to Mar. 2019.", [("Jan. to Mar. 2019", "2019-01-01", "2019-03-31")]),
    ("The course ran from November to February 2019.", [("November to February 2019", "2018-11-01", "2019-02-28")]),
    ("It ran from December 2016 through January 2018.", [("December 2016 through January 2018", "2016-12-01", "2018-01-31")]),
    ("The training was held from September 30 to October 7, 2017.",
     [("September 30 to October 7, 2017", "2017-09-30", "2017-10-07")]),
    ("The training was held from 30 September to 7 October 2017.",
     [("30 September to 7 October 2017", "2017-09-30", "2017-10-07")]),
    ("The seminar was held on 7–9 March 2018.", [("7–9 March 2018", "2018-03-07", "2018-03-09")]),
    ("The seminar was held on March 7-9, 2018.", [("March 7-9, 2018", "2018-03-07", "2018-03-09")]),
    ("Japan provided $1 billion over the period of 2001 to the end of October 2017.",
     [("2001 to the end of October 2017", "2001-01-01", "2017-10-31")]),
    ("From March 2015 to 2017, experts were dispatched.", [("March 2015 to 2017", "2015-03-01", "2017-12-31")]),
    # decades
    ("Since the 1990s, poverty has fallen.", [("1990s", "1990-01-01", None)]),
    ("In the 2000s, aid grew.", [("2000s", "2000-01-01", "2009-12-31")]),
    # Japanese fiscal years, April to March
    ("In FY2013, Japan decided to provide vessels.", [("FY2013", "2013-04-01", "2014-03-31")]),
    ("In FY 2019, Japan decided to provide vessels.", [("FY 2019", "2019-04-01", "2020-03-31")]),
    ("In fiscal year 2020, the budget grew.", [("fiscal year 2020", "2020-04-01", "2021-03-31")]),
    ("In Fiscal Year 2021, the budget grew.", [("Fiscal Year 2021", "2021-04-01", "2022-03-31")]),
    ("From FY2009 to FY2019, Japan contributed.", [("FY2009 to FY2019", "2009-04-01", "2020-03-31")]),
    ("From FY2009 to 2019, Japan contributed.", [("FY2009 to 2019", "2009-04-01", "2020-03-31")]),
    ("Over FY2016-18, Japan contributed.", [("FY2016-18", "2016-04-01", "2019-03-31")]),
    ("In FY2019/20, Japan contributed.", [("FY2019/20", "2019-04-01", "2020-03-31")]),
    ("By the end of FY2018, 40 vessels were delivered.", [("the end of FY2018", None, "2019-03-31")]),
    ("In the second half of FY2018, trials began.", [("second half of FY2018", "2018-10-01", "2019-03-31")]),
    # open intervals: the cue stays outside the span
    ("Since FY 2009, the IHO has conducted training.", [("FY 2009", "2009-04-01", None)]),
    ("Japan has disbursed $447 million since 2007.", [("2007", "2007-01-01", None)]),
    ("Note 28: From December 2012 the UNDP took over.", [("December 2012", "2012-12-01", None)]),
    ("The projects continued from 2001, while trainees came.", [("2001", "2001-01-01", None)]),
    ("Seven vessels were provided by February 2017.", [("February 2017", None, "2017-02-28")]),
    ("By the end of March 2017, Japan has provided training.", [("the end of March 2017", None, "2017-03-31")]),
    ("The framework is valid until 2025.", [("2025", None, "2025-12-31")]),
    ("The goals are to be met by 2030.", [("2030", None, "2030-12-31")]),
    ("Support will continue up to March 2026.", [("March 2026", None, "2026-03-31")]),
    ("Funding is planned from 2024 onwards.", [("2024", "2024-01-01", None)]),
    ("Loans signed in 2015 or earlier are excluded.", [("2015", None, "2015-12-31")]),
    ("Before 2020, no such office existed.", [("2020", None, "2019-12-31")]),
    ("After March 2017, the office expanded.", [("March 2017", "2017-04-01", None)]),
    ("The project ran (as of the end of December 2017).", [("the end of December 2017", "2017-12-31", "2017-12-31")]),
    ("As of 2023, three countries are developing CubeSats.", [("2023", "2023-01-01", "2023-12-31")]),
    ("It has produced 78 graduates (as of November 2017).", [("November 2017", "2017-11-01", "2017-11-30")]),
    ("The plan was revised at the beginning of 2019.", [("the beginning of 2019", "2019-01-01", "2019-01-01")]),
    ("Disbursement will finish by end-March 2019.", [("end-March 2019", None, "2019-03-31")]),
    # two dates, not a range: the numbers between are not dates
    ("The force grew from 72,000 in 2008 to 157,000 in 2016.",
     [("2008", "2008-01-01", "2008-12-31"), ("2016", "2016-01-01", "2016-12-31")]),
    ("Projects in 2016, 2017 and 2018 were evaluated.",
     [("2016", "2016-01-01", "2016-12-31"), ("2017", "2017-01-01", "2017-12-31"), ("2018", "2018-01-01", "2018-12-31")]),
    # a year next to a name that is not part of it
    ("The Japan-ASEAN Summit Meeting held in 2016, Japan announced aid.", [("2016", "2016-01-01", "2016-12-31")]),
    ("Japan's 2019 contribution to UNICEF rose.", [("2019", "2019-01-01", "2019-12-31")]),
    # `over` makes a bare number a quantity, but not a period
    ("Japan gave aid over 2016-2018.", [("2016-2018", "2016-01-01", "2018-12-31")]),
    ("The 2011 Great East Japan Earthquake struck on March 11, 2011.",
     [("2011", "2011-01-01", "2011-12-31"), ("March 11, 2011", "2011-03-11", "2011-03-11")]),
]


@pytest.mark.parametrize("text, expected", POSITIVE, ids=[t for t, _ in POSITIVE])
def test_written_forms(text, expected):
    assert found(text) == expected


# ---------------------------------------------------------------------------
# Not dates.

NEGATIVE = [
    "In recent years, transnational organized crime has diversified.",
    "Japan will provide ¥45 billion over the next three years.",
    "A 15-week training project is conducted every year.",
    "A one-year training program has been conducted.",
    "Activity is expected to recover by mid-2021.",
    "In early 2017 the situation worsened.",
    "By late March 2018 the camp had closed.",
    "Around 2010, the number of attacks peaked.",
    "On the occasion of the 50th Anniversary of founding ASEAN, Japan held a programme.",
    "Japan provides assistance under the “2014 Action Plan to Combat Trafficking in Persons.”",
    "Japan’s “2022 Action Plan to Combat Trafficking in Persons,” guides its efforts.",
    "The 2030 Agenda for Sustainable Development was adopted.",
    "He spoke at the Global Conference on Cyber Space (GCCS) 2017 held in New Delhi.",
    "Osaka hosts Expo 2025 and Kenya pursues Vision 2030.",
    "The Sendai Framework for Disaster Risk Reduction 2015-2030 guides DRR.",
    "The spread of COVID-19 reduced travel, the G20 met, and ALOS-2 observed.",
    "new compounds,Note 42 strengthen border control (Article 3 (a) of the Protocol).",
    "See Note 2017 and page 1998 for details.",
    "Security Council Resolution 2178 and resolutions 1267 and 1989 apply.",
    "Japan trained 2000 people and 1990 officers in 2,017 villages.",
    "Coverage rose to 2015% and more than 2000 teachers took part.",
    "The fund holds $2017 and ¥1999.",
    "Numbers outside the range, 1750 and 2250, are not years.",
    "Accidents may cause damage; it may rain; May this succeed.",
    "Prime Minister Theresa May visited.",
    "The post-2015 agenda and 2017-related work continued.",
    "Japan contributed a total of 2020 tons of rice.",
    "The number of trainees reached over 2000.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(text):
    assert found(text) == []


# ---------------------------------------------------------------------------
# Months and days without a year.

def test_months_take_the_paragraphs_preceding_year():
    text = ("In 2017, frequent terror attacks happened around the world, including those in London "
            "(March and June) and Manchester (May), the United Kingdom, as well as one in Barcelona, Spain (August).")
    assert found(text) == [
        ("2017", "2017-01-01", "2017-12-31"),
        ("March", "2017-03-01", "2017-03-31"),
        ("June", "2017-06-01", "2017-06-30"),
        ("May", "2017-05-01", "2017-05-31"),
        ("August", "2017-08-01", "2017-08-31"),
    ]
    flags = [m.year_from_context for m in find_dates(text)]
    assert flags == [False, True, True, True, True]


def test_nearest_preceding_year_wins_over_context_year():
    text = "In 2015 the plan began. In 2019 it was revised, and in June it was extended."
    assert found(text, context_year=2001)[-1] == ("June", "2019-06-01", "2019-06-30")


def test_context_year_is_the_fallback():
    assert found("The survey ran from 5 to 9 July.", context_year=2022) == [("5 to 9 July", "2022-07-05", "2022-07-09")]
    assert found("In March, the office opened.", context_year=2022) == [("March", "2022-03-01", "2022-03-31")]
    assert found("The ceremony was held on October 7.", context_year=2020) == [("October 7", "2020-10-07", "2020-10-07")]


def test_a_later_year_in_the_paragraph_beats_context_year():
    # The docstring: context_year is for paragraphs that name no year at all.
    assert found("In March, the office opened; it closed in 2021.", context_year=2001)[0] == (
        "March", "2021-03-01", "2021-03-31")


def test_no_year_anywhere_means_no_mention():
    assert found("In March, the office opened.") == []


def test_list_lends_its_year_backwards():
    text = "In 2014 it was planned. Floods hit in March, June and August 2016."
    assert found(text)[1:] == [
        ("March", "2016-03-01", "2016-03-31"),
        ("June", "2016-06-01", "2016-06-30"),
        ("August 2016", "2016-08-01", "2016-08-31"),
    ]


def test_day_list_lends_its_year_backwards():
    assert found("Talks were held on October 5 and November 7, 2017.") == [
        ("October 5", "2017-10-05", "2017-10-05"), ("November 7, 2017", "2017-11-07", "2017-11-07")]


def test_month_after_a_fiscal_year_falls_in_the_fiscal_year():
    # January-March of FY2017 are in calendar 2018.
    assert found("In FY2017, the satellite was built and in February it was released.")[1] == (
        "February", "2018-02-01", "2018-02-28")


def test_range_without_year_takes_context_and_wraps_the_new_year():
    assert found("The campaign ran from December to February.", context_year=2019) == [
        ("December to February", "2019-12-01", "2020-02-29")]


def test_bare_month_needs_a_date_reading():
    assert found("April Smith said so.", context_year=2020) == []
    assert found("In April Japan opened an office.", context_year=2020) == [("April", "2020-04-01", "2020-04-30")]
    assert found("The rains came (May).", context_year=2020) == [("May", "2020-05-01", "2020-05-31")]


def test_whole_multi_paragraph_text_uses_earlier_paragraph_as_context():
    text = "In 2018 Japan hosted a meeting.\nIn March, a follow-up was held."
    assert found(text)[-1] == ("March", "2018-03-01", "2018-03-31")


# ---------------------------------------------------------------------------
# The interface.

def test_datematch_is_the_documented_frozen_record():
    fields = [f.name for f in dataclasses.fields(DateMatch)]
    assert fields == ["start", "end", "start_date", "end_date", "fiscal", "year_from_context"]
    m = find_dates("In FY2013, Japan decided.")[0]
    assert (m.start, m.end, m.fiscal, m.year_from_context) == (3, 9, True, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 0  # type: ignore[misc]


def test_empty_and_dateless_text():
    assert find_dates("") == []
    assert find_dates("Japan and the Philippines.") == []


# ---------------------------------------------------------------------------
# Seeds: every gold DATE mention, per paragraph.

def _gold_docs():
    for line in GOLD.read_text("utf-8").splitlines():
        doc = json.loads(line)
        yield doc["doc_id"], (CORPUS / f"{doc['doc_id']}.txt").read_text("utf-8"), doc["mentions"]


def _predict_by_paragraph(text):
    out, offset = [], 0
    for paragraph in text.split("\n"):
        for m in find_dates(paragraph):
            out.append((offset + m.start, offset + m.end, m.start_date, m.end_date, m.fiscal))
        offset += len(paragraph) + 1
    return out


@pytest.mark.parametrize("doc_id, text, mentions", list(_gold_docs()), ids=lambda x: x if isinstance(x, str) and x.startswith("wpdc") else "")
def test_seed_gold_dates(doc_id, text, mentions):
    gold = {(m["start"], m["end"], d(m["norm"]["start"]), d(m["norm"]["end"])) for m in mentions if m["label"] == "DATE"}
    predicted = _predict_by_paragraph(text)
    pred = {p[:4] for p in predicted}
    missed = sorted(gold - pred)
    spurious = sorted(pred - gold)
    assert not missed and not spurious, (
        "missed: " + repr([(text[s:e], a, b) for s, e, a, b in missed])
        + " spurious: " + repr([(text[s:e], a, b) for s, e, a, b in spurious])
    )
    # The fiscal flag follows the written form.
    for s, e, _, _, fiscal in predicted:
        assert fiscal == ("FY" in text[s:e] or "fiscal" in text[s:e].lower())


def test_seed_documents_whole_equal_paragraph_by_paragraph():
    for _, text, _ in _gold_docs():
        whole = [(m.start, m.end, m.start_date, m.end_date, m.fiscal) for m in find_dates(text)]
        assert whole == _predict_by_paragraph(text)


# ---------------------------------------------------------------------------
# Generated expressions in the supported styles.

MONTH_NAMES = list(calendar.month_name)[1:]
ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 3: "Mar.", 4: "Apr.", 5: "May", 6: "Jun.", 7: "Jul.", 8: "Aug.",
                 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
TEMPLATES = [
    "In {x}, Japan provided assistance to the region.",
    "Japan provided assistance to Kenya in {x}.",
    "The programme was evaluated (as of {x}).",
    "During {x} the Agency trained 30 officers.",
]
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
years = st.integers(min_value=1900, max_value=2099)


def last_day(y, m):
    return date(y, m, calendar.monthrange(y, m)[1])


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@st.composite
def expressions(draw):
    """(expression, expected start, expected end)."""
    style = draw(st.sampled_from(["mdy", "dmy", "dmy_ord", "abbr", "my", "my_abbr", "year", "decade", "years", "years_dash",
                                  "years_short", "months", "days_across", "days_in", "fy", "fy_space", "fy_words", "fy_range"]))
    day = draw(dates)
    y, m = day.year, day.month
    if style == "mdy":
        return f"{MONTH_NAMES[m - 1]} {day.day}, {y}", day, day
    if style == "dmy":
        return f"{day.day} {MONTH_NAMES[m - 1]} {y}", day, day
    if style == "dmy_ord":
        return f"{ordinal(day.day)} {MONTH_NAMES[m - 1]} {y}", day, day
    if style == "abbr":
        return f"{ABBREVIATIONS[m]} {day.day}, {y}", day, day
    if style == "my":
        return f"{MONTH_NAMES[m - 1]} {y}", date(y, m, 1), last_day(y, m)
    if style == "my_abbr":
        return f"{ABBREVIATIONS[m]} {y}", date(y, m, 1), last_day(y, m)
    if style == "year":
        return f"{y}", date(y, 1, 1), date(y, 12, 31)
    if style == "decade":
        y0 = y // 10 * 10
        return f"{y0}s", date(y0, 1, 1), date(y0 + 9, 12, 31)
    if style in ("years", "years_dash", "years_short"):
        y2 = draw(st.integers(min_value=y, max_value=2099))
        if style == "years_short":
            y2 = draw(st.integers(min_value=y + 1, max_value=y // 100 * 100 + 99)) if y % 100 != 99 else None
            if y2 is None:
                return f"{y}", date(y, 1, 1), date(y, 12, 31)
            return f"{y}-{y2 % 100:02d}", date(y, 1, 1), date(y2, 12, 31)
        sep = " to " if style == "years" else "–"
        return f"{y}{sep}{y2}", date(y, 1, 1), date(y2, 12, 31)
    if style == "months":
        m2 = draw(st.integers(min_value=m, max_value=12))
        return f"{MONTH_NAMES[m - 1]} to {MONTH_NAMES[m2 - 1]} {y}", date(y, m, 1), last_day(y, m2)
    if style == "days_across":
        later = draw(st.dates(min_value=day, max_value=date(y, 12, 31)))
        return (f"{MONTH_NAMES[m - 1]} {day.day} to {MONTH_NAMES[later.month - 1]} {later.day}, {y}", day, later)
    if style == "days_in":
        d2 = draw(st.integers(min_value=day.day, max_value=calendar.monthrange(y, m)[1]))
        return f"{day.day}–{d2} {MONTH_NAMES[m - 1]} {y}", day, date(y, m, d2)
    if style == "fy":
        return f"FY{y}", date(y, 4, 1), date(y + 1, 3, 31)
    if style == "fy_space":
        return f"FY {y}", date(y, 4, 1), date(y + 1, 3, 31)
    if style == "fy_words":
        return f"fiscal year {y}", date(y, 4, 1), date(y + 1, 3, 31)
    y2 = draw(st.integers(min_value=y, max_value=2099))
    return f"FY{y} to FY{y2}", date(y, 4, 1), date(y2 + 1, 3, 31)


@given(expressions(), st.sampled_from(TEMPLATES))
@settings(max_examples=400, deadline=None)
def test_generated_expressions_normalize(expr, template):
    expression, first, last = expr
    text = template.format(x=expression)
    matches = find_dates(text)
    assert [(text[m.start:m.end], m.start_date, m.end_date) for m in matches] == [(expression, first, last)]
    assert matches[0].fiscal == expression.lower().startswith(("fy", "fiscal"))


@st.composite
def cued_expressions(draw):
    """A cue word before the span opens one side; `as of the end of` is that day."""
    day = draw(dates)
    y, m = day.year, day.month
    month_year = f"{MONTH_NAMES[m - 1]} {y}"
    cue = draw(st.sampled_from(["since", "from", "Since", "until", "by", "By", "by the end of", "until the end of",
                                "as of the end of", "since FY", "by the end of FY"]))
    if cue in ("since", "from", "Since"):
        return f"{cue} {y}", f"{y}", date(y, 1, 1), None
    if cue in ("until", "by", "By"):
        return f"{cue} {month_year}", month_year, None, last_day(y, m)
    if cue == "since FY":
        return f"since FY{y}", f"FY{y}", date(y, 4, 1), None
    if cue == "by the end of FY":
        return f"by the end of FY{y}", f"the end of FY{y}", None, date(y + 1, 3, 31)
    span = f"the end of {month_year}"
    if cue == "as of the end of":
        return f"as of {span}", span, last_day(y, m), last_day(y, m)
    return f"{cue.split(' the ')[0]} {span}", span, None, last_day(y, m)


@given(cued_expressions())
@settings(max_examples=200, deadline=None)
def test_generated_open_intervals(case):
    phrase, span, first, last = case
    text = f"Japan has supported the project {phrase}, according to the Ministry."
    assert [(text[m.start:m.end], m.start_date, m.end_date) for m in find_dates(text)] == [(span, first, last)]


def _check_invariants(text, matches):
    previous_end = 0
    for m in matches:
        assert isinstance(m, DateMatch)
        assert previous_end <= m.start < m.end <= len(text)
        span = text[m.start:m.end]
        assert span == span.strip()
        assert m.start_date is not None or m.end_date is not None
        if m.start_date and m.end_date:
            assert m.start_date <= m.end_date
        previous_end = m.end


@pytest.mark.parametrize("context_year", [0, 1, -5, 9999, 10**9])
def test_context_year_at_the_calendars_edge_never_raises(context_year):
    text = "Before January, since December, from December to February, after December 31, in FY2099."
    _check_invariants(text, find_dates(text, context_year))


@given(st.text(), st.one_of(st.none(), st.integers()))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_raises(text, context_year):
    _check_invariants(text, find_dates(text, context_year))


DATEISH = ["2017", "FY", "FY2019", "1990s", "to", "–", "-", "from", "since", "by", "the", "end", "of", "beginning",
           "May", "March", "Sept.", "Jan", "7", "31", "30", "29", "February", ",", "and", "between", "first", "half",
           "quarter", "fiscal", "year", "Note", "(", ")", "mid", "early", "people", "%", "$", "2,017", "20", "Action",
           "Plan", "GCCS", "as", "\n", "onwards", "2016/17", "2019-02-30", "1st", "Summit", "until", "before"]


@given(st.lists(st.sampled_from(DATEISH), max_size=30), st.sampled_from(["", " ", "  "]), st.one_of(st.none(), years))
@settings(max_examples=500, deadline=None)
def test_dense_date_like_text_keeps_invariants(words, sep, context_year):
    text = (sep or " ").join(words) if sep else "".join(words)
    _check_invariants(text, find_dates(text, context_year))


def test_regression_hyphenated_fiscal_range_and_through():
    text = "covering 300 million US dollars in FY2014-FY2016, with projects through 2021."
    found = [(text[m.start : m.end], m.start_date, m.end_date) for m in find_dates(text)]
    assert found == [
        ("FY2014-FY2016", date(2014, 4, 1), date(2017, 3, 31)),
        ("2021", None, date(2021, 12, 31)),
    ]
