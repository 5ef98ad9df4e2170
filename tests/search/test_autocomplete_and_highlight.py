"""The autocomplete endpoint (JSON, titles of visible pages in the visitor's language),
the header search box markup, and our own highlighting."""

import pytest

from search.highlight import highlight, query_stems, snippet
from tests.search.helpers import suggestion_titles


@pytest.mark.django_db
def test_suggestions_are_json_titles_with_links_and_types(client, hygiene_kit):
    response = client.get("/recherche/suggestions/?q=coll")
    data = response.json()
    assert response.status_code == 200
    assert {"title": "Collecte de produits d'hygiène", "url": "/kits/collecte-produits-hygiene/", "type": "Kit"} in (
        data["results"]
    )


@pytest.mark.django_db
def test_suggestions_need_two_characters_and_are_capped(client, make_kit):
    assert suggestion_titles(client, "/recherche/suggestions/?q=c") == []
    assert suggestion_titles(client, "/recherche/suggestions/?q=") == []
    for number in range(12):
        make_kit(f"Kit wombat {number}")
    assert len(suggestion_titles(client, "/recherche/suggestions/?q=wom")) == 8


@pytest.mark.django_db
def test_the_header_search_box_is_a_plain_form_enhanced_by_a_static_script(client):
    for path, action in (("/", "/recherche/"), ("/en/", "/en/recherche/")):
        html = client.get(path).content.decode()
        assert '<form class="header-search" role="search"' in html
        assert f'method="get" action="{action}"' in html
        assert 'name="q"' in html and 'maxlength="200"' in html
        assert 'src="/static/search/autocomplete.js" defer' in html
        assert "<script>" not in html.split('class="header-search"')[1].split("</form>")[0]


def test_highlight_escapes_then_marks_accents_and_stems():
    stems = query_stems("collectes evenement")
    assert highlight("Une collecte, un Événement <b>!</b>", stems) == (
        "Une <mark>collecte</mark>, un <mark>Événement</mark> &lt;b&gt;!&lt;/b&gt;"
    )


def test_highlight_ignores_stop_words_and_user_html():
    stems = query_stems("<script>la</script> école")
    assert "script" in stems  # a word like any other, escaped when shown
    assert highlight("La classe de l'école", stems) == "La classe de l&#x27;<mark>école</mark>"


def test_snippet_is_cut_around_the_first_match():
    text = ("mot " * 100) + "le défibrillateur le plus proche " + ("fin " * 100)
    excerpt = snippet(["Un résumé sans rapport.", text], query_stems("défibrillateurs"))
    assert "<mark>défibrillateur</mark>" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) < 300


def test_snippet_without_match_starts_with_the_summary():
    assert snippet(["Le résumé.", "Le corps."], query_stems("absent")) == "Le résumé."
