"""Wagtail 8.0.1's autosave must not act on a workflow action (decision 0010): the edit
view refuses an autosave (JSON) request carrying one, and the editor's script cancels
such an autosave. The last two tests say when a Wagtail upgrade makes the guard useless."""

from pathlib import Path

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

import wagtail
from wagtail import hooks
from wagtail.models import Workflow, WorkflowPage

from community.members.factories import UserFactory
from core.autosave_guard import refuse_autosave_with_action
from tests.kits.test_admin import kit_form_data

pytestmark = pytest.mark.django_db

WAGTAIL_JS = Path(wagtail.__file__).parent / "admin" / "static" / "wagtailadmin" / "js"
UPGRADE_NOTE = (
    "Wagtail %s no longer acts on an autosave carrying a workflow action: remove "
    "core/autosave_guard.py, core/static/core/js/autosave-guard.js, their hooks and decision 0010."
)


@pytest.fixture
def kit_in_review(make_kit, kit_index):
    WorkflowPage.objects.get_or_create(page=kit_index, defaults={"workflow": Workflow.objects.get(name="Kit review")})
    editor = UserFactory(email="redactrice.autosave@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    kit = make_kit(publish=False, live=False, title="Troc de livres", slug="troc-de-livres")
    kit.save_revision(user=editor)
    kit.get_workflow().start(kit, editor)
    return kit


@pytest.fixture
def moderator_client(client):
    moderator = UserFactory(email="moderatrice.autosave@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    return client


def autosave_with_approve(client, kit):
    """What w-autosave POSTs once workflow-action.js has added its hidden inputs."""
    data = {
        **kit_form_data(title=kit.title, slug=kit.slug),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
        "loaded_revision_id": str(kit.latest_revision_id),
        "loaded_revision_created_at": kit.latest_revision.created_at.isoformat(),
    }
    url = reverse("wagtailadmin_pages:edit", args=(kit.pk,))
    return client.post(url, data, HTTP_ACCEPT="application/json")


def test_an_autosave_carrying_a_workflow_action_is_refused(moderator_client, kit_in_review):
    revisions = kit_in_review.revisions.count()
    response = autosave_with_approve(moderator_client, kit_in_review)
    assert response.status_code == 409
    assert response.json()["success"] is False
    kit_in_review.refresh_from_db()
    assert kit_in_review.revisions.count() == revisions  # nothing saved
    assert kit_in_review.current_workflow_state.status == "in_progress"  # nothing approved
    assert not kit_in_review.live


def test_the_approve_button_itself_still_publishes(moderator_client, kit_in_review):
    data = {
        **kit_form_data(title=kit_in_review.title, slug=kit_in_review.slug),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }
    response = moderator_client.post(reverse("wagtailadmin_pages:edit", args=(kit_in_review.pk,)), data)
    assert response.status_code == 302
    kit_in_review.refresh_from_db()
    assert kit_in_review.live and not kit_in_review.has_unpublished_changes


def test_editor_script_is_loaded_in_the_page_editor(moderator_client, kit_in_review):
    response = moderator_client.get(reverse("wagtailadmin_pages:edit", args=(kit_in_review.pk,)))
    assert "core/js/autosave-guard" in response.content.decode()


def test_wagtail_still_acts_on_an_autosave_carrying_a_workflow_action(moderator_client, kit_in_review, monkeypatch):
    """Fails on the Wagtail release that stops it: then the guard can go."""
    without_guard = [hook for hook in hooks.get_hooks("before_edit_page") if hook is not refuse_autosave_with_action]
    monkeypatch.setitem(hooks._hooks, "before_edit_page", [(hook, 0) for hook in without_guard])
    revisions = kit_in_review.revisions.count()
    response = autosave_with_approve(moderator_client, kit_in_review)
    kit_in_review.refresh_from_db()
    acted = kit_in_review.live or kit_in_review.revisions.count() > revisions or response.status_code >= 500
    assert acted, UPGRADE_NOTE % wagtail.__version__


def test_wagtail_still_puts_workflow_actions_in_the_form_autosave_sends():
    """workflow-action.js appends hidden inputs to the edit form, and w-autosave sends the
    whole form: while both hold, the editor's script is needed."""
    workflow_js = (WAGTAIL_JS / "workflow-action.js").read_text()
    core_js = (WAGTAIL_JS / "core.js").read_text()
    assert '"action-workflow-action","true"' in workflow_js, UPGRADE_NOTE % wagtail.__version__
    assert "new FormData(this.element)" in core_js, UPGRADE_NOTE % wagtail.__version__
