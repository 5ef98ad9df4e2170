# ruff: noqa: F811  (fixtures imported from the events suite)
"""The abuse suite: what strangers can throw at the site is refused and stores nothing.
XSS payloads in public fields come back escaped (public pages and admin listings);
POSTs without a CSRF token are 403 on every form; bursts meet 429 (keyed on the client
address behind trusted proxies, so tests run from one address); redirects stay on the
site; guessed, tampered and reused tokens do nothing; fake, oversized and polyglot
uploads are refused or only ever downloaded."""

import io
import re
from html import unescape

import pytest
from PIL import Image

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from wagtail.images import get_image_model

from community.members.factories import MemberFactory, UserFactory
from events.models import Registration, TopicProposal
from kits.emails import download_url
from kits.models import ActionDeclaration, KitDownload
from kits.signing import sign_download
from tests.community.conftest import PASSWORD
from tests.events.conftest import event_index, make_event  # noqa: F401  (fixtures)
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "\\\\evil.example"]


def assert_escaped(html):
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert" in html


@pytest.fixture
def kit(make_kit):
    return make_kit(title="Collecte de jouets", slug="collecte-de-jouets")


@pytest.fixture
def other_kit(make_kit):
    return make_kit(title="Autre collecte", slug="autre-collecte")


@pytest.fixture
def guest_event(make_event):
    return make_event(title="Petit Déj ouvert", slug="petit-dej-ouvert", open_to_guests=True, members_only=False)


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True, email="admin-abuse@example.org")


def declaration_data(**overrides):
    data = {
        "name": "Camille",
        "email": "camille@example.org",
        "organisation": "",
        "postcode": "75011",
        "planned_date": (timezone.localdate() + timezone.timedelta(days=40)).isoformat(),
        "audience": "general-public",
        "expected_participants": "40",
        "consent": "on",
    }
    return {**data, **overrides}


# XSS ------------------------------------------------------------------------------------


def test_xss_in_a_declaration_comes_back_escaped(client, kit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(kit.url + "je-me-lance/", declaration_data(name=XSS, organisation=XSS))
    assert response.status_code == 302
    declaration = ActionDeclaration.objects.get(email="camille@example.org")
    assert declaration.name == XSS  # stored as typed, escaped when shown
    assert_escaped(client.get(response["Location"]).content.decode())


def test_xss_in_a_guest_registration_is_escaped_in_the_admin_listing(client, guest_event, superuser):
    data = {"kind": "guest", "name": XSS, "email": "x@example.org", "organisation": XSS, "consent": "on"}
    client.post(guest_event.url + "inscription/", data)
    assert Registration.objects.filter(email="x@example.org").exists()
    client.force_login(superuser)
    html = client.get("/admin/snippets/events/registration/").content.decode()
    assert_escaped(html)


def test_xss_in_a_topic_proposal_is_escaped_on_the_site_and_in_the_admin(client, superuser):
    member = MemberFactory(approved=True).user
    client.force_login(member)
    client.post("/evenements/sujets/", {"action": "propose", "title": XSS[:120], "description": XSS})
    assert TopicProposal.objects.filter(title=XSS[:120]).exists()
    client.force_login(superuser)
    assert_escaped(client.get("/admin/snippets/events/topicproposal/").content.decode())


def test_xss_in_a_member_name_is_escaped_in_the_admin_listing(client, superuser):
    MemberFactory(user__first_name=XSS, user__last_name="Martin")
    client.force_login(superuser)
    assert_escaped(client.get("/admin/snippets/community/memberprofile/").content.decode())


# CSRF -----------------------------------------------------------------------------------


def forms(kit, event):
    """(path, data, who) for every form of the site."""
    return [
        (kit.url + "je-me-lance/", declaration_data(), None),
        (event.url + "inscription/", {"kind": "guest", "name": "A", "email": "a@example.org", "consent": "on"}, None),
        (event.url + "inscription/", {"kind": "member"}, "member"),
        ("/evenements/sujets/", {"action": "propose", "title": "Sujet", "description": "x"}, "member"),
        ("/compte/login/", {"login": "a@example.org", "password": "x"}, None),
        ("/compte/signup/", {"email": "new@example.org", "password1": "Tres-long-mot-42"}, None),
        ("/compte/password/reset/", {"email": "a@example.org"}, None),
        ("/compte/profil/", {"first_name": "X"}, "member"),
        ("/compte/mes-donnees/effacer/", {"password": PASSWORD}, "member"),
        ("/compte/supprimer/", {"password": PASSWORD}, "member"),
        ("/commentaires/post/", {"comment": "x", "name": "x", "email": "a@example.org"}, None),
        ("/admin/personal-data/", {"email": "a@example.org", "action": "erase", "confirm": "on"}, "admin"),
    ]


def test_posts_without_csrf_token_are_refused_on_every_form(kit, guest_event, superuser):
    member = MemberFactory(approved=True, user__password=PASSWORD).user
    counts = (ActionDeclaration.objects.count(), Registration.objects.count(), TopicProposal.objects.count())
    for path, data, who in forms(kit, guest_event):
        client = Client(enforce_csrf_checks=True)
        if who:
            client.force_login(superuser if who == "admin" else member)
        response = client.post(path, data)
        assert response.status_code == 403, path
    assert (ActionDeclaration.objects.count(), Registration.objects.count(), TopicProposal.objects.count()) == counts
    member.refresh_from_db()
    assert member.first_name != "X"


# Bursts ---------------------------------------------------------------------------------


def test_guest_registration_bursts_meet_the_friendly_429(client, guest_event, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(10):
        data = {"kind": "guest", "name": "A", "email": f"burst{n}@example.org", "consent": "on"}
        assert (
            client.post(guest_event.url + "inscription/", data, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302
        )
    data = {"kind": "guest", "name": "A", "email": "burst-last@example.org", "consent": "on"}
    response = client.post(guest_event.url + "inscription/", data, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 429
    assert not Registration.objects.filter(email="burst-last@example.org").exists()
    # Another visitor behind the same proxy has their own bucket.
    response = client.post(guest_event.url + "inscription/", data, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 302


def test_one_address_cannot_be_registered_over_and_over(client, guest_event, make_event):
    events = [guest_event] + [
        make_event(title=f"Ouvert {n}", slug=f"ouvert-{n}", open_to_guests=True, members_only=False) for n in range(5)
    ]
    statuses = []
    for n, event in enumerate(events):
        data = {"kind": "guest", "name": "A", "email": "cible@example.org", "consent": "on"}
        statuses.append(client.post(event.url + "inscription/", data, REMOTE_ADDR=f"192.0.2.{n}").status_code)
    assert statuses == [302] * 5 + [429]


# Redirects ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", EVIL)
def test_login_next_never_leaves_the_site(client, target):
    user = MemberFactory(approved=True, user__password=PASSWORD).user
    response = client.post("/compte/login/", {"login": user.email, "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\"))


@pytest.mark.parametrize("target", EVIL)
def test_admin_login_and_logout_next_never_leave_the_site(client, target):
    response = client.get("/admin/login/", {"next": target})
    assert response["Location"].startswith("/compte/login/?next=")
    user = MemberFactory(approved=True).user
    client.force_login(user)
    response = client.post("/compte/logout/", {"next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


# Tokens ---------------------------------------------------------------------------------


def test_guessed_and_tampered_declaration_links_do_nothing(client, kit, other_kit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(kit.url + "je-me-lance/", declaration_data())
    declaration = ActionDeclaration.objects.get(email="camille@example.org")
    guessed = kit.url + kit.reverse_subpage("my_action", args=("A" * 43,))
    assert client.get(guessed).status_code == 404
    assert client.post(guessed, {"action": "cancel"}).status_code == 404
    material = kit.materials.first()
    good = download_url(kit, sign_download(declaration.token, material.pk), absolute=False)
    tampered = download_url(kit, sign_download("A" * 43, material.pk), absolute=False)
    forged = re.sub(r"/[^/]+/$", "/AAAAAAAAAAAAAAAAAAAAAAAAAAA/", good)
    assert client.get(tampered).status_code == 404
    assert client.get(forged).status_code == 404
    assert (
        client.get(download_url(other_kit, sign_download(declaration.token, material.pk), absolute=False)).status_code
        == 404
    )
    assert KitDownload.objects.filter(declaration=declaration).count() == 0
    assert client.get(good).status_code == 200
    assert KitDownload.objects.filter(declaration=declaration).count() == 1
    declaration.refresh_from_db()
    assert declaration.status == "declared"


def test_reused_confirmation_and_cancellation_links_change_nothing(
    client, guest_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            guest_event.url + "inscription/", {"kind": "guest", "name": "A", "email": "r@example.org", "consent": "on"}
        )
    registration = Registration.objects.get(email="r@example.org")
    client.post(f"{guest_event.url}annuler/{registration.token}/")
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    client.post(f"{guest_event.url}confirmer/{registration.token}/")
    client.post(f"{guest_event.url}annuler/{registration.token}/")
    registration.refresh_from_db()
    assert registration.status == "cancelled" and registration.confirmed_at is None


# Uploads --------------------------------------------------------------------------------


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


def upload_image(client, name, content, content_type="image/png"):
    before = get_image_model().objects.count()
    response = client.post(
        "/admin/images/add/",
        {
            "title": name,
            "description": "Une image",
            "collection": root_collection(),
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )
    return response, get_image_model().objects.count() - before


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("fake.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("polyglot.gif", b"GIF89a/*<script>alert(1)</script>*/=1;", "image/gif"),
        ("page.html", b"<script>alert(1)</script>", "text/html"),
    ],
)
def test_fake_svg_and_polyglot_images_are_refused(client, superuser, name, content, content_type):
    client.force_login(superuser)
    response, added = upload_image(client, name, content, content_type)
    assert added == 0
    assert response.status_code == 200  # the form again, with its error


def test_oversized_images_are_refused(client, superuser, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    client.force_login(superuser)
    response, added = upload_image(client, "big.png", png_bytes((400, 400)) + b"\0" * 2048)
    assert added == 0
    assert "1,0" in unescape(response.content.decode()) or "1.0" in unescape(response.content.decode())
    _, added = upload_image(client, "small.png", png_bytes())
    assert added == 1


def test_documents_refuse_unknown_extensions_and_are_always_downloaded(client, superuser):
    from wagtail.documents import get_document_model

    client.force_login(superuser)
    Document = get_document_model()
    before = Document.objects.count()
    for name in ("page.html", "run.exe", "image.svg"):
        client.post(
            "/admin/documents/add/",
            {
                "title": name,
                "collection": root_collection(),
                "file": SimpleUploadedFile(name, b"<script>alert(1)</script>"),
            },
        )
    assert Document.objects.count() == before
    polyglot = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF"
    client.post(
        "/admin/documents/add/",
        {"title": "guide", "collection": root_collection(), "file": SimpleUploadedFile("guide.pdf", polyglot)},
    )
    document = Document.objects.get(title="guide")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_staff_permission_is_needed_for_the_admin_upload(client):
    member = MemberFactory(approved=True).user
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member)
    _, added = upload_image(client, "small.png", png_bytes())
    assert added == 0


def test_oversized_documents_are_refused(client, superuser, settings):
    from wagtail.documents import get_document_model

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(superuser)
    Document = get_document_model()
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    response = client.post("/admin/documents/add/", {"title": "big", "collection": root_collection(), "file": big})
    assert response.status_code == 200
    assert not Document.objects.filter(title="big").exists()
