"""Kit template tags other apps use without importing kits: JSON-LD, and an
association's kits for its page in the directory."""

import json

from django import template
from django.db.models import Prefetch
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from wagtail.images import get_image_model

from core.i18n import by_translation_key, swap
from kits.models import KitPage, Theme

register = template.Library()


@register.filter
def ld_json(data):
    """A <script type="application/ld+json"> with the same escaping as json_script:
    no "</script>" or HTML in the data can break out of the element."""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


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
