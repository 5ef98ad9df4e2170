"""Settings shared by every environment. Everything that varies comes from the
environment (see README, Configuration); nothing here is a secret."""

from pathlib import Path

import dj_database_url

from config.env import email_settings, env, env_int, env_list
from core.admin_wording import CONTENT_LANGUAGES
from core.backup_retention import DATE_FORMAT as BACKUP_DATE_FORMAT
from core.backup_retention import monthly_keeper

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"

SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Relais apps first, so that their templates override the libraries', lowest layer
    # first (docs/architecture.md): demo content and daily jobs follow this order.
    "core",
    "home",
    "community",
    "community.associations",
    "community.members",
    "kits",
    "events",
    "community.testimonials",
    "community.articles",
    "community.comments",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (docs/traps.md)
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_comments_xtd",
    "django_comments",
    "django_tasks",
    "django_tasks_db",
    "dbbackup",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security_headers.ContentSecurityPolicyMiddleware",
    "core.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.hostile_input.StripNulMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.ratelimit.RequestRateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.cached_users.CachedUserAuthenticationMiddleware",  # the user from the cache (decision 0033)
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.two_factor.StaffOnlyAdminMiddleware",
    "core.two_factor.StaffTwoFactorMiddleware",
    "core.member_page_cache.MemberPageCacheMiddleware",  # the shared page, parts filled per member
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default holds concurrent writes: readers never block the writer (WAL),
    # a writer waits up to 20 s for another (busy timeout) and takes the write lock when its
    # transaction begins (IMMEDIATE), so two read-then-write transactions queue instead of
    # failing with "database is locked". PostgreSQL stays the production database.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every worker), else local memory.
# An accelerator, never a dependency: while Redis is unreachable pages are served uncached,
# rate limits count per process, /healthz says "degraded" (core/cache.py).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailoverRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"RETRY_SECONDS": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages for anonymous visitors (home/page_cache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Menu and footer, rendered once per content change (home/fragment_cache.py); 0 turns it off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French at the root, English under /en/.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = CONTENT_LANGUAGES  # the same codes, named in the admin's language
LOCALE_PATHS = [SITE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False  # docs/traps.md

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60  # non-hashed files; hashed ones get a far-future header

# E-mail: EMAIL_URL (smtp://…, console://, file:///…) or EMAIL_BACKEND (+ EMAIL_FILE_PATH).
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Relais <noreply@relais.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if env("EMAIL_URL"):
    globals().update(email_settings(env("EMAIL_URL")))
elif env("EMAIL_BACKEND"):
    EMAIL_BACKEND = env("EMAIL_BACKEND")
if env("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
EMAIL_SUBJECT_PREFIX = "[Relais] "
ADMINS = [("Relais", address) for address in env_list("ADMINS")]

# Background tasks: run at once unless a settings module picks the database worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail.
WAGTAIL_SITE_NAME = "Relais"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "png", "jpg", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Comments (django-comments-xtd), configured as docs/traps.md advises.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 1
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_CONFIRM_EMAIL = True
COMMENTS_XTD_SALT = (env("COMMENTS_XTD_SALT") or f"relais-comments-{SECRET_KEY}").encode()
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENT_MAX_LENGTH = 3000
# Our own views (community/comments/) post, confirm and flag; these describe the same
# rules for comments-xtd's template tags and admin.
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {"who_can_post": "all", "allow_flagging": True, "allow_feedback": False, "show_feedback": False}
}

# Behind a proxy: how many proxies in front of us we trust for X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Member accounts (django-allauth): everyone, editors included, signs in at /compte/login/,
# so the rate limits below protect the Wagtail admin too (docs/traps.md).
LOGIN_URL = "account_login"  # /compte/login/, or /en/compte/login/ in English
LOGIN_REDIRECT_URL = "account_home"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # the admin's own reset form would bypass allauth's rate limits
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "community.members.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "community.members.adapter.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.members.forms.MemberSignupFields"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account; changing it verifies the new one first
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None  # the visitor chooses ("Remember me")
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tell people when their password or e-mail address changes
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https://") else "http"
# Counted in the cache (Redis in production, shared by every worker).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Every public request that reaches a view (page-cache hits excluded), per client address:
# (name, path prefix, requests, seconds), first matching prefix wins (core/ratelimit.py).
# Suggestions come as one types; a search costs ~100 ms of CPU; everything else is generous.
REQUEST_RATE_LIMITS = [
    ("suggestions", "/recherche/suggestions/", 120, 60),
    ("suggestions", "/en/recherche/suggestions/", 120, 60),
    ("search", "/recherche/", 60, 60),
    ("search", "/en/recherche/", 60, 60),
    ("pages", "/", 600, 60),
]
REQUEST_RATE_LIMIT_EXEMPT = ("/admin/", "/django-admin/", "/healthz", "/static/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.logging.JSONFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "plain")},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False},
        "relais.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # One line per background task is noise in development and tests.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

SESSION_COOKIE_HTTPONLY = True
# Sessions from the cache, written through to the database; database only while Redis is
# down (core/sessions.py): a signed-in request costs no session query.
SESSION_ENGINE = "core.sessions"
LANGUAGE_COOKIE_NAME = "relais_language"

# Security -------------------------------------------------------------------------------
# Content Security Policy (django-csp): public pages run no inline script or style and ask
# nothing of another origin; the admins (their templates carry inline scripts, docs/traps.md)
# get ADMIN_CONTENT_SECURITY_POLICY from core.security_headers.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "media-src": [_SELF],
        "frame-src": [_NONE],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [_SELF, "'unsafe-inline'"],
    "style-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:", "blob:"],
    "frame-src": [_SELF],  # the page preview panel
    "frame-ancestors": [_SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_COOKIE_HTTPONLY = True
# Documents are always downloaded, never displayed by the browser (a PDF/HTML polyglot
# then runs nowhere).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.ImageForm"  # fake images: an error, not a crash
# Guest registrations to peer sessions (events/views.py), as (attempts, seconds).
GUEST_REGISTRATION_RATE_LIMITS = {"address": (10, 3600), "email": (5, 3600)}
# Wagtail asks nothing of another origin either: no Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Private pages and documents: login or group only, never a shared password.
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Two-factor authentication (allauth.mfa): TOTP with recovery codes. Anyone who can open
# the Wagtail admin must set it up before using it (core.security_headers).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Relais"
MFA_REQUIRED_FOR_STAFF = True
# End of Security ------------------------------------------------------------------------

# Personal data ---------------------------------------------------------------------------
# Retention periods, in days, enforced daily by `purge_personal_data` (run_daily) and
# stated on the privacy page (home/privacy.py), so that both always agree.
RETENTION_DECLARATIONS_DAYS = 3 * 365  # kit declarations, after the last contact: anonymised
RETENTION_REGISTRATIONS_DAYS = 2 * 365  # event registrations, after the session: anonymised
RETENTION_GUEST_REGISTRATIONS_DAYS = 365  # guests' registrations: their consent text says one year
RETENTION_UNCONFIRMED_DAYS = 7  # guest registrations and comments never confirmed: deleted
RETENTION_DECLARATION_ACCESS_DAYS = 365  # who viewed or exported the declarations (staff): deleted
# Erasures, refused logins and rate-limit hits go to the "relais.security" log with a
# keyed hash of the e-mail address, never the address itself.
# End of Personal data --------------------------------------------------------------------

# Kits ---------------------------------------------------------------------------------
# Wagtail documents (kit materials first) live outside MEDIA_ROOT, in storage no web
# server exposes, and are only served by Django views that check collection view
# restrictions (kits/storage.py). Empty PRIVATE_MEDIA_ROOT: a sibling "<MEDIA_ROOT>-private".
WAGTAILDOCS_DOCUMENT_MODEL = "kits.PrivateDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kits.document_forms.DocumentForm"  # uploads go to the private "Kits"
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", "")
# End of Kits ---------------------------------------------------------------------------

# Backups (README "Backups"; core/backup.py) ---------------------------------------------
# django-dbbackup writes them to BACKUP_DIR, or to an S3-compatible bucket of another
# provider (BACKUP_S3_*), encrypted for BACKUP_GPG_RECIPIENT (a key in the server's GPG
# keyring: its public half is enough to back up). `backup` keeps the latest
# BACKUP_KEEP_DAILY and, of the older ones, those of the first of the month for
# BACKUP_KEEP_MONTHS months.
BACKUP_S3_BUCKET = env("BACKUP_S3_BUCKET")
if BACKUP_S3_BUCKET:
    STORAGES["dbbackup"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BACKUP_S3_BUCKET,
            "endpoint_url": env("BACKUP_S3_ENDPOINT_URL") or None,
            "region_name": env("BACKUP_S3_REGION") or None,
            "access_key": env("BACKUP_S3_ACCESS_KEY_ID"),
            "secret_key": env("BACKUP_S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
else:
    STORAGES["dbbackup"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(Path(env("BACKUP_DIR", str(BASE_DIR / "backups"))).resolve())},
    }
DBBACKUP_GPG_RECIPIENT = env("BACKUP_GPG_RECIPIENT") or None
DBBACKUP_GPG_ALWAYS_TRUST = True  # the recipient is the operator's own key, named on purpose
DBBACKUP_DATE_FORMAT = BACKUP_DATE_FORMAT
DBBACKUP_CLEANUP_KEEP = env_int("BACKUP_KEEP_DAILY", 30)
DBBACKUP_CLEANUP_KEEP_MEDIA = DBBACKUP_CLEANUP_KEEP
DBBACKUP_CLEANUP_KEEP_FILTER = monthly_keeper(env_int("BACKUP_KEEP_MONTHS", 12))
DBBACKUP_SEND_EMAIL = bool(env_list("ADMINS"))  # a failed backup e-mails ADMINS
# End of Backups -------------------------------------------------------------------------

# Declarations --------------------------------------------------------------------------
# "Je me lance" (kits/views.py): submissions per client address and per e-mail, and
# re-sends of expired links, as (attempts, seconds). A signed download link works for
# DOWNLOAD_LINK_DAYS after it was sent and, whatever the date, until
# DOWNLOAD_LINK_DAYS_AFTER_ACTION days after the planned date; never once cancelled.
DECLARATION_RATE_LIMITS = {"address": (10, 3600), "email": (5, 3600), "resend": (5, 3600)}
DECLARATION_RESEND_INTERVAL = 3600  # a duplicate declaration re-sends the links at most once an hour
DOWNLOAD_LINK_DAYS = 30
DOWNLOAD_LINK_DAYS_AFTER_ACTION = 7
DECLARATION_UNDO_DAYS = 30  # a cancellation can be undone for this long
KIT_REMINDER_DAYS_BEFORE = 7
KIT_FOLLOWUP_DAYS_AFTER = 2  # "how did it go?" goes out this many days after the planned date
RETENTION_TESTIMONIALS_DAYS = 183
# End of Declarations -------------------------------------------------------------------

# Search ---------------------------------------------------------------------------------
# The database backend. On PostgreSQL it uses the text-search configurations created by
# search/migrations (accents folded; French stemming for every language, see search/README.md).
# search.backend only adds the autocomplete configuration to modelsearch's own backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"].update(SEARCH_CONFIG="fr_unaccent", AUTOCOMPLETE_CONFIG="simple_unaccent")
SEARCH_MAX_QUERY_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
# End of Search --------------------------------------------------------------------------

# Beyond one machine (README "Scaling out") ---------------------------------------------
# Each switch is off by default; the embedded default needs none of them.
# Public images and uploads on S3-compatible object storage (Scaleway, OVH, MinIO, AWS).
# Kit materials stay in PRIVATE_MEDIA_ROOT (a volume shared by the web machines).
S3_BUCKET = env("S3_BUCKET")
if S3_BUCKET:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = S3_BUCKET
    AWS_S3_ENDPOINT_URL = env("S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env("S3_REGION") or None
    AWS_ACCESS_KEY_ID = env("S3_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env("S3_SECRET_ACCESS_KEY")
    AWS_S3_CUSTOM_DOMAIN = env("S3_CUSTOM_DOMAIN") or None  # e.g. the CDN in front of the bucket
    AWS_QUERYSTRING_AUTH = False  # public images: plain, cacheable URLs
    AWS_S3_FILE_OVERWRITE = False
# A CDN or Varnish in front: Wagtail purges a page's URLs when it is published or
# unpublished, and anonymous pages say how long the CDN may keep them.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
PUBLIC_CACHE_MAX_AGE = env_int("PUBLIC_CACHE_MAX_AGE", 0)  # seconds; 0: no shared caching
# Elasticsearch 8 / OpenSearch once PostgreSQL full-text search is outgrown (needs the
# `elasticsearch` package; search/services.py reads results through the common API).
SEARCH_BACKEND_URL = env("SEARCH_BACKEND_URL")
if SEARCH_BACKEND_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [SEARCH_BACKEND_URL],
            "INDEX": env("SEARCH_INDEX", "relais"),
        }
    }
# End of Beyond one machine -------------------------------------------------------------
