import pytest

from odaextract.pipeline.countries import load_gazetteer, lookup


@pytest.mark.parametrize(
    "surface, iso3",
    [
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Lao PDR", "LAO"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Gambia", "GMB"),
        ("Timor-Leste", "TLS"),
        ("Cabo Verde", "CPV"),
        ("Eswatini", "SWZ"),
        ("Kyrgyz Republic", "KGZ"),
        ("Palestine", "PSE"),
        ("Federated States of Micronesia", "FSM"),
        ("United Kingdom", "GBR"),
        ("United States", "USA"),
    ],
)
def test_usual_forms_resolve_to_iso3(surface, iso3):
    assert lookup(surface) == iso3


@pytest.mark.parametrize(
    "surface",
    ["Asia", "Africa", "Middle East", "Asia-Pacific", "Indo-Pacific", "Gulf of Aden", "Sub-Saharan Africa",
     "Japanese", "Afghan", "Somali", "Nairobi", "London", "Kinshasa"],
)
def test_regions_demonyms_and_cities_are_not_countries(surface):
    assert lookup(surface) is None


def test_kosovo_has_no_iso_code_so_is_no_country():
    # XK/XKX is user-assigned, not ISO 3166-1; the guidelines admit only ISO 3166-1 codes.
    assert lookup("Kosovo") is None
    assert lookup("Republic of Kosovo") is None


def test_every_iso_entry_is_covered():
    import pycountry

    gazetteer = load_gazetteer()
    codes = set(gazetteer.names.values())
    assert {c.alpha_3 for c in pycountry.countries} <= codes
    assert all(code in gazetteer.short_names for code in codes)
