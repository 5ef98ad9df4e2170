"""Articles (Petit Déj recaps and guides) in the site search."""

from django.utils.translation import gettext_lazy as _

from community.articles.models import ArticlePage
from core.search_types import SearchType, live_pages, stream_texts


def fetch(pks, context):
    found = {}
    for article in ArticlePage.objects.filter(pk__in=pks).select_related("author_association"):
        article.search_url = article.get_url(context.request)
        found[article.pk] = article
    return found


def texts(article):
    return [article.introduction, *stream_texts(article, "body")]


ARTICLE_SEARCH = SearchType(
    key="article",
    label=_("Articles"),
    singular=_("Article"),
    model="community.ArticlePage",
    visible=live_pages("community.ArticlePage"),
    fetch=fetch,
    texts=texts,
    template="community/articles/search_result.html",
)
