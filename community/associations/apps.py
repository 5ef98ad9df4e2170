from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    """The network's associations and their directory."""

    name = "community.associations"
    label = "community_associations"
    verbose_name = _("Associations")
