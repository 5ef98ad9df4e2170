"""Association staff moderate the testimonials about their associations' kits
(docs/permissions.md, "Association staff"): two associations A and B, each with staff, a kit
and stories. A's staff see and decide on A's stories only — moderation inbox, dashboard
count, Admin → Témoignages (search, filters, export), every view of one story, the bulk
actions, the private photo — whatever the URL; the network's Moderators keep them all."""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.associations import staff
from community.associations.factories import AssociationFactory
from community.members.factories import UserFactory
from community.testimonials.models import Testimonial as Story
from tests.community.testimonial_helpers import image_bytes, make_testimonial

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/community/testimonial/"
INBOX = "/admin/moderation/"
PENDING = Story.Status.PENDING


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def bulk_url(action, *stories, next_url=LIST_URL):
    ids = "&".join(f"id={story.pk}" for story in stories)
    return f"/admin/bulk/community/testimonial/{action}/?{ids}&next={next_url}"


@pytest.fixture(autouse=True)
def no_testimonials():
    Story.objects.all().delete()


@pytest.fixture
def space(make_kit):
    """A and B, each with a staff member, a kit, a pending and an approved story."""
    a = AssociationFactory(name="Les Amis du Quartier", slug="amis-du-quartier")
    b = AssociationFactory(name="Bouge ta Ville", slug="bouge-ta-ville")
    a_staff, b_staff = UserFactory(email="alice@amis.example.org"), UserFactory(email="basile@bouge.example.org")
    staff.grant(a_staff, a)
    staff.grant(b_staff, b)
    a_kit = make_kit("Collecte des Amis", association=a)
    b_kit = make_kit("Course de Bouge", association=b)
    return {
        "a": a,
        "b": b,
        "a_staff": a_staff,
        "b_staff": b_staff,
        "a_kit": a_kit,
        "b_kit": b_kit,
        "a_pending": make_testimonial(title="Récit des Amis", kit=a_kit, status=PENDING, postcode="69003"),
        "a_approved": make_testimonial(title="Souvenir des Amis", kit=a_kit),
        "b_pending": make_testimonial(title="Récit de Bouge", kit=b_kit, status=PENDING, postcode="69003"),
        "b_approved": make_testimonial(title="Souvenir de Bouge", kit=b_kit),
        # About no kit (or a kit of no association): the network's Moderators only.
        "orphan": make_testimonial(title="Récit sans kit", status=PENDING),
    }


def signed_in(client, user):
    client.force_login(user)
    return client


def edit_data(story, **overrides):
    return {
        "title": story.title,
        "story": story.story,
        "photo_alt_text": "",
        "display_name": story.display_name,
        "association": "",
        "association_other": "",
        "kit": story.kit_id or "",
        "action_date": story.action_date.isoformat(),
        "postcode": story.postcode,
        "participants": "10",
        **overrides,
    }


def test_their_inbox_and_dashboard_count_show_only_their_pending_stories(client, space):
    signed_in(client, space["a_staff"])
    html = client.get(INBOX).content.decode()
    assert "Témoignages en attente (1)" in html
    assert "Récit des Amis" in html
    assert "Récit de Bouge" not in html and "Récit sans kit" not in html
    # Only testimonials: they moderate nothing else.
    assert "Demandes d’adhésion" not in html and "Commentaires signalés" not in html
    dashboard = client.get("/admin/").content.decode()
    assert f'href="{INBOX}#testimonial-section">Témoignages en attente</a> : <strong>1</strong>' in dashboard
    assert f'href="{INBOX}"' in dashboard  # the menu item


def test_the_listing_shows_only_theirs_whatever_the_parameters(client, space):
    signed_in(client, space["a_staff"])
    html = client.get(LIST_URL).content.decode()
    assert "Récit des Amis" in html and "Souvenir des Amis" in html
    assert "Bouge" not in html and "Récit sans kit" not in html  # B's kit is not even a filter choice
    for query in (
        "?q=Bouge",
        "?q=Récit",
        "?status=pending",
        f"?kit={space['b_kit'].pk}",
        "?territory=69",
        "?created_at_after=2000-01-01",
        f"?status=pending&kit={space['b_kit'].pk}&q=Bouge",
        "?ordering=title",
    ):
        response = client.get(LIST_URL + query)
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "Récit de Bouge" not in html and "Souvenir de Bouge" not in html, query
        assert "Course de Bouge" not in html and "Récit sans kit" not in html, query
    assert "Récit des Amis" in client.get(LIST_URL + "?q=Amis&status=pending").content.decode()
    export = client.get(LIST_URL + "?export=csv")
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Récit des Amis" in content and "Bouge" not in content


def test_the_network_moderators_keep_every_story(client, space):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    staff.grant(moderator, space["a"])  # also staff of A: rights add up, nothing is narrowed
    signed_in(client, moderator)
    html = client.get(LIST_URL + "?status=pending").content.decode()
    assert "Récit des Amis" in html and "Récit de Bouge" in html and "Récit sans kit" in html
    assert "Témoignages en attente (3)" in client.get(INBOX).content.decode()
    assert client.get(f"{LIST_URL}edit/{space['b_pending'].pk}/").status_code == 200
    html = client.get(LIST_URL).content.decode()
    assert "Course de Bouge" in html


def test_their_stories_open_and_save(client, space):
    signed_in(client, space["a_staff"])
    story = space["a_pending"]
    edit_url = f"{LIST_URL}edit/{story.pk}/"
    assert client.get(edit_url).status_code == 200
    assert client.get(f"{LIST_URL}history/{story.pk}/").status_code == 200
    response = client.post(edit_url, edit_data(story, title="Récit des Amis, corrigé"))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "Récit des Amis, corrigé" and story.status == PENDING


def test_every_view_of_another_associations_story_is_refused(client, space):
    signed_in(client, space["a_staff"])
    story = space["b_pending"]
    for url in (
        f"{LIST_URL}edit/{story.pk}/",
        f"{LIST_URL}history/{story.pk}/",
        f"{LIST_URL}usage/{story.pk}/",
        f"{LIST_URL}delete/{story.pk}/",
        f"{LIST_URL}copy/{story.pk}/",
        f"{LIST_URL}inspect/{story.pk}/",
        f"{LIST_URL}preview/{story.pk}/",
        f"{LIST_URL}edit/{space['orphan'].pk}/",
    ):
        response = client.get(url)
        assert refused(response) or response.status_code in (403, 404), (url, response.status_code)
        assert "Récit de Bouge" not in response.content.decode(), url
    edit = client.post(f"{LIST_URL}edit/{story.pk}/", edit_data(story, title="Piraté"))
    preview = client.post(f"{LIST_URL}preview/{story.pk}/", edit_data(story, title="Piraté"))
    delete = client.post(f"{LIST_URL}delete/{story.pk}/")
    for response in (edit, preview, delete):
        assert refused(response) or response.status_code in (403, 404), response.status_code
    story.refresh_from_db()
    assert story.title == "Récit de Bouge"


def test_a_crafted_kit_cannot_hand_their_story_to_another_association(client, space):
    signed_in(client, space["a_staff"])
    story = space["a_pending"]
    response = client.post(f"{LIST_URL}edit/{story.pk}/", edit_data(story, kit=space["b_kit"].pk))
    assert response.status_code == 200
    assert "Choisissez l’un des kits de vos associations." in response.content.decode()
    response = client.post(f"{LIST_URL}edit/{story.pk}/", edit_data(story, kit=""))
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.kit == space["a_kit"]


def test_bulk_actions_refuse_another_associations_story(client, space, django_capture_on_commit_callbacks):
    signed_in(client, space["a_staff"])
    mine, theirs = space["a_pending"], space["b_pending"]
    confirm = client.get(bulk_url("approve", mine, theirs)).content.decode()
    assert "Récit des Amis" in confirm
    assert "Récit de Bouge" not in confirm  # not even named as one they may not moderate
    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("approve", mine, theirs))
        client.post(bulk_url("reject", theirs, space["orphan"]), {"reason": "Hors sujet."})
    mine.refresh_from_db()
    assert mine.status == Story.Status.APPROVED and mine.moderated_by == space["a_staff"]
    statuses = dict(Story.objects.values_list("title", "status"))
    assert statuses["Récit de Bouge"] == PENDING and statuses["Récit sans kit"] == PENDING
    # "All" (the listing's select-all) reaches only theirs.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/bulk/community/testimonial/reject/?id=all", {"reason": "Hors sujet."})
    statuses = dict(Story.objects.values_list("title", "status"))
    assert statuses["Souvenir des Amis"] == statuses["Récit des Amis"] == Story.Status.REJECTED
    assert statuses["Souvenir de Bouge"] == Story.Status.APPROVED
    assert statuses["Récit de Bouge"] == statuses["Récit sans kit"] == PENDING


def test_the_private_photo_of_another_associations_story_is_not_found(client, space):
    photos = []
    for story in (space["a_pending"], space["b_pending"]):
        story.photo.save("x.jpg", ContentFile(image_bytes()), save=True)
        photos.append(story.photo)
    try:
        signed_in(client, space["a_staff"])
        mine, theirs = (photo.url for photo in photos)
        assert mine.startswith("/admin/testimonial-photos/")
        assert client.get(mine).status_code == 200
        assert client.get(theirs).status_code == 404
    finally:
        for photo in photos:
            photo.delete(save=False)


def _many(space, make_kit, associations):
    """`associations` more associations of A's staff, each with a kit and three pending stories."""
    for n in range(associations):
        association = AssociationFactory(name=f"Association {n}", slug=f"association-{n}")
        staff.grant(space["a_staff"], association)
        kit = make_kit(f"Kit numéro {n}", association=association)
        for m in range(3):
            make_testimonial(title=f"Récit {n}-{m}", kit=kit, status=PENDING)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_count_is_constant_whatever_the_number_of_associations_and_stories(client, space, make_kit):
    signed_in(client, space["a_staff"])
    urls = (INBOX, "/admin/", LIST_URL, LIST_URL + "?status=pending&q=R")
    for url in urls:
        client.get(url)  # warm the caches
    few = {url: _queries(client, url) for url in urls}
    _many(space, make_kit, 4)
    client.get(INBOX)  # granting staff changed rights: the user is read again once (core.cached_users)
    many = {url: _queries(client, url) for url in urls}
    assert many == few
    assert "Récit 3-2" in client.get(INBOX).content.decode()
