"""Editors: creating events, the capacity guard, registrations list, CSV export, attendance, recap."""

import csv
import io
from html import unescape

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.factories import RegistrationFactory
from events.models import EventIndexPage, EventPage, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "x")
    client.force_login(user)
    return user


class TestEventPageTree(WagtailPageTestCase):
    def test_events_live_under_the_event_index_only(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_editor_creates_an_event(self):
        index = EventIndexPage.objects.get(locale__language_code="fr")
        self.login()
        self.assertCanCreate(
            index,
            EventPage,
            nested_form_data(
                {
                    "title": "Petit Déj de printemps",
                    "slug": "petit-dej-printemps",
                    "start": "2031-04-03 09:00",
                    "end": "2031-04-03 10:30",
                    "format": "online",
                    "capacity": "25",
                    "members_only": "on",
                    "body": streamfield([("paragraph", rich_text("<p>Au programme.</p>"))]),
                    "recap": rich_text(""),
                }
            ),
        )


def edit_data(event, **overrides):
    data = {
        "title": event.title,
        "slug": event.slug,
        "start": event.local_start.strftime("%Y-%m-%d %H:%M"),
        "end": event.local_end.strftime("%Y-%m-%d %H:%M"),
        "format": event.format,
        "online_link": event.online_link,
        "capacity": str(event.capacity),
        "members_only": "on",
        "body": streamfield([]),
        "recap": rich_text(""),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_lowering_capacity_below_confirmed_seats_is_refused_with_a_warning(client, editor, make_event):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=5)
    RegistrationFactory.create_batch(3, event=event)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    response = client.post(url, edit_data(event, capacity="2"))
    assert response.status_code == 200
    assert "3 personnes ont déjà une place confirmée" in unescape(response.content.decode())
    event.refresh_from_db()
    assert event.capacity == 5
    assert event.registrations.confirmed().count() == 3  # nobody dropped
    response = client.post(url, edit_data(event, capacity="3"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.capacity == 3


def test_registrations_list_filters_and_csv_export(client, editor, make_event):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test")
    other = make_event(title="Autre session", slug="autre")
    RegistrationFactory(event=event, name="Awa Diallo", email="awa@example.org", organisation="Amicale du Nord")
    RegistrationFactory(event=event, name="Jean Attente", status="waiting", waiting_position=1, confirmed_at=None)
    RegistrationFactory(event=other, name="Hors Sujet")
    url = reverse("wagtailsnippets_events_registration:list")
    html = client.get(url, {"event": event.pk}).content.decode()
    assert "Awa Diallo" in html and "Jean Attente" in html
    assert "Hors Sujet" not in html
    html = client.get(url, {"event": event.pk, "status": "waiting"}).content.decode()
    assert "Jean Attente" in html and "Awa Diallo" not in html
    response = client.get(url, {"event": event.pk, "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 3
    assert any("awa@example.org" in row and "Amicale du Nord" in row for row in rows)


def test_page_listing_has_a_registrations_button(client, editor, event):
    index = event.get_parent()
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert f"/admin/snippets/events/registration/?event={event.pk}" in html


def test_editor_marks_attendance_and_the_recap_thanks_consenting_associations(client, editor, make_event, make_member):
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() - timedelta(days=2)
    event = make_event(title="Petit Déj passé", slug="passe", start=start, end=start + timedelta(minutes=90))
    came = RegistrationFactory(event=event, organisation="Association Présente", may_name_association=True)
    discreet = RegistrationFactory(event=event, organisation="Association Discrète", may_name_association=False)
    absent = RegistrationFactory(event=event, organisation="Association Absente", may_name_association=True)
    for registration, attended in ((came, "true"), (discreet, "true"), (absent, "false")):
        url = reverse("wagtailsnippets_events_registration:edit", args=[registration.pk])
        response = client.post(url, {"attended": attended, "may_name_association": registration.may_name_association})
        assert response.status_code == 302, response.content.decode()[:500]
    assert Registration.objects.get(pk=came.pk).attended is True
    assert Registration.objects.get(pk=absent.pk).attended is False
    html = unescape(client.get("/evenements/passe/").content.decode())
    assert "Merci pour leur participation à Petit Déj passé" in html
    assert "Association Présente" in html
    assert "Association Discrète" not in html
    assert "Association Absente" not in html
