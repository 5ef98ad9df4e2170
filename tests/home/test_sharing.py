"""Sharing and search engines: every public page type has a canonical link, Open Graph and
a card with an image; session pages carry a schema.org Event; the sitemap lists the pages
that live under routable pages (associations, local actions, the topics page)."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest

from django.utils import timezone

from community.associations.factories import AssociationFactory
from community.testimonials.models import Testimonial as Story
from events.factories import EventPageFactory
from events.models import EventFormat, EventIndexPage
from tests.browser import content
from tests.community.testimonial_helpers import make_testimonial

pytestmark = pytest.mark.django_db


def make_story(status=Story.Status.APPROVED, **fields):
    return make_testimonial(status=status, **fields)


def make_session(title, **fields):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(title=title, **fields)
    index.add_child(instance=event)
    return content.publish(event)


def meta(html, name):
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(found.group(1)) if found else None


def json_ld(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_every_public_page_type_can_be_shared(client, settings):
    settings.BASE_URL = "https://relais.example.org"
    association = AssociationFactory(name="Dignité Hygiène", slug="dignite-hygiene")
    kit = content.make_kit(
        "Collecte solidaire", "collecte-solidaire", association=association, steps=[("Agir", "Ensemble.")]
    )
    event = make_session("Petit Déj à Lyon", slug="petit-dej-lyon")
    story = make_story(kit=kit)
    paths = [
        "/",
        "/en/",
        "/kits/",
        kit.url,
        event.url,
        "/evenements/",
        "/associations/",
        "/associations/dignite-hygiene/",
        "/actions-locales/",
        f"/actions-locales/{story.pk}/",
        "/ressources/",
        "/a-propos/",
        "/recherche/?q=collecte",
    ]
    for path in paths:
        html = client.get(path).content.decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert canonical == "https://relais.example.org" + path.split("?")[0], path
        assert meta(html, "og:url") in (canonical, "https://relais.example.org" + path), path
        assert meta(html, "og:title"), path
        assert meta(html, "og:image").startswith("https://relais.example.org/"), path
        assert meta(html, "twitter:card") == "summary_large_image", path
    assert meta(client.get(kit.url).content.decode(), "og:type") == "article"


def test_session_pages_carry_a_schema_org_event(client, settings):
    settings.BASE_URL = "https://relais.example.org"
    start = timezone.now() + timedelta(days=9)
    host = AssociationFactory(name="Route Sûre", website="https://route-sure.example.org")
    online = make_session("Petit Déj en ligne", start=start, end=start + timedelta(hours=1), topic="Recruter")
    online.host_associations.add(host)
    online.save()  # a ParentalManyToManyField is written on save
    in_person = make_session("Petit Déj à Lyon", in_person=True, start=start, end=start + timedelta(hours=2))
    hybrid = make_session(
        "Petit Déj hybride",
        format=EventFormat.HYBRID,
        venue_address="Maison des associations\nLyon",
        start=start,
        end=start + timedelta(hours=2),
    )

    (data,) = json_ld(client.get(online.url).content.decode())
    assert data["@type"] == "Event" and data["name"] == "Petit Déj en ligne"
    assert data["startDate"] == online.start.isoformat() and data["endDate"] == online.end.isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://relais.example.org" + online.url}
    assert online.online_link not in json.dumps(data)  # the visio link is for participants only
    assert data["organizer"] == [
        {"@type": "Organization", "name": "Route Sûre", "url": "https://route-sure.example.org"}
    ]

    (data,) = json_ld(client.get(in_person.url).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place" and "Lyon" in data["location"]["address"]
    assert data["organizer"]["name"] == "Relais"

    (data,) = json_ld(client.get(hybrid.url).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]


def test_sitemap_lists_associations_approved_stories_and_topics(client, settings):
    settings.BASE_URL = "https://relais.example.org"
    AssociationFactory(name="Nature Propre", slug="nature-propre")
    approved = make_story()
    pending = make_story(status=Story.Status.PENDING)
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert "https://relais.example.org/associations/nature-propre/" in locations
    assert "https://relais.example.org/en/associations/nature-propre/" in locations
    assert f"https://relais.example.org/actions-locales/{approved.pk}/" in locations
    assert f"https://relais.example.org/actions-locales/{pending.pk}/" not in locations
    assert "https://relais.example.org/evenements/sujets/" in locations
    entry = xml.split("<loc>https://relais.example.org/associations/nature-propre/</loc>")[1].split("</url>")[0]
    assert 'hreflang="en" href="https://relais.example.org/en/associations/nature-propre/"' in entry
