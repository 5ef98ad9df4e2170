"""The public "Je me lance" form and the person's change-of-date form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.territories import territory_for_postcode
from kits.choices import Audience
from kits.models.declarations import Accreditation

MAX_PARTICIPANTS = 100_000
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def two_years_after(day):
    try:
        return day.replace(year=day.year + 2)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 2, day=28)


def planned_date_field():
    return forms.DateField(
        label=_("Planned date of the action"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("From today to two years ahead."),
    )


def check_planned_date(value):
    today = timezone.localdate()
    if value < today:
        raise forms.ValidationError(_("The date is in the past: enter today's date or a later one."))
    if value > two_years_after(today):
        raise forms.ValidationError(_("Enter a date within the next two years."))
    return value


class DeclarationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The download links are sent to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation, school or company"),
        max_length=160,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    postcode = forms.CharField(
        label=_("Postcode of the place of the action"),
        max_length=10,
        help_text=_("A French postcode, overseas included (e.g. 75011, 20000, 97133)."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    planned_date = planned_date_field()
    audience = forms.ChoiceField(label=_("Audience"), choices=[("", _("Choose an audience"))] + Audience.choices)
    expected_participants = forms.IntegerField(
        label=_("Expected number of participants"),
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the association keeps these details to send me the kit, remind me of my action and ask "
            "me how it went. They are kept for 3 years after our last contact."
        ),
        required=True,
        error_messages={"required": _("Tick this box so that we can send you the kit.")},
    )

    def __init__(self, *args, kit, accredited_member=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kit = kit
        self.fields["consent"].initial = False
        # Nobody is asked: a signed-in member whose profile records an accreditation is
        # recognised; anyone else on a school kit is recorded as not yet accredited.
        if not kit.school_setting:
            self.accreditation = Accreditation.NOT_ASKED
        elif accredited_member:
            self.accreditation = Accreditation.YES
        else:
            self.accreditation = Accreditation.NO

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip().replace(" ", "")
        territory = territory_for_postcode(postcode)
        if territory is None:
            raise forms.ValidationError(_("Enter a French postcode of five digits, such as 75011 or 97133."))
        return postcode

    def clean_planned_date(self):
        return check_planned_date(self.cleaned_data["planned_date"])

    def clean(self):
        cleaned_data = super().clean()
        if "postcode" in cleaned_data:
            cleaned_data["territory"] = territory_for_postcode(cleaned_data["postcode"])
        cleaned_data["accredited"] = self.accreditation
        return cleaned_data


class ChangeDateForm(forms.Form):
    planned_date = planned_date_field()

    def __init__(self, *args, declaration, **kwargs):
        super().__init__(*args, **kwargs)
        self.declaration = declaration
        self.fields["planned_date"].initial = declaration.planned_date

    def clean_planned_date(self):
        value = check_planned_date(self.cleaned_data["planned_date"])
        others = (
            type(self.declaration)
            .objects.filter(kit_id=self.declaration.kit_id, email_hash=self.declaration.email_hash, planned_date=value)
            .exclude(pk=self.declaration.pk)
        )
        if others.exists():
            raise forms.ValidationError(_("You have already declared this kit for that date."))
        return value
