"""Factories for the resources: used by the tests and by the demo content."""

import factory
import wagtail_factories

from django.utils.text import slugify

from wagtail.models import Locale

from community.articles.models import ArticlePage


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article under the resources index (`parent=`); body as stream JSON."""

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    introduction = "Ce que le réseau a appris."
    category = "guide"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))

    class Meta:
        model = ArticlePage
