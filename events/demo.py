"""Demo content of the events section."""

from .models import EventIndexPage


def load(demo):
    demo.ensure_index(
        EventIndexPage,
        slug="evenements",
        title="Événements",
        introduction="Les Petits Déj interassociatifs et les formations du réseau.",
        english={
            "Événements": "Events",
            "evenements": "events",
            "Les Petits Déj interassociatifs et les formations du réseau.": (
                "The network's inter-association breakfasts and training sessions."
            ),
        },
    )
