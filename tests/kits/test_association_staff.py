"""Association spaces (docs/permissions.md, "Association staff" column): two associations A
and B, each with staff and kits. A's staff work on A's kits through every admin view and
are refused every view of B's kits; they never see B's kits in the explorer, the "Kits"
listing, the choosers or admin search; a crafted POST cannot give a kit to B."""

import re

import pytest

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.associations.models import AssociationStaff
from community.members.factories import UserFactory
from kits.models import KitIndexPage, KitPage
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)
from tests.kits.test_admin import kit_form_data

pytestmark = pytest.mark.django_db

ASSOCIATION_STAFF = "Association staff"


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def space(make_kit):  # noqa: F811
    """Two associations, each with one staff member and two kits (one published, one draft)."""
    a = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    b = AssociationFactory(name="Bouge ta Ville", slug="bouge-ta-ville")
    a_staff = UserFactory(email="alice@amis.example.org")
    b_staff = UserFactory(email="basile@bouge.example.org")
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    return {
        "a": a,
        "b": b,
        "a_staff": a_staff,
        "b_staff": b_staff,
        "a_kit": make_kit(title="Collecte des Amis", slug="collecte-des-amis", association=a),
        "a_draft": make_kit(
            title="Brouillon des Amis", slug="brouillon-des-amis", association=a, publish=False, live=False
        ),
        "b_kit": make_kit(title="Course de Bouge", slug="course-de-bouge", association=b),
        "b_draft": make_kit(
            title="Brouillon de Bouge", slug="brouillon-de-bouge", association=b, publish=False, live=False
        ),
    }


# 1. Staff of an association.


def test_the_migration_made_the_group_with_its_rights():
    group = Group.objects.get(name=ASSOCIATION_STAFF)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "submit_translation",
        "view_indicators",
        "view_declarations",
        "change_association",
        # community/migrations/0015: their testimonials, their hosted sessions' registrations.
        "view_testimonial",
        "change_testimonial",
        "view_registration",
    }
    # Add and change under each kit index (both languages), never publish.
    for index in KitIndexPage.objects.all():
        granted = set(
            GroupPagePermission.objects.filter(group=group, page=index).values_list("permission__codename", flat=True)
        )
        assert granted == {"add_page", "change_page"}, index
    assert not GroupPagePermission.objects.filter(group=group).exclude(page__in=KitIndexPage.objects.all()).exists()


def test_the_command_grants_and_revokes_idempotently(capsys):
    association = AssociationFactory(slug="amis-du-quartier")
    user = UserFactory(email="alice@amis.example.org")
    call_command("grant_association_staff", "Alice@amis.example.org", "amis-du-quartier")
    call_command("grant_association_staff", "alice@amis.example.org", "amis-du-quartier")
    out = capsys.readouterr().out
    assert "is now staff of" in out and "was already staff of" in out
    assert AssociationStaff.objects.filter(user=user, association=association).count() == 1
    assert user.groups.filter(name=ASSOCIATION_STAFF).exists()
    call_command("grant_association_staff", "alice@amis.example.org", "amis-du-quartier", "--revoke")
    call_command("grant_association_staff", "alice@amis.example.org", "amis-du-quartier", "--revoke")
    assert "was not staff of" in capsys.readouterr().out
    assert not AssociationStaff.objects.filter(user=user).exists()
    assert not user.groups.filter(name=ASSOCIATION_STAFF).exists()


def test_the_command_names_an_unknown_email_or_slug():
    AssociationFactory(slug="amis-du-quartier")
    UserFactory(email="alice@amis.example.org")
    with pytest.raises(CommandError, match="No account has the e-mail address 'personne@example.org'"):
        call_command("grant_association_staff", "personne@example.org", "amis-du-quartier")
    with pytest.raises(CommandError, match="No association has the slug 'inconnue'.*amis-du-quartier"):
        call_command("grant_association_staff", "alice@amis.example.org", "inconnue")


def test_a_network_administrator_appoints_staff_on_the_association_snippet(client):
    association = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    candidate = UserFactory(email="alice@amis.example.org", first_name="Alice", last_name="Martin")
    candidate.groups.add(Group.objects.get(name=ASSOCIATION_STAFF))
    member = UserFactory(email="membre@example.org")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_community_association:edit", args=[association.pk])
    html = client.get(url).content.decode()
    assert "Alice Martin &lt;alice@amis.example.org&gt;" in html
    assert "membre@example.org" not in html  # only accounts of the group are offered
    data = {
        "name": association.name,
        "slug": association.slug,
        "website": association.website,
        "short_description": "",
        "description": "",
        "territories": ["75"],
        "staff": [str(candidate.pk)],
    }
    assert client.post(url, data).status_code == 302
    assert list(association.staff.all()) == [candidate]
    assert not member.staff_of.exists()


def test_association_staff_do_not_see_the_staff_field_of_their_snippet(client, space):
    client.force_login(space["a_staff"])
    html = client.get(reverse("wagtailsnippets_community_association:edit", args=[space["a"].pk])).content.decode()
    assert 'name="staff"' not in html


# 2. Their kits, and only theirs.


def test_a_staff_member_of_a_network_group_keeps_the_whole_network(space):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    staff.grant(editor, space["a"])
    editor = type(editor).objects.get(pk=editor.pk)
    assert staff.association_scope(editor) is None
    assert space["b_kit"].permissions_for_user(editor).can_edit()


@pytest.mark.parametrize("which", ["a_kit", "a_draft"])
def test_their_kits_open_in_every_view(client, space, which):
    kit = space[which]
    client.force_login(space["a_staff"])
    for name in ["edit", "history", "copy", "usage"]:
        response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[kit.pk]))
        assert response.status_code == 200, name
    # Deleting and moving: their drafts (without publish rights, a live kit is the Moderators').
    for name in ["delete", "move"]:
        response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[kit.pk]))
        assert response.status_code == (200 if which == "a_draft" else 302), name


@pytest.mark.parametrize("which", ["b_kit", "b_draft"])
def test_every_view_of_another_associations_kit_is_refused(client, space, which):
    kit = space[which]
    client.force_login(space["a_staff"])
    get_views = [
        "edit",
        "history",
        "delete",
        "move",
        "copy",
        "usage",
        "view_draft",
        "lock",
        "unpublish",
        "workflow_history",
    ]
    for name in get_views:
        response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[kit.pk]))
        assert response.status_code in (302, 403, 405), name
        assert response.status_code != 302 or refused(response), name
        assert b'name="title"' not in response.content, name
    for name in ["edit", "delete", "lock", "copy"]:
        response = client.post(reverse(f"wagtailadmin_pages:{name}", args=[kit.pk]), {"title": "Pris"})
        assert response.status_code in (302, 403), name
        assert response.status_code != 302 or refused(response), name
    perms = kit.permissions_for_user(space["a_staff"])
    assert not any(
        [
            perms.can_edit(),
            perms.can_delete(),
            perms.can_move(),
            perms.can_copy(),
            perms.can_publish(),
            perms.can_lock(),
            perms.can_submit_for_moderation(),
            perms.can_view_revisions(),
        ]
    )
    kit.refresh_from_db()
    assert kit.title != "Pris" and Page.objects.filter(pk=kit.pk).exists()


def test_bulk_delete_leaves_another_associations_kit(client, space):
    client.force_login(space["a_staff"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={space['b_draft'].pk}")
    assert KitPage.objects.filter(pk=space["b_draft"].pk).exists()


def titles(response):
    return response.content.decode()


def test_the_explorer_kits_listing_and_search_show_only_their_kits(client, space, kit_index):  # noqa: F811
    client.force_login(space["a_staff"])
    pages = [
        reverse("wagtailadmin_explore", args=[kit_index.pk]),
        reverse("wagtailadmin_explore", args=[kit_index.pk]) + "?q=Brouillon",
        reverse("wagtailadmin_explore", args=[kit_index.pk]) + "?q=Brouillon&search_all=1",
        reverse("wagtailadmin_pages:search") + "?q=Brouillon",
        reverse("wagtailadmin_pages:search") + "?q=Course",
        reverse("kits:index"),
        reverse("kits:index") + "?q=Course",
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_reports:site_history"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = titles(response)
        assert "Course de Bouge" not in html and "Brouillon de Bouge" not in html, url
    assert "Brouillon des Amis" in titles(client.get(pages[1]))
    assert "Collecte des Amis" in titles(client.get(pages[0]))


def test_choosers_show_only_their_kits(client, space, kit_index):  # noqa: F811
    client.force_login(space["a_staff"])
    urls = [
        reverse("wagtailadmin_choose_page_child", args=[kit_index.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Bouge",
        reverse("wagtailadmin_choose_page_search") + "?q=Brouillon",
        reverse("wagtailadmin_choose_page_child", args=[kit_index.pk]) + "?page_type=kits.kitpage",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = titles(response)
        assert "Course de Bouge" not in html and "Brouillon de Bouge" not in html, url
    assert "Collecte des Amis" in titles(client.get(urls[0]))


def test_the_network_keeps_every_kit(client, space, kit_index):  # noqa: F811
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = titles(client.get(reverse("wagtailadmin_explore", args=[kit_index.pk])))
    assert "Course de Bouge" in html and "Collecte des Amis" in html


INVALID_CHOICE = "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."


def association_error(response):
    """The message Wagtail shows next to the association field (French admin)."""
    html = response.content.decode()
    before = html[: html.index('id="id_association"')]
    field = before[before.rindex('class="w-field ') :]
    match = re.search(r'<p class="error-message">\s*(.*?)\s*</p>', field, re.S)
    return match and match.group(1).strip()


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("kits", "kitpage", index.pk))


def test_a_new_kit_is_preset_to_their_association_and_a_crafted_post_is_refused(client, space, kit_index):  # noqa: F811
    client.force_login(space["a_staff"])
    html = client.get(add_url(kit_index)).content.decode()
    assert f'<option value="{space["a"].pk}" selected>' in html
    assert f'<option value="{space["b"].pk}"' not in html
    response = client.post(add_url(kit_index), {**kit_form_data(), "association": str(space["b"].pk)})
    assert response.status_code == 200
    assert association_error(response) == INVALID_CHOICE
    assert not KitPage.objects.filter(slug="troc-de-livres").exists()
    # Without an association either.
    response = client.post(add_url(kit_index), {**kit_form_data(), "association": ""})
    assert association_error(response) == "Champ requis."
    response = client.post(add_url(kit_index), {**kit_form_data(), "association": str(space["a"].pk)})
    assert response.status_code == 302
    assert KitPage.objects.get(slug="troc-de-livres").association == space["a"]


def test_their_kit_cannot_be_handed_to_another_association(client, space):
    kit = space["a_draft"]
    client.force_login(space["a_staff"])
    data = {**kit_form_data(), "title": kit.title, "slug": kit.slug, "association": str(space["b"].pk)}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[kit.pk]), data)
    assert response.status_code == 200
    assert association_error(response) == INVALID_CHOICE
    kit.refresh_from_db()
    assert kit.association == space["a"]


def test_they_submit_their_kit_to_kit_review(client, space, kit_index):  # noqa: F811
    workflow = Workflow.objects.get(name="Kit review")
    WorkflowPage.objects.get_or_create(page=kit_index, defaults={"workflow": workflow})
    kit = space["a_draft"]
    client.force_login(space["a_staff"])
    data = {**kit_form_data(), "title": kit.title, "slug": kit.slug, "association": str(space["a"].pk)}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[kit.pk]), {**data, "action-submit": "submit"})
    assert response.status_code == 302
    kit.refresh_from_db()
    assert kit.workflow_in_progress and not kit.live
    perms = kit.permissions_for_user(space["a_staff"])
    assert not perms.can_publish()


def test_they_translate_their_kit_and_not_anothers(client, space):
    client.force_login(space["a_staff"])
    translate = "wagtail_localize:submit_page_translation"
    assert client.get(reverse(translate, args=[space["a_kit"].pk])).status_code == 200
    response = client.get(reverse(translate, args=[space["b_kit"].pk]))
    assert response.status_code in (302, 403, 404)
    assert b'name="locales"' not in response.content


def test_the_public_catalogue_stays_one_list(client, space):
    html = client.get("/kits/").content.decode()
    assert "Collecte des Amis" in html and "Course de Bouge" in html


# 3. Their association's directory entry.


def test_they_edit_their_associations_entry_and_no_other(client, space):
    client.force_login(space["a_staff"])
    listing = client.get(reverse("wagtailsnippets_community_association:list")).content.decode()
    assert "Les Amis du Quartier" in listing and "Bouge ta Ville" not in listing
    own = reverse("wagtailsnippets_community_association:edit", args=[space["a"].pk])
    assert client.get(own).status_code == 200
    data = {
        "name": space["a"].name,
        "slug": space["a"].slug,
        "website": "https://amis.example.org",
        "short_description": "Le quartier qui s'entraide.",
        "description": "Depuis 1998.",
        "territories": ["75", "93"],
        "staff": [str(space["b_staff"].pk)],  # not theirs to set: the field is not in their form
    }
    assert client.post(own, data).status_code == 302
    space["a"].refresh_from_db()
    assert space["a"].short_description == "Le quartier qui s'entraide."
    assert list(space["a"].staff.all()) == [space["a_staff"]]
    other = reverse("wagtailsnippets_community_association:edit", args=[space["b"].pk])
    for response in [client.get(other), client.post(other, {**data, "name": "Pris", "slug": "pris"})]:
        assert response.status_code in (302, 403)
        assert b'name="description"' not in response.content
    space["b"].refresh_from_db()
    assert space["b"].name == "Bouge ta Ville"
    for action in ["add", "delete"]:
        url = reverse(
            f"wagtailsnippets_community_association:{action}", args=[space["b"].pk] if action == "delete" else []
        )
        assert client.get(url).status_code in (302, 403)


def test_the_dashboards_page_count_leaves_out_other_associations_kits(client, space):
    def count(user):
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        return int(re.search(r"(\d+)\s+Pages?\s*<span", html).group(1))

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    assert count(space["a_staff"]) == count(editor) - 2  # B's two kits


def test_materials_of_another_associations_kits_stay_out_of_their_documents(client, space):
    from wagtail.documents import get_document_model

    from kits.factories import KitDocumentFactory

    theirs = space["a_kit"].materials.first().document
    others = space["b_kit"].materials.first().document
    uploaded = KitDocumentFactory(title="Affiche signée Alice", uploaded_by_user=space["a_staff"])
    client.force_login(space["a_staff"])
    # The listing shows what they may edit (what they uploaded), the chooser what they may choose.
    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    assert uploaded.title in listing and others.title not in listing
    for query in ["", "?q=mat%C3%A9riel"]:
        chooser = client.get(reverse("wagtaildocs_chooser:choose") + query).json()["html"]
        assert others.title not in chooser, query
        assert theirs.title in chooser or query, query
    assert client.get(reverse("wagtaildocs:edit", args=[others.pk])).status_code in (302, 403)
    assert client.get(others.url).status_code == 404  # /documents/…: only through signed links
    assert get_document_model().objects.filter(pk=others.pk).exists()


def test_the_explorer_query_count_is_constant_whatever_the_number_of_associations(client, space, make_kit, kit_index):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("wagtailadmin_explore", args=[kit_index.pk])
    client.force_login(space["a_staff"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()  # warm the caches
    before = count()
    for n in range(6):  # more associations of theirs (no kits) and more kits of others
        staff.grant(space["a_staff"], AssociationFactory(name=f"Association budget {n}"))
        make_kit(title=f"Kit ailleurs {n}", association=AssociationFactory(name=f"Ailleurs {n}"), materials=0)
    count()  # granting staff changed rights: the user is read again once (core.cached_users)
    after = count()
    html = client.get(url).content.decode()
    assert "Collecte des Amis" in html and "Kit ailleurs" not in html
    assert after == before
