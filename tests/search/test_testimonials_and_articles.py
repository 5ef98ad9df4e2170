"""Testimonials (approved only, in both languages) and articles in the site search; an
association result leads to its page in the directory."""

import pytest

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage
from community.associations.factories import AssociationFactory
from community.testimonials.models import Testimonial as Story
from home.localization import translate
from tests.community.testimonial_helpers import make_testimonial
from tests.search.helpers import results, suggestion_titles

pytestmark = pytest.mark.django_db


def test_only_approved_testimonials_are_found_in_both_languages(client):
    approved = make_testimonial(title="Course des ornithorynques", story="Une course ornithorynque joyeuse.")
    make_testimonial(title="Ornithorynque en attente", status=Story.Status.PENDING)
    rejected = make_testimonial(title="Ornithorynque écarté", story="ornithorynque")
    rejected.status = Story.Status.REJECTED
    rejected.save()
    found = results(client, "/recherche/?q=ornithorynque")
    assert [(kind, title) for kind, title, _url, _promoted in found] == [("Action locale", approved.title)]
    assert found[0][2] == f"/actions-locales/{approved.pk}/"
    english = results(client, "/en/recherche/?q=ornithorynque")
    assert [(kind, url) for kind, _title, url, _promoted in english] == [
        ("Local action", f"/en/local-actions/{approved.pk}/")
    ]
    assert "Ornithorynque en attente" not in suggestion_titles(client, "/recherche/suggestions/?q=ornithor")
    approved.status = Story.Status.REJECTED
    approved.save()
    assert results(client, "/recherche/?q=ornithorynque") == []


def test_articles_are_found_in_the_visitors_language(client):
    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    article = ArticlePageFactory(parent=index, title="Ce que nous avons appris des kits")
    article.save_revision().publish()
    translate(article, "en", {article.title: "What we learnt about kits", article.slug: "what-we-learnt-about-kits"})
    found = results(client, "/recherche/?q=kits&type=article")
    assert found and all(kind == "Article" for kind, *_ in found)
    assert all(url.startswith("/ressources/") for _kind, _title, url, _promoted in found)
    english = results(client, "/en/recherche/?q=kits&type=article")
    assert english and all(url.startswith("/en/resources/") for _kind, _title, url, _promoted in english)
    assert [title for _kind, title, *_ in found] == ["Ce que nous avons appris des kits"]
    assert [title for _kind, title, *_ in english] == ["What we learnt about kits"]


def test_an_association_result_leads_to_its_page(client):
    AssociationFactory(name="Les Pangolins solidaires", slug="pangolins-solidaires")
    found = results(client, "/recherche/?q=pangolins")
    assert ("Association", "Les Pangolins solidaires", "/associations/pangolins-solidaires/", False) in found


def test_the_language_switcher_keeps_the_search(client):
    html = client.get("/recherche/?q=collecte&type=kit").content.decode()
    assert 'href="/en/recherche/?q=collecte&amp;type=kit" lang="en"' in html
