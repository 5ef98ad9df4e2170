import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def ld_json(data):
    """A <script type="application/ld+json"> with the same escaping as json_script:
    no "</script>" or HTML in the data can break out of the element."""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
