"""Registration rules: who may register, seats, waiting list, cancellation, promotion.

Every change to an event's seats runs in one transaction holding a row lock on the
event's own row (the source-language page, which holds the registrations):
`EventPage.objects.select_for_update(of=("self",))` — a plain select_for_update would
also lock wagtailcore_page (docs/traps.md). E-mails leave once the transaction commits."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from community.members.access import get_profile, is_network_member
from community.members.models import MemberProfile
from events.models.registrations import Registration
from events.tasks import notify


class RegistrationRefused(Exception):
    """The visitor may not register; `message` says why, in their language."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def check_open(event, now=None):
    state = event.registration_state(now)
    if state == "cancelled":
        raise RegistrationRefused(_("This session is cancelled: registration is closed."), "cancelled")
    if state == "past":
        raise RegistrationRefused(_("This session is over: registration is closed."), "past")
    if state == "closed":
        raise RegistrationRefused(_("Registration for this session is closed."), "closed")
    if state == "not_yet":
        opens = timezone.localtime(event.registration_opens_at)
        raise RegistrationRefused(
            _("Registration opens on %(date)s.") % {"date": date_format(opens, "DATETIME_FORMAT")}, "not_yet"
        )


def member_may_register(event, user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return is_network_member(user) or not event.members_only


def lock_event(event):
    """The source event, re-read under its row lock (call inside a transaction)."""
    return type(event)._default_manager.select_for_update(of=("self",)).get(pk=event.source_event.pk)


def seat_outcome(event):
    """(status, waiting position) a newcomer to `event` gets now: a seat while any remains,
    else the end of the waiting list."""
    confirmed = event.registrations.confirmed().count()
    if event.capacity is None or confirmed < event.capacity:
        return Registration.Status.CONFIRMED, None
    last = event.registrations.waiting().aggregate(last=Max("waiting_position"))["last"] or 0
    return Registration.Status.WAITING, last + 1


def _seat(event, registration, now):
    """Confirm `registration` while seats remain, else put it last on the waiting list."""
    registration.status, registration.waiting_position = seat_outcome(event)
    if registration.status == Registration.Status.CONFIRMED:
        registration.confirmed_at = now


def _renumber_waiting_list(event):
    for position, registration in enumerate(event.registrations.waiting().order_by("waiting_position", "pk"), 1):
        if registration.waiting_position != position:
            Registration.objects.filter(pk=registration.pk).update(waiting_position=position)


def _promote(event, now):
    """Give free seats to the first people waiting (event locked by the caller)."""
    promoted = []
    confirmed = event.registrations.confirmed().count()
    while event.capacity is None or confirmed < event.capacity:
        first = event.registrations.waiting().first()
        if first is None:
            break
        first.status = Registration.Status.CONFIRMED
        first.waiting_position = None
        first.confirmed_at = now
        first.save(update_fields=["status", "waiting_position", "confirmed_at"])
        promoted.append(first)
        confirmed += 1
    if promoted:
        _renumber_waiting_list(event)
    return promoted


def _existing(event, email, user=None):
    registrations = event.registrations.active()
    if user is not None:
        found = registrations.filter(user=user).first()
        if found:
            return found
    return registrations.filter(email__iexact=email).first()


def register_member(event, user, *, may_name_association=False, language="fr", now=None):
    """One click for a signed-in member. Returns (registration, created)."""
    now = now or timezone.now()
    source = event.source_event
    check_open(source, now)
    if not member_may_register(source, user):
        raise RegistrationRefused(
            _("This session is for approved network members. Your membership is not approved yet."), "not_member"
        )
    with transaction.atomic():
        locked = lock_event(source)
        existing = _existing(locked, user.email, user)
        if existing:
            return existing, False
        profile = get_profile(user)
        registration = Registration(
            event=locked,
            user=user,
            name=user.get_full_name() or user.email,
            email=user.email.lower(),
            association=profile.association if profile else None,
            organisation=profile.association_display if profile else "",
            language=language,
            may_name_association=may_name_association,
        )
        _seat(locked, registration, now)
        registration.save()
        notify(registration, "confirmed" if registration.holds_seat else "waiting")
    return registration, True


def register_guest(event, *, name, email, organisation="", may_name_association=False, language="fr", now=None):
    """A guest without an account: no seat until they confirm with the e-mailed link.
    Returns (registration, created)."""
    now = now or timezone.now()
    source = event.source_event
    check_open(source, now)
    if not source.open_to_guests:
        raise RegistrationRefused(
            _("This session is for network members only: sign in with your member account."), "members_only"
        )
    with transaction.atomic():
        locked = lock_event(source)
        existing = _existing(locked, email)
        if existing:
            if existing.status == Registration.Status.UNCONFIRMED:
                notify(existing, "guest_confirm")  # the first e-mail may have been lost
            return existing, False
        registration = Registration.objects.create(
            event=locked,
            name=name,
            email=email.lower(),
            organisation=organisation,
            language=language,
            may_name_association=may_name_association,
            consent_at=now,
            status=Registration.Status.UNCONFIRMED,
        )
        notify(registration, "guest_confirm")
    return registration, True


def find_registration(event, token):
    """The registration of this event with this token, or None (any language)."""
    if not token or len(token) > 64:
        return None
    return Registration.objects.filter(event=event.source_event, token=token).select_related("event").first()


def confirm_guest(registration, now=None):
    """Seat a guest who followed the e-mailed link. Returns True when something changed;
    a link used twice, or after a cancellation, does nothing."""
    now = now or timezone.now()
    check_open(registration.event, now)
    with transaction.atomic():
        locked = lock_event(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != Registration.Status.UNCONFIRMED:
            return False
        _seat(locked, registration, now)
        registration.save(update_fields=["status", "waiting_position", "confirmed_at"])
        notify(registration, "confirmed" if registration.holds_seat else "waiting")
    return True


def _leave(locked, registration, now, receipt):
    """Cancel `registration` (re-read, its event locked by the caller): the waiting list
    closes up, the first people waiting take a freed seat; they and the person are told.
    Returns the status it had."""
    was = registration.status
    registration.status = Registration.Status.CANCELLED
    registration.waiting_position = None
    registration.cancelled_at = now
    registration.save(update_fields=["status", "waiting_position", "cancelled_at"])
    if was == Registration.Status.WAITING:
        _renumber_waiting_list(locked)
    if receipt and was != Registration.Status.UNCONFIRMED:
        notify(registration, receipt)
    if was == Registration.Status.CONFIRMED and not locked.is_over(now):
        for promoted in _promote(locked, now):
            notify(promoted, "promoted")
    return was


def cancel(registration, now=None, receipt=True, by_team=False):
    """Free the seat (or the place in the queue) and promote the first person waiting,
    under the same lock. `by_team`: an editor cancelled it (the e-mail says so). Returns
    True when something changed."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_event(registration.event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return False
        _leave(locked, registration, now, receipt and ("cancelled_by_team" if by_team else "cancelled"))
    return True


def promoted_by_leaving(registration, now=None):
    """Who would take the seat `registration` frees if it were cancelled now, or None."""
    event = registration.event
    if registration.status != Registration.Status.CONFIRMED or event.is_over(now):
        return None
    confirmed = event.registrations.confirmed().count() - 1
    if event.capacity is not None and confirmed >= event.capacity:
        return None
    return event.registrations.waiting().first()


def move_refusal(registration, target, now=None):
    """Why `registration` cannot move to `target` (a message for the editor), or None."""
    now = now or timezone.now()
    target = target.source_event
    if registration.status == Registration.Status.CANCELLED:
        return _("This registration is cancelled: there is nothing to move.")
    if target.pk == registration.event_id:
        return _("This person is already registered for this session: choose another one.")
    if now >= target.start:
        return _("This session has already started or is over: choose a coming one.")
    if registration.is_guest and not target.open_to_guests:
        return _("This session is for network members only, and this person has no member account.")
    if _existing(target, registration.email, registration.user):
        return _("This person is already registered for that session.")
    return None


def move(registration, target, now=None):
    """Move a person to another session, as if they cancelled here (the first person waiting
    takes the freed seat) and registered there (a seat if one is left, else the waiting
    list; a guest who had not confirmed their address still has to). Both events are locked,
    in a fixed order so that two moves crossing each other never deadlock. Everyone
    concerned is e-mailed, with the calendar files. Returns the new registration; raises
    RegistrationRefused (`move_refusal`)."""
    now = now or timezone.now()
    target = target.source_event
    with transaction.atomic():
        events = sorted([registration.event, target], key=lambda event: event.pk)
        locked = {event.pk: lock_event(event) for event in events}
        registration = Registration.objects.select_related("event").get(pk=registration.pk)
        destination = locked[target.pk]
        refusal = move_refusal(registration, destination, now)
        if refusal:
            raise RegistrationRefused(refusal, "move")
        was = _leave(locked[registration.event_id], registration, now, "cancelled_by_team")
        moved = Registration(
            event=destination,
            user=registration.user,
            name=registration.name,
            email=registration.email,
            organisation=registration.organisation,
            association=registration.association,
            language=registration.language,
            may_name_association=registration.may_name_association,
            consent_at=registration.consent_at,
            reminders_opt_out=registration.reminders_opt_out,
        )
        if was == Registration.Status.UNCONFIRMED:
            moved.status = Registration.Status.UNCONFIRMED
        else:
            _seat(destination, moved, now)
        moved.save()
        notify(moved, "guest_confirm" if was == Registration.Status.UNCONFIRMED else "moved")
    return moved


def fill_free_seats(event, now=None):
    """After an editor raised the capacity: promote people waiting into the new seats."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_event(event)
        if locked.is_over(now) or locked.cancelled:
            return []
        promoted = _promote(locked, now)
        for registration in promoted:
            notify(registration, "promoted")
    return promoted


def calendar_changed(event):
    """After publishing: when the session was cancelled, reinstated, or its date or place
    changed, raise the calendar SEQUENCE and e-mail everyone registered or waiting
    ("session_cancelled" or "updated"). Returns the kind sent, or None."""
    source = event.source_event
    signature = source.compute_calendar_signature()
    if signature == source.calendar_signature and source.cancelled == source.calendar_cancelled:
        return None
    first_time = not source.calendar_signature
    with transaction.atomic():
        locked = lock_event(source)
        if first_time:
            kind = None
        elif locked.cancelled:
            kind = None if locked.calendar_cancelled else "session_cancelled"  # moved while cancelled: told once
        else:
            kind = "updated"  # moved, or reinstated after a cancellation
        sequence = locked.calendar_sequence if first_time else locked.calendar_sequence + 1
        type(locked)._default_manager.filter(pk=locked.pk).update(
            calendar_signature=signature, calendar_sequence=sequence, calendar_cancelled=locked.cancelled
        )
        if kind is None:
            return None
        for registration in locked.registrations.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
        ):
            notify(registration, kind)
    return kind


def record_accreditation(registration):
    """A member marked as having attended a training session for school actions is
    accredited: the date and the session are recorded on their profile (once)."""
    if not (registration.attended and registration.user_id and registration.event.training_for_school_actions):
        return False
    return bool(
        MemberProfile.objects.filter(user_id=registration.user_id, accredited_at__isnull=True).update(
            accredited_at=registration.event.end, accreditation_event=registration.event
        )
    )


def registration_key(email_or_token):
    """The unsubscription key of a reminder: the registration's token (already in its links)."""
    return email_or_token


def stop_reminders_for(token):
    """One click on a reminder: no more session reminders for that person (every one of
    their registrations with the same address)."""
    registration = Registration.objects.filter(token=token).first()
    if registration is None:
        return 0
    return Registration.objects.filter(email__iexact=registration.email, reminders_opt_out=False).update(
        reminders_opt_out=True
    )
