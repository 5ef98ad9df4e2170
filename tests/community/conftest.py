import re

import pytest

from django.core import mail
from django.core.cache import cache

from community.members.factories import MemberFactory

PASSWORD = "Un-mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache: each test starts with clean counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return MemberFactory(user__password=PASSWORD)


@pytest.fixture
def approved_member(db):
    return MemberFactory(approved=True, user__password=PASSWORD)


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def last_mail_to(address):
    sent = [message for message in mail.outbox if address in message.to]
    assert sent, f"no e-mail to {address}"
    return sent[-1]
