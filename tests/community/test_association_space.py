"""The association staff's dashboard panel (community.associations.space): their kits with
their state and figures (this month, twelve months), the stories about them waiting for
moderation and the next sessions they host; never another association's; not for the
network's staff; a constant number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Workflow

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.associations.space import space_panel
from community.members.factories import UserFactory
from community.testimonials.models import Testimonial as Story
from events.factories import RegistrationFactory
from events.models import Registration
from kits.factories import ActionDeclarationFactory, KitDownloadFactory
from kits.models.declarations import ActionDeclaration, DeclarationStatus
from tests.community.testimonial_helpers import make_testimonial
from tests.events.conftest import event_index, make_event  # noqa: F401  (fixtures)
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
HOME = "/admin/"


@pytest.fixture
def space(make_kit):  # noqa: F811
    a = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    b = AssociationFactory(name="Bouge ta Ville", slug="bouge-ta-ville")
    a_staff, b_staff = UserFactory(), UserFactory()
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    return {
        "a": a,
        "b": b,
        "a_staff": a_staff,
        "b_staff": b_staff,
        "a_kit": make_kit(title="Collecte des Amis", association=a, materials=0),
        "b_kit": make_kit(title="Course de Bouge", association=b, materials=0),
    }


def panel(client, user):
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("[data-association-space]")


def figures(html, kit):
    card = html.select_one(f'[data-space-kit="{kit.pk}"]')
    return {
        row["data-figure"]: [cell.get_text(strip=True) for cell in row.select("td")]
        for row in card.select("[data-figure]")
    }


def declare(kit, days_ago, downloads=0, **fields):
    declaration = ActionDeclarationFactory(
        kit=kit, created_at=timezone.now() - datetime.timedelta(days=days_ago), **fields
    )
    for _ in range(downloads):
        KitDownloadFactory(declaration=declaration, material=None)
    return declaration


def test_their_panel_shows_their_kits_with_their_state_never_anothers(client, space, make_kit, kit_index):  # noqa: F811
    a = space["a"]
    draft = make_kit(title="Brouillon des Amis", association=a, materials=0, publish=False, live=False)
    reviewed = make_kit(title="Kit des Amis en relecture", association=a, materials=0, publish=False, live=False)
    reviewed.save_revision(user=space["a_staff"])
    Workflow.objects.get(name="Kit review").start(reviewed, space["a_staff"])
    declare(space["b_kit"], 1, downloads=2)

    html = panel(client, space["a_staff"])
    assert html is not None
    text = html.get_text(" ", strip=True)
    assert "Les Amis du Quartier" in text
    assert "Course de Bouge" not in text and "Bouge ta Ville" not in text
    states = {
        card.select_one("h4").get_text(strip=True): card.select_one("[data-kit-state]").get_text(strip=True)
        for card in html.select("[data-space-kit]")
    }
    assert states == {
        "Brouillon des Amis": "Brouillon",
        "Collecte des Amis": "En ligne",
        "Kit des Amis en relecture": "En relecture",
    }
    edit = html.select_one(f'[data-space-kit="{draft.pk}"] h4 a')["href"]
    assert edit == f"/admin/pages/{draft.pk}/edit/"
    assert client.get(edit).status_code == 200
    # B's staff see their kit, and nothing of A's.
    other = panel(client, space["b_staff"]).get_text(" ", strip=True)
    assert "Course de Bouge" in other and "Amis" not in other


def test_figures_this_month_and_over_twelve_months(client, space):
    kit = space["a_kit"]
    declare(kit, 0, downloads=2)
    declare(kit, 0, downloads=1, status=DeclarationStatus.REPORTED)
    declare(kit, 0, downloads=5, status=DeclarationStatus.CANCELLED)  # never counted
    declare(kit, 45, downloads=1, status=DeclarationStatus.REPORTED)  # an earlier month, this year
    declare(kit, 400, downloads=4)  # more than twelve months ago
    declare(space["b_kit"], 0, downloads=3)
    html = panel(client, space["a_staff"])
    assert figures(html, kit) == {"declarations": ["2", "3"], "downloads": ["3", "4"], "reported": ["1", "2"]}
    headers = [th.get_text(strip=True) for th in html.select(f'[data-space-kit="{kit.pk}"] thead th')]
    assert headers == ["Indicateur", "Ce mois-ci", "12 mois"]


def test_figures_are_written_the_french_way(client, space):
    kit = space["a_kit"]
    many = ActionDeclarationFactory.build_batch(1234, kit=kit)
    for n, declaration in enumerate(many):
        declaration.email_hash = f"hash-{n}"  # save() would compute it; bulk_create does not call it
    ActionDeclaration.objects.bulk_create(many)
    html = panel(client, space["a_staff"])
    assert figures(html, kit)["declarations"] == ["1\xa0234", "1\xa0234"]


def test_the_pending_stories_about_their_kits_and_the_inbox(client, space):
    for status in ["pending", "pending", "approved", "rejected"]:
        make_testimonial(kit=space["a_kit"], status=status)
    make_testimonial(kit=space["b_kit"], status=Story.Status.PENDING)
    make_testimonial(association=space["a"], status=Story.Status.PENDING)  # about no kit of theirs
    stories = panel(client, space["a_staff"]).select_one("[data-space-stories]")
    assert "2 témoignages sur vos kits attendent la modération." in stories.get_text(" ", strip=True).replace(" .", ".")
    assert stories.select_one("a")["href"] == "/admin/moderation/"
    stories = panel(client, space["b_staff"]).select_one("[data-space-stories]")
    assert "1 témoignage sur vos kits attend la modération." in stories.get_text(" ", strip=True).replace(" .", ".")


def test_next_sessions_only_those_they_host_and_upcoming(client, space, make_event):  # noqa: F811
    a, b = space["a"], space["b"]
    hosted = make_event(title="Petit Déj des Amis", slug="petit-dej-amis", host_associations=[a], capacity=20)
    later = make_event(
        title="Atelier des Amis",
        slug="atelier-amis",
        host_associations=[a, b],
        capacity=None,
        start=timezone.now() + datetime.timedelta(days=60),
        end=timezone.now() + datetime.timedelta(days=60, hours=2),
    )
    make_event(title="Petit Déj passé des Amis", slug="passe-amis", host_associations=[a], past=True)
    make_event(title="Petit Déj de Bouge", slug="petit-dej-bouge", host_associations=[b])
    make_event(title="Petit Déj du réseau", slug="petit-dej-reseau")
    for _ in range(3):
        RegistrationFactory(event=hosted)
    RegistrationFactory(event=hosted, status=Registration.Status.WAITING, waiting_position=1, confirmed_at=None)
    RegistrationFactory(event=hosted, status=Registration.Status.CANCELLED)
    RegistrationFactory(event=later)

    sessions = panel(client, space["a_staff"]).select("[data-space-session]")
    assert [session.select_one("a").get_text(strip=True) for session in sessions] == [
        "Petit Déj des Amis",
        "Atelier des Amis",
    ]
    first, second = (" ".join(session.get_text(" ", strip=True).split()) for session in sessions)
    assert "3 / 20 places prises" in first and "1 sur liste d'attente" in first
    assert "1 place prise (sans limite)" in second and "0 sur liste d'attente" in second
    assert sessions[0].select_one("a")["href"] == hosted.url
    registrations = sessions[0].select_one("[data-space-registrations]")["href"]
    assert registrations == f"/admin/snippets/events/registration/?event={hosted.pk}"
    listing = client.get(registrations)  # A's staff may view them (view only)
    assert listing.status_code == 200
    shown = set(listing.context["object_list"].values_list("event_id", flat=True))
    assert shown == {hosted.pk}
    start = timezone.localtime(hosted.start)
    assert f"{start.day} " in first and f"{start:%H:%M}" in first
    others = panel(client, space["b_staff"]).select("[data-space-session]")
    assert [session.select_one("a").get_text(strip=True) for session in others] == [
        "Petit Déj de Bouge",
        "Atelier des Amis",
    ]


def test_empty_space_offers_to_create_a_kit(client, kit_index):  # noqa: F811
    user = UserFactory()
    staff.grant(user, AssociationFactory(name="Toute Neuve", slug="toute-neuve"))
    html = panel(client, user)
    empty = html.select_one("[data-space-no-kit]")
    assert empty.get_text(" ", strip=True) == "Aucun kit pour l'instant — Créer un kit"
    link = empty.select_one("a")["href"]
    assert link == f"/admin/pages/add/kits/kitpage/{kit_index.pk}/"
    assert client.get(link).status_code == 200
    assert html.select_one("[data-space-no-session]") is not None
    assert "Aucun témoignage sur vos kits n'attend la modération." in html.get_text(" ", strip=True)


@pytest.mark.parametrize("who", ["Editors", "Moderators", "superuser", "staff and Moderators"])
def test_the_network_does_not_get_the_panel(client, space, who):
    if who == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = UserFactory()
        if who.startswith("staff"):
            staff.grant(user, space["a"])
        user.groups.add(Group.objects.get(name=who.split(" and ")[-1]))
    assert panel(client, user) is None


def test_the_panel_comes_first(client, space):
    client.force_login(space["a_staff"])
    html = BeautifulSoup(client.get(HOME).content, "html.parser")
    panels = html.select("section.w-panel")
    assert panels and panels[0].get("id") == "association-space-section"


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == 200
    return len(queries)


def fill(association, user, make_kit, make_event, n):  # noqa: F811
    staff.grant(user, association)
    kit = make_kit(title=f"Kit budget {n}", association=association, materials=0, publish=n % 2 == 0, live=n % 2 == 0)
    declare(kit, n, downloads=1, status=DeclarationStatus.REPORTED)
    make_testimonial(kit=kit, status=Story.Status.PENDING)
    event = make_event(title=f"Session budget {n}", slug=f"session-budget-{n}", host_associations=[association])
    RegistrationFactory(event=event)


def test_the_query_count_is_constant_whatever_the_number_of_kits_sessions_and_associations(
    client,
    space,
    make_kit,  # noqa: F811
    make_event,  # noqa: F811
):
    user = space["a_staff"]
    client.force_login(user)
    fill(space["a"], user, make_kit, make_event, 0)
    count_queries(client)  # warm the caches
    one = count_queries(client)
    for n in range(1, 9):
        fill(AssociationFactory(name=f"Association budget {n}"), user, make_kit, make_event, n)
    count_queries(client)  # granting staff changed rights: the user is read again once (core.cached_users)
    many = count_queries(client)
    assert one == many
    request = RequestFactory().get(HOME)
    request.user = user
    staff.association_scope(user)  # once per request, shared with the other panels
    with CaptureQueriesContext(connection) as queries:
        space_panel(request).get_context_data()
    # Its own queries: names, kits (5), stories (1), sessions (2) and the site's root paths.
    assert len(queries) <= 10, [query["sql"] for query in queries.captured_queries]
    html = BeautifulSoup(client.get(HOME).content, "html.parser").select_one("[data-association-space]")
    assert len(html.select("[data-space-kit]")) == 10  # Collecte des Amis and the nine budget kits
    assert len(html.select("[data-space-session]")) == 5
    assert "9 témoignages" in html.get_text(" ", strip=True)
