from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """Resources: Petit Déj recaps and guides."""

    name = "community.articles"
    label = "community_articles"
    verbose_name = _("Resources")
