"""Filters of the kit index, read from GET parameters. Unknown values are ignored
(a stale or hand-made link still shows kits); each filter narrows the others."""

from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import by_translation_key
from kits.choices import DURATION_BANDS, Audience, Difficulty, Format, duration_band_choices
from kits.models.themes import Theme

SCHOOL_CHOICES = [("yes", _("In schools only")), ("no", _("Outside schools only"))]


class KitFilters:
    """The filter form's fields (name, label, choices, selected value) and the queryset narrowing."""

    names = ["theme", "audience", "format", "duration", "difficulty", "school"]

    def __init__(self, params, *, locale):
        self.themes = list(Theme.objects.filter(locale=locale).order_by("name"))
        self.themes_by_key = by_translation_key(self.themes)
        self.fields = [
            ("theme", _("Theme"), [(theme.slug, theme.name) for theme in self.themes]),
            ("audience", _("Audience"), Audience.choices),
            ("format", _("Format"), Format.choices),
            ("duration", _("Duration"), duration_band_choices()),
            ("difficulty", _("Difficulty"), Difficulty.choices),
            ("school", _("School setting"), SCHOOL_CHOICES),
        ]
        self.values = {}
        for name, _label, choices in self.fields:
            value = params.get(name, "")
            if value in {code for code, _ in choices}:
                self.values[name] = value

    def __iter__(self):
        """For the template: one dict per field, with its selected value."""
        for name, label, choices in self.fields:
            yield {"name": name, "label": label, "choices": choices, "value": self.values.get(name, "")}

    @property
    def active(self):
        """Selected filters, each with the URL that removes it (for the empty state)."""
        result = []
        for name, label, choices in self.fields:
            if name in self.values:
                others = {key: value for key, value in self.values.items() if key != name}
                result.append(
                    {
                        "label": label,
                        "value": dict(choices)[self.values[name]],
                        "remove_query": "?" + urlencode(others) if others else "?",
                    }
                )
        return result

    def apply(self, kits):
        values = self.values
        if "theme" in values:
            theme = next(theme for theme in self.themes if theme.slug == values["theme"])
            kits = kits.filter(themes__translation_key=theme.translation_key)
        if "audience" in values:
            kits = kits.filter(audiences__contains=f",{values['audience']},")
        if "format" in values:
            kits = kits.filter(format=values["format"])
        if "duration" in values:
            low, high = next((low, high) for code, _l, low, high in DURATION_BANDS if code == values["duration"])
            condition = Q(action_duration__gt=low)
            if high is not None:
                condition &= Q(action_duration__lte=high)
            kits = kits.filter(condition)
        if "difficulty" in values:
            kits = kits.filter(difficulty=values["difficulty"])
        if "school" in values:
            kits = kits.filter(school_setting=values["school"] == "yes")
        return kits.distinct() if "theme" in values else kits
