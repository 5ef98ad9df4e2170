"""Shortcuts along the review of a page, measured by the editors' walk-through
(tests/browser/test_editor_walkthrough.py, decision 0032).

- The editor's main button is the next step of the page's review: "Submit to Kit review"
  for someone who may not publish, "Approve and publish" for the reviewer of a page in
  review. "Save draft" stays in the menu beside it (and Wagtail autosaves), as the
  translation editor already does (decision 0022).
- The e-mail telling the author their page was approved links to its translation into each
  language it still lacks, with that language ticked (wagtail-localize's `select_locale`)."""

from django.urls import reverse
from django.utils.http import urlencode

from wagtail.models import Locale, Page


def next_review_step_first(menu_items, request, context):
    """`construct_page_action_menu` hook: the first item becomes the main button."""
    by_name = {item.name: item for item in menu_items}
    step = next(
        (item for item in menu_items if item.name == "approve" and not getattr(item, "launch_modal", False)),
        None,
    )
    if step is None and "action-publish" not in by_name:
        step = by_name.get("action-submit")
    if step is not None:
        menu_items.remove(step)
        menu_items.insert(0, step)


def translation_shortcuts(page, user):
    """[(language name, admin path)] to translate `page` into each locale it lacks, for a
    `user` who may submit translations; none for an alias or a page that is a translation."""
    if not isinstance(page, Page) or page.alias_of_id or user is None:
        return []
    if not user.has_perm("wagtail_localize.submit_translation") or page.locale_id != Locale.get_default().pk:
        return []
    translated = page.get_translations(inclusive=True).filter(alias_of__isnull=True).values_list("locale_id")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return [
        (locale.get_display_name(), f"{url}?{urlencode({'select_locale': locale.language_code})}")
        for locale in Locale.objects.exclude(pk__in=translated).order_by("language_code")
    ]
