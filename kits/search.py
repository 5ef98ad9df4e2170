"""Kits in the site search: their results, and the theme and audience facets.

Facets are GET parameters (`?theme=sante&audience=pupils`); unknown values are ignored.
Counts are computed in Python from the kit hits (their audiences are loaded with the hit,
their themes in one query), so each facet's counts take the other facet into account and
the page keeps a constant number of queries."""

from collections import Counter

from django.utils.translation import gettext_lazy as _

from core.i18n import by_translation_key, swap
from core.search_types import SearchType, live_pages, stream_texts
from kits.choices import Audience
from kits.models import KitPage, Theme


def themes_by_key(context):
    return context.once("kit-themes", lambda: by_translation_key(Theme.objects.filter(locale=context.locale)))


def fetch(pks, context):
    kits = KitPage.objects.filter(pk__in=pks).select_related("association").prefetch_related("themes")
    themes = themes_by_key(context)
    found = {}
    for kit in kits:
        kit.search_url = kit.get_url(context.request)
        kit.display_themes = swap(kit.themes.all(), themes)
        found[kit.pk] = kit
    return found


def texts(kit):
    return [kit.summary, *stream_texts(kit, "body")]


class KitFacets:
    names = ("theme", "audience")

    def __init__(self, params, context):
        self.locale = context.locale
        self.themes = sorted(themes_by_key(context).values(), key=lambda theme: theme.name)
        self.theme_key_by_slug = {theme.slug: theme.translation_key for theme in self.themes}
        self.audiences = list(Audience.choices)
        self.values = {}
        if params.get("theme") in self.theme_key_by_slug:
            self.values["theme"] = params["theme"]
        if params.get("audience") in dict(self.audiences):
            self.values["audience"] = params["audience"]
        self.theme_counts = Counter()
        self.audience_counts = Counter()

    @property
    def active(self):
        return bool(self.values)

    def narrow(self, hits):
        """Keep the kits matching the selected facets; count each facet's values."""
        through = KitPage.themes.through
        keys_by_kit = {}
        if hits:
            # Every kit of the language, not `IN (hit ids)`: thousands of parameters cost
            # more to send than the rows of the kits that did not match.
            rows = through.objects.filter(kitpage__locale=self.locale).values_list(
                "kitpage_id", "theme__translation_key"
            )
            for kit_id, key in rows:
                keys_by_kit.setdefault(kit_id, set()).add(key)
        theme_key = self.theme_key_by_slug.get(self.values.get("theme"))
        audience = self.values.get("audience")
        kept = []
        for hit in hits:
            keys = keys_by_kit.get(hit.pk, set())
            audiences = set(hit.audiences or [])
            theme_ok = theme_key is None or theme_key in keys
            audience_ok = audience is None or audience in audiences
            if audience_ok:
                self.theme_counts.update(keys)
            if theme_ok:
                self.audience_counts.update(audiences)
            if theme_ok and audience_ok:
                kept.append(hit)
        return kept

    def groups(self):
        """For the template: each facet with its options (value, label, count, selected)."""
        return [
            {
                "name": "theme",
                "label": _("Theme"),
                "options": [
                    {
                        "value": theme.slug,
                        "label": theme.name,
                        "count": self.theme_counts.get(theme.translation_key, 0),
                        "selected": self.values.get("theme") == theme.slug,
                    }
                    for theme in self.themes
                ],
            },
            {
                "name": "audience",
                "label": _("Audience"),
                "options": [
                    {
                        "value": code,
                        "label": label,
                        "count": self.audience_counts.get(code, 0),
                        "selected": self.values.get("audience") == code,
                    }
                    for code, label in self.audiences
                ],
            },
        ]

    def active_labels(self):
        """(GET name, human label) of each selected facet, for the "remove" links."""
        labels = []
        for group in self.groups():
            for option in group["options"]:
                if option["selected"]:
                    text = _("%(facet)s: %(value)s") % {"facet": group["label"], "value": option["label"]}
                    labels.append((group["name"], text))
        return labels


KIT_SEARCH = SearchType(
    key="kit",
    label=_("Kits"),
    singular=_("Kit"),
    model="kits.KitPage",
    visible=live_pages("kits.KitPage"),
    fetch=fetch,
    texts=texts,
    template="kits/search_result.html",
    hit_fields=("pk", "audiences"),
    facets=KitFacets,
)
