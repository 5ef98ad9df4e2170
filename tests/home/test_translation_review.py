"""The translation editor's review actions (home/translation_review.py, decision 0022):
what each role's footer offers, and that an Editor's draft of a live translation leaves
what visitors see untouched until a Moderator approves it. The browser journey is
tests/browser/test_translation_review.py."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Workflow, WorkflowPage
from wagtail_localize.models import StringTranslation

from community.members.factories import UserFactory
from home.translation_review import review_actions
from kits.models import KitIndexPage, KitPage
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


@pytest.fixture
def english_kit(make_kit):  # noqa: F811  (the imported fixture)
    kit = make_kit(title="Troc de graines", english={"Troc de graines": "Seed swap"})
    return english_of(kit).specific


def test_every_language_of_the_kit_index_is_under_the_review(english_kit):
    assert english_kit.get_workflow().name == "Kit review"


def test_an_editor_submits_a_moderator_publishes_or_approves(english_kit):
    editor = review_actions(english_kit, member_of("Editors"))
    assert editor["primary"] == "submit" and editor["save_draft"] and not editor["approve_url"]
    assert editor["submit_label"] == "Soumettre la traduction à Kit review"
    moderator = review_actions(english_kit, member_of("Moderators"))
    assert moderator["primary"] is None  # wagtail-localize's "Publish in …" stays the main button

    english_kit.get_workflow().start(english_kit, member_of("Editors"))
    english_kit = KitPage.objects.get(pk=english_kit.pk)
    in_review = review_actions(english_kit, member_of("Editors"))
    assert in_review["primary"] == "save-draft" and in_review["submit_label"] is None
    approving = review_actions(english_kit, member_of("Moderators"))
    assert approving["primary"] == "approve" and "/workflow/action/" in approving["approve_url"]


def test_an_editors_draft_of_a_live_translation_is_not_what_visitors_see(client, english_kit):
    assert english_kit.live
    StringTranslation.objects.filter(data="Seed swap").update(data="Seed swap, second edition")
    client.force_login(member_of("Editors"))
    edit = reverse("wagtailadmin_pages:edit", args=[english_kit.pk])
    response = client.post(edit, {"translation-review": "submit"})
    assert response.status_code == 302 and response["Location"] == edit

    english_kit = KitPage.objects.get(pk=english_kit.pk)
    assert english_kit.title == "Seed swap"  # the live row, what visitors get
    assert english_kit.has_unpublished_changes
    assert english_kit.get_latest_revision_as_object().title == "Seed swap, second edition"
    assert english_kit.current_workflow_state.status == "in_progress"


def test_only_those_offered_the_review_may_submit(client, english_kit):
    english_kit.get_workflow().start(english_kit, member_of("Editors"))
    client.force_login(member_of("Editors"))
    edit = reverse("wagtailadmin_pages:edit", args=[english_kit.pk])
    revisions = english_kit.revisions.count()
    response = client.post(edit, {"translation-review": "submit"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")  # refused
    assert english_kit.revisions.count() == revisions
