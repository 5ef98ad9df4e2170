"""The public pages: the index with its archive and filter, the event page."""

from datetime import timedelta
from html import unescape

import pytest

from django.utils import timezone

from community.associations.factories import AssociationFactory
from events.factories import EventPageFactory, RegistrationFactory
from home.localization import translate

pytestmark = pytest.mark.django_db


def test_index_shows_upcoming_first_then_the_archive(client, make_event):
    now = timezone.now()
    make_event(title="Dans un mois", slug="un-mois", start=now + timedelta(days=30))
    make_event(title="Dans une semaine", slug="une-semaine", start=now + timedelta(days=7))
    make_event(title="Le mois dernier", slug="mois-dernier", start=now - timedelta(days=30))
    html = unescape(client.get("/evenements/").content.decode())
    upcoming, archive = html.split("Sessions passées")
    assert upcoming.index("Dans une semaine") < upcoming.index("Dans un mois")
    assert "Le mois dernier" in archive
    assert "Le mois dernier" not in upcoming


def test_index_filters_by_format(client, make_event):
    make_event(title="Session en ligne", slug="en-ligne")
    make_event(title="Session sur place", slug="sur-place", in_person=True)
    html = unescape(client.get("/evenements/?format=in_person").content.decode())
    assert "Session sur place" in html and "Session en ligne" not in html
    html = unescape(client.get("/evenements/?format=hybrid").content.decode())
    assert "Aucune session n'est programmée pour l'instant" in html
    assert client.get("/evenements/?format=nimporte").status_code == 200


def test_index_query_budget_with_many_sessions(client, event_index, django_assert_max_num_queries):
    now = timezone.now()
    for n in range(32):
        start = now + timedelta(days=n - 16)
        page = EventPageFactory.build(
            title=f"Session {n}", slug=f"session-{n}", start=start, end=start + timedelta(hours=1)
        )
        event_index.add_child(instance=page)
    with django_assert_max_num_queries(30):
        response = client.get("/evenements/")
    assert response.status_code == 200
    assert response.content.decode().count('class="card event-card') >= 28


def test_event_page_shows_paris_time_the_venue_and_never_the_online_link(client, make_event):
    start = timezone.make_aware(timezone.datetime(2031, 7, 3, 9, 0))
    make_event(
        title="Petit Déj hybride",
        slug="hybride",
        format="hybrid",
        start=start,
        end=start + timedelta(minutes=90),
        venue_address="Maison des associations\n12 rue Neuve, Lyon",
    )
    html = unescape(client.get("/evenements/hybride/").content.decode())
    assert "jeudi 3 juillet 2031, 09:00–10:30" in html
    assert "heure de Paris" in html
    assert "12 rue Neuve, Lyon" in html
    assert "visio.example.org" not in html
    assert "Envoyé par e-mail aux participants confirmés." in html


def test_sessions_in_both_languages_with_seats_left_and_the_recap(client, make_event):
    upcoming = make_event(title="Petit Déj en ligne : mobiliser", slug="mobiliser")
    translate(upcoming, "en", {upcoming.title: "Online Petit Déj: bringing in", upcoming.slug: "bringing-in"})
    almost_full = make_event(title="Petit Déj presque complet", slug="presque-complet", capacity=3)
    RegistrationFactory.create_batch(2, event=almost_full)
    past = make_event(title="Petit Déj : les kits", slug="les-kits", past=True)
    translate(past, "en", {past.title: "Petit Déj: the kits", past.slug: "the-kits"})
    named = AssociationFactory(name="Courir Témoin")
    RegistrationFactory(event=past, association=named, attended=True, may_name_association=True)
    RegistrationFactory(event=past, association=AssociationFactory(name="Asso Discrète"), attended=True)
    html = unescape(client.get("/evenements/").content.decode())
    assert "Petit Déj en ligne : mobiliser" in html and "Petit Déj : les kits" in html
    html = unescape(client.get("/en/events/").content.decode())
    assert "Online Petit Déj: bringing in" in html and "Petit Déj en ligne" not in html
    html = unescape(client.get("/evenements/presque-complet/").content.decode())
    assert "1 place restante" in html
    html = unescape(client.get("/evenements/les-kits/").content.decode())
    assert "Merci pour leur participation" in html
    assert "Courir Témoin" in html and "Asso Discrète" not in html
    html = unescape(client.get("/en/events/the-kits/").content.decode())
    assert "Thank you for taking part in" in html and "Courir Témoin" in html
