"""The English wall shows English stories first and marks French ones; the admin dashboard
lists a translation whose French source was published since the last sync, and its link
opens wagtail-localize's "Sync translated pages"."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser import content
from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def guide(committed):
    from community.articles.factories import ArticlePageFactory
    from community.articles.models import ArticleIndexPage
    from community.testimonials.models import Testimonial
    from home.localization import translate

    suffix = timezone.now().strftime("%H%M%S%f")
    page = ArticlePageFactory(
        parent=ArticleIndexPage.objects.get(locale__language_code="fr"),
        title=f"Guide à synchroniser {suffix}",
        slug=f"guide-sync-{suffix}",
        category="guide",
    )
    content.publish(page)
    translate(page, "en", {page.title: f"Guide to sync {suffix}", page.slug: f"guide-to-sync-{suffix}"})
    page.introduction = "Une introduction revue."
    page.save_revision().publish()  # after the translation: the English page is behind
    for language, title in (("fr", f"Course au parc {suffix}"), ("en", f"Run in the park {suffix}")):
        Testimonial.objects.create(
            display_name="Awa",
            email=f"awa-{language}-{suffix}@example.org",
            title=title,
            story="Une belle matinée." if language == "fr" else "A lovely morning.",
            action_date=timezone.localdate(),
            postcode="75011",
            territory="75",
            participants=8,
            language=language,
            status=Testimonial.Status.APPROVED,
        )
    return page, suffix


def test_english_wall_and_outdated_translations(page, phone, guide, django_db_blocker, settings):
    source, suffix = guide
    for tab, width in ((phone, 390), (page, 1280)):
        tab.goto("/en/local-actions/")
        titles = tab.locator(".testimonial-card .card__title")
        expect(titles.first).to_have_text(f"Run in the park {suffix}")
        french = tab.locator(".testimonial-card", has_text=f"Course au parc {suffix}")
        expect(french.locator("h3")).to_have_attribute("lang", "fr")
        expect(french).to_contain_text("Told in French")
        check_page(tab, f"wall-en-languages-{width}")

    settings.MFA_REQUIRED_FOR_STAFF = True
    admin, secret = staff_with_totp(
        django_db_blocker, f"admin-trad-{suffix}@example.org", is_staff=True, is_superuser=True
    )
    sign_in(page, admin, secret, next_url="/admin/")
    panel = page.locator("[data-outdated-translations]")
    row = panel.locator("tr", has_text=f"Guide to sync {suffix}")
    expect(row).to_contain_text("Source modifiée depuis la dernière synchronisation")
    check_page(page, "admin-outdated-translations-1280", region="[data-outdated-translations]")
    row.get_by_role("link", name=re.compile("^Synchroniser depuis")).click()
    expect(page).to_have_url(re.compile(r"/admin/localize/update/\d+/"))
