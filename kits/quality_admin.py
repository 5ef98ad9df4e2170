"""The quality panel while the editor types: the panel's script posts the edit form here
(debounced) and gets the panel back, assessed by the kit's own admin form — the rules of
kits/quality.py, valid blocks only, as on "Save draft" and on publishing. Nothing is saved."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from wagtail.models import Page

from kits.models import KitPage
from kits.quality import WORDS_PER_MINUTE


def _kit_and_parent(request, of, pk):
    if of not in ("page", "parent"):
        raise Http404
    if of == "page":
        real = get_object_or_404(KitPage, pk=pk)
        if not real.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return real.get_latest_revision_as_object(), real.get_parent()
    parent = get_object_or_404(Page, pk=pk)
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return KitPage(), parent


def assess_form(request, kit, parent):
    form_class = KitPage.get_edit_handler().get_form_class()
    form = form_class(request.POST, request.FILES, instance=kit, parent_page=parent, for_user=request.user)
    form.defer_required_fields()  # a title not written yet does not stop the figures
    form.is_valid()
    # KitPageForm.clean() assesses what was sent; a form refused before it, as saved.
    return getattr(form, "quality_assessment", None) or kit.quality


@require_POST
def live_quality(request, of, pk):
    kit, parent = _kit_and_parent(request, of, pk)
    try:
        assessment = assess_form(request, kit, parent)
    except (KeyError, ValueError):  # not an edit form (a field's block data missing)
        return JsonResponse({"error": "not a kit form"}, status=400)
    html = render_to_string(
        "kits/admin/quality_figures.html",
        {"quality": assessment, "source": "live", "words_per_minute": WORDS_PER_MINUTE},
        request=request,
    )
    return JsonResponse(
        {
            "html": html,
            "words": assessment.words,
            "steps": assessment.steps,
            "materials": assessment.materials,
            "verdicts": sorted(assessment.codes),
        }
    )
