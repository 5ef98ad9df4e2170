"""URLs of the wall of local actions (/actions-locales/, /en/local-actions/) and of its
sub-routes, in a given language: relative for pages, absolute for e-mails."""

from django.apps import apps
from django.conf import settings

from core.links import absolute_url


def wall_page(language):
    """The live wall in `language`, else the one in the default language (or None).
    Found by model name: the page's module imports the views, which need these links."""
    wall_model = apps.get_model("community", "TestimonialIndexPage")
    pages = {page.locale.language_code: page for page in wall_model.objects.live().select_related("locale")}
    return pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)


def wall_path(language):
    page = wall_page(language)
    return page.get_url_parts()[2] if page else "/actions-locales/"


def share_url(language, token=None, absolute=True):
    url = wall_path(language) + "partager/"
    if token:
        url += f"?declaration={token}"
    return absolute_url(url) if absolute else url


def testimonial_url(testimonial, language=None, absolute=True):
    url = wall_path(language or testimonial.language) + f"{testimonial.pk}/"
    return absolute_url(url) if absolute else url
