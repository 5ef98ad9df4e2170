"""The printed kit, to hand out: A4, at most four pages for a full kit, the steps, checklist,
FAQ and materials, the declaration page as a short address and a QR code; no buttons,
forms, stories or comments."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import content
from tests.browser.conftest import SCREENSHOTS
from tests.community.testimonial_helpers import make_testimonial


@pytest.fixture(scope="module")
def kit(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        kit = content.make_kit(
            "Collecte de produits d'hygiène",
            "collecte-produits-hygiene",
            steps=[(f"Étape du guide {n}", " ".join(content.ADVICE[:3])) for n in range(1, 7)],
            questions=[(f"Question {n} ?", content.ADVICE[n]) for n in range(3)],
        )
        make_testimonial(title="Une collecte réussie", kit=kit)
        return kit


def test_printed_kit_fits_four_a4_pages_and_leads_to_the_materials(page, kit, settings):
    page.goto(kit.url)
    expect(page.locator(".kit-print-declare")).to_be_hidden()  # on screen: the "Je me lance" box instead
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 4, f"{pages} A4 pages"

    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "kit-printed-a4.png"), full_page=True)
    declare = page.locator(".kit-print-declare")
    expect(declare).to_be_visible()
    expect(declare.locator("svg path")).to_have_count(1)  # the QR code, drawn inline
    expect(declare).to_contain_text(f"{kit.url}je-me-lance/")
    for hidden in (".kit-cta", ".kit-early-cta", ".testimonials-section", ".comment-thread", ".site-header", "form"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_text("Étape du guide 6")).to_be_visible()
    expect(page.get_by_text(content.ADVICE[2]).last).to_be_visible()  # FAQ answers unfolded
    width = page.evaluate("document.querySelector('.kit-body').getBoundingClientRect().width")
    assert width > 0.9 * page.viewport_size["width"] - 40, "the guide is printed full width"
