"""Public impact figures (aggregates only, never a person): the home page's counters and
the map of France by département on the local actions page."""

from django import template

from core.fragment_cache import cached_fragment
from core.territories import DEPARTEMENTS
from kits import france_map, indicators
from kits.cache_sections import DECLARATIONS_SECTION

register = template.Library()

# Shades from light to dark; every tile also prints its number, so colour is never needed.
SHADES = [
    (0, "#f3f1ea", "#1d2327"),
    (1, "#cfe6e1", "#1d2327"),
    (3, "#8fc4ba", "#1d2327"),
    (10, "#2f8a7e", "#ffffff"),
    (30, "#0c5c55", "#ffffff"),
]


def shade(count):
    fill, ink = SHADES[0][1:]
    for threshold, colour, text in SHADES:
        if count >= threshold:
            fill, ink = colour, text
    return fill, ink


def legend():
    items = []
    for index, (threshold, fill, _ink) in enumerate(SHADES):
        upper = SHADES[index + 1][0] - 1 if index + 1 < len(SHADES) else None
        if threshold == 0:
            label = "0"
        elif upper is None:
            label = f"{threshold}+"
        elif upper == threshold:
            label = str(threshold)
        else:
            label = f"{threshold}–{upper}"
        items.append({"fill": fill, "label": label})
    return items


def _cached(request, name, compute):
    """Aggregates over every declaration, computed once per change of the declarations
    (kits/signals.py) or of the pages."""
    if not request:
        return compute()
    return cached_fragment(request, name, compute, sections=(DECLARATIONS_SECTION,))


@register.inclusion_tag("kits/components/impact_counters.html", takes_context=True)
def impact_counters(context, wall_url=""):
    """The three figures; with `wall_url` (the local actions page), a small map too."""
    return {
        "counts": _cached(context.get("request"), "impact-counters", indicators.public_counts),
        "wall_url": wall_url,
        "request": context.get("request"),
    }


@register.inclusion_tag("kits/components/actions_map.html", takes_context=True)
def actions_map(context, stories=None):
    """France by département, shaded by the local actions told (`stories`, {code: count},
    from the wall that shows them), with the declared actions as the second figure of each
    département; without `stories`, shaded by declared actions."""
    return _map(context, stories)


@register.inclusion_tag("kits/components/small_map.html", takes_context=True)
def small_actions_map(context, wall_url):
    """The home page's small map of declared actions: each département links to the wall
    filtered on it (`wall_url`)."""
    return {**_map(context, None, base=wall_url), "wall_url": wall_url}


def _map(context, stories, base=None):
    request = context.get("request")
    declared = _cached(request, "actions-by-territory", indicators.actions_by_territory)
    shaded = declared if stories is None else stories
    if base is None:
        base = request.path if request else ""

    def area(code):
        fill, ink = shade(shaded.get(code, 0))
        return {
            "code": code,
            "name": DEPARTEMENTS.get(code, code),
            "told": (stories or {}).get(code, 0),
            "declared": declared.get(code, 0),
            "fill": fill,
            "ink": ink,
            "url": f"{base}?departement={code}",
        }

    mainland = [{**area(code), "path": path} for code, path in france_map.outlines().items()]
    overseas = [{**area(code), "x": x, "y": y} for code, x, y in france_map.insets()]
    selected_code = request.GET.get("departement", "") if request else ""
    selected = area(selected_code) if selected_code in DEPARTEMENTS else None
    every = sorted(mainland + overseas, key=lambda item: item["code"])
    rows = sorted(
        (item for item in every if item["told"] or item["declared"]),
        key=lambda item: (-(item["told"] if stories is not None else item["declared"]), item["code"]),
    )
    return {
        "stories": stories is not None,
        "mainland": mainland,
        "overseas": overseas,
        "rows": rows,
        "legend": legend(),
        "width": france_map.WIDTH,
        "height": france_map.HEIGHT,
        "inset": france_map.INSET,
        "strip_top": france_map.STRIP_TOP,
        "selected": selected,
        "base": base,
    }
