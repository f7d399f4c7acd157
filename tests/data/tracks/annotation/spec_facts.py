"""Fact and track spec for the tracks set (see ../../../shared/fact-guidelines.md).

Each fact names its anchor by the MONEY mention's surface text (unique among
the document's MONEY mentions), its equivalents likewise, and its slots:
  donor: "JPN" (a state, ISO3) or {"org": name}
  rec:   recipient ISO3 codes;  reg: region names;  ch: ORG keys (spec_mentions.ORGS)
  date:  (start, end) or None;  kind, status, cum as in the guidelines.
`why` is a note for the reader; it is not written to the gold.
Every MONEY mention of a document must be an anchor, an equivalent, or in NOT_FACTS.
"""

FACTS = {}

FACTS["wpdc-2014-peacebuilding"] = [
    dict(id="pbf-2014", anchor="$42.5 million", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=("2006-01-01", None), kind="contribution", status="provided", cum=True,
         why="Since 2006 ... has contributed a total of ... to the PBF"),
    dict(id="pbf-2013-oneoff", anchor="$2.5 million", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=("2013-01-01", "2013-12-31"), kind="contribution", status="provided", cum=False,
         why="one year's contribution to the same fund (distractor)"),
    dict(id="ssd2011-2014", anchor="$450 million", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2011-01-01", None), kind="unspecified", status="provided", cum=True,
         why="Since 2011 ... assistance totaling approximately"),
    dict(id="ssd-ega-2014", anchor="$10 million", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2014-01-01", "2014-01-31"), kind="grant", status="provided", cum=False,
         why="one-off Emergency Grant Aid; 'international organizations' is generic, no channel"),
    dict(id="mli-pledge-2013", anchor="$120 million", donor="JPN", rec=["MLI"], reg=["Sahel"], ch=[],
         date=("2013-05-01", "2013-05-31"), kind="unspecified", status="pledged", cum=False,
         why="pledge at a donors' conference (distractor for the Mali track)"),
    dict(id="afg2001-2014", anchor="$5.8 billion", donor="JPN", rec=["AFG"], reg=[], ch=[],
         date=("2001-01-01", None), kind="unspecified", status="provided", cum=True,
         why="running total with no partner in the other editions (start 2001)"),
]

FACTS["wpdc-2016-peacebuilding"] = [
    dict(id="pbf-2016", anchor="$47.5 million", eq=["¥5.4 billion"], donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=(None, "2016-03-31"), kind="contribution", status="provided", cum=True,
         why="cumulative contributions ... as of the end of March 2016; name 'UN Peacebuilding Fund'"),
    dict(id="swe-pbf-2016", anchor="$160 million", donor="SWE", rec=[], reg=[], ch=["PBF"],
         date=("2006-01-01", None), kind="contribution", status="provided", cum=True,
         why="same fund, another donor (Sweden): must not join the Japan PBF track"),
    dict(id="cpr-2016", anchor="$18.4 million", eq=["¥2.2 billion"], donor="JPN", rec=[], reg=[], ch=["CPR"],
         date=("2009-01-01", None), kind="contribution", status="provided", cum=True,
         why="'UNDP Trust Fund for ...' with owner prefix; $ with ¥ equivalent"),
    dict(id="ssd2011-2016", anchor="$620 million", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2011-01-01", None), kind="unspecified", status="provided", cum=True,
         why="Since 2011 ... a total of approximately"),
    dict(id="ssd-ega-2016", anchor="$6 million", donor="JPN", rec=["SSD"], reg=[], ch=["WFP", "UNICEF"],
         date=("2016-08-01", "2016-08-31"), kind="grant", status="provided", cum=False,
         why="one-off Emergency Grant Aid through WFP and UNICEF"),
    dict(id="mli2012-2016", anchor="$96 million", donor="JPN", rec=["MLI"], reg=[], ch=[],
         date=("2012-01-01", None), kind="unspecified", status="provided", cum=True,
         why="Since 2012 ... a total of approximately ... to Mali"),
    dict(id="mli-grant-fy2015", anchor="¥1.1 billion", donor="JPN", rec=["MLI"], reg=[], ch=[],
         date=("2015-04-01", "2016-03-31"), kind="grant", status="provided", cum=False,
         why="one year's grant aid to the same recipient (distractor)"),
    dict(id="oda-2015", anchor="$2.8 billion", donor="JPN", rec=[], reg=[], ch=[],
         date=("2015-01-01", "2015-12-31"), kind="aggregate", status="provided", cum=False,
         why="ODA statistics of 2015 (aggregate, not a running total)"),
]

FACTS["wpdc-2019-peacebuilding"] = [
    dict(id="pbf-2019", anchor="$52.5 million", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=None, kind="contribution", status="provided", cum=True,
         why="'has so far provided' with no date: as_of = end of the edition year (2019, from the file name)"),
    dict(id="cpr-2019", anchor="¥2.6 billion", donor="JPN", rec=[], reg=[], ch=["CPR"],
         date=None, kind="contribution", status="provided", cum=True,
         why="'have reached ... to date'; fund named without the UNDP prefix; ¥ only"),
    dict(id="ssd2011-2019", anchor="$590 million", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2011-01-01", "2018-12-31"), kind="unspecified", status="provided", cum=True,
         why="'From 2011 to 2018 ... a total of': lower than the 2016 figure -> the track must be flagged"),
    dict(id="ssd2013-2019", anchor="$210 million", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2013-12-01", None), kind="unspecified", status="provided", cum=True,
         why="same recipient, another start (December 2013): its own track, not the since-2011 one"),
    dict(id="ssd-grant-2019", anchor="¥900 million", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2019-03-01", "2019-03-31"), kind="grant", status="pledged", cum=False,
         why="'decided to provide': a pledge of one grant (distractor)"),
    dict(id="mli-wfp-2019", anchor="$38 million", donor="JPN", rec=["MLI"], reg=[], ch=["WFP"],
         date=("2012-01-01", None), kind="unspecified", status="provided", cum=True,
         why="same recipient and start as the Mali track but through WFP: another running total, no track"),
    dict(id="pbf-2019-note", anchor="¥5.8 billion", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=(None, "2019-03-31"), kind="contribution", status="provided", cum=True,
         why="second PBF running total of the same edition (Note 3): flag, kept out of the gold track"),
]

FACTS["wpdc-2022-peacebuilding"] = [
    dict(id="pbf-2022", anchor="60.5 million US dollars", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=("2006-01-01", "2021-12-31"), kind="contribution", status="provided", cum=True,
         why="'From 2006 to 2021 ... a total of' to the 'United Nations Peacebuilding Fund'"),
    dict(id="pbf-2021-oneoff", anchor="3 million US dollars", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=("2021-01-01", "2021-12-31"), kind="contribution", status="provided", cum=False,
         why="'In 2021 alone': one year's contribution (distractor)"),
    dict(id="pbf-pledge-2022", anchor="4 million US dollars", donor="JPN", rec=[], reg=[], ch=["PBF"],
         date=("2022-01-01", "2022-01-31"), kind="contribution", status="pledged", cum=False,
         why="pledge (distractor); channel from 'to the Fund' of the same sentence"),
    dict(id="eu-pbf-2022", anchor="€37 million", donor={"org": "European Union"}, rec=[], reg=[], ch=["PBF"],
         date=("2006-01-01", None), kind="contribution", status="provided", cum=True,
         why="same fund, another donor (EU), same start year as Japan's: no track"),
    dict(id="cpr-2022", anchor="24.9 million US dollars", donor="JPN", rec=[], reg=[], ch=["CPR"],
         date=("2009-01-01", None), kind="contribution", status="provided", cum=True,
         why="'a cumulative' ... to the UNDP Trust Fund; US dollars only (change from the ¥-only 2019 point is null)"),
    dict(id="mli2012-2022", anchor="¥16.2 billion", eq=["$147 million"], donor="JPN", rec=["MLI"], reg=[], ch=[],
         date=("2012-04-01", "2022-03-31"), kind="unspecified", status="provided", cum=True,
         why="'From FY2012 to FY2021 ... a total of' = the 2016 'Since 2012'; ¥ with $ equivalent"),
    dict(id="ssd2013-2022", anchor="265 million US dollars", donor="JPN", rec=["SSD"], reg=[], ch=[],
         date=("2013-12-01", None), kind="unspecified", status="provided", cum=True,
         why="'Since December 2013 ... a cumulative'"),
    dict(id="afg2021-2022", anchor="200 million US dollars", donor="JPN", rec=["AFG"], reg=[], ch=[],
         date=("2021-08-01", None), kind="unspecified", status="provided", cum=True,
         why="same recipient as the 2014 Afghanistan total, another start (August 2021 vs 2001): no track"),
    dict(id="oda-2021", anchor="4.1 billion US dollars", donor="JPN", rec=[], reg=[], ch=[],
         date=("2021-01-01", "2021-12-31"), kind="aggregate", status="provided", cum=False,
         why="ODA statistics of 2021: with oda-2015 two editions' statistics of different years, no track"),
]

NOT_FACTS = {
    "wpdc-2016-peacebuilding": {"$1.3 billion": "humanitarian response plan (a need/appeal)"},
    "wpdc-2019-peacebuilding": {"$1.5 billion": "humanitarian response plan (a need/appeal)"},
    "wpdc-2022-peacebuilding": {"4.4 billion US dollars": "UN appeal"},
}

# Tracks, each in time order (as_of = date end, else end of the edition year).
TRACKS = [
    dict(name="Japan -> UN Peacebuilding Fund (since 2006)",
         facts=["pbf-2014", "pbf-2016", "pbf-2019", "pbf-2022"],
         flags=["two_in_one_edition: wpdc-2019-peacebuilding (pbf-2019, pbf-2019-note)"],
         changes=["+5000000 USD", "+5000000 USD", "+8000000 USD"]),
    dict(name="Japan -> (UNDP) Trust Fund for Conflict Prevention and Recovery (since 2009)",
         facts=["cpr-2016", "cpr-2019", "cpr-2022"],
         flags=[],
         changes=["+400000000 JPY (2016 equivalent ¥2.2 billion -> ¥2.6 billion)", "null (¥ only -> $ only, no stated equivalent)"]),
    dict(name="Japan -> South Sudan (since 2011)",
         facts=["ssd2011-2014", "ssd2011-2016", "ssd2011-2019"],
         flags=["falls: 620000000 -> 590000000 USD (wpdc-2016 -> wpdc-2019)"],
         changes=["+170000000 USD", "-30000000 USD"]),
    dict(name="Japan -> Mali (since 2012 / FY2012-FY2021)",
         facts=["mli2012-2016", "mli2012-2022"],
         flags=[],
         changes=["+51000000 USD (via the 2022 $147 million equivalent)"]),
    dict(name="Japan -> South Sudan humanitarian (since December 2013)",
         facts=["ssd2013-2019", "ssd2013-2022"],
         flags=[],
         changes=["+55000000 USD"]),
]
