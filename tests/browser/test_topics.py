"""Topics and training in the browser: a member proposes a topic, another votes; an
editor selects it for a session in the Wagtail admin;
the session shows who proposed it; an accredited member declares a school action."""

import datetime
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from django.utils import timezone

from events.factories import thursday_morning
from kits.choices import Audience
from tests.browser import content
from tests.browser.conftest import SCREENSHOTS, check_page

PASSWORD = content.PASSWORD


@pytest.fixture(scope="module", autouse=True)
def sessions_and_school_kit(site_url, django_db_blocker):
    """A Petit Déj to select a topic for, a training session and the school kit it prepares for."""
    with django_db_blocker.unblock():
        content.make_event("Petit Déj en ligne", "petit-dej-en-ligne", start=thursday_morning(3))
        content.make_event(
            "Formation aux actions en milieu scolaire",
            "formation-milieu-scolaire",
            start=thursday_morning(2),
            training_for_school_actions=True,
        )
        content.make_kit(
            "Course solidaire à l'école",
            "course-solidaire-ecole",
            audiences=[Audience.PUPILS],
            school_setting=True,
            steps=[("Obtenir l'accord", "De l'école."), ("Courir", "Ensemble."), ("Remercier", "Les parrains.")],
        )


@pytest.fixture
def db_access(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def people(db_access):
    from community.associations.factories import AssociationFactory
    from community.members.factories import MemberFactory

    suffix = timezone.now().strftime("%H%M%S%f")
    association = AssociationFactory(name=f"Amicale Sujets {suffix}", slug=f"amicale-sujets-{suffix}")
    proposer = MemberFactory(
        approved=True, association=association, user__first_name="Paule", user__email=f"paule-{suffix}@example.org"
    ).user
    voter = MemberFactory(approved=True, user__first_name="Victor", user__email=f"victor-{suffix}@example.org").user
    return {"proposer": proposer, "voter": voter, "association": association, "suffix": suffix}


def log_in(page, user):
    page.goto("/compte/login/")
    page.get_by_label("E-mail", exact=True).fill(user.email)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).not_to_have_url(re.compile(r"/compte/login/"))


def editor(suffix):
    from allauth.account.models import EmailAddress

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        f"topics-editor-{suffix}", f"topics-editor-{suffix}@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def admin_log_in(page, user):
    page.goto("/admin/")
    page.get_by_label("E-mail", exact=True).fill(user.email)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_member_proposes_another_votes_and_the_session_shows_the_proposer(page, browser, site_url, people):
    title = f"Partager nos outils numériques {people['suffix']}"
    page.goto("/evenements/sujets/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sujets des prochaines sessions")
    check_page(page, "topics-anonymous-fr")

    log_in(page, people["proposer"])
    page.goto("/evenements/sujets/")
    title_field = page.get_by_label("Sujet", exact=True)
    expect(title_field).to_have_attribute("maxlength", "120")  # the server refuses more too (tests/events)
    page.get_by_role("button", name="Proposer ce sujet").click()  # empty: the reason next to the field
    expect(page.locator("#id_title_error")).to_be_visible()
    check_page(page, "topics-propose-errors-fr")
    page.get_by_label("Sujet", exact=True).fill(title)
    page.get_by_label(re.compile("^Pourquoi ce sujet")).fill("<script>alert('x')</script> Des outils libres.")
    page.get_by_role("button", name="Proposer ce sujet").click()
    expect(page.get_by_text("Merci : votre sujet est proposé.")).to_be_visible()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    check_page(page, "topics-proposed-fr")

    other = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    voter_page = other.new_page()
    log_in(voter_page, people["voter"])
    voter_page.goto("/evenements/sujets/")
    voter_page.get_by_role("button", name=f"Voter pour « {title} »").click()
    expect(voter_page.get_by_text("Votre vote est compté.")).to_be_visible()
    topic_item = voter_page.locator("li.topic").filter(has_text=title)
    expect(topic_item).to_contain_text("1 vote")
    expect(topic_item.get_by_role("button", name=f"Retirer mon vote pour « {title} »")).to_be_visible()
    check_page(voter_page, "topics-voted-fr")
    other.close()

    # The editor's decision, in the admin: status "selected" and the session that takes it up.
    from events.models import EventPage, TopicProposal

    topic = TopicProposal.objects.get(title=title)
    session = EventPage.objects.filter(locale__language_code="fr", training_for_school_actions=False).upcoming().first()
    editor_context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    admin = editor_context.new_page()
    admin_log_in(admin, editor(people["suffix"]))
    admin.goto(f"/admin/snippets/events/topicproposal/edit/{topic.pk}/")
    expect(admin).to_have_url(re.compile(rf"/topicproposal/edit/{topic.pk}/$"))  # not sent back to the dashboard
    admin.locator("#id_status").select_option("selected")
    # Wagtail words it "Choisir une page" or "Choisissez une page (Événement)" once the chooser
    # knows its page type.
    choose = admin.get_by_role("button", name=re.compile("Choisir une page|Choisissez une page|Choose a page"))
    try:
        choose.wait_for(timeout=15_000)
    except PlaywrightTimeoutError:  # say what the editor saw instead
        admin.screenshot(path=str(SCREENSHOTS / "topics-admin-no-chooser.png"), full_page=True)
        field = admin.locator("[data-field-wrapper]").filter(has=admin.locator("[name=event]"))
        seen = field.inner_html() if field.count() else admin.locator("main").inner_text()
        raise AssertionError(f"no page chooser on the topic's edit page: {seen[:3000]}") from None
    choose.click()
    modal = admin.locator(".modal-content")
    # Wagtail opens the chooser where the sessions are (Home → Événements): pick it there.
    expect(modal.get_by_text("Formation aux actions en milieu scolaire")).to_be_visible()
    modal.get_by_role("link", name=re.compile(re.escape(session.title))).first.click()
    expect(modal).to_be_hidden()
    admin.get_by_role("button", name="Enregistrer").click()
    admin.wait_for_url(re.compile(r"/admin/snippets/events/topicproposal/$"))
    expect(admin.locator("tr", has_text=title)).to_contain_text(session.title)
    topic.refresh_from_db()
    assert (topic.status, topic.event_id) == (TopicProposal.Status.SELECTED, session.pk)
    editor_context.close()
    page.goto(session.url)
    expect(page.get_by_text(f"proposé par {people['association'].name}", exact=False)).to_be_visible()
    check_page(page, "topics-session-proposed-by-fr")
    page.goto("/compte/")
    section = page.locator("section", has=page.get_by_role("heading", name="Mes propositions"))
    expect(section).to_contain_text(title)
    expect(section).to_contain_text("retenu")


def test_accredited_member_declares_a_school_action(page, people):
    from community.members.models import MemberProfile

    member = people["voter"]
    MemberProfile.objects.filter(user=member).update(accredited_at=timezone.now() - datetime.timedelta(days=10))
    page.goto("/kits/course-solidaire-ecole/je-me-lance/")
    expect(
        page.get_by_role("heading", name="Prochaines sessions de formation aux actions en milieu scolaire")
    ).to_be_visible()
    check_page(page, "school-kit-declare-anonymous-fr")
    log_in(page, member)
    page.goto("/kits/course-solidaire-ecole/je-me-lance/")
    expect(page.get_by_text("Vous êtes reconnu·e comme bénévole habilité·e")).to_be_visible()
    expect(page.locator('input[name="accredited"]')).to_have_count(0)
    check_page(page, "school-kit-declare-accredited-fr")
    page.get_by_label("Votre nom").fill("Victor Habilité")
    page.get_by_label("Votre adresse e-mail").fill(member.email)
    page.get_by_label("Code postal du lieu de l'action").fill("69002")
    page.get_by_label("Date prévue de l'action").fill((timezone.localdate() + datetime.timedelta(days=40)).isoformat())
    page.get_by_label("Public", exact=True).select_option("pupils")
    page.get_by_label("Nombre de participants attendus").fill("60")
    page.get_by_label(re.compile("^J'accepte que l'association")).check()
    page.get_by_role("button", name="Déclarer mon action et recevoir le kit").click()
    expect(page.get_by_text("Merci ! Votre action est déclarée")).to_be_visible()
    check_page(page, "school-kit-declared-fr")

    from kits.models import Accreditation, ActionDeclaration

    assert ActionDeclaration.objects.filter(email=member.email).get().accredited == Accreditation.YES
