"""Demo content of the community section: local actions, resources, directory."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import demo_testimonials
from .article_demo import load_articles
from .factories import AssociationFactory
from .models import ArticleIndexPage, Association, AssociationIndexPage, MemberProfile, TestimonialIndexPage

# The network's associations (fictional), used by kits, sessions and members.
ASSOCIATIONS = [
    (
        "Courir Ensemble",
        "Des courses solidaires dans les écoles et les entreprises pour financer la lutte contre la faim.",
    ),
    ("Dignité Hygiène", "Collecte et distribution de produits d'hygiène pour les personnes en précarité."),
    ("Route Sûre", "Sensibilisation aux risques routiers, des plus jeunes aux seniors."),
    ("Nature Propre", "Ramassages citoyens de déchets et sensibilisation à la préservation des milieux."),
    ("Souffle Commun", "Soutien aux malades d'une maladie respiratoire rare et à leurs familles."),
    ("Familles Solidaires", "Un réseau de familles qui s'entraident et animent la vie locale."),
]


def load(demo):
    for name, description in ASSOCIATIONS:
        AssociationFactory(name=name, short_description=description)
    demo.associations = {association.name: association for association in Association.objects.all()}
    # After every app: the admin account (home) exists by then.
    demo.on_finish(load_members)
    demo.on_finish(load_articles)  # after the members: the recap's thread has a member's reply
    demo.on_finish(demo_testimonials.load)  # after kits: testimonials point to kits

    demo.ensure_index(
        TestimonialIndexPage,
        slug="actions-locales",
        title="Actions locales",
        introduction="Elles et ils ont lancé une action près de chez eux : découvrez comment ça s'est passé.",
        english={
            "Actions locales": "Local actions",
            "actions-locales": "local-actions",
            "Elles et ils ont lancé une action près de chez eux : découvrez comment ça s'est passé.": (
                "They ran an action close to home: find out how it went."
            ),
        },
    )
    demo.ensure_index(
        ArticleIndexPage,
        slug="ressources",
        title="Ressources",
        introduction="Comptes rendus des Petits Déj et guides pratiques pour les associations.",
        english={
            "Ressources": "Resources",
            "ressources": "resources",
            "Comptes rendus des Petits Déj et guides pratiques pour les associations.": (
                "Petit Déj recaps and practical guides for associations."
            ),
        },
    )
    demo.ensure_index(
        AssociationIndexPage,
        slug="associations",
        title="Associations",
        introduction="Les associations du réseau Relais.",
        english={
            "Associations": "Associations",
            "associations": "associations",
            "Les associations du réseau Relais.": "The associations of the Relais network.",
        },
    )


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
