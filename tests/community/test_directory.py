"""/associations/: filters by theme and département, one page per association with its
kits and sessions, and query counts that do not grow with the rows."""

import pytest

from community.associations.factories import AssociationFactory
from community.associations.models import AssociationIndexPage
from community.testimonials.models import Testimonial as Story
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventIndexPage
from kits.factories import KitPageFactory
from kits.models import KitIndexPage, Theme
from tests.community.testimonial_helpers import make_testimonial

pytestmark = pytest.mark.django_db


def make_associations(count, prefix="Asso test", **kwargs):
    return [AssociationFactory(name=f"{prefix} {n:02d}", **kwargs) for n in range(count)]


def theme(slug):
    return Theme.objects.get(slug=slug, locale__language_code="fr")


@pytest.fixture
def directory():
    """Three associations: two for sport (one in the Rhône and La Réunion), one for road safety."""
    courir = AssociationFactory(name="Courir Test", territories=["69", "75", "974"])
    courir.themes.set([theme("sport"), theme("solidarite")])
    souffle = AssociationFactory(name="Souffle Test", territories=["75"])
    souffle.themes.set([theme("sport")])
    route = AssociationFactory(name="Route Test", territories=["971"])
    route.themes.set([theme("securite-routiere")])
    return courir, souffle, route


def test_directory_lists_associations_with_their_page_links(client, directory):
    html = client.get("/associations/").content.decode()
    assert "Courir Test" in html
    assert 'href="/associations/courir-test/"' in html
    english = client.get("/en/associations/").content.decode()
    assert 'href="/en/associations/courir-test/"' in english


def test_filter_by_theme_and_departement(client, directory):
    sport = theme("sport")
    html = client.get("/associations/?theme=sport").content.decode()
    assert "Courir Test" in html and "Souffle Test" in html
    assert "Route Test" not in html
    html = client.get("/associations/?theme=sport&departement=69").content.decode()
    assert "Courir Test" in html and "Souffle Test" not in html
    # English theme slugs filter the same French rows (matched by translation key).
    english = client.get("/en/associations/?theme=sport").content.decode()
    assert "Courir Test" in english and "Route Test" not in english
    assert sport.associations.count() == 2


def test_overseas_departement_filter(client, directory):
    html = client.get("/associations/?departement=974").content.decode()
    assert "Courir Test" in html and "Route Test" not in html and "Souffle Test" not in html


def test_unknown_filter_values_are_ignored(client, directory):
    response = client.get("/associations/?theme=nope&departement=<script>")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Courir Test" in html and "Route Test" in html
    assert "<script>" not in html


def test_directory_query_count_does_not_grow(client, django_assert_max_num_queries):
    sport = Theme.objects.get(slug="sport", locale__language_code="fr")
    for association in make_associations(30, territories=["69"]):
        association.themes.set([sport])
    for association in make_associations(6, prefix="Asso ailleurs", territories=["75"]):
        association.themes.set([sport])
    with django_assert_max_num_queries(25):
        response = client.get("/associations/?departement=69")
    assert response.status_code == 200
    assert response.content.decode().count('class="card association-card"') == 24  # first page
    with django_assert_max_num_queries(30):  # 27 measured unfiltered with 6 more associations
        response = client.get("/associations/?page=2")
    assert response.content.decode().count('class="card association-card"') == 12  # 36 in all


def test_association_page_shows_kits_hosted_and_attended_sessions(client):
    association = AssociationFactory(name="Asso Page", description="Première ligne.\n\nDeuxième paragraphe <b>gras</b>")
    kit_index = KitIndexPage.objects.get(locale__language_code="fr")
    event_index = EventIndexPage.objects.get(locale__language_code="fr")
    kit = KitPageFactory(parent=kit_index, title="Kit de l'asso", association=association)
    hosted = EventPageFactory(parent=event_index, title="Session accueillie", past=True)
    hosted.host_associations.set([association])
    hosted.save_revision().publish()
    upcoming = EventPageFactory(parent=event_index, title="Session à venir")
    upcoming.host_associations.set([association])
    upcoming.save()
    attended = EventPageFactory(parent=event_index, title="Session suivie", past=True)
    RegistrationFactory(event=attended, association=association, attended=True, may_name_association=True)
    private = EventPageFactory(parent=event_index, title="Session discrète", past=True)
    RegistrationFactory(event=private, association=association, attended=True, may_name_association=False)
    response = client.get("/associations/asso-page/")
    html = response.content.decode()
    assert response.status_code == 200
    assert kit.title.replace("'", "&#x27;") in html
    assert "Session accueillie" in html and "Session suivie" in html
    assert "Session discrète" not in html  # no consent to be named
    assert html.index("Ses prochaines sessions") < html.index("Session à venir") < html.index("Session accueillie")
    assert "&lt;b&gt;gras&lt;/b&gt;" in html  # description escaped


def test_association_page_shows_its_approved_testimonials_only(client):
    association = AssociationFactory(name="Asso Témoins")
    make_testimonial(association=association, title="Notre course racontée")
    make_testimonial(association=association, title="Pas encore modéré", status=Story.Status.PENDING)
    make_testimonial(association=association, title="Écarté", status=Story.Status.REJECTED)
    make_testimonial(title="Une autre association")
    html = client.get("/associations/asso-temoins/").content.decode()
    assert "Notre course racontée" in html
    for title in ("Pas encore modéré", "Écarté", "Une autre association"):
        assert title not in html


def test_unknown_association_is_404(client):
    assert client.get("/associations/nobody-here/").status_code == 404


def test_association_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    association = AssociationFactory(name="Asso Nombreuse")
    kit_index = KitIndexPage.objects.get(locale__language_code="fr")
    event_index = EventIndexPage.objects.get(locale__language_code="fr")
    for n in range(30):
        KitPageFactory(parent=kit_index, title=f"Kit nombreux {n}", association=association)
    for n in range(5):
        event = EventPageFactory(parent=event_index, title=f"Session nombreuse {n}", past=True)
        RegistrationFactory(event=event, association=association, attended=True, may_name_association=True)
    for n in range(30):
        make_testimonial(association=association, title=f"Témoignage nombreux {n}")
    with django_assert_max_num_queries(35):
        response = client.get("/associations/asso-nombreuse/")
    html = response.content.decode()
    assert html.count("Kit nombreux") == 30
    assert html.count("Session nombreuse") == 5
    assert html.count("Témoignage nombreux") == 6  # the latest six, and the total


def test_directory_page_is_routable_in_both_languages():
    index = AssociationIndexPage.objects.get(locale__language_code="en")
    association = AssociationFactory(name="Asso Route")
    assert index.association_url(association) == "/en/associations/asso-route/"


def test_editor_fills_the_directory_fields_in_the_admin(admin_client):
    sport = Theme.objects.get(slug="sport", locale__language_code="fr")
    response = admin_client.post(
        "/admin/snippets/community/association/add/",
        {
            "name": "Asso Admin",
            "slug": "asso-admin",
            "website": "https://asso-admin.example.org",
            "short_description": "Courte.",
            "description": "Longue.",
            "member_since": "2024-03-01",
            "themes": [sport.pk],
            "territories": ["2A", "971"],
        },
    )
    assert response.status_code == 302
    from community.associations.models import Association

    association = Association.objects.get(slug="asso-admin")
    assert association.territories == ["2A", "971"]
    assert list(association.themes.all()) == [sport]
    assert association.get_territories_display() == ["Corse-du-Sud", "Guadeloupe"]
    assert association in Association.objects.in_territory("971")
    assert association not in Association.objects.in_territory("97")
