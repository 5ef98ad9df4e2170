from django import forms
from django.utils.translation import gettext_lazy as _

NAME_IN_RECAP = _(
    "My association may be thanked by name in the session's recap (only if I attend; my own name is never shown)."
)


class MemberRegistrationForm(forms.Form):
    may_name_association = forms.BooleanField(label=NAME_IN_RECAP, required=False, initial=True)


class GuestRegistrationForm(forms.Form):
    """Guests register with these exact field names (docs/architecture.md, public URL contract)."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("We send you a link to confirm: no seat is held until you click it.")
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=150, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that Relais keeps my name, e-mail address and organisation to manage my registration "
            "and send me the session's e-mails. They are deleted one year after the session."
        ),
        error_messages={"required": _("Tick this box so that we may keep your registration.")},
    )
    may_name_association = forms.BooleanField(
        label=_("My organisation may be thanked by name in the session's recap (only if I attend)."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="guest_%s", **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
