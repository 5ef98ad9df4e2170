"""What a write refreshes in the anonymous page cache (core.page_cache).

Listed here are the models no public page shows, whose writes are frequent (renditions
are created while a page renders; sessions and downloads on every visit): writing them
refreshes nothing. An app may say which sections one of its objects shows
(`register_sections`: a registration shows its session, `event:<pk>`); a write to it then
refreshes only the pages that showed those sections. Every other write, and every page
published, unpublished or moved, refreshes every page (`ALL`): a new model is safe by
default."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from core.page_cache import ALL, invalidate

IGNORED_APPS = {
    "sessions",
    "admin",
    "contenttypes",
    "auth",
    "account",
    "mfa",
    "socialaccount",
    "django_tasks_database",  # django_tasks_db's label: queued e-mails (production settings)
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


# "app_label.model" -> sections(instance): what one object of that model shows.
_sections = {}


def register_sections(label, sections):
    """`sections(instance)` lists the page-cache sections an object of the model `label`
    ("events.registration") shows; writes to it refresh only those (none: nothing)."""
    _sections[label.lower()] = sections


def shown_publicly(model):
    meta = model._meta
    return meta.app_label not in IGNORED_APPS and meta.label_lower not in IGNORED_MODELS


def sections_of(model, instance):
    """The sections a write to `instance` refreshes: () for nothing."""
    if not shown_publicly(model):
        return ()
    found = _sections.get(model._meta.label_lower)
    if found is None or instance is None:
        return (ALL,)
    return tuple(found(instance))


def _on_write(sender, instance=None, using=None, **kwargs):
    sections = sections_of(sender, instance)
    if sections:
        invalidate(*sections)
        if transaction.get_connection(using).in_atomic_block:
            # Again once committed: a page rendered meanwhile read the data as it was
            # before, under the generation just bumped.
            transaction.on_commit(lambda: invalidate(*sections), using=using)


def _on_m2m_change(sender, **kwargs):
    if shown_publicly(sender):  # a relation changed: which pages show it is not known here
        invalidate(ALL)


def _on_page_event(sender, **kwargs):
    invalidate(ALL)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(_on_write, dispatch_uid=f"page-cache-{id(signal)}")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="page-cache-m2m")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"page-cache-page-{id(signal)}")
