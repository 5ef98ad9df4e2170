"""Association staff moderate their stories in the real admin (docs/permissions.md): A's staff,
signed in with TOTP, read the dashboard count, open "À modérer", approve the pending story
about A's kit, at 390 and 1280 px; B's pending story is nowhere on their screens, and stays
pending."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.testimonials.models import Testimonial as Story  # not "Test…": pytest would collect it
from kits.factories import KitPageFactory
from kits.models import KitIndexPage
from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp
from tests.community.testimonial_helpers import make_testimonial


def new_tab(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(
        locale="fr-FR", base_url=site_url, viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone
    )
    context.set_default_timeout(20_000)
    return context.new_page()


def kit_of(association, title):
    index = KitIndexPage.objects.get(locale__language_code="fr")
    kit = KitPageFactory(parent=index, title=title, association=association)
    kit.save_revision().publish()
    return kit


@pytest.fixture
def two_stories(committed):
    suffix = timezone.now().strftime("%H%M%S%f")
    a = AssociationFactory(name=f"Les Amis {suffix}", slug=f"amis-{suffix}")
    b = AssociationFactory(name=f"Bouge {suffix}", slug=f"bouge-{suffix}")
    mine = make_testimonial(
        title=f"Un vide-grenier solidaire {suffix}",
        kit=kit_of(a, f"Vide-grenier {suffix}"),
        status=Story.Status.PENDING,
        email=f"auteure-{suffix}@example.org",
    )
    theirs = make_testimonial(
        title=f"Une course de Bouge {suffix}", kit=kit_of(b, f"Course {suffix}"), status=Story.Status.PENDING
    )
    return {"a": a, "mine": mine, "theirs": theirs, "suffix": suffix}


@pytest.mark.parametrize("width", [390, 1280])
def test_association_staff_approve_their_story_from_the_inbox(browser, site_url, two_stories, django_db_blocker, width):
    mine, theirs, suffix = (two_stories[key] for key in ("mine", "theirs", "suffix"))
    user, secret = staff_with_totp(django_db_blocker, f"alice-{width}-{suffix}@example.org")
    staff.grant(user, two_stories["a"])
    tab = new_tab(browser, site_url, width)
    sign_in(tab, user, secret)

    panel = tab.locator("#moderation-inbox-section")
    expect(panel).to_contain_text("Témoignages en attente : 1")
    check_page(tab, f"association-staff-dashboard-{width}")

    panel.get_by_role("link", name="Ouvrir la boîte de modération").click()
    expect(tab.get_by_role("heading", name="À modérer", level=1)).to_be_visible()
    section = tab.locator("#testimonial-section")
    expect(section).to_contain_text(mine.title)
    expect(tab.locator("body")).not_to_contain_text(theirs.title)
    check_page(tab, f"association-staff-inbox-{width}")

    section.get_by_role("link", name=f"Approuver « {mine.title} »").click()
    expect(tab.get_by_text(mine.title)).to_be_visible()
    check_page(tab, f"association-staff-approve-{width}")
    tab.get_by_role("button", name="Oui, valider").click()
    expect(tab).to_have_url(re.compile(r"/admin/moderation/$"))
    expect(tab.locator(".messages")).to_contain_text("1 témoignage approuvé")
    expect(section).to_contain_text("Rien n’attend ici.")
    check_page(tab, f"association-staff-inbox-after-{width}")

    # Admin → Témoignages: theirs only, whatever is searched.
    tab.goto(f"/admin/snippets/community/testimonial/?q={suffix}")
    expect(tab.locator("main")).to_contain_text(mine.title)
    expect(tab.locator("main")).not_to_contain_text(theirs.title)
    tab.context.close()

    with django_db_blocker.unblock():
        mine.refresh_from_db()
        theirs.refresh_from_db()
    assert mine.status == Story.Status.APPROVED and mine.moderated_by_id == user.pk
    assert theirs.status == Story.Status.PENDING
