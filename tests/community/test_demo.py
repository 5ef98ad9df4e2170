"""Demo members: approved referents in several associations and one pending request."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress

from django.core.management import call_command

from community.members.access import is_network_member
from community.members.models import MemberProfile

pytestmark = pytest.mark.django_db


def test_demo_has_approved_members_in_several_associations_and_one_pending():
    profiles = MemberProfile.objects.filter(user__email__endswith="@example.org").select_related("user", "association")
    approved = [profile for profile in profiles if profile.status == "approved"]
    pending = [profile for profile in profiles if profile.status == "pending"]
    assert len({profile.association_id for profile in approved}) >= 3
    assert [profile.user.email for profile in pending] == ["lucas.petit@example.org"]
    assert all(is_network_member(profile.user) for profile in approved)
    for profile in profiles:
        address = EmailAddress.objects.get(user=profile.user)
        assert address.verified and address.primary


def test_demo_admin_can_sign_in_through_allauth():
    assert EmailAddress.objects.filter(user__is_superuser=True, verified=True, primary=True).exists()


def test_second_demo_run_prints_no_password():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "password" not in out.getvalue()
    assert MemberProfile.objects.filter(user__email="claire.martin@example.org").count() == 1


def test_demo_prints_a_members_password_when_it_creates_the_account():
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(email="karim.benali@example.org").delete()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Account karim.benali@example.org created, password: " in out.getvalue()
    assert MemberProfile.objects.get(user__email="karim.benali@example.org").status == "approved"
