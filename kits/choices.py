"""The fixed vocabularies of a kit: audiences, formats, difficulty, cost, duration bands.
Codes are stored and used in URLs (`?audience=pupils`); labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    PUPILS = "pupils", _("Pupils")
    YOUNG_PEOPLE = "young-people", _("Young people")
    FAMILIES = "families", _("Families")
    COMPANIES = "companies", _("Companies")
    GENERAL_PUBLIC = "general-public", _("General public")
    SENIORS = "seniors", _("Seniors")
    DISABILITIES = "disabilities", _("People with disabilities")


class Format(models.TextChoices):
    # A context: Wagtail's "Collection" (of images and documents) is not a "Collecte".
    COLLECTION = "collection", pgettext_lazy("kit format", "Collection")
    SPORTS_EVENT = "sports-event", _("Sports event")
    AWARENESS_STAND = "awareness-stand", _("Awareness stand")
    WORKSHOP = "workshop", _("Workshop")
    ONLINE = "online", _("Online action")
    FUNDRAISING = "fundraising", _("Fundraising event")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MEDIUM = "medium", _("Medium")
    DEMANDING = "demanding", _("Demanding")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Under €50")
    MEDIUM = "medium", _("€50 to €200")
    HIGH = "high", _("Over €200")


class MaterialKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    POSTER = "poster", _("Poster")
    TEMPLATE = "template", _("Template")
    CHECKLIST = "checklist", _("Checklist")
    SOCIAL_MEDIA = "social-media", _("Social-media visual")
    OTHER = "other", _("Other")


class MaterialLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    MULTILINGUAL = "mul", _("Several languages")


# Duration bands of the action itself, in minutes: (code, label, lower bound excluded, upper bound included).
DURATION_BANDS = [
    ("short", _("Up to 2 hours"), 0, 120),
    ("half-day", _("Half a day"), 120, 240),
    ("day", _("A day"), 240, 480),
    ("long", _("More than a day"), 480, None),
]


def duration_band_choices():
    return [(code, label) for code, label, _low, _high in DURATION_BANDS]
