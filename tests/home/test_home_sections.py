"""The home page shows the network alive: the kits editors put forward (completed by the
latest), the next sessions with their seats left, the impact, the associations; in a number
of queries that does not grow with them."""

import re
from datetime import timedelta
from html import unescape

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.associations.factories import AssociationFactory
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventIndexPage
from home.models import HomeFeaturedKit, HomePage
from kits.factories import ActionDeclarationFactory, KitPageFactory
from kits.models import KitIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def make_kits():
    index = KitIndexPage.objects.get(locale__language_code="fr")

    def make(count, start=0):
        kits = []
        for n in range(start, start + count):
            kit = KitPageFactory(parent=index, title=f"Kit numéro {n}")
            kit.save_revision().publish()
            # first_published_at orders "the latest": one day apart, the highest number last
            kit.__class__.objects.filter(pk=kit.pk).update(first_published_at=timezone.now() - timedelta(days=100 - n))
            kits.append(kit)
        return kits

    return make


def make_session(title, **fields):
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(title=title, **fields)
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def home_html(client):
    cache.clear()  # the anonymous page cache would answer without rendering
    return unescape(client.get("/").content.decode())


def kit_titles(html):
    section = html.split('id="home-kits-title"')[1].split("</section>")[0]
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section)


def feature(home, kits):
    for order, kit in enumerate(kits):
        HomeFeaturedKit.objects.create(home=home, page=kit, sort_order=order)


def test_without_a_choice_the_three_latest_kits(client, make_kits):
    make_kits(5)
    assert kit_titles(home_html(client)) == ["Kit numéro 4", "Kit numéro 3", "Kit numéro 2"]


def test_the_editors_choice_in_its_order_completed_by_the_latest(client, home, make_kits):
    kits = make_kits(5)
    feature(home, [kits[0], kits[2]])
    assert kit_titles(home_html(client)) == ["Kit numéro 0", "Kit numéro 2", "Kit numéro 4"]


def test_a_chosen_kit_taken_offline_is_left_out(client, home, make_kits):
    kits = make_kits(8)
    feature(home, kits[:4])
    kits[1].unpublish()
    assert kit_titles(home_html(client)) == ["Kit numéro 0", "Kit numéro 2", "Kit numéro 3"]


def test_at_most_six_chosen_kits(client, home, make_kits):
    kits = make_kits(7)
    feature(home, kits)
    assert len(kit_titles(home_html(client))) == 6


def test_next_sessions_say_where_and_how_many_seats_are_left(client):
    soon = timezone.now() + timedelta(days=10)
    online = make_session("Petit Déj en ligne", start=soon, end=soon + timedelta(hours=1), capacity=3)
    RegistrationFactory(event=online)
    full = make_session(
        "Petit Déj à Lyon",
        in_person=True,
        start=soon + timedelta(days=1),
        end=soon + timedelta(days=1, hours=1),
        capacity=1,
    )
    RegistrationFactory(event=full)
    make_session("Petit Déj passé", past=True)
    html = home_html(client)
    section = html.split('id="home-sessions-title"')[1].split("</section>")[0]
    assert section.index("Petit Déj en ligne") < section.index("Petit Déj à Lyon")
    assert "Petit Déj passé" not in section
    assert "2 places restantes" in section and "En ligne" in section
    assert "12 rue Neuve, Lyon" in section and "Complet : liste d'attente" in section
    assert 'href="/evenements/"' in section


def test_associations_link_to_their_page(client):
    AssociationFactory(name="Nature Propre", slug="nature-propre")
    AssociationFactory(name="Courir Ensemble", slug="courir-ensemble")
    html = home_html(client)
    section = html.split('id="home-associations-title"')[1].split("</section>")[0]
    assert section.index("Courir Ensemble") < section.index("Nature Propre")
    assert 'href="/associations/nature-propre/"' in section
    assert "Les 2 associations" in section


def test_english_home_shows_english_kits_only(client, make_kits):
    make_kits(2)
    html = unescape(client.get("/en/").content.decode())
    assert "Kit numéro" not in html  # not translated: no French kit on the English home page


def count_queries(client):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_kits_sessions_and_associations(client, home, make_kits):
    soon = timezone.now() + timedelta(days=5)
    feature(home, make_kits(3))  # chosen both times: the same branch of featured_kits
    make_session("Session 1", start=soon, end=soon + timedelta(hours=1))
    AssociationFactory(name="Association 1")
    client.get("/")  # renditions and locales on the first visit
    few = count_queries(client)

    HomeFeaturedKit.objects.all().delete()
    feature(home, make_kits(6, start=3))
    for n in range(2, 4):
        start = soon + timedelta(days=n)
        RegistrationFactory(event=make_session(f"Session {n}", start=start, end=start + timedelta(hours=1)))
    for n in range(2, 12):
        AssociationFactory(name=f"Association {n}")
    client.get("/")
    assert count_queries(client) == few


def test_impact_figures_with_a_small_map_leading_to_the_local_actions(client):
    ActionDeclarationFactory(postcode="69003", territory="69", expected_participants=40)
    html = home_html(client)
    section = html.split('id="impact-counters-title"')[1].split("</section>")[0]
    assert "<strong>1</strong> action déclarée" in section and "<strong>40</strong> personnes" in section
    assert 'href="/actions-locales/?departement=69" aria-label="Rhône (69) : 1 action"' in section
    assert 'href="/actions-locales/">Les actions locales, département par département</a>' in section
