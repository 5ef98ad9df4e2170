"""The kit editor in the French admin (an Editor with TOTP): themes in French only, the
"Publics" label, and a step left without its title named in French on submit, with no
false "add a step" and Wagtail's English "Validation error in StreamBlock" gone."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def kit_with_steps(site_url, django_db_blocker):
    from wagtail.models import Locale, Workflow, WorkflowPage

    from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory, ThemeFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    with django_db_blocker.unblock():
        index = KitIndexPage.objects.get(locale__language_code="fr")
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": Workflow.objects.get(name="Kit review")})
        ThemeFactory(name=f"Jardinage {suffix}", slug=f"jardinage-{suffix}")
        ThemeFactory(
            name=f"Gardening {suffix}", slug=f"gardening-{suffix}", locale=Locale.objects.get(language_code="en")
        )
        kit = KitPageFactory(parent=index, title=f"Grainothèque {suffix}", live=False)
        KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"Guide {suffix}"))
        kit.save_revision()
    return kit, suffix


def test_french_kit_form_themes_label_and_invalid_block(page, kit_with_steps, django_db_blocker, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    kit, suffix = kit_with_steps
    editor, secret = staff_with_totp(django_db_blocker, f"formulaire-{suffix}@example.org", "Editors")
    sign_in(page, editor, secret, next_url=f"/admin/pages/{kit.pk}/edit/")

    themes = page.locator("[name=themes]").locator("xpath=ancestor::*[@data-field-wrapper][1]")
    expect(themes).to_contain_text(f"Jardinage {suffix}")
    expect(themes).not_to_contain_text(f"Gardening {suffix}")
    expect(page.get_by_text("Publics", exact=True).first).to_be_visible()

    page.locator("input[name='body-2-value-title']").fill("")  # the second step loses its title
    footer = page.locator("footer")
    submit = footer.locator("[name=action-submit]").first
    if not submit.is_visible():
        footer.locator("[data-w-dropdown-target='toggle']").first.click()
    submit.click()
    banner = page.locator(".messages")
    expect(banner).to_contain_text(re.compile(r"Corrigez le bloc 3 \(Étape\) du contenu"))
    expect(banner).to_contain_text("1 bloc à corriger")
    expect(banner).not_to_contain_text("Ajoutez au moins une étape")
    expect(banner).not_to_contain_text("Validation error")
    expect(page.get_by_text("Chiffres de ce que vous venez d’envoyer")).to_be_visible()
    expect(page.get_by_text("2 étapes")).to_be_visible()  # the two valid ones
    check_page(page, "admin-kit-invalid-block", region=".messages")
