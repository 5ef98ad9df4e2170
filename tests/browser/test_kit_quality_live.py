"""The kit editor's quality panel follows what an Editor (TOTP) types: the summary emptied
blocks publishing within seconds, written again it does not, and the word count follows —
the rules of kits/quality.py, through kits.quality_admin (which saves nothing:
tests/kits/test_quality_live.py; Wagtail's own autosave may save a draft meanwhile)."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp

PANEL = "[data-kit-quality-panel]"


@pytest.fixture
def kit(site_url, django_db_blocker):
    from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    with django_db_blocker.unblock():
        index = KitIndexPage.objects.get(locale__language_code="fr")
        kit = KitPageFactory(parent=index, title=f"Ramassage de déchets {suffix}", live=False)
        KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"Carte {suffix}"))
        kit.save_revision()
    return kit, suffix


def words(panel):
    return int(re.search(r"\((\d+) mots", panel.inner_text()).group(1))


@pytest.mark.parametrize("device", ["page", "phone"])
def test_the_quality_panel_follows_the_typing(device, request, kit, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    tab = request.getfixturevalue(device)
    kit, suffix = kit
    editor, secret = staff_with_totp(django_db_blocker, f"qualite-{device}-{suffix}@example.org", "Editors")
    sign_in(tab, editor, secret, next_url=f"/admin/pages/{kit.pk}/edit/")

    panel = tab.locator(PANEL)
    expect(panel).to_contain_text("3 étapes")
    expect(panel).not_to_contain_text("Écrivez un résumé")
    before = words(panel)

    summary = tab.locator("textarea[name=summary]")
    summary.fill("")
    expect(panel.locator("[data-verdict=missing-summary]")).to_contain_text("Empêche la publication")
    expect(panel).to_contain_text("mis à jour au fil de la frappe")
    assert words(panel) < before

    from kits.quality import count_words

    written = "Ramasser les déchets du quartier avec les voisins, un samedi matin."
    summary.press_sequentially(written, delay=20)
    expect(panel.locator("[data-verdict=missing-summary]")).to_have_count(0)
    expect(panel).to_contain_text(f"({before - count_words(kit.summary) + count_words(written)} mots")
    panel.scroll_into_view_if_needed()
    check_page(tab, f"admin-kit-quality-panel-{device}", region=PANEL)
