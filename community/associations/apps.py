from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    """The network's associations and their directory."""

    name = "community.associations"
    label = "community_associations"
    verbose_name = _("Associations")

    def ready(self):
        from community.associations.search import ASSOCIATION_SEARCH
        from community.associations.sitemap import association_addresses
        from core.search_types import register_search_type
        from core.sitemap_sources import register_sitemap_source

        register_search_type(ASSOCIATION_SEARCH, order=30)
        register_sitemap_source(association_addresses)
