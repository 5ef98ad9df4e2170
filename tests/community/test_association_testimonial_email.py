"""Association spaces, their e-mail: a testimonial about one of their kits is told to the
kit's association staff (who moderate it too) as well as to the Moderators; other associations' staff hear
nothing; staff who are Moderators too get one e-mail."""

import pytest

from django.contrib.auth.models import Group
from django.core import mail

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.members.factories import UserFactory
from community.testimonials.emails import notify_moderators
from community.testimonials.models import Testimonial as Story
from tests.community.testimonial_helpers import make_testimonial
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def test_the_kits_association_staff_are_told_as_well_as_the_moderators(make_kit):  # noqa: F811
    a = AssociationFactory(name="Les Amis du Quartier")
    b = AssociationFactory(name="Bouge ta Ville")
    alice, basile, both = (UserFactory(email=f"{name}@example.org") for name in ("alice", "basile", "both"))
    staff.grant(alice, a)
    staff.grant(basile, b)
    staff.grant(both, a)
    moderator = UserFactory(email="moderateur@example.org")
    for user in (moderator, both):
        user.groups.add(Group.objects.get(name="Moderators"))
    kit = make_kit(title="Collecte des Amis", association=a)
    testimonial = make_testimonial(kit=kit, title="Une collecte réussie", status=Story.Status.PENDING)
    mail.outbox = []
    notify_moderators.call(testimonial.pk)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["alice@example.org", "both@example.org", "moderateur@example.org"]
    [to_alice] = [message for message in mail.outbox if message.to == ["alice@example.org"]]
    assert to_alice.subject == "[Relais] Un nouveau témoignage sur votre kit « Collecte des Amis »"
    assert "« Collecte des Amis » de Les Amis du Quartier" in to_alice.body
    assert "Une collecte réussie" in to_alice.body
    # They moderate it too (community/testimonials/permissions.py): the link opens it.
    assert f"/admin/snippets/community/testimonial/edit/{testimonial.pk}/" in to_alice.body


def test_a_testimonial_without_a_kit_or_an_association_tells_the_moderators_only(make_kit):  # noqa: F811
    alice = UserFactory(email="alice@example.org")
    staff.grant(alice, AssociationFactory())
    for kit in (None, make_kit(association=None)):
        mail.outbox = []
        notify_moderators.call(make_testimonial(kit=kit, status=Story.Status.PENDING).pk)
        assert "alice@example.org" not in [address for message in mail.outbox for address in message.to]
