"""Local development: the embedded default (SQLite, local memory, console e-mail)."""

from config.env import env, env_int
from config.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]
COMMENTS_XTD_SALT = b"relais-dev-comments-salt"
# runserver serves static files from the apps; no collectstatic needed in development.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Template changes show on reload: no whole-page cache unless asked for.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 0)
