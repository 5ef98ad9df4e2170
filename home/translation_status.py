"""Which page translations are out of date, for the editors' dashboard. wagtail-localize
keeps, per source page, when its content was last extracted (`TranslationSource.
last_updated_at`, moved by "Sync translated pages"): a source published since then has
changes its translations do not carry yet. A translation whose strings are not all
translated is "waiting for translations", as wagtail-localize's own status says.
A constant number of queries, whatever the number of translations."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

SOURCE_CHANGED = _("Source changed since the last sync")
WAITING = _("Waiting for translations")


@dataclass
class OutdatedTranslation:
    page: Page  # the translated page
    source_page: Page
    reasons: list
    missing: int
    synced_at: object  # when the source was last extracted (datetime)
    edit_url: str
    sync_url: str


def _progress(translations):
    """{translation id: number of strings not translated yet} in two queries."""
    source_ids = {translation.source_id for translation in translations}
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values_list("source_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    done = {}
    for locale_id in {translation.target_locale_id for translation in translations}:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .filter(Exists(translated))
            .values_list("source_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for source_id, n in rows:
            done[(source_id, locale_id)] = n
    return {
        translation.pk: totals.get(translation.source_id, 0)
        - done.get((translation.source_id, translation.target_locale_id), 0)
        for translation in translations
    }


def outdated_page_translations():
    """Every enabled translation of a page that is behind its source, oldest sync first."""
    translations = list(
        Translation.objects.filter(enabled=True).select_related("source", "source__object", "target_locale")
    )
    keys = {translation.source.object.translation_key for translation in translations}
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).select_related("locale")
    }
    missing = _progress(translations)
    found = []
    for translation in translations:
        key = translation.source.object.translation_key
        source_page = pages.get((key, translation.source.locale_id))
        page = pages.get((key, translation.target_locale_id))
        if source_page is None or page is None:
            continue  # a snippet's translation, or a page not created yet
        reasons = []
        published = source_page.last_published_at
        if published and published > translation.source.last_updated_at:
            reasons.append(SOURCE_CHANGED)
        if missing[translation.pk] > 0:
            reasons.append(WAITING)
        if reasons:
            found.append(
                OutdatedTranslation(
                    page=page,
                    source_page=source_page,
                    reasons=reasons,
                    missing=max(missing[translation.pk], 0),
                    synced_at=translation.source.last_updated_at,
                    edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    sync_url=reverse("wagtail_localize:update_translations", args=[translation.source_id]),
                )
            )
    found.sort(key=lambda item: item.synced_at)
    return found
