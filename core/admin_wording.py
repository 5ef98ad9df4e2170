"""Words of the admin that the libraries leave in English or garble in French, corrected
where the project can: the French of our catalogue wins over a library's for the same msgid
(docs/translations.md). Imported by the settings, so Django only."""

from django.utils.translation import gettext_noop, pgettext_lazy

# The names Wagtail and wagtail-localize give the content languages in the admin ("Publier
# en anglais", "français → anglais"). The site's own language menu keeps settings.LANGUAGES,
# each language in its own name.
CONTENT_LANGUAGES = [
    ("fr", pgettext_lazy("content language", "French")),
    ("en", pgettext_lazy("content language", "English")),
]

# wagtail-localize writes these dates with strftime, so in English whatever the admin's
# language ("Traduit manuellement le 1 December 2026"): the French leaves the date out,
# with `{date:.0}` (the date cut to no characters; msgfmt wants every placeholder kept).
LIBRARY_MSGIDS = [
    # xgettext:no-python-brace-format
    gettext_noop("Translated manually on {date}"),
    # xgettext:no-python-brace-format
    gettext_noop("Translated with {tool_name} on {date}"),
    # xgettext:no-python-brace-format
    gettext_noop("Machine translated on {date}"),
]
