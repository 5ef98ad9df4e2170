"""An empty query shows popular kits and the next session; a query that finds nothing
suggests a spelling; the results page runs a constant number of queries."""

from datetime import timedelta

import pytest

from django.utils import timezone

from kits.factories import ActionDeclarationFactory
from tests.search.helpers import titles

pytestmark = pytest.mark.django_db


def test_empty_query_shows_popular_kits_and_the_next_session(client, make_kit, make_event, hygiene_kit):
    hygiene = hygiene_kit
    stand = make_kit("Stand de sécurité routière")
    for _ in range(2):
        ActionDeclarationFactory(kit=hygiene)
    for _ in range(5):
        ActionDeclarationFactory(kit=stand)
    soon = make_event("Petit Déj très prochain", start=timezone.now() + timedelta(hours=2))
    html = client.get("/recherche/").content.decode()
    assert "Kits les plus utilisés" in html
    popular = html[html.index("Kits les plus utilisés") : html.index("Prochaine session")]
    assert popular.index(stand.title) < popular.index("hygi")  # 5 declarations before 2
    assert hygiene.title.replace("'", "&#x27;") in popular
    assert soon.title in html[html.index("Prochaine session") :]


def test_empty_query_in_english_shows_english_kits(client, hygiene_kit):
    ActionDeclarationFactory(kit=hygiene_kit)
    html = client.get("/en/recherche/").content.decode()
    assert "Popular kits" in html
    assert "Hygiene product collection" in html
    assert "Collecte de produits" not in html


def test_a_misspelt_query_gets_a_suggestion(client, hygiene_kit):
    html = client.get("/recherche/?q=colecte").content.decode()
    assert "Vouliez-vous dire" in html
    assert 'href="?q=collecte">collecte</a>' in html
    assert titles(client, "/recherche/?q=collecte")  # and the suggestion finds something


def test_suggestions_never_come_from_hidden_pages(client, make_kit):
    make_kit("Kit Zanzibar", publish=False, live=False)
    html = client.get("/recherche/?q=zanzibor").content.decode()
    assert "Vouliez-vous dire" not in html


def test_results_page_query_count_does_not_grow(client, make_kit, make_event, django_assert_max_num_queries):
    from community.associations.factories import AssociationFactory
    from kits.models import Theme

    themes = list(Theme.objects.filter(locale__language_code="fr"))

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get("/recherche/?q=okapi").status_code == 200
        return len(captured)

    make_kit("Kit okapi 0", "okapi", themes=themes[:2])
    make_event("Session okapi 0")
    count_queries()  # warm-up: the promotions' query row, the site's root paths
    few = count_queries()
    for number in range(1, 31):
        make_kit(f"Kit okapi {number}", "okapi", themes=themes[:3])
        make_event(f"Session okapi {number}")
        AssociationFactory(name=f"Okapi {number}", short_description="okapi")
    count_queries()  # warm-up again: new pages renewed the cached menu and footer
    many = count_queries()
    assert many <= few + 1, (few, many)  # +1: the associations' directory, now on the page
    assert many <= 30
    with django_assert_max_num_queries(30):
        client.get("/recherche/?q=okapi&page=2")
    with django_assert_max_num_queries(30):
        client.get("/recherche/?q=okapi&type=kit&theme=" + themes[0].slug)


def test_the_spelling_vocabulary_forgets_unpublished_and_private_pages(client, make_kit):
    from wagtail.models import PageViewRestriction

    kit = make_kit("Kit kangourou")
    assert 'href="?q=kangourou"' in client.get("/recherche/?q=kangorou").content.decode()  # cached now
    kit.unpublish()
    assert "Vouliez-vous dire" not in client.get("/recherche/?q=kangorou").content.decode()
    kit.save_revision().publish()
    assert 'href="?q=kangourou"' in client.get("/recherche/?q=kangorou").content.decode()
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.LOGIN)
    assert "Vouliez-vous dire" not in client.get("/recherche/?q=kangorou").content.decode()
