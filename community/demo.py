"""Demo content of the community section: local actions, resources, directory."""

from .factories import AssociationFactory
from .models import ArticleIndexPage, Association, AssociationIndexPage, TestimonialIndexPage

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
