"""The sections of the member area (/compte/), in order. Other apps add theirs from
their `AppConfig.ready()` without touching community:

    from community.members.member_area import register_section

    register_section("events/member_area/registrations.html", order=30,
                     context=lambda request: {"registrations": ...})

Each section template is included with the page's context (request, user, profile,
is_network_member) plus what `context(request)` returns. It renders its own
<section> with an <h2>."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    template_name: str
    order: int = 100
    context: Callable | None = field(default=None, compare=False)


_sections: dict[str, Section] = {}


def register_section(template_name, order=100, context=None):
    """Add (or replace) a section of the member area."""
    _sections[template_name] = Section(template_name, order, context)


def get_sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.template_name))


def render_sections(request):
    """[(template_name, extra_context)] for the member area template."""
    return [(section.template_name, section.context(request) if section.context else {}) for section in get_sections()]
