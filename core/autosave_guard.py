"""Wagtail 8.0.1's editor autosave must not carry a workflow action (decision 0010).

`workflow-action.js` appends hidden `action-workflow-action` / `workflow-action-name`
inputs to the edit form when a moderator clicks "Approve"; the `w-unsaved` controller
counts them as an edit and `w-autosave` POSTs the whole form as JSON about 1.2 s later,
while the approve may still be running. That autosave either saves a stale page row over
the publish (`live=False`) or runs the workflow action a second time.

Two small guards, both removable once Wagtail stops doing this (tests/core/
test_autosave_guard.py says when): the editor's script cancels an autosave once the form
is submitted or carries an action, and the edit view refuses such a request."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

# What only an explicit button sends (Wagtail's EditView.action_name_and_method).
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
    "workflow-action-name",
)


def is_autosave(request):
    """Wagtail's autosave asks for JSON; a form the editor submits asks for HTML."""
    return request.method == "POST" and not request.accepts("text/html")


def refuse_autosave_with_action(request, page):
    """`before_edit_page` hook: an autosave request carrying an action saves nothing."""
    if not is_autosave(request) or not any(request.POST.get(name) for name in ACTION_FIELDS):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "blocked_by_hook",
            "error_message": _("The page is being submitted: autosave is paused."),
        },
        status=409,
    )
