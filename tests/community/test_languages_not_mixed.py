"""The English site does not mix languages unmarked: a story is shown in its own language
with `lang` set, stories in the visitor's language first (wall, kit page, home page); an
association's English description on the English site, its French one marked `lang="fr"`
while no English is written."""

import re
from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import Locale

from community.associations.factories import AssociationFactory
from community.testimonials.models import Testimonial as Story
from tests.community.testimonial_helpers import WALL_URL, make_testimonial

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_testimonials():
    Story.objects.all().delete()


@pytest.fixture
def stories(waste_kit):
    today = timezone.localdate()
    french = make_testimonial(
        title="Ramassage au bord du canal",
        story="Nous étions douze.",
        language="fr",
        kit=waste_kit,
        action_date=today - timedelta(days=1),
    )
    english = make_testimonial(
        title="Litter pick by the canal",
        story="We were twelve.",
        language="en",
        kit=waste_kit,
        action_date=today - timedelta(days=30),
    )
    return french, english


def titles_in_order(html, *titles):
    return sorted(titles, key=html.index)


def card_of(html, title):
    """The opening tag of the card title holding `title`."""
    return re.search(r"<h3[^>]*>\s*<a[^>]*>" + re.escape(title), html).group(0)


def test_the_wall_shows_the_visitors_language_first_each_story_marked(client, stories):
    english_wall = client.get("/en/local-actions/").content.decode()
    # The English story is older, yet it comes first on the English wall.
    assert titles_in_order(english_wall, "Ramassage au bord du canal", "Litter pick by the canal") == [
        "Litter pick by the canal",
        "Ramassage au bord du canal",
    ]
    assert 'lang="fr"' in card_of(english_wall, "Ramassage au bord du canal")
    assert 'lang="en"' in card_of(english_wall, "Litter pick by the canal")
    assert '<p lang="fr">Nous étions douze.</p>' in english_wall
    assert "Told in French" in english_wall

    french_wall = client.get(WALL_URL).content.decode()
    assert titles_in_order(french_wall, "Ramassage au bord du canal", "Litter pick by the canal")[0] == (
        "Ramassage au bord du canal"
    )
    assert 'lang="en"' in card_of(french_wall, "Litter pick by the canal")
    assert "Racontée en anglais" in french_wall


def test_a_storys_own_page_is_marked_with_its_language(client, stories):
    french, _english = stories
    html = client.get(f"/en/local-actions/{french.pk}/").content.decode()
    assert '<h1 lang="fr">Ramassage au bord du canal</h1>' in html
    assert 'class="prose testimonial__story" lang="fr"' in html


def test_the_kit_page_shows_the_visitors_language_first(client, stories, waste_kit):
    english_kit = waste_kit.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english_kit.url).content.decode()
    assert titles_in_order(html, "Ramassage au bord du canal", "Litter pick by the canal")[0] == (
        "Litter pick by the canal"
    )
    assert 'lang="fr"' in card_of(html, "Ramassage au bord du canal")
    french_html = client.get(waste_kit.url).content.decode()
    assert titles_in_order(french_html, "Ramassage au bord du canal", "Litter pick by the canal")[0] == (
        "Ramassage au bord du canal"
    )


def test_the_wall_keeps_a_constant_number_of_queries(client, stories, django_assert_max_num_queries, waste_kit):
    client.get("/en/local-actions/")
    for number in range(8):
        make_testimonial(title=f"Story {number}", language="en" if number % 2 else "fr", kit=waste_kit)
    with django_assert_max_num_queries(30):
        client.get("/en/local-actions/")


def test_associations_in_english_on_the_english_site(client):
    AssociationFactory(
        name="Vélo Pour Tous",
        slug="velo-pour-tous",
        short_description="Des ateliers de réparation de vélos pour tous.",
        short_description_en="Bike repair workshops for everyone.",
        description="Nos bénévoles réparent les vélos des habitants.",
        description_en="Our volunteers fix local people's bikes.",
    )
    AssociationFactory(
        name="Jardins Partagés",
        slug="jardins-partages",
        short_description="Des jardins partagés dans les quartiers.",
    )
    directory = client.get("/en/associations/").content.decode()
    assert '<p lang="en">Bike repair workshops for everyone.</p>' in directory
    assert "Des ateliers de réparation" not in directory
    assert '<p lang="fr">Des jardins partagés dans les quartiers.</p>' in directory  # no English yet: marked

    page = client.get("/en/associations/velo-pour-tous/").content.decode()
    assert 'lang="en"' in page and "Our volunteers fix local people&#x27;s bikes." in page
    assert "Nos bénévoles" not in page
    french = client.get("/associations/velo-pour-tous/").content.decode()
    assert "Nos bénévoles réparent les vélos des habitants." in french and "Our volunteers" not in french
