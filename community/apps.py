from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """The community's database label and translations. Its five concerns are apps of
    their own (community.associations, .members, .testimonials, .articles, .comments)
    whose models keep the label "community", so their tables, permissions and
    migrations stay where they were (docs/decisions/0006-community-apps-one-database-label.md)."""

    name = "community"
    verbose_name = _("Community")
