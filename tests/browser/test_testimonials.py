"""A volunteer follows the "how did it go?" link from the e-mail, shares a testimonial with
a photo (after a first attempt without the photo consent), a moderator writes the photo's
description and approves it in the admin; it shows on the wall, its page and the kit page."""

import datetime
import io
import re
from unittest import mock

import pytest
from PIL import Image
from playwright.sync_api import expect

from django.conf import settings
from django.core import mail
from django.db import OperationalError
from django.utils import timezone

from community.testimonials.models import Testimonial as Story
from kits.factories import ActionDeclarationFactory
from kits.followups import send_kit_followups
from kits.models import DeclarationStatus
from tests.browser import content
from tests.browser.conftest import SCREENSHOTS, check_page

EMAIL = "navigatrice.temoin@example.org"
TITLE = "Soixante sacs ramassés sur la plage"


def photo_with_gps():
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)})
    output = io.BytesIO()
    Image.new("RGB", (800, 600), (47, 138, 126)).save(output, format="JPEG", exif=exif)
    return output.getvalue()


@pytest.fixture(scope="module")
def kit(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        return content.make_kit(
            "Ramassage de déchets",
            "ramassage-dechets",
            steps=[("Choisir un lieu", "Une plage."), ("Ramasser", "Avec des gants."), ("Peser", "Et trier.")],
        )


def test_volunteer_shares_a_story_with_a_photo_and_a_moderator_publishes_it(page, kit):
    declaration = ActionDeclarationFactory(
        kit=kit,
        email=EMAIL,
        name="Inès Navigatrice",
        postcode="29200",
        territory="29",
        planned_date=timezone.localdate() - datetime.timedelta(days=2),
        created_at=timezone.now() - datetime.timedelta(days=30),
        expected_participants=40,
    )
    mail.outbox = []
    assert send_kit_followups() >= 1
    [message] = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"https?://\S+partager/\?declaration=\S+", message.body).group(0)
    path = link.removeprefix(settings.BASE_URL)
    assert path == f"/actions-locales/partager/?declaration={declaration.token}"

    # The form opens pre-filled from the declaration.
    page.goto(path)
    expect(page.get_by_label("Code postal du lieu de l'action")).to_have_value("29200")
    expect(page.get_by_label("Date de l’action")).to_have_value(declaration.planned_date.isoformat())
    expect(page.get_by_label("Kit utilisé")).to_have_value(str(kit.pk))
    check_page(page, "testimonial-form-prefilled")

    page.get_by_label("Titre de votre récit").fill(TITLE)
    page.get_by_label("Comment ça s’est passé ?").fill("Soixante sacs en deux heures, et des enfants ravis.")
    page.get_by_label("Nombre de participants").fill("61")
    page.get_by_label("Une photo de l’action").set_input_files(
        files=[{"name": "plage.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}]
    )
    page.get_by_label(re.compile("^J’accepte que l’association publie")).check()
    page.get_by_role("button", name="Envoyer mon témoignage").click()

    # Forgot the photo consent: the message is beside it, the text stays, the photo is kept.
    expect(page.locator("#id_photo_consent_error")).to_be_visible()
    expect(page.locator("#id_photo_helptext")).to_contain_text("Votre photo est conservée")
    expect(page.get_by_label("Titre de votre récit")).to_have_value(TITLE)
    check_page(page, "testimonial-form-error")

    page.get_by_label(re.compile("^Toutes les personnes reconnaissables")).check()
    page.get_by_role("button", name="Envoyer mon témoignage").click()
    expect(page.get_by_role("heading", name="Merci pour votre témoignage")).to_be_visible()
    check_page(page, "testimonial-thanks")

    testimonial = Story.objects.get(email=EMAIL)
    assert testimonial.status == Story.Status.PENDING and testimonial.declaration == declaration
    assert testimonial.photo  # the kept photo, not chosen twice
    # Private until approved: its address answers nobody but moderators.
    assert page.request.get(testimonial.photo.url, max_redirects=0).status == 302  # to the sign-in
    with testimonial.photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert not stored.getexif().get_ifd(0x8825)

    # Not public yet.
    page.goto("/actions-locales/")
    expect(page.get_by_text(TITLE)).to_have_count(0)

    # A moderator signs in, writes the photo's description and approves.
    content.staff("moderatrice-navigateur@example.org", group="Moderators")
    page.goto("/admin/")
    page.get_by_label("E-mail", exact=True).fill("moderatrice-navigateur@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(content.PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto("/admin/snippets/community/testimonial/?status=pending")
    expect(page.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-testimonials-pending.png"), full_page=True)
    page.get_by_role("link", name=TITLE, exact=True).click()
    page.get_by_role("textbox", name="Description de la photo (texte alternatif)").fill(
        "Des bénévoles et des sacs sur une plage"
    )
    page.get_by_role("button", name="Enregistrer").first.click()
    expect(page.locator(".messages")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "admin-testimonial-edited.png"), full_page=True)

    mail.outbox = []
    page.goto("/admin/snippets/community/testimonial/?status=pending")
    page.get_by_role("link", name=f"Approuver « {TITLE} »").click()
    page.wait_for_url(re.compile(r"/admin/bulk/community/testimonial/approve/"))
    page.screenshot(path=str(SCREENSHOTS / "admin-testimonial-approve.png"), full_page=True)
    page.get_by_role("button", name="Oui, valider").click()
    page.wait_for_url(re.compile(r"/admin/snippets/community/testimonial/$"))
    testimonial.refresh_from_db()
    assert testimonial.status == Story.Status.APPROVED
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REPORTED and declaration.reported_participants == 61
    assert any(m.to == [EMAIL] and f"/actions-locales/{testimonial.pk}/" in m.body for m in mail.outbox)

    # Public: on the wall, on its own page, on the kit page.
    page.goto("/actions-locales/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    check_page(page, "testimonials-wall")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Des bénévoles et des sacs sur une plage")).to_be_visible()
    check_page(page, "testimonial-page")
    page.goto(f"/kits/{kit.slug}/")
    section = page.locator("[data-kit-testimonials]")
    expect(section.get_by_role("heading", name="Ils l’ont fait")).to_be_visible()
    expect(section.get_by_role("link", name=TITLE)).to_be_visible()
    check_page(page, "kit-page-they-did-it")


def test_english_wall_and_form_read_english(page):
    page.goto("/en/local-actions/")
    expect(page.get_by_role("heading", name="Filter local actions")).to_be_visible()
    check_page(page, "testimonials-wall-en")
    page.get_by_role("link", name="Tell us how your action went").first.click()
    expect(page.get_by_label("Your name as it will be shown")).to_be_visible()
    check_page(page, "testimonial-form-en")


def test_a_form_sent_while_the_database_is_down_comes_back_as_typed(page, phone):
    """The 503 page re-shows what was typed, at phone and desktop widths, in the visitor's language."""
    for tab, width in ((page, 1280), (phone, 390)):
        tab.goto("/actions-locales/partager/")
        tab.get_by_label("Votre nom tel qu’il sera affiché").fill("Camille Panne")
        tab.get_by_label("Titre de votre récit").fill("Écrit pendant la panne")
        tab.get_by_label("Comment ça s’est passé ?").fill("Un texte à ne pas perdre.")
        down = OperationalError("connection refused")
        with mock.patch("community.testimonials.views.TestimonialForm.is_valid", side_effect=down):
            tab.get_by_role("button", name="Envoyer mon témoignage").click()
            expect(tab.get_by_role("heading", name="Pas encore envoyé")).to_be_visible()
        expect(tab.get_by_label("Titre de votre récit")).to_have_value("Écrit pendant la panne")
        expect(tab.get_by_label("Comment ça s’est passé ?")).to_have_value("Un texte à ne pas perdre.")
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        check_page(tab, f"database-down-form-{width}")
