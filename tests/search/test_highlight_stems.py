"""Highlighting agrees with the stemmer: on PostgreSQL the database marks the words itself
(ts_headline, the search's own configuration, one query per results page); on SQLite the
Python marker compares stems, so "car" marks "cars" but not "carte"."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.headline import Highlighter, database_config
from search.highlight import MARK_END, MARK_START, highlight, marked_snippet, query_stems, snippet

pytestmark = pytest.mark.django_db


def test_a_stem_is_not_a_prefix_car_does_not_mark_carte():
    stems = query_stems("car")
    assert highlight("Le car, les cars et la carte", stems) == "Le <mark>car</mark>, les <mark>cars</mark> et la carte"
    assert highlight("Des cartes, une carterie", query_stems("carte")) == "Des <mark>cartes</mark>, une carterie"


def test_the_python_marker_still_folds_accents_and_endings():
    stems = query_stems("collectes evenement ecoles")
    assert highlight("Collecter pour l'École ; un événement", stems) == (
        "<mark>Collecter</mark> pour l&#x27;<mark>École</mark> ; un <mark>événement</mark>"
    )


def test_a_text_never_brings_its_own_marks():
    stems = query_stems("collecte")
    assert highlight(f"{MARK_START}faux{MARK_END} collecte", stems) == "faux <mark>collecte</mark>"


def test_a_cut_snippet_keeps_only_whole_marks():
    text = f"{'mot ' * 100}{MARK_START}trouvé{MARK_END} {'fin ' * 100}{MARK_START}coupé{MARK_END}"
    excerpt = marked_snippet([text])
    assert excerpt.count("<mark>") == excerpt.count("</mark>") == 1
    assert snippet(["Sans rapport."], query_stems("carte")) == "Sans rapport."


def test_the_results_page_marks_car_not_carte(client, make_kit):
    """On either database: the Python marker on SQLite, ts_headline on PostgreSQL."""
    make_kit("Kit du car scolaire", "Le car part tôt. Une carte des arrêts.")
    html = client.get("/recherche/?q=car").content.decode()
    assert "<mark>car</mark>" in html and "<mark>carte</mark>" not in html


@pytest.mark.postgres
def test_on_postgresql_ts_headline_marks_with_the_search_configuration(client, make_kit):
    assert database_config() == "fr_unaccent"
    make_kit("Kit du car scolaire", "Le car part tôt. Une carte des arrêts.")
    make_kit("Collecte de cartables", "Des collectes dans les écoles.")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/recherche/?q=car").content.decode()
    assert "<mark>car</mark>" in html and "<mark>carte</mark>" not in html
    assert sum("ts_headline" in query["sql"] for query in queries.captured_queries) == 1  # the whole page at once
    marked = Highlighter("collectes écoles", "collectes écoles")
    assert marked.highlight("Une collecte à l'école, un cartable") == (
        "Une <mark>collecte</mark> à l&#x27;<mark>école</mark>, un cartable"
    )
    assert marked.highlight("<b>collecte</b>") == "&lt;b&gt;<mark>collecte</mark>&lt;/b&gt;"
