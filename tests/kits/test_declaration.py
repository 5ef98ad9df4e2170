"""'Je me lance': the declaration form's rules, the duplicate rule, bad input, both languages."""

import datetime

import pytest
import time_machine

from django.core import mail
from django.test import Client

from wagtail.models import Locale

from kits.models import Accreditation, ActionDeclaration, DeclarationStatus, email_hash

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 27)
NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def kit(make_kit):
    """A French kit with two materials, translated into English."""
    return make_kit(
        title="Collecte de livres",
        slug="collecte-de-livres",
        materials=2,
        english={"Collecte de livres": "Book collection", "collecte-de-livres": "book-collection"},
    )


@pytest.fixture
def school_kit(make_kit):
    return make_kit(title="Course de l'école", slug="course-de-l-ecole", school=True)


def form_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille@example.org",
        "organisation": "",
        "postcode": "75011",
        "planned_date": "2027-01-15",
        "audience": "general-public",
        "expected_participants": "40",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def url(kit):
    return kit.url + "je-me-lance/"


def post(client, kit, capture, **overrides):
    with capture(execute=True):
        return client.post(url(kit), form_data(**overrides))


def test_form_shows_the_fields_with_their_names_and_consent_not_ticked(client, kit):
    response = client.get(url(kit))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("name", "email", "organisation", "postcode", "planned_date", "audience", "expected_participants"):
        assert f'name="{name}"' in html
    assert 'name="consent"' in html
    assert 'type="checkbox" name="consent"' in html and "checked" not in html.split('name="consent"')[1][:80]
    assert "3 ans après notre dernier contact" in html
    assert 'name="accredited"' not in html


def test_kit_page_has_the_call_to_action_and_no_material_link(client, kit):
    html = client.get(kit.url).content.decode()
    assert kit.url == "/kits/collecte-de-livres/"
    assert 'href="/kits/collecte-de-livres/je-me-lance/"' in html
    assert "Je me lance" in html
    assert "telecharger/" not in html


def test_valid_declaration_is_stored_on_the_source_kit_and_sends_the_links(
    client, kit, django_capture_on_commit_callbacks
):
    response = post(client, kit, django_capture_on_commit_callbacks, organisation="École Voltaire")
    declaration = ActionDeclaration.objects.get(email="camille@example.org")
    assert response.status_code == 302
    assert response["Location"] == f"{kit.url}mon-action/{declaration.token}/"
    assert declaration.kit_id == kit.pk
    assert declaration.territory == "75"
    assert declaration.planned_date == datetime.date(2027, 1, 15)
    assert declaration.expected_participants == 40
    assert declaration.organisation == "École Voltaire"
    assert declaration.language == "fr"
    assert declaration.status == DeclarationStatus.DECLARED
    assert declaration.accredited == Accreditation.NOT_ASKED
    assert declaration.consent_at == NOW
    assert declaration.email_hash == email_hash("  Camille@Example.ORG ")
    assert len(declaration.token) >= 40 and declaration.token != str(declaration.pk)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["camille@example.org"]
    assert "Votre kit" in message.subject
    assert f"/kits/collecte-de-livres/mon-action/{declaration.token}/" in message.extra_headers["List-Unsubscribe"]
    assert "/kits/collecte-de-livres/telecharger/" in message.body
    assert message.alternatives[0][1] == "text/html"
    page = client.get(response["Location"]).content.decode()
    assert "Merci" in page
    assert page.count("/telecharger/") == kit.materials.count() + 1 == 3  # + "Télécharger tout"


@pytest.mark.parametrize(
    ("postcode", "territory"),
    [
        ("20000", "2A"),
        ("20200", "2B"),
        ("97133", "977"),
        ("97150", "978"),
        ("97110", "971"),
        ("97400", "974"),
        ("98800", "988"),
    ],
)
def test_postcode_maps_to_its_territory(client, kit, django_capture_on_commit_callbacks, postcode, territory):
    post(client, kit, django_capture_on_commit_callbacks, postcode=postcode)
    assert ActionDeclaration.objects.get(email="camille@example.org").territory == territory


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "camille@", "adresse de courriel valide"),
        ("postcode", "98000", "code postal français"),
        ("postcode", "7501", "code postal français"),
        ("planned_date", "2026-11-26", "passé"),
        ("planned_date", "2028-11-28", "deux prochaines années"),
        ("expected_participants", "0", "supérieure ou égale à 1"),
        ("expected_participants", "100001", "inférieure ou égale à 100000"),
        ("consent", None, "Cochez cette case"),
        ("name", "", "Champ requis"),
    ],
)
def test_invalid_field_gets_its_message_beside_it_and_keeps_the_values(client, kit, field, value, message):
    response = client.post(url(kit), form_data(**{field: value, "organisation": "Lycée Diderot"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert message in html.split(f'id="id_{field}_error"')[1][:300]
    assert 'value="Lycée Diderot"' in html
    assert not ActionDeclaration.objects.exists()


def test_boundary_dates_are_accepted(client, kit, django_capture_on_commit_callbacks):
    post(client, kit, django_capture_on_commit_callbacks, planned_date="2026-11-27")
    post(client, kit, django_capture_on_commit_callbacks, planned_date="2028-11-27", email="b@example.org")
    assert ActionDeclaration.objects.count() == 2


def test_school_kit_records_an_unrecognised_person_as_not_accredited(
    client, school_kit, django_capture_on_commit_callbacks
):
    school_kit.referent_name = "Léa Referente"
    school_kit.referent_email = "lea@courir.example.org"
    school_kit.save()
    html = client.get(url(school_kit)).content.decode()
    assert 'name="accredited"' not in html  # nobody is asked
    assert "pas encore habilité·e" in html
    assert 'href="mailto:lea@courir.example.org"' in html
    post(client, school_kit, django_capture_on_commit_callbacks, audience="pupils")
    assert ActionDeclaration.objects.get().accredited == Accreditation.NO


def test_same_person_same_kit_same_date_gets_the_same_declaration(client, kit, django_capture_on_commit_callbacks):
    first = post(client, kit, django_capture_on_commit_callbacks)
    second = post(client, kit, django_capture_on_commit_callbacks, email=" CAMILLE@example.org", name="Autre nom")
    assert first["Location"] == second["Location"]
    declaration = ActionDeclaration.objects.get()
    assert declaration.name == "Camille Martin"
    assert len(mail.outbox) == 1  # sent less than an hour ago: not again
    with time_machine.travel(NOW + datetime.timedelta(minutes=61), tick=False):
        post(client, kit, django_capture_on_commit_callbacks)
    assert ActionDeclaration.objects.count() == 1
    assert len(mail.outbox) == 2
    post(client, kit, django_capture_on_commit_callbacks, planned_date="2027-01-16")
    assert ActionDeclaration.objects.count() == 2


def test_honeypot_is_refused_with_the_friendly_page(client, kit, django_capture_on_commit_callbacks):
    response = post(client, kit, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 429
    assert not ActionDeclaration.objects.exists()
    assert not mail.outbox


def test_more_than_ten_submissions_an_hour_from_one_address_are_refused(
    client, kit, django_capture_on_commit_callbacks
):
    for n in range(10):
        assert post(client, kit, django_capture_on_commit_callbacks, email=f"p{n}@example.org").status_code == 302
    response = post(client, kit, django_capture_on_commit_callbacks, email="p10@example.org")
    assert response.status_code == 429
    assert ActionDeclaration.objects.count() == 10
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post(other, kit, django_capture_on_commit_callbacks, email="p11@example.org").status_code == 302


def test_behind_a_proxy_the_client_address_counts(client, kit, settings, django_capture_on_commit_callbacks):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(10):
        visitor = Client(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
        assert post(visitor, kit, django_capture_on_commit_callbacks, email=f"q{n}@example.org").status_code == 302


def test_more_than_five_submissions_an_hour_for_one_email_are_refused(kit, django_capture_on_commit_callbacks):
    for n in range(5):
        visitor = Client(REMOTE_ADDR=f"10.0.1.{n}")
        response = post(visitor, kit, django_capture_on_commit_callbacks, planned_date=f"2027-02-0{n + 1}")
        assert response.status_code == 302
    visitor = Client(REMOTE_ADDR="10.0.1.99")
    assert post(visitor, kit, django_capture_on_commit_callbacks, planned_date="2027-02-09").status_code == 429
    assert ActionDeclaration.objects.count() == 5


def test_post_without_csrf_token_is_forbidden(kit):
    response = Client(enforce_csrf_checks=True).post(url(kit), form_data())
    assert response.status_code == 403
    assert not ActionDeclaration.objects.exists()


def test_nothing_half_written_when_the_email_cannot_be_queued(client, kit, monkeypatch):
    from kits import services

    def broken(*args, **kwargs):
        raise RuntimeError("queue down")

    monkeypatch.setattr(services, "queue_email", broken)
    with pytest.raises(RuntimeError):
        client.post(url(kit), form_data())
    assert not ActionDeclaration.objects.exists()


def test_english_declaration_attaches_to_the_french_kit_and_mails_in_english(
    client, kit, django_capture_on_commit_callbacks
):
    english = kit.get_translation(Locale.objects.get(language_code="en"))
    assert english.url == "/en/kits/book-collection/"
    response = client.get(english.url + "je-me-lance/")
    assert response.status_code == 200
    assert "Get started" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english.url + "je-me-lance/", form_data())
    declaration = ActionDeclaration.objects.get()
    assert declaration.kit_id == kit.pk
    assert declaration.language == "en"
    assert response["Location"] == f"/en/kits/book-collection/mon-action/{declaration.token}/"
    message = mail.outbox[0]
    assert "Your kit: Book collection" in message.subject
    assert "Hello Camille Martin" in message.body
    assert "/en/kits/book-collection/telecharger/" in message.body
