"""Sessions come from the cache, written through to the database (core/sessions.py): a
signed-in page costs no session query, and while the cache is down sessions stay right —
a sign-out during the outage is not undone by a copy cached before it."""

import pytest

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from community.members.factories import MemberFactory
from core import page_cache, sessions

pytestmark = pytest.mark.django_db

# Queries of the signed-in home page of the test skeleton once warm: the session comes from
# the cache; the user, their profile, the page's content do not. Django's database
# sessions cost 24 (one more: the session).
SIGNED_IN_HOME_QUERIES = 23


def signed_in_client():
    client = Client()
    client.force_login(MemberFactory(approved=True).user)
    return client


def session_queries(queries):
    return [query["sql"] for query in queries.captured_queries if "django_session" in query["sql"]]


def test_a_signed_in_page_reads_no_session_from_the_database(django_assert_max_num_queries):
    client = signed_in_client()
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200 and ">Mon espace<" in response.content.decode()
    assert session_queries(queries) == []
    with django_assert_max_num_queries(SIGNED_IN_HOME_QUERIES):
        client.get("/")


def test_the_session_is_still_written_to_the_database():
    client = signed_in_client()
    assert Session.objects.filter(session_key=client.cookies["sessionid"].value).exists()


@pytest.fixture
def cache_down(monkeypatch):
    """What core.cache.cache_available() says while Redis does not answer."""
    state = {"down": False}

    def available():
        return not state["down"]

    monkeypatch.setattr(sessions, "cache_available", available)
    monkeypatch.setattr(page_cache, "cache_available", available)
    return state


def test_while_the_cache_is_down_sessions_come_from_the_database(cache_down):
    client = signed_in_client()
    client.get("/")
    cache_down["down"] = True
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert ">Mon espace<" in response.content.decode()
    assert session_queries(queries)  # read from the database, not from a per-process copy


def test_a_sign_out_during_an_outage_is_not_undone_when_the_cache_is_back(cache_down):
    client = signed_in_client()
    cookie = client.cookies["sessionid"].value
    assert ">Mon espace<" in client.get("/").content.decode()  # cached in the shared cache
    cache_down["down"] = True
    client.post("/compte/logout/")  # deleted from the database only
    assert not Session.objects.filter(session_key=cookie).exists()
    cache_down["down"] = False
    stale = Client()
    stale.cookies["sessionid"] = cookie  # the old cookie, kept by a thief or a second tab
    html = stale.get("/").content.decode()
    assert ">Mon espace<" not in html and ">Se connecter<" in html
