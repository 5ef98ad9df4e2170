"""The results page: what it finds, in which language, how it shows it (type, highlighted
summary, kit key facts), pagination, bad input, and a constant number of queries."""

import pytest

from community.associations.factories import AssociationFactory
from tests.search.helpers import results, titles

pytestmark = pytest.mark.django_db


def test_published_content_is_indexed(client, hygiene_kit):
    """A published kit went through the index tasks (immediate in tests)."""
    assert "Collecte de produits d'hygiène" in titles(client, "/recherche/?q=hygiène")


def test_a_volunteer_finds_the_kit_with_two_words(client, hygiene_kit):
    found = results(client, "/recherche/?q=collecte+école")
    assert ("Kit", "Collecte de produits d'hygiène") in [(kind, title) for kind, title, _url, _p in found]
    url = next(url for _kind, title, url, _p in found if title == "Collecte de produits d'hygiène")
    assert url == "/kits/collecte-produits-hygiene/" == hygiene_kit.url


def test_results_show_type_highlighted_summary_and_kit_key_facts(client, hygiene_kit):
    html = client.get("/recherche/?q=savons").content.decode()
    assert '<span class="tag">Kit</span>' in html
    assert "<mark>savons</mark>" in html  # the summary, highlighted by our own code
    assert "Grand public, Entreprises, Jeunes" in html  # audiences
    assert "8 h" in html  # duration
    assert "Santé, Solidarité" in html  # themes, in French


def test_highlight_folds_accents_and_case_in_titles(client, hygiene_kit):
    html = client.get("/recherche/?q=HYGIENE").content.decode()
    assert "<mark>hygiène</mark>" in html


def test_french_visitors_see_french_pages_only(client, hygiene_kit):
    found = titles(client, "/recherche/?q=hygiène")
    assert "Collecte de produits d'hygiène" in found
    assert "Hygiene product collection" not in found


def test_english_visitors_see_english_pages_only(client, hygiene_kit):
    found = results(client, "/en/recherche/?q=hygiene")
    assert any(title == "Hygiene product collection" and url.startswith("/en/kits/") for _k, title, url, _p in found)
    assert "Collecte de produits d'hygiène" not in [title for _k, title, _u, _p in found]
    html = client.get("/en/recherche/?q=hygiene").content.decode()
    assert "Audience" in html and "Public" not in html  # key facts in English


def test_a_kit_without_translation_is_not_found_in_english(client, poster_kit):
    # Testimonials mentioning posters are shown in both languages; the French kit is not.
    assert "Affiches de prévention" in titles(client, "/recherche/?q=Affiches&type=kit")
    assert titles(client, "/en/recherche/?q=Affiches&type=kit") == []


def test_associations_are_found_in_both_languages(client):
    association = AssociationFactory(name="Les Amis du Zébu", short_description="Nous protégeons les zébus.")
    for path in ("/recherche/?q=zébu", "/en/recherche/?q=zebu"):
        found = results(client, path)
        assert [(kind, title) for kind, title, _u, _p in found] == [("Association", association.name)]


def test_events_are_found_with_their_date(client, make_event):
    make_event("Petit Déj : la philatélie associative")
    html = client.get("/recherche/?q=philatélie").content.decode()
    assert '<span class="tag">Session</span>' in html
    assert "<time datetime=" in html


def test_ten_results_per_page_with_pagination(client, make_kit):
    for number in range(23):
        make_kit(f"Kit ornithorynque {number:02d}", "Le mot ornithorynque est rare.")
    first = titles(client, "/recherche/?q=ornithorynque")
    second = titles(client, "/recherche/?q=ornithorynque&page=2")
    third = titles(client, "/recherche/?q=ornithorynque&page=3")
    assert (len(first), len(second), len(third)) == (10, 10, 3)
    assert len(set(first + second + third)) == 23
    html = client.get("/recherche/?q=ornithorynque").content.decode()
    assert "23 résultats" in html
    assert 'rel="next"' in html and "page=2" in html
    assert titles(client, "/recherche/?q=ornithorynque&page=abc") == first  # bad page: the first


def test_a_very_long_query_is_cut_not_an_error(client):
    long_query = "collecte " + "x" * 500
    response = client.get("/recherche/", {"q": long_query})
    assert response.status_code == 200
    html = response.content.decode()
    # 200 characters in all, "collecte " included: 191 x are kept.
    assert "x" * 191 in html
    assert "x" * 192 not in html


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "collecte AND (",
        "NEAR(collecte école)",
        "col*",
        "a:b & c | !d <-> e",
        "\\",
        "%",
        "_",
    ],
)
def test_special_characters_and_sql_are_harmless(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert client.get("/recherche/suggestions/", {"q": query}).status_code == 200


def test_html_in_the_query_is_escaped(client):
    response = client.get("/recherche/", {"q": "<script>alert(1)</script> collecte"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; collecte" in html


def test_the_query_stays_in_the_search_field(client):
    html = client.get("/recherche/", {"q": 'collecte "école"'}).content.decode()
    assert 'value="collecte &quot;école&quot;"' in html


def test_french_association_text_is_marked_as_french_on_english_pages(client):
    AssociationFactory(name="Les Amis du Yak", short_description="Nous protégeons les yaks.")
    html = client.get("/en/recherche/?q=yak").content.decode()
    assert '<h3 class="search-result__title" lang="fr">' in html
    assert '<p class="search-result__summary" lang="fr">' in html
    assert 'lang="fr"' not in client.get("/recherche/?q=yak").content.decode().split("<main")[1]
