"""Sign-up at /compte/signup/: member details, mandatory e-mail verification, and
nothing that tells a stranger whether an address already has an account."""

import pytest
from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from community.associations.factories import AssociationFactory
from community.associations.models import Association
from community.members.models import MemberProfile
from tests.community.conftest import PASSWORD, last_mail_to, links_in

pytestmark = pytest.mark.django_db

ASSOCIATION = "Route Prudente Test"


@pytest.fixture(autouse=True)
def association():
    """The association new members choose from the directory's list."""
    return AssociationFactory(name=ASSOCIATION)


def signup_data(**overrides):
    association = Association.objects.get(name=ASSOCIATION)
    data = {
        "first_name": "Aïcha",
        "last_name": "Durand",
        "email": "aicha.durand@example.org",
        "password1": PASSWORD,
        "association": str(association.pk),
        "association_name_other": "",
        "role": "Chargée de prévention",
    }
    data.update(overrides)
    return data


def test_signup_form_shows_fields_help_and_privacy_notice(client):
    response = client.get("/compte/signup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Créer un compte membre" in html
    for name in ("first_name", "last_name", "email", "password1", "association", "association_name_other", "role"):
        assert f'name="{name}"' in html
    assert "Mon association n’est pas dans la liste" in html
    assert ASSOCIATION in html
    # Purpose, retention and the privacy page are stated before anyone signs up.
    assert "Ce que nous faisons de vos données" in html
    assert "tant que votre compte existe" in html
    assert 'href="/confidentialite/"' in html
    assert 'aria-describedby="id_email_helptext"' in html
    assert 'href="/en/compte/signup/" lang="en"' in html  # the language switcher keeps the page


def test_signup_in_english_under_en(client):
    html = client.get("/en/compte/signup/").content.decode()
    assert '<html lang="en">' in html
    assert "Create a member account" in html
    assert 'href="/en/privacy/"' in html


def test_signup_sends_a_verification_email_then_confirming_logs_in_as_pending_member(client):
    response = client.post("/compte/signup/", signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"
    user = get_user_model().objects.get(email="aicha.durand@example.org")
    assert (user.first_name, user.last_name) == ("Aïcha", "Durand")
    profile = user.member_profile
    assert profile.association.name == ASSOCIATION
    assert profile.role == "Chargée de prévention"
    assert profile.status == MemberProfile.Status.PENDING
    assert profile.language == "fr"
    assert not EmailAddress.objects.get(user=user).verified

    page = client.get("/compte/confirm-email/").content.decode()
    assert "Vérifiez votre messagerie" in page
    assert "usually" not in page

    message = last_mail_to("aicha.durand@example.org")
    assert message.subject == "[Relais] Confirmez votre adresse e-mail"
    assert "Pour confirmer que cette adresse est la vôtre" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    link = next(url for url in links_in(message) if "/compte/confirm-email/" in url)
    assert link.startswith(f"{settings.BASE_URL}/compte/confirm-email/")  # not the request's host
    assert f'href="{link}"' in html

    # Before verification the account cannot sign in.
    client.logout()
    response = client.post("/compte/login/", {"login": "aicha.durand@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"
    assert "_auth_user_id" not in client.session

    path = link.removeprefix(settings.BASE_URL)
    assert client.get(path).status_code == 200  # a page with a button: links opened by mail scanners change nothing
    assert not EmailAddress.objects.get(user=user).verified
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post("/compte/login/", {"login": "aicha.durand@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/compte/"
    html = client.get("/compte/").content.decode()
    assert "Votre adhésion attend d’être validée" in html
    assert ASSOCIATION in html


def test_signup_in_english_sends_english_email_and_records_the_language(client):
    client.post("/en/compte/signup/", signup_data())
    message = last_mail_to("aicha.durand@example.org")
    assert message.subject == "[Relais] Confirm your e-mail address"
    assert f"{settings.BASE_URL}/en/compte/confirm-email/" in message.body
    assert MemberProfile.objects.get(user__email="aicha.durand@example.org").language == "en"


def test_association_not_listed_needs_its_name(client):
    data = signup_data(association="other", association_name_other="", first_name="Zoé")
    response = client.post("/compte/signup/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Donnez le nom de votre association." in html
    assert 'id="id_association_name_other_error"' in html
    assert 'value="Zoé"' in html  # typed values are kept
    assert 'value="aicha.durand@example.org"' in html
    assert not get_user_model().objects.filter(email="aicha.durand@example.org").exists()

    data["association_name_other"] = "Les Amis du Quartier"
    assert client.post("/compte/signup/", data).status_code == 302
    profile = MemberProfile.objects.get(user__email="aicha.durand@example.org")
    assert profile.association is None
    assert profile.association_display == "Les Amis du Quartier"


def test_missing_fields_are_reported_next_to_each_field(client):
    response = client.post("/compte/signup/", signup_data(first_name="", association="", password1="court"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'id="id_first_name_error"' in html
    assert 'id="id_association_error"' in html
    assert 'id="id_password1_error"' in html
    assert 'aria-invalid="true"' in html


def test_signup_with_an_existing_address_looks_the_same_and_warns_the_owner(client, member):
    mail.outbox.clear()
    response = client.post("/compte/signup/", signup_data(email=member.user.email))
    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"
    assert get_user_model().objects.filter(email=member.user.email).count() == 1
    message = last_mail_to(member.user.email)
    assert "/compte/password/reset/" in message.body  # tells the owner, not the stranger
    assert MemberProfile.objects.filter(user__email=member.user.email).count() == 1


def test_signups_are_rate_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for number in range(2):
        response = client.post("/compte/signup/", signup_data(email=f"personne{number}@example.org"))
        assert response.status_code == 302
        client.logout()
    response = client.post("/compte/signup/", signup_data(email="personne3@example.org"))
    assert response.status_code == 429
    assert "Merci de patienter" in response.content.decode()
    assert not get_user_model().objects.filter(email="personne3@example.org").exists()


def test_signup_rate_limit_is_configured():
    assert settings.ACCOUNT_RATE_LIMITS["signup"] == "20/h/ip"
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "10/m/ip,5/5m/key"
