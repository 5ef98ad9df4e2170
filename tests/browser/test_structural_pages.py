"""Scoped power in the real admin (docs/permissions.md): a Moderator, signed in with two-factor,
finds no way to edit the kits index from the page explorer and is sent back to the dashboard
with a message when they open the home page's editor; a Site administrator edits it."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from home.models import HomePage, StandardPage
from kits.models import KitIndexPage
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def pages(django_db_blocker):
    with django_db_blocker.unblock():
        return (
            HomePage.objects.get(locale__language_code="fr"),
            KitIndexPage.objects.get(locale__language_code="fr"),
            StandardPage.objects.get(locale__language_code="fr", slug="a-propos"),
        )


def new_tab(browser, site_url):
    context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    return context.new_page()


def test_a_moderator_cannot_edit_the_home_page_a_site_administrator_can(
    browser, site_url, committed, pages, django_db_blocker, settings
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    home, kit_index, about = pages
    suffix = timezone.now().strftime("%H%M%S%f")

    moderator, secret = staff_with_totp(django_db_blocker, f"moderation-{suffix}@example.org", "Moderators")
    tab = new_tab(browser, site_url)
    sign_in(tab, moderator, secret, next_url=f"/admin/pages/{home.pk}/")
    expect(tab.locator(f"a[href='/admin/pages/{about.pk}/edit/']").first).to_be_visible()
    expect(tab.locator(f"a[href='/admin/pages/{kit_index.pk}/edit/']")).to_have_count(0)
    tab.goto(f"/admin/pages/{home.pk}/edit/")
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    expect(tab.locator(".messages")).to_contain_text("pas les autorisations")
    tab.context.close()

    administrator, secret = staff_with_totp(
        django_db_blocker, f"administration-{suffix}@example.org", "Site administrators"
    )
    tab = new_tab(browser, site_url)
    sign_in(tab, administrator, secret, next_url=f"/admin/pages/{home.pk}/edit/")
    expect(tab).to_have_url(re.compile(rf"/admin/pages/{home.pk}/edit/$"))
    expect(tab.locator("#id_hero_title")).to_have_value(home.hero_title)
    tab.context.close()
