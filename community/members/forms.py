from allauth.core import ratelimit

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from community.associations.models import Association
from community.members.models import MemberProfile

NOT_LISTED = "other"


class AssociationFieldsMixin:
    """The association chosen from the directory, or "mine is not listed" with its name."""

    def add_association_fields(self, profile=None):
        choices = [("", _("Choose your association"))]
        choices += [(str(pk), name) for pk, name in Association.objects.values_list("pk", "name")]
        choices += [(NOT_LISTED, _("My association is not listed"))]
        initial = ""
        if profile is not None and profile.pk:
            initial = str(profile.association_id) if profile.association_id else NOT_LISTED
        self.fields["association"] = forms.ChoiceField(
            label=_("Your association"),
            choices=choices,
            initial=initial,
            help_text=_("The member association of the network you speak for."),
        )
        self.fields["association_name_other"] = forms.CharField(
            label=_("Name of your association, if it is not listed"),
            max_length=150,
            required=False,
            initial=profile.association_name_other if profile else "",
            help_text=_("Only if you chose “My association is not listed”."),
            widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        )
        self.fields["role"] = forms.CharField(
            label=_("Your role in the association"),
            max_length=150,
            required=False,
            initial=profile.role if profile else "",
            help_text=_("For example: volunteer coordinator, director, board member."),
            widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        )

    def clean_association_fields(self, cleaned_data):
        choice = cleaned_data.get("association")
        other = (cleaned_data.get("association_name_other") or "").strip()
        if choice == NOT_LISTED:
            if not other:
                self.add_error("association_name_other", _("Give the name of your association."))
            cleaned_data["association_obj"] = None
        elif choice:
            cleaned_data["association_obj"] = Association.objects.filter(pk=choice).first()
            cleaned_data["association_name_other"] = ""
            if cleaned_data["association_obj"] is None:
                self.add_error("association", _("Choose an association from the list."))
        cleaned_data["association_name_other"] = cleaned_data.get("association_name_other", "").strip()
        return cleaned_data

    def apply_association_fields(self, profile):
        profile.association = self.cleaned_data["association_obj"]
        profile.association_name_other = self.cleaned_data["association_name_other"]
        profile.role = self.cleaned_data.get("role", "").strip()


class MemberSignupFields(AssociationFieldsMixin, forms.Form):
    """The fields allauth's sign-up form adds to e-mail and password
    (ACCOUNT_SIGNUP_FORM_CLASS). allauth saves first and last name on the user."""

    field_order = [
        "first_name",
        "last_name",
        "email",
        "password1",
        "association",
        "association_name_other",
        "role",
    ]

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_association_fields()
        if "email" in self.fields:
            self.fields["email"].help_text = _(
                "We send a link to this address to check it is yours. It is also how you sign in."
            )
        for name in ("email", "password1"):
            if name in self.fields:
                self.fields[name].widget.attrs.pop("placeholder", None)

    def clean(self):
        cleaned_data = super().clean()
        return self.clean_association_fields(cleaned_data)

    def signup(self, request, user):
        """Called by allauth once the account exists: record the membership request."""
        profile = MemberProfile(user=user, language=get_language() or "fr")
        self.apply_association_fields(profile)
        profile.save()


class MemberProfileForm(AssociationFieldsMixin, forms.ModelForm):
    """The member's own profile: name on the account, association and role."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.add_association_fields(profile)
        if profile.is_approved:
            self.fields["association"].help_text = _(
                "Changing your association sends your membership back to staff for approval."
            )

    def clean(self):
        cleaned_data = super().clean()
        return self.clean_association_fields(cleaned_data)

    def save(self, commit=True):
        user = super().save()
        profile = self.profile
        before = (profile.association_id, profile.association_name_other)
        self.apply_association_fields(profile)
        self.association_changed = bool(profile.pk) and before != (
            profile.association_id,
            profile.association_name_other,
        )
        if self.association_changed and profile.status != MemberProfile.Status.PENDING:
            profile.status = MemberProfile.Status.PENDING
            profile.approved_by = None
            profile.approved_at = None
        profile.user = user
        profile.language = get_language() or profile.language
        profile.save()
        return user


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is really you."),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self):
        password = self.cleaned_data["password"]
        # The same budget as allauth's re-authentication (ACCOUNT_RATE_LIMITS["reauthenticate"]).
        if not ratelimit.consume(self.request, action="reauthenticate", user=self.user):
            raise forms.ValidationError(_("Too many attempts. Try again in a few minutes."), code="rate_limited")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
