import re

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.utils.text import slugify

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage
from community.members.factories import MemberFactory, UserFactory
from core.moderation import MODERATORS_GROUP
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from home.factories import heading, paragraph, stream
from home.localization import translate
from kits.factories import KitPageFactory
from kits.models import KitIndexPage, Theme

PASSWORD = "Un-mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache: each test starts with clean counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return MemberFactory(user__password=PASSWORD)


@pytest.fixture
def approved_member(db):
    return MemberFactory(approved=True, user__password=PASSWORD)


@pytest.fixture
def make_kit(db):
    """make_kit(title, themes=("sport",), english="Title") → a published French kit with those
    theme slugs, and its published English translation when `english` is given."""

    def make(title, themes=(), english=None, **fields):
        index = KitIndexPage.objects.get(locale__language_code="fr")
        kit = KitPageFactory(parent=index, title=title, **fields)
        kit.themes.set(Theme.objects.filter(locale__language_code="fr", slug__in=themes))
        kit.save_revision().publish()
        kit.refresh_from_db()
        if english:
            translate(kit, "en", {title: english, kit.slug: slugify(english)})
        return kit

    return make


@pytest.fixture
def waste_kit(make_kit):
    return make_kit("Ramassage de déchets test", themes=["environnement"], english="Litter picking test")


@pytest.fixture
def race_kit(make_kit):
    return make_kit("Course solidaire test", themes=["sport", "solidarite"], english="Charity run test")


RECAP_TITLE = "Petit Déj : ce que nous avons appris des kits de test"
RECAP_TITLE_EN = "Petit Déj: what we learnt about test kits"
RECAP_URL = "/ressources/petit-dej-ce-que-nous-avons-appris-des-kits-de-test/"
RECAP_URL_EN = "/en/resources/petit-dej-what-we-learnt-about-test-kits/"


@pytest.fixture
def recap_event(db):
    """A past Petit Déj session, published in French and English."""
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory(parent=index, title="Petit Déj interassociatif : les kits", past=True)
    event.save_revision().publish()
    translate(event, "en", {event.title: "Inter-association Petit Déj: kits", event.slug: "petit-dej-kits"})
    event.refresh_from_db()
    return event


@pytest.fixture
def recap(recap_event, make_kit):
    """The recap article of `recap_event` (French and English), about one kit, linked back
    from the event page in both languages."""
    kit = make_kit("Kit du compte rendu", english="Recap kit")
    index = ArticleIndexPage.objects.get(locale__language_code="fr")
    article = ArticlePageFactory(
        parent=index,
        title=RECAP_TITLE,
        slug="petit-dej-ce-que-nous-avons-appris-des-kits-de-test",
        category="petit_dej",
        author_name="Claire Témoin",
        body=stream(heading("Un kit, c'est quoi au juste ?"), paragraph("Une idée simple.")),
        related_event=recap_event,
        related_kits=[kit],
    )
    article.save_revision().publish()
    translate(
        article,
        "en",
        {
            RECAP_TITLE: RECAP_TITLE_EN,
            article.slug: "petit-dej-what-we-learnt-about-test-kits",
            "Un kit, c'est quoi au juste ?": "What exactly is a kit?",
        },
    )
    for event in EventPage.objects.filter(translation_key=recap_event.translation_key):
        event.recap_article = article
        event.save_revision().publish()
    article.refresh_from_db()
    return article


@pytest.fixture
def moderator(db):
    """A staff account in the Moderators group: it is e-mailed about what waits for review."""
    user = UserFactory(email="moderatrice.test@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def last_mail_to(address):
    sent = [message for message in mail.outbox if address in message.to]
    assert sent, f"no e-mail to {address}"
    return sent[-1]
