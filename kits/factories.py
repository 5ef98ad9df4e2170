"""Factories for kits: used by the tests and by the demo content (one source)."""

import datetime

import factory
import wagtail_factories

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from home.factories import french, heading, list_items, stream
from kits.choices import Audience
from kits.documents import kits_collection, make_pdf
from kits.models import ActionDeclaration, KitDownload, KitMaterial, KitPage, PrivateDocument, Theme


def step(title, text, duration=""):
    return {"type": "step", "value": {"title": title, "text": f"<p>{text}</p>", "duration": duration}}


def checklist(title, items):
    return {"type": "checklist", "value": {"title": title, "items": list_items(items)}}


def faq(questions, title="Questions fréquentes"):
    return {
        "type": "faq",
        "value": {
            "title": title,
            "questions": list_items({"question": q, "answer": f"<p>{a}</p>"} for q, a in questions),
        },
    }


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    locale = factory.LazyFunction(french)

    class Meta:
        model = Theme
        django_get_or_create = ["slug", "locale"]


class KitDocumentFactory(wagtail_factories.DocumentFactory):
    """A real small PDF in the private Kits collection."""

    title = factory.Sequence(lambda n: f"Guide {n}")
    collection = factory.LazyFunction(kits_collection)
    file = factory.LazyAttribute(
        lambda obj: ContentFile(make_pdf(obj.title, ["Relais"]), name=f"{slugify(obj.title) or 'document'}.pdf")
    )

    class Meta:
        model = PrivateDocument
        skip_postgeneration_save = True

    @factory.post_generation
    def file_metadata(obj, create, extracted, **kwargs):
        """Size and hash, as the admin's upload form records them."""
        if create:
            obj._set_document_file_metadata()
            obj.save(update_fields=["file_size", "file_hash"])


class KitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kit {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Un kit pour agir près de chez vous, avec un public que vous connaissez."
    audiences = factory.LazyFunction(lambda: [Audience.GENERAL_PUBLIC])
    locale = factory.LazyFunction(french)
    body = factory.LazyFunction(
        lambda: stream(
            heading("Le déroulé"),
            step("Préparer", "Réunissez une petite équipe et fixez la date.", "2 semaines avant"),
            step("Agir", "Accueillez le public et expliquez la cause.", "2 h"),
            step("Remercier", "Envoyez le bilan aux participants et à l'association.", "1 semaine après"),
            faq([("Faut-il une assurance ?", "Celle de l'association couvre les bénévoles déclarés.")]),
        )
    )

    class Meta:
        model = KitPage
        skip_postgeneration_save = True

    class Params:
        too_short = factory.Trait(body=factory.LazyFunction(lambda: stream(step("Agir", "Allez-y."))))
        school = factory.Trait(school_setting=True, audiences=factory.LazyFunction(lambda: [Audience.PUPILS]))

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)
            obj.save()


class KitMaterialFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(KitPageFactory)
    document = factory.SubFactory(KitDocumentFactory)
    label = factory.Sequence(lambda n: f"Guide de l'action {n}")
    locale = factory.LazyAttribute(lambda obj: obj.page.locale)

    class Meta:
        model = KitMaterial


class ActionDeclarationFactory(factory.django.DjangoModelFactory):
    """A declared action, as the "Je me lance" form creates it (kit: the source-language kit)."""

    kit = factory.SubFactory(KitPageFactory)
    name = factory.Sequence(lambda n: f"Bénévole {n}")
    email = factory.Sequence(lambda n: f"benevole{n}@example.org")
    territory = "75"
    planned_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    audience = Audience.GENERAL_PUBLIC
    expected_participants = 30
    consent_at = factory.LazyFunction(timezone.now)
    language = "fr"
    created_at = factory.LazyFunction(timezone.now)
    links_sent_at = factory.SelfAttribute("created_at")
    last_contact_at = factory.SelfAttribute("created_at")

    class Meta:
        model = ActionDeclaration

    class Params:
        past = factory.Trait(
            planned_date=factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=20)),
            created_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60)),
        )


class KitDownloadFactory(factory.django.DjangoModelFactory):
    declaration = factory.SubFactory(ActionDeclarationFactory)
    material = factory.LazyAttribute(lambda obj: obj.declaration.kit.materials.first())
    downloaded_at = factory.LazyAttribute(lambda obj: obj.declaration.created_at + datetime.timedelta(minutes=5))

    class Meta:
        model = KitDownload
