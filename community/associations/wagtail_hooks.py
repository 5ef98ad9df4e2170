"""The network's associations in the admin (a snippet: name, logo, territories…).
Association staff list and edit their own association's entry, no other
(community.associations.staff); the network's staff see them all. Association staff's
dashboard opens on their space (community.associations.space)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from community.associations.models import Association
from community.associations.space import space_panel
from community.associations.staff import association_scope


def in_scope(user, association):
    scope = association_scope(user)
    return scope is None or association.pk in scope


class AssociationIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        scope = association_scope(self.request.user)
        return queryset if scope is None else queryset.filter(pk__in=scope)


class AssociationEditView(EditView):
    def get_object(self, queryset=None):
        association = super().get_object(queryset)
        if not in_scope(self.request.user, association):
            raise PermissionDenied
        return association


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "website"]
    search_fields = ["name"]
    list_export = ["name", "website", "short_description"]
    index_view_class = AssociationIndexView
    edit_view_class = AssociationEditView


register_snippet(AssociationViewSet)


@hooks.register("construct_homepage_panels")
def add_association_space_panel(request, panels):
    panel = space_panel(request)
    if panel is not None:
        panels.append(panel)
