"""Nothing a visitor may not see ever appears, in results or in suggestions: pages never
published, unpublished pages, private pages (view restrictions), the draft changes of a
live page, and pages of the other language."""

import pytest

from wagtail.models import PageViewRestriction

from tests.search.helpers import suggestion_titles, titles

pytestmark = pytest.mark.django_db


def found_anywhere(client, word):
    return titles(client, f"/recherche/?q={word}") + suggestion_titles(client, f"/recherche/suggestions/?q={word}")


def test_a_page_never_published_is_not_found(client, make_kit, make_event):
    make_kit("Kit quetzalcoatl", "quetzalcoatl", publish=False, live=False)
    make_event("Session quetzalcoatl", publish=False, live=False)
    assert found_anywhere(client, "quetzalcoatl") == []


def test_an_unpublished_page_disappears(client, make_kit):
    kit = make_kit("Kit tamarinier", "tamarinier")
    assert found_anywhere(client, "tamarinier") == ["Kit tamarinier", "Kit tamarinier"]
    kit.unpublish()
    assert found_anywhere(client, "tamarinier") == []


def test_a_private_page_is_not_found(client, make_kit, make_event):
    kit = make_kit("Kit cormoran", "cormoran")
    event = make_event("Session cormoran")
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert found_anywhere(client, "cormoran") == []


def test_a_page_under_a_private_parent_is_not_found(client, make_kit, kit_index):
    from kits.models import KitIndexPage

    private_index = KitIndexPage(title="Index privé", slug="index-prive", locale=kit_index.locale)
    kit_index.get_parent().add_child(instance=private_index)
    private_index.save_revision().publish()
    PageViewRestriction.objects.create(page=private_index, restriction_type=PageViewRestriction.LOGIN)
    make_kit("Kit pangolin", "pangolin", parent=private_index)
    assert found_anywhere(client, "pangolin") == []


def test_the_draft_changes_of_a_live_page_are_not_found(client, make_kit):
    kit = make_kit("Kit manchot", "manchot")
    kit.title = "Kit albatros"
    kit.summary = "albatros en brouillon"
    kit.save_revision()  # saved as a draft, not published
    assert found_anywhere(client, "albatros") == []
    assert found_anywhere(client, "manchot") == ["Kit manchot", "Kit manchot"]
    kit.get_latest_revision().publish()
    assert "Kit albatros" in titles(client, "/recherche/?q=albatros")


def test_suggestions_are_in_the_visitors_language(client, hygiene_kit):
    assert "Collecte de produits d'hygiène" in suggestion_titles(client, "/recherche/suggestions/?q=coll")
    english = suggestion_titles(client, "/en/recherche/suggestions/?q=hyg")
    assert "Hygiene product collection" in english
    assert "Collecte de produits d'hygiène" not in english
