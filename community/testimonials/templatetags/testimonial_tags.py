"""Approved testimonials shown elsewhere: the home page's three latest and the kit page's
"Ils l'ont fait". A fixed number of queries whatever the number of testimonials."""

from django import template
from django.utils.translation import get_language

from community.testimonials.listing import localized_kits
from community.testimonials.models import Testimonial, TestimonialIndexPage
from core.fragment_cache import cached_fragment

register = template.Library()


def _wall(context):
    def walls():
        pages = TestimonialIndexPage.objects.live().select_related("locale")
        return {page.locale.language_code: page for page in pages}

    # Kept with the menu and footer: renewed whenever public content changes.
    request = context.get("request")
    by_language = cached_fragment(request, "testimonial-walls", walls) if request else walls()
    return by_language.get(get_language()) or by_language.get("fr")


def _cards(testimonials, locale):
    testimonials = list(testimonials)
    if locale is not None:
        kits = localized_kits(testimonials, locale)
        for testimonial in testimonials:
            testimonial.display_kit = kits.get(testimonial.kit_id)
    return testimonials


@register.simple_tag(takes_context=True)
def local_actions_url(context):
    """The local actions page in the visitor's language (for the home page's small map)."""
    wall = _wall(context)
    return wall.url if wall else ""


@register.inclusion_tag("community/testimonials/latest.html", takes_context=True)
def latest_testimonials(context, count=3):
    wall = _wall(context)
    testimonials = Testimonial.objects.for_listing(get_language(), ordering=("-moderated_at", "-pk"))[:count]
    return {
        "request": context.get("request"),
        "wall": wall,
        "testimonials": _cards(testimonials, wall.locale if wall else None) if wall else [],
    }


@register.inclusion_tag("community/testimonials/kit_section.html", takes_context=True)
def kit_testimonials(context, kit, count=3):
    """Approved testimonials of `kit` in any language (they attach to the source kit), those
    in the visitor's language first."""
    wall = _wall(context)
    queryset = Testimonial.objects.for_listing(get_language()).filter(kit__translation_key=kit.translation_key)
    testimonials = list(queryset[: count + 1])
    return {
        "request": context.get("request"),
        "wall": wall,
        "kit": kit,
        "source_kit_id": testimonials[0].kit_id if testimonials else None,
        "share_kit_id": kit.source_kit().pk,
        "testimonials": _cards(testimonials[:count], wall.locale if wall else None) if wall else [],
        "more": len(testimonials) > count,
    }


@register.inclusion_tag("community/testimonials/association_section.html", takes_context=True)
def association_testimonials(context, association, count=6):
    """The association's approved testimonials, newest first, and how many there are."""
    wall = _wall(context)
    queryset = Testimonial.objects.for_listing(get_language()).filter(association=association)
    return {
        "request": context.get("request"),
        "wall": wall,
        "total": queryset.count(),
        "testimonials": _cards(queryset[:count], wall.locale if wall else None) if wall else [],
    }
