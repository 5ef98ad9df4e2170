"""The event index (/evenements/) and the event pages (one peer session each)."""

import hashlib
import zoneinfo
from datetime import timedelta
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageManager, PageQuerySet
from wagtail.search import index

from events import topic_views, views
from home.blocks import BaseBodyBlock
from home.models import BaseIndexPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
ARCHIVE_PAGE_SIZE = 12


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class EventIndexPage(RoutablePageMixin, BaseIndexPage):
    """/evenements/: upcoming peer sessions first, then the archive; serves the
    calendar feed (`calendrier.ics`) and the registration links sent by e-mail."""

    template = "events/event_index_page.html"
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events().prefetch_related("host_associations")
        chosen_format = request.GET.get("format", "")
        if chosen_format in EventFormat.values:
            events = events.filter(format=chosen_format)
        else:
            chosen_format = ""
        context.update(
            upcoming_events=list(events.upcoming(now)),
            past_events=Paginator(events.past(now), ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page")),
            formats=EventFormat.choices,
            chosen_format=chosen_format,
            feed_url=self.url + self.reverse_subpage("calendar_feed"),
            topics_path=self.reverse_subpage("topics"),
        )
        return context

    @path("sujets/", name="topics")
    def topics_route(self, request):
        return topic_views.topics_page(request, self)

    @re_path(r"^calendrier\.ics/?$", name="calendar_feed")
    def calendar_feed(self, request):
        return views.calendar_feed(request, self)


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPageForm(WagtailAdminPageForm):
    """Publish-time rules an editor must see next to the field."""

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The session must end after it starts."))
        closes = cleaned_data.get("registration_closes_at")
        opens = cleaned_data.get("registration_opens_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        reason = (cleaned_data.get("cancellation_reason") or "").strip()
        if len(reason) > 500:
            self.add_error("cancellation_reason", _("Keep the reason under 500 characters."))
        elif cleaned_data.get("cancelled") and not reason and not getattr(self, "is_deferred_validation", False):
            self.add_error(
                "cancellation_reason", _("Say why the session is cancelled: it is sent to everyone registered.")
            )
        capacity = cleaned_data.get("capacity")
        if self.instance.pk and capacity is not None:
            confirmed = self.instance.source_event.registrations.confirmed().count()
            if capacity < confirmed:
                self.add_error(
                    "capacity",
                    ngettext(
                        "%(count)d person already holds a confirmed seat: the capacity cannot be lower. "
                        "Nobody is removed automatically; cancel registrations one by one first if needed.",
                        "%(count)d people already hold a confirmed seat: the capacity cannot be lower. "
                        "Nobody is removed automatically; cancel registrations one by one first if needed.",
                        confirmed,
                    )
                    % {"count": confirmed},
                )
        return cleaned_data


class EventPage(RoutablePageMixin, Page):
    """One peer session. Registrations always attach to the source-language page
    (`source_event`), so the French and English pages share one list of seats."""

    start = models.DateTimeField(_("start"), help_text=_("Paris time."))
    end = models.DateTimeField(_("end"), help_text=_("Paris time."))
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONLINE)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), max_length=500, blank=True)
    venue_address = models.TextField(
        _("venue address"), blank=True, help_text=_("For in-person and hybrid sessions; shown publicly.")
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Private: sent only to confirmed participants, never shown on the public page."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Number of seats. Leave blank for unlimited.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Blank: as soon as the page is published.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Blank: when the session starts.")
    )
    members_only = models.BooleanField(
        _("members only"),
        default=True,
        help_text=_(
            "Only approved network members register with their account. Untick to let anyone signed in register."
        ),
    )
    open_to_guests = models.BooleanField(
        _("open to guests"),
        default=False,
        help_text=_("People without an account can register with their name and e-mail address."),
    )
    training_for_school_actions = models.BooleanField(
        _("training for school actions"),
        default=False,
        help_text=_("Attending accredits volunteers for actions in schools (recorded when attendance is marked)."),
    )
    host_associations = ParentalManyToManyField(
        "community.Association", verbose_name=_("host associations"), blank=True, related_name="hosted_events"
    )
    host_thanks = models.CharField(
        _("thank-you line"), max_length=250, blank=True, help_text=_("For example: thanks for the coffee and the room.")
    )
    body = StreamField(BaseBodyBlock(), verbose_name=_("programme"), blank=True)
    recap = RichTextField(
        _("recap"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown once the session is over, with the associations that took part."),
    )
    recap_article = models.ForeignKey(
        "community.ArticlePage",
        verbose_name=_("recap article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recapped_events",
        help_text=_("The article that tells what was said at the session (under Resources)."),
    )
    cancelled = models.BooleanField(
        _("session cancelled"),
        default=False,
        help_text=_(
            "Tick and publish to cancel the session: registration closes, the page says it is cancelled and "
            "everyone registered or waiting is e-mailed the reason below with a calendar cancellation."
        ),
    )
    cancellation_reason = models.TextField(
        _("reason for cancelling"),
        max_length=500,
        blank=True,
        help_text=_("Shown on the page and sent to everyone registered. Required to cancel."),
    )
    # The calendar files' SEQUENCE: raised when the date or the place changes, or at a cancellation.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    calendar_signature = models.CharField(max_length=64, blank=True, editable=False)
    # Whether registrants were last told the session is cancelled (events.services.calendar_changed).
    calendar_cancelled = models.BooleanField(default=False, editable=False)

    objects = EventPageManager()
    base_form_class = EventPageForm

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("introduction"),
        FieldPanel("training_for_school_actions"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("format")],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue_address"), FieldPanel("online_link")], heading=_("Where")),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldPanel("members_only"),
                FieldPanel("open_to_guests"),
                HelpPanel(
                    _(
                        "Registrations, attendance and the CSV export: admin menu › Registrations "
                        "(filter by this event), or the Registrations button in the page listing."
                    )
                ),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("host_associations", widget=forms.CheckboxSelectMultiple), FieldPanel("host_thanks")],
            heading=_("Hosts"),
        ),
        MultiFieldPanel(
            [FieldPanel("cancelled"), FieldPanel("cancellation_reason")],
            heading=_("Cancel the session"),
        ),
        FieldPanel("body"),
        FieldPanel("recap"),
        FieldPanel("recap_article"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("topic"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # The event's own sub-routes: registration, confirmation and cancellation links.
    @path("")
    def event_route(self, request):
        return views.event_page(request, self)

    @path("inscription/", name="register")
    def register_route(self, request):
        return views.register(request, self)

    @path("confirmer/<str:token>/", name="confirm")
    def confirm_route(self, request, token):
        return views.confirm_guest(request, self, token)

    @path("annuler/<str:token>/", name="cancel")
    def cancel_route(self, request, token):
        return views.cancel(request, self, token)

    @re_path(r"^calendrier\.ics/?$", name="calendar")
    def calendar_route(self, request):
        return views.event_calendar(request, self)

    def with_content_json(self, content):
        """Revisions must not carry the calendar SEQUENCE back: keep the database's values
        (an editor's revision may be based on a copy older than the last change)."""
        obj = super().with_content_json(content)
        obj.calendar_sequence = self.calendar_sequence
        obj.calendar_signature = self.calendar_signature
        obj.calendar_cancelled = self.calendar_cancelled
        return obj

    # Rules.
    @property
    def source_event(self):
        """The page in the default language, which holds the registrations."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = self.get_translation_or_none(Locale.get_default())
        return source.specific if source else self

    def localized_recap_article(self):
        """The recap article in this page's language (or the source one), if live."""
        article = self.recap_article
        if article is None:
            return None
        translated = article.get_translation_or_none(self.locale)
        if translated is not None and translated.live:
            return translated
        return article if article.live else None

    def registration_closes(self):
        closes = self.registration_closes_at or self.start
        return min(closes, self.start)

    def registration_state(self, now=None):
        """'cancelled', 'open', 'not_yet' (before the opening), 'closed' (after the closing) or 'past'."""
        now = now or timezone.now()
        if self.cancelled:
            return "cancelled"
        if now >= self.end:
            return "past"
        if now >= self.registration_closes():
            return "closed"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        return "open"

    def is_over(self, now=None):
        return (now or timezone.now()) >= self.end

    @property
    def has_venue(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and bool(self.venue_address)

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def duration(self):
        return self.end - self.start if self.end and self.start else timedelta(0)

    @property
    def local_start(self):
        return timezone.localtime(self.start, PARIS)

    @property
    def local_end(self):
        return timezone.localtime(self.end, PARIS)

    @property
    def calendar_uid(self):
        """Stable across languages and edits: the same event in every calendar."""
        host = urlsplit(settings.BASE_URL).hostname or "relais"
        return f"event-{self.translation_key}@{host}"

    def compute_calendar_signature(self):
        """What registrants' calendars depend on: when and where."""
        parts = [self.start.isoformat(), self.end.isoformat(), self.format, self.venue_address, self.online_link]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()
