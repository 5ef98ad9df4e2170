"""A kit's material uploaded from the kit editor (an Editor with TOTP, in the real admin):
the chooser's upload form proposes the private "Kits" collection and says what it means;
a visitor never gets the file from /documents/…, even after it is moved to a public
collection; only the signed links of a declaration serve it."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp
from tests.browser.test_kit_review import click_footer_action


@pytest.fixture
def kit_without_material(site_url, django_db_blocker):
    from kits.factories import KitPageFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    with django_db_blocker.unblock():
        index = KitIndexPage.objects.get(locale__language_code="fr")
        kit = KitPageFactory(parent=index, title=f"Troc de graines {suffix}", live=False)
        kit.save_revision()
    return kit


def test_material_uploaded_from_the_kit_editor_stays_private(
    page, browser, site_url, kit_without_material, django_db_blocker, settings, tmp_path
):
    from kits.documents import kits_collection, make_pdf
    from kits.models import KitMaterial, PrivateDocument

    settings.MFA_REQUIRED_FOR_STAFF = True
    suffix = kit_without_material.slug[-6:]
    editor, secret = staff_with_totp(django_db_blocker, f"supports-{suffix}@example.org", "Editors")
    pdf = tmp_path / f"affiche-{suffix}.pdf"
    pdf.write_bytes(make_pdf("Affiche", ["Relais"]))

    sign_in(page, editor, secret, next_url=f"/admin/pages/{kit_without_material.pk}/edit/")
    page.locator("#id_materials-ADD").click()
    page.locator("[id^='inline_child_materials-'] [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal")
    modal.locator("#tab-label-upload").click()
    collection = modal.locator("#id_document-chooser-upload-collection")
    expect(collection.locator("option:checked")).to_have_text(re.compile("Kits"))
    expect(modal.get_by_text("visiteurs n'obtiennent les supports", exact=False)).to_be_visible()
    check_page(page, "admin-material-upload", region=".modal")
    modal.locator("#id_document-chooser-upload-title").fill(f"Affiche {suffix}")
    modal.locator("#id_document-chooser-upload-file").set_input_files(str(pdf))
    modal.locator("form:has(#id_document-chooser-upload-collection) button[type=submit]").click()
    expect(modal).to_be_hidden()
    page.locator("[id^='inline_child_materials-'] input[name$='-label']").first.fill("Affiche à imprimer")
    click_footer_action(page, "button.action-save")  # the main button submits (decision 0032)
    expect(page.locator(".messages")).to_contain_text(kit_without_material.title)

    with django_db_blocker.unblock():
        material = KitMaterial.objects.select_related("document").get(page=kit_without_material)
        document = material.document
        assert document.collection == kits_collection()
        url = document.url

    visitor = browser.new_context(locale="fr-FR", base_url=site_url).new_page()
    assert visitor.request.get(url, max_redirects=0).status != 200

    # Moved to the public Root collection in the admin, it is still not served.
    page.goto(f"/admin/documents/edit/{document.pk}/")
    page.locator("#id_collection").select_option(label="Root")
    page.locator("main button[type=submit]").first.click()
    expect(page.locator(".messages")).to_be_visible()
    with django_db_blocker.unblock():
        assert PrivateDocument.objects.get(pk=document.pk).collection.depth == 1
    response = visitor.request.get(url, max_redirects=0)
    assert response.status == 404
    assert not response.body().startswith(b"%PDF")
    visitor.context.close()
