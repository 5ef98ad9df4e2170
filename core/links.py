"""The one place that writes absolute URLs: e-mails, calendar files, feeds, the sitemap,
robots.txt, structured data and canonical links all start from BASE_URL, the public
address of the site (never the request's host).

Wagtail builds `page.full_url` (its workflow e-mails, `{% fullpageurl %}`) from its Site
record instead: `align_site_record()` keeps that record on BASE_URL after every migrate and
in `load_demo`, and the `relais.W001` check says when the two differ."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError, connections

from wagtail.models import Site

DEFAULT_PORTS = {"https": 443, "http": 80}


def absolute_url(path):
    """`path` ("/kits/…") on the public address; a full URL is returned unchanged."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.BASE_URL + path


def rebase_url(url):
    """The same path, query and fragment on the public address, whatever host `url` was
    built on (a library's `request.build_absolute_uri()`, Wagtail's Site record)."""
    split = urlsplit(str(url))
    return absolute_url(urlunsplit(("", "", split.path or "/", split.query, split.fragment)))


def page_url(page, suffix="", request=None):
    """A Wagtail page's public address (its path within its site, on BASE_URL), or None
    when the page cannot be reached (no site holds it)."""
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    return absolute_url(parts[2] + suffix)


def site_address():
    """(hostname, port) of BASE_URL, the port implied by the scheme when it is absent."""
    split = urlsplit(settings.BASE_URL)
    return split.hostname or "localhost", split.port or DEFAULT_PORTS.get(split.scheme, 80)


def align_site_record(using="default"):
    """Put the default Wagtail Site on BASE_URL's hostname and port (nothing to do when
    there is no default site yet). Saved, not updated, so that Wagtail's signal forgets
    its cached site root paths. Run after every migrate (core/apps.py) and by load_demo."""
    hostname, port = site_address()
    sites = Site.objects.using(using)
    site = sites.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return site
    if sites.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        return site  # another site holds that address: left to the editors, the check warns
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    return site


def align_site_record_after_migrate(using="default", **kwargs):
    """post_migrate receiver: also sent after `migrate wagtailcore zero`, table gone."""
    if Site._meta.db_table in connections[using].introspection.table_names():
        align_site_record(using=using)


def check_site_record(app_configs=None, databases=None, **kwargs):
    """relais.W001: the default Site does not stand on BASE_URL, so page.full_url and
    Wagtail's e-mails would link elsewhere. Only when the check is given databases
    (`check --database default`, `migrate`): a plain `check` runs no query."""
    hostname, port = site_address()
    warnings = []
    for alias in databases or ():
        try:
            site = Site.objects.using(alias).filter(is_default_site=True).first()
        except DatabaseError:  # ProgrammingError, OperationalError: no tables yet, and
            continue  # the migrate that creates them aligns the record
        if site is None or (site.hostname, site.port) == (hostname, port):
            continue
        warnings.append(
            checks.Warning(
                f"The default Wagtail Site is {site.hostname}:{site.port} but BASE_URL is {settings.BASE_URL}: "
                "page.full_url and Wagtail's workflow e-mails would not link to BASE_URL.",
                hint=f"Run `manage.py migrate` or `manage.py load_demo` (they set it to {hostname}:{port}), "
                "or edit the site in Settings → Sites. Wagtail writes https only for port 443.",
                obj=site,
                id="relais.W001",
            )
        )
    return warnings
