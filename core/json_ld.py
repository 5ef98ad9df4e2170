"""Structured data for search engines, written once: a <script type="application/ld+json">
with json_script's escaping, so no "</script>" or HTML in the data can break out of it."""

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe


def script(data):
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
