"""The large data set of `make bench`: 300 kits, 100 events, 100,000 declarations,
5,000 approved testimonials and 2,000 articles, seeded once on top of the demo content.
Run by scripts/bench.py inside a configured Django; idempotent: each part
counts what exists and adds only what is missing."""

import random
from datetime import date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from django.db import connection, transaction

PARIS = ZoneInfo("Europe/Paris")
SIZES = {"kits": 300, "events": 100, "declarations": 100_000, "testimonials": 5_000, "articles": 2_000}
SLUG_PREFIX = "bench-"
STORY = "Nous avons suivi le kit pas à pas : une belle matinée, des rencontres, et l'envie de recommencer."


def log(message):
    print(f"  seed: {message}", flush=True)  # noqa: T201


def seed_kits(count):
    from kits.factories import KitPageFactory
    from kits.models import KitIndexPage, KitPage

    index = KitIndexPage.objects.get(locale__language_code="fr")
    existing = KitPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    for n in range(existing, count):
        kit = KitPageFactory(parent=index, title=f"Kit de référence n° {n}", slug=f"{SLUG_PREFIX}kit-{n}", live=False)
        kit.save_revision().publish()
    log(f"{count} kits ({count - existing} new)")


def seed_events(count):
    from events.factories import EventPageFactory
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get(locale__language_code="fr")
    existing = EventPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    for n in range(existing, count):
        event = EventPageFactory.build(
            title=f"Petit Déj de référence n° {n}", slug=f"{SLUG_PREFIX}event-{n}", live=False
        )
        index.add_child(instance=event)
        event.save_revision().publish()
    log(f"{count} events ({count - existing} new)")


def seed_declarations(count):
    from core.territories import DEPARTEMENTS
    from kits.models import ActionDeclaration, KitPage
    from kits.models.declarations import email_hash

    existing = ActionDeclaration.objects.count()
    if existing >= count:
        log(f"{existing} declarations (none new)")
        return
    rng = random.Random(13)  # noqa: S311 (reproducible data, not secrets)
    kit_ids = list(KitPage.objects.filter(locale__language_code="fr").values_list("pk", flat=True))
    codes = list(DEPARTEMENTS)
    start = date(2025, 1, 1)
    batch = []
    for n in range(existing, count):
        created = datetime.combine(start + timedelta(days=rng.randrange(690)), clock(12), tzinfo=PARIS)
        batch.append(
            ActionDeclaration(
                kit_id=kit_ids[n % len(kit_ids)],
                name="Bénévole de référence",
                email=f"bench{n}@example.org",
                email_hash=email_hash(f"bench{n % 40_000}@example.org"),
                territory=rng.choice(codes),
                planned_date=created.date() + timedelta(days=n % 90 + 1),
                audience="general-public",
                expected_participants=rng.randrange(5, 80),
                consent_at=created,
                created_at=created,
                last_contact_at=created,
                language="fr",
                status=rng.choice(["declared"] * 6 + ["reported", "cancelled"]),
            )
        )
    with transaction.atomic():
        ActionDeclaration.objects.bulk_create(batch, batch_size=5000)
    log(f"{count} declarations ({count - existing} new)")


def seed_testimonials(count):
    from community.testimonials.models import Testimonial
    from core.territories import DEPARTEMENTS
    from kits.models import KitPage

    existing = Testimonial.objects.filter(email__startswith="bench").count()
    if existing >= count:
        log(f"{existing} testimonials (none new)")
        return
    rng = random.Random(17)  # noqa: S311 (reproducible data, not secrets)
    kit_ids = list(KitPage.objects.filter(locale__language_code="fr").values_list("pk", flat=True))
    codes = [code for code in DEPARTEMENTS if len(code) == 2 and code.isdigit()]
    today = date(2026, 11, 1)
    Testimonial.objects.bulk_create(
        [
            Testimonial(
                display_name=f"Bénévole {n}",
                email=f"bench-temoin{n}@example.org",
                kit_id=kit_ids[n % len(kit_ids)],
                title=f"Notre collecte solidaire n° {n}",
                story=STORY,
                action_date=today - timedelta(days=rng.randrange(600)),
                postcode=f"{(code := rng.choice(codes))}000",
                territory=code,
                participants=rng.randrange(5, 120),
                status=Testimonial.Status.APPROVED,
            )
            for n in range(existing, count)
        ],
        batch_size=1000,
    )
    # bulk_create skips the search index: add the new ones in bulk.
    from wagtail.search.backends import get_search_backend

    new = Testimonial.get_indexed_objects().filter(email__startswith="bench").order_by("pk")[existing:]
    get_search_backend().add_bulk(Testimonial, list(new))
    log(f"{count} testimonials ({count - existing} new)")


def seed_articles(count):
    from community.articles.factories import ArticlePageFactory
    from community.articles.models import ArticleIndexPage, ArticlePage

    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    existing = ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    for n in range(existing, count):
        article = ArticlePageFactory.build(title=f"Guide de référence n° {n}", slug=f"{SLUG_PREFIX}article-{n}")
        index.add_child(instance=article)
        article.save_revision().publish()
    log(f"{count} articles ({count - existing} new)")


def seed():
    seed_kits(SIZES["kits"])
    seed_events(SIZES["events"])
    seed_declarations(SIZES["declarations"])
    seed_testimonials(SIZES["testimonials"])
    seed_articles(SIZES["articles"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum gives after a bulk load
