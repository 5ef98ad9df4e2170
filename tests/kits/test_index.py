"""The kit index: filters as GET parameters (alone and combined, in both languages),
bad input ignored, pagination, empty state, and a query count that does not grow."""

import re
from html import unescape

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kits.choices import Audience, Difficulty, Format
from kits.models import KitPage

pytestmark = pytest.mark.django_db

A = Audience
# title, themes, audiences, format, duration (minutes), difficulty, school, English title
CATALOGUE = [
    (
        "Course de l'école",
        ["solidarite", "sport"],
        [A.PUPILS, A.FAMILIES],
        Format.SPORTS_EVENT,
        180,
        Difficulty.DEMANDING,
        True,
        "School run",
    ),
    (
        "Collecte d'hygiène",
        ["solidarite", "sante"],
        [A.GENERAL_PUBLIC, A.COMPANIES, A.YOUNG_PEOPLE],
        Format.COLLECTION,
        480,
        Difficulty.EASY,
        False,
        "Hygiene collection",
    ),
    (
        "Stand de sécurité routière",
        ["securite-routiere"],
        [A.SENIORS, A.GENERAL_PUBLIC, A.YOUNG_PEOPLE],
        Format.AWARENESS_STAND,
        240,
        Difficulty.MEDIUM,
        False,
        "Road-safety stand",
    ),
    (
        "Ramassage de déchets",
        ["environnement"],
        [A.FAMILIES, A.COMPANIES, A.GENERAL_PUBLIC, A.DISABILITIES],
        Format.COLLECTION,
        150,
        Difficulty.EASY,
        False,
        None,
    ),
    (
        "Petit-déjeuner partagé",
        ["sante", "solidarite"],
        [A.COMPANIES, A.FAMILIES],
        Format.FUNDRAISING,
        120,
        Difficulty.MEDIUM,
        False,
        None,
    ),
    (
        "Atelier des premiers secours",
        ["sante"],
        [A.FAMILIES, A.PUPILS],
        Format.WORKSHOP,
        90,
        Difficulty.MEDIUM,
        False,
        None,
    ),
    (
        "Défi en ligne",
        ["sport", "solidarite"],
        [A.COMPANIES, A.YOUNG_PEOPLE],
        Format.ONLINE,
        600,
        Difficulty.EASY,
        False,
        None,
    ),
    ("Affiches du quartier", ["securite-routiere"], [], Format.AWARENESS_STAND, 60, Difficulty.EASY, False, None),
]


@pytest.fixture
def catalogue(make_kit, themes):
    """Eight live French kits that differ on every filter; three of them translated into English."""
    kits = {}
    for title, slugs, audiences, kit_format, duration, difficulty, school, english in CATALOGUE:
        kits[title] = make_kit(
            title=title,
            materials=0,
            publish=False,  # live from creation
            themes=[themes[slug] for slug in slugs],
            audiences=audiences,
            format=kit_format,
            action_duration=duration,
            difficulty=difficulty,
            school_setting=school,
            english={title: english} if english else None,
        )
    return kits


def titles(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">(.*?)</a></h3>', html), html


def live_titles(language="fr"):
    return set(KitPage.objects.live().filter(locale__language_code=language).values_list("title", flat=True))


def test_index_lists_every_live_french_kit_with_a_count(client, catalogue):
    found, html = titles(client, "/kits/")
    assert set(found) == live_titles()
    assert len(found) == 8
    assert f"{len(found)} kits" in html


def test_drafts_are_not_listed(client, make_kit):
    make_kit(title="Kit brouillon", publish=False, live=False)
    found, _html = titles(client, "/kits/")
    assert "Kit brouillon" not in found


def test_filter_by_theme(client, catalogue):
    found, _ = titles(client, "/kits/?theme=environnement")
    assert found == ["Ramassage de déchets"]


def test_filter_by_audience(client, catalogue):
    found, _ = titles(client, "/kits/?audience=seniors")
    assert found == ["Stand de sécurité routière"]
    found, _ = titles(client, "/kits/?audience=pupils")
    assert set(found) == {"Course de l'école", "Atelier des premiers secours"}


def test_filter_by_format(client, catalogue):
    found, _ = titles(client, f"/kits/?format={Format.COLLECTION}")
    assert set(found) == {"Collecte d'hygiène", "Ramassage de déchets"}


def test_filter_by_duration_band(client, catalogue):
    found, _ = titles(client, "/kits/?duration=short")  # ≤ 2 h
    assert set(found) == {
        "Petit-déjeuner partagé",
        "Atelier des premiers secours",
        "Affiches du quartier",
    }
    found, _ = titles(client, "/kits/?duration=long")  # > 8 h
    assert found == ["Défi en ligne"]
    found, _ = titles(client, "/kits/?duration=day")  # 4 h < d ≤ 8 h
    assert found == ["Collecte d'hygiène"]


def test_filter_by_difficulty(client, catalogue):
    found, _ = titles(client, f"/kits/?difficulty={Difficulty.DEMANDING}")
    assert found == ["Course de l'école"]


def test_filter_by_school_setting(client, catalogue):
    found, _ = titles(client, "/kits/?school=yes")
    assert found == ["Course de l'école"]
    found, _ = titles(client, "/kits/?school=no")
    assert "Course de l'école" not in found and len(found) == len(live_titles()) - 1


def test_filters_combine(client, catalogue):
    found, _ = titles(client, "/kits/?theme=solidarite&audience=companies")
    assert set(found) == {"Collecte d'hygiène", "Petit-déjeuner partagé", "Défi en ligne"}
    found, _ = titles(client, "/kits/?theme=solidarite&audience=companies&format=online&difficulty=easy")
    assert found == ["Défi en ligne"]
    found, _ = titles(client, "/kits/?theme=sante&duration=short&school=no")
    assert set(found) == {"Petit-déjeuner partagé", "Atelier des premiers secours"}


def test_theme_listed_once_per_kit_even_with_several_matching_rows(client, catalogue):
    found, _ = titles(client, "/kits/?theme=solidarite")
    assert len(found) == len(set(found)) == 4


def test_selected_filters_stay_selected_in_the_form(client, catalogue):
    _found, html = titles(client, "/kits/?audience=families&school=no")
    assert '<option value="families" selected>' in html
    assert '<option value="no" selected>' in html
    assert '<label for="filter-audience">Public</label>' in html


def test_unknown_filter_values_are_ignored(client, catalogue):
    everything, _ = titles(client, "/kits/")
    for query in ("theme=nope", "audience=martians", "format=<script>", "duration=forever", "school=maybe", "foo=bar"):
        found, html = titles(client, f"/kits/?{query}")
        assert found == everything, query
        assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0] or query != "format=<script>"


def test_empty_result_suggests_removing_each_filter(client, catalogue):
    found, html = titles(client, "/kits/?theme=environnement&school=yes")
    assert found == []
    assert "Aucun kit ne correspond à tous ces filtres" in html
    assert 'href="?school=yes">Retirer « Thème : Environnement »' in html
    assert 'href="?theme=environnement">Retirer « Milieu scolaire : En milieu scolaire uniquement »' in html


def test_english_index_lists_only_translated_kits_and_filters_by_english_theme_slug(client, catalogue):
    found, html = titles(client, "/en/kits/")
    assert set(found) == live_titles("en")
    assert "School run" in found and "Ramassage de déchets" not in found
    assert '<option value="road-safety">Road safety</option>' in html
    found, _ = titles(client, "/en/kits/?theme=solidarity")
    assert set(found) == {"School run", "Hygiene collection"}
    found, _ = titles(client, "/en/kits/?theme=road-safety&audience=seniors")
    assert found == ["Road-safety stand"]
    found, html = titles(client, "/en/kits/?theme=sport&audience=seniors")
    assert found == [] and "No kit matches all these filters" in html


def test_english_cards_show_english_theme_names(client, catalogue):
    _found, html = titles(client, "/en/kits/?theme=health")
    card = html.split("Hygiene collection", 1)[1].split("</article>", 1)[0]
    assert "Health" in card and "Santé" not in card


@pytest.fixture
def many_kits(kit_index, themes, make_kit):
    from wagtail_factories import ImageFactory

    image = ImageFactory()
    created = []

    def create(count):
        for n in range(len(created), len(created) + count):
            created.append(n)
            kit = make_kit(
                title=f"Kit en série {n:02d}",
                materials=0,
                publish=False,  # live from creation; a revision per kit would only slow the test
                hero_image=image,
                themes=[themes["sport"], themes["sante"]],
                audiences=[Audience.FAMILIES, Audience.SENIORS],
            )
            assert kit.live

    return create


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), unescape(response.content.decode())


def test_query_count_is_the_same_for_10_and_40_kits(client, many_kits, django_assert_max_num_queries):
    path = "/kits/?audience=seniors&theme=sport"
    many_kits(10)
    client.get(path)  # renditions are generated on the first visit
    with_10, html = count_queries(client, path)
    assert "10 kits" in html
    many_kits(30)
    client.get(path + "&page=2")
    client.get(path + "&page=3")
    with_40, html = count_queries(client, path)
    assert "40 kits" in html and html.count('class="card kit-card"') == 12
    assert with_40 == with_10
    with django_assert_max_num_queries(with_10):
        client.get(path + "&page=4")
    print(f"\n/kits/ queries: {with_10} with 10 kits, {with_40} with 40 kits")  # noqa: T201


def test_pagination_12_per_page_keeps_filters_and_page_999_shows_the_last(client, many_kits):
    many_kits(26)  # 12 + 12 + 2
    path = "/kits/?audience=families"
    found, html = titles(client, path)
    assert len(found) == 12
    assert 'href="?audience=families&amp;page=2"' in client.get(path).content.decode()
    page_3, _ = titles(client, path + "&page=3")
    last, html = titles(client, path + "&page=999")
    assert last == page_3 and 0 < len(last) <= 12
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>3</span>' in html
    first, _ = titles(client, path + "&page=abc")
    assert first == found
