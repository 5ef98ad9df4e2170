"""Editors cancel a person's registration or move it to another session, from the
registrations list: a confirmation page says what will happen (who takes the freed seat,
a seat or the waiting list there), then the rules of events.services do it (locks,
waiting list, e-mails with their calendar files) and the admin history keeps a line.

Association staff see (never change) the registrations of the sessions their
associations host (`EventPage.host_associations`) and no other: `their_registrations`
narrows the list, its search, its filters and its export; cancelling and moving stay
with the network's team (`events.change_registration`)."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log

from community.associations.staff import association_scope
from events import services
from events.models import EventPage, Registration

PERMISSION = "events.change_registration"
CANCEL_ACTION, MOVE_ACTION = "relais.registration.cancel", "relais.registration.move"


def hosted_sessions(scope):
    """The sessions hosted by one of these associations (a subquery)."""
    return EventPage.objects.filter(host_associations__in=scope).values("pk")


def their_registrations(queryset, user):
    """The part of `queryset` that `user` may see: everything for the network, the
    registrations of the sessions their associations host for association staff."""
    scope = association_scope(user)
    return queryset if scope is None else queryset.filter(event_id__in=hosted_sessions(scope))


def sessions_to_filter_by(request):
    """The listing's session filter: every session, or those their associations host."""
    sessions = EventPage.objects.order_by("-start")
    scope = association_scope(request.user) if request is not None else None
    return sessions if scope is None else sessions.filter(pk__in=hosted_sessions(scope))


def list_url():
    return reverse("wagtailsnippets_events_registration:list")


def log_title(registration):
    # Never the person's name: the history outlives an erasure (core.moderation.log_title).
    return f"registration #{registration.pk}"


def session_label(event):
    start = timezone.localtime(event.start)
    when = date_format(start, "j F Y, H:i")
    if event.capacity is None:
        room = _("seats available")
    elif event.confirmed_count >= event.capacity:
        room = _("full: waiting list")
    else:
        left = event.capacity - event.confirmed_count
        room = ngettext("%(count)d seat left", "%(count)d seats left", left) % {"count": left}
    return f"{event.title} — {when} ({room})"


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return session_label(obj)


def coming_sessions(excluding):
    """Sessions one may still move to (source language, not started), with their seats taken."""
    confirmed = Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    return (
        EventPage.objects.live()
        .filter(locale__language_code=excluding.locale.language_code, start__gt=timezone.now())
        .exclude(pk=excluding.pk)
        .annotate(confirmed_count=confirmed)
        .order_by("start")
    )


class MoveForm(forms.Form):
    target = SessionChoiceField(label=gettext_lazy("Move to the session"), queryset=EventPage.objects.none())

    def __init__(self, registration, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration = registration
        self.fields["target"].queryset = coming_sessions(registration.event)
        self.fields["target"].empty_label = _("Choose a session")

    def clean_target(self):
        target = self.cleaned_data["target"]
        refusal = services.move_refusal(self.registration, target)
        if refusal:
            raise forms.ValidationError(refusal)
        return target


def _registration(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    return registration, get_valid_next_url_from_request(request) or list_url()


def _render(request, registration, next_url, **context):
    return TemplateResponse(
        request,
        "events/admin/registration_action.html",
        {"registration": registration, "next_url": next_url, "list_url": list_url(), **context},
    )


def cancel_view(request, pk):
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request)
    registration, next_url = _registration(request, pk)
    if registration.status == Registration.Status.CANCELLED:
        messages.warning(request, _("This registration was already cancelled."))
        return redirect(next_url)
    if request.method == "POST":
        if services.cancel(registration, by_team=True):
            log(registration, CANCEL_ACTION, user=request.user, title=log_title(registration))
            messages.success(
                request,
                _("Registration of %(name)s cancelled; they are told by e-mail.") % {"name": registration.name},
            )
        return redirect(next_url)
    return _render(
        request,
        registration,
        next_url,
        action="cancel",
        page_title=_("Cancel a registration"),
        promoted=services.promoted_by_leaving(registration),
    )


def move_view(request, pk):
    if not request.user.has_perm(PERMISSION):
        return permission_denied(request)
    registration, next_url = _registration(request, pk)
    if registration.status == Registration.Status.CANCELLED:
        messages.warning(request, _("This registration is cancelled: there is nothing to move."))
        return redirect(next_url)
    form = MoveForm(registration, request.POST or None)
    context = {"action": "move", "page_title": _("Move a registration"), "form": form}
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        if request.POST.get("confirm"):
            try:
                moved = services.move(registration, target)
            except services.RegistrationRefused as refused:
                form.add_error("target", refused.message)
            else:
                log(
                    registration,
                    MOVE_ACTION,
                    user=request.user,
                    title=log_title(registration),
                    data={"from": registration.event.title, "to": target.title, "registration": moved.pk},
                )
                messages.success(request, moved_message(registration, moved, target))
                return redirect(next_url)
        else:
            status, position = services.seat_outcome(target)
            context.update(
                confirming=True,
                target=target,
                waiting=status == Registration.Status.WAITING,
                position=position,
                unconfirmed=registration.status == Registration.Status.UNCONFIRMED,
                promoted=services.promoted_by_leaving(registration),
            )
    return _render(request, registration, next_url, **context)


def moved_message(registration, moved, target):
    names = {"name": registration.name, "title": target.title}
    if moved.status == Registration.Status.WAITING:
        return _(
            "%(name)s moved to %(title)s, on the waiting list (number %(position)d): the session is full. "
            "They are told by e-mail."
        ) % {**names, "position": moved.waiting_position}
    if moved.status == Registration.Status.UNCONFIRMED:
        return _("%(name)s moved to %(title)s; they still have to confirm their e-mail address.") % names
    return _("%(name)s moved to %(title)s, with a confirmed seat. They are told by e-mail.") % names


def listing_buttons(snippet, user, next_url=None):
    """Row buttons of the registrations list: cancel, move (while not cancelled)."""
    if not isinstance(snippet, Registration) or snippet.status == Registration.Status.CANCELLED:
        return []
    if not user.has_perm(PERMISSION):
        return []
    query = "?" + urlencode({"next": next_url}) if next_url else ""
    return [
        ListingButton(
            _("Move"),
            url=reverse("events_registration_move", args=[snippet.pk]) + query,
            icon_name="arrow-right",
            priority=20,
            attrs={"aria-label": _("Move %(name)s to another session") % {"name": snippet.name}},
        ),
        ListingButton(
            pgettext("registration", "Cancel"),
            url=reverse("events_registration_cancel", args=[snippet.pk]) + query,
            icon_name="cross",
            priority=21,
            attrs={"aria-label": _("Cancel the registration of %(name)s") % {"name": snippet.name}},
        ),
    ]
