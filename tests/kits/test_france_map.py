"""The local actions map: real outlines for every mainland département (Corsica's two
included), the overseas ones as insets, shaded by the stories the wall shows, each
département a link whose name gives both figures; the data is small and licensed."""

import re
from html import unescape

import pytest

from core.territories import DEPARTEMENTS
from kits import france_map
from kits.factories import ActionDeclarationFactory
from tests.community.testimonial_helpers import WALL_URL, make_testimonial

pytestmark = pytest.mark.django_db


def test_every_departement_has_a_place_on_the_map():
    drawn = set(france_map.outlines()) | {code for code, _x, _y in france_map.insets()}
    assert {"2A", "2B", "75", "971", "976"} <= drawn
    assert set(DEPARTEMENTS) <= drawn, set(DEPARTEMENTS) - drawn
    assert france_map.DATA.stat().st_size < 150_000
    assert (france_map.DATA.parent / "LICENSE-france-departements.md").exists()


def test_the_wall_map_counts_the_stories_it_shows_and_the_declarations(client):
    make_testimonial(territory="13", postcode="13001")
    make_testimonial(territory="13", postcode="13002")
    make_testimonial(territory="69", postcode="69001", status="pending")  # not shown: not counted
    ActionDeclarationFactory(postcode="69003", territory="69")
    html = unescape(client.get(WALL_URL).content.decode())
    assert "Actions locales par département" in html
    labels = dict(re.findall(r'<a href="[^"]*" aria-label="([^"]+)" data-departement="([^"]+)">', html)[::1])
    by_code = {code: label for label, code in labels.items()}
    assert by_code["13"] == "Bouches-du-Rhône (13) : 2 actions racontées, 0 déclarée"
    assert by_code["69"] == "Rhône (69) : 0 action racontée, 1 déclarée"
    assert by_code["2A"].startswith("Corse-du-Sud (2A)")
    assert 'href="/actions-locales/?departement=971"' in html
    table = html.split("data-actions-table")[1]
    assert re.search(r"Bouches-du-Rhône \(13\)</a></th><td>2</td><td>0</td>", table)
    assert re.search(r"Rhône \(69\)</a></th><td>0</td><td>1</td>", table)


def test_a_chosen_departement_says_both_figures(client):
    make_testimonial(territory="29", postcode="29200")
    html = unescape(client.get(WALL_URL + "?departement=29").content.decode())
    card = html.split("data-selected-departement")[1].split("</div>")[0]
    assert "Finistère (29)" in card and "1 action racontée ici" in card and "0 action déclarée ici" in card
