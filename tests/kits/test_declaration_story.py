"""From my action to my story: after the planned date the person's page offers to tell how
it went, pre-filled like the follow-up e-mail's link; the kit page's "Tell us how your action
went" pre-fills that kit, so the story shows on the kit page once approved."""

import datetime
import re

import pytest

from django.utils import timezone

from community.associations.factories import AssociationFactory
from community.testimonials.models import Testimonial as Story
from kits.emails import send_declaration_email
from kits.factories import ActionDeclarationFactory
from tests.community.testimonial_helpers import valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit(make_kit):
    return make_kit(title="Troc de livres", slug="troc-livres-recit", association=AssociationFactory(name="Lire Ici"))


def selected_kit(html):
    match = re.search(r'<option value="(\d+)" selected>', html)
    return int(match.group(1)) if match else None


def test_after_the_date_my_page_offers_the_story_form_like_the_followup_email(client, kit):
    declaration = ActionDeclarationFactory(kit=kit, planned_date=timezone.localdate() + datetime.timedelta(days=3))
    my_page = f"{kit.url}mon-action/{declaration.token}/"
    assert "Racontez comment ça s’est passé" not in client.get(my_page).content.decode()
    declaration.planned_date = timezone.localdate() - datetime.timedelta(days=1)
    declaration.save()
    html = client.get(my_page).content.decode()
    assert "Racontez comment ça s’est passé" in html
    link = re.search(r'href="(/actions-locales/partager/\?declaration=[^"]+)"', html).group(1)
    email_link = re.search(
        r"https?://\S+?(/actions-locales/partager/\?declaration=\S+)",
        send_declaration_email(declaration, "followup").body,
    )
    assert link == email_link.group(1)
    form = client.get(link).content.decode()
    assert selected_kit(form) == kit.pk
    assert f'value="{declaration.email}"' in form
    assert 'value="Lire Ici"' in form


def test_no_story_offer_for_a_cancelled_action(client, kit):
    declaration = ActionDeclarationFactory(kit=kit, past=True, status="cancelled")
    assert "partager/?declaration=" not in client.get(f"{kit.url}mon-action/{declaration.token}/").content.decode()


def test_the_kit_pages_story_button_preselects_the_kit_and_the_story_shows_there(
    client, kit, django_capture_on_commit_callbacks
):
    html = client.get(kit.url).content.decode()
    link = re.search(r'href="(/actions-locales/partager/\?kit=\d+)"', html).group(1)
    form = client.get(link).content.decode()
    assert selected_kit(form) == kit.pk
    assert 'value="Lire Ici"' in form
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, valid_post(kit=str(selected_kit(form)), title="Un troc réussi"))
    story = Story.objects.get(title="Un troc réussi")
    assert story.kit_id == kit.pk
    story.status = Story.Status.APPROVED
    story.save()
    assert "Un troc réussi" in client.get(kit.url).content.decode()


def test_a_bad_kit_parameter_is_ignored(client):
    for value in ("abc", "999999999", "1" * 40, "\x00"):
        response = client.get("/actions-locales/partager/", {"kit": value})
        assert response.status_code == 200
        assert selected_kit(response.content.decode()) is None
