"""kits.quality_admin: the quality panel's figures for the form as it stands in the editor,
with the publish check's rules, saving nothing, for those who may edit the kit only."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from community.members.factories import UserFactory
from kits.models import KitPage
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def member_of(group):
    user = UserFactory()
    user.groups.set([Group.objects.get(name=group)])
    return user


def edit_form(kit, summary, steps):
    blocks = [
        ("step", {"title": f"Étape {n}", "text": rich_text("<p>Faire ceci.</p>"), "duration": ""}) for n in range(steps)
    ]
    return nested_form_data(
        {
            "title": kit.title,
            "slug": kit.slug,
            "summary": summary,
            "body": streamfield(blocks),
            "materials": inline_formset([]),
        }
    )


def test_the_figures_follow_the_form_and_nothing_is_saved(client, make_kit):  # noqa: F811
    kit = make_kit(title="Nettoyage de plage")
    revisions = kit.revisions.count()
    client.force_login(member_of("Editors"))
    url = reverse("kits_quality", args=["page", kit.pk])

    answer = client.post(url, edit_form(kit, summary="", steps=0)).json()
    assert {"missing-summary", "missing-steps", "missing-materials"} <= set(answer["verdicts"])
    assert answer["steps"] == 0 and "Empêche la publication" in answer["html"]

    answer = client.post(url, edit_form(kit, summary="Ramasser les déchets.", steps=2)).json()
    assert answer["steps"] == 2 and "missing-summary" not in answer["verdicts"]
    assert kit.revisions.count() == revisions


def test_a_new_kit_is_assessed_under_its_index(client, kit_index):  # noqa: F811
    client.force_login(member_of("Editors"))
    url = reverse("kits_quality", args=["parent", kit_index.pk])
    answer = client.post(url, edit_form(KitPage(title="Nouveau", slug="nouveau"), summary="Un résumé.", steps=0)).json()
    assert answer["steps"] == 0 and "missing-steps" in answer["verdicts"]
    assert client.post(url, {"summary": "Un résumé."}).status_code == 400  # not an edit form


def test_someone_who_may_not_edit_the_kit_gets_nothing(client, make_kit):  # noqa: F811
    kit = make_kit(title="Nettoyage de plage")
    client.force_login(member_of("Protection des données"))
    response = client.post(reverse("kits_quality", args=["page", kit.pk]), edit_form(kit, summary="", steps=0))
    assert response.status_code in (302, 403) and "html" not in response.content.decode()
