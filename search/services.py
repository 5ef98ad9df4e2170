"""The search itself: match every registered type, filter by facets, merge by relevance,
paginate, then load only the shown page. The number of queries does not grow with the
number of results: one search per type, one for the kit themes, one fetch per type shown,
one for the promotions."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.search_types import FetchContext, search_type, search_types
from search.headline import Highlighter

WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The query as typed, cut to SEARCH_MAX_QUERY_LENGTH characters and trimmed, without
    NUL bytes (PostgreSQL refuses them in text; core.hostile_input removes them too)."""
    return (raw or "").replace("\x00", "")[: settings.SEARCH_MAX_QUERY_LENGTH].strip()


def backend_query(query):
    """Only words reach the backend: quotes, operators and SQL or HTML fragments are dropped."""
    return " ".join(WORD.findall(query))


class Hit:
    """One match: its primary key, its `rank` (higher is better) and its hit_fields."""

    def __init__(self, values, fields, sign):
        for name, value in zip(fields, values, strict=False):
            setattr(self, name, value)
        self.rank = sign * (self._score or 0)


def search_hits(entry, locale, text):
    """Everything of one type matching `text`, as light Hit rows (no model instances:
    a common word matches thousands of pages). SQLite's bm25 scores are negative, lower
    is better: `rank` turns them around."""
    if not text:
        return []
    queryset = entry.visible(locale).only(*entry.hit_fields)
    results = get_search_backend().search(text, queryset, order_by_relevance=True).annotate_score("_score")
    sign = -1 if connection.vendor == "sqlite" else 1
    fields = (*entry.hit_fields, "_score")
    try:
        # The database backends' results are a queryset underneath: read plain values.
        rows = list(results.get_queryset().values_list(*fields))
    except AttributeError:  # another backend: model instances
        rows = [tuple(getattr(obj, name) for name in fields) for obj in results]
    return [Hit(row, fields, sign) for row in rows]


@dataclass
class Result:
    entry: object
    obj: object
    title: str
    summary: str
    promoted: bool = False


@dataclass
class Outcome:
    query: str
    text: str
    type_counts: list = field(default_factory=list)
    type: str = ""
    facets: object = None
    page: object = None
    page_range: list = field(default_factory=list)
    results: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    total: int = 0
    total_unfiltered: int = 0
    remove_links: list = field(default_factory=list)
    facet_groups: list = field(default_factory=list)
    all_url: str = ""


def _query_string(**params):
    kept = {key: value for key, value in params.items() if value}
    return "?" + urlencode(kept)


def run(request, locale, query, params):
    entries = search_types()
    context = FetchContext(request, locale)
    text = backend_query(query)
    outcome = Outcome(query=query, text=text)
    highlighter = Highlighter(query, text)

    hits = {entry.key: search_hits(entry, locale, text) for entry in entries}
    outcome.total_unfiltered = sum(len(found) for found in hits.values())

    # Facets of each type (kits: theme and audience) narrow that type's hits.
    facet_sets = {}
    for entry in entries:
        if entry.facets:
            facets = entry.facets(params, context)
            hits[entry.key] = facets.narrow(hits[entry.key])
            facet_sets[entry.key] = facets
    chosen = params.get("type", "")
    chosen = chosen if search_type(chosen) else ""
    narrowed_by = next((key for key, facets in facet_sets.items() if facets.active), "")
    outcome.type = narrowed_by or chosen
    # The facets of the chosen type; with no type chosen, the kits' (picking one narrows to kits).
    outcome.facets = facet_sets.get(outcome.type) if outcome.type else facet_sets.get("kit")

    base = {"q": query}
    active_facets = dict(outcome.facets.values) if outcome.facets else {}
    outcome.type_counts = [
        {
            "key": entry.key,
            "label": entry.label,
            "count": len(hits[entry.key]),
            "selected": outcome.type == entry.key,
            "url": _query_string(**base, type=entry.key),
        }
        for entry in entries
    ]
    outcome.all_url = _query_string(**base)
    for group in outcome.facets.groups() if outcome.facets else []:
        for option in group["options"]:
            chosen_facets = {**active_facets, group["name"]: option["value"]}
            option["url"] = _query_string(**base, type="kit", **chosen_facets)
        if any(option["count"] or option["selected"] for option in group["options"]):
            outcome.facet_groups.append(group)
    if outcome.type:
        outcome.remove_links.append((_query_string(**base), search_type(outcome.type).label))
    for name, label in outcome.facets.active_labels() if outcome.facets else []:
        others = {key: value for key, value in active_facets.items() if key != name}
        outcome.remove_links.append((_query_string(**base, type=outcome.type, **others), label))

    shown = [entry for entry in entries if not outcome.type or entry.key == outcome.type]
    picks = promotions(query, locale, context) if query and not outcome.type else []
    promoted_pks = {(entry.key if entry else "", obj.pk) for entry, obj, _pick in picks}
    merged = [
        (hit.rank, entry.key, hit.pk)
        for entry in shown
        for hit in hits[entry.key]
        if (entry.key, hit.pk) not in promoted_pks
    ]
    merged.sort(key=lambda item: -item[0])
    outcome.total = len(merged)
    page = Paginator(merged, settings.SEARCH_RESULTS_PER_PAGE).get_page(params.get("page"))
    outcome.page = page
    outcome.page_range = list(page.paginator.get_elided_page_range(page.number))
    picks = picks if page.number == 1 else []

    wanted = {}
    for _rank, key, pk in page.object_list:
        wanted.setdefault(key, []).append(pk)
    loaded = {key: search_type(key).fetch(pks, context) for key, pks in wanted.items()}
    found = [(search_type(key), loaded[key].get(pk)) for _rank, key, pk in page.object_list]
    found = [(entry, obj) for entry, obj in found if obj is not None]
    highlighter.prepare(
        [
            text
            for entry, obj, pick in [*picks, *((e, o, None) for e, o in found)]
            for text in shown_texts(entry, obj, pick)
        ]
    )
    outcome.promoted = [promoted_result(entry, obj, pick, highlighter) for entry, obj, pick in picks]
    outcome.results = [make_result(entry, obj, highlighter) for entry, obj in found]
    return outcome


def title_of(obj):
    return getattr(obj, "title", None) or str(obj)


def shown_texts(entry, obj, pick=None):
    """Every text of a result that is highlighted (marked in one go: search/headline.py)."""
    if entry is None and pick is not None and not pick.page_id:
        return [pick.external_link_text or pick.external_link_url, pick.description]
    texts = [title_of(obj), *(entry.texts(obj) if entry else [])]
    return [*texts, pick.description] if pick is not None and pick.description else texts


def make_result(entry, obj, highlighter, promoted=False):
    summary = highlighter.snippet(entry.texts(obj)) if entry else ""
    return Result(entry=entry, obj=obj, title=highlighter.highlight(title_of(obj)), summary=summary, promoted=promoted)


def promoted_result(entry, obj, pick, highlighter):
    if pick.page_id:
        result = make_result(entry, obj, highlighter, promoted=True)
        if pick.description:
            result.summary = highlighter.highlight(pick.description)
        return result
    pick.search_url = pick.external_link_url
    return Result(
        entry=None,
        obj=pick,
        title=highlighter.highlight(pick.external_link_text or pick.external_link_url),
        summary=highlighter.highlight(pick.description),
        promoted=True,
    )


def promotions(query, locale, context):
    """Editors' picks for this query (wagtail.contrib.search_promotions), first: pages only
    when live, public and in the visitor's language; external links always. As
    (search type or None, object, pick)."""
    visible_pages = Page.objects.live().public().filter(locale=locale).values("pk")
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=visible_pages))
        .select_related("page", "page__content_type")
        .order_by("sort_order", "pk")
    )
    entries_by_model = {entry.get_model(): entry for entry in search_types()}
    by_entry = {}
    for pick in picks:
        if pick.page_id:
            model = pick.page.content_type.model_class()
            by_entry.setdefault(entries_by_model.get(model), []).append(pick.page_id)
    loaded = {}
    for entry, pks in by_entry.items():
        if entry is None:
            pages = Page.objects.filter(pk__in=pks)
            loaded[None] = {page.pk: _plain_page(page, context) for page in pages}
        else:
            loaded[entry] = entry.fetch(pks, context)
    results = []
    for pick in picks:
        if pick.page_id:
            entry = entries_by_model.get(pick.page.content_type.model_class())
            obj = loaded.get(entry, {}).get(pick.page_id)
            if obj is not None:
                results.append((entry, obj, pick))
        else:
            results.append((None, pick, pick))
    return results


def _plain_page(page, context):
    page.search_url = page.get_url(context.request)
    return page
