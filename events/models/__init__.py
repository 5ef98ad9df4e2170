"""Peer sessions: the event pages and the registrations attached to them."""

from events.models.pages import EventFormat, EventIndexPage, EventPage, EventPageQuerySet
from events.models.registrations import Registration, RegistrationQuerySet
from events.models.topics import TopicProposal, TopicQuerySet, TopicVote

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
