"""An association's space in the real admin: A's staff sign in with TOTP, create a kit
(the association is preset, only theirs offered), submit it to "Kit review" and see it "in
review" on their dashboard; a network Moderator publishes it; A's dashboard shows it live
with its figures, and so does the report, at 390 and 1280 px; B's staff see nothing of it
(dashboard, explorer, report). The kit's step and material are added by the test between the
draft and the submission: the block editor and the document chooser are walked in
test_kit_form.py and test_kit_materials.py."""

import re
import time

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import SCREENSHOTS, check_page
from tests.browser.staff import sign_in, staff_with_totp
from tests.browser.test_kit_review import click_footer_action


def sign_in_again(tab, user, secret, next_url):
    """A TOTP code is accepted once: a second sign-in of the same person waits for the next one."""
    window = int(time.time()) // 30
    while int(time.time()) // 30 == window:
        time.sleep(1)
    sign_in(tab, user, secret, next_url=next_url)


def new_tab(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(
        locale="fr-FR", base_url=site_url, viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone
    )
    context.set_default_timeout(20_000)
    return context.new_page()


@pytest.fixture
def two_associations(committed):
    from wagtail.models import Workflow, WorkflowPage

    from community.associations.factories import AssociationFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    index = KitIndexPage.objects.get(locale__language_code="fr")
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": Workflow.objects.get(name="Kit review")})
    a = AssociationFactory(name=f"Les Amis {suffix}", slug=f"amis-{suffix}")
    b = AssociationFactory(name=f"Bouge {suffix}", slug=f"bouge-{suffix}")
    return {"a": a, "b": b, "index": index, "suffix": suffix}


def test_association_staff_create_submit_and_see_their_figures(
    browser, site_url, two_associations, django_db_blocker, settings
):
    from community.associations import staff
    from events.factories import EventPageFactory, RegistrationFactory
    from events.models import EventIndexPage
    from home.factories import stream
    from kits.factories import ActionDeclarationFactory, KitDocumentFactory, KitMaterialFactory, step
    from kits.models import KitPage
    from tests.community.testimonial_helpers import make_testimonial

    settings.MFA_REQUIRED_FOR_STAFF = True
    a, b, index, suffix = (two_associations[key] for key in ("a", "b", "index", "suffix"))
    a_staff, a_secret = staff_with_totp(django_db_blocker, f"alice-{suffix}@example.org")
    b_staff, b_secret = staff_with_totp(django_db_blocker, f"basile-{suffix}@example.org")
    moderator, moderator_secret = staff_with_totp(django_db_blocker, f"moderation-{suffix}@example.org", "Moderators")
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    title = f"Troc de graines {suffix}"

    # A's staff create the kit: their association is the only one offered, and preset.
    writer = new_tab(browser, site_url, 1280)
    add_path = f"/admin/pages/add/kits/kitpage/{index.pk}/"
    sign_in(writer, a_staff, a_secret, next_url=add_path)
    expect(writer).to_have_url(re.compile(re.escape(add_path)))
    association = writer.locator("select[name=association]")
    expect(association.locator("option")).to_have_count(1)
    expect(association).to_have_value(str(a.pk))
    writer.locator("#id_title").fill(title)
    writer.locator("#id_summary").fill("Un troc de graines au marché pour relancer les jardins partagés.")
    check_page(writer, "association-staff-kit-add-1280", region="form")
    click_footer_action(writer, "button.action-save")  # the main button submits (decision 0032)
    expect(writer.locator(".messages")).to_contain_text(title)
    kit = KitPage.objects.get(title=title)
    assert kit.association == a and kit.owner == a_staff

    # (Its steps and material, then A's staff submit it for review.)
    kit.body = stream(step("Préparer", "Réserver un stand au marché.", "1 h"), step("Échanger", "Accueillir.", "2 h"))
    KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"Affiche {suffix}"), label="Affiche")
    kit.save_revision(user=a_staff)
    edit_path = f"/admin/pages/{kit.pk}/edit/"
    writer.goto(edit_path)
    click_footer_action(writer, "[name=action-submit]")
    expect(writer.locator(".messages")).to_contain_text(title)
    # Their dashboard opens on their space: the kit is there, in review.
    writer.goto("/admin/")
    card = writer.locator("[data-space-kit]", has_text=title)
    expect(card.locator("[data-kit-state]")).to_have_text("En relecture")
    expect(card.locator("[data-figure=declarations] td")).to_have_text(["0", "0"])
    check_page(writer, "association-staff-dashboard-in-review-1280")
    writer.context.close()
    kit.refresh_from_db()
    assert kit.current_workflow_state.status == "in_progress" and not kit.live

    # A network Moderator publishes it.
    reviewer = new_tab(browser, site_url, 1280)
    sign_in(reviewer, moderator, moderator_secret, next_url=edit_path)
    expect(reviewer).to_have_url(re.compile(re.escape(edit_path)))
    click_footer_action(reviewer, "[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    expect(reviewer.locator(".messages")).to_contain_text(title, timeout=30_000)
    reviewer.context.close()
    kit.refresh_from_db()
    assert kit.live
    ActionDeclarationFactory(kit=kit, territory="35")
    # A story about it waits for moderation; A hosts a session with two seats taken.
    make_testimonial(kit=kit, status="pending")
    session = EventPageFactory.build(
        title=f"Petit Déj des Amis {suffix}", slug=f"petit-dej-{suffix}", host_associations=[a]
    )
    EventIndexPage.objects.get(locale__language_code="fr").add_child(instance=session)
    session.save_revision().publish()
    RegistrationFactory.create_batch(2, event=session)

    # A's figures show it, on a phone and a wide screen.
    tab = new_tab(browser, site_url, 390)
    sign_in_again(tab, a_staff, a_secret, next_url="/admin/reports/kit-indicators/")
    for width in (390, 1280):
        tab.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
        tab.goto("/admin/reports/kit-indicators/")
        expect(tab.locator("[data-kit-indicators-scope]")).to_contain_text(a.name)
        expect(tab.locator("table").get_by_text(title).first).to_be_visible()
        check_page(tab, f"association-staff-figures-{width}")
        tab.goto("/admin/")
        expect(tab.locator("[data-kit-indicators-panel]")).to_contain_text(a.name)
        space = tab.locator("[data-association-space]")
        expect(space).to_contain_text(a.name)
        card = space.locator("[data-space-kit]", has_text=title)
        expect(card.locator("[data-kit-state]")).to_have_text("En ligne")
        expect(card.locator("[data-figure=declarations] td")).to_have_text(["1", "1"])
        expect(card.get_by_role("link", name=title)).to_have_attribute("href", edit_path)
        expect(space.locator("[data-space-stories]")).to_contain_text("1 témoignage sur vos kits attend la modération")
        expect(space.locator("[data-space-session]")).to_contain_text(["2 / 20 places prises"])
        check_page(tab, f"association-staff-dashboard-{width}")
        tab.set_viewport_size({"width": width, "height": 2400})  # the whole panel, for the eyes
        space.screenshot(path=str(SCREENSHOTS / f"association-staff-space-panel-{width}.png"))
    tab.context.close()

    # B's staff see nothing of it: not on their dashboard, in the explorer, the report, its edit view.
    other = new_tab(browser, site_url, 1280)
    sign_in(other, b_staff, b_secret, next_url="/admin/")
    expect(other.locator("[data-association-space]")).to_contain_text(b.name)
    expect(other.locator("[data-space-no-kit]")).to_contain_text("Aucun kit pour l'instant")
    expect(other.get_by_text(title)).to_have_count(0)
    check_page(other, "association-staff-other-dashboard-1280")
    other.goto(f"/admin/pages/{index.pk}/")
    expect(other.get_by_role("heading", level=1)).to_be_visible()
    expect(other.get_by_text(title)).to_have_count(0)
    other.goto("/admin/reports/kit-indicators/")
    expect(other.locator("[data-kit-indicators-scope]")).to_contain_text(b.name)
    expect(other.get_by_text(title)).to_have_count(0)
    other.goto(edit_path)
    expect(other).to_have_url(re.compile(r"/admin/$"))
    expect(other.locator(".messages")).to_be_visible()
    check_page(other, "association-staff-refused-1280")
    other.context.close()
