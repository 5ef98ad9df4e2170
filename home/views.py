from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from .sitemap import sitemap_entries


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


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    body = "\n".join(
        [
            "User-agent: *",
            "Disallow: /admin/",
            "Disallow: /compte/",
            "Disallow: /en/compte/",
            "Disallow: /documents/",
            f"Sitemap: {settings.BASE_URL}/sitemap.xml",
            "",
        ]
    )
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap_xml(request):
    return render(
        request,
        "home/sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )
