"""The site's URLs plus one view that fails, for the error-page tests."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("secret-internal-detail: connection string postgres://relais:pw@db")


urlpatterns = [path("boom/", broken), *site_urlpatterns]
