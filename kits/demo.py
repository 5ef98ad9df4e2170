"""Demo content of the kits section."""

from .models import KitIndexPage


def load(demo):
    demo.ensure_index(
        KitIndexPage,
        slug="kits",
        title="Kits d'action",
        introduction="Choisissez un kit adapté à votre public et lancez votre action, en toute autonomie.",
        english={
            "Kits d'action": "Action kits",
            "kits": "kits",
            "Choisissez un kit adapté à votre public et lancez votre action, en toute autonomie.": (
                "Pick a kit that suits your audience and run your action on your own."
            ),
        },
    )
