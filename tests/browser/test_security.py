"""Every public page type under the site's Content Security Policy, in Chromium: the
page reports no CSP violation (no inline script or style was needed) and asks nothing
of another origin; the privacy page shows the retention table (axe-clean)."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from events.models import EventPage
from kits.models import KitPage
from tests.browser import content
from tests.browser.conftest import check_page

PUBLIC_PAGES = [
    "/",
    "/en/",
    "/kits/",
    "/evenements/",
    "/evenements/sujets/",
    "/actions-locales/",
    "/actions-locales/partager/",
    "/ressources/",
    "/associations/",
    "/confidentialite/",
    "/en/privacy/",
    "/recherche/?q=kit",
    "/compte/login/",
    "/compte/signup/",
    "/page-qui-n-existe-pas/",
]


@pytest.fixture(scope="module", autouse=True)
def kit_and_session(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        content.make_kit(
            "Stand de prévention",
            "stand-prevention",
            steps=[("Installer", "Le stand."), ("Animer", "Un quiz."), ("Ranger", "Le matériel.")],
        )
        content.make_event("Petit Déj sécurité", "petit-dej-securite")


@pytest.fixture
def page_types():
    kit = KitPage.objects.filter(locale__language_code="fr").live().first()
    event = EventPage.objects.filter(locale__language_code="fr", start__gt=timezone.now()).live().first()
    return [*PUBLIC_PAGES, kit.url, kit.url + "je-me-lance/", event.url]


def test_public_pages_raise_no_csp_violation_and_ask_no_other_origin(page, site_url, page_types):
    own = urlparse(site_url).netloc
    violations, foreign = [], []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.on("request", lambda request: urlparse(request.url).netloc not in (own, "") and foreign.append(request.url))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    for path in page_types:
        response = page.goto(path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
        assert not violations, (path, violations)
    assert not foreign, foreign


def test_privacy_page_states_retention_from_the_settings(page, settings):
    page.goto("/confidentialite/")
    table = page.locator("[data-personal-data-table]")
    expect(table).to_contain_text("3 ans après notre dernier contact")
    expect(table).to_contain_text("7 jours")
    check_page(page, "privacy")
    page.goto("/en/privacy/")
    expect(page.locator("[data-personal-data-table]")).to_contain_text(re.compile("3 years after our last contact"))


def make_staff(django_db_blocker, email):
    """Browser tests commit to the session's database: one account per test."""
    from django.contrib.auth import get_user_model

    from community.members.factories import UserFactory

    with django_db_blocker.unblock():
        get_user_model().objects.filter(email=email).delete()
        return UserFactory(is_staff=True, is_superuser=True, email=email, first_name="Sam")


@pytest.fixture
def staff(site_url, django_db_blocker):
    return make_staff(django_db_blocker, "securite@example.org")


@pytest.fixture
def officer(site_url, django_db_blocker):
    return make_staff(django_db_blocker, "dpo@example.org")


def test_editor_sets_up_two_factor_before_the_admin_and_the_userbar_respects_the_csp(page, staff, settings):
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    settings.MFA_REQUIRED_FOR_STAFF = True  # the live server shares this process's settings
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))

    page.goto("/compte/login/?next=/admin/")
    page.get_by_label("E-mail", exact=True).fill(staff.email)
    page.get_by_label("Mot de passe", exact=True).fill("Un-mot-de-passe-solide-42")
    page.get_by_role("button", name="Se connecter").click()
    # The admin is not reachable yet: the password again, then the authenticator app.
    expect(page).to_have_url(re.compile(r"/compte/reauthenticate/"))
    check_page(page, "mfa-reauthenticate")
    page.get_by_label("Mot de passe", exact=True).fill("Un-mot-de-passe-solide-42")
    page.get_by_role("button", name=re.compile("Confirmer|Confirm")).click()
    expect(page).to_have_url(re.compile(r"/compte/2fa/totp/activate/"))
    check_page(page, "mfa-activate")
    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.get_by_label(re.compile("Code")).fill(code)
    page.get_by_role("button", name=re.compile("Activer|Activate")).click()
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto("/")  # the Wagtail userbar on a public page, under the strict policy
    page.wait_for_load_state("networkidle")
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    assert not violations, violations


def test_data_protection_officer_finds_and_erases_a_persons_records(page, officer, django_db_blocker):
    from kits.factories import ActionDeclarationFactory

    with django_db_blocker.unblock():
        kit = KitPage.objects.filter(locale__language_code="fr").live().first()
        ActionDeclarationFactory(kit=kit, email="demande.rgpd@example.org", name="Lou Demande")
    page.goto("/compte/login/?next=/admin/personal-data/")
    page.get_by_label("E-mail", exact=True).fill(officer.email)
    page.get_by_label("Mot de passe", exact=True).fill("Un-mot-de-passe-solide-42")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Données personnelles")
    page.get_by_label("Adresse e-mail").fill("demande.rgpd@example.org")
    page.locator("#main").get_by_role("button", name="Rechercher").click()
    expect(page.get_by_text("Lou Demande")).to_be_visible()
    check_page(page, "admin-personal-data")
    page.get_by_label("J'ai vérifié la demande : effacer ces données").check()
    page.get_by_role("button", name="Tout effacer").click()
    expect(page.get_by_text("Rien n'est conservé au sujet de cette adresse.")).to_be_visible()
