"""Wagtail's page URLs end with a slash and have no dot: calendar files
(`/evenements/calendrier.ics`, `/en/events/<slug>/calendrier.ics`) are handed to
the pages' own `calendrier.ics` routes from here. Mounted in i18n_patterns before Wagtail."""

from django.urls import re_path

from wagtail import views as wagtail_views


def page_calendar_file(request, path):
    return wagtail_views.serve(request, path + "/")


urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)+calendrier\.ics)$", page_calendar_file, name="events_calendar_file"),
]
