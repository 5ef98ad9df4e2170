"""/ressources/: articles with their category filter, pagination, reading time, related
kits and event, and the recap link from the event page."""

import pytest

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage, ArticlePage, reading_minutes
from home.factories import paragraph, stream
from tests.community.conftest import RECAP_URL, RECAP_URL_EN

pytestmark = pytest.mark.django_db


def words(count):
    return " ".join(["mot"] * count)


@pytest.mark.parametrize(("count", "minutes"), [(0, 1), (150, 1), (200, 1), (201, 2), (1000, 5), (1001, 6)])
def test_reading_time_counts_words_at_200_a_minute(count, minutes):
    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    article = ArticlePageFactory(parent=index, body=stream(paragraph(words(count))) if count else "[]")
    assert reading_minutes(article.body) == minutes
    assert ArticlePage.objects.get(pk=article.pk).reading_time == minutes


def test_reading_time_is_shown_and_follows_edits(client):
    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    article = ArticlePageFactory(parent=index, title="Lecture longue", body=stream(paragraph(words(650))))
    assert "4 min" in client.get(article.url).content.decode()
    article.body = stream(paragraph(words(90)))
    article.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).reading_time == 1


def test_recap_in_both_languages_with_related_content(client, recap, recap_event):
    html = client.get(RECAP_URL).content.decode()
    assert "Petit Déj interassociatif" in html
    assert "Claire Témoin" in html
    assert f'href="{recap_event.url}"' in html and recap_event.url.startswith("/evenements/")
    assert 'href="/kits/kit-du-compte-rendu/"' in html
    english = client.get(RECAP_URL_EN)
    assert english.status_code == 200
    text = english.content.decode()
    assert "What exactly is a kit?" in text
    assert 'href="/en/events/petit-dej-kits/"' in text  # the related event in English
    assert 'href="/en/kits/recap-kit/"' in text


def test_event_recap_links_to_its_article_in_each_language(client, recap, recap_event):
    html = client.get(recap_event.url).content.decode()
    assert f'href="{RECAP_URL}"' in html
    english = client.get("/en/events/").content.decode()
    assert english  # index renders
    from events.models import EventPage

    event_en = EventPage.objects.get(slug__isnull=False, locale__language_code="en", recap_article__isnull=False)
    html = client.get(event_en.url).content.decode()
    assert f'href="{RECAP_URL_EN}"' in html


def test_category_filter_and_pagination_with_constant_queries(client, recap, django_assert_max_num_queries):
    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    for n in range(30):
        ArticlePageFactory(
            parent=index, title=f"Guide en série {n:02d}", category="news", body=stream(paragraph("Texte."))
        )
    with django_assert_max_num_queries(25):
        response = client.get("/ressources/?category=news")
    html = response.content.decode()
    assert html.count('class="card article-card"') == 12
    assert recap.title not in html  # another category
    assert 'href="?category=news&amp;page=2"' in html or "page=2" in html
    page3 = client.get("/ressources/?category=news&page=3").content.decode()
    assert page3.count('class="card article-card"') == 6
    assert client.get("/ressources/?category=bogus").status_code == 200


class TestArticlePageTree:
    def test_articles_live_under_the_resources_index_only(self):
        assert ArticlePage.parent_page_types == ["community.ArticleIndexPage"]
        assert ArticleIndexPage.subpage_types == ["community.ArticlePage"]
        assert ArticlePage.can_create_at(ArticleIndexPage.objects.get(locale__language_code="fr"))


def test_editor_creates_an_article_in_the_admin(admin_client):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    data = nested_form_data(
        {
            "title": "Guide créé dans l'admin",
            "slug": "guide-cree-dans-l-admin",
            "introduction": "Intro.",
            "category": "guide",
            "date": "2026-11-01",
            "author_name": "Zoé",
            "body": streamfield([("paragraph", rich_text("<p>" + " ".join(["mot"] * 450) + "</p>"))]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/community/articlepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="guide-cree-dans-l-admin")
    assert article.live and article.reading_time == 3


def test_empty_category_shows_an_empty_state(client):
    html = client.get("/ressources/?category=news").content.decode()
    assert "empty-state" in html
    assert "Aucun article dans cette catégorie" in html
