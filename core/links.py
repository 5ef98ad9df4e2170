"""The one place that writes absolute URLs: e-mails, calendar files, feeds, the sitemap,
robots.txt, structured data and canonical links all start from BASE_URL, the public
address of the site (never the request's host, nor Wagtail's Site record)."""

from django.conf import settings


def absolute_url(path):
    """`path` ("/kits/…") on the public address; a full URL is returned unchanged."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.BASE_URL + path


def page_url(page, suffix=""):
    """A Wagtail page's public address (its path within its site, on BASE_URL)."""
    return absolute_url(page.get_url_parts()[2] + suffix)
