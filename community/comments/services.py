"""Posting, confirming and notifying: the rules of the threads, outside the views."""

import hashlib
from datetime import timedelta

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from community.comments.models import CommentConfirmation, CommentReport
from community.comments.threads import is_visible, thread_target
from core.emails import send_templated_mail
from core.i18n import in_language_code
from core.links import absolute_url

CONFIRM_SALT = "relais.comments.confirm"
MUTE_SALT = "relais.comments.mute"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600
# The same text by the same person on the same page within this time is one comment: a
# double click, or the form sent twice and both e-mails confirmed.
DUPLICATE_WINDOW = timedelta(minutes=10)
MODERATORS_GROUP = "Moderators"


class LinkUsed(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _salt(name):
    return f"{name}:{settings.COMMENTS_XTD_SALT!r}"


def reply_target(parent_id, target):
    """The comment `parent_id` names when a reply may go under it, else None."""
    try:
        parent_id = int(parent_id or 0)
    except ValueError:
        return None
    if not parent_id or not can_reply_to(parent_id, target):
        return None
    return XtdComment.objects.get(pk=parent_id)


def can_reply_to(parent_id, target):
    """A reply goes under a visible top-level comment of the same thread."""
    if not parent_id:
        return True
    parent = XtdComment.objects.filter(pk=parent_id).first()
    return (
        parent is not None
        and parent.level == 0
        and parent.allow_thread()
        and parent.object_pk == str(target.pk)
        and parent.content_type_id == ContentType.objects.get_for_model(target).pk
        and is_visible(parent)
    )


def create_comment(target, *, name, email, text, followup, parent_id, user=None, ip_address=None, submit_date=None):
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=name[:50],
        user_email=email,
        comment=text,
        followup=followup,
        parent_id=parent_id or 0,
        submit_date=submit_date or timezone.now(),
        ip_address=ip_address,
        is_public=True,
        is_removed=False,
    )
    comment.save()
    return comment


def recent_duplicate(target, *, email, text, parent_id, at):
    """The comment already published with this text by this address here, within
    DUPLICATE_WINDOW of `at`, if any."""
    same = XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        user_email__iexact=email,
        comment=text.strip(),
        is_removed=False,
        submit_date__gte=at - DUPLICATE_WINDOW,
        submit_date__lte=at + DUPLICATE_WINDOW,
    )
    # django-comments-xtd stores a top-level comment as its own parent.
    same = same.filter(parent_id=parent_id) if parent_id else same.filter(parent_id=F("pk"))
    return same.order_by("submit_date").first()


def post_member_comment(target, user, form, ip_address):
    duplicate = recent_duplicate(
        target,
        email=user.email,
        text=form.cleaned_data["comment"],
        parent_id=form.cleaned_data.get("reply_to"),
        at=timezone.now(),
    )
    if duplicate is not None:
        return duplicate  # already published, followers already told
    comment = create_comment(
        target,
        name=user.get_full_name() or user.email.split("@")[0],
        email=user.email,
        text=form.cleaned_data["comment"],
        followup=form.cleaned_data["followup"],
        parent_id=form.cleaned_data.get("reply_to"),
        user=user,
        ip_address=ip_address,
    )
    transaction.on_commit(lambda: notify_followers(comment))
    return comment


def request_confirmation(target, form, ip_address, next_path):
    """Nothing is stored before the visitor confirms: the comment travels in the signed
    link of the e-mail, which expires after a week."""
    language = translation.get_language()
    payload = {
        "ct": f"{target._meta.app_label}.{target._meta.model_name}",
        "pk": target.pk,
        "name": form.cleaned_data["name"],
        "email": form.cleaned_data["email"],
        "text": form.cleaned_data["comment"],
        "followup": form.cleaned_data["followup"],
        "parent": form.cleaned_data.get("reply_to") or 0,
        "ip": ip_address,
        "date": timezone.now().isoformat(),
        "lang": language,
        "next": next_path,
    }
    key = signing.dumps(payload, salt=_salt(CONFIRM_SALT), compress=True)
    confirm_url = absolute_url(reverse("comments:confirm", args=[key]))
    send_templated_mail(
        "community/comments/email/confirm",
        payload["email"],
        {
            "name": payload["name"],
            "text": payload["text"],
            "page": page_in(target, language),
            "confirm_url": confirm_url,
        },
        language,
    )
    return key


def confirm(key):
    """Publish the comment carried by `key`, once. Raises LinkInvalid (forged, expired,
    page gone) or LinkUsed (already confirmed)."""
    try:
        payload = signing.loads(key, salt=_salt(CONFIRM_SALT), max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkInvalid("expired") from None
    except signing.BadSignature:
        raise LinkInvalid("forged") from None
    digest = hashlib.sha256(key.encode()).hexdigest()
    if CommentConfirmation.objects.filter(digest=digest).exists():
        raise LinkUsed
    target = thread_target(payload.get("ct", ""), payload.get("pk"))
    if target is None or not can_reply_to(payload["parent"], target):
        raise LinkInvalid("target")
    try:
        with transaction.atomic():
            record = CommentConfirmation.objects.create(digest=digest, language=payload["lang"])
            duplicate = recent_duplicate(
                target,
                email=payload["email"],
                text=payload["text"],
                parent_id=payload["parent"],
                at=parse_datetime(payload["date"]),
            )
            if duplicate is not None:  # the form was sent twice and both links opened
                return duplicate, payload  # this link is used up; the comment is the first one's
            comment = create_comment(
                target,
                name=payload["name"],
                email=payload["email"],
                text=payload["text"],
                followup=payload["followup"],
                parent_id=payload["parent"],
                ip_address=payload["ip"],
                submit_date=parse_datetime(payload["date"]),
            )
            record.comment = comment
            record.save(update_fields=["comment"])
    except IntegrityError:  # the same link clicked twice at once
        raise LinkUsed from None
    transaction.on_commit(lambda: notify_followers(comment))
    return comment, payload


def mute_key(email, comment):
    return signing.dumps({"email": email, "thread": comment.thread_id}, salt=_salt(MUTE_SALT))


def read_mute_key(key):
    try:
        return signing.loads(key, salt=_salt(MUTE_SALT))
    except signing.BadSignature:
        raise LinkInvalid("forged") from None


def mute(key):
    """Stop the reply e-mails of this thread for this address."""
    data = read_mute_key(key)
    return XtdComment.objects.filter(thread_id=data["thread"], user_email=data["email"], followup=True).update(
        followup=False
    )


def follower_language(comment):
    profile = getattr(comment.user, "member_profile", None) if comment.user_id else None
    if profile is not None:
        return profile.language
    record = CommentConfirmation.objects.filter(comment=comment).first()
    return record.language if record else settings.LANGUAGE_CODE


def page_in(page, language):
    return in_language_code(page, language)


def notify_followers(comment):
    """E-mail everyone who asked to hear about replies in this comment's thread
    (except its author), each once, in their language. Only for a visible comment."""
    if not is_visible(comment):
        return []
    followers = {}
    for previous in (
        XtdComment.objects.filter(thread_id=comment.thread_id, followup=True, is_public=True, is_removed=False)
        .exclude(user_email__iexact=comment.user_email)
        .exclude(pk=comment.pk)
        .select_related("user__member_profile")
        .order_by("submit_date")
    ):
        followers.setdefault(previous.user_email.lower(), previous)
    page = comment.content_object
    sent = []
    for email, previous in followers.items():
        language = follower_language(previous)
        shown = page_in(page, language)
        with translation.override(language):
            mute_url = absolute_url(reverse("comments:mute", args=[mute_key(previous.user_email, comment)]))
        sent.append(
            send_templated_mail(
                "community/comments/email/reply",
                email,
                {
                    "name": previous.user_name,
                    "comment": comment,
                    "page": shown,
                    "page_url": absolute_url(shown.url) + f"#c{comment.pk}",
                    "mute_url": mute_url,
                },
                language,
            )
        )
    return sent


def report(comment, user, reason, details=""):
    """A member reports a comment, with their reason; the first report of a comment
    e-mails the Moderators. Returns False when this member had already reported it."""
    with transaction.atomic():
        flag, created = CommentFlag.objects.get_or_create(comment=comment, user=user, flag=CommentFlag.SUGGEST_REMOVAL)
        if not created:
            return False
        CommentReport.objects.create(flag=flag, reason=reason, details=details)
        if comment.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL).count() == 1:
            transaction.on_commit(lambda: tell_moderators_of_first_report(comment))
    return True


def first_report(comment):
    return (
        CommentReport.objects.filter(flag__comment=comment, flag__flag=CommentFlag.SUGGEST_REMOVAL)
        .order_by("flag__flag_date", "pk")
        .first()
    )


def tell_moderators_of_first_report(comment):
    """On a comment's first report, an e-mail to each member of the Moderators group with
    the comment, the reporter's reason and a link to the reported comments in the admin."""
    moderators = (
        get_user_model().objects.filter(groups__name=MODERATORS_GROUP, is_active=True).exclude(email="").distinct()
    )
    admin_url = absolute_url(reverse(XtdComment.snippet_viewset.get_url_name("list")) + "?reported=true")
    found = first_report(comment)
    for moderator in moderators:
        language = getattr(getattr(moderator, "wagtail_userprofile", None), "preferred_language", "") or "fr"
        send_templated_mail(
            "community/comments/email/reported",
            moderator.email,
            {
                "name": moderator.get_full_name() or moderator.email,
                "author": comment.user_name,
                "text": comment.comment,
                "page": page_in(comment.content_object, language),
                "admin_url": admin_url,
                # The label stays lazy: rendered in the moderator's language.
                "reason": CommentReport.Reason(found.reason).label if found else "",
                "details": found.details if found else "",
            },
            language,
        )
