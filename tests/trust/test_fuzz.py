# ruff: noqa: F811  (fixtures imported from the kits and events suites)
"""No input gives a 500 (property-based, Hypothesis): hostile values for every GET parameter
of every public page — search, filters, pagination, the language switcher's pages — and for
every field of the public forms. NUL and other control characters, encoded lone surrogates
and invalid UTF-8, 100 kB strings, emoji and RTL marks, repeated and missing parameters,
numbers out of range, dates at the edge of the calendar. Never a 5xx; a refused form value
is a message next to its field. `make test` runs a fixed budget (FUZZ_EXAMPLES, default 15
per test); `make fuzz` a larger one."""

import os
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.test import Client

from events.models import EventPage
from tests.community.testimonial_helpers import SHARE_URL, valid_post
from tests.events.conftest import event_index, make_event  # noqa: F401  (fixtures)
from tests.kits.conftest import kit_index, make_kit  # noqa: F401  (fixtures)
from tests.trust.test_abuse import declaration_data

pytestmark = pytest.mark.django_db

BUDGET = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "15")),
    deadline=None,  # a busy machine is slow, not wrong
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",  # the same examples on every `make test`
    database=None,
)

EDGE_TEXT = [
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\u202eevil\u202c",
    "\u200f\u200e\u2066",
    "🏃‍♀️👩🏽‍🦱🇫🇷",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00%s%n{{7*7}}",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2024-02-30",
    "-1",
    "0",
    str(2**63),
    str(-(2**63) - 1),
    "1e309",
    "NaN",
    "99999999999999999999999999",
    " ",
    "",
]
RAW_BYTES = ["%ED%A0%80", "%FF%FE", "%C0%80", "%E2%82", "%F4%90%80%80"]  # surrogate, invalid UTF-8

text_values = st.one_of(
    st.sampled_from(EDGE_TEXT),
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.builds(
        lambda char, count: char * count, st.sampled_from(["x", "é", "\x00", "🏃"]), st.sampled_from([1000, 100_000])
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
)


def encode(value):
    return quote(value, safe="")


query_values = st.one_of(text_values.map(encode), st.sampled_from(RAW_BYTES))

PAGES = {
    "/recherche/": ["q", "type", "theme", "audience", "page"],
    "/en/recherche/": ["q", "type", "theme", "audience", "page"],
    "/recherche/suggestions/": ["q"],
    "/kits/": ["theme", "audience", "format", "duration", "difficulty", "school", "page"],
    "/en/kits/": ["theme", "audience", "format", "duration", "difficulty", "school", "page"],
    "/associations/": ["theme", "departement", "page"],
    "/actions-locales/": ["kit", "theme", "departement", "year", "page"],
    "/ressources/": ["category", "page"],
    "/evenements/": ["format", "page"],
    "/actions-locales/partager/": ["declaration"],
    "/": ["page", "q"],
    "/en/": ["page"],
}


@st.composite
def query_strings(draw, names):
    """Known names (some missing, some repeated) plus a stray one, with hostile values."""
    pairs = []
    for name in draw(st.lists(st.sampled_from(names + ["x\x00", "page[]", "%ED%A0%80"]), max_size=6)):
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            pairs.append(f"{encode(name) if '%' not in name else name}={draw(query_values)}")
    return "&".join(pairs)


@BUDGET
@given(path=st.sampled_from(sorted(PAGES)), data=st.data())
def test_no_get_parameter_gives_a_server_error(path, data):
    cache.clear()  # rate limits: this is one visitor sending many requests on purpose
    query = data.draw(query_strings(PAGES[path]))
    response = Client().get(path, QUERY_STRING=query)
    assert response.status_code < 500, f"{path}?{query[:300]}"


def assert_errors_next_to_fields(response):
    """A form shown again says what is wrong next to each refused field."""
    assert response.status_code < 500
    if response.status_code != 200 or not response.context or "form" not in response.context:
        return
    form = response.context["form"]
    html = response.content.decode()
    for name in form.errors:
        if name != "__all__" and name in form.fields and not form.fields[name].widget.is_hidden:
            assert f'id="{form[name].auto_id}_error"' in html, name


def hostile(data, fields):
    """Each field: kept valid, dropped, or replaced by a hostile value (repeated sometimes)."""
    post = {}
    for name, value in fields.items():
        choice = data.draw(st.sampled_from(["keep", "drop", "hostile", "hostile", "repeat"]))
        if choice == "keep":
            post[name] = value
        elif choice == "hostile":
            post[name] = data.draw(text_values)
        elif choice == "repeat":
            post[name] = [data.draw(text_values), data.draw(text_values)]
    return post


@BUDGET
@given(data=st.data())
def test_no_testimonial_form_value_gives_a_server_error(data):
    cache.clear()
    fields = valid_post(email="fuzz@example.org", photo_consent="on")
    response = Client().post(SHARE_URL, hostile(data, fields))
    assert_errors_next_to_fields(response)


@pytest.fixture
def kit_url(make_kit):
    kit = make_kit(title="Kit à secouer", slug="kit-a-secouer")
    return kit.url + "je-me-lance/"


@BUDGET
@given(data=st.data())
def test_no_declaration_form_value_gives_a_server_error(kit_url, data):
    cache.clear()
    response = Client().post(kit_url, hostile(data, declaration_data()))
    assert_errors_next_to_fields(response)


@pytest.fixture
def registration_url(make_event):
    event = make_event(title="Petit Déj à secouer", slug="petit-dej-a-secouer", open_to_guests=True, members_only=False)
    assert isinstance(event, EventPage)
    return event.url + "inscription/"


@BUDGET
@given(data=st.data())
def test_no_guest_registration_value_gives_a_server_error(registration_url, data):
    cache.clear()
    fields = {"kind": "guest", "name": "Sam", "email": "sam@example.org", "organisation": "", "consent": "on"}
    response = Client().post(registration_url, hostile(data, fields))
    assert_errors_next_to_fields(response)


@BUDGET
@given(path=st.sampled_from(["/compte/login/", "/compte/signup/", "/compte/password/reset/"]), data=st.data())
def test_no_account_form_value_gives_a_server_error(path, data):
    cache.clear()
    fields = {"login": "a@example.org", "email": "a@example.org", "password": "x", "password1": "Tres-long-mot-42"}
    response = Client().post(path, hostile(data, fields))
    assert response.status_code < 500
