"""Translations go through the page's workflow: an Editor translates a page in
wagtail-localize's editor, saves it as a draft or submits it to the workflow ("Kit review"
for kits); a Moderator approves it with Wagtail's own workflow action (decision 0022).

wagtail-localize 1.14's translation editor knows no workflow: its footer offers "Publish
in …" to those who may publish, and otherwise ends with "Delete" as the main button. Its
form posts to the page's edit view, where `before_edit_page` hooks run: this one answers
the `translation-review` actions that home/static/home/js/translation-review.js adds to
that footer, with wagtail-localize's supported `Translation.save_target(publish=False)`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

# wagtail-localize's msgids our French corrects (our catalogue wins over the library's,
# docs/translations.md). It writes these dates with strftime, so in English whatever the
# admin's language ("Traduit manuellement le 1 December 2026"): the French leaves the date out,
# with `{date:.0}` (the date cut to no characters: wagtail-localize still passes it).
LIBRARY_MSGIDS = [
    # xgettext:no-python-brace-format
    gettext_noop("Translated manually on {date}"),
    # xgettext:no-python-brace-format
    gettext_noop("Translated with {tool_name} on {date}"),
    # xgettext:no-python-brace-format
    gettext_noop("Machine translated on {date}"),
]

FIELD = "translation-review"
SAVE_DRAFT = "save-draft"
SUBMIT = "submit"


def synced_translation(page):
    """The wagtail-localize translation whose editor replaces this page's edit view."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def approve_url(page, user):
    """Wagtail's approve action for the task in progress, if this user may take it."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return None
    task = task_state.task.specific
    if not any(name == "approve" and not needs_data for name, _label, needs_data in task.get_actions(page, user)):
        return None
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def review_actions(page, user):
    """What the translation editor offers beyond wagtail-localize's own buttons, and which
    one is the main button (None: wagtail-localize's "Publish in …" stays the main one)."""
    perms = page.permissions_for_user(user)
    state = page.current_workflow_state
    resubmit = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    workflow = page.get_workflow()
    actions = {"save_draft": perms.can_edit(), "submit_label": None, "approve_url": approve_url(page, user)}
    if perms.can_edit() and (perms.can_submit_for_moderation() or resubmit):
        name = state.current_task_state.task.name if resubmit else workflow.name
        actions["submit_label"] = _("Submit the translation to %(workflow)s") % {"workflow": name}
    if actions["approve_url"]:
        actions["primary"] = "approve"
    elif perms.can_publish():
        actions["primary"] = None
    elif actions["submit_label"]:
        actions["primary"] = SUBMIT
    else:
        actions["primary"] = SAVE_DRAFT if actions["save_draft"] else None
    return actions


def save_draft(translation, page, user):
    """A new revision with the current translations. `save_target(publish=False)` also
    writes them on the page's row, which is what visitors see of a live page: the live
    content goes back on the row, as Wagtail's own editor never changes a live row."""
    translation.save_target(user=user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    if page.live and page.live_revision_id:
        live = page.with_content_json(page.live_revision.content)
        live.save(clean=False)
    return page


def submit(page, user):
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)


def answer_review_action(request, page):
    """`before_edit_page` hook: "Save draft" and "Submit to …" from the translation editor."""
    action = request.POST.get(FIELD) if request.method == "POST" else None
    if action not in (SAVE_DRAFT, SUBMIT):
        return None
    translation = synced_translation(page)
    if translation is None:
        return None
    offered = review_actions(page, request.user)
    if not offered["save_draft"] or (action == SUBMIT and not offered["submit_label"]):
        raise PermissionDenied
    try:
        with transaction.atomic():
            page = save_draft(translation, page, request.user)
            if action == SUBMIT:
                submit(page, request.user)
    except ValidationError:
        messages.error(request, _("The translation could not be saved: fix the errors shown, then try again."))
        return redirect(request.path)
    if action == SUBMIT:
        message = _("The translation '%(title)s' was submitted for review.")
    else:
        message = _("The translation '%(title)s' was saved as a draft.")
    messages.success(request, message % {"title": page.get_admin_display_title()})
    return redirect(request.path)
