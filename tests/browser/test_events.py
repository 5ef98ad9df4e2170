"""Peer sessions in the browser: a member registers and cancels from the member area,
the next member on the waiting list is promoted and told by e-mail, a guest registers
and confirms with the link from the e-mail."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.browser.conftest import check_page


@pytest.fixture
def db_access(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def sessions(db_access, _sessions):
    return _sessions


@pytest.fixture(scope="module")
def _sessions(site_url, django_db_blocker):
    """Two sessions created once for this module's journeys (committed: the live server sees
    them). Once, not per test: the data outlives each test until the module ends, and a second
    "Petit Déj navigateur" would make the link ambiguous."""
    with django_db_blocker.unblock():
        return _create_sessions()


def _create_sessions():
    from community.members.factories import MemberFactory
    from events.factories import EventPageFactory
    from events.models import EventIndexPage

    index = EventIndexPage.objects.get(locale__language_code="fr")
    start = timezone.now() + timedelta(days=20)
    suffix = timezone.now().strftime("%H%M%S%f")
    members_only = EventPageFactory.build(
        title="Petit Déj navigateur", slug=f"navigateur-{suffix}", start=start, capacity=1, topic="Tester en vrai"
    )
    guests = EventPageFactory.build(
        title="Petit Déj ouvert", slug=f"ouvert-{suffix}", start=start, capacity=5, open_to_guests=True
    )
    for event in (members_only, guests):
        index.add_child(instance=event)
        event.save_revision().publish()
    first = MemberFactory(approved=True, user__first_name="Alice", user__email=f"alice-{suffix}@example.org").user
    second = MemberFactory(approved=True, user__first_name="Bruno", user__email=f"bruno-{suffix}@example.org").user
    return {"members_only": members_only, "guests": guests, "first": first, "second": second}


def sign_in(context, user, site_url):
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])


def test_member_registers_cancels_and_the_next_one_is_promoted(page, browser, site_url, sessions):
    event, first, second = sessions["members_only"], sessions["first"], sessions["second"]
    sign_in(page.context, first, site_url)
    page.goto("/evenements/")
    page.get_by_role("link", name="Petit Déj navigateur").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Petit Déj navigateur")
    expect(page.get_by_text("1 place restante")).to_be_visible()
    check_page(page, "event-member-fr")
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_text("Votre place est confirmée. Un e-mail de confirmation")).to_be_visible()
    check_page(page, "event-registered-fr")

    other = browser.new_context(locale="fr-FR", base_url=site_url)
    sign_in(other, second, site_url)
    second_tab = other.new_page()
    second_tab.goto(event.url)
    # A full session says so on its button, with the position one would get.
    expect(second_tab.get_by_text("Vous seriez numéro 1 sur la liste d'attente.")).to_be_visible()
    expect(second_tab.get_by_role("link", name="Google Agenda")).to_have_attribute(
        "href", re.compile(r"^https://calendar\.google\.com/")
    )
    check_page(second_tab, "event-full-fr")
    second_tab.get_by_role("button", name="Rejoindre la liste d'attente").click()
    expect(second_tab.get_by_text("Vous êtes numéro 1 sur la liste d'attente.", exact=True)).to_be_visible()
    check_page(second_tab, "event-waiting-fr")

    page.goto("/compte/")
    section = page.get_by_role("region", name="Mes inscriptions")
    expect(section.get_by_role("link", name="Petit Déj navigateur", exact=True)).to_be_visible()
    check_page(page, "member-area-registrations-fr")
    waiting_mail = [m for m in mail.outbox if second.email in m.to][-1]
    assert waiting_mail.attachments == []  # no calendar entry for a seat not held
    section.get_by_role("link", name="Annuler… mon inscription à Petit Déj navigateur").click()
    expect(page.get_by_text("Votre place revient à la première personne de la liste d'attente")).to_be_visible()
    check_page(page, "event-cancel-confirm-fr")
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(page).to_have_url(re.compile(r"/compte/$"))
    expect(page.get_by_text("Votre inscription est annulée")).to_be_visible()
    receipt = [m for m in mail.outbox if first.email in m.to][-1]
    assert any(mimetype.endswith("method=CANCEL") for _name, _content, mimetype in receipt.attachments)
    expect(page.get_by_text("Vous n'êtes inscrit·e à aucune session à venir.")).to_be_visible()

    promotion = [m for m in mail.outbox if second.email in m.to and "Une place s'est libérée" in m.subject]
    assert len(promotion) == 1
    assert any(mimetype.endswith("method=PUBLISH") for _name, _content, mimetype in promotion[0].attachments)
    second_tab.reload()
    expect(second_tab.get_by_text("Vous êtes inscrit·e : votre place est confirmée.")).to_be_visible()
    other.close()


def test_guest_registers_and_confirms_by_e_mail(page, sessions):
    event = sessions["guests"]
    page.goto(event.url)
    page.get_by_role("link", name="M'inscrire comme invité·e").click()  # the guest form's own page
    check_page(page, "event-guest-form-fr")
    page.get_by_role("button", name="M'inscrire comme invité·e").click()  # empty form: errors next to fields
    expect(page.get_by_text("Cochez cette case pour que nous puissions enregistrer votre inscription.")).to_be_visible()
    check_page(page, "event-guest-errors-fr")
    email = f"invitee-{event.slug}@example.org"
    page.get_by_role("textbox", name="Votre nom").fill("Awa Diallo")
    page.get_by_role("textbox", name="Adresse e-mail").fill(email)
    page.get_by_role("textbox", name="Structure").fill("Amicale du Nord")
    page.get_by_label("J'accepte que Relais conserve").check()
    page.get_by_role("button", name="M'inscrire comme invité·e").click()
    expect(page.get_by_text("Presque fini")).to_be_visible()
    check_page(page, "event-guest-pending-fr")

    message = [m for m in mail.outbox if email in m.to][-1]
    link = re.search(r"https?://\S+/confirmer/\S+/", message.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre inscription")
    check_page(page, "event-guest-confirm-fr")
    page.get_by_role("button", name="Confirmer mon inscription").click()
    expect(page.get_by_text("Votre place est confirmée")).to_be_visible()
    check_page(page, "event-guest-confirmed-fr")


def test_a_member_on_a_phone_registers_then_cancels_from_the_e_mail(phone, site_url, db_access):
    """The member's journey at 390 px, through the e-mails: the seat's calendar file, then the
    e-mail's own cancellation link, its confirmation page and the CANCEL that follows."""
    from icalendar import Calendar

    from community.members.factories import MemberFactory
    from events.factories import EventPageFactory
    from events.models import EventIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    event = EventPageFactory.build(
        title="Petit Déj téléphone", slug=f"telephone-{suffix}", start=timezone.now() + timedelta(days=12), capacity=3
    )
    EventIndexPage.objects.get(locale__language_code="fr").add_child(instance=event)
    event.save_revision().publish()
    member = MemberFactory(approved=True, user__first_name="Chloé", user__email=f"chloe-{suffix}@example.org").user
    sign_in(phone.context, member, site_url)

    phone.goto("/evenements/")
    phone.get_by_role("link", name="Petit Déj téléphone").click()
    check_page(phone, "member-phone-event")
    phone.get_by_role("button", name="S'inscrire").click()
    expect(phone.get_by_text("Votre place est confirmée. Un e-mail de confirmation")).to_be_visible()
    check_page(phone, "member-phone-registered")

    confirmation = [m for m in mail.outbox if member.email in m.to][-1]
    (ics,) = [content for _name, content, mime in confirmation.attachments if "calendar" in mime]
    calendar = Calendar.from_ical(ics)
    assert calendar["METHOD"] == "PUBLISH"
    assert [str(e["STATUS"]) for e in calendar.walk("VEVENT")] == ["CONFIRMED"]

    cancel_link = re.search(r"Annuler mon inscription ?: (\S+)", confirmation.body).group(1)
    phone.goto(re.sub(r"^https?://[^/]+", "", cancel_link))
    expect(phone.get_by_text("Votre place se libère pour quelqu'un d'autre")).to_be_visible()  # nobody waits
    check_page(phone, "member-phone-cancel-confirm")
    phone.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(phone.get_by_text("Votre inscription est annulée")).to_be_visible()
    check_page(phone, "member-phone-cancelled")
    receipt = [m for m in mail.outbox if member.email in m.to][-1]
    (ics,) = [content for _name, content, mime in receipt.attachments if "calendar" in mime]
    cancelled = Calendar.from_ical(ics)
    assert cancelled["METHOD"] == "CANCEL"
    assert int(cancelled.walk("VEVENT")[0]["SEQUENCE"]) > int(calendar.walk("VEVENT")[0].get("SEQUENCE", 0))
