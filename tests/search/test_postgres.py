"""French-aware matching on PostgreSQL: the fr_unaccent configuration (unaccent + French
stemming) made by search's migration and used by the database backend."""

import pytest

from django.db import connection

from tests.search.helpers import suggestion_titles, titles

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_migration_created_the_configurations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('fr_unaccent', 'Les événements des écoles')::text")
        assert cursor.fetchone()[0] == "'ecol':4 'even':2 'le':1"  # PostgreSQL's French list keeps 'les'
        cursor.execute("SELECT to_tsvector('simple_unaccent', 'Événements')::text")
        assert cursor.fetchone()[0] == "'evenements':1"


def test_the_index_uses_the_french_configuration():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert backend.config == "fr_unaccent"
    assert backend.autocomplete_config == "simple_unaccent"


def test_plural_finds_singular_and_verb_finds_noun(client, make_kit):
    make_kit("Grande collecte de jouets", "Une collecte avant Noël.")
    assert "Grande collecte de jouets" in titles(client, "/recherche/?q=collectes")
    assert "Grande collecte de jouets" in titles(client, "/recherche/?q=collecter")


def test_accents_are_folded_both_ways(client, make_kit):
    make_kit("Kit fête du quartier", "Un événement festif pour les écoliers.")
    assert titles(client, "/recherche/?q=evenement") == ["Kit fête du quartier"]
    assert titles(client, "/recherche/?q=EVENEMENTS fete") == ["Kit fête du quartier"]
    make_kit("Kit sans accent", "Un evenement ecrit sans accents.")
    assert sorted(titles(client, "/recherche/?q=événement")) == ["Kit fête du quartier", "Kit sans accent"]


def test_highlight_matches_what_the_database_matched(client, make_kit):
    make_kit("Kit kermesse", "Les événements de la kermesse.")
    html = client.get("/recherche/?q=evenement").content.decode()
    assert "<mark>événements</mark>" in html


def test_autocomplete_folds_accents(client, make_kit):
    make_kit("Événement solidaire de printemps")
    assert "Événement solidaire de printemps" in suggestion_titles(client, "/recherche/suggestions/?q=eve")
    assert "Événement solidaire de printemps" in suggestion_titles(client, "/recherche/suggestions/?q=evenement sol")


def test_the_volunteer_and_the_referent_find_what_they_look_for(client, hygiene_kit):
    assert "Collecte de produits d'hygiène" in titles(client, "/recherche/?q=collecte école")[:3]
    english = titles(client, "/en/recherche/?q=collections")
    assert "Hygiene product collection" in english  # French stemming still strips the English plural
