"""The moderation inbox: in one admin view ("To moderate"), what waits for a decision in
every moderated kind (core.moderation's registry: apps register themselves), only the
kinds the person may change. Each section links to its own listing, filtered, and its
buttons open the kind's own bulk actions (core.moderation_admin): one implementation of
a decision, wherever it is taken. Two queries per kind (a count, the newest rows),
whatever the number of items."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from core.moderation import APPROVE, DECLINE, moderations
from core.moderation_admin import decision_url, list_url

SHOWN_PER_KIND = 25  # the rest is one click away, in the kind's listing


def may_moderate(moderation, user):
    return policy_registry.get_by_type(moderation.model).user_has_permission(user, "change")


def moderations_for(user):
    return [moderation for moderation in moderations() if may_moderate(moderation, user)]


def bulk_url(moderation, decision):
    meta = moderation.model._meta
    action = moderation.wording(decision).action
    return reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, action))


def edit_url(moderation, obj):
    meta = moderation.model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=(obj.pk,))


@dataclass
class Row:
    obj: object
    description: str
    edit_url: str
    received_at: object
    buttons: list  # (wording, url, accessible name)


@dataclass
class Section:
    moderation: object
    slug: str
    title: str
    count: int
    rows: list
    listing_url: str
    bulk: list  # (wording, bulk action URL) for the decisions pending items can take

    @property
    def more(self):
        return self.count - len(self.rows)


def section(moderation, user, next_url, limit=SHOWN_PER_KIND):
    pending = moderation.pending(user)
    count = pending.count()
    objects = list(pending.order_by(f"-{moderation.date_field}", "-pk")[:limit]) if count else []
    decisions = [d for d in (APPROVE, DECLINE) if not all(moderation.has_decision(obj, d) for obj in objects)]
    rows = [
        Row(
            obj,
            moderation.describe(obj),
            edit_url(moderation, obj),
            getattr(obj, moderation.date_field),
            [
                (moderation.wording(d), decision_url(moderation, d, obj, next_url), moderation.button_label(obj, d))
                for d in decisions
                if not moderation.has_decision(obj, d)
            ],
        )
        for obj in objects
    ]
    return Section(
        moderation,
        slug=moderation.model._meta.model_name,
        title=moderation.title(),
        count=count,
        rows=rows,
        listing_url=list_url(moderation) + moderation.pending_query,
        bulk=[(moderation.wording(d), bulk_url(moderation, d)) for d in decisions],
    )


def section_id(moderation):
    return f"{moderation.model._meta.model_name}-section"  # the panel's id (wagtailadmin/shared/panel.html)


def inbox_url():
    return reverse("relais_moderation_inbox")


class ModerationInboxView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/moderation_inbox.html"
    page_title = _("To moderate")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.kinds = moderations_for(request.user)
        if not self.kinds:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        here = inbox_url()
        context["sections"] = [section(moderation, self.request.user, here) for moderation in self.kinds]
        context["next_url"] = here
        return context


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(moderations_for(request.user))


def menu_item():
    return ModerationMenuItem(_("To moderate"), inbox_url(), name="moderation-inbox", icon_name="tasks", order=205)


class ModerationSummaryPanel(Component):
    """On the dashboard: how many wait in each kind the person moderates (one count each)."""

    name = "moderation_inbox"
    template_name = "core/admin/moderation_summary_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        url = inbox_url()
        counts = [
            (moderation.title(), moderation.pending(self.user).count(), f"{url}#{section_id(moderation)}")
            for moderation in moderations_for(self.user)
        ]
        return {"counts": counts, "total": sum(count for _title, count, _url in counts), "url": url}


def add_summary_panel(request, panels):
    if moderations_for(request.user):
        panels.append(ModerationSummaryPanel(request.user))
