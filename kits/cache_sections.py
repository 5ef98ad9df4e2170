"""The page-cache section of the declarations (core.page_cache): the impact counters and
the map of declared actions, wherever they show. A declaration refreshes those pages, not
the kits' own pages (which show no declaration)."""

DECLARATIONS_SECTION = "declarations"


def declaration_sections(declaration):
    return [DECLARATIONS_SECTION]
