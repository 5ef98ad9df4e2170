"""Admin: registrations per event, with filters, attendance and CSV export, and the row
buttons that cancel or move a person (events/registration_admin.py). Association staff
see those of the sessions their associations host, nothing else, and change none."""

import django_filters

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.moderation_admin import register_moderation_admin
from events import registration_admin
from events.models import EventPage, Registration, TopicProposal
from events.topic_moderation import TOPICS
from events.topics import notify_selection


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=Registration._meta.get_field("event").verbose_name,
        queryset=registration_admin.sessions_to_filter_by,
    )

    class Meta:
        model = Registration
        fields = ["event", "status", "attended", "may_name_association"]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "association_name", "event", "status", "waiting_position", "attended", "created_at"]
    filterset_class = RegistrationFilterSet
    list_export = [
        "event",
        "name",
        "email",
        "association_name",
        "status",
        "waiting_position",
        "may_name_association",
        "attended",
        "created_at",
        "confirmed_at",
        "cancelled_at",
    ]
    export_filename = "registrations"
    search_fields = ["name", "email", "organisation"]
    ordering = ["event", "status", "waiting_position", "created_at"]
    # Editors record attendance and the recap consent; seats change only through the
    # registration rules (lock, waiting list, e-mails), never by hand here.
    panels = [FieldPanel("attended"), FieldPanel("may_name_association")]

    def get_queryset(self, request):
        registrations = Registration.objects.select_related("event", "association")
        return registration_admin.their_registrations(registrations, request.user)


register_snippet(RegistrationViewSet)
hooks.register("register_snippet_listing_buttons", registration_admin.listing_buttons)


@hooks.register("register_admin_urls")
def registration_action_urls():
    return [
        path("registrations/<int:pk>/cancel/", registration_admin.cancel_view, name="events_registration_cancel"),
        path("registrations/<int:pk>/move/", registration_admin.move_view, name="events_registration_move"),
    ]


class MovedFormatter(LogFormatter):
    label = _("Move to another session")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Moved from “%(from)s” to “%(to)s”") % {"from": data.get("from", ""), "to": data.get("to", "")}


@hooks.register("register_log_actions")
def registration_log_actions(actions):
    actions.register_action(registration_admin.CANCEL_ACTION, _("Cancel registration"), _("Cancelled by the team"))
    actions.register_action(registration_admin.MOVE_ACTION)(MovedFormatter)


@hooks.register("register_page_listing_buttons")
def registrations_button(page, user, next_url=None):
    if page.specific_class is EventPage:
        source = page.specific_deferred.source_event
        url = reverse("wagtailsnippets_events_registration:list") + f"?event={source.pk}"
        yield ListingButton(_("Registrations"), url, priority=60)


class TopicProposalViewSet(SnippetViewSet):
    model = TopicProposal
    icon = "help"
    menu_label = _("Topic proposals")
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["title", "association_name", "vote_total", "status", "event", "created_at"]
    list_filter = ["status", "event"]
    search_fields = ["title", "description"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("decline_reason"),
        FieldPanel("event"),
    ]

    def get_queryset(self, request):
        return TopicProposal.objects.select_related("association", "event", "proposer__member_profile")


register_snippet(TopicProposalViewSet)
register_moderation_admin(TOPICS, pending_query="?status=proposed")


@hooks.register("after_edit_snippet")
def topic_selected(request, instance):
    """Selecting a topic in the admin tells its proposer (once)."""
    if isinstance(instance, TopicProposal):
        notify_selection(instance)
