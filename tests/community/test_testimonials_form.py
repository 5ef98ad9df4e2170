"""The public form at /actions-locales/partager/: a valid story is saved pending and
moderators are told; bad input keeps the typed values; honeypot and rate limits."""

import pytest

from django.core import mail

from community.associations.factories import AssociationFactory
from community.associations.models import Association
from community.testimonials.models import Testimonial as Story
from kits.factories import KitPageFactory
from kits.models import KitIndexPage
from tests.community.testimonial_helpers import SHARE_URL, image_bytes, upload, valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_testimonials():
    Story.objects.all().delete()


def test_form_shows_the_contract_field_names_and_consent(client):
    response = client.get(SHARE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for name in (
        "display_name",
        "email",
        "association",
        "kit",
        "title",
        "story",
        "action_date",
        "postcode",
        "participants",
        "photo",
        "photo_consent",
        "consent",
    ):
        assert f'name="{name}"' in html, name
    assert 'enctype="multipart/form-data"' in html
    assert "<script>" not in html
    assert client.get("/en/local-actions/partager/").status_code == 200


def test_valid_story_is_saved_pending_and_moderators_are_emailed(client, moderator, django_capture_on_commit_callbacks):
    mail.outbox = []
    kit = KitPageFactory(parent=KitIndexPage.objects.get(locale__language_code="fr"), title="Ramassage test")
    kit.save_revision().publish()
    AssociationFactory(name="Courir Ensemble")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SHARE_URL, valid_post(kit=str(kit.pk)))
    assert response.status_code == 302
    assert response["Location"] == "/actions-locales/partager/merci/"
    testimonial = Story.objects.get()
    assert testimonial.status == Story.Status.PENDING
    assert testimonial.kit == kit
    assert testimonial.territory == "69"
    assert testimonial.association == Association.objects.get(name="Courir Ensemble")
    assert testimonial.language == "fr"
    moderators = [message for message in mail.outbox if "Une belle course" in message.subject]
    assert moderators and all(m.to[0] != "camille.temoin@example.org" for m in moderators)
    assert moderator.email in {address for message in moderators for address in message.to}
    assert f"/admin/snippets/community/testimonial/edit/{testimonial.pk}/" in moderators[0].body
    # Pending: invisible on the wall and on its own page.
    assert "Une belle course" not in client.get("/actions-locales/").content.decode()
    assert client.get(f"/actions-locales/{testimonial.pk}/").status_code == 404


def test_free_text_association_is_kept_when_not_in_the_directory(client):
    client.post(SHARE_URL, valid_post(association="Les Amis du Quartier"))
    testimonial = Story.objects.get()
    assert testimonial.association is None
    assert testimonial.association_other == "Les Amis du Quartier"


def test_english_form_records_the_author_language(client):
    response = client.post("/en/local-actions/partager/", valid_post())
    assert response.status_code == 302
    assert Story.objects.get().language == "en"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "99999", "code postal français"),
        ("action_date", "2999-01-01", "dans le futur"),
        ("participants", "0", "supérieure ou égale à 1"),
        ("title", "x" * 121, "au plus 120"),
        ("story", "x" * 3001, "au plus 3000"),
        ("display_name", "", "Champ requis"),
        ("email", "pas-une-adresse", "valide"),
        ("consent", None, "Cochez cette case"),
    ],
)
def test_each_invalid_field_gets_its_message_beside_it_and_typed_values_stay(client, field, value, message):
    response = client.post(SHARE_URL, valid_post(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    error = html.split(f'id="id_{field}_error">', 1)[1].split("</p>", 1)[0]
    assert message in error
    if field != "title":
        assert 'value="Une belle course"' in html
    if field != "story":
        assert "Tout s&#x27;est bien passé, merci !" in html
    assert not Story.objects.exists()


def test_a_photo_needs_photo_consent(client):
    response = client.post(SHARE_URL, {**valid_post(), "photo": upload(image_bytes())})
    html = response.content.decode()
    assert 'id="id_photo_consent_error"' in html
    # The photo was fine: it is kept (tests/community/test_testimonial_photo_privacy.py), the field says so.
    assert 'id="id_photo_error"' not in html
    assert "Votre photo est conservée" in html
    assert not Story.objects.exists()


def test_a_photo_with_consent_is_stored_reencoded(client):
    response = client.post(
        SHARE_URL, {**valid_post(photo_consent="on"), "photo": upload(image_bytes("PNG"), "vacances.png", "image/png")}
    )
    assert response.status_code == 302
    testimonial = Story.objects.get()
    assert testimonial.photo.name.startswith("testimonials/") and testimonial.photo.name.endswith(".jpg")
    assert "vacances" not in testimonial.photo.name
    assert testimonial.photo_consent_at is not None
    assert (testimonial.photo_width, testimonial.photo_height) == (64, 48)
    testimonial.photo.delete(save=False)


def test_honeypot_gets_the_friendly_429(client):
    response = client.post(SHARE_URL, valid_post(website="http://spam.example"))
    assert response.status_code == 429
    assert not Story.objects.exists()


def test_rate_limit_per_address_and_per_email(client):
    for index in range(3):
        assert client.post(SHARE_URL, valid_post(title=f"Histoire {index}")).status_code == 302
    # The fourth story from the same e-mail within the hour is refused.
    response = client.post(SHARE_URL, valid_post(title="Encore une"))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert Story.objects.count() == 3
    # From the same address with other e-mails: ten POSTs an hour, then the friendly 429.
    for index in range(6):
        assert client.post(SHARE_URL, valid_post(email=f"autre{index}@example.org")).status_code == 302
    assert client.post(SHARE_URL, valid_post(email="encore@example.org")).status_code == 429
    assert Story.objects.count() == 9
