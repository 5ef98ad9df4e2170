"""The network's associations in the admin (a snippet: name, logo, territories…)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.associations.models import Association


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "website"]
    search_fields = ["name"]
    list_export = ["name", "website", "short_description"]


register_snippet(AssociationViewSet)
