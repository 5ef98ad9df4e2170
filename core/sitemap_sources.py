"""Addresses the sitemap lists beyond Wagtail's pages: the subpages of routable pages (an
association's page in the directory, a local action, the topics page), registered by the
apps that own them from `AppConfig.ready()`:

    register_sitemap_source(association_addresses)

A source is called with no argument and returns groups of the same content in each
language: [[(language_code, absolute_url, lastmod or None), …], …]. The sitemap (home/)
only reads this registry."""

_sources = []


def register_sitemap_source(source):
    if source not in _sources:
        _sources.append(source)


def groups():
    for source in _sources:
        yield from source()
