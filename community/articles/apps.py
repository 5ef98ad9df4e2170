from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """Resources: Petit Déj recaps and guides."""

    name = "community.articles"
    label = "community_articles"
    verbose_name = _("Resources")

    def ready(self):
        from community.articles.search import ARTICLE_SEARCH
        from core.search_types import register_search_type

        register_search_type(ARTICLE_SEARCH, order=40)
