"""Demo content of the community section: local actions, resources, directory."""

from .models import ArticleIndexPage, AssociationIndexPage, TestimonialIndexPage


def load(demo):
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
