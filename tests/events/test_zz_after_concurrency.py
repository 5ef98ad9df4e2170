"""Runs after test_concurrency.py (alphabetical order): the demo content is whole again."""

import pytest

pytestmark = pytest.mark.django_db


def test_demo_sessions_are_still_published(client):
    assert client.get("/evenements/petit-dej-mobiliser-benevoles-en-ligne/").status_code == 200
    assert client.get("/en/events/online-petit-dej-new-volunteers/").status_code == 200
