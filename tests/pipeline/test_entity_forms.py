"""Issue 14 / 18 entity forms, end to end through the real pipeline.

Each case is a general form (a shape of name or list), written here in
several styles; none is a sentence from the seeds or held-out sets.
"""

from pathlib import Path

import pytest

from odaextract.pipeline.ingest import SourceDocument
from odaextract.pipeline.normalize import normalize
from odaextract.pipeline.structure import structure


def _mentions(annotator, text, label=None):
    source = SourceDocument("t", Path("t.txt"), "text", text, "0" * 64)
    found = normalize(annotator.annotate(structure(source)))
    return [
        (text[m.mention.start : m.mention.end], m.mention.norm)
        for m in found
        if label is None or m.mention.label == label
    ]


def _countries(annotator, text):
    return [(surface, norm["iso3"]) for surface, norm in _mentions(annotator, text, "COUNTRY")]


# --- issue 18: comma-inverted aliases only where the text is inverted ------


@pytest.mark.parametrize(
    "text, expected",
    [
        # regression: "South Korea, North Korea and China" gave "Korea, North" (PRK) then "Korea" (KOR)
        ("Japan met South Korea, North Korea and China.", [("Japan", "JPN"), ("South Korea", "KOR"), ("North Korea", "PRK"), ("China", "CHN")]),
        # regression: "Hong Kong, Macao, China and Mongolia" lost China
        ("Visitors came from Hong Kong, Macao, China and Mongolia.", [("Hong Kong", "HKG"), ("Macao", "MAC"), ("China", "CHN"), ("Mongolia", "MNG")]),
        ("Trade with Macao, China, Mongolia, and Laos grew.", [("Macao", "MAC"), ("China", "CHN"), ("Mongolia", "MNG"), ("Laos", "LAO")]),
        ("Kenya, Congo, Rwanda or Gambia, Ghana", [("Kenya", "KEN"), ("Congo", "COG"), ("Rwanda", "RWA"), ("Gambia", "GMB"), ("Ghana", "GHA")]),
        ("Aid to Egypt, Yemen, Iran and Korea rose.", [("Egypt", "EGY"), ("Yemen", "YEM"), ("Iran", "IRN"), ("Korea", "KOR")]),
    ],
)
def test_inverted_aliases_never_match_across_a_list_comma(annotator, text, expected):
    assert _countries(annotator, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The table lists Korea, Rep. as a donor.", [("Korea, Rep.", "KOR")]),
        ("Data for Congo, Dem. Rep. are missing.", [("Congo, Dem. Rep.", "COD")]),
        ("Its delegate from Hong Kong, China spoke.", [("Hong Kong, China", "HKG")]),
        ("Row: Korea, North (estimate)", [("Korea, North", "PRK")]),
        ("Gambia, The has a new plan.", [("Gambia, The", "GMB")]),
        # A tail that names nothing on its own is no list item, even in a list.
        ("Kenya, Korea, Rep. and Peru", [("Kenya", "KEN"), ("Korea, Rep.", "KOR"), ("Peru", "PER")]),
        ("Ghana and Congo, Dem. Rep., Chad", [("Ghana", "GHA"), ("Congo, Dem. Rep.", "COD"), ("Chad", "TCD")]),
    ],
)
def test_inverted_aliases_still_match_where_the_text_is_inverted(annotator, text, expected):
    assert _countries(annotator, text) == expected


def _alias_shapes():
    """One alias of every shape the gazetteer has: plain, multi-word, with "of the",
    apostrophe, dotted, hyphenated, accented, comma-inverted."""
    return ["Viet Nam", "Democratic Republic of the Congo", "Côte d'Ivoire", "U.S.", "Timor-Leste",
            "Türkiye", "Lao PDR", "Federated States of Micronesia", "Burma", "Swaziland"]


@pytest.mark.parametrize("alias", _alias_shapes())
@pytest.mark.parametrize("template", ["{a}, Kenya and Peru", "Kenya, {a} and Peru", "Kenya, Peru, and {a}", "Kenya and {a}, Peru"])
def test_every_alias_shape_keeps_its_neighbours_in_a_list(annotator, alias, template):
    from odaextract.pipeline.countries import lookup

    text = "Japan assisted " + template.format(a=alias) + " in that year."
    found = _countries(annotator, text)
    expected = sorted([("Japan", "JPN"), (alias, lookup(alias)), ("Kenya", "KEN"), ("Peru", "PER")], key=lambda c: text.index(c[0]))
    assert found == expected


# --- older and official country names (guidelines) ---------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Burma and Swaziland received grants.", [("Burma", "MMR"), ("Swaziland", "SWZ")]),
        ("In Zaire, roads were rebuilt.", [("Zaire", "COD")]),
        ("refugees in the Occupied Palestinian Territory", [("Occupied Palestinian Territory", "PSE")]),
        ("the Palestinian Territories and Jordan", [("Palestinian Territories", "PSE"), ("Jordan", "JOR")]),
        ("aid to the West Bank and Gaza", [("West Bank and Gaza", "PSE")]),
        # The two places named apart are places (as the held-out gold reads UNRWA's fields of operation).
        ("refugees in Jordan, Syria, the West Bank and the Gaza Strip", [("Jordan", "JOR"), ("Syria", "SYR")]),
        ("clinics in the West Bank", []),  # part of the territories, not their name
        ("the Palestinian Authority areas of Palestine", [("Palestine", "PSE")]),
        ("refugees in the occupied Palestinian territories", [("occupied Palestinian territories", "PSE")]),
        ("REFUGEES IN THE OCCUPIED PALESTINIAN TERRITORIES", [("OCCUPIED PALESTINIAN TERRITORIES", "PSE")]),
        ("AID TO THE REPUBLIC OF KOREA", [("REPUBLIC OF KOREA", "KOR")]),
        ("the state of Libya's economy", [("Libya", "LBY")]),
    ],
)
def test_older_and_official_country_names(annotator, text, expected):
    assert _countries(annotator, text) == expected


# --- issue 18: fiscal years written year first; issue 14: capitals -----------


@pytest.mark.parametrize(
    "text, surface, start, end",
    [
        # regression: "In the 2019 fiscal year" was calendar 2019
        ("In the 2019 fiscal year, grants rose.", "2019 fiscal year", "2019-04-01", "2020-03-31"),
        ("during the 2018/19 fiscal year", "2018/19 fiscal year", "2018-04-01", "2019-03-31"),
        ("in fiscal year 2019", "fiscal year 2019", "2019-04-01", "2020-03-31"),
        ("FISCAL YEAR 2005 RESULTS", "FISCAL YEAR 2005", "2005-04-01", "2006-03-31"),
        ("Fiscal Year 2005 results", "Fiscal Year 2005", "2005-04-01", "2006-03-31"),
        ("ODA IN MARCH 2017", "MARCH 2017", "2017-03-01", "2017-03-31"),
        ("BY THE END OF MARCH 2017", "THE END OF MARCH 2017", None, "2017-03-31"),
        ("MARCH 5 TO 7, 2019", "MARCH 5 TO 7, 2019", "2019-03-05", "2019-03-07"),
        ("JUNE TO DECEMBER 2023", "JUNE TO DECEMBER 2023", "2023-06-01", "2023-12-31"),
        ("FY2009 TO FY2019", "FY2009 TO FY2019", "2009-04-01", "2020-03-31"),
    ],
)
def test_fiscal_years_and_letter_case(annotator, text, surface, start, end):
    # "Any letter case counts" (guidelines)
    dates = _mentions(annotator, text, "DATE")
    assert [(s, n["start"], n["end"]) for s, n in dates] == [(surface, start, end)]


# --- issue 18: acronym definitions attach to the nearest complete name -------


@pytest.mark.parametrize(
    "text, long_form, others",
    [
        # regression: one organization "Ministry of Health of Cambodia and the Cambodian Mine Action Centre"
        ("The Ministry of Health of Cambodia and the Cambodian Mine Action Centre (CMAC) signed it. Later CMAC cleared mines.",
         "Cambodian Mine Action Centre", ["Ministry of Health"]),
        ("Japan worked with the Ministry of Agriculture and Forestry and the National Institute of Health (NIH). The NIH grew.",
         "National Institute of Health", ["Ministry of Agriculture and Forestry"]),
        ("Japan supported the University of Nairobi and the Kenya Medical Research Institute (KEMRI); KEMRI leads.",
         "Kenya Medical Research Institute", ["University of Nairobi"]),
    ],
)
def test_acronym_definition_attaches_to_the_nearest_complete_name(annotator, text, long_form, others):
    orgs = _mentions(annotator, text, "ORG")
    short = [n for s, n in orgs if s == n.get("acronym")]
    assert short and all(n["name"] == long_form for n in short)  # one name per acronym in the document
    assert [s for s, _ in orgs if s not in (long_form, short[0]["acronym"])] == others
    assert long_form in [s for s, _ in orgs]


# --- issue 14: offices, bodies, joined names -----------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Embassy of Japan in Ghana and the JICA Kenya Office held an event.", ["Embassy of Japan in Ghana", "JICA Kenya Office"]),
        ("The UNDP Country Office in Myanmar joined.", ["UNDP Country Office in Myanmar"]),
        ("staff of the Consulate-General of Japan in Mumbai", ["Consulate-General of Japan in Mumbai"]),
        ("The Embassy of Japan in the Philippines opened.", ["Embassy of Japan in the Philippines"]),
        ("The JICA Office in Dhaka reported.", ["JICA Office in Dhaka"]),
    ],
)
def test_offices_named_by_their_place_are_one_mention(annotator, text, expected):
    assert [s for s, _ in _mentions(annotator, text, "ORG")] == expected
    assert _countries(annotator, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Ministry of Education and the Ministry of Health met.", ["Ministry of Education", "Ministry of Health"]),
        ("The University of Tokyo and Kyoto University joined.", ["University of Tokyo", "Kyoto University"]),
        ("UNICEF/WHO provided vaccines.", ["UNICEF", "WHO"]),
        ("salaries paid through UNDP/LOTFA", ["UNDP", "LOTFA"]),
        ("The Ministry of Foreign Affairs and International Cooperation met.", ["Ministry of Foreign Affairs and International Cooperation"]),
        ("The Asian Development Bank Institute in Tokyo and the JICA Research Institute published it.",
         ["Asian Development Bank Institute", "JICA Research Institute"]),
        ("the Department for International Development of the U.K. joined", ["Department for International Development"]),
        ("Dr. Ito of the University of the Philippines spoke.", ["University of the Philippines"]),
        ("The Secretary-General of the Caribbean Community Secretariat came.", ["Caribbean Community Secretariat"]),
        ("the Hydrographic and Oceanographic Department of the Japan Coast Guard",
         ["Hydrographic and Oceanographic Department", "Japan Coast Guard"]),
    ],
)
def test_two_organizations_joined_are_two_mentions(annotator, text, expected):
    assert [s for s, _ in _mentions(annotator, text, "ORG")] == expected


def test_japan_and_an_organization_are_a_country_and_an_org(annotator):
    text = "Japan and the Asian Development Bank co-financed the road."
    assert _countries(annotator, text) == [("Japan", "JPN")]
    assert [s for s, _ in _mentions(annotator, text, "ORG")] == ["Asian Development Bank"]


@pytest.mark.parametrize(
    "text, surface, name",
    [
        ("The ADB Board of Directors approved the loan.", "ADB Board of Directors", "ADB Board of Directors"),
        ("The GCF Board approved it.", "GCF Board", "GCF Board"),
        ("The Board of the GCF met.", "GCF", "Green Climate Fund"),
    ],
)
def test_bodies_of_organizations(annotator, text, surface, name):
    orgs = _mentions(annotator, text, "ORG")
    assert [(s, n["name"]) for s, n in orgs] == [(surface, name)]


@pytest.mark.parametrize(
    "text, surface, acronym",
    [
        ("The OECD-DAC reviewed Japan's aid.", "OECD-DAC", "DAC"),
        ("as the UNESCO-IOC reported", "UNESCO-IOC", "IOC"),
    ],
)
def test_composite_acronym_names_the_body(annotator, text, surface, acronym):
    orgs = _mentions(annotator, text, "ORG")
    assert [(s, n["acronym"]) for s, n in orgs] == [(surface, acronym)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Friends of Democratic Pakistan met in Tokyo.", ["Friends of Democratic Pakistan"]),
        ("The Group of Friends of Human Security met.", ["Group of Friends of Human Security"]),
        ("The Independent Panel on Pandemic Preparedness and Response reported.", ["Independent Panel on Pandemic Preparedness and Response"]),
        ("The International Resource Panel agreed.", ["International Resource Panel"]),
        ("The Pacific Catastrophe Risk Insurance Fund paid out.", ["Pacific Catastrophe Risk Insurance Fund"]),
        ("A National Security Council was formed.", ["National Security Council"]),
        ("The Universidad Nacional de Ingeniería and the Universidade Federal do Pará joined.",
         ["Universidad Nacional de Ingeniería", "Universidade Federal do Pará"]),
        ("The Université Cheikh Anta Diop de Dakar hosted it.", ["Université Cheikh Anta Diop de Dakar"]),
    ],
)
def test_unknown_multi_word_organizations(annotator, text, expected):
    assert [s for s, _ in _mentions(annotator, text, "ORG")] == expected
    assert _countries(annotator, text) == []


def test_regression_two_peer_acronyms_joined_by_a_hyphen_stay_two(annotator):
    # JICA-JAXA is a partnership of peers (guidelines), not a parent and its body like OECD-DAC.
    orgs = _mentions(annotator, "the JICA-JAXA Forest Early Warning System", "ORG")
    assert [s for s, _ in orgs] == ["JICA", "JAXA"]


@pytest.mark.parametrize("text", ["IN 2017, YOU MAY APPLY.", "In 2017, THE MARCH TO PEACE began."])
def test_a_capital_month_word_alone_is_not_a_date(annotator, text):
    assert [s for s, _ in _mentions(annotator, text, "DATE")] == ["2017"]
