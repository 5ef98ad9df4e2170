"""sitemap.xml with hreflang alternates: every live public page in every language,
each listing its translations (Wagtail's own sitemap only walks the default site root).
Locations are on BASE_URL (core.links), whatever the request's host or the Site record."""

from collections import defaultdict

from wagtail.models import Page, Site

from core import sitemap_sources
from core.links import page_url


def sitemap_entries(request):
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = pages.live().public().select_related("locale").order_by("path")

    by_key = defaultdict(list)
    for page in pages:
        location = page_url(page, request=request)
        if location:
            by_key[page.translation_key].append((page, location))

    groups = [
        [(page.locale.language_code, location, page.last_published_at) for page, location in group]
        for group in by_key.values()
    ]
    groups += sitemap_sources.groups()  # subpages of routable pages, from their apps
    entries = []
    for group in groups:
        alternates = [{"lang": language, "url": location} for language, location, _lastmod in group]
        for _language, location, lastmod in group:
            entries.append(
                {"location": location, "lastmod": lastmod, "alternates": alternates if len(group) > 1 else []}
            )
    return sorted(entries, key=lambda entry: entry["location"])
