"""Registrations in the real admin (events/registration_admin.py): an Editor signed in with
two-factor moves a person from a full session to another full one (the confirmation page
says: waiting list there, the first person waiting here takes the seat), then cancels the
promoted person's registration; everyone concerned gets their e-mail and calendar file."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from community.members.factories import MemberFactory
from events import services
from events.factories import thursday_morning
from events.models import Registration
from tests.browser import content
from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def sessions(committed):
    suffix = timezone.now().strftime("%H%M%S%f")
    here = content.make_event("Petit Déj à quitter", f"quitter-{suffix}", capacity=1, start=thursday_morning(5))
    there = content.make_event("Petit Déj déjà plein", f"plein-{suffix}", capacity=1, start=thursday_morning(6))
    people = [MemberFactory(approved=True, user__first_name=first).user for first in ("Aline", "Bastien", "Chloé")]
    services.register_member(here, people[0])
    services.register_member(here, people[1])  # waiting
    services.register_member(there, people[2])
    registrations = [Registration.objects.get(user=user) for user in people[:2]]
    return here, there, registrations


def new_tab(browser, site_url, width, height=900):
    context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": width, "height": height})
    context.set_default_timeout(20_000)
    return context.new_page()


def row_action(tab, name, action_label):
    # The first column's row buttons (core.moderation_admin's are there too, for other kinds).
    tab.locator("main table tbody tr", has_text=name).get_by_role("link", name=action_label).click()


def test_an_editor_moves_then_cancels_registrations(browser, site_url, sessions, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    here, there, (leaving, waiting) = sessions
    suffix = timezone.now().strftime("%H%M%S%f")
    editor, secret = staff_with_totp(django_db_blocker, f"inscriptions-{suffix}@example.org", "Editors")
    tab = new_tab(browser, site_url, 1280)
    listing = f"/admin/snippets/events/registration/?event={here.pk}"
    sign_in(tab, editor, secret, next_url=listing)
    expect(tab.locator("main table tbody")).to_contain_text(leaving.name)

    # Move: choose the session, read what will happen, confirm.
    mail.outbox = []
    row_action(tab, leaving.name, f"Déplacer {leaving.name} vers une autre session")
    tab.get_by_label("Déplacer vers la session").select_option(str(there.pk))
    check_page(tab, "admin-registration-move-choose")
    tab.get_by_role("button", name="Continuer").click()
    happens = tab.locator("[data-what-happens]")
    expect(happens).to_contain_text(
        "Petit Déj déjà plein est complet : la personne passe sur sa liste d’attente, numéro 1"
    )
    expect(happens).to_contain_text(f"La place libérée revient à {waiting.name}")
    check_page(tab, "admin-registration-move-confirm")
    tab.get_by_role("button", name="Oui, déplacer cette inscription").click()
    expect(tab).to_have_url(re.compile(r"/admin/snippets/events/registration/"))
    expect(tab.locator(".messages")).to_contain_text("sur la liste d’attente (numéro 1)")
    check_page(tab, "admin-registrations-after-move")

    moved = Registration.objects.get(event=there, email=leaving.email)
    assert moved.status == "waiting" and Registration.objects.get(pk=leaving.pk).status == "cancelled"
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"
    to_leaving = [m for m in mail.outbox if m.to == [leaving.email]]
    assert sorted(m.subject.split(" :")[0] for m in to_leaving) == [
        "[Relais] Inscription annulée",
        "[Relais] Votre inscription est déplacée",
    ]
    promoted = next(m for m in mail.outbox if m.to == [waiting.email])
    assert [a[2] for a in promoted.attachments if a[2].startswith("text/calendar")]

    # Cancel the promoted person's registration.
    mail.outbox = []
    tab.goto(listing)
    row_action(tab, waiting.name, f"Annuler l’inscription de {waiting.name}")
    expect(tab.locator("[data-what-happens]")).to_contain_text("L’inscription est annulée")
    check_page(tab, "admin-registration-cancel-confirm")
    tab.get_by_role("button", name="Oui, annuler cette inscription").click()
    expect(tab.locator(".messages")).to_contain_text(f"Inscription de {waiting.name} annulée")
    assert Registration.objects.get(pk=waiting.pk).status == "cancelled"
    [receipt] = [m for m in mail.outbox if m.to == [waiting.email]]
    assert "L’équipe a annulé votre inscription" in receipt.body
    assert [a for a in receipt.attachments if "method=CANCEL" in a[2]]

    # The history keeps the move.
    tab.goto(f"/admin/snippets/events/registration/history/{leaving.pk}/")
    expect(tab.locator("main")).to_contain_text("Déplacée de « Petit Déj à quitter » vers « Petit Déj déjà plein »")
    tab.context.close()


def test_the_move_page_on_a_phone(browser, site_url, sessions, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    here, there, (leaving, _waiting) = sessions
    suffix = timezone.now().strftime("%H%M%S%f")
    editor, secret = staff_with_totp(django_db_blocker, f"inscriptions-mobile-{suffix}@example.org", "Editors")
    tab = new_tab(browser, site_url, 390, 844)
    sign_in(tab, editor, secret, next_url=f"/admin/registrations/{leaving.pk}/move/")
    tab.get_by_label("Déplacer vers la session").select_option(str(there.pk))
    tab.get_by_role("button", name="Continuer").click()
    expect(tab.locator("[data-what-happens]")).to_contain_text("numéro 1")
    check_page(tab, "admin-registration-move-confirm-phone")
    tab.context.close()
