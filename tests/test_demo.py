"""The demo content itself, which `make run` shows a newcomer: it loads, covers the site's
features, is idempotent, and every page it creates answers 200. The other tests build their
own content from the skeleton (tests/skeleton.py); this module loads the whole demo once and
puts the skeleton back when it ends."""

import io
from xml.etree import ElementTree

import pytest
from allauth.account.models import EmailAddress
from PIL import Image

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from community.members.access import is_network_member
from community.members.models import MemberProfile
from community.testimonials.models import Testimonial as Story
from kits.models import ActionDeclaration, KitDownload, KitMaterial, KitPage, Theme
from tests import skeleton

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        skeleton.restore()


def test_first_load_prints_the_admin_account_and_what_it_created(demo_content):
    assert "Admin account created: admin / " in demo_content
    assert "Demo content created: " in demo_content


def test_every_page_of_the_sitemap_answers_200_in_both_languages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [
        element.text for element in ElementTree.fromstring(response.content).iter() if element.tag.endswith("loc")
    ]
    assert any("/en/" in url for url in locations) and len(locations) >= 30
    for url in locations:
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        assert client.get(path).status_code == 200, path


def french_kits():
    return list(KitPage.objects.live().filter(locale__language_code="fr").prefetch_related("materials", "themes"))


def test_demo_kits_cover_enough_themes_audiences_and_owners():
    kits = french_kits()
    assert len(kits) >= 8
    assert len({theme.pk for kit in kits for theme in kit.themes.all()}) >= 4
    assert len({audience for kit in kits for audience in kit.audiences}) >= 5
    owners = {kit.association.name for kit in kits}
    assert {"Courir Ensemble", "Dignité Hygiène", "Route Sûre", "Nature Propre"} <= owners
    assert any(kit.school_setting for kit in kits)


def test_every_demo_kit_has_real_pdf_materials():
    for kit in french_kits():
        assert kit.materials.all(), kit.title
        for material in kit.materials.all():
            with material.document.file.open("rb") as handle:
                assert handle.read(8) == b"%PDF-1.4", material.label


def test_exactly_one_demo_kit_is_too_short_and_the_others_are_judged_fine():
    too_short = [kit.title for kit in french_kits() if "too-short" in kit.quality.codes]
    assert too_short == ["Affiches de prévention"]
    assert all(not kit.quality.errors for kit in french_kits())


def test_at_least_two_kits_and_every_theme_are_translated_into_english():
    english = KitPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 2
    assert (
        Theme.objects.filter(locale__language_code="en").count()
        == Theme.objects.filter(locale__language_code="fr").count()
    )


def test_second_load_creates_nothing():
    counts = (KitPage.objects.count(), KitMaterial.objects.count(), Theme.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (KitPage.objects.count(), KitMaterial.objects.count(), Theme.objects.count()) == counts


def test_demo_declarations_past_with_downloads_and_upcoming_and_idempotent():
    demo = ActionDeclaration.objects.filter(email__endswith="@demo.relais.example.org")
    today = timezone.localdate()
    assert demo.filter(planned_date__lt=today, downloads__isnull=False).exists()
    assert demo.filter(planned_date__gt=today).exists()
    assert not demo.filter(kit__locale__language_code="en").exists()
    counts = (demo.count(), KitDownload.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (demo.count(), KitDownload.objects.count()) == counts


def test_demo_has_approved_members_in_several_associations_and_one_pending():
    profiles = MemberProfile.objects.filter(user__email__endswith="@example.org").select_related("user", "association")
    approved = [profile for profile in profiles if profile.status == "approved"]
    pending = [profile for profile in profiles if profile.status == "pending"]
    assert len({profile.association_id for profile in approved}) >= 3
    assert [profile.user.email for profile in pending] == ["lucas.petit@example.org"]
    assert all(is_network_member(profile.user) for profile in approved)
    for profile in profiles:
        address = EmailAddress.objects.get(user=profile.user)
        assert address.verified and address.primary


def test_demo_admin_can_sign_in_through_allauth():
    assert EmailAddress.objects.filter(user__is_superuser=True, verified=True, primary=True).exists()


def test_second_demo_run_prints_no_password():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "password" not in out.getvalue()
    assert MemberProfile.objects.filter(user__email="claire.martin@example.org").count() == 1


def test_demo_prints_a_members_password_when_it_creates_the_account():
    get_user_model().objects.filter(email="karim.benali@example.org").delete()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Account karim.benali@example.org created, password: " in out.getvalue()
    assert MemberProfile.objects.get(user__email="karim.benali@example.org").status == "approved"


def test_demo_testimonials():
    counts = {status: Story.objects.filter(status=status).count() for status in Story.Status.values}
    assert counts == {"approved": 8, "pending": 1, "rejected": 1}
    assert Story.objects.filter(status="approved", language="en").count() == 2
    with_photo = Story.objects.exclude(photo="")
    assert with_photo.count() >= 5
    for testimonial in with_photo.filter(status="approved"):
        assert testimonial.photo_alt_text
        with testimonial.photo.open("rb") as handle:
            image = Image.open(io.BytesIO(handle.read()))
            assert image.format == "JPEG" and len(image.getexif()) == 0
    call_command("load_demo", stdout=io.StringIO())
    assert Story.objects.count() == 10
