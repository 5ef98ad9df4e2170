"""Signed-in members get the page shared by every member with their own parts filled in
(core.member_page_cache, core.personal_parts, decision 0033), and their user from the
cache (core.cached_users): nobody ever sees another person's parts, no shared cache entry
holds personal data, and a password change or a deactivation takes effect at once."""

import pickle
import re

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from community.members.factories import MemberFactory, UserFactory
from core import member_page_cache, personal_parts
from events import services
from events.factories import EventPageFactory
from events.models import EventIndexPage
from events.models.registrations import Registration
from kits.factories import KitPageFactory
from kits.models import KitIndexPage

pytestmark = pytest.mark.django_db

HEADER = member_page_cache.HEADER
REGISTERED = "Vous êtes inscrit·e : votre place est confirmée."
# A member's request for a page already shared, with every part of an event page to fill
# (account link, messages, registration box, comment thread): the page, their registration,
# their profile, the site (Wagtail's routablepageurl), the thread.
WARM_EVENT_PAGE_QUERIES = 5


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


def member_client(**user):
    member = MemberFactory(approved=True, user=UserFactory(**user)).user
    client = Client()
    client.force_login(member)
    return member, client


def csrf_tokens(html):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def stored_shared_values():
    """Every value of the cache except the per-person entries (sessions, users), as bytes."""
    values = []
    for key, value in cache._cache.items():  # LocMemCache: {key: pickled value}
        if "relais-session:" in key or "relais-user:" in key:
            continue
        values.append(key.encode() + b" " + (value if isinstance(value, bytes) else pickle.dumps(value)))
    return values


@pytest.fixture
def event():
    index = EventIndexPage.objects.get(locale__language_code="fr")
    page = EventPageFactory.build(title="Session partagée", slug="session-partagee", capacity=1)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_two_members_and_a_visitor_each_get_only_their_own_parts(event):
    alice, alice_client = member_client(first_name="Alicia", last_name="Registered", email="alicia@example.org")
    bruno, bruno_client = member_client(first_name="Bruno", last_name="Nonregistered", email="bruno@example.org")
    registration, _created = services.register_member(event, alice)
    assert registration.status == Registration.Status.CONFIRMED

    first = alice_client.get(event.url)
    second = bruno_client.get(event.url)
    visitor = Client().get(event.url)
    again = alice_client.get(event.url)
    assert (first[HEADER], second[HEADER], again[HEADER]) == ("MISS", "HIT", "HIT")

    alice_page, bruno_page, visitor_page = (r.content.decode() for r in (again, second, visitor))
    # Alice: registered, her own cancel link, her name in the comment form.
    assert REGISTERED in alice_page and registration.token in alice_page
    assert "Alicia Registered" in alice_page and "Bruno" not in alice_page
    # Bruno: not registered (the session is full: the waiting list), his own name.
    assert REGISTERED not in bruno_page and registration.token not in bruno_page
    assert "Rejoindre la liste d’attente" in bruno_page or "liste d'attente" in bruno_page
    assert "Bruno Nonregistered" in bruno_page and "Alicia" not in bruno_page
    # Both: the member area link, a comment form with their own CSRF token.
    for page in (alice_page, bruno_page):
        assert ">Mon espace<" in page and ">Se connecter<" not in page
    alice_tokens, bruno_tokens = csrf_tokens(alice_page), csrf_tokens(bruno_page)
    assert alice_tokens and bruno_tokens and not alice_tokens & bruno_tokens
    # The visitor: the anonymous page, nobody's name, no token.
    assert ">Se connecter<" in visitor_page and not csrf_tokens(visitor_page)
    assert "Alicia" not in visitor_page and "Bruno" not in visitor_page and REGISTERED not in visitor_page

    secrets = [
        "Alicia",
        "Bruno",
        "alicia@example.org",
        "bruno@example.org",
        registration.token,
        alice_client.cookies["sessionid"].value,
        bruno_client.cookies["sessionid"].value,
        *alice_tokens,
        *bruno_tokens,
    ]
    stored = stored_shared_values()
    assert any(b"page-cache:member:" in value for value in stored)
    for value in stored:
        for secret in secrets:
            assert secret.encode() not in value, (secret, value[:80])


def test_a_registration_through_the_shared_page_shows_at_once(event):
    member, client = member_client(first_name="Chloé", last_name="Inscrite")
    _other, other_client = member_client()  # before the first page: a new member's association renews every page
    page = client.get(event.url)
    assert page[HEADER] == "MISS" and "1 place restante" in page.content.decode()
    assert other_client.get(event.url)[HEADER] == "HIT"

    token = csrf_tokens(page.content.decode()).pop()
    client_with_token = client  # its csrftoken cookie came with the page
    assert "csrftoken" in page.cookies
    done = client_with_token.post(event.url + "inscription/", {"kind": "member", "csrfmiddlewaretoken": token})
    assert done.status_code == 302
    assert Registration.objects.filter(event=event, user=member).exists()

    mine = client.get(event.url)
    assert mine[HEADER] == "MISS"  # the session's seats changed: the shared page is renewed
    html = mine.content.decode()
    assert REGISTERED in html and "Complet" in html
    assert '<ul class="messages">' in html  # the flash message of the registration
    assert '<ul class="messages">' not in client.get(event.url).content.decode()  # shown once
    theirs = other_client.get(event.url)
    assert theirs[HEADER] == "HIT"
    assert REGISTERED not in theirs.content.decode() and '<ul class="messages">' not in theirs.content.decode()


def test_a_warm_member_page_costs_a_few_queries_and_no_user_or_session_query(event):
    counts = []
    for _ in range(2):
        _member, client = member_client()
        client.get(event.url)
        client.get(event.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(event.url)
        assert response[HEADER] == "HIT"
        sql = [query["sql"] for query in queries.captured_queries]
        assert not [s for s in sql if '"auth_user"' in s.split("WHERE")[0] and "FROM" in s and "JOIN" not in s]
        assert not [s for s in sql if "django_session" in s]
        counts.append(len(sql))
    assert counts[0] == counts[1] <= WARM_EVENT_PAGE_QUERIES, counts


def test_home_and_kit_pages_are_shared_and_filled(django_assert_max_num_queries):
    kit = KitPageFactory(parent=KitIndexPage.objects.get(locale__language_code="fr"), title="Kit partagé")
    kit.save_revision().publish()
    _member, client = member_client(first_name="Dora", last_name="Lectrice")
    for url in ("/", kit.get_parent().url, kit.url):
        assert client.get(url)[HEADER] == "MISS"
        with django_assert_max_num_queries(8):
            response = client.get(url)
        assert response[HEADER] == "HIT"
        assert ">Mon espace<" in response.content.decode()
    assert "Dora Lectrice" in client.get(kit.url).content.decode()  # the kit's comment form


def test_a_password_change_or_a_deactivation_signs_out_at_once(event):
    member, client = member_client()
    assert ">Mon espace<" in client.get("/").content.decode()
    assert ">Mon espace<" in client.get("/").content.decode()  # the user now comes from the cache
    member.set_password("Un-tout-nouveau-mot-de-passe-99")
    member.save()
    assert ">Se connecter<" in client.get("/").content.decode()

    other, other_client = member_client()
    other_client.get("/")
    other.is_active = False
    other.save()
    assert ">Se connecter<" in other_client.get("/").content.decode()


def test_staff_get_their_own_rendering(admin_client):
    admin_client.get("/")
    response = admin_client.get("/")
    assert HEADER not in response


def test_a_page_that_looks_at_its_user_is_rendered_for_each_member(event):
    topics = EventIndexPage.objects.get(locale__language_code="fr").url + "sujets/"
    _member, client = member_client()
    first = client.get(topics)
    assert first.status_code == 200 and HEADER not in first
    stored = cache.get(member_page_cache._key(first.wsgi_request))
    assert stored[0] == member_page_cache.PERSONAL
    assert HEADER not in client.get(topics)


def test_a_part_that_cannot_be_filled_renders_the_page_for_the_person(event, monkeypatch):
    _member, client = member_client(first_name="Eve", last_name="Sansfaute")
    client.get(event.url)

    def broken(request, **arguments):
        raise RuntimeError("no")

    monkeypatch.setitem(personal_parts._fillers, "comment_thread", broken)
    response = client.get(event.url)
    assert response.status_code == 200 and HEADER not in response
    assert "Eve Sansfaute" in response.content.decode()


def test_only_the_renderings_own_placeholders_are_filled():
    with personal_parts.shared_rendering() as rendering:
        ours = personal_parts.placeholder("include", {"template": "components/messages.html"})
    imitation = ours.replace(rendering.nonce, "guessed")
    request = Client().get("/").wsgi_request
    assert personal_parts.fill(request, imitation, rendering.nonce) == imitation
    assert personal_parts.fill(request, ours, rendering.nonce).strip() == ""
