"""wagtail-localize's "Sync translated pages" checks only `submit_translation`, then saves
and may publish every translation: for a structural page that would let Editors change
the English home page. This URL comes first (order=-1) and refuses it to anyone who may
not edit the page (home/permissions.py). The dashboard lists the page translations that
are behind their source (home/translation_panel.py).

Translations go through the page's workflow: the translation editor's "Save draft" and
"Submit to …" (home/translation_review.py) are answered before wagtail-localize's own hook.
In the page editor, the main button is the next step of the review (home/review_shortcuts.py)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail import hooks
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home.permissions import StructuralPageMixin, is_site_administrator
from home.review_shortcuts import next_review_step_first
from home.translation_panel import OutdatedTranslationsPanel
from home.translation_review import answer_review_action

update_translations = UpdateTranslationsView.as_view()


def guarded_update_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    structural = isinstance(instance, StructuralPageMixin) and instance.is_structural()
    if structural and not is_site_administrator(request.user):
        raise PermissionDenied
    return update_translations(request, translation_source_id=translation_source_id)


@hooks.register("register_admin_urls", order=-1)
def register_guarded_update_translations():
    return [path("localize/update/<int:translation_source_id>/", guarded_update_translations)]


hooks.register("before_edit_page", answer_review_action, order=-1)
hooks.register("construct_page_action_menu", next_review_step_first)


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(OutdatedTranslationsPanel())
