"""Demo testimonials: eight approved (two by English-speaking authors: the text is theirs,
not translated), one pending, one rejected. Photos drawn with Pillow, re-encoded like uploads."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from community.associations.models import Association
from community.testimonials.models import Testimonial, TestimonialIndexPage
from community.testimonials.photo_storage import publish_photo
from community.testimonials.photos import clean_photo
from core.territories import territory_for_postcode
from home.illustrations import illustration
from kits.demo import MOTIFS
from kits.models import KitPage

# (title, name, association, kit slug, days ago, postcode, participants, language, status, photo colour, story)
TESTIMONIALS = [
    (
        "Une course sous le soleil à Lyon",
        "Camille",
        "Courir Ensemble",
        "course-solidaire-ecole",
        20,
        "69003",
        180,
        "fr",
        "approved",
        (47, 138, 126),
        "Toute l'école a couru pendant une matinée. Les enfants ont cherché des parrains pendant deux semaines : "
        "1 200 euros récoltés ! Conseil : préparez les dossards la veille.",
    ),
    (
        "Collecte réussie au lycée",
        "Yanis",
        "Dignité Hygiène",
        "collecte-produits-hygiene",
        35,
        "13001",
        60,
        "fr",
        "approved",
        (207, 230, 225),
        "Trois cartons de produits d'hygiène en une semaine. Les élèves de seconde ont fait les affiches "
        "et tenu le point de collecte à la cantine.",
    ),
    (
        "Stand prévention au marché",
        "Martine",
        "Route Sûre",
        "stand-securite-routiere",
        50,
        "35000",
        120,
        "fr",
        "approved",
        (12, 92, 85),
        "Le simulateur de lunettes a attiré beaucoup de monde. Prévoyez deux personnes au stand au minimum.",
    ),
    (
        "Clean-up on the beach",
        "Sarah",
        "Nature Propre",
        "ramassage-dechets",
        70,
        "29200",
        40,
        "en",
        "approved",
        (143, 196, 186),
        "Forty people, sixty bags of litter in two hours. The kit's safety checklist was very useful with children.",
    ),
    (
        "Petit-déjeuner partagé en Guadeloupe",
        "Léa",
        "Familles Solidaires",
        "petit-dejeuner-solidaire",
        90,
        "97110",
        35,
        "fr",
        "approved",
        (250, 200, 120),
        "Un moment convivial avec les familles du quartier. Nous recommencerons à la rentrée.",
    ),
    (
        "Gestes qui sauvent au club de foot",
        "Thomas",
        "Souffle Commun",
        "atelier-gestes-qui-sauvent",
        120,
        "59000",
        25,
        "fr",
        "approved",
        (200, 120, 90),
        "Les jeunes joueurs ont appris la position latérale de sécurité et l'appel aux secours. Très concret.",
    ),
    (
        "A connected challenge at work",
        "James",
        "Courir Ensemble",
        "defi-sportif-connecte",
        200,
        "75011",
        90,
        "en",
        "approved",
        (90, 110, 200),
        "Our team walked 4,000 km in a month. Friendly competition between departments did the rest.",
    ),
    (
        "Des affiches dans toute la commune",
        "Inès",
        "Route Sûre",
        "affiches-prevention",
        400,
        "20000",
        15,
        "fr",
        "approved",
        None,
        "Les affiches sont restées tout l'été dans les commerces. Pensez à demander l'accord de la mairie.",
    ),
    (
        "Notre course de printemps",
        "Paul",
        "Courir Ensemble",
        "course-solidaire-ecole",
        5,
        "33000",
        75,
        "fr",
        "pending",
        (150, 200, 120),
        "En attente de modération : une belle course avec les CM2.",
    ),
    (
        "Promotion de ma boutique",
        "Vendeur",
        "",
        None,
        10,
        "75002",
        3,
        "fr",
        "rejected",
        None,
        "Venez acheter chez moi ! (refusé : publicité)",
    ),
]


def demo_photo(label, kit):
    """An illustration of the action (home/illustrations.py), through the same cleaning as
    an uploaded photo."""
    data = illustration(label, kit_motif(kit) if kit else "people")
    photo, _size = clean_photo(SimpleUploadedFile("demo.jpg", data, content_type="image/jpeg"))
    return photo


def kit_motif(kit):
    return "nature" if kit.slug == "ramassage-dechets" else MOTIFS.get(kit.format, "people")


def skeleton(demo):
    """The local actions' wall in both languages."""
    return demo.ensure_index(
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


def load(demo):
    skeleton(demo)
    if not Testimonial.objects.exists():
        load_testimonials(demo)


def load_testimonials(demo):
    kits = {kit.slug: kit for kit in KitPage.objects.filter(locale=demo.french)}
    associations = {association.name: association for association in Association.objects.all()}
    now = timezone.now()
    today = timezone.localdate()
    for title, name, association, slug, days, postcode, participants, language, status, colour, story in TESTIMONIALS:
        postcode = postcode if territory_for_postcode(postcode) else "20000"
        testimonial = Testimonial(
            display_name=name,
            email=f"{name.lower()}.temoin@example.org",
            association=associations.get(association),
            kit=kits.get(slug) if slug else None,
            title=title,
            story=story,
            action_date=today - timedelta(days=days),
            postcode=postcode,
            territory=territory_for_postcode(postcode),
            participants=participants,
            language=language,
            status=status,
            created_at=now - timedelta(days=days - 2 if days > 2 else 0),
            moderated_at=now - timedelta(days=max(days - 3, 0)) if status != "pending" else None,
            rejection_reason="Publicité pour un commerce." if status == "rejected" else "",
        )
        if colour:
            testimonial.photo_consent_at = testimonial.created_at
            testimonial.photo_alt_text = (
                "Illustration : des bénévoles réunis pour l'action, dans un paysage" if status == "approved" else ""
            )
            testimonial.photo.save("demo.jpg", demo_photo(title, testimonial.kit), save=False)
        testimonial.save()
        if status == "approved":
            publish_photo(testimonial)
    demo.note(f"{len(TESTIMONIALS)} testimonials")
