"""Moderation in the Wagtail admin: the Moderators group filters, searches, previews,
edits, approves (alt text first for a photo) or rejects with a reason, one or many;
authors are e-mailed; an approved testimonial reports its declaration in the indicators."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.core import mail

from community.members.factories import UserFactory
from community.testimonials.models import Testimonial as Story
from kits import indicators
from kits.factories import ActionDeclarationFactory
from kits.models import ActionDeclaration, DeclarationStatus
from tests.community.testimonial_helpers import make_testimonial

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/community/testimonial/"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def no_testimonials():
    Story.objects.all().delete()


@pytest.fixture
def moderator(client):
    user = UserFactory(email="moderatrice@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    client.user = user
    return client


def bulk_url(action, *testimonials):
    ids = "&".join(f"id={testimonial.pk}" for testimonial in testimonials)
    return f"/admin/bulk/community/testimonial/{action}/?{ids}&next={LIST_URL}"


def test_moderators_group_lists_filters_and_searches(moderator):
    pending = make_testimonial(title="Course en attente", status=Story.Status.PENDING)
    approved = make_testimonial(title="Course publiée", postcode="69003")
    response = moderator.get(LIST_URL + "?status=pending")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Course en attente" in html and "Course publiée" not in html
    assert f"/admin/bulk/community/testimonial/approve/?id={pending.pk}" in html
    html = moderator.get(LIST_URL + "?territory=69").content.decode()
    assert "Course publiée" in html and "Course en attente" not in html
    html = moderator.get(LIST_URL + "?q=attente").content.decode()
    assert "Course en attente" in html and "Course publiée" not in html
    assert moderator.get(LIST_URL + f"?kit={approved.pk}").status_code == 200


def test_edit_and_preview(moderator):
    testimonial = make_testimonial(title="Une faute de frape", status=Story.Status.PENDING)
    edit_url = f"{LIST_URL}edit/{testimonial.pk}/"
    assert moderator.get(edit_url).status_code == 200
    data = {
        "title": "Une faute de frappe",
        "story": testimonial.story,
        "photo_alt_text": "",
        "display_name": testimonial.display_name,
        "association": "",
        "association_other": "",
        "kit": "",
        "action_date": testimonial.action_date.isoformat(),
        "postcode": testimonial.postcode,
        "participants": "10",
    }
    preview_url = f"{LIST_URL}preview/{testimonial.pk}/"
    assert moderator.post(preview_url, data).json()["is_valid"]
    preview = moderator.get(preview_url)
    assert preview.status_code == 200
    assert "Une faute de frappe" in preview.content.decode()
    response = moderator.post(edit_url, data)
    assert response.status_code == 302
    testimonial.refresh_from_db()
    assert testimonial.title == "Une faute de frappe"
    assert testimonial.status == Story.Status.PENDING  # editing does not publish


def test_approving_one_emails_its_author_with_the_link(moderator, django_capture_on_commit_callbacks):
    mail.outbox = []
    testimonial = make_testimonial(status=Story.Status.PENDING, email="auteur@example.org", language="en")
    assert moderator.get(bulk_url("approve", testimonial)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(bulk_url("approve", testimonial))
    assert response.status_code == 302
    testimonial.refresh_from_db()
    assert testimonial.status == Story.Status.APPROVED
    assert testimonial.moderated_by == moderator.user and testimonial.moderated_at
    [message] = mail.outbox
    assert message.to == ["auteur@example.org"]
    assert message.subject.endswith("Your testimonial is published")
    assert f"http://testserver/en/local-actions/{testimonial.pk}/" in message.body or (
        f"/en/local-actions/{testimonial.pk}/" in message.body
    )


def test_a_photo_needs_its_alt_text_before_approval(moderator, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from tests.community.testimonial_helpers import image_bytes

    testimonial = make_testimonial(status=Story.Status.PENDING)
    testimonial.photo.save("x.jpg", ContentFile(image_bytes()), save=True)
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(bulk_url("approve", testimonial))
    testimonial.refresh_from_db()
    assert testimonial.status == Story.Status.PENDING
    Story.objects.filter(pk=testimonial.pk).update(photo_alt_text="Des enfants courent dans la cour")
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(bulk_url("approve", testimonial))
    testimonial.refresh_from_db()
    assert testimonial.status == Story.Status.APPROVED
    testimonial.photo.delete(save=False)


def test_rejecting_in_bulk_needs_a_reason_and_emails_it(moderator, django_capture_on_commit_callbacks):
    mail.outbox = []
    first = make_testimonial(status=Story.Status.PENDING, email="un@example.org")
    second = make_testimonial(status=Story.Status.PENDING, email="deux@example.org")
    response = moderator.post(bulk_url("reject", first, second), {"reason": ""})
    assert response.status_code == 200  # the form asks for the reason
    assert Story.objects.filter(status=Story.Status.REJECTED).count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(bulk_url("reject", first, second), {"reason": "Publicité pour un commerce."})
    assert Story.objects.filter(status=Story.Status.REJECTED).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["deux@example.org", "un@example.org"]
    assert all("Publicité pour un commerce." in m.body for m in mail.outbox)
    assert all(m.subject.endswith("À propos de votre témoignage") for m in mail.outbox)


def test_approved_testimonial_reports_its_declaration_in_the_indicators(
    moderator, race_kit, django_capture_on_commit_callbacks
):
    ActionDeclaration.objects.all().delete()
    kit = race_kit
    declaration = ActionDeclarationFactory(kit=kit, planned_date=date(2026, 10, 1), expected_participants=100)
    testimonial = make_testimonial(status=Story.Status.PENDING, kit=kit, declaration=declaration, participants=137)
    before = indicators.totals()
    assert before["reported"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(bulk_url("approve", testimonial))
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REPORTED
    assert declaration.reported_participants == 137
    [row] = indicators.per_kit()
    assert (row["reported"], row["reported_participants"], row["expected_participants"]) == (1, 137, 100)
    assert indicators.totals()["reported"] == 1


def test_xss_in_every_field_is_inert_in_the_admin_listing(moderator):
    make_testimonial(title=XSS, display_name=XSS, story=XSS, association_other=XSS, status=Story.Status.PENDING)
    html = moderator.get(LIST_URL).content.decode()
    assert XSS not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_moderators_are_emailed_about_a_new_testimonial():
    from community.testimonials.emails import notify_moderators
    from core.moderation import moderator_emails

    user = UserFactory(email="moderateur@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    UserFactory(email="personne@example.org")
    assert "moderateur@example.org" in moderator_emails()
    assert "personne@example.org" not in moderator_emails()
    mail.outbox = []
    testimonial = make_testimonial(title=XSS, status=Story.Status.PENDING)
    notify_moderators.call(testimonial.pk)
    to_moderator = [m for m in mail.outbox if m.to == ["moderateur@example.org"]]
    assert len(to_moderator) == 1
    html = to_moderator[0].alternatives[0][0]
    assert XSS not in html and "&lt;script&gt;" in html


def test_only_approved_testimonials_reach_the_search_index(django_capture_on_commit_callbacks):
    from wagtail.search.backends import get_search_backend

    from community.testimonials import services as testimonial_services

    def found():
        return [hit.pk for hit in get_search_backend().search("flamants", Story)]

    testimonial = make_testimonial(title="Les flamants roses", status=Story.Status.PENDING)
    assert found() == []
    with django_capture_on_commit_callbacks(execute=True):
        testimonial_services.approve([testimonial], user=None)
    assert found() == [testimonial.pk]
    with django_capture_on_commit_callbacks(execute=True):
        testimonial_services.reject([testimonial], user=None, reason="Doublon")
    assert found() == []


def test_dashboard_tells_moderators_how_many_wait(moderator):
    make_testimonial(status=Story.Status.PENDING)
    make_testimonial(status=Story.Status.PENDING)
    make_testimonial(status=Story.Status.APPROVED)
    html = moderator.get("/admin/").content.decode()
    # The moderation inbox's panel counts them and links to them (core.moderation_inbox).
    assert "Témoignages en attente</a> : <strong>2</strong>" in html
    assert f"{LIST_URL}?status=pending" in moderator.get("/admin/moderation/").content.decode()


def test_personal_data_export_of_an_account_lists_its_testimonials():
    from core.personal_data import export_personal_data

    user = UserFactory(email="export-temoin@example.org")
    make_testimonial(email="export-temoin@example.org", title="Mon action")
    exported = export_personal_data(user)["testimonials"]
    assert [item["title"] for item in exported] == ["Mon action"]
