"""Public impact figures (aggregates only, never a person): the home page's counters and
the tile map of actions by département on the local actions page."""

from django import template

from core.fragment_cache import cached_fragment
from core.territories import DEPARTEMENTS
from kits import indicators, tile_map

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
    """Aggregates over every declaration, computed once per content change (any new
    declaration renews them, home/page_cache_signals.py)."""
    return cached_fragment(request, name, compute) if request else compute()


@register.inclusion_tag("kits/components/impact_counters.html", takes_context=True)
def impact_counters(context):
    return {"counts": _cached(context.get("request"), "impact-counters", indicators.public_counts)}


@register.inclusion_tag("kits/components/actions_map.html", takes_context=True)
def actions_map(context):
    request = context.get("request")
    counts = _cached(request, "actions-by-territory", indicators.actions_by_territory)
    base = request.path if request else ""
    tiles = []
    for code, x, y, overseas in tile_map.tiles():
        count = counts.get(code, 0)
        fill, ink = shade(count)
        tiles.append(
            {
                "code": code,
                "name": DEPARTEMENTS.get(code, code),
                "x": x,
                "y": y,
                "count": count,
                "fill": fill,
                "ink": ink,
                "overseas": overseas,
                "url": f"{base}?departement={code}",
            }
        )
    selected_code = request.GET.get("departement", "") if request else ""
    selected = None
    if selected_code in DEPARTEMENTS:
        selected = {"code": selected_code, "name": DEPARTEMENTS[selected_code], "count": counts.get(selected_code, 0)}
    rows = sorted((tile for tile in tiles if tile["count"]), key=lambda tile: (-tile["count"], tile["code"]))
    return {
        "tiles": tiles,
        "rows": rows,
        "legend": legend(),
        "width": tile_map.WIDTH,
        "height": tile_map.HEIGHT,
        "overseas_y": tile_map.tiles()[-1][2] - 8,
        "selected": selected,
        "base": base,
    }
