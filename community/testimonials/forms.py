"""The public testimonial form (/actions-locales/partager/): no account needed."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from community.associations.models import Association
from community.testimonials.photo_storage import keep_photo, kept_photo
from community.testimonials.photos import clean_photo
from core.territories import territory_for_postcode
from kits.models import KitPage

MAX_PARTICIPANTS = 100_000
OLDEST_ACTION_DAYS = 3 * 366


def kit_choices(language):
    """(source kit id, title in `language`) for every live kit: testimonials attach to the
    source-language kit, the visitor reads the title in their language."""

    default = Locale.get_default()
    kits = KitPage.objects.live().filter(locale__language_code__in={language, default.language_code})
    by_key = {}
    for kit in kits.only("pk", "title", "translation_key", "locale_id").order_by("title"):
        entry = by_key.setdefault(kit.translation_key, {})
        entry["source" if kit.locale_id == default.pk else "local"] = kit
    choices = []
    for entry in by_key.values():
        if "source" in entry:
            label = (entry.get("local") or entry["source"]).title
            choices.append((str(entry["source"].pk), label))
    return sorted(choices, key=lambda choice: choice[1].lower())


class TestimonialForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name as it will be shown"),
        max_length=80,
        help_text=_("A first name or a nickname is enough."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Never shown. We write to you when your testimonial is published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    association = forms.CharField(
        label=_("Association you acted for"),
        max_length=150,
        help_text=_("Pick one of the network's associations from the list, or type its name."),
        widget=forms.TextInput(attrs={"list": "association-choices", "autocomplete": "off"}),
    )
    kit = forms.TypedChoiceField(label=_("Kit used"), required=False, coerce=int, empty_value=None)
    title = forms.CharField(label=_("Title of your story"), max_length=120)
    story = forms.CharField(
        label=_("How did it go?"),
        max_length=3000,
        help_text=_("Up to 3,000 characters: who took part, what worked, a tip for the next ones."),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": 3000}),
    )
    action_date = forms.DateField(
        label=_("Date of the action"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    postcode = forms.CharField(
        label=_("Postcode of the place of the action"),
        max_length=10,
        help_text=_("A French postcode, overseas included (e.g. 75011, 20000, 97133)."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    participants = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    photo = forms.FileField(
        label=_("A photo of the action"),
        required=False,
        help_text=_("JPEG, PNG or WebP, up to 10 MB and 40 megapixels. Its location and camera details are removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    # A signed reference to a photo accepted while another field was wrong (photo_storage.py).
    kept_photo = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)
    photo_consent = forms.BooleanField(
        label=_("Everyone recognisable on the photo agreed to its publication (for minors, their parent or guardian)."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the association publishes my story, my name as shown and the photo after moderation, "
            "and keeps my e-mail address to tell me about it. Unpublished testimonials are deleted after 6 months."
        ),
        error_messages={"required": _("Tick this box so that we can publish your testimonial.")},
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_photo_name = None
        self.fields["kit"].choices = [("", _("No kit, or another one"))] + kit_choices(language)
        self.associations = list(Association.objects.order_by("name").values_list("name", flat=True))

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_association(self):
        return " ".join(self.cleaned_data["association"].split())

    def clean_story(self):
        return self.cleaned_data["story"].strip()

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip().replace(" ", "")
        if territory_for_postcode(postcode) is None:
            raise ValidationError(_("Enter a French postcode of five digits, such as 75011 or 97133."))
        return postcode

    def clean_action_date(self):
        value = self.cleaned_data["action_date"]
        today = timezone.localdate()
        if value > today:
            raise ValidationError(_("The date is in the future: tell us about the action once it has taken place."))
        if value < today - timedelta(days=OLDEST_ACTION_DAYS):
            raise ValidationError(_("Enter a date within the last three years."))
        return value

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            kept = kept_photo(self.data.get("kept_photo", "")) if self.data.get("kept_photo") else None
            if kept is None:
                return None
            self.kept_photo_name, photo = kept  # the file is deleted once the testimonial is saved
            self.cleaned_data["photo_file"] = photo
            return photo
        photo, _size = clean_photo(upload)
        self.cleaned_data["photo_file"] = photo
        return photo

    def clean(self):
        cleaned_data = super().clean()
        if "postcode" in cleaned_data:
            cleaned_data["territory"] = territory_for_postcode(cleaned_data["postcode"])
        name = cleaned_data.get("association", "")
        cleaned_data["association_link"] = Association.objects.filter(name__iexact=name).first() if name else None
        if cleaned_data.get("photo") and not cleaned_data.get("photo_consent"):
            self.add_error(
                "photo_consent",
                _("Tick this box to publish a photo: everyone recognisable on it must have agreed."),
            )
        if cleaned_data.get("photo") and self.errors:
            # A browser cannot send a file back: keep it on our side, privately, for a day.
            if not self.kept_photo_name:
                photo = cleaned_data["photo"]
                photo.seek(0)
                self.data = self.data.copy()
                self.data["kept_photo"] = keep_photo(photo.read())
            kept = _("Your photo is kept: correct the form and send it, or choose another one.")
            self.fields["photo"].help_text = self["photo"].help_text = kept  # the bound field exists already
        return cleaned_data
