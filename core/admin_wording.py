"""The content languages as the admin names them, in the admin's language, and the library
words our catalogue corrects. Imported by the settings: lazy translations only
(`gettext_noop` and the like read the settings at once, and a failing settings import
would then be half-configured — docs/traps.md)."""

from django.utils.translation import gettext_lazy, pgettext_lazy

# The names Wagtail and wagtail-localize give the content languages in the admin ("Publier
# en anglais", "français → anglais"). The site's own language menu keeps settings.LANGUAGES,
# each language in its own name.
CONTENT_LANGUAGES = [
    ("fr", pgettext_lazy("content language", "French")),
    ("en", pgettext_lazy("content language", "English")),
]

# Library words our catalogue (core/locale) corrects, listed so that makemessages keeps them:
# Wagtail's inline panels read "Ajouter un(e) Support"; ours "Ajouter : Support".
LIBRARY_WORDING = [gettext_lazy("Add %(label)s")]
