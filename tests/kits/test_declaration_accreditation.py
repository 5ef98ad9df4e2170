"""School kits: an accredited member is recognised on the declaration form; anyone else
sees the next training sessions and can still declare (recorded as not accredited)."""

import datetime
from html import unescape

import pytest

from django.utils import timezone

from community.members.factories import MemberFactory
from events.factories import EventPageFactory
from events.models import EventIndexPage
from kits.models import Accreditation, ActionDeclaration

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_kit(make_kit):
    kit = make_kit(title="Course à l'école", slug="course-a-l-ecole", school=True)
    assert kit.live and kit.school_setting
    return kit


@pytest.fixture
def training():
    index = EventIndexPage.objects.get(locale__language_code="fr")
    page = EventPageFactory.build(
        title="Formation aux interventions scolaires (test)", slug="formation-test", training_for_school_actions=True
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def form_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille@example.org",
        "organisation": "École Voltaire",
        "postcode": "75011",
        "planned_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "audience": "pupils",
        "expected_participants": "25",
        "consent": "on",
    }
    data.update(overrides)
    return data


def url(kit):
    return kit.url + kit.reverse_subpage("declare")


def test_accredited_member_is_recognised_and_recorded_as_accredited(
    client, school_kit, training, django_capture_on_commit_callbacks
):
    member = MemberFactory(approved=True, accredited_at=training.end, accreditation_event=training).user
    client.force_login(member)
    html = unescape(client.get(url(school_kit)).content.decode())
    assert "habilité" in html
    assert 'name="accredited"' not in html
    assert "Formation aux interventions scolaires (test)" not in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(school_kit), form_data(email=member.email))
    assert response.status_code == 302, unescape(response.content.decode())[:2000]
    assert ActionDeclaration.objects.get(email=member.email).accredited == Accreditation.YES


def test_anyone_else_sees_the_next_training_sessions_and_can_still_declare(
    client, school_kit, training, django_capture_on_commit_callbacks
):
    client.force_login(MemberFactory(approved=True).user)  # a member, not accredited
    html = unescape(client.get(url(school_kit)).content.decode())
    assert "Formation aux interventions scolaires (test)" in html
    assert f'href="{training.url}#registration-title"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(school_kit), form_data())
    assert response.status_code == 302
    assert ActionDeclaration.objects.get(email="camille@example.org").accredited == Accreditation.NO


def test_anonymous_visitor_sees_the_sessions(client, school_kit, training):
    html = unescape(client.get(url(school_kit)).content.decode())
    assert "Formation aux interventions scolaires (test)" in html
    assert 'name="accredited"' not in html
    assert "Déjà habilité·e ? Connectez-vous pour être reconnu·e." in html
