"""Each kind of write refreshes the cached pages that show what it changed, and nothing
else (core.page_cache: generations per section). A page served from the cache says
`X-Cache: HIT`; one computed again says `MISS`."""

import pytest

from django.apps import apps
from django.core.cache import cache
from django.test import Client

from community.associations.factories import AssociationFactory
from community.associations.models import AssociationIndexPage
from community.comments.moderation import COMMENTS
from community.comments.services import create_comment
from community.members.factories import MemberFactory
from core import page_cache, page_cache_signals
from core.moderation import DECLINE
from events import services, topics
from events.factories import EventPageFactory
from events.models import EventIndexPage
from events.models.topics import TopicProposal
from kits.factories import ActionDeclarationFactory, KitPageFactory
from kits.models import KitIndexPage
from kits.services import mark_reported

pytestmark = pytest.mark.django_db

WALL = "/actions-locales/"


@pytest.fixture(autouse=True)
def caches_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def site():
    """Two sessions (one hosted by an association), two kits, and every page cached."""
    host = AssociationFactory(name="Asso hôte")
    index = EventIndexPage.objects.get(locale__language_code="fr")
    session = EventPageFactory.build(title="Session suivie", slug="session-suivie", capacity=5, open_to_guests=False)
    index.add_child(instance=session)
    session.save_revision().publish()
    session.host_associations.add(host)
    session.save_revision().publish()
    other = EventPageFactory.build(title="Autre session", slug="autre-session", capacity=5, open_to_guests=False)
    index.add_child(instance=other)
    other.save_revision().publish()
    kits = KitIndexPage.objects.get(locale__language_code="fr")
    kit = KitPageFactory(parent=kits, title="Kit en cache")
    kit.save_revision().publish()
    other_kit = KitPageFactory(parent=kits, title="Autre kit en cache")
    other_kit.save_revision().publish()
    directory = AssociationIndexPage.objects.get(locale__language_code="fr")
    urls = {
        "home": "/",
        "events index": index.url,
        "session": session.url,
        "other session": other.url,
        "host association": directory.association_url(host),
        "kit index": kits.url,
        "kit": kit.url,
        "other kit": other_kit.url,
        "wall": WALL,
        "topics": index.url + index.reverse_subpage("topics"),
    }
    for url in urls.values():
        Client().get(url)
        assert Client().get(url)["X-Cache"] == "HIT", url
    return {"urls": urls, "session": session, "kit": kit, "host": host}


def refreshed(urls):
    """The names of the pages computed again (MISS); each is then cached again."""
    answers = {name: Client().get(url) for name, url in urls.items()}
    assert all(response.status_code == 200 for response in answers.values())
    return {name for name, response in answers.items() if response["X-Cache"] == "MISS"}


def new_member(site, **kwargs):
    """An approved member, made before the measure (a new member refreshes everything)."""
    user = MemberFactory(approved=True, **kwargs).user
    refreshed(site["urls"])
    return user


def test_a_registration_refreshes_what_shows_its_session_and_nothing_else(site):
    services.register_member(site["session"], new_member(site))
    assert refreshed(site["urls"]) == {"home", "events index", "session", "host association"}
    assert "4 places restantes" in Client().get(site["urls"]["session"]).content.decode()


def test_a_named_registration_refreshes_its_association_page_too(site):
    association = AssociationFactory(name="Asso participante")
    directory = AssociationIndexPage.objects.get(locale__language_code="fr")
    page = directory.association_url(association)
    member = new_member(site, association=association)
    Client().get(page)
    services.register_member(site["session"], member, may_name_association=True)
    assert refreshed({**site["urls"], "association": page}) == {
        "home",
        "events index",
        "session",
        "host association",
        "association",
    }


def test_a_declaration_refreshes_the_counters_and_the_map_not_the_kits(site):
    home_before = Client().get("/").content.decode()
    declaration = ActionDeclarationFactory(kit=site["kit"], territory="69")
    assert refreshed(site["urls"]) == {"home", "wall"}
    assert Client().get("/").content.decode() != home_before  # the counters moved
    mark_reported(declaration.pk, 12)  # an update(): told by hand
    assert refreshed(site["urls"]) == {"home", "wall"}


def test_a_vote_refreshes_the_topics_and_the_sessions_pages_only(site):
    proposer, voter = MemberFactory(approved=True).user, MemberFactory(approved=True).user
    topic = TopicProposal.objects.create(title="Un sujet à voter", proposer=proposer)
    refreshed(site["urls"])  # a proposal refreshes everything; the vote is what is measured
    topics.vote(topic, voter)
    assert refreshed(site["urls"]) == {"topics", "session", "other session"}


def test_a_comment_refreshes_its_page_only_and_so_does_its_moderation(site):
    comment = create_comment(
        site["kit"], name="Sophie", email="sophie@example.org", text="Un retour.", followup=False, parent_id=0
    )
    assert refreshed(site["urls"]) == {"kit"}
    COMMENTS.decide([comment], DECLINE, user=None, reason="Test")
    assert refreshed(site["urls"]) == {"kit"}


def test_publishing_a_page_still_refreshes_every_page(site):
    site["kit"].save_revision().publish()
    assert refreshed(site["urls"]) == set(site["urls"])


def test_a_generation_lost_from_the_cache_refreshes_its_pages(site):
    cache.delete(page_cache.GENERATION_PREFIX + "declarations")
    assert refreshed(site["urls"]) == {"home", "wall"}


def test_with_the_fragment_cache_off_a_declaration_still_refreshes_the_counters(site, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    page_cache.invalidate()
    refreshed(site["urls"])
    ActionDeclarationFactory(kit=site["kit"], territory="69")
    assert refreshed(site["urls"]) == {"home", "wall"}


def test_queued_tasks_refresh_nothing():
    """Production queues e-mails in django_tasks_db (app label django_tasks_database): a
    registration or a declaration queues one, which must not refresh every page."""
    assert not page_cache_signals.shown_publicly(apps.get_model("django_tasks_database", "DBTaskResult"))
