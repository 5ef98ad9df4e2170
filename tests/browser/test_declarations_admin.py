"""Admin → "Actions déclarées" in Chromium (decision 0030): A's staff sign in with TOTP,
open the list on a phone and a wide screen, filter it by kit, open a volunteer's record and
export the CSV; B's volunteer never shows; every view is in the access log."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp
from tests.browser.test_association_space import new_tab


@pytest.fixture
def declared(committed):
    from community.associations.factories import AssociationFactory
    from kits.factories import ActionDeclarationFactory, KitDownloadFactory, KitPageFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    index = KitIndexPage.objects.get(locale__language_code="fr")
    a = AssociationFactory(name=f"Les Amis {suffix}", slug=f"amis-{suffix}")
    b = AssociationFactory(name=f"Bouge {suffix}", slug=f"bouge-{suffix}")
    kits = {
        "a": KitPageFactory(parent=index, title=f"Collecte des Amis {suffix}", association=a),
        "a2": KitPageFactory(parent=index, title=f"Troc des Amis {suffix}", association=a),
        "b": KitPageFactory(parent=index, title=f"Course de Bouge {suffix}", association=b),
    }
    agathe = ActionDeclarationFactory(
        kit=kits["a"],
        name="Agathe Amie-Longuenom",
        email=f"agathe.une.adresse.tres.longue.{suffix}@association-du-quartier.example.org",
        organisation="Comité des fêtes du quartier Saint-Martin",
        postcode="75011",
        territory="75",
    )
    KitDownloadFactory(declaration=agathe, material=None, whole_kit=True)
    ActionDeclarationFactory(kit=kits["a2"], name="Armand Ami", postcode="35000", territory="35")
    ActionDeclarationFactory(kit=kits["b"], name="Basile Bougeur", territory="13")
    return {"a": a, "b": b, "kits": kits, "agathe": agathe, "suffix": suffix}


def test_association_staff_list_filter_open_a_record_and_export(browser, site_url, declared, django_db_blocker):
    from community.associations import staff
    from kits.models import DeclarationAccess

    suffix = declared["suffix"]
    user, secret = staff_with_totp(django_db_blocker, f"alice-declarations-{suffix}@example.org")
    staff.grant(user, declared["a"])
    tab = new_tab(browser, site_url, 390)
    sign_in(tab, user, secret, next_url="/admin/declarations/")
    expect(tab).to_have_url(re.compile(r"/admin/declarations/"))

    for width in (390, 1280):
        tab.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
        tab.goto("/admin/declarations/")
        expect(tab.get_by_role("heading", name="Actions déclarées").first).to_be_visible()
        expect(tab.locator("[data-declarations-note]")).to_contain_text(declared["a"].name)
        expect(tab.locator("#listing-results")).to_contain_text("Agathe Amie-Longuenom")
        expect(tab.locator("#listing-results")).to_contain_text("Armand Ami")
        expect(tab.locator("#listing-results")).not_to_contain_text("Basile Bougeur")
        check_page(tab, f"declarations-list-{width}")

    # Filter by kit through Wagtail's filter drawer (the results refresh in place).
    tab.get_by_role("button", name=re.compile("filtres", re.IGNORECASE)).click()
    tab.locator("#filters-drilldown").get_by_role("button", name="Kit", exact=True).click()
    tab.locator("select[name=kit]").select_option(label=declared["kits"]["a2"].title)
    expect(tab.locator("#listing-results")).not_to_contain_text("Agathe Amie-Longuenom")
    expect(tab.locator("#listing-results")).to_contain_text("Armand Ami")
    expect(tab).to_have_url(re.compile(r"kit="))
    check_page(tab, "declarations-list-filtered-1280")
    tab.goto("/admin/declarations/")

    # A record, on both widths.
    tab.get_by_role("link", name="Agathe Amie-Longuenom").click()
    expect(tab).to_have_url(re.compile(rf"/admin/declarations/{declared['agathe'].pk}/"))
    expect(tab.locator("[data-declaration-record]")).to_contain_text("Comité des fêtes du quartier Saint-Martin")
    expect(tab.locator("[data-declaration-downloads]")).to_contain_text("tout le matériel (zip)")
    check_page(tab, "declarations-record-1280")
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.reload()
    check_page(tab, "declarations-record-390")

    # The export, from the header's "Actions" menu.
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto("/admin/declarations/")
    tab.get_by_role("button", name="Actions").click()
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Télécharger en CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("actions-declarees-")
    text = open(download.path(), encoding="utf-8-sig").read()
    assert "Agathe Amie-Longuenom" in text and "Armand Ami" in text and "Basile Bougeur" not in text
    assert f"Association,{declared['a'].name}" in text
    tab.context.close()

    kinds = list(DeclarationAccess.objects.filter(user=user).values_list("kind", flat=True))
    assert {"list", "detail", "export"} <= set(kinds)

    # "Protection des données" reads the log: who looked, what, how many rows.
    protection, protection_secret = staff_with_totp(
        django_db_blocker, f"dpo-declarations-{suffix}@example.org", "Protection des données"
    )
    tab = new_tab(browser, site_url, 1280)
    sign_in(tab, protection, protection_secret, next_url="/admin/reports/declaration-access/")
    for width in (1280, 390):
        tab.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
        tab.goto("/admin/reports/declaration-access/")
        expect(tab.locator("#listing-results")).to_contain_text(user.email)
        check_page(tab, f"declaration-access-log-{width}")
    tab.context.close()
