"""Site-wide navigation: main menu, footer and language switcher, for the active language."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from core.fragment_cache import cached_fragment
from core.links import absolute_url, page_url, rebase_url
from core.locale_cache import all_locales
from home.models import FooterText, StandardPage

register = template.Library()


def _home_for_request(request):
    """The home page of the active language (falls back to the default one)."""
    if not hasattr(request, "_relais_home"):
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        request._relais_home = root.localized if root else None
    return request._relais_home


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]

    def build():
        home = _home_for_request(request)
        if not home:
            return []
        items = home.get_children().live().public().in_menu().only("id", "title", "url_path")
        return [(item.get_url(request), item.title, item.url_path) for item in items]

    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    items = cached_fragment(request, "main-menu", build)
    return {"items": [(url, title, current_path.startswith(url_path)) for url, title, url_path in items]}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer is the same on every page of a language: rendered once per content
    generation (home/fragment_cache.py), it costs no query on the next pages."""
    request = context["request"]

    def build():
        home = _home_for_request(request)
        locale = Locale.get_active()
        footer_text = FooterText.objects.filter(locale=locale).first() or FooterText.objects.first()
        legal_pages = []
        if home:
            legal_pages = StandardPage.objects.descendant_of(home).live().public().filter(show_in_footer=True)
        return render_to_string(
            "components/footer.html",
            {"footer_text": footer_text, "legal_pages": legal_pages, "settings": context.get("settings")},
            request=request,
        )

    return mark_safe(cached_fragment(request, "footer", build))  # noqa: S308 (our own template's output)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of the current page when it exists,
    else that language's home page; outside Wagtail pages, the same path translated."""
    request = context["request"]
    page = context.get("page")
    active = get_language()
    links = []
    locales = {locale.language_code: locale for locale in all_locales()}
    route_suffix = _route_suffix(request, page)
    for code, name in settings.LANGUAGES:
        url, translated = None, False
        if isinstance(page, Page) and code in locales:
            if page.locale_id == locales[code].pk:
                translation = page  # the page itself: no query
            else:
                translation = page.get_translation_or_none(locales[code])
            if translation and translation.live:
                url, translated = translation.get_url(request) + route_suffix, True
            elif home := _home_for_request(request):
                home_translation = home.get_translation_or_none(locales[code])
                url = home_translation.get_url(request) if home_translation else None
        if url is None:
            url, translated = translate_url(request.path, code), True
            if request.GET and not isinstance(page, Page):  # e.g. the search: keep the query
                url += "?" + _cut_query(request.GET)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": _public(url),
                "current": code == active,
                "translated": translated,
            }
        )
    return links


def _public(url):
    """`url` on BASE_URL, whatever host Wagtail or the request gave it."""
    return rebase_url(url)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's address on BASE_URL, without its query string (filters, pages of a list)."""
    request = context.get("request")
    return absolute_url(request.path) if request else ""


@register.simple_tag(takes_context=True)
def public_page_url(context, page):
    """A page's address on BASE_URL (`{% fullpageurl %}` would take Wagtail's Site record)."""
    return page_url(page, request=context.get("request")) or ""


@register.filter
def on_base_url(url):
    """A path ("/media/…") on BASE_URL; a URL that is already absolute (a CDN's) unchanged."""
    return absolute_url(str(url)) if url else ""


def _cut_query(query, length=200):
    """The query string with every value cut as the views cut them (the search keeps 200
    characters): a link never repeats what the page itself refused to show."""
    cut = query.copy()
    for key in cut:
        cut.setlist(key, [value[:length] for value in cut.getlist(key)])
    return cut.urlencode()


def _route_suffix(request, page):
    """On a routable page's sub-route (`/evenements/sujets/`), the part after the page's
    own URL: routes keep the same path in every language (docs/architecture.md, public URL contract)."""
    if not isinstance(page, RoutablePageMixin):
        return ""
    page_url = page.get_url(request) or ""
    if page_url and request.path.startswith(page_url):
        return request.path[len(page_url) :]
    return ""


@register.filter
def hostname(url):
    """The host part of a URL, to tell visitors where a link takes them."""
    return urlsplit(str(url)).hostname or ""
