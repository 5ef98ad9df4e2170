"""Every public page type, in French and English, at 320, 390, 768 and 1280 px: no sideways
scrolling, a phone header of at most 120 px behind one "Menu" button, tap targets of at
least 44 × 44 px, and on a kit page "Je me lance" on the first screen. axe-core at 390 and
1280 px; a screenshot of each page at each width (tests/browser/screenshots/layout-*.png)."""

import re

import pytest
from playwright.sync_api import expect

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage
from community.associations.factories import AssociationFactory
from home.factories import paragraph, stream
from tests.browser import content
from tests.browser.conftest import SCREENSHOTS, check_page, no_horizontal_scroll
from tests.community.testimonial_helpers import make_testimonial

WIDTHS = (320, 390, 768, 1280)
WIDE = 960  # px: from 60rem the header is one bar, with no "Menu" button
LONG_ADDRESS = "https://www.exemple-d-association-du-reseau.org/documents/guide-complet-de-la-collecte-solidaire"

# Tap targets: the header, navigation, buttons and form controls; a checkbox through its
# label. Links inside running text are left out, as WCAG 2.5.8 allows.
SMALL_TARGETS = """() => {
  const shown = e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== "hidden"
      && !e.closest(".visually-hidden, .skip-link, [hidden], [aria-hidden='true']")
      && !(e.closest("details:not([open])") && e.tagName !== "SUMMARY");
  };
  const targets = new Set(document.querySelectorAll(
    "header a, header summary, nav a, .button, button, select, textarea, summary,"
    + " input:not([type=hidden]):not([type=checkbox]):not([type=radio])"));
  for (const box of document.querySelectorAll("input[type=checkbox], input[type=radio]")) {
    targets.add(box.closest("label") || document.querySelector(`label[for="${box.id}"]`) || box);
  }
  const small = [];
  for (const e of targets) {
    if (!shown(e) || (e.tagName === "A" && !e.closest("header, nav") && !e.classList.contains("button"))) continue;
    const box = e.getBoundingClientRect();
    if (box.width < 43.5 || box.height < 43.5) {
      const label = (e.textContent || e.name || "").trim().slice(0, 40);
      small.push(`${e.tagName} "${label}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}"""


@pytest.fixture(scope="module")
def pages(site_url, django_db_blocker):
    """One page of each public type, with what makes pages too wide: a long material name,
    a long address in running text, a school kit's box."""
    with django_db_blocker.unblock():
        themes = content.themes()
        association = AssociationFactory(name="Dignité Hygiène", slug="dignite-hygiene", territories=["69"])
        kit = content.make_kit(
            "Collecte de produits d'hygiène",
            "collecte-produits-hygiene",
            association=association,
            school_setting=True,
            themes=[themes["solidarite"]],
            steps=[("Trouver un lieu", f"Le guide complet : {LONG_ADDRESS}")]
            + [(f"Étape {n}", "Ce qu'il faut faire, pas à pas.") for n in range(2, 6)],
            english={
                "Collecte de produits d'hygiène": "Hygiene product collection",
                "collecte-produits-hygiene": "hygiene-product-collection",
            },
        )
        material = kit.materials.get()
        material.label = "Affiche à imprimer en A3 pour l'entrée du supermarché partenaire de la collecte"
        material.save()
        event = content.make_event("Petit Déj à Lyon", "petit-dej-lyon", in_person=True, capacity=12)
        article = content.publish(
            ArticlePageFactory(
                parent=ArticleIndexPage.objects.get(locale__language_code="fr"),
                title="Guide : écrire un kit ni trop court ni trop long",
                slug="guide-ecrire-un-kit",
                category="guide",
                body=stream(paragraph(f"Relisez à voix haute. Un exemple : {LONG_ADDRESS}")),
            )
        )
        story = make_testimonial(
            title="Une collecte au supermarché des Pentes", postcode="69001", territory="69", kit=kit
        )
    return {
        "home": "/",
        "kits": "/kits/",
        "kit": kit.url,
        "declare": kit.url + "je-me-lance/",
        "events": "/evenements/",
        "event": event.url,
        "topics": "/evenements/sujets/",
        "stories": "/actions-locales/",
        "story": f"/actions-locales/{story.pk}/",
        "share": "/actions-locales/partager/",
        "associations": "/associations/",
        "association": "/associations/dignite-hygiene/",
        "resources": "/ressources/",
        "article": article.url,
        "search": "/recherche/?q=collecte",
        "sign-in": "/compte/login/",
        "about": "/a-propos/",
        "en-home": "/en/",
        "en-kits": "/en/kits/",
        "en-kit": "/en/kits/hygiene-product-collection/",
        "en-events": "/en/events/",
        "en-stories": "/en/local-actions/",
    }


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def screen(request, browser, committed, site_url):
    width = request.param
    context = browser.new_context(
        locale="fr-FR", base_url=site_url, viewport={"width": width, "height": 800}, is_mobile=width < WIDE
    )
    context.set_default_timeout(15_000)
    yield context.new_page(), width
    context.close()


def test_every_page_type_fits_the_screen(screen, pages):
    tab, width = screen
    for name, path in pages.items():
        response = tab.goto(path)
        assert response.status == 200, (path, response.status)
        header = tab.locator(".site-header").bounding_box()["height"]
        if width < WIDE:
            assert header <= 120, f"{path}: the header is {header} px tall at {width} px"
        if width in (390, 1280):
            check_page(tab, f"layout-{name}-{width}")  # screenshot, no sideways scrolling, axe
        else:
            SCREENSHOTS.mkdir(exist_ok=True)
            tab.screenshot(path=str(SCREENSHOTS / f"layout-{name}-{width}.png"), full_page=True)
            no_horizontal_scroll(tab)
        assert tab.evaluate(SMALL_TARGETS) == [], f"{path} at {width} px"
        if width < WIDE:  # and inside the menu, opened
            tab.locator(".site-menu__toggle").click()
            no_horizontal_scroll(tab)
            assert tab.evaluate(SMALL_TARGETS) == [], f"{path}, menu open, at {width} px"


def test_on_a_phone_the_menu_is_one_button_and_je_me_lance_is_on_the_first_screen(phone, pages):
    phone.goto(pages["kit"])
    menu = phone.get_by_role("navigation", name="Menu principal")
    expect(menu).to_be_hidden()
    phone.get_by_text("Menu", exact=True).click()
    expect(menu.get_by_role("link", name="Kits d'action")).to_be_visible()
    expect(phone.get_by_role("navigation", name="Langue")).to_be_visible()
    check_page(phone, "layout-menu-open-390")
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()

    start = phone.get_by_role("link", name="Je me lance").first
    assert start.bounding_box()["y"] + start.bounding_box()["height"] <= 844, "Je me lance is below the first screen"
    start.click()
    expect(phone).to_have_url(re.compile(r"/je-me-lance/$"))


def test_the_menu_works_without_javascript(browser, committed, site_url, pages):
    context = browser.new_context(
        locale="fr-FR", base_url=site_url, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    tab = context.new_page()
    tab.goto("/")
    menu = tab.get_by_role("navigation", name="Menu principal")
    expect(menu).to_be_hidden()
    tab.get_by_text("Menu", exact=True).click()
    expect(menu.get_by_role("link", name="Événements")).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_menu_is_a_bar(page, pages):
    page.goto(pages["kits"])
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Événements")).to_be_visible()
    expect(page.get_by_role("combobox", name="Rechercher sur le site")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= 130
    # Headings in the self-hosted font, fetched from this origin only.
    page.evaluate("document.fonts.ready")
    assert page.evaluate("""document.fonts.check('700 2rem "Source Serif 4"')""")
    assert page.evaluate(
        """[...document.fonts].filter(f => f.family.includes("Source Serif 4") && f.status === "loaded").length"""
    )
