"""The "Kit review" workflow in the real admin (decision 0010): an Editor submits a kit;
a Moderator opens it, stays 3 s (long enough for Wagtail's autosave to watch the form)
and approves with publish while the approve request is held until any other POST has
been answered (a slow server). The kit is live afterwards, with no draft on top, and no request failed."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from tests.browser.conftest import check_page
from tests.browser.staff import sign_in, staff_with_totp


@pytest.fixture
def kit_draft(site_url, django_db_blocker):
    from wagtail.models import Workflow, WorkflowPage

    from kits.factories import KitDocumentFactory, KitMaterialFactory, KitPageFactory
    from kits.models import KitIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    with django_db_blocker.unblock():
        index = KitIndexPage.objects.get(locale__language_code="fr")
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": Workflow.objects.get(name="Kit review")})
        kit = KitPageFactory(parent=index, title=f"Disco-soupe {suffix}", live=False)
        KitMaterialFactory(page=kit, document=KitDocumentFactory(title=f"Affiche {suffix}"), label="Affiche")
        kit.save_revision()
    return kit


def new_tab(browser, site_url):
    context = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    return context.new_page()


def click_footer_action(page, selector, **options):
    """The action may sit in the footer's "more actions" menu."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click(**options)


def test_approve_with_publish_makes_the_kit_live_even_when_the_server_is_slow(
    browser, site_url, committed, kit_draft, django_db_blocker, settings
):
    from kits.models import KitPage

    settings.MFA_REQUIRED_FOR_STAFF = True
    suffix = kit_draft.slug[-6:]
    editor, editor_secret = staff_with_totp(django_db_blocker, f"redaction-{suffix}@example.org", "Editors")
    moderator, moderator_secret = staff_with_totp(django_db_blocker, f"moderation-{suffix}@example.org", "Moderators")
    edit_path = f"/admin/pages/{kit_draft.pk}/edit/"

    # The editor submits the kit to the review.
    writer = new_tab(browser, site_url)
    sign_in(writer, editor, editor_secret, next_url=edit_path)
    click_footer_action(writer, "[name=action-submit]")
    expect(writer.locator(".messages")).to_contain_text(kit_draft.title)
    writer.context.close()
    with django_db_blocker.unblock():
        assert KitPage.objects.get(pk=kit_draft.pk).current_workflow_state.status == "in_progress"

    # The moderator opens it, waits, and approves with publish on a slow server.
    reviewer = new_tab(browser, site_url)
    sign_in(reviewer, moderator, moderator_secret, next_url=edit_path)
    expect(reviewer).to_have_url(re.compile(re.escape(edit_path)))
    failures, posts, answered, held = [], [], [], []
    reviewer.on("request", lambda request: request.method == "POST" and posts.append(request))

    def on_response(response):
        if response.status >= 500:
            failures.append(response.url)
        if response.request.method == "POST":
            answered.append(response.request)

    reviewer.on("response", on_response)

    def hold_the_approve(route, request):
        if request.method == "POST" and request.is_navigation_request() and not held:
            held.append(request)  # let through below, once another POST was answered, or after 5 s
            held.append(route)
        else:
            route.continue_()

    reviewer.route(re.compile(r"/admin/pages/\d+/edit/"), hold_the_approve)
    reviewer.wait_for_timeout(3_000)
    approve = "[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    click_footer_action(reviewer, approve, no_wait_after=True)  # its answer is held
    for _ in range(50):
        if held and any(posts.index(other) > posts.index(held[0]) for other in answered):
            break
        reviewer.wait_for_timeout(100)
    assert held, "the approve request was not sent"
    held[1].continue_()
    reviewer.wait_for_timeout(10_000)

    with django_db_blocker.unblock():
        kit = KitPage.objects.get(pk=kit_draft.pk)
        assert kit.live and kit.live_revision_id, [post.url for post in posts]
        assert not kit.has_unpublished_changes
        assert kit.latest_revision_id == kit.live_revision_id
        url = kit.url
    assert not failures, failures
    check_page(reviewer, "admin-kit-approved")
    visitor = new_tab(browser, site_url)
    assert visitor.goto(url).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(kit_draft.title)
    visitor.context.close()
    reviewer.context.close()
