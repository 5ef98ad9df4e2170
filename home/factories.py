"""Factories for home's pages and snippets: used by the tests and by the demo content."""

import factory
import wagtail_factories

from wagtail.models import Locale

from .models import FooterText, HomePage, StandardPage


def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


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
