"""Facets: type with counts, kit theme and audience (combinable with the query and with
each other, as GET parameters), unknown values ignored, "remove" links."""

import re
from html import unescape

import pytest

from kits.choices import Audience
from kits.models import Theme
from tests.search.helpers import results, titles

pytestmark = pytest.mark.django_db


def facet_counts(client, url):
    """{label: count} of every facet link or selected facet on the page."""
    html = unescape(client.get(url).content.decode())
    return {
        label.strip(): int(count)
        for label, count in re.findall(
            r'class="search-facet[^"]*"[^>]*>([^<]+)<span class="search-facet__count">(\d+)</span>', html
        )
    }


@pytest.fixture
def grebe_content(make_kit, make_event):
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}
    make_kit("Kit grèbe santé élèves", "grèbe", themes=[themes["sante"]], audiences=[Audience.PUPILS])
    make_kit("Kit grèbe santé seniors", "grèbe", themes=[themes["sante"]], audiences=[Audience.SENIORS])
    make_kit("Kit grèbe sport élèves", "grèbe", themes=[themes["sport"]], audiences=[Audience.PUPILS])
    make_event("Session grèbe")


def test_type_counts(client, grebe_content):
    counts = facet_counts(client, "/recherche/?q=grèbe")
    assert counts["Tous"] == 4
    assert counts["Kits"] == 3
    assert counts["Sessions"] == 1
    assert counts["Associations"] == 0
    assert counts["Santé"] == 2 and counts["Sport"] == 1
    assert counts["Élèves"] == 2 and counts["Seniors"] == 1


def test_filter_by_type(client, grebe_content):
    assert [kind for kind, *_ in results(client, "/recherche/?q=grèbe&type=event")] == ["Session"]
    assert {kind for kind, *_ in results(client, "/recherche/?q=grèbe&type=kit")} == {"Kit"}


def test_theme_and_audience_combine_with_the_query_and_each_other(client, grebe_content):
    assert sorted(titles(client, "/recherche/?q=grèbe&theme=sante")) == [
        "Kit grèbe santé seniors",
        "Kit grèbe santé élèves",
    ]
    assert titles(client, "/recherche/?q=grèbe&theme=sante&audience=pupils") == ["Kit grèbe santé élèves"]
    counts = facet_counts(client, "/recherche/?q=grèbe&theme=sante")
    assert counts["Élèves"] == 1 and counts["Seniors"] == 1  # audiences among the health kits
    assert counts["Sport"] == 1  # themes still counted as alternatives


def test_unknown_facet_values_are_ignored(client, grebe_content):
    expected = sorted(titles(client, "/recherche/?q=grèbe"))
    for params in ("type=nope", "theme=nope", "audience=martians", "theme=<script>", "type=&theme=&audience="):
        assert sorted(titles(client, f"/recherche/?q=grèbe&{params}")) == expected, params


def test_english_theme_slugs(client, grebe_content, hygiene_kit):
    # The French kits are not translated: nothing in English, and a French slug is unknown there.
    assert titles(client, "/en/recherche/?q=grèbe&theme=health") == []
    assert titles(client, "/en/recherche/?q=hygiene&theme=health") == ["Hygiene product collection"]


def test_no_result_with_facets_offers_to_remove_them(client, grebe_content):
    html = unescape(client.get("/recherche/?q=grèbe&theme=sport&audience=seniors").content.decode())
    assert "Aucun résultat" in html
    assert "Retirer « Public : Seniors »" in html
    assert "Retirer « Thème : Sport »" in html
    remove_links = re.findall(r'<a class="button button--secondary" href="([^"]+)">Retirer', html)
    assert "?q=gr%C3%A8be&type=kit&theme=sport" in remove_links
    assert titles(client, "/recherche/?q=gr%C3%A8be&type=kit&theme=sport") == ["Kit grèbe sport élèves"]


def test_kit_facets_are_not_offered_for_sessions(client, grebe_content):
    counts = facet_counts(client, "/recherche/?q=grèbe&type=event")
    assert "Santé" not in counts and "Élèves" not in counts
    assert counts["Sessions"] == 1
