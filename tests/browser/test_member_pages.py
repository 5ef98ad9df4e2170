"""The page shared by members in the browser (decision 0033): two members see the same
cached event page with their own parts, and one registers with the CSRF token filled into it."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.browser.conftest import check_page


@pytest.fixture
def shared_pages(settings, committed):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def sign_in(context, user, site_url):
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}])


def test_two_members_share_the_event_page_and_register_from_it(phone, browser, site_url, shared_pages):
    from community.members.factories import MemberFactory
    from events.factories import EventPageFactory
    from events.models import EventIndexPage

    suffix = timezone.now().strftime("%H%M%S%f")
    first = MemberFactory(approved=True, user__first_name="Agathe", user__last_name="Partage").user
    second = MemberFactory(approved=True, user__first_name="Basile", user__last_name="Partage").user
    index = EventIndexPage.objects.get(locale__language_code="fr")
    event = EventPageFactory.build(
        title="Petit Déj partagé", slug=f"partage-{suffix}", start=timezone.now() + timedelta(days=20), capacity=1
    )
    index.add_child(instance=event)
    event.save_revision().publish()

    sign_in(phone.context, first, site_url)
    answer = phone.goto(event.url)
    assert answer.headers["x-member-cache"] == "MISS"
    expect(phone.get_by_text("Vous commentez en tant que Agathe Partage")).to_be_visible()

    other = browser.new_context(locale="fr-FR", base_url=site_url, viewport={"width": 390, "height": 844})
    sign_in(other, second, site_url)
    second_tab = other.new_page()
    answer = second_tab.goto(event.url)
    assert answer.headers["x-member-cache"] == "HIT"
    expect(second_tab.get_by_text("Vous commentez en tant que Basile Partage")).to_be_visible()
    expect(second_tab.get_by_text("Agathe")).to_have_count(0)
    check_page(second_tab, "member-shared-event-fr")
    second_tab.get_by_role("button", name="S'inscrire").click()
    expect(second_tab.get_by_text("Votre place est confirmée.").first).to_be_visible()
    expect(second_tab.get_by_text("Vous êtes inscrit·e : votre place est confirmée.")).to_be_visible()
    check_page(second_tab, "member-shared-event-registered-fr")
    other.close()

    phone.reload()
    expect(phone.get_by_text("Complet : les nouvelles inscriptions")).to_be_visible()
    expect(phone.get_by_role("button", name="Rejoindre la liste d'attente")).to_be_visible()
    expect(phone.get_by_text("Vous êtes inscrit·e")).to_have_count(0)
