"""Demo content of the member accounts: approved referents and one pending request."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.members.models import MemberProfile


def load(demo):
    demo.on_finish(load_members)  # after every app: the admin account exists by then


# Network members: approved referents in several associations, and one pending request.
MEMBERS = [
    ("claire.martin@example.org", "Claire", "Martin", "Courir Ensemble", "Coordinatrice des bénévoles", "approved"),
    ("karim.benali@example.org", "Karim", "Benali", "Route Sûre", "Chargé de prévention", "approved"),
    ("ines.moreau@example.org", "Inès", "Moreau", "Nature Propre", "Présidente", "approved"),
    ("lucas.petit@example.org", "Lucas", "Petit", "Familles Solidaires", "Animateur", "pending"),
]


def load_members(demo):
    approver = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    for email, first_name, last_name, association, role, status in MEMBERS:
        user, created = demo.ensure_user(email, first_name=first_name, last_name=last_name)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        profile, profile_created = MemberProfile.objects.get_or_create(
            user=user,
            defaults={
                "association": demo.associations[association],
                "role": role,
                "status": status,
                "approved_by": approver if status == "approved" else None,
                "approved_at": timezone.now() if status == "approved" else None,
            },
        )
        if profile_created:
            demo.note(f"member {first_name} {last_name}")
    verify_staff_addresses()


def verify_staff_addresses():
    """Editors sign in through allauth too, which requires a verified address: the demo's
    admin account gets one (accounts created with createsuperuser verify theirs at first login)."""
    for user in get_user_model().objects.filter(is_staff=True).exclude(email=""):
        if not EmailAddress.objects.filter(user=user).exists():
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
