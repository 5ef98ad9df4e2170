"""What the browser journeys need, built with the factories and committed (the live server
reads the same database). The skeleton is put back when a browser module ends
(tests/skeleton.py), so each module builds its own content."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from community.associations.factories import AssociationFactory
from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import heading, paragraph, stream
from home.localization import translate
from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory, faq, step
from kits.models import KitIndexPage, Theme

PASSWORD = "Un-mot-de-passe-solide-42"  # community.members.factories.UserFactory's


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def themes():
    return {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}


ADVICE = [
    "Réunissez une petite équipe deux ou trois semaines avant l'action et fixez la date ensemble.",
    "Dites clairement pour quelle association vous agissez et où va ce qui sera récolté.",
    "Prévenez la mairie ou le lieu qui vous accueille, et gardez leur accord par écrit.",
    "Le jour venu, accueillez chaque personne, expliquez la cause en une phrase et remerciez.",
    "Après l'action, envoyez le bilan à l'association et racontez comment ça s'est passé.",
]


def kit_body(steps, questions, paragraphs=8):
    """A kit long enough to be judged fine: advice, the steps, the FAQ."""
    advice = [paragraph(" ".join(ADVICE[n % 5 :] + ADVICE[: n % 5])) for n in range(paragraphs)]
    return stream(
        heading("Avant de commencer"),
        *advice,
        heading("Le déroulé"),
        *[step(title, text, "1 h") for title, text in steps],
        faq(questions),
    )


def make_kit(
    title, slug, *, steps, questions=(("Faut-il une assurance ?", "Celle de l'association."),), english=None, **fields
):
    """A published French kit with one PDF material, under the skeleton's kits index (the
    skeleton's themes have their English translations already); `english` translates it."""
    theme_list = fields.pop("themes", [])
    fields.setdefault("association", AssociationFactory(name="Courir Ensemble"))
    kit = KitPageFactory(
        parent=KitIndexPage.objects.get(locale__language_code="fr"),
        title=title,
        slug=slug,
        body=kit_body(steps, questions),
        themes=theme_list,
        **fields,
    )
    KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"Guide {title}"), label=f"Guide : {title}")
    publish(kit)
    if english:  # French source string → English, as an editor translates it
        translate(kit, "en", english)
    return kit


def make_event(title, slug, **fields):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(title=title, slug=slug, **fields)
    index.add_child(instance=event)
    return publish(event)


def staff(email, *, group=None, superuser=False):
    """A staff account with a verified address (the admin signs in through allauth)."""
    User = get_user_model()
    user = User.objects.create_user(email, email, PASSWORD, is_staff=True, is_superuser=superuser)
    if group:
        user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
