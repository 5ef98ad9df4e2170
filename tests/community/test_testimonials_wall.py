"""The showcase: only approved testimonials, on the wall (filters, pagination, a constant
number of queries), on their own page, on the kit page, on the home page, per département
from the map; user text always escaped; personal data tools and retention."""

from datetime import date, timedelta

import pytest

from django.utils import timezone

from community.testimonials.models import Testimonial as Story
from core.personal_data import email_record_sources, retention_rules
from kits.models import KitPage
from tests.community.testimonial_helpers import WALL_URL, make_testimonial

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def no_testimonials():
    Story.objects.all().delete()


@pytest.fixture
def kit(waste_kit):
    return waste_kit


def test_empty_wall_says_so_and_invites_to_share(client):
    make_testimonial(title="Refusée", status=Story.Status.REJECTED)
    html = client.get(WALL_URL).content.decode()
    assert "empty-state" in html and "Aucune action locale racontée" in html
    assert 'href="/actions-locales/partager/"' in html
    assert "No local action has been told yet" in client.get("/en/local-actions/").content.decode()


def test_wall_shows_only_approved_testimonials(client):
    make_testimonial(title="Histoire publiée")
    pending = make_testimonial(title="Histoire en attente", status=Story.Status.PENDING)
    rejected = make_testimonial(title="Histoire refusée", status=Story.Status.REJECTED)
    html = client.get(WALL_URL).content.decode()
    assert "Histoire publiée" in html
    assert "Histoire en attente" not in html and "Histoire refusée" not in html
    assert "data-actions-map" in html  # the map stays on the wall
    for hidden in (pending, rejected):
        assert client.get(f"{WALL_URL}{hidden.pk}/").status_code == 404
    # Nor on the home page.
    home = client.get("/").content.decode()
    assert "Histoire publiée" in home and "Histoire refusée" not in home


def test_each_testimonial_has_its_own_page_in_both_languages(client, kit):
    testimonial = make_testimonial(title="Plage nettoyée", kit=kit, participants=44, postcode="29200")
    html = client.get(f"{WALL_URL}{testimonial.pk}/").content.decode()
    assert '<h1 lang="fr">Plage nettoyée</h1>' in html  # the story's own language
    assert "Finistère (29)" in html and "44" in html
    assert f'href="{kit.url}"' in html
    english = client.get(f"/en/local-actions/{testimonial.pk}/").content.decode()
    assert "Told by" in english and "Plage nettoyée" in english


def test_filters_by_kit_theme_departement_and_year(client, kit, race_kit):
    other_kit = race_kit
    this_year = timezone.localdate().year
    make_testimonial(title="Avec le kit déchets", kit=kit, postcode="29200", action_date=date(this_year, 1, 2))
    make_testimonial(title="Avec la course", kit=other_kit, postcode="69003", action_date=date(this_year - 1, 5, 5))

    def titles(query):
        html = client.get(WALL_URL + query).content.decode()
        return {title for title in ("Avec le kit déchets", "Avec la course") if f">{title}</a>" in html}

    assert titles("") == {"Avec le kit déchets", "Avec la course"}
    assert titles(f"?kit={kit.pk}") == {"Avec le kit déchets"}
    assert titles("?departement=69") == {"Avec la course"}
    assert titles(f"?year={this_year - 1}") == {"Avec la course"}
    assert titles("?theme=environnement") == {"Avec le kit déchets"}
    assert titles("?theme=sport") == {"Avec la course"}
    assert titles(f"?theme=sport&year={this_year}") == set()
    # Unknown values are ignored rather than failing.
    assert client.get(WALL_URL + "?kit=abc&year=x&departement=<b>").status_code == 200


def test_the_map_links_to_the_departement_filter(client):
    make_testimonial(title="À Lyon", postcode="69003")
    html = client.get(WALL_URL).content.decode()
    assert 'href="/actions-locales/?departement=69"' in html
    filtered = client.get(WALL_URL + "?departement=69").content.decode()
    assert "À Lyon" in filtered and "data-selected-departement" in filtered


def test_wall_query_count_is_constant_with_60_testimonials(client, django_assert_max_num_queries, kit):
    for index in range(60):
        make_testimonial(kit=kit if index % 2 else None, postcode=("69003", "29200", "97133")[index % 3])
    client.get(WALL_URL)  # warm the site root cache
    with django_assert_max_num_queries(30) as captured:
        response = client.get(WALL_URL)
    assert response.status_code == 200
    first = len(captured)
    with django_assert_max_num_queries(first):
        assert client.get(WALL_URL + "?page=3").status_code == 200
    html = response.content.decode()
    assert html.count("data-testimonial=") == 12
    assert 'rel="next"' in html


def test_kit_page_shows_they_did_it_with_its_testimonials_only(client, kit, race_kit):
    make_testimonial(title="Sur la plage", kit=kit)
    make_testimonial(title="Autre kit", kit=race_kit)
    make_testimonial(title="Refusée", kit=kit, status=Story.Status.REJECTED)
    html = client.get(kit.url).content.decode()
    assert "Ils l’ont fait" in html
    assert "Sur la plage" in html and "Autre kit" not in html and "Refusée" not in html
    assert f'href="/actions-locales/partager/?kit={kit.pk}"' in html  # the story form pre-selects this kit


def test_home_page_shows_the_three_latest(client):
    now = timezone.now()
    for index in range(5):
        make_testimonial(title=f"Récit numéro {index}", moderated_at=now - timedelta(days=10 - index))
    html = client.get("/").content.decode()
    assert [f"Récit numéro {i}" in html for i in range(5)] == [False, False, True, True, True]


def test_xss_payloads_render_inert_everywhere_on_the_site(client, kit):
    testimonial = make_testimonial(
        title=XSS, display_name=XSS, story=XSS, association_other=XSS, photo_alt_text=XSS, kit=kit
    )
    for url in (WALL_URL, f"{WALL_URL}{testimonial.pk}/", kit.url, "/"):
        html = client.get(url).content.decode()
        assert XSS not in html, url
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html, url


def test_personal_data_tools_find_and_erase_by_email():
    find, erase = email_record_sources()["testimonials"]
    published = make_testimonial(email="temoin@example.org")
    make_testimonial(email="Temoin@example.org", status=Story.Status.PENDING)
    assert len(find("temoin@example.org")) == 2
    assert erase("temoin@example.org") == 2
    published.refresh_from_db()
    assert published.email == "" and published.display_name == "—"
    assert Story.objects.filter(email__iexact="temoin@example.org").count() == 0
    assert Story.objects.count() == 1


def test_retention_deletes_old_pending_and_rejected_only():
    purge = retention_rules()["testimonials"]
    old = timezone.now() - timedelta(days=200)
    make_testimonial(status=Story.Status.PENDING, created_at=old)
    make_testimonial(status=Story.Status.REJECTED, created_at=old)
    make_testimonial(status=Story.Status.APPROVED, created_at=old)
    make_testimonial(status=Story.Status.PENDING)
    assert purge(timezone.now(), dry_run=True) == 2
    assert Story.objects.count() == 4
    assert purge(timezone.now()) == 2
    assert sorted(Story.objects.values_list("status", flat=True)) == ["approved", "pending"]


def test_deleting_a_testimonial_deletes_its_photo_file(django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from tests.community.testimonial_helpers import image_bytes

    testimonial = make_testimonial(status=Story.Status.REJECTED)
    testimonial.photo.save("x.jpg", ContentFile(image_bytes()), save=True)
    storage, name = testimonial.photo.storage, testimonial.photo.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        testimonial.delete()
    assert not storage.exists(name)


def test_english_pages_show_the_english_kit(client, race_kit):
    kit = race_kit
    english_kit = KitPage.objects.get(translation_key=kit.translation_key, locale__language_code="en")
    testimonial = make_testimonial(title="Run in the sun", kit=kit)
    wall = client.get("/en/local-actions/").content.decode()
    assert f"Kit: {english_kit.title}" in wall
    assert f'href="/en/local-actions/{testimonial.pk}/"' in wall
    page = client.get(f"/en/local-actions/{testimonial.pk}/").content.decode()
    assert f'href="{english_kit.url}"' in page and english_kit.url.startswith("/en/")
    # And the English kit page shows it too (testimonials attach to the source kit).
    assert "Run in the sun" in client.get(english_kit.url).content.decode()
