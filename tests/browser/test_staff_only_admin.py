"""A signed-in member who opens /admin/ reads that the area is for the network's staff
(no redirect loop), in French and English, on a phone and a desktop."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import PASSWORD


@pytest.fixture
def member(site_url, django_db_blocker):
    from community.members.factories import MemberFactory

    suffix = timezone.now().strftime("%H%M%S%f")
    with django_db_blocker.unblock():
        return MemberFactory(approved=True, user__email=f"curieuse-{suffix}@example.org").user


def sign_in(page, member):
    page.goto("/compte/login/")
    page.locator("input[name=login]").fill(member.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).not_to_have_url(re.compile(r"/compte/login/"))


@pytest.mark.parametrize("tab", ["page", "phone"])
def test_member_opening_the_admin_gets_a_page_not_a_loop(tab, request, member):
    page = request.getfixturevalue(tab)
    sign_in(page, member)

    response = page.goto("/admin/")
    assert response.status == 403
    assert response.request.redirected_from is None
    expect(page.get_by_role("heading", level=1)).to_have_text("Cet espace est réservé à l’équipe du réseau")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    check_page(page, f"admin-staff-only-{tab}")
    page.get_by_role("link", name="Aller à mon compte").click()
    expect(page).to_have_url(re.compile(r"/compte/$"))


def test_an_english_speaking_member_reads_it_in_english(browser, site_url, committed, member):
    page = browser.new_context(locale="en-GB", base_url=site_url).new_page()
    sign_in(page, member)  # /compte/ has no language prefix: French
    page.goto("/admin/pages/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This area is for the network's staff")
    expect(page.get_by_role("link", name="Go to my account")).to_be_visible()
    page.context.close()
