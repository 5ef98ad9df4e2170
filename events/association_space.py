"""The sessions section of an association's space (community.associations.space): the next
sessions their associations host, with the seats taken and the waiting list. Two queries
whatever the number of sessions and associations."""

from django.db.models import Count, Q
from django.utils import timezone

from wagtail.models import Locale

from events.models import EventPage, Registration
from events.registration_admin import list_url

LIMIT = 5


def context(request, scope):
    # Registrations attach to the source-language page: hosts are set there too.
    hosted = (
        EventPage.objects.live()
        .filter(locale=Locale.get_default(), end__gte=timezone.now())
        .filter(host_associations__in=scope)
        .distinct()
        .order_by("start", "pk")
        .defer_streamfields()
    )
    sessions = list(hosted[:LIMIT])
    counts = {
        row["event"]: row
        for row in Registration.objects.filter(event__in=[session.pk for session in sessions])
        .values("event")
        .annotate(
            taken=Count("id", filter=Q(status=Registration.Status.CONFIRMED)),
            waiting=Count("id", filter=Q(status=Registration.Status.WAITING)),
        )
        .order_by()
    }
    for session in sessions:
        row = counts.get(session.pk, {})
        session.taken = row.get("taken", 0)
        session.waiting = row.get("waiting", 0)
        session.public_url = session.get_url(request)
        session.registrations_url = f"{list_url()}?event={session.pk}"  # view only for association staff
    return {"sessions": sessions, "limit": LIMIT}
