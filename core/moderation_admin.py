"""The admin side of core.moderation: for one `Moderation`, the two bulk actions (approve,
decline with a reason) with their confirmation page, and the row buttons that open them
for one object. An app's `wagtail_hooks.py` registers all of it in one call:

    register_moderation_admin(TESTIMONIALS, pending_query="?status=pending")"""

from django import forms
from django.contrib import messages
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from core.moderation import APPROVE, DECLINE, register_moderation


class SentFromTheSitePolicy(ModelPermissionPolicy):
    """For what people send from the site (membership requests, comments): moderators
    change it, nobody adds one in the admin (there would be no person behind it)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the person"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class OptionalReasonForm(ReasonForm):
    reason = forms.CharField(
        label=_("Reason (optional), kept in the history"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationBulkAction(SnippetBulkAction):
    """Base of the two actions `bulk_actions()` makes for a moderation."""

    moderation = None
    decision = None
    template_name = "core/admin/confirm_moderation.html"

    @classmethod
    def get_queryset(cls, model, object_ids):
        return cls.moderation.get_queryset().filter(pk__in=object_ids)

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_actionable_objects(self):
        """What the person may not even see (a kind moderated by several teams: another
        association's testimonial, by a crafted id) is left out, not named as refused."""
        objects, extra = super().get_actionable_objects()
        refused = extra["items_with_no_access"]
        if refused:
            candidates = self.moderation.get_queryset().filter(pk__in=[obj.pk for obj in refused])
            visible = set(self.moderation.visible_to(candidates, self.request.user).values_list("pk", flat=True))
            extra["items_with_no_access"] = [obj for obj in refused if obj.pk in visible]
        return objects, extra

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        moderation = self.moderation
        context["wording"] = moderation.wording(self.decision)
        context["serious"] = self.decision == DECLINE
        for item in context.get("items", []):
            item["description"] = moderation.describe(item["item"])
            item["warning"] = moderation.warning(item["item"], self.decision)
        return context

    def get_execution_context(self):
        reason = ""
        if self.decision == DECLINE:
            reason = self.cleaned_form.cleaned_data.get("reason", "")
        return {"user": self.request.user, "reason": reason, "request": self.request}

    @classmethod
    def execute_action(cls, objects, user=None, reason="", request=None, **kwargs):
        outcome = cls.moderation.decide(objects, cls.decision, user, reason)
        if outcome.refused and request is not None:
            for obj, why in outcome.refused:
                messages.warning(request, f"{cls.moderation.describe(obj)} — {why}")
        return len(outcome.changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            return None
        return self.moderation.wording(self.decision).done % {"count": num_parent_objects}


def bulk_actions(moderation):
    """(approve, decline) bulk action classes for `moderation`, to register as hooks."""
    made = []
    for decision, priority in ((APPROVE, 10), (DECLINE, 20)):
        wording = moderation.wording(decision)
        attrs = {
            "moderation": moderation,
            "decision": decision,
            "models": [moderation.model],
            "display_name": wording.label,
            "action_type": wording.action,
            "aria_label": wording.title,
            "action_priority": priority,
        }
        if decision == DECLINE:
            attrs["classes"] = {"serious"}
            attrs["form_class"] = ReasonForm if moderation.reason_required else OptionalReasonForm
        name = f"{moderation.model.__name__}{decision.capitalize()}BulkAction"
        made.append(type(name, (ModerationBulkAction,), attrs))
    return tuple(made)


def decision_url(moderation, decision, obj, next_url):
    meta = moderation.model._meta
    url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, moderation.wording(decision).action))
    return f"{url}?{urlencode({'id': obj.pk, 'next': next_url})}"


def listing_buttons(moderation):
    """A `register_snippet_listing_buttons` hook: the decisions `obj` can still take."""

    def buttons(snippet, user, next_url=None):
        if not isinstance(snippet, moderation.model):
            return []
        next_url = next_url or list_url(moderation)
        result = []
        for decision, priority in ((APPROVE, 5), (DECLINE, 6)):
            if moderation.has_decision(snippet, decision):
                continue
            wording = moderation.wording(decision)
            result.append(
                ListingButton(
                    wording.label,
                    url=decision_url(moderation, decision, snippet, next_url),
                    icon_name=wording.icon,
                    priority=priority,
                    attrs={"aria-label": moderation.button_label(snippet, decision)},
                )
            )
        return result

    return buttons


def list_url(moderation):
    meta = moderation.model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")


def register_moderation_admin(moderation, *, pending_query):
    """Bulk actions and row buttons of `moderation`, and its place in the registry of every
    moderated kind (core.moderation), which the moderation inbox and its dashboard panel
    read (core.moderation_inbox). `pending_query`: the listing's filters showing what waits."""
    moderation.pending_query = pending_query
    register_moderation(moderation)
    for action in bulk_actions(moderation):
        hooks.register("register_bulk_action", action)
    hooks.register("register_snippet_listing_buttons", listing_buttons(moderation))
