"""Feedback threads in the browser: a visitor reads the Petit Déj recap, comments and
confirms by e-mail (link taken from the outbox: the live server runs in this process);
a member replies; a moderator hides the visitor's comment in the admin."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage
from community.associations.factories import AssociationFactory
from home.factories import paragraph, stream
from home.localization import translate
from tests.browser import content
from tests.browser.conftest import check_page

PASSWORD = content.PASSWORD
RECAP = "/ressources/petit-dej-ce-que-nous-avons-appris-des-kits/"


@pytest.fixture(scope="module", autouse=True)
def network(site_url, django_db_blocker):
    """A recap and two guides (translated), and an association of the Rhône with a kit."""
    with django_db_blocker.unblock():
        index = ArticleIndexPage.objects.get(locale__language_code="fr")
        recap = ArticlePageFactory(
            parent=index,
            title="Petit Déj : ce que nous avons appris des kits",
            slug="petit-dej-ce-que-nous-avons-appris-des-kits",
            category="petit_dej",
            body=stream(paragraph("Une douzaine de référents ont comparé leurs kits d'action.")),
        )
        content.publish(recap)
        translate(
            recap,
            "en",
            {
                "Petit Déj : ce que nous avons appris des kits": "Petit Déj: what we learnt about kits",
                "petit-dej-ce-que-nous-avons-appris-des-kits": "petit-dej-what-we-learnt-about-kits",
            },
        )
        for title in ("Guide : recruter loin de ses antennes", "Guide : valoriser les actions locales"):
            content.publish(ArticlePageFactory(parent=index, title=title, category="guide"))
        themes = content.themes()
        courir = AssociationFactory(name="Courir Ensemble", territories=["69", "01"])
        courir.themes.set([themes["sport"]])
        AssociationFactory(name="Nature Propre", territories=["69"]).themes.set([themes["environnement"]])
        content.make_kit(
            "Course solidaire à l'école",
            "course-solidaire-ecole",
            association=courir,
            themes=[themes["sport"]],
            steps=[("Obtenir l'accord", "De l'école."), ("Courir", "Ensemble."), ("Remercier", "Les parrains.")],
        )


@pytest.fixture
def db_access(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def people(db_access):
    from community.members.factories import MemberFactory, UserFactory

    suffix = timezone.now().strftime("%H%M%S%f")
    member = MemberFactory(
        approved=True, user__first_name="Romane", user__last_name="Vidal", user__email=f"romane-{suffix}@example.org"
    ).user
    moderator = UserFactory(email=f"moderatrice-{suffix}@example.org", is_staff=True, is_superuser=True)
    return {"member": member, "moderator": moderator, "suffix": suffix}


def log_in(page, user):
    page.goto("/compte/login/")
    page.get_by_label("E-mail", exact=True).fill(user.email)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).not_to_have_url(re.compile(r"/compte/login/"))


def test_visitor_comments_member_replies_moderator_hides(page, browser, site_url, people):
    suffix = people["suffix"]
    text = f"Nous avons testé la fiche d'une page ({suffix}) : <b>ça marche</b>."
    email = f"visiteur-{suffix}@example.org"

    # A visitor reads the recap and comments.
    page.goto(RECAP)
    expect(page.get_by_role("heading", name="Et vous, vous en pensez quoi ?")).to_be_visible()
    check_page(page, "community-recap")
    page.locator(".comment-new").get_by_role("link", name="Écrire un commentaire").click()  # the form's own page
    expect(page.get_by_role("heading", level=1)).to_have_text("Ajouter un commentaire")
    check_page(page, "community-comment-form")
    page.get_by_role("button", name="Envoyer mon commentaire").click()  # empty: errors beside the fields
    expect(page.locator(".error-summary")).to_be_visible()
    check_page(page, "community-comment-errors")
    page.get_by_label("Nom affiché").fill("Yanis")
    page.get_by_label("E-mail pour confirmer").fill(email)
    page.get_by_label("Votre commentaire").fill(text)
    page.get_by_role("button", name="Envoyer mon commentaire").click()
    expect(page.get_by_role("heading", name="Consultez vos e-mails")).to_be_visible()
    check_page(page, "community-check-email")

    # The confirmation link from the e-mail publishes it.
    message = [m for m in mail.outbox if email in m.to][-1]
    link = re.search(r"https?://\S+/commentaires/confirmer/\S+/", message.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_text("Merci : votre commentaire est publié.")).to_be_visible()
    expect(page.locator(".comment__text", has_text=suffix)).to_contain_text("<b>ça marche</b>")
    check_page(page, "community-comment-published")

    # A member replies under it.
    member_context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    member_page = member_context.new_page()
    log_in(member_page, people["member"])
    member_page.goto(RECAP)
    thread = member_page.locator(".comment-list__thread", has_text=suffix)
    thread.locator("summary").click()
    thread.get_by_label("Votre commentaire").fill(f"Merci Yanis, on va l'essayer aussi ({suffix}).")
    thread.get_by_role("button", name="Envoyer ma réponse").click()
    expect(member_page.get_by_text("Votre commentaire est publié.")).to_be_visible()
    reply = member_page.locator(".comment-list--replies .comment", has_text=f"on va l'essayer aussi ({suffix})")
    expect(reply).to_contain_text("Romane Vidal")
    check_page(member_page, "community-member-reply")
    member_context.close()

    # A moderator hides the visitor's comment in the admin.
    admin_context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    admin_page = admin_context.new_page()
    log_in(admin_page, people["moderator"])
    admin_page.goto("/admin/snippets/django_comments_xtd/xtdcomment/")
    row = admin_page.locator("tr", has_text=f"({suffix}) : <b>")
    check_page(admin_page, "community-admin-comments")
    row.get_by_role("button", name=re.compile("options pour « Yanis")).click()  # the row's menu
    row.get_by_role("link", name=re.compile("^Masquer")).click()
    admin_page.get_by_role("button", name="Oui, masquer").click()
    expect(admin_page.get_by_text("1 commentaire masqué.")).to_be_visible()
    admin_page.goto("/admin/snippets/django_comments_xtd/xtdcomment/?visibility=hidden")
    expect(admin_page.locator("tr", has_text=f"({suffix}) : <b>")).to_be_visible()
    check_page(admin_page, "community-admin-hidden-comments")
    admin_context.close()

    page.goto(RECAP)
    expect(page.get_by_text("Ce commentaire a été masqué par l'équipe de modération.")).to_be_visible()
    expect(page.locator(".comment__text", has_text="<b>ça marche</b>")).to_have_count(0)
    expect(page.get_by_text(f"on va l'essayer aussi ({suffix})")).to_be_visible()
    check_page(page, "community-comment-hidden")


def test_directory_and_resources_in_both_languages(page, db_access):
    page.goto("/associations/")
    check_page(page, "community-directory")
    page.get_by_label("Thème", exact=True).select_option("sport")
    page.get_by_label("Département", exact=True).select_option("69")
    page.get_by_role("button", name="Afficher les associations").click()
    expect(page.get_by_role("heading", name="1 association")).to_be_visible()
    page.get_by_role("link", name="Courir Ensemble").click()
    expect(page.get_by_role("heading", name="Ses kits")).to_be_visible()
    expect(page.get_by_role("heading", name="Courir Ensemble", level=1)).to_be_visible()
    check_page(page, "community-association")
    page.goto("/ressources/")
    page.get_by_role("link", name="Guide", exact=True).click()
    expect(page.locator(".article-card")).to_have_count(2)
    check_page(page, "community-resources-guides")
    page.goto("/en/resources/petit-dej-what-we-learnt-about-kits/")
    expect(page.get_by_role("heading", name="And you, what do you think?")).to_be_visible()
    check_page(page, "community-recap-english")
    page.goto("/en/associations/courir-ensemble/")
    expect(page.get_by_role("heading", name="Its kits")).to_be_visible()
    check_page(page, "community-association-english")
