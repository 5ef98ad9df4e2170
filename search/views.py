"""/recherche/ (results page) and /recherche/suggestions/ (autocomplete, JSON)."""

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from core.client_ip import client_ip
from core.ratelimit import allow
from core.search_types import FetchContext, search_types
from search import empty, services
from search.models import ZeroResultQuery, looks_personal

SUGGESTIONS = 8
# Recording (zero results, promotion hits) writes rows: at most this many per address and hour.
RECORD_LIMIT = (60, 3600)


def _locale():
    return Locale.get_active()


@require_GET
def search(request):
    locale = _locale()
    query = services.clean_query(request.GET.get("q"))
    context = {"query": query, "max_length": settings.SEARCH_MAX_QUERY_LENGTH}
    if not query:
        context.update(popular_kits=empty.popular_kits(locale, request), next_session=empty.next_session(locale))
        return TemplateResponse(request, "search/search.html", context)

    outcome = services.run(request, locale, query, request.GET)
    context["outcome"] = outcome
    first_page = outcome.page.number == 1
    recordable = first_page and outcome.text and not looks_personal(query)
    if recordable and allow("search-record", client_ip(request), *RECORD_LIMIT):
        if outcome.total_unfiltered == 0 and not outcome.promoted:
            ZeroResultQuery.record(query, locale.language_code)
        else:
            _add_promotion_hit(query)
    if outcome.total == 0 and not outcome.promoted:
        context["suggestion"] = empty.spelling_suggestion(query, locale)
    return TemplateResponse(request, "search/search.html", context)


def _add_promotion_hit(query):
    """Wagtail's promotions admin lists popular searches from these daily hits."""
    Query.get(query).add_hit()


@require_GET
def suggestions(request):
    """Titles of live public pages (and associations) in the visitor's language that
    start like the typed words: {"results": [{"title", "url", "type"}]}."""
    locale = _locale()
    text = services.backend_query(services.clean_query(request.GET.get("q")))
    results = []
    if len(text) >= 2:
        context = FetchContext(request, locale)
        for entry in search_types():
            if not entry.suggest or len(results) >= SUGGESTIONS:
                continue
            queryset = entry.visible(locale).only("pk")
            found = list(get_search_backend().autocomplete(text, queryset)[: SUGGESTIONS - len(results)])
            loaded = entry.fetch([obj.pk for obj in found], context)
            for obj in found:
                item = loaded.get(obj.pk)
                if item is not None and item.search_url:
                    title = getattr(item, "title", None) or str(item)
                    results.append({"title": title, "url": item.search_url, "type": str(entry.singular)})
    response = JsonResponse({"results": results})
    patch_cache_control(response, private=True)
    return response
