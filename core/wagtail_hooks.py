"""Admin pieces of the infrastructure: the "Données personnelles" tool, the moderation
inbox ("À modérer", core.moderation_inbox), the history
lines written by moderation decisions (core.moderation), and the guard that keeps
Wagtail's autosave away from workflow actions (core.autosave_guard)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from core.autosave_guard import refuse_autosave_with_action
from core.moderation import APPROVE, DECLINE, LOG_ACTIONS
from core.moderation_inbox import ModerationInboxView, add_summary_panel, menu_item
from core.personal_data_admin import PERMISSION, personal_data_view


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [
        path("personal-data/", personal_data_view, name="home_personal_data"),
        path("moderation/", ModerationInboxView.as_view(), name="relais_moderation_inbox"),
    ]


hooks.register("register_admin_menu_item", menu_item)
hooks.register("construct_homepage_panels", add_summary_panel)


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("home_personal_data"), name="personal-data", icon_name="user", order=900
    )


class DecisionFormatter(LogFormatter):
    """ "Approved" or "Declined", with the reason when the moderator gave one."""

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason")
        return f"{self.message} — {reason}" if reason else str(self.message)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for decision, label, message in (
        (APPROVE, pgettext_lazy("moderation", "Approve"), pgettext_lazy("moderation", "Approved")),
        (DECLINE, pgettext_lazy("moderation", "Decline"), pgettext_lazy("moderation", "Declined")),
    ):
        formatter = type(
            f"{decision.capitalize()}Formatter", (DecisionFormatter,), {"label": label, "message": message}
        )
        actions.register_action(LOG_ACTIONS[decision])(formatter)


hooks.register("before_edit_page", refuse_autosave_with_action)


@hooks.register("insert_editor_js")
def autosave_guard_js():
    return format_html('<script src="{}"></script>', static("core/js/autosave-guard.js"))
