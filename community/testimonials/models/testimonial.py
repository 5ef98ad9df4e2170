"""Testimonials: volunteers tell how their local action went; moderators publish them.
Only approved testimonials are ever shown to the public (`Testimonial.objects.public()`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin
from wagtail.search import index

from community.testimonials.photo_storage import photo_storage, private_name
from core.territories import territory_for_postcode, territory_name


def photo_path(instance, filename):
    # Private until approved (photo_storage.py); a random name, nothing of the upload.
    return private_name()


class TestimonialQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Testimonial.Status.APPROVED)

    def pending(self):
        return self.filter(status=Testimonial.Status.PENDING)

    def for_listing(self, language=None, ordering=("-action_date", "-pk")):
        """Approved, newest first; with `language` (the visitor's), the stories told in it
        come first, then the others (each shown in its own language)."""
        queryset = self.public().select_related("kit", "association")
        if not language:
            return queryset.order_by(*ordering)
        other_language = models.Case(
            models.When(language=language.split("-")[0], then=models.Value(0)),
            default=models.Value(1),
            output_field=models.IntegerField(),
        )
        return queryset.annotate(other_language=other_language).order_by("other_language", *ordering)


class Testimonial(PreviewableMixin, index.Indexed, models.Model):
    class Status(models.TextChoices):
        # A context: Wagtail's own "Rejected" (a workflow state) reads "Rejeté".
        PENDING = "pending", pgettext_lazy("testimonial status", "Pending")
        APPROVED = "approved", pgettext_lazy("testimonial status", "Approved")
        REJECTED = "rejected", pgettext_lazy("testimonial status", "Rejected")

    display_name = models.CharField(_("name shown"), max_length=80)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    association = models.ForeignKey(
        "community.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
    )
    association_other = models.CharField(_("association (not in the directory)"), max_length=150, blank=True)
    kit = models.ForeignKey(
        "kits.KitPage",
        verbose_name=_("kit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        help_text=_("Always the kit in the default language, so both languages show it."),
    )
    title = models.CharField(_("title"), max_length=120)
    story = models.TextField(_("story"), max_length=3000)
    action_date = models.DateField(_("date of the action"))
    postcode = models.CharField(_("postcode"), max_length=5)
    territory = models.CharField(_("département or territory"), max_length=3, db_index=True)
    participants = models.PositiveIntegerField(_("participants"))
    photo = models.ImageField(
        _("photo"),
        upload_to=photo_path,
        storage=photo_storage,
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt_text = models.CharField(
        _("photo description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required to approve a photo."),
    )
    photo_consent_at = models.DateTimeField(_("photo consent given at"), null=True, blank=True, editable=False)
    consent_at = models.DateTimeField(_("consent given at"), default=timezone.now, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="fr")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(_("reason for rejection"), max_length=1000, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True, editable=False)
    declaration = models.ForeignKey(
        "kits.ActionDeclaration",
        verbose_name=_("declaration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True, editable=False)

    objects = TestimonialQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "Correct typos only: the story is the author's. Approve or reject from the list "
                "(row buttons or bulk actions); the author is told by e-mail."
            )
        ),
        FieldPanel("title"),
        FieldPanel("story"),
        FieldPanel("photo_alt_text"),
        MultiFieldPanel(
            [
                FieldPanel("display_name"),
                FieldRowPanel([FieldPanel("association"), FieldPanel("association_other")]),
                FieldPanel("kit"),
                FieldRowPanel([FieldPanel("action_date"), FieldPanel("postcode"), FieldPanel("participants")]),
            ],
            heading=_("The action"),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("story"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("territory"),
    ]

    class Meta:
        app_label = "community"
        ordering = ["-created_at"]
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A moderator correcting the postcode moves the testimonial on the map too.
        self.territory = territory_for_postcode(self.postcode) or self.territory
        super().save(*args, **kwargs)

    def clean(self):
        if self.postcode and territory_for_postcode(self.postcode) is None:
            raise ValidationError({"postcode": _("Enter a French postcode of five digits, such as 75011 or 97133.")})

    @classmethod
    def get_indexed_objects(cls):
        # Only what the public may read is ever put in the search index.
        return cls.objects.public()

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def association_display(self):
        return self.association.name if self.association_id else self.association_other

    def get_territory_display(self):
        name = territory_name(self.territory)
        return f"{name} ({self.territory})" if name else self.territory

    def get_preview_template(self, request, mode_name):
        return "community/testimonials/preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "testimonial": self, "preview": True}
