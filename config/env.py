"""Read configuration from the environment (README, Configuration)."""

import os
from urllib.parse import parse_qs, unquote, urlparse

TRUE_VALUES = {"1", "true", "yes", "on"}


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE_VALUES


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


EMAIL_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings(url):
    """Turn EMAIL_URL (smtp://user:pass@host:587?tls=1, console://, file:///path)
    into Django's EMAIL_* settings."""
    parsed = urlparse(url)
    if parsed.scheme not in EMAIL_SCHEMES:
        raise ValueError(f"Unknown EMAIL_URL scheme: {parsed.scheme!r}")
    settings = {"EMAIL_BACKEND": EMAIL_SCHEMES[parsed.scheme]}
    if parsed.scheme == "file":
        settings["EMAIL_FILE_PATH"] = parsed.path
    elif parsed.scheme.startswith("smtp"):
        query = parse_qs(parsed.query)
        settings.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or 25,
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_TLS=parsed.scheme == "smtp+tls" or query.get("tls") == ["1"],
            EMAIL_USE_SSL=parsed.scheme == "smtps" or query.get("ssl") == ["1"],
        )
    return settings
