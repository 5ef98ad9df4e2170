"""Editors' promoted results come first (only when visible in the visitor's language);
searches that found nothing are counted per language, without personal data, and listed
in the admin report, most frequent first."""

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from community.members.factories import UserFactory
from search.models import ZeroResultQuery
from tests.search.helpers import results

pytestmark = pytest.mark.django_db


def promote(query, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def test_promoted_results_come_first_and_are_not_repeated(client, make_event):
    event = make_event("Petit Déj : retours sur les collectes")
    promote("Collecte", page=event, description="La session pour préparer votre collecte.")
    found = results(client, "/recherche/?q=collecte")
    assert found[0] == ("Session", event.title, event.url, True)
    assert [title for _k, title, _u, _p in found].count(event.title) == 1
    assert all(not promoted for *_rest, promoted in found[1:])
    html = client.get("/recherche/?q=collecte").content.decode()
    assert "<mark>collecte</mark>." in html  # the editor's description, highlighted


def test_promotions_of_hidden_or_other_language_pages_are_skipped(client, make_kit):
    draft = make_kit("Kit promu brouillon", publish=False, live=False)
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    promote("collecte", page=draft)
    promote("collecte", page=english_home)
    promote("collecte", external_link_url="https://example.org/guide", external_link_text="Guide externe")
    found = results(client, "/recherche/?q=collecte")
    promoted = [title for _k, title, _u, is_promoted in found if is_promoted]
    assert "Kit promu brouillon" not in promoted
    assert english_home.title not in promoted
    html = client.get("/recherche/?q=collecte").content.decode()
    assert 'href="https://example.org/guide">Guide externe</a>' in html


def test_searches_with_results_count_as_promotion_hits(client, hygiene_kit):
    client.get("/recherche/?q=Collecte")
    client.get("/recherche/?q=collecte ")
    assert Query.get("collecte").hits == 2


def test_searches_without_results_are_recorded_per_language(client, hygiene_kit):
    client.get("/recherche/?q=Licorne  Bleue")
    client.get("/recherche/?q=licorne bleue")
    client.get("/en/recherche/?q=licorne bleue")
    client.get("/recherche/?q=")  # empty: not recorded
    client.get("/recherche/?q=collecte")  # found something: not recorded
    client.get("/recherche/?q=collecte&audience=seniors&theme=sport")  # nothing only because of facets
    rows = {(row.language, row.query): row.count for row in ZeroResultQuery.objects.all()}
    assert rows == {("fr", "licorne bleue"): 2, ("en", "licorne bleue"): 1}
    field_names = {field.name for field in ZeroResultQuery._meta.get_fields()}
    assert field_names == {"id", "language", "query", "count", "first_seen", "last_seen"}  # nothing personal


def test_recording_is_rate_limited_per_address(client, settings):
    from search import views

    for _ in range(views.RECORD_LIMIT[0] + 5):
        client.get("/recherche/?q=dahu")
    assert ZeroResultQuery.objects.get(query="dahu").count == views.RECORD_LIMIT[0]


def test_admin_report_lists_the_most_frequent_first(client):
    ZeroResultQuery.objects.create(language="fr", query="licorne", count=3)
    ZeroResultQuery.objects.create(language="fr", query="dahu", count=7)
    ZeroResultQuery.objects.create(language="en", query="unicorn", count=5)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get("/admin/reports/searches-without-results/").content.decode()
    assert html.index("dahu") < html.index("unicorn") < html.index("licorne")
    english = client.get("/admin/reports/searches-without-results/?language=en").content.decode()
    assert "unicorn" in english and "dahu" not in english
    export = client.get("/admin/reports/searches-without-results/?export=csv")
    assert export.status_code == 200 and b"dahu" in b"".join(export.streaming_content)


def test_admin_report_needs_the_permission(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/searches-without-results/").status_code in (302, 403)
    group = Group.objects.create(name="Search readers")
    group.permissions.add(Permission.objects.get(codename="view_zeroresultquery"))
    editor.groups.add(group)
    assert client.get("/admin/reports/searches-without-results/").status_code == 200


def test_daily_job_forgets_old_searches_without_results():
    from datetime import timedelta
    from io import StringIO

    from django.utils import timezone

    from search import daily

    ZeroResultQuery.objects.create(language="fr", query="vieux", count=4, last_seen=timezone.now() - timedelta(400))
    ZeroResultQuery.objects.create(language="fr", query="récent", count=1)
    daily.run(StringIO())
    assert list(ZeroResultQuery.objects.values_list("query", flat=True)) == ["récent"]


def test_editors_may_read_the_report():
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="view_zeroresultquery").exists()


def test_queries_that_look_like_personal_data_are_not_kept(client):
    client.get("/recherche/?q=marie.dupont@example.org")
    client.get("/recherche/?q=06 12 34 56 78")
    assert not ZeroResultQuery.objects.exists()
    assert not Query.objects.filter(query_string__contains="@").exists()
