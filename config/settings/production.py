"""Production: secrets and services from the environment; refuses to start without SECRET_KEY."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int
from config.settings.base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

DEBUG = False
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Behind a TLS-terminating proxy: trust its X-Forwarded-Proto and send plain HTTP to HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is opt-in (SECURE_HSTS_PRELOAD): submitting a domain is hard to undo.
    "security.W021",
]
EMAIL_TIMEOUT = 10
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")  # noqa: F405
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 60 * 60)
