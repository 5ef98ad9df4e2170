"""What empties the anonymous page cache: any write to a model that public pages show.

Listed here are the models no public page shows, whose writes are frequent (renditions
are created while a page renders; sessions and downloads on every visit): writing them
must not empty the cache. Everything else invalidates, so a new model is safe by default."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from core.page_cache import invalidate

IGNORED_APPS = {
    "sessions",
    "admin",
    "contenttypes",
    "auth",
    "account",
    "mfa",
    "socialaccount",
    "django_tasks_db",
    "wagtail_localize",
    "wagtailusers",
    "wagtailadmin",
    "wagtailsearch",
    "modelsearch",
    "search",  # its log of searches without results
}
IGNORED_MODELS = {
    "kits.kitdownload",
    "wagtailimages.rendition",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.uploadedfile",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
}


def shown_publicly(model):
    meta = model._meta
    return meta.app_label not in IGNORED_APPS and meta.label_lower not in IGNORED_MODELS


def _on_write(sender, **kwargs):
    if shown_publicly(sender):
        invalidate()


def _on_page_event(sender, **kwargs):
    invalidate()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"page-cache-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"page-cache-page-{id(signal)}")
