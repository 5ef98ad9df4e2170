"""The anonymous page cache never serves one person's page to another, and what editors,
visitors and members change shows at once."""

import re

import pytest

from django.test import Client

from community.members.factories import MemberFactory
from events import services
from events.factories import EventPageFactory
from events.models import EventIndexPage
from kits.factories import KitPageFactory
from kits.models import KitIndexPage

pytestmark = pytest.mark.django_db

PASSWORD = "Un-mot-de-passe-solide-42"  # community.members.factories.UserFactory's


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else None


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(client, django_assert_num_queries):
    first = client.get("/")
    assert first.status_code == 200 and first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_pages_with_a_form_are_never_stored_and_each_visitor_gets_a_token():
    kit = KitPageFactory(parent=KitIndexPage.objects.get(locale__language_code="fr"), title="Kit au formulaire")
    kit.save_revision().publish()
    url = kit.url + kit.reverse_subpage("declare")
    tokens = set()
    for _ in range(2):
        response = Client().get(url)
        assert "X-Cache" not in response
        assert "csrftoken" in response.cookies
        tokens.add(csrf_token(response.content.decode()))
    assert len(tokens) == 2 and None not in tokens


def test_signed_in_member_gets_their_own_page_and_never_leaks_it(client):
    member = MemberFactory(approved=True).user
    client.get("/")  # an anonymous copy is stored
    assert client.login(username=member.username, password=PASSWORD)
    own = client.get("/")
    assert "X-Cache" not in own
    assert ">Mon espace<" in own.content.decode()
    anonymous = Client().get("/")
    assert anonymous["X-Cache"] == "HIT"
    assert ">Mon espace<" not in anonymous.content.decode()
    assert ">Se connecter<" in anonymous.content.decode()


def test_messages_are_shown_to_their_visitor_only(client):
    member = MemberFactory(approved=True).user
    Client().get("/")  # an anonymous copy is stored
    assert client.login(username=member.username, password=PASSWORD)
    client.post("/compte/logout/")  # leaves a "signed out" message for the next page
    mine = client.get("/")
    assert "X-Cache" not in mine
    assert '<ul class="messages">' in mine.content.decode()
    other = Client().get("/")
    assert other["X-Cache"] == "HIT"
    assert '<ul class="messages">' not in other.content.decode()


def test_publishing_a_kit_shows_at_once_on_the_kit_index():
    index = KitIndexPage.objects.get(locale__language_code="fr")
    assert Client().get(index.url)["X-Cache"] == "MISS"
    assert Client().get(index.url)["X-Cache"] == "HIT"
    kit = KitPageFactory(parent=index, title="Kit tout juste publié", live=False)
    kit.save_revision().publish()
    response = Client().get(index.url)
    assert response["X-Cache"] == "MISS"
    assert "Kit tout juste publié" in response.content.decode()


def test_a_registration_shows_at_once_in_the_seats_left():
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(title="Session en cache", slug="session-en-cache", capacity=5, open_to_guests=False)
    index.add_child(instance=event)
    event.save_revision().publish()
    assert "5 places restantes" in Client().get(event.url).content.decode()
    assert Client().get(event.url)["X-Cache"] == "HIT"
    services.register_member(event, MemberFactory(approved=True).user)
    response = Client().get(event.url)
    assert response["X-Cache"] == "MISS"
    assert "4 places restantes" in response.content.decode()


def test_admin_account_and_post_requests_are_not_cached(client):
    assert "X-Cache" not in client.get("/admin/login/")
    assert "X-Cache" not in client.get("/compte/login/")
    assert "X-Cache" not in client.post("/", {})


def test_security_headers_are_on_cached_responses_too():
    Client().get("/")
    hit = Client().get("/")
    assert hit["X-Cache"] == "HIT"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert "Referrer-Policy" in hit


def test_an_event_open_to_guests_is_cached_its_guest_form_is_not():
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(title="Session ouverte", slug="session-ouverte", open_to_guests=True)
    index.add_child(instance=event)
    event.save_revision().publish()
    Client().get(event.url)
    assert Client().get(event.url)["X-Cache"] == "HIT"
    form_page = Client().get(event.url + "inscription/")
    assert "X-Cache" not in form_page and "csrftoken" in form_page.cookies


def test_an_approved_testimonial_shows_at_once_on_the_wall_and_the_home_page(admin_user):
    from community.testimonials import services as testimonial_services
    from tests.community.testimonial_helpers import make_testimonial

    pending = make_testimonial(title="Une kermesse racontée", status="pending")
    for path in ("/actions-locales/", "/"):
        Client().get(path)
        cached = Client().get(path)
        assert cached["X-Cache"] == "HIT" and "Une kermesse racontée" not in cached.content.decode()
    testimonial_services.approve([pending], admin_user)
    for path in ("/actions-locales/", "/"):
        response = Client().get(path)
        assert response["X-Cache"] == "MISS", path
        assert "Une kermesse racontée" in response.content.decode(), path
