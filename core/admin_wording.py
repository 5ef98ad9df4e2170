"""The content languages as the admin names them, in the admin's language. Imported by the
settings: lazy translations only (`gettext_noop` and the like read the settings at once,
and a failing settings import would then be half-configured — docs/traps.md)."""

from django.utils.translation import pgettext_lazy

# The names Wagtail and wagtail-localize give the content languages in the admin ("Publier
# en anglais", "français → anglais"). The site's own language menu keeps settings.LANGUAGES,
# each language in its own name.
CONTENT_LANGUAGES = [
    ("fr", pgettext_lazy("content language", "French")),
    ("en", pgettext_lazy("content language", "English")),
]
