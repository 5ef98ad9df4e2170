"""What the event pages' routes do. Rules live in `services`; these views turn a
request into a call and the outcome into a page or a message."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale

from community.members.access import is_network_member, membership_refused
from core import links
from core.calendar_links import calendar_links
from core.client_ip import client_ip
from core.page_cache import depends_on
from core.ratelimit import allow
from core.views import too_many_requests
from events import cache_sections, calendar, emails, services, topics
from events.forms import GuestRegistrationForm, MemberRegistrationForm
from events.models.registrations import Registration


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(request, index):
    events = index.events().upcoming()
    return calendar_response(calendar.feed(events, name=f"Relais — {index.title}"), "relais.ics")


def event_calendar(request, page):
    if page.source_event.is_over():
        return redirect(page.url)
    return calendar_response(calendar.single_event(page), f"{page.slug}.ics")


def recap_associations(source):
    names = set()
    for registration in source.registrations.named_attendees().select_related("association"):
        if registration.association_name:
            names.add(registration.association_name)
    return sorted(names, key=str.casefold)


def member_parts(page, source, user):
    """What the registration box shows its own person (a personal part, core.personal_parts)."""
    registration = source.registrations.active().filter(user=user).first() if user.is_authenticated else None
    return {
        "registration": registration,
        "is_member": is_network_member(user),
        "may_register": services.member_may_register(source, user),
        "cancel_url": page.url + page.reverse_subpage("cancel", kwargs={"token": registration.token})
        if registration
        else "",
    }


def _login_url(page):
    return reverse("account_login") + "?" + urlencode({"next": page.url})


def event_page(request, page, *, member_form=None, status=200):
    source = page.source_event
    now = timezone.now()
    # Read only if the page shows them: the page shared by members never does.
    personal = SimpleLazyObject(lambda: member_parts(page, source, request.user))
    depends_on(cache_sections.session(source.pk), cache_sections.TOPICS)
    counts = source.registrations.aggregate(
        confirmed=Count("id", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("id", filter=Q(status=Registration.Status.WAITING)),
    )
    confirmed = counts["confirmed"]
    context = {
        "event": source,
        "state": source.registration_state(now),
        "is_over": source.is_over(now),
        "seats_left": None if source.capacity is None else max(source.capacity - confirmed, 0),
        "waiting_count": counts["waiting"],
        "member_form": member_form or MemberRegistrationForm(),
        "login_url": _login_url(page),
        "hosts": list(page.host_associations.all()),
        "cancellation_reason": emails.cancellation_reason(page) if source.cancelled else "",
        "topic_proposers": topics.proposers_for(page),
        "thanked_associations": recap_associations(source) if source.is_over(now) else [],
        "calendar_links": calendar_links(
            page.title,
            source.start,
            source.end,
            details=links.page_url(page),
            location=source.venue_address.replace("\n", ", ") if source.has_venue else "",
        ),
        **{name: _lazy_part(personal, name) for name in MEMBER_PARTS},
    }
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


MEMBER_PARTS = ("registration", "is_member", "may_register", "cancel_url")


def _lazy_part(personal, name):
    return SimpleLazyObject(lambda: personal[name])


def fill_registration(request, page, seats_left, waiting_count):
    """The registration box's personal part for request's person, in the page shared by
    members (its seats come from that page: the same section generation)."""
    source = page.source_event
    now = timezone.now()
    context = {
        "page": page,
        "event": source,
        "state": source.registration_state(now),
        "is_over": source.is_over(now),
        "seats_left": seats_left,
        "waiting_count": waiting_count,
        "member_form": MemberRegistrationForm(),
        "login_url": _login_url(page),
        **member_parts(page, source, request.user),
    }
    return render_to_string("events/components/registration_action.html", context, request=request)


def register(request, page):
    if request.method != "POST":
        return guest_registration_page(request, page)
    if request.POST.get("kind") == "guest":
        return register_guest(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url, reverse("account_login"))
    source = page.source_event
    form = MemberRegistrationForm(request.POST)
    form.is_valid()  # a single optional checkbox: always valid
    try:
        registration, created = services.register_member(
            source,
            request.user,
            may_name_association=form.cleaned_data.get("may_name_association", False),
            language=get_language(),
        )
    except services.RegistrationRefused as refusal:
        if refusal.code == "not_member":
            return membership_refused(request)
        messages.error(request, refusal.message)
        return redirect(page.url)
    tell_outcome(request, registration, created)
    return redirect(page.url)


def guest_registration_page(request, page, form=None):
    """The guest form, on a page of its own (the event page stays cacheable)."""
    source = page.source_event
    if request.user.is_authenticated or not source.open_to_guests or source.registration_state() != "open":
        return redirect(page.url)
    context = {"page": page, "event": source, "guest_form": form or GuestRegistrationForm()}
    return TemplateResponse(request, "events/guest_registration.html", context)


def _guest_allowed(request, email=None):
    """Bursts of guest registrations (spam, address probing) meet the friendly 429 page."""
    limits = settings.GUEST_REGISTRATION_RATE_LIMITS
    if email is None:
        return allow("events-guest-address", client_ip(request), *limits["address"])
    return allow("events-guest-email", email.strip().lower(), *limits["email"])


def register_guest(request, page):
    if not _guest_allowed(request):
        return too_many_requests(request)
    form = GuestRegistrationForm(request.POST)
    if not form.is_valid():
        return guest_registration_page(request, page, form)
    data = form.cleaned_data
    if not _guest_allowed(request, data["email"]):
        return too_many_requests(request)
    try:
        registration, created = services.register_guest(
            page.source_event,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            may_name_association=data["may_name_association"],
            language=get_language(),
        )
    except services.RegistrationRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(page.url)
    if registration.status == Registration.Status.UNCONFIRMED:
        messages.info(
            request,
            _(
                "Almost there: we have sent you an e-mail. Click the link inside to confirm your registration; "
                "no seat is held until then."
            ),
        )
    else:
        # Guests learn nothing about other people's registrations, only that this address is known.
        messages.info(request, _("This e-mail address is already registered: check your e-mails."))
    return redirect(page.url)


def tell_outcome(request, registration, created):
    if registration.status == Registration.Status.CONFIRMED:
        text = (
            _("Your seat is confirmed. A confirmation e-mail with a calendar file is on its way.")
            if created
            else _("You are already registered: your seat is confirmed.")
        )
        messages.success(request, text)
    elif registration.status == Registration.Status.WAITING:
        messages.warning(
            request,
            _(
                "The session is full: you are number %(position)d on the waiting list. "
                "We will e-mail you if a seat frees up."
            )
            % {"position": registration.waiting_position},
        )


def invalid_link(request, page):
    return TemplateResponse(request, "events/invalid_link.html", {"page": page, "event": page}, status=404)


def confirm_guest(request, page, token):
    registration = services.find_registration(page, token)
    if registration is None:
        return invalid_link(request, page)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if registration.status != Registration.Status.UNCONFIRMED:
        # Used twice, or after a cancellation: nothing changes.
        return TemplateResponse(
            request, "events/link_used.html", {"page": page, "registration": registration, "action": "confirm"}
        )
    if request.method == "POST":
        try:
            services.confirm_guest(registration)
        except services.RegistrationRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(page.url)
        registration.refresh_from_db()
        tell_outcome(request, registration, created=True)
        return redirect(page.url)
    return TemplateResponse(request, "events/confirm.html", {"page": page, "registration": registration})


def cancel(request, page, token):
    registration = services.find_registration(page, token)
    if registration is None:
        return invalid_link(request, page)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if registration.status == Registration.Status.CANCELLED:
        return TemplateResponse(
            request, "events/link_used.html", {"page": page, "registration": registration, "action": "cancel"}
        )
    if request.method == "POST":
        services.cancel(registration)
        messages.success(request, _("Your registration is cancelled. Thank you for freeing your seat."))
        next_url = request.POST.get("next", "")
        if next_url == reverse("account_home"):
            return redirect(next_url)
        return redirect(page.url)
    next_url = request.GET.get("next", "")
    context = {
        "page": page,
        "registration": registration,
        "someone_waiting": page.registrations.waiting().exists(),
        "next": next_url if next_url == reverse("account_home") else "",
    }
    return TemplateResponse(request, "events/cancel.html", context)


def member_registrations(request):
    """Context of the member area's "My registrations" section."""
    if not request.user.is_authenticated:
        return {"items": []}
    registrations = (
        Registration.objects.active()
        .filter(user=request.user, event__end__gte=timezone.now())
        .select_related("event")
        .order_by("event__start")
    )
    items = []
    for registration in registrations:
        page = registration.event.get_translation_or_none(_active_locale()) or registration.event
        page = page.specific if page.live else registration.event
        items.append(
            {
                "registration": registration,
                "page": page,
                "cancel_url": page.url + page.reverse_subpage("cancel", kwargs={"token": registration.token}),
            }
        )
    return {"items": items}


def _active_locale():
    return Locale.get_active()
