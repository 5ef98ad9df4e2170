"""Editors in the Wagtail admin: page-tree rules, creating a kit, the publish-only rule
(summary, a step, a material), the quality panel and listing column, the review workflow."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.factories import stream
from home.models import HomePage
from kits.factories import KitDocumentFactory, step
from kits.models import KitIndexPage, KitPage

pytestmark = pytest.mark.django_db

SHORT = stream(step("Coller les affiches", "Demandez l'autorisation aux commerçants."))


def kit_form_data(*, steps=True, materials=True, **overrides):
    document = KitDocumentFactory(title="Guide du test")
    body = [("heading", {"text": "Le déroulé", "level": "h2"})]
    if steps:
        body += [
            ("step", {"title": "Préparer", "text": rich_text("<p>Réserver la salle.</p>"), "duration": "1 h"}),
            ("step", {"title": "Agir", "text": rich_text("<p>Accueillir le public.</p>"), "duration": "2 h"}),
        ]
    data = {
        "title": "Troc de livres",
        "slug": "troc-de-livres",
        "summary": "Un troc de livres au pied de l'immeuble pour créer du lien entre voisins.",
        "format": "workshop",
        "preparation_days": "10",
        "action_duration": "180",
        "team_min": "2",
        "team_max": "4",
        "difficulty": "easy",
        "cost": "free",
        "body": streamfield(body),
        "materials": inline_formset(
            [{"document": str(document.pk), "label": "Affiche du troc", "kind": "poster", "language": "fr"}]
            if materials
            else []
        ),
    }
    data.update(overrides)
    form_data = nested_form_data(data)
    form_data["audiences"] = ["families", "seniors"]  # nested_form_data would number a list's items
    return form_data


class TestKitPageTree(WagtailPageTestCase):
    def test_index_under_home_only_and_only_kits_under_it(self):
        self.assertAllowedParentPageTypes(KitIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(KitIndexPage, {KitPage})

    def test_kit_only_under_the_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(KitPage, {KitIndexPage})
        self.assertAllowedSubpageTypes(KitPage, set())
        self.assertCanNotCreateAt(HomePage, KitPage)

    def test_one_kit_index_per_home(self):
        home = HomePage.objects.get(locale__language_code="fr")
        assert not KitIndexPage.can_create_at(home)

    def test_editor_can_create_a_complete_kit(self):
        index = KitIndexPage.objects.get(locale__language_code="fr")
        self.login()
        self.assertCanCreate(index, KitPage, kit_form_data())
        kit = KitPage.objects.get(slug="troc-de-livres")
        assert kit.audiences == ["families", "seniors"]
        assert kit.materials.get().label == "Affiche du troc"
        assert kit.quality.steps == 2


@pytest.fixture
def add_url():
    index = KitIndexPage.objects.get(locale__language_code="fr")
    return reverse("wagtailadmin_pages:add", args=("kits", "kitpage", index.pk))


def test_publishing_a_kit_without_steps_is_refused_with_a_message(admin_client, add_url):
    response = admin_client.post(add_url, {**kit_form_data(steps=False), "action-publish": "publish"})
    assert response.status_code == 200
    assert "Ajoutez au moins une étape" in response.content.decode()
    assert not KitPage.objects.filter(slug="troc-de-livres").exists()


def test_publishing_a_kit_without_material_is_refused(admin_client, add_url):
    response = admin_client.post(add_url, {**kit_form_data(materials=False), "action-publish": "publish"})
    assert response.status_code == 200
    assert "Ajoutez au moins un support" in response.content.decode()
    assert not KitPage.objects.filter(slug="troc-de-livres").exists()


def test_a_draft_without_steps_nor_materials_can_be_saved(admin_client, add_url):
    response = admin_client.post(add_url, kit_form_data(steps=False, materials=False, summary=""))
    assert response.status_code == 302
    kit = KitPage.objects.get(slug="troc-de-livres")
    assert not kit.live
    assert kit.get_latest_revision_as_object().quality.codes >= {"missing-steps", "missing-materials"}


def test_publishing_an_existing_kit_after_removing_its_steps_is_refused(admin_client, make_kit):
    kit = make_kit(title="Kit à abîmer")
    url = reverse("wagtailadmin_pages:edit", args=(kit.pk,))
    material = kit.materials.get()
    data = kit_form_data(steps=False, title=kit.title, slug=kit.slug)
    data.update(
        nested_form_data(
            {
                "materials": inline_formset(
                    [
                        {
                            "id": str(material.pk),
                            "document": str(material.document_id),
                            "label": "x",
                            "kind": "guide",
                            "language": "fr",
                        }
                    ],
                    initial=1,
                )
            }
        )
    )
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert "Ajoutez au moins une étape" in response.content.decode()
    kit.refresh_from_db()
    assert kit.quality.steps == 3  # the live version keeps its steps


def test_quality_panel_in_the_edit_view(admin_client, make_kit):
    kit = make_kit(title="Affiches du marché", body=SHORT, audiences=[])  # 1 step, no FAQ, 1 material
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=(kit.pk,))).content.decode()
    assert "Qualité : ni trop court, ni trop long" in html
    assert "Temps de lecture : 1 minute" in html
    assert "1 étape" in html and "0 question de FAQ" in html and "1 support" in html
    assert 'data-verdict="too-short"' in html and 'data-verdict="missing-audience"' in html


def test_quality_column_in_the_kit_listing(admin_client, make_kit):
    make_kit(title="Affiches du marché", body=SHORT)
    make_kit(title="Collecte de jouets")
    html = admin_client.get(reverse("kits:index")).content.decode()
    assert "Qualité" in html
    row = html.split("Affiches du marché", 1)[1].split("</tr>", 1)[0]
    assert 'data-verdict="too-short"' in row
    good = html.split("Collecte de jouets", 1)[1].split("</tr>", 1)[0]
    assert 'data-verdict="good"' in good


def test_kit_review_workflow_is_attached_to_the_kit_index(make_kit):
    workflow = Workflow.objects.get(name="Kit review")
    index = KitIndexPage.objects.get(locale__language_code="fr")
    assert index.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    kit = make_kit(title="Kit sous relecture")
    assert kit.get_workflow() == workflow


def test_editor_submits_and_a_moderator_approves(client, django_user_model, make_kit):
    kit = make_kit(title="Kit à relire", publish=False, live=False)
    kit.save_revision()
    editor = django_user_model.objects.create_user(username="ed", password="x", is_staff=False)  # noqa: S106
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = django_user_model.objects.create_user(username="mod", password="x")  # noqa: S106
    moderator.groups.add(Group.objects.get(name="Moderators"))
    assert not kit.permissions_for_user(editor).can_publish()
    workflow = kit.get_workflow()
    state = workflow.start(kit, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(kit, moderator)
    assert not task_state.task.specific.get_actions(kit, editor)
    task_state.task.specific.on_action(task_state, moderator, "approve")
    kit.refresh_from_db()
    assert kit.live


def test_editors_and_moderators_can_manage_themes():
    for name in ("Editors", "Moderators"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_theme", "change_theme"} <= codenames, name


def test_kit_pages_are_not_the_root():
    assert not Page.objects.type(KitPage).filter(depth__lte=2).exists()


def test_new_kit_form_explains_the_quality_panel(admin_client, add_url):
    html = admin_client.get(add_url).content.decode()
    # Nothing saved yet: the panel says its figures will follow the typing (quality-live.js).
    assert "data-kit-quality-panel" in html
    assert "Le temps de lecture, les étapes, la FAQ et les supports du kit s’affichent ici" in html


def test_themes_snippet_listing(admin_client):
    html = admin_client.get(reverse("wagtailsnippets_kits_theme:list")).content.decode()
    assert "Sécurité routière" in html
