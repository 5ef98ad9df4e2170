"""The scale-out switches of README's "Scaling out": each one, turned on from the
environment, gives the settings it promises (no cloud service is called)."""

import json
import subprocess
import sys

import pytest

from django.test import Client

from kits.factories import KitPageFactory
from kits.models import KitIndexPage
from tests.deploy_helpers import ROOT, production_env

PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'storage': settings.STORAGES['default']['BACKEND'], "
    "'endpoint': getattr(settings, 'AWS_S3_ENDPOINT_URL', None), "
    "'apps': settings.INSTALLED_APPS, 'purge': getattr(settings, 'WAGTAILFRONTENDCACHE', None), "
    "'cache': settings.CACHES['default']['BACKEND']}))"
)


def production_settings(tmp_path, **extra):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=production_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_need_no_service(tmp_path):
    found = production_settings(tmp_path)
    assert found["storage"] == "django.core.files.storage.FileSystemStorage"
    assert "wagtail.contrib.frontend_cache" not in found["apps"]
    assert found["cache"].endswith("LocMemCache")


def test_switches_turn_on_s3_media_redis_and_cdn_purge(tmp_path):
    found = production_settings(
        tmp_path,
        S3_BUCKET="relais-media",
        S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        REDIS_URL="redis://127.0.0.1:6379/0",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
    )
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["endpoint"] == "https://s3.fr-par.scw.cloud"
    assert found["cache"] == "core.cache.FailoverRedisCache"  # Redis, and the site survives its outage
    assert "wagtail.contrib.frontend_cache" in found["apps"]
    assert found["purge"]["default"]["LOCATION"] == "http://127.0.0.1:6081"


@pytest.mark.django_db
def test_anonymous_pages_tell_a_cdn_how_long_to_keep_them(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PUBLIC_CACHE_MAX_AGE = 120
    assert "max-age=120" in Client().get("/")["Cache-Control"]
    assert "public" in Client().get("/")["Cache-Control"]  # the stored copy says it too
    kit = KitPageFactory(parent=KitIndexPage.objects.get(locale__language_code="fr"), title="Kit au formulaire")
    kit.save_revision().publish()
    form_page = Client().get(kit.url + kit.reverse_subpage("declare"))  # holds a CSRF token
    assert "public" not in form_page.get("Cache-Control", "")
