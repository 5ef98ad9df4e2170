"""Association staff see the registrations of the sessions their associations host
(docs/permissions.md, "Association staff"), view only: A's staff list, search, filter and
export those of A's sessions and never one of B's, whatever the URL parameters; they cancel,
move or edit none. Editors and Moderators keep every session and their buttons."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.members.factories import UserFactory
from events.factories import RegistrationFactory
from events.models import Registration

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/events/registration/"


def refused(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def space(make_event):
    """A and B, each with a staff member and a hosted session with registrations; one session
    hosted by both; one hosted by nobody."""
    a = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    b = AssociationFactory(name="Bouge ta Ville", slug="bouge-ta-ville")
    a_staff, b_staff = UserFactory(email="alice@amis.example.org"), UserFactory(email="basile@bouge.example.org")
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    a_event = make_event(title="Petit Déj des Amis", slug="petit-dej-des-amis")
    b_event = make_event(title="Petit Déj de Bouge", slug="petit-dej-de-bouge")
    shared = make_event(title="Petit Déj commun", slug="petit-dej-commun")
    network = make_event(title="Petit Déj du réseau", slug="petit-dej-du-reseau")
    for event, hosts in ((a_event, [a]), (b_event, [b]), (shared, [a, b])):
        host(event, hosts)
    return {
        "a": a,
        "a_staff": a_staff,
        "b_event": b_event,
        "a_event": a_event,
        "mine": RegistrationFactory(event=a_event, name="Awa Amie", email="awa@example.org"),
        "waiting": RegistrationFactory(
            event=a_event, name="Jean Attente", status="waiting", waiting_position=1, confirmed_at=None
        ),
        "shared": RegistrationFactory(event=shared, name="Chloé Commune"),
        "theirs": RegistrationFactory(event=b_event, name="Bruno Bouge", email="bruno@example.org"),
        "network": RegistrationFactory(event=network, name="Nina Réseau"),
    }


def host(event, associations):
    event.host_associations.set(associations)
    event.save()  # a ParentalManyToManyField is written when the page is saved


def export_rows(client, query=""):
    response = client.get(LIST_URL + "?export=csv" + query)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_the_group_sees_registrations_and_changes_none():
    codenames = set(
        Group.objects.get(name="Association staff")
        .permissions.filter(content_type__app_label="events")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_registration"}


def test_they_see_only_their_sessions_registrations_whatever_the_parameters(client, space):
    client.force_login(space["a_staff"])
    html = client.get(LIST_URL).content.decode()
    assert "Awa Amie" in html and "Jean Attente" in html and "Chloé Commune" in html
    assert "Bruno Bouge" not in html and "Nina Réseau" not in html
    assert "Petit Déj de Bouge" not in html and "Petit Déj du réseau" not in html  # nor in the session filter
    for query in (
        f"?event={space['b_event'].pk}",
        "?q=Bruno",
        "?q=bruno@example.org",
        "?status=confirmed",
        f"?event={space['b_event'].pk}&q=Bouge&status=confirmed",
        "?ordering=name",
    ):
        response = client.get(LIST_URL + query)
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "Bruno Bouge" not in html and "Nina Réseau" not in html, query
    html = client.get(LIST_URL, {"event": space["a_event"].pk, "status": "waiting"}).content.decode()
    assert "Jean Attente" in html and "Awa Amie" not in html
    assert "Awa Amie" in client.get(LIST_URL, {"q": "awa"}).content.decode()
    rows = export_rows(client)
    assert len(rows) == 4  # the header, Awa, Jean, Chloé
    assert not any("bruno@example.org" in row for row in rows)
    # B's session is no choice of theirs: the filter is ignored, the export still theirs only.
    crafted = export_rows(client, f"&event={space['b_event'].pk}")
    assert len(crafted) == 4 and not any("bruno@example.org" in row for row in crafted)


def test_they_have_no_button_and_no_view_that_changes_a_registration(client, space):
    client.force_login(space["a_staff"])
    html = client.get(LIST_URL).content.decode()
    assert "/cancel/" not in html and "/move/" not in html
    for registration in (space["mine"], space["theirs"]):
        for url in (
            reverse("events_registration_cancel", args=[registration.pk]),
            reverse("events_registration_move", args=[registration.pk]),
            f"{LIST_URL}edit/{registration.pk}/",
            f"{LIST_URL}history/{registration.pk}/",
            f"{LIST_URL}delete/{registration.pk}/",
            f"{LIST_URL}usage/{registration.pk}/",
        ):
            response = client.get(url)
            assert refused(response) or response.status_code in (403, 404), url
            assert client.post(url, {"attended": "on"}).status_code in (302, 403, 404, 405), url
    assert client.post(reverse("events_registration_cancel", args=[space["mine"].pk])).status_code == 302
    assert Registration.objects.get(pk=space["mine"].pk).status == Registration.Status.CONFIRMED


def test_editors_and_moderators_keep_every_session(client, space):
    for group in ("Editors", "Moderators"):
        user = UserFactory()
        user.groups.add(Group.objects.get(name=group))
        staff.grant(user, space["a"])  # also staff of A: nothing is narrowed
        client.force_login(user)
        html = client.get(LIST_URL).content.decode()
        assert "Bruno Bouge" in html and "Nina Réseau" in html and "Awa Amie" in html, group
        assert f"/registrations/{space['theirs'].pk}/cancel/" in html, group
        assert len(export_rows(client)) == 6, group


def test_the_listing_query_count_is_constant_whatever_the_number_of_associations(client, space, make_event):
    client.force_login(space["a_staff"])
    urls = (LIST_URL, LIST_URL + "?q=a&status=confirmed")
    for url in urls:
        client.get(url)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = {url: count(url) for url in urls}
    for n in range(4):
        association = AssociationFactory(name=f"Association {n}", slug=f"association-{n}")
        staff.grant(space["a_staff"], association)
        event = make_event(title=f"Session {n}", slug=f"session-{n}")
        host(event, [association, space["a"]])
        for m in range(3):
            RegistrationFactory(event=event, name=f"Personne {n}-{m}")
    client.get(LIST_URL)  # granting staff changed rights: the user is read again once (core.cached_users)
    many = {url: count(url) for url in urls}
    assert many == few
    assert "Personne 3-2" in client.get(LIST_URL).content.decode()
