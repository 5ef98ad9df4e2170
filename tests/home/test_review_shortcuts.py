"""Shortcuts along a page's review (home/review_shortcuts.py, decision 0032), in the real
admin: the editor's main button is the review's next step (an Editor submits, the
Moderator of a page in review approves and publishes), and the e-mail telling the author
their page was approved links to its translation, the missing language ticked. The
measured journey is tests/browser/test_editor_walkthrough.py."""

import re

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import Workflow, WorkflowPage

from community.members.factories import UserFactory
from kits.models import KitIndexPage
from tests.kits.conftest import english_of, kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def member_of(group):
    user = UserFactory()
    user.groups.set([Group.objects.get(name=group)])
    return user


@pytest.fixture(autouse=True)
def kit_review():
    workflow = Workflow.objects.get(name="Kit review")
    for index in KitIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def main_button(client, page, user):
    """The footer's first button: the main one, the others sit in its menu."""
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    footer = html.split("<footer", 1)[1]
    return re.search(r"<button[^>]*>", footer).group(0)


def test_an_editor_s_main_button_submits_to_the_review(client, make_kit):  # noqa: F811  (the imported fixture)
    kit = make_kit(title="Kit en cours", publish=False, live=False)
    kit.save_revision()
    button = main_button(client, kit, member_of("Editors"))
    assert 'name="action-submit"' in button


def test_a_moderator_s_main_button_approves_a_page_in_review(client, make_kit):  # noqa: F811  (the imported fixture)
    kit = make_kit(title="Kit à relire", publish=False, live=False)
    kit.save_revision()
    kit.get_workflow().start(kit, member_of("Editors"))
    button = main_button(client, kit, member_of("Moderators"))
    assert 'data-workflow-action-name="approve"' in button
    assert "data-workflow-action-modal-url" not in button  # not "Approve with comment"


def test_a_moderator_keeps_save_draft_first_outside_a_review(client, make_kit):  # noqa: F811  (the imported fixture)
    kit = make_kit(title="Kit publié")
    button = main_button(client, kit, member_of("Moderators"))
    assert "action-save" in button


def approve(kit, editor, moderator):
    state = kit.get_workflow().start(kit, editor)
    task_state = state.current_task_state
    mail.outbox = []
    task_state.task.specific.on_action(task_state, moderator, "approve")
    (sent,) = [message for message in mail.outbox if message.to == [editor.email]]
    return sent


def test_the_approved_e_mail_links_to_the_translation_with_english_ticked(client, make_kit):  # noqa: F811  (the imported fixture)
    kit = make_kit(title="Kit à traduire", publish=False, live=False)
    kit.save_revision()
    editor = member_of("Editors")
    sent = approve(kit, editor, member_of("Moderators"))
    line = re.search(r"Le traduire en anglais : (\S+)", sent.body)
    assert line, sent.body
    path = re.sub(r"^https?://[^/]+", "", line.group(1))
    assert path == reverse("wagtail_localize:submit_page_translation", args=[kit.pk]) + "?select_locale=en"

    client.force_login(editor)
    html = client.get(path).content.decode()
    english = re.search(r'<input[^>]*name="locales"[^>]*>', html).group(0)
    assert "checked" in english


def test_the_approved_e_mail_of_a_translated_page_has_no_link(make_kit):  # noqa: F811  (the imported fixture)
    kit = make_kit(title="Kit déjà traduit", english={"Kit déjà traduit": "Translated kit"})
    kit.save_revision()
    english = english_of(kit).specific
    english.save_revision()
    for page in (kit, english):  # the source is translated, the translation is not a source
        sent = approve(page, member_of("Editors"), member_of("Moderators"))
        assert "/localize/" not in sent.body, sent.body
