"""Views every app shares: the health check and the page shown when a rate limit refuses."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def too_many_requests(request, retry_after=3600):
    """The friendly page shown when a form is refused by a rate limit or the honeypot."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_GET
def healthz(request):
    """For the load balancer: is this process up and can it reach the database?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
