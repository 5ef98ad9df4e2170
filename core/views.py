"""Views every app shares: the health check, the page shown when a rate limit refuses, and
one-click unsubscription from reminders and follow-ups."""

import logging

from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core import unsubscribe as unsubscriptions
from core.cache import cache_status
from core.client_ip import client_ip

security_log = logging.getLogger("relais.security")


def too_many_requests(request, retry_after=3600):
    """The friendly page shown when a form is refused by a rate limit or the honeypot."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response


def allauth_too_many_requests(request):
    """allauth's refusals (sign-in, sign-up, password reset… over ACCOUNT_RATE_LIMITS):
    the same page, and a line in the security log like ours (config/urls.py handler429)."""
    security_log.warning("rate limit hit scope=allauth path=%s ip=%s", request.path, client_ip(request))
    return too_many_requests(request, retry_after=60)


@never_cache
@require_GET
def healthz(request):
    """For the load balancer: is this process up and can it reach the database? A cache
    that is down degrades the site (uncached pages) but does not take it out: 200."""
    cache = cache_status()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "error", "cache": cache}, status=503)
    status = "ok" if cache == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})


@never_cache
@csrf_exempt  # RFC 8058: mailbox providers POST without cookies; the signed URL is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, signed):
    found = unsubscriptions.read(signed)
    if found is None:
        raise Http404
    _name, kind, key = found
    done = request.method == "POST"
    if done:
        kind.stop(key)
    response = render(request, "unsubscribe.html", {"kind": kind, "done": done})
    response["X-Robots-Tag"] = "noindex"
    return response
