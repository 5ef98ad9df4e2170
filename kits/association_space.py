"""The kits section of an association's space (community.associations.space): each kit of
theirs, drafts and kits in review included, with its state, its edit link and its figures
this month and over the last twelve months (kits.indicators). Five queries whatever the
number of kits and associations."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from wagtail.models import Locale, Page, WorkflowState

from kits import indicators
from kits.models import KitIndexPage, KitPage

STATES = {
    "live": pgettext_lazy("kit state", "Live"),
    "live_draft": pgettext_lazy("kit state", "Live, with a draft"),
    "draft": pgettext_lazy("kit state", "Draft"),
    WorkflowState.STATUS_IN_PROGRESS: pgettext_lazy("kit state", "In review"),
    WorkflowState.STATUS_NEEDS_CHANGES: pgettext_lazy("kit state", "Changes requested"),
}
NO_FIGURES = {"declarations": 0, "downloads": 0, "reported": 0}


def one_year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def periods(today):
    return {"month": today.replace(day=1), "year": one_year_before(today)}


def _state(kit, workflow_status):
    if workflow_status:
        return workflow_status
    if kit["live"]:
        return "live_draft" if kit["has_unpublished_changes"] else "live"
    return "draft"


def context(request, scope, today=None):
    today = today or timezone.localdate()
    default = Locale.get_default()
    # Declarations attach to the source-language kit: its figures cover every language.
    kits = list(
        KitPage.objects.filter(association__in=scope, locale=default)
        .order_by("title", "pk")
        .values("pk", "title", "live", "has_unpublished_changes", "association__name")
    )
    spans = periods(today)
    figures = indicators.per_kit_since({"scope": scope, "start": spans["year"]}, spans)
    in_review = dict(
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(k["pk"]) for k in kits])
        .values_list("object_id", "status")
    )
    for kit in kits:
        kit["state"] = _state(kit, in_review.get(str(kit["pk"])))
        kit["state_label"] = STATES[kit["state"]]
        kit["edit_url"] = reverse("wagtailadmin_pages:edit", args=(kit["pk"],))
        kit["month"] = figures.get(kit["pk"], {}).get("month", NO_FIGURES)
        kit["year"] = figures.get(kit["pk"], {}).get("year", NO_FIGURES)
    index = KitIndexPage.objects.filter(locale=default).values_list("pk", flat=True).first()
    return {
        "kits": kits,
        "several_associations": len(scope) > 1,
        "add_url": reverse("wagtailadmin_pages:add", args=("kits", "kitpage", index)) if index else None,
        "report_url": reverse("kits_indicators") + f"?start={spans['year'].isoformat()}&end={today.isoformat()}",
        "month_start": spans["month"],
        "year_start": spans["year"],
    }
