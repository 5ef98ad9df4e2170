"""E-mails to registrants, in their language, as HTML and plain text, with a calendar
file. Each kind is a subject and a few paragraphs; two shared templates lay them out."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core import unsubscribe
from core.emails import build_message, render_plain
from core.i18n import in_language_code
from events import calendar

# The e-mails that carry the person's calendar file while they hold a seat ("updated", a
# move, as METHOD:REQUEST; a cancellation carries its METHOD:CANCEL); the waiting list gets
# none (events/calendar.py).
UNSUBSCRIBE_KIND = "session-reminders"  # events.services.stop_reminders_for
SEAT_FILE_KINDS = {"confirmed", "promoted", "reminder", "updated", "moved"}
CANCEL_KINDS = {"cancelled", "cancelled_by_team"}  # a cancellation file when a seat was held


def localized_event(registration):
    """The event page in the registrant's language when it is published, else the source."""
    return in_language_code(registration.event, registration.language)


def cancellation_reason(page):
    """The editors' reason, in the page's language when its translation carries it."""
    source = page.source_event
    if page.cancelled and page.cancellation_reason.strip():
        return page.cancellation_reason.strip()
    return source.cancellation_reason.strip()


def event_when(event):
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    return _("%(date)s, %(start)s–%(end)s (Paris time)") % {
        "date": date_format(start, "l j F Y"),
        "start": date_format(start, "TIME_FORMAT"),
        "end": date_format(end, "TIME_FORMAT"),
    }


def link(page, route, registration):
    return calendar.page_url(page) + page.reverse_subpage(route, kwargs={"token": registration.token})


def compose(registration, kind, page):
    """(subject, paragraphs, actions) for one e-mail kind, in the active language."""
    title = page.title
    cancel = (_("Cancel my registration"), link(page, "cancel", registration))
    details = (_("See the session"), calendar.page_url(page))
    if kind == "guest_confirm":
        return (
            _("Confirm your registration: %(title)s") % {"title": title},
            [
                _("You asked to register for %(title)s. Confirm your e-mail address to take a seat.")
                % {"title": title},
                _("Until you confirm, no seat is held for you. If you did not ask for this, ignore this e-mail."),
            ],
            [(_("Confirm my registration"), link(page, "confirm", registration)), details],
        )
    if kind == "confirmed":
        return (
            _("Your seat is confirmed: %(title)s") % {"title": title},
            [_("Your seat is confirmed. The calendar file attached adds the session to your diary.")],
            [details, cancel],
        )
    if kind == "waiting":
        return (
            _("You are on the waiting list: %(title)s") % {"title": title},
            [
                _("The session is full. You are number %(position)d on the waiting list.")
                % {"position": registration.waiting_position},
                _("If a seat frees up, it is given to you automatically and you are told by e-mail."),
            ],
            [details, (_("Leave the waiting list"), link(page, "cancel", registration))],
        )
    if kind == "promoted":
        return (
            _("A seat has freed up for you: %(title)s") % {"title": title},
            [
                _("Good news: a seat has freed up and it is yours. Your registration is confirmed."),
                _("The calendar file attached adds the session to your diary."),
            ],
            [details, cancel],
        )
    if kind == "cancelled":
        return (
            _("Registration cancelled: %(title)s") % {"title": title},
            [_("Your registration is cancelled. Thank you for freeing your seat for someone else.")],
            [details],
        )
    if kind == "cancelled_by_team":
        return (
            _("Registration cancelled: %(title)s") % {"title": title},
            [
                _("The team has cancelled your registration for this session."),
                _("If you were moved to another session, a separate e-mail tells you about it."),
            ],
            [details],
        )
    if kind == "moved":
        if registration.holds_seat:
            paragraphs = [
                _("The team has moved your registration to this session. Your seat is confirmed."),
                _("The calendar file attached adds the session to your diary."),
            ]
        else:
            paragraphs = [
                _(
                    "The team has moved your registration to this session. It is full: "
                    "you are number %(position)d on the waiting list."
                )
                % {"position": registration.waiting_position},
                _("If a seat frees up, it is given to you automatically and you are told by e-mail."),
            ]
        return (
            _("Your registration has moved: %(title)s") % {"title": title},
            paragraphs,
            [details, cancel],
        )
    if kind == "reminder":
        return (
            _("Tomorrow: %(title)s") % {"title": title},
            [_("A reminder: the session is tomorrow.")],
            [details, cancel],
        )
    if kind == "session_cancelled":
        reason = cancellation_reason(page)
        paragraphs = [
            _("The session is cancelled. Your registration ends with it: there is nothing for you to do.")
            if registration.holds_seat
            else _("The session is cancelled. The waiting list ends with it: there is nothing for you to do.")
        ]
        if reason:
            paragraphs.append(_("The organisers' message: %(reason)s") % {"reason": reason})
        if registration.holds_seat:
            paragraphs.append(_("The attached calendar file removes the session from your diary."))
        return (_("Session cancelled: %(title)s") % {"title": title}, paragraphs, [details])
    if kind == "updated":
        return (
            _("Change of date or place: %(title)s") % {"title": title},
            [
                _("The session has changed. The attached calendar file updates your diary.")
                if registration.holds_seat
                else _("The session has changed. You are still on the waiting list.")
            ],
            [details, cancel],
        )
    raise ValueError(kind)


def send_registration_email(registration, kind):
    with translation.override(registration.language):
        page = localized_event(registration)
        event = registration.event
        confirmed = registration.status == registration.Status.CONFIRMED
        # The online link only ever reaches confirmed participants.
        ends = kind in CANCEL_KINDS or kind == "session_cancelled"
        show_link = confirmed and event.is_online and bool(event.online_link) and not ends
        subject, paragraphs, actions = compose(registration, kind, page)
        context = {
            "subject": subject,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": settings.BASE_URL,
            "registration": registration,
            "event": event,
            "page": page,
            "when": event_when(event),
            "paragraphs": paragraphs,
            "actions": actions,
            "online_link": event.online_link if show_link else "",
            "online_pending": event.is_online and not show_link and not ends,
        }
        text = render_plain("events/email/message.txt", context).strip() + "\n"
        html = render_to_string("events/email/message.html", context)
        # Reminders come unasked: one-click unsubscription (RFC 8058). The others answer the person.
        headers = unsubscribe.headers(UNSUBSCRIBE_KIND, registration.token) if kind == "reminder" else None
        message = build_message(subject, text, html, registration.email, headers=headers)
        if kind in CANCEL_KINDS and registration.confirmed_at is not None:
            ics, method = calendar.registration_file(page, registration, cancelled=True)
        elif kind == "session_cancelled" and confirmed:
            ics, method = calendar.registration_file(page, registration, cancelled=True)
        elif kind in SEAT_FILE_KINDS and confirmed:
            ics, method = calendar.registration_file(
                page, registration, include_link=show_link, moved=kind == "updated"
            )
        else:
            ics = None
        if ics:
            message.attach(f"{page.slug}.ics", ics, f"text/calendar; charset=utf-8; method={method}")
    message.send()
    return message


def send_topic_selected_email(topic):
    """The proposer's topic was selected: in their language, with the session if linked."""
    user = topic.proposer
    profile = getattr(user, "member_profile", None)
    language = profile.language if profile else settings.LANGUAGE_CODE
    with translation.override(language):
        event = topic.event
        page = None
        if event is not None:
            locale = Locale.objects.filter(language_code=language).first()
            translated = event.get_translation_or_none(locale) if locale else None
            page = translated.specific if translated and translated.live else event
        subject = _("Your topic has been selected: %(title)s") % {"title": topic.title}
        paragraphs = [
            _("The network has selected the topic you proposed: “%(title)s”. Thank you!") % {"title": topic.title}
        ]
        actions = []
        if page is not None:
            paragraphs.append(_("It will be taken up at the session below."))
            actions.append((_("See the session"), calendar.page_url(page)))
        context = {
            "subject": subject,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": settings.BASE_URL,
            "registration": {"name": user.get_full_name() or user.email},
            "event": event,
            "page": page or {"title": topic.title},
            "when": event_when(event) if event is not None else "",
            "paragraphs": paragraphs,
            "actions": actions,
        }
        text = render_plain("events/email/message.txt", context).strip() + "\n"
        html = render_to_string("events/email/message.html", context)
        message = build_message(subject, text, html, user.email)
    message.send()
    return message


def send_topic_declined_email(topic):
    """The proposer's topic was declined: the reason (also shown on the topics page)."""
    user = topic.proposer
    profile = getattr(user, "member_profile", None)
    language = profile.language if profile else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Your topic proposal: %(title)s") % {"title": topic.title}
        paragraphs = [
            _("The network will not take up the topic you proposed: “%(title)s”.") % {"title": topic.title},
            _("The reason: %(reason)s") % {"reason": topic.decline_reason},
            _("Thank you for proposing it: other proposals are always welcome."),
        ]
        context = {
            "subject": subject,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": settings.BASE_URL,
            "registration": {"name": user.get_full_name() or user.email},
            "event": None,
            "page": {"title": topic.title},
            "when": "",
            "paragraphs": paragraphs,
            "actions": [],
        }
        text = render_plain("events/email/message.txt", context).strip() + "\n"
        html = render_to_string("events/email/message.html", context)
        message = build_message(subject, text, html, user.email)
    message.send()
    return message
