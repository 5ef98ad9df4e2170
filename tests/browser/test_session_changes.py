"""A Moderator moves a session in the real Wagtail admin (Publish): the registered member's
e-mail carries the updated calendar file (METHOD:REQUEST, same UID, higher SEQUENCE). Then
they cancel it with a reason: the e-mail carries METHOD:CANCEL and the page says cancelled."""

import re
import time
from datetime import timedelta

import pytest
import vobject
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def session(committed):
    from community.members.factories import MemberFactory
    from events import services
    from events.factories import EventPageFactory
    from events.models import EventIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(
        title="Petit Déj déplacé",
        slug=f"deplace-{suffix}",
        start=timezone.now().replace(hour=8, minute=30, second=0, microsecond=0) + timedelta(days=15),
        format="in_person",
        venue_address="Maison des associations\n12 rue Neuve\n69001 Lyon",
        capacity=10,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    member = MemberFactory(approved=True, user__email=f"membre-{suffix}@example.org").user
    services.register_member(event, member)  # autocommit: the e-mail leaves at once
    return event, member


def _last_has(address, method):
    sent = [m for m in mail.outbox if address in m.to]
    return bool(sent) and any(mime.endswith(f"method={method}") for _n, _c, mime in sent[-1].attachments)


def calendar_file(address, method, wait_seconds=10):
    # The e-mail leaves when the publish commits, in the live server's thread: it may come
    # just after the page that says "published".
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline and not _last_has(address, method):
        time.sleep(0.2)
    sent = [m for m in mail.outbox if address in m.to]
    assert sent, f"no e-mail to {address}"
    files = [(content, mime) for _n, content, mime in sent[-1].attachments if "calendar" in mime]
    assert len(files) == 1 and files[0][1].endswith(f"method={method}"), sent[-1].subject
    text = files[0][0].decode() if isinstance(files[0][0], bytes) else files[0][0]
    return sent[-1], vobject.readOne(text)


HIDE_DATE_PICKERS = "document.querySelectorAll('.xdsoft_datetimepicker').forEach(p => p.style.display = 'none')"


def publish(page, outcome=re.compile("publiée|mise à jour")):
    # Wagtail's date-time pickers stay open over the footer after a date was typed (a click
    # elsewhere would close them; where a click lands depends on the window): closed here.
    page.evaluate(HIDE_DATE_PICKERS)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.evaluate(HIDE_DATE_PICKERS)
    page.locator("footer button[name='action-publish']").first.click()
    expect(page.locator(".messages")).to_contain_text(outcome)


def test_moderator_moves_then_cancels_a_session(page, phone, session, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    event, member = session
    _message, first = calendar_file(member.email, "PUBLISH")
    moderator, secret = staff_with_totp(django_db_blocker, f"moderation-{event.slug}@example.org", "Moderators")
    sign_in(page, moderator, secret, next_url=f"/admin/pages/{event.pk}/edit/")

    start, end = page.locator("#id_start"), page.locator("#id_end")
    moved_start = timezone.localtime(event.start + timedelta(days=1))
    moved_end = timezone.localtime(event.end + timedelta(days=1))
    start.fill(moved_start.strftime("%Y-%m-%d %H:%M"))
    end.fill(moved_end.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    publish(page)

    message, moved = calendar_file(member.email, "REQUEST")
    assert message.subject.startswith("[Relais] Changement de date ou de lieu")
    assert moved.vevent.uid.value == first.vevent.uid.value
    assert int(moved.vevent.sequence.value) == int(first.vevent.sequence.value) + 1
    assert moved.vevent.dtstart.value == moved_start

    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.get_by_label("Session annulée").check()
    publish(page, "erreurs de validation")  # no reason: refused next to the field
    reason = page.locator("[data-field-wrapper]").filter(has=page.locator("#id_cancellation_reason"))
    expect(reason).to_contain_text("Dites pourquoi la session est annulée")
    check_page(page, "admin-session-cancel-reason-1280", region="[data-field-wrapper]:has(#id_cancellation_reason)")
    page.get_by_label("Raison de l'annulation").fill("L'intervenante est malade : nous reprogrammons en janvier.")
    publish(page)

    message, cancelled = calendar_file(member.email, "CANCEL")
    assert message.subject == "[Relais] Session annulée : Petit Déj déplacé"
    assert "L'intervenante est malade" in message.body
    assert cancelled.vevent.status.value == "CANCELLED"
    assert cancelled.vevent.uid.value == first.vevent.uid.value
    assert int(cancelled.vevent.sequence.value) > int(moved.vevent.sequence.value)

    for tab, width in ((phone, 390), (page, 1280)):
        tab.goto(event.url)
        expect(tab.get_by_text("Cette session est annulée.", exact=True)).to_be_visible()
        expect(tab.get_by_text("L'intervenante est malade : nous reprogrammons en janvier.")).to_be_visible()
        expect(tab.get_by_role("button", name="S'inscrire")).to_have_count(0)
        check_page(tab, f"event-cancelled-{width}")
