"""An association's space at a glance: the admin dashboard panel association staff see
first (their kits and figures, pending stories, next hosted sessions).

The panel lives here, below the apps that own what it shows; each of them registers its
section from its `AppConfig.ready()` (this module names none of them):

    from community.associations.space import register_space_section

    register_space_section("kits/admin/space_kits.html", kits.association_space.context, order=10)

`context(request, scope)` gets the person's scope (a frozenset of association ids, never
None: the network's staff do not get the panel) and returns the section template's
context. It must run a constant number of queries whatever the number of associations,
kits or sessions. Each section template renders its own <section> with an <h3>."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from community.associations.staff import association_scope, scoped_associations


@dataclass(frozen=True)
class SpaceSection:
    template_name: str
    context: Callable = field(compare=False)
    order: int = 100


_sections: dict[str, SpaceSection] = {}


def register_space_section(template_name, context, order=100):
    """Add (or replace) a section of the association staff's dashboard panel."""
    _sections[template_name] = SpaceSection(template_name, context, order)


def space_sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.template_name))


class AssociationSpacePanel(Component):
    """The dashboard's first panel for association staff: their space, section by section."""

    name = "association_space"
    order = 10  # above Wagtail's panels and the network's (moderation is 50)
    template_name = "community/associations/admin/space_panel.html"

    class Media:
        css = {"all": ["community/associations/admin/space_panel.css"]}

    def __init__(self, request, scope):
        self.request = request
        self.scope = scope

    def get_context_data(self, parent_context=None):
        return {
            "heading": _("Your association's space"),
            "names": list(scoped_associations(self.request.user).values_list("name", flat=True)),
            "sections": [
                {"template_name": section.template_name, "data": section.context(self.request, self.scope)}
                for section in space_sections()
            ],
        }


def space_panel(request):
    """The panel for association staff, None for the network's staff (they have the network's panels)."""
    scope = association_scope(request.user)
    return None if scope is None else AssociationSpacePanel(request, scope)
