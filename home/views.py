"""robots.txt and sitemap.xml: what search engines read."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.links import absolute_url
from home.sitemap import sitemap_entries


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
            f"Sitemap: {absolute_url('/sitemap.xml')}",
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
