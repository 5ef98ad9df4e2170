"""A full session says so on its button, with the position one would get; cancelling a
place asks first (from the event page and from the member area); "add to calendar" offers
Google Calendar and Outlook links beside the .ics, as plain links."""

import re
from datetime import UTC
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from events import services
from events.models import Registration

pytestmark = pytest.mark.django_db


def test_a_full_session_offers_the_waiting_list_with_the_position(client, make_event, make_member):
    event = make_event(title="Petit Déj plein", slug="petit-dej-plein", capacity=1)
    services.register_member(event, make_member())
    services.register_member(event, make_member())  # number 1 on the waiting list
    client.force_login(make_member())
    html = unescape(client.get(event.url).content.decode())
    assert "Rejoindre la liste d'attente" in html
    assert "Vous seriez numéro 2 sur la liste d'attente." in html
    assert ">S'inscrire</button>" not in html


def test_a_session_with_seats_keeps_its_register_button(client, make_event, make_member):
    event = make_event(title="Petit Déj libre", slug="petit-dej-libre", capacity=5)
    client.force_login(make_member())
    html = unescape(client.get(event.url).content.decode())
    assert "Rejoindre la liste d'attente" not in html


def test_cancelling_a_place_asks_first_from_the_page_and_the_member_area(client, make_event, make_member):
    event = make_event(title="Petit Déj annulable", slug="petit-dej-annulable")
    member = make_member()
    registration, _ = services.register_member(event, member)
    client.force_login(member)
    cancel_url = f"{event.url}annuler/{registration.token}/"
    page = unescape(client.get(event.url).content.decode())
    assert f'<a class="button button--secondary" href="{cancel_url}">' in page
    assert f'action="{cancel_url}"' not in page  # no one-click form
    area = unescape(client.get("/compte/").content.decode())
    assert f'href="{cancel_url}?next=/compte/"' in area
    confirm = unescape(client.get(cancel_url + "?next=/compte/").content.decode())
    assert "Votre place se libère pour quelqu'un d'autre" in confirm  # nobody waits (else: the first who waits)
    assert 'name="next" value="/compte/"' in confirm
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    response = client.post(cancel_url, {"next": "/compte/"})
    assert response["Location"] == "/compte/"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_add_to_calendar_links_beside_the_ics(client, make_event):
    event = make_event(title="Petit Déj agenda", slug="petit-dej-agenda", members_only=False)
    html = unescape(client.get(event.url).content.decode())
    links = re.findall(r'href="(https://[^"]+)"', html)
    google = next(link for link in links if link.startswith("https://calendar.google.com/"))
    outlook = next(link for link in links if link.startswith("https://outlook.live.com/"))
    query = parse_qs(urlsplit(google).query)
    assert query["text"] == ["Petit Déj agenda"]
    start, end = event.start.astimezone(UTC), event.end.astimezone(UTC)
    assert query["dates"] == [f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"]
    assert "visio.example.org" not in google + outlook  # the online link is never in them
    assert parse_qs(urlsplit(outlook).query)["startdt"] == [f"{start:%Y-%m-%dT%H:%M:%SZ}"]
    assert "calendrier.ics" in html
    assert "<script" not in html.split('class="calendar-links"')[1].split("</p>")[0]
