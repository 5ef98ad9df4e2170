"""Demo content of the feedback threads: on the Petit Déj recap, a visitor's comment with
a member's reply, and a visitor's question."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

from community.comments.services import create_comment
from community.comments.threads import comments_on

RECAP_SLUG = "petit-dej-ce-que-nous-avons-appris-des-kits"


def load(demo):
    demo.on_finish(load_comments)  # after the members: a member replies


def load_comments(demo):
    # Threads attach to any page: the recap is found as a page, not as an article.
    recap = Page.objects.filter(locale=demo.french, slug=RECAP_SLUG).specific().first()
    if recap is None or comments_on(recap).exists():
        return
    write_comments(recap)


def write_comments(recap):
    """One thread with a member's reply, and a visitor's comment."""
    ines = get_user_model().objects.filter(email="ines.moreau@example.org").first()
    first = create_comment(
        recap,
        name="Sophie",
        email="sophie.visiteuse@example.org",
        text="Merci pour ce compte rendu. Chez nous, la fiche d'une page a tout changé : "
        "les bénévoles osent se lancer.",
        followup=False,
        parent_id=0,
    )
    if ines is not None:
        create_comment(
            recap,
            name=ines.get_full_name(),
            email=ines.email,
            text="Pareil à Nature Propre : on a réduit notre kit de moitié et les ramassages ont doublé.",
            followup=False,
            parent_id=first.pk,
            user=ines,
        )
    create_comment(
        recap,
        name="Marc",
        email="marc.visiteur@example.org",
        text="Et pour les écoles, comment trouvez-vous les bénévoles habilité·es ?",
        followup=False,
        parent_id=0,
    )
