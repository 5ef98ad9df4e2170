"""Factories for home's pages and snippets: used by the tests and by the demo content."""

import json
import uuid

import factory
import wagtail_factories

from wagtail.models import Locale

from home.models import FooterText, HomePage, StandardPage


def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


# Raw StreamField blocks (home/blocks.py), so that factories and demo content write bodies
# as plain data.
def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}


def list_items(values):
    """ListBlock items in block format: wagtail-localize skips items stored as a plain list."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def callout(text, kind="tip", title=""):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def video(url, title, duration=""):
    return {"type": "video", "value": {"url": url, "title": title, "duration": duration}}


def stream(*blocks):
    return json.dumps(list(blocks))


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Agir pour une association, près de chez vous"
    hero_text = "Des kits prêts à l'emploi pour mener une action sur votre territoire."
    locale = factory.LazyFunction(french)

    class Meta:
        model = HomePage
        django_get_or_create = ["slug", "parent"]


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "Une page d'information."
    locale = factory.LazyFunction(french)

    class Meta:
        model = StandardPage
        django_get_or_create = ["slug", "parent"]


class FooterTextFactory(factory.django.DjangoModelFactory):
    body = "<p>Relais, le réseau des associations qui agissent ensemble.</p>"
    locale = factory.LazyFunction(french)

    class Meta:
        model = FooterText
