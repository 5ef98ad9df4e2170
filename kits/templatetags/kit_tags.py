"""Kit template tags other apps use without importing kits: JSON-LD, an association's
kits for its page in the directory, and the kits the home page puts forward."""

import qrcode
from qrcode.image.svg import SvgPathImage

from django import template
from django.db.models import Prefetch
from django.utils.safestring import mark_safe

from wagtail.images import get_image_model

from core import json_ld
from core.i18n import by_translation_key, swap
from core.links import page_url
from kits.models import KitPage, Theme

register = template.Library()


@register.filter
def ld_json(data):
    return json_ld.script(data)


@register.simple_tag
def declaration_link(kit):
    """The printed kit's way back to the materials: the declaration page's address, short
    (no scheme) to type, and as a QR code (inline SVG, no request) to scan."""
    url = page_url(kit, kit.reverse_subpage("declare"))
    svg = qrcode.make(url, image_factory=SvgPathImage, box_size=10, border=2).to_string(encoding="unicode")
    return {"url": url, "short": url.split("://", 1)[-1], "qr": mark_safe(svg)}  # noqa: S308 (made here)


FEATURED_AT_LEAST = 3
CARD_RENDITIONS = ("format-webp|fill-480x360", "format-jpeg|fill-480x360")  # kit_card.html's


def _cards(kits, locale):
    """Kits ready for kit_card.html: association, cover and themes in `locale`, fetched at once."""
    kits = list(
        kits.select_related("association").prefetch_related(
            "themes", Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS))
        )
    )
    themes = by_translation_key(Theme.objects.filter(locale=locale))
    for kit in kits:
        kit.display_themes = swap(kit.themes.all(), themes)
    return kits


@register.simple_tag
def featured_kits(home):
    """The kits the editors chose on `home` (up to six, in their order, in the home page's
    language), completed up to three by the latest published ones. Six queries at most."""
    live = KitPage.objects.live().public().filter(locale=home.locale_id)
    keys = list(home.featured_kits.order_by("sort_order").values_list("page__translation_key", flat=True)[:6])
    chosen = {kit.translation_key: kit for kit in _cards(live.filter(translation_key__in=keys), home.locale_id)}
    kits = [chosen[key] for key in keys if key in chosen]
    if len(kits) < FEATURED_AT_LEAST:
        latest = live.exclude(translation_key__in=keys).order_by("-first_published_at", "-pk")
        kits += _cards(latest[: FEATURED_AT_LEAST - len(kits)], home.locale_id)
    return kits


@register.simple_tag
def association_kits(association, locale):
    """The live kits of an association in `locale`, with their cover and themes in that
    language (the association's page in the directory), in four queries."""
    kits = list(
        KitPage.objects.live()
        .public()
        .filter(association=association, locale=locale)
        .select_related("association")
        .prefetch_related(
            "themes", Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions("fill-480x360"))
        )
        .order_by("title")
    )
    themes = by_translation_key(Theme.objects.filter(locale=locale))
    for kit in kits:
        kit.display_themes = swap(kit.themes.all(), themes)
    return kits
