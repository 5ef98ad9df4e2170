"""The comment form: django_comments' anti-spoofing fields (target, timestamp, signed
hash) and honeypot, with our labels and messages. Members do not give name nor e-mail."""

from django_comments.forms import CommentSecurityForm

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.comments.models import CommentReport

COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)


class ThreadCommentForm(CommentSecurityForm):
    name = forms.CharField(
        label=_("Name to show"),
        max_length=50,
        help_text=_("Shown with your comment. A first name is enough."),
        error_messages={"required": _("Tell us the name to show with your comment.")},
    )
    email = forms.EmailField(
        label=_("E-mail to confirm"),
        max_length=254,
        help_text=_("Never shown. We send you a link to confirm your comment before it appears."),
        error_messages={"required": _("We need your e-mail address to confirm your comment.")},
    )
    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _("Write your comment before sending it."),
            "max_length": _("Your comment is %(show_value)d characters long: please shorten it to %(limit_value)d."),
        },
    )
    followup = forms.BooleanField(required=False, label=_("E-mail me when someone replies in this thread"))
    reply_to = forms.IntegerField(widget=forms.HiddenInput, initial=0, required=False, min_value=0)
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)
    # django_comments' trap for robots: hidden from people, filled by naive spam scripts.
    honeypot = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, target, *, member=None, data=None, initial=None, **kwargs):
        super().__init__(target, data=data, initial=initial, **kwargs)
        self.member = member
        # Set here, not on the class: the visitor's language is known only now.
        self.fields["comment"].help_text = _("At most %(max)d characters. Links are shown as plain text.") % {
            "max": COMMENT_MAX_LENGTH
        }
        if member is not None:
            del self.fields["name"]
            del self.fields["email"]
            self.fields["comment"].help_text = _("At most %(max)d characters. Published at once under your name.") % {
                "max": COMMENT_MAX_LENGTH
            }

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(self.fields["comment"].error_messages["required"])
        return comment

    def clean_timestamp(self):
        try:
            return super().clean_timestamp()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("This form was opened too long ago: send it again, your text is kept.")
            ) from None

    def clean_security_hash(self):
        try:
            return super().clean_security_hash()
        except forms.ValidationError:
            raise forms.ValidationError(_("This form was altered: reload the page and try again.")) from None

    def security_message(self):
        for field in ("timestamp", "security_hash", "content_type", "object_pk"):
            if field in self.errors:
                return self.errors[field][0]
        return None

    def visible_field_names(self):
        return [name for name in ("name", "email", "comment", "followup") if name in self.fields]


REPORT_DETAILS_MAX_LENGTH = 300


class ReportForm(forms.Form):
    """Why a member reports a comment: one reason, a few words if they wish (required for
    "Something else", or the moderators would not know what to look for)."""

    reason = forms.ChoiceField(
        label=_("Why are you reporting this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the reason that fits best."),
            "invalid_choice": _("Choose one of the reasons listed."),
        },
    )
    details = forms.CharField(
        label=_("In a few words"),
        required=False,
        max_length=REPORT_DETAILS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("300 characters at most. Only the moderators read it."),
        error_messages={
            "max_length": _("This is %(show_value)d characters long: please shorten it to %(limit_value)d."),
        },
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["details"] = (cleaned_data.get("details") or "").strip()
        if cleaned_data.get("reason") == CommentReport.Reason.OTHER and not cleaned_data["details"]:
            self.add_error("details", _("Say in a few words what is wrong with this comment."))
        return cleaned_data
