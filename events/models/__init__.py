"""Peer sessions: the event pages and the registrations attached to them."""

from .pages import EventFormat, EventIndexPage, EventPage, EventPageQuerySet
from .registrations import Registration, RegistrationQuerySet
from .topics import TopicProposal, TopicQuerySet, TopicVote

__all__ = [
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "TopicProposal",
    "TopicQuerySet",
    "TopicVote",
]
