"""What the feedback threads hold about a person: their comments (name, e-mail, text,
address). Before confirmation nothing is stored: an unconfirmed comment lives only in
the signed link e-mailed to its author, which expires after 7 days."""

from datetime import timedelta

from django_comments_xtd.models import XtdComment

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.personal_data import register_anonymiser, register_email_records, register_exporter, register_retention

IP_RETENTION = timedelta(days=365)
ANONYMOUS_NAME = "—"


def _rows(comments):
    return [
        {
            "page": str(comment.content_object) if comment.content_object else None,
            "name": comment.user_name,
            "email": comment.user_email,
            "comment": comment.comment,
            "submitted_at": comment.submit_date,
            "visible": comment.is_public and not comment.is_removed,
            "replies_notified": comment.followup,
        }
        for comment in comments.order_by("submit_date")
    ]


def export_comments(user):
    return _rows(XtdComment.objects.filter(Q(user=user) | Q(user_email__iexact=user.email)))


def _anonymise(comments):
    """The text stays (replies answer it) but says no more who wrote it."""
    return comments.update(
        user=None, user_name=ANONYMOUS_NAME, user_email="", user_url="", ip_address=None, followup=False
    )


def anonymise_comments(user):
    _anonymise(XtdComment.objects.filter(Q(user=user) | Q(user_email__iexact=user.email)))


def find_by_email(email):
    return _rows(XtdComment.objects.filter(user_email__iexact=email))


def erase_by_email(email):
    return _anonymise(XtdComment.objects.filter(user_email__iexact=email))


def purge_addresses(now, dry_run):
    """Client addresses serve against abuse for a year, then go."""
    old = XtdComment.objects.filter(submit_date__lt=now - IP_RETENTION, ip_address__isnull=False)
    return old.count() if dry_run else old.update(ip_address=None)


def register():
    register_exporter("comments", export_comments)
    register_anonymiser(anonymise_comments)
    register_email_records("comments", find_by_email, erase_by_email, label=_("Comments"))
    register_retention("comment_addresses", purge_addresses)
