"""Test settings: fast hashing, local memory, e-mails captured, tasks run at once."""

import os
import tempfile
from pathlib import Path

from config.env import env
from config.settings.base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
COMMENTS_XTD_SALT = b"relais-test-comments-salt"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Manifest storage needs collectstatic; plain storage keeps {% static %} working (docs/traps.md).
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / ".test-media")))  # noqa: F405
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests: serve from the finders
# Query budgets measure uncached views; tests/home/test_page_cache.py turns the cache on.
PAGE_CACHE_SECONDS = 0
MFA_REQUIRED_FOR_STAFF = False  # tests log staff in with force_login; tests/trust/test_mfa.py turns it on
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory: Django hands an in-memory database's one connection to the
    # live server's thread too, and the browser tests' requests then collide with the test's
    # own ("no such savepoint", "database table is locked"). With a file each thread has its
    # connection, and WAL with the busy timeout makes them wait for each other.
    # One file per test run (two runs at once must not share it), in the temporary folder.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"relais-test-{os.getpid()}.sqlite3")}  # noqa: F405
