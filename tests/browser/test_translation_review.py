"""Translating a kit through the review (decision 0022), in the real admin with TOTP: an
Editor creates the English translation ("Traduire cette page"), translates its title in
wagtail-localize's editor — whose main button is "Soumettre la traduction à Kit review",
never "Supprimer" — and submits it; a Moderator approves it from the same editor; the
English kit is then live at /en/…. On the way, the French admin's words that wagtail-localize
left in English or garbled ("More actions", "Publier dansEnglish", "3 December 2026",
"Français to English translation", "Utiliser la version français")."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp
from tests.browser.test_kit_review import new_tab


@pytest.fixture
def live_kit(site_url, django_db_blocker):
    from wagtail.models import Workflow, WorkflowPage

    from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    with django_db_blocker.unblock():
        workflow = Workflow.objects.get(name="Kit review")
        for index in KitIndexPage.objects.all():
            WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
        index = KitIndexPage.objects.get(locale__language_code="fr")
        kit = KitPageFactory(parent=index, title=f"Troc de graines {suffix}", live=False)
        KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"Affiche {suffix}"), label="Affiche")
        kit.save_revision().publish()
    return kit, suffix


def translate_title(page, source_title, english_title):
    """wagtail-localize's editor: the title's segment, "Traduire", the text, "Enregistrer"."""
    segment = page.locator(".js-translation-editor li:has(> p.title)")
    expect(segment).to_contain_text(source_title)
    segment.get_by_role("button", name="Traduire").click()
    segment.locator("textarea").fill(english_title)
    segment.get_by_role("button", name="Enregistrer").click()
    expect(segment).to_contain_text(english_title)
    # The date wagtail-localize writes in English whatever the language is left out.
    expect(segment).to_contain_text("Traduit manuellement")
    expect(segment).not_to_contain_text(
        re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December")
    )


def footer_main_button(page):
    return page.locator("footer .w-dropdown-button").first.locator(":scope > :visible").first


def test_an_editor_translates_a_kit_and_a_moderator_publishes_it(
    browser, site_url, committed, live_kit, django_db_blocker, settings
):
    from kits.models import KitPage

    settings.MFA_REQUIRED_FOR_STAFF = True
    kit, suffix = live_kit
    editor, editor_secret = staff_with_totp(django_db_blocker, f"traduction-{suffix}@example.org", "Editors")
    moderator, moderator_secret = staff_with_totp(django_db_blocker, f"relecture-{suffix}@example.org", "Moderators")
    english_title = f"Seed swap {suffix}"

    # The Editor creates the translation from the French kit's editor.
    writer = new_tab(browser, site_url)
    sign_in(writer, editor, editor_secret, next_url=f"/admin/pages/{kit.pk}/edit/")
    writer.locator("header").get_by_role("button", name="Actions").click()
    writer.get_by_role("link", name="Traduire cette page").click()
    writer.get_by_role("checkbox", name="anglais").check()
    writer.get_by_role("button", name="Soumettre").click()
    expect(writer.locator(".js-translation-editor footer")).to_be_visible()
    with django_db_blocker.unblock():
        translated = KitPage.objects.get(translation_key=kit.translation_key, locale__language_code="en")
    expect(writer).to_have_url(re.compile(rf"/admin/pages/{translated.pk}/edit/"))

    # Its main button submits to the review; "Supprimer" is only in the menu.
    main = footer_main_button(writer)
    expect(main).to_have_text(re.compile("Soumettre la traduction à Kit review"))
    expect(writer.locator("footer .w-dropdown__toggle .w-sr-only")).to_have_text("Plus d'actions")
    expect(writer.get_by_role("heading", name="Traduction : français → anglais")).to_be_visible()
    translate_title(writer, kit.title, english_title)
    # The material's document, synchronised: "Utiliser la version français" before.
    expect(writer.locator(".js-translation-editor")).to_contain_text("Reprend la version en français")
    check_page(writer, "admin-translation-editor-editor", region="footer")
    main.click()
    expect(writer.locator(".messages")).to_contain_text("soumise à la relecture")
    with django_db_blocker.unblock():
        translated = KitPage.objects.get(pk=translated.pk)
        assert not translated.live
        assert translated.current_workflow_state.status == "in_progress"
        assert translated.get_latest_revision_as_object().title == english_title
    expect(footer_main_button(writer)).not_to_have_text(re.compile("Supprimer"))
    writer.context.close()

    # The Moderator approves it in the same editor.
    reviewer = new_tab(browser, site_url)
    sign_in(reviewer, moderator, moderator_secret, next_url=f"/admin/pages/{translated.pk}/edit/")
    approve = footer_main_button(reviewer)
    expect(approve).to_have_text(re.compile("Approuver et publier la traduction"))
    # wagtail-localize's "Publish in " + the language, now "Publier en anglais" (was "Publier dansEnglish").
    reviewer.locator("footer .w-dropdown__toggle").first.click()
    expect(reviewer.locator("footer").get_by_role("button", name="Publier en anglais")).to_be_visible()
    expect(reviewer.locator("footer")).not_to_contain_text("Publier dans")
    reviewer.keyboard.press("Escape")
    check_page(reviewer, "admin-translation-editor-moderator", region="footer")
    approve.click()
    expect(reviewer).to_have_url(re.compile(rf"/admin/pages/{translated.pk}/edit/"))
    expect(reviewer.get_by_role("link", name=re.compile("Visible par tous"))).to_be_visible()  # now live
    with django_db_blocker.unblock():
        translated = KitPage.objects.get(pk=translated.pk)
        assert translated.live and translated.title == english_title
        assert translated.current_workflow_state is None
        url = translated.url
    reviewer.context.close()

    visitor = new_tab(browser, site_url)
    assert url.startswith("/en/")
    assert visitor.goto(url).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(english_title)
    visitor.context.close()


def test_the_translation_editor_on_a_phone(phone, live_kit, django_db_blocker, settings):
    """The same editor at 390 px: the main button still submits, nothing scrolls sideways."""
    from home.localization import translate

    settings.MFA_REQUIRED_FOR_STAFF = True
    kit, suffix = live_kit
    with django_db_blocker.unblock():
        translated = translate(kit, "en", {kit.title: f"Seed swap {suffix}"}, publish=False)
    editor, secret = staff_with_totp(django_db_blocker, f"traduction-mobile-{suffix}@example.org", "Editors")
    sign_in(phone, editor, secret, next_url=f"/admin/pages/{translated.pk}/edit/")
    expect(footer_main_button(phone)).to_have_text(re.compile("Soumettre la traduction à Kit review"))
    check_page(phone, "admin-translation-editor-editor-phone", region="footer")
