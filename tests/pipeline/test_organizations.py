import json

import pytest

from odaextract.pipeline.organizations import RegistryError, find_org_names, is_not_org_title, load_registry, parse_registry


def _names(text):
    return [text[s:e] for s, e in find_org_names(text)]


def test_packaged_registry_loads_and_resolves_names_aliases_and_acronyms():
    registry = load_registry()
    assert len(registry.entries) >= 400
    jica = registry.lookup("JICA")
    assert jica.name == "Japan International Cooperation Agency" and jica.kind == "government"
    assert registry.lookup("UN Office on Drugs and Crime").acronym == "UNODC"
    assert registry.lookup("the World Food Programme").acronym == "WFP"  # folded: article and case
    assert registry.lookup("Ministry of Magic") is None


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "1: not JSON"),
        ('{"id": "x", "name": "X Agency", "acronym": null, "aliases": [], "kind": "spaceship"}', "kind"),
        ('{"id": "Bad Id", "name": "X Agency", "acronym": null, "aliases": [], "kind": "other"}', "id"),
        ('{"id": "x", "name": "X Agency", "aliases": [], "kind": "other"}', "acronym"),
        ('{"id": "x", "name": "X Agency", "acronym": null, "aliases": [], "kind": "other", "extra": 1}', "extra"),
        ('{"id": "x", "name": "X Agency", "acronym": null, "aliases": [], "kind": "government", "country": "XYZ"}', "country"),
        ('{"id": "x", "name": "X Agency", "acronym": null, "aliases": [], "kind": "government", "country": "gb"}', "country"),
    ],
)
def test_malformed_registry_entry_fails_naming_line_and_field(line, message):
    with pytest.raises(RegistryError, match=message) as info:
        parse_registry([line], "orgs.jsonl")
    assert str(info.value).startswith("orgs.jsonl:1:")


def test_foreign_aid_agencies_carry_their_state():
    registry = load_registry()
    assert {registry.lookup(name).country for name in ("DFID", "USAID", "KfW", "KOICA", "Sida")} == {"GBR", "USA", "DEU", "KOR", "SWE"}
    # A body of no one state, or one whose name says it, carries none.
    assert registry.lookup("UNICEF").country is None and registry.lookup("JICA").country is None


def test_duplicate_registry_id_is_rejected():
    entry = json.dumps({"id": "x", "name": "X Agency", "acronym": None, "aliases": [], "kind": "other"})
    with pytest.raises(RegistryError, match="orgs.jsonl:2: duplicate id 'x'"):
        parse_registry([entry, entry], "orgs.jsonl")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("support from the Kenya Ports Authority for the port", ["Kenya Ports Authority"]),
        ("JICA worked with the Ministry of Health and Wellness of Jamaica.", ["Ministry of Health and Wellness"]),
        ("under the Project for Capacity Development of Ghana Police Service Phase II", ["Ghana Police Service"]),
        ("the Hydrographic Department of the Sri Lanka Navy trained", ["Hydrographic Department", "Sri Lanka Navy"]),
        ("with Makerere University and the Uganda Virus Research Institute.", ["Makerere University", "Uganda Virus Research Institute"]),
        ("the Institut Pasteur de Dakar tested samples", ["Institut Pasteur de Dakar"]),
        ("a grant to the Fund for Peacebuilding in the Sahel", ["Fund for Peacebuilding"]),
        ("the Japan-World Bank Partnership Program", []),
        ("the GPS Earth Observation Network System", []),
        ("This Trust Fund was used", []),
        ("the Agency said", []),
    ],
)
def test_name_rule_finds_organizations_in_unseen_styles(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "name, excluded",
    [
        ("Paris Agreement", True),
        ("Sendai Framework", True),
        ("TICAD Summit", True),
        ("Project for Water Supply", True),
        ("Asian Development Bank", False),
    ],
)
def test_not_org_titles(name, excluded):
    assert is_not_org_title(name) is excluded


@pytest.mark.parametrize(
    "text, expected",
    [
        # A country before a non-registry name belongs to it; before a known organization it names a partnership.
        ("through the Japan-China Friendship Environmental Protection Center in Beijing", ["Japan-China Friendship Environmental Protection Center"]),
        ("Under the Japan-World Bank Partnership Program", []),
        ("cooperates with Tonga Power Limited on grids", ["Tonga Power Limited"]),
        ("where the Government and the Revolutionary Armed Forces of Colombia signed", ["Revolutionary Armed Forces of Colombia"]),
    ],
)
def test_regression_heldout2_names(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The seed's fund name runs past lowercase "off the" and keeps the coast's country.
        (
            "Japan has contributed a total of $4.5 million to the Trust Fund to Support Initiatives of States "
            "Countering Piracy off the Coast of Somalia.",
            "Trust Fund to Support Initiatives of States Countering Piracy off the Coast of Somalia",
        ),
        ("Japan joined the Contact Group on Piracy off the Coast of Somalia in 2009.", "Contact Group on Piracy off the Coast of Somalia"),
    ],
)
def test_regression_a_name_keeps_a_place_of_a_country_inside_it(text, expected):
    assert expected in [text[s:e] for s, e in find_org_names(text)]


def test_an_organizations_country_is_still_cut_from_its_name():
    text = "The Ministry of Health of Cambodia and the Cambodian Mine Action Centre worked together."
    names = [text[s:e] for s, e in find_org_names(text)]
    assert "Ministry of Health" in names and "Ministry of Health of Cambodia" not in names


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # heldout11: "Myanmar to the World Bank" was read as one organization.
        ("The arrears of Laos to the Asian Development Bank were cleared in 2012.", "Asian Development Bank", "Laos to the Asian Development Bank"),
        ("Debts of Viet Nam to the World Bank were rescheduled.", "World Bank", "Viet Nam to the World Bank"),
        # heldout9: a fund named for a partnership keeps its country; a programme's title does not.
        ("Japan contributed €10 million to the Japan-EBRD Cooperation Fund in 2019.", "Japan-EBRD Cooperation Fund", "EBRD Cooperation Fund"),
    ],
)
def test_regression_a_country_before_a_connector_begins_no_name(text, expected, not_expected):
    names = [text[s:e] for s, e in find_org_names(text)]
    assert expected in names and not_expected not in names
