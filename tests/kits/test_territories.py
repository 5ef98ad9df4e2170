import pytest

from core.territories import DEPARTEMENTS, REGION_OF, region_for, territory_for_postcode, territory_name


@pytest.mark.parametrize(
    ("postcode", "code"),
    [
        ("75011", "75"),
        ("01000", "01"),
        ("13001", "13"),
        ("95000", "95"),
        ("20000", "2A"),  # Ajaccio
        ("20100", "2A"),  # Sartène
        ("20200", "2B"),  # Bastia
        ("20600", "2B"),  # Furiani
        ("97110", "971"),  # Pointe-à-Pitre
        ("97133", "977"),  # Saint-Barthélemy, not Guadeloupe
        ("97150", "978"),  # Saint-Martin, not Guadeloupe
        ("97200", "972"),
        ("97300", "973"),
        ("97400", "974"),
        ("97500", "975"),
        ("97600", "976"),
        ("98600", "986"),
        ("98714", "987"),
        ("98800", "988"),
        (" 69 001 ", "69"),
    ],
)
def test_postcode_maps_to_its_territory(postcode, code):
    assert territory_for_postcode(postcode) == code


@pytest.mark.parametrize(
    "postcode", ["", "7501", "750011", "ABCDE", "00100", "96000", "98000", "99000", "20900", "97700"]
)
def test_non_french_postcodes_are_refused(postcode):
    assert territory_for_postcode(postcode) is None


def test_every_territory_has_a_name_and_a_region():
    assert len([code for code in DEPARTEMENTS if len(code) == 2]) == 96
    assert set(DEPARTEMENTS) == set(REGION_OF)
    assert territory_name("2A") == "Corse-du-Sud"
    assert region_for("977") == "Collectivités d'outre-mer"
    assert region_for("93") == "Île-de-France"
