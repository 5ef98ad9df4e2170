""" "How did it go?": two days after the planned date, once, respecting the opt-out; the
link opens the testimonial form pre-filled from the declaration; an unknown or used token
leaves the form empty; approving the testimonial reports the declaration."""

import datetime
import io
import re

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command

from community.testimonials.models import Testimonial as Story
from kits.factories import ActionDeclarationFactory
from kits.followups import send_kit_followups
from kits.models import ActionDeclaration, DeclarationStatus

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def kit(make_kit):
    return make_kit(title="Ramassage de la plage", slug="ramassage-de-la-plage")


def declared(kit, days_ago, **fields):
    return ActionDeclarationFactory(
        kit=kit,
        planned_date=TODAY - datetime.timedelta(days=days_ago),
        created_at=NOW - datetime.timedelta(days=days_ago + 20),
        postcode="29200",
        territory="29",
        **fields,
    )


def followups_to(address):
    return [m for m in mail.outbox if m.to == [address] and "partager/?declaration=" in m.body]


def test_sent_two_days_after_once_and_only_to_who_accepts_emails(kit, django_capture_on_commit_callbacks):
    mail.outbox = []
    due = declared(kit, 2, email="due@example.org")
    later = declared(kit, 3, email="later@example.org")  # missed yesterday's run: still sent
    too_soon = declared(kit, 1, email="soon@example.org")
    opted_out = declared(kit, 2, email="optout@example.org", emails_opt_out=True)
    cancelled = declared(kit, 2, email="cancel@example.org", status=DeclarationStatus.CANCELLED)
    too_old = declared(kit, 45, email="old@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_kit_followups() == 2
    assert len(followups_to("due@example.org")) == 1 and len(followups_to("later@example.org")) == 1
    for other in (too_soon, opted_out, cancelled, too_old):
        assert followups_to(other.email) == []
        other.refresh_from_db()
        assert other.followup_sent_at is None
    due.refresh_from_db()
    assert due.followup_sent_at == NOW
    [message] = followups_to("due@example.org")
    assert f"http://testserver/actions-locales/partager/?declaration={due.token}" in message.body or (
        f"/actions-locales/partager/?declaration={due.token}" in message.body
    )
    assert message.alternatives and later.pk
    # Idempotent: a second run the same day, and the next day, sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert send_kit_followups() == 0
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert send_kit_followups() == 1  # only "soon", now two days after
    assert len(followups_to("due@example.org")) == 1
    assert len(followups_to("soon@example.org")) == 1


def test_run_daily_sends_them_and_english_authors_get_the_english_link(kit, django_capture_on_commit_callbacks):
    mail.outbox = []
    declaration = declared(kit, 2, email="en@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_daily", stdout=io.StringIO())
    [message] = followups_to("en@example.org")
    assert f"/en/local-actions/partager/?declaration={declaration.token}" in message.body
    assert "How did" in message.subject


def test_the_link_prefills_kit_date_and_postcode(client, kit):
    declaration = declared(kit, 2, email="prefill@example.org", name="Jeanne Dupont", expected_participants=55)
    html = client.get(f"/actions-locales/partager/?declaration={declaration.token}").content.decode()
    assert re.search(rf'<option value="{kit.pk}" selected>', html)
    assert f'value="{declaration.planned_date.isoformat()}"' in html
    assert 'value="29200"' in html
    assert 'value="prefill@example.org"' in html
    assert 'value="Jeanne"' in html and 'value="55"' in html


@pytest.mark.parametrize("token", ["inconnu", "x" * 200, "<script>"])
def test_unknown_token_gives_an_empty_form(client, token):
    response = client.get("/actions-locales/partager/", {"declaration": token})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="postcode"' in html and 'name="postcode" value=' not in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_used_token_gives_an_empty_form_and_approval_reports_the_declaration(
    client, kit, django_capture_on_commit_callbacks
):
    from community.testimonials import services as testimonial_services

    declaration = declared(kit, 2, email="used@example.org")
    url = f"/actions-locales/partager/?declaration={declaration.token}"
    data = {
        "display_name": "Jeanne",
        "email": "used@example.org",
        "association": "Nature Propre",
        "kit": str(kit.pk),
        "title": "Belle plage",
        "story": "Soixante sacs !",
        "action_date": declaration.planned_date.isoformat(),
        "postcode": "29200",
        "participants": "61",
        "consent": "on",
    }
    assert client.post(url, data).status_code == 302
    testimonial = Story.objects.get()
    assert testimonial.declaration == declaration
    # The same link again: an empty form (no error page), and a second story is not linked.
    html = client.get(url).content.decode()
    assert 'value="29200"' not in html
    with django_capture_on_commit_callbacks(execute=True):
        testimonial_services.approve([testimonial], user=None)
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REPORTED
    assert declaration.reported_participants == 61
    # A reported declaration is not followed up.
    ActionDeclaration.objects.filter(pk=declaration.pk).update(followup_sent_at=None)
    assert send_kit_followups() == 0
