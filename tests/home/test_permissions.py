"""Who may do what in the admin (docs/permissions.md, one test per row): structural pages —
home, section index pages, the footer's information pages — are changed only by superusers
and "Site administrators"; Editors and Moderators keep working under them; the personal
data tool is for "Protection des données" (and superusers) only."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from community.articles.models import ArticleIndexPage
from community.members.factories import MemberFactory, UserFactory
from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from kits.models import KitIndexPage, KitPage
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

EDITORS, MODERATORS = "Editors", "Moderators"
SITE_ADMINISTRATORS, DATA_PROTECTION = "Site administrators", "Protection des données"
STAFF_GROUPS = [EDITORS, MODERATORS, SITE_ADMINISTRATORS, DATA_PROTECTION]


def member_of(*groups, **fields):
    user = UserFactory(**fields)
    user.groups.set(Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups)  # the migrations made every group
    return user


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def structural_pages():
    """The skeleton's structural pages, French and English."""
    legal = StandardPage.objects.filter(show_in_footer=True)
    return [
        *HomePage.objects.all(),
        *KitIndexPage.objects.all(),
        *[page.specific for page in Page.objects.filter(depth=3).exclude(standardpage__isnull=False)],
        *legal,
    ]


@pytest.fixture
def home():
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def legal():
    return StandardPage.objects.get(locale__language_code="fr", slug="mentions-legales")


@pytest.fixture
def about():
    return StandardPage.objects.get(locale__language_code="fr", slug="a-propos")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


# Structural pages: edit, delete, publish, unpublish, move, lock.


def test_the_skeleton_has_structural_pages_of_each_kind():
    pages = structural_pages()
    assert {type(page).__name__ for page in pages} >= {"HomePage", "KitIndexPage", "EventIndexPage", "StandardPage"}
    assert {page.slug for page in pages if isinstance(page, StandardPage)} >= {
        "mentions-legales",
        "confidentialite",
        "accessibilite",
    }


@pytest.mark.parametrize("group", [EDITORS, MODERATORS, DATA_PROTECTION])
def test_editors_and_moderators_may_not_touch_structural_pages(group):
    user = member_of(group)
    for page in structural_pages():
        perms = page.permissions_for_user(user)
        assert not perms.can_edit(), page
        assert not perms.can_delete(), page
        assert not perms.can_publish(), page
        assert not perms.can_unpublish(), page
        assert not perms.can_move(), page
        assert not perms.can_copy(), page
        assert not perms.can_lock(), page
        assert not perms.can_set_view_restrictions(), page
        # Also through a plain Page instance, as the page listing holds them.
        assert not Page.objects.get(pk=page.pk).permissions_for_user(user).can_edit(), page


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
@pytest.mark.parametrize("which", ["home", "kit_index", "legal"])
def test_edit_and_delete_views_refuse_editors_and_moderators(client, group, which, request):
    page = request.getfixturevalue(which)
    client.force_login(member_of(group))
    assert refused(client.get(edit_url(page)))
    assert refused(client.get(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:move", args=[page.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    assert Page.objects.filter(pk=page.pk, live=True).exists()


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_publishing_the_home_page_is_refused(client, home, group):
    client.force_login(member_of(group))
    title = home.title
    response = client.post(edit_url(home), {"title": "Piratée", "slug": home.slug, "action-publish": "action-publish"})
    assert refused(response)
    home.refresh_from_db()
    assert home.title == title
    assert not home.revisions.filter(content__title="Piratée").exists()


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_bulk_delete_refuses_structural_pages(client, legal, kit_index, group):  # noqa: F811
    client.force_login(member_of(group))
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={legal.pk}&id={kit_index.pk}")
    assert Page.objects.filter(pk__in=[legal.pk, kit_index.pk]).count() == 2


@pytest.mark.parametrize("which", ["home", "kit_index", "legal"])
@pytest.mark.parametrize("admin", ["site_administrator", "superuser"])
def test_site_administrators_and_superusers_edit_and_delete_them(client, which, admin, request, superuser):
    page = request.getfixturevalue(which)
    user = superuser if admin == "superuser" else member_of(SITE_ADMINISTRATORS)
    client.force_login(user)
    assert client.get(edit_url(page)).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code == 200
    perms = page.permissions_for_user(user)
    assert perms.can_publish() and perms.can_unpublish() and perms.can_move() and perms.can_delete()


def test_a_site_administrator_publishes_the_home_page(client, home):
    client.force_login(member_of(SITE_ADMINISTRATORS))
    data = {"title": "Relais, le réseau", "slug": home.slug, "hero_title": home.hero_title, "action-publish": "1"}
    data.update({"calls_to_action-count": "0", "featured_kits-TOTAL_FORMS": "0", "featured_kits-INITIAL_FORMS": "0"})
    data.update({"featured_kits-MIN_NUM_FORMS": "0", "featured_kits-MAX_NUM_FORMS": "6"})
    response = client.post(edit_url(home), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    home.refresh_from_db()
    assert home.title == "Relais, le réseau"


def test_a_site_administrator_deletes_a_legal_page(client, legal):
    client.force_login(member_of(SITE_ADMINISTRATORS))
    client.post(reverse("wagtailadmin_pages:delete", args=[legal.pk]))
    assert not Page.objects.filter(pk=legal.pk).exists()


# Work under the structural pages goes on.


@pytest.mark.parametrize("group", [EDITORS, MODERATORS, SITE_ADMINISTRATORS])
def test_editors_still_edit_other_information_pages(client, about, group):
    client.force_login(member_of(group))
    assert client.get(edit_url(about)).status_code == 200


SECTIONS = [
    (KitIndexPage, "kits", "kitpage"),
    (EventIndexPage, "events", "eventpage"),
    (ArticleIndexPage, "community", "articlepage"),
]


@pytest.mark.parametrize("group", [EDITORS, MODERATORS, SITE_ADMINISTRATORS])
@pytest.mark.parametrize(("index_model", "app_label", "model_name"), SECTIONS)
def test_editors_and_moderators_still_add_pages_under_the_section_index(
    client, group, index_model, app_label, model_name
):
    index = index_model.objects.get(locale__language_code="fr")
    user = member_of(group)
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_pages:add", args=[app_label, model_name, index.pk])).status_code == 200
    assert index.permissions_for_user(user).can_add_subpage()


def test_data_protection_has_no_page_to_edit(client, about, kit_index):  # noqa: F811
    user = member_of(DATA_PROTECTION)
    client.force_login(user)
    assert refused(client.get(edit_url(about)))
    assert refused(client.get(reverse("wagtailadmin_pages:add", args=["kits", "kitpage", kit_index.pk])))
    assert not kit_index.permissions_for_user(user).can_add_subpage()


def test_editors_submit_kits_and_moderators_publish_them(client, make_kit):  # noqa: F811
    kit = make_kit(title="Kit de la relecture")
    editor, moderator = member_of(EDITORS), member_of(MODERATORS)
    assert not kit.permissions_for_user(editor).can_publish()
    assert kit.permissions_for_user(editor).can_edit()
    assert kit.permissions_for_user(moderator).can_publish()
    client.force_login(editor)
    assert client.get(edit_url(kit)).status_code == 200
    assert KitPage.objects.filter(pk=kit.pk).exists()


def test_moderators_still_reorder_a_section_but_not_the_main_menu(home, kit_index, superuser):  # noqa: F811
    moderator, editor = member_of(MODERATORS), member_of(EDITORS)
    assert kit_index.permissions_for_user(moderator).can_reorder_children()
    assert not kit_index.permissions_for_user(editor).can_reorder_children()  # Wagtail: needs publish
    assert not home.permissions_for_user(moderator).can_reorder_children()
    assert not home.permissions_for_user(editor).can_reorder_children()
    assert home.permissions_for_user(member_of(SITE_ADMINISTRATORS)).can_reorder_children()
    assert home.permissions_for_user(superuser).can_reorder_children()


# Model permissions: moderation, indicators, personal data.

CAPABILITIES = {
    "community.change_testimonial": {MODERATORS},
    "community.change_memberprofile": {MODERATORS},
    "events.change_topicproposal": {EDITORS, MODERATORS},
    "django_comments_xtd.change_xtdcomment": {EDITORS, MODERATORS},
    "events.change_registration": {EDITORS, MODERATORS},
    "kits.view_indicators": {EDITORS, MODERATORS},
    "kits.view_declarations": {DATA_PROTECTION},  # and association staff (tests/kits/test_declarations_admin.py)
    "home.manage_personal_data": {DATA_PROTECTION},
    "home.manage_structural_pages": {SITE_ADMINISTRATORS},
    "wagtailadmin.access_admin": set(STAFF_GROUPS),
}


@pytest.mark.parametrize("permission", sorted(CAPABILITIES))
def test_who_holds_each_model_permission(permission, superuser):
    for group in STAFF_GROUPS:
        assert member_of(group).has_perm(permission) == (group in CAPABILITIES[permission]), (group, permission)
    assert superuser.has_perm(permission)


def test_the_data_protection_group_holds_nothing_else():
    codenames = set(Group.objects.get(name=DATA_PROTECTION).permissions.values_list("codename", flat=True))
    # The declared actions with their personal data (every association's, decision 0030).
    assert codenames == {"access_admin", "manage_personal_data", "view_declarations"}
    assert not Group.objects.get(name=DATA_PROTECTION).page_permissions.exists()


@pytest.mark.parametrize(
    "group, kinds",
    [
        (MODERATORS, {"testimonial", "memberprofile", "xtdcomment", "topicproposal"}),
        (EDITORS, {"xtdcomment", "topicproposal"}),
        # Their associations' testimonials only (tests/community/test_association_testimonials.py).
        ("Association staff", {"testimonial"}),
    ],
)
def test_the_moderation_inbox_shows_each_group_the_kinds_it_moderates(client, group, kinds):
    client.force_login(member_of(group))
    html = client.get("/admin/moderation/").content.decode()
    shown = {
        kind
        for kind in ("testimonial", "memberprofile", "xtdcomment", "topicproposal")
        if f'id="{kind}-section"' in html
    }
    assert shown == kinds


@pytest.mark.parametrize("group", [SITE_ADMINISTRATORS, DATA_PROTECTION])
def test_the_moderation_inbox_refuses_who_moderates_nothing(client, group):
    client.force_login(member_of(group))
    assert refused(client.get("/admin/moderation/"))


def test_moderators_approve_a_member_in_the_admin(client):
    profile = MemberFactory()
    client.force_login(member_of(MODERATORS))
    assert client.get("/admin/snippets/community/memberprofile/?status=pending").status_code == 200
    url = reverse("wagtail_bulk_action", args=["community", "memberprofile", "approve"])
    client.post(f"{url}?id={profile.pk}")
    profile.refresh_from_db()
    assert profile.is_approved


PERSONAL_DATA = "/admin/personal-data/"


@pytest.mark.parametrize("who", [DATA_PROTECTION, "superuser"])
def test_the_personal_data_tool_opens_for_data_protection(client, who, superuser):
    client.force_login(superuser if who == "superuser" else member_of(DATA_PROTECTION))
    response = client.get(PERSONAL_DATA)
    assert response.status_code == 200
    assert client.post(PERSONAL_DATA, {"email": "personne@example.org", "action": "search"}).status_code == 200


@pytest.mark.parametrize("group", [MODERATORS, EDITORS, SITE_ADMINISTRATORS])
def test_the_personal_data_tool_refuses_everyone_else(client, group):
    client.force_login(member_of(group))
    assert refused(client.get(PERSONAL_DATA))
    response = client.post(PERSONAL_DATA, {"email": "personne@example.org", "action": "export"})
    assert refused(response)
    assert "Content-Disposition" not in response


@pytest.mark.parametrize("group", STAFF_GROUPS)
def test_who_uploads_images_and_translates(group):
    user = member_of(group)
    allowed = group != DATA_PROTECTION
    image_permissions = policy_registry.get_by_type(get_image_model())
    assert image_permissions.user_has_permission(user, "choose") == allowed
    assert image_permissions.user_has_permission(user, "add") == allowed
    assert user.has_perm("wagtail_localize.submit_translation") == allowed


def test_a_site_administrator_bulk_deletes_a_legal_page(client, legal):
    # The control for test_bulk_delete_refuses_structural_pages: the same request works.
    client.force_login(member_of(SITE_ADMINISTRATORS))
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={legal.pk}")
    assert not Page.objects.filter(pk=legal.pk).exists()


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_only_site_administrators_put_a_page_in_the_footer(client, about, group, superuser):
    client.force_login(member_of(group))
    assert 'name="show_in_footer"' not in client.get(edit_url(about)).content.decode()
    for administrator in (member_of(SITE_ADMINISTRATORS), superuser):
        client.force_login(administrator)
        assert 'name="show_in_footer"' in client.get(edit_url(about)).content.decode()


def test_a_refused_page_says_why(client, home):
    client.force_login(member_of(EDITORS))
    response = client.get(edit_url(home))
    assert refused(response)
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_the_page_explorer_offers_no_edit_link_to_structural_pages(client, home, kit_index, about, group):  # noqa: F811
    client.force_login(member_of(group))
    response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{edit_url(kit_index)}"' not in html
    assert f'href="{edit_url(about)}"' in html  # the control: an ordinary page keeps its link


def test_syncing_a_structural_pages_translations_is_for_site_administrators(client, home, about):
    sources = {page: TranslationSource.objects.get_for_instance_or_none(page) for page in (home, about)}
    assert all(sources.values())  # the skeleton's English pages are translations
    url = reverse("wagtail_localize:update_translations", args=[sources[home].pk])
    for group in (EDITORS, MODERATORS):
        client.force_login(member_of(group))
        assert refused(client.get(url))
        assert refused(client.post(url, {"publish_translations": "on"}))
        other = reverse("wagtail_localize:update_translations", args=[sources[about].pk])
        assert client.get(other).status_code == 200  # an ordinary page: still synced by editors
    client.force_login(member_of(SITE_ADMINISTRATORS))
    assert client.get(url).status_code == 200
