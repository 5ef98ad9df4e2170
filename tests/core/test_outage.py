"""A POST that meets an unreachable database gets a 503 in the visitor's language showing
the form again as typed (the real outage, with a throwaway PostgreSQL cluster stopped under
a running server, is in tests/trust/test_database_down.py)."""

from unittest import mock

import pytest

from django.db import OperationalError
from django.test import Client

from community.testimonials.models import Testimonial as Story
from tests.community.testimonial_helpers import SHARE_URL, image_bytes, upload, valid_post

pytestmark = pytest.mark.django_db

DOWN = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def test_the_form_comes_back_as_typed_with_a_503():
    typed = valid_post(
        email="panne.db@example.org",
        photo_consent="on",
        title='Une "course" <réussie>',
        story="Ligne un\nLigne deux",
        photo=upload(image_bytes()),
    )
    with mock.patch("community.testimonials.services.submit", side_effect=DOWN):
        response = Client().post(SHARE_URL, typed)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert '<html lang="fr">' in html and "Pas encore envoyé" in html
    assert ">Votre nom tel qu’il sera affiché</label>" in html
    assert 'value="panne.db@example.org"' in html
    assert 'value="Une &quot;course&quot; &lt;réussie&gt;"' in html
    assert "Ligne un\nLigne deux</textarea>" in html
    assert 'name="consent" value="on" checked' in html
    assert "joignez le vôtre à nouveau" in html and 'type="file"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Traceback" not in html and "5432" not in html
    assert not Story.objects.filter(email="panne.db@example.org").exists()


def test_in_english_under_en():
    with mock.patch("allauth.account.views.LoginView.post", side_effect=DOWN):
        response = Client().post("/en/compte/login/", {"login": "sam@example.org"})
    html = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="en">' in html and "Not sent yet" in html and 'value="sam@example.org"' in html


def test_passwords_are_never_written_back():
    with mock.patch("allauth.account.views.LoginView.post", side_effect=DOWN):
        response = Client().post("/compte/login/", {"login": "a@example.org", "password": "secret-typed"})
    html = response.content.decode()
    assert response.status_code == 503
    assert 'value="a@example.org"' in html and "secret-typed" not in html


def test_a_get_is_not_turned_into_the_retry_page():
    with mock.patch("search.views.services.run", side_effect=DOWN):
        response = Client(raise_request_exception=False).get("/recherche/?q=collecte")
    assert response.status_code == 500


def test_a_file_field_sent_as_text_comes_back_as_a_file_input():
    """A client without multipart (or a browser sending an empty file part as text) must not
    get the photo back as a text box: it is a file to attach again."""
    typed = valid_post(email="sans.fichier@example.org", photo="IMG_2041.jpg")
    with mock.patch("community.testimonials.services.submit", side_effect=DOWN):
        response = Client().post(SHARE_URL, typed)
    html = response.content.decode()
    assert response.status_code == 503
    assert 'name="photo" value=' not in html and 'type="text" id="retry-' in html
    assert '<input type="file" id="retry-file-1" name="photo">' in html
    assert 'enctype="multipart/form-data"' in html and html.count('name="photo"') == 1
