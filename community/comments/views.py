"""The thread's endpoints under /commentaires/ (and /en/commentaires/): post, confirm
by e-mail, flag, stop notifications. Every page renders in the site's layout."""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from community.comments import services
from community.comments.forms import ReportForm, ThreadCommentForm
from community.comments.threads import is_visible, thread_target
from community.members.access import is_network_member, network_member_required
from core.client_ip import client_ip
from core.ratelimit import allow
from core.views import too_many_requests

# (attempts, seconds) per client address and per e-mail address.
RATE_LIMITS = {"address": (10, 3600), "email": (5, 3600), "flag": (30, 3600)}


def _limit(scope, identity):
    limit, period = RATE_LIMITS[scope]
    return allow(f"comments:{scope}", identity, limit, period)


def safe_next(request, fallback):
    next_path = request.POST.get("next") or request.GET.get("next") or ""
    if next_path and url_has_allowed_host_and_scheme(next_path, allowed_hosts={request.get_host()}):
        return next_path
    return fallback


@require_http_methods(["GET", "HEAD"])
def write(request, content_type, object_pk):
    """The form on its own page, for a new comment or (?reply_to=<id>) a reply."""
    target = thread_target(content_type, object_pk)
    if target is None:
        raise Http404
    reply_to = services.reply_target(request.GET.get("reply_to"), target)
    page = services.page_in(target, get_language())
    next_path = safe_next(request, page.url)
    member = request.user if is_network_member(request.user) else None
    initial = {"next": next_path, "reply_to": reply_to.pk if reply_to else 0}
    form = ThreadCommentForm(target, member=member, initial=initial, auto_id="comment_%s")
    context = {"form": form, "target": page, "reply_to": reply_to, "next_path": next_path, "member": member}
    return TemplateResponse(request, "community/comments/write.html", context)


@require_POST
def post_comment(request):
    target = thread_target(request.POST.get("content_type", ""), request.POST.get("object_pk"))
    if target is None:
        return TemplateResponse(request, "community/comments/link_invalid.html", {"reason": "target"}, status=400)
    if request.POST.get("honeypot"):
        return too_many_requests(request)
    ip_address = client_ip(request)
    if not _limit("address", ip_address or "unknown"):
        return too_many_requests(request)
    member = request.user if is_network_member(request.user) else None
    form = ThreadCommentForm(target, member=member, data=request.POST)
    next_path = safe_next(request, target.url)
    if form.is_valid() and not services.can_reply_to(form.cleaned_data.get("reply_to"), target):
        form.add_error("comment", _("The comment you reply to is no longer shown: write a new comment instead."))
    if not form.is_valid():
        # Shown again with the text kept and fresh anti-spoofing fields (a form opened
        # hours ago would otherwise fail again).
        form.data = form.data.copy()
        form.data.update(form.generate_security_data())
        return TemplateResponse(
            request,
            "community/comments/preview.html",
            {
                "form": form,
                "target": services.page_in(target, get_language()),
                "next_path": next_path,
                "security_message": form.security_message(),
            },
            status=400,
        )
    if member is not None:
        comment = services.post_member_comment(target, member, form, ip_address)
        messages.success(request, _("Your comment is published."))
        return redirect(f"{next_path}#c{comment.pk}")
    if not _limit("email", form.cleaned_data["email"].lower()):
        return too_many_requests(request)
    services.request_confirmation(target, form, ip_address, next_path)
    return TemplateResponse(
        request,
        "community/comments/check_email.html",
        {"email": form.cleaned_data["email"], "next_path": next_path},
    )


def confirm(request, key):
    try:
        comment, payload = services.confirm(key)
    except services.LinkUsed:
        return TemplateResponse(request, "community/comments/link_used.html", {})
    except services.LinkInvalid as error:
        return TemplateResponse(request, "community/comments/link_invalid.html", {"reason": str(error)}, status=400)
    messages.success(request, _("Thank you: your comment is published."))
    next_path = payload.get("next") or comment.content_object.url
    if not url_has_allowed_host_and_scheme(next_path, allowed_hosts={request.get_host()}):
        next_path = comment.content_object.url
    return redirect(f"{next_path}#c{comment.pk}")


@require_http_methods(["GET", "POST"])
@network_member_required
def flag(request, comment_id):
    """Report a comment: a small form on a page of its own (the reason, a few words)."""
    comment = get_object_or_404(XtdComment, pk=comment_id)
    if not is_visible(comment):
        raise Http404  # hidden: as if it did not exist
    page = services.page_in(comment.content_object, get_language())
    next_path = safe_next(request, page.url)
    back = f"{next_path}#c{comment.pk}"
    if comment.flags.filter(user=request.user, flag=CommentFlag.SUGGEST_REMOVAL).exists():
        messages.info(request, _("You already reported this comment: the moderators will look at it."))
        return redirect(back)
    form = ReportForm(request.POST or None, initial={"next": next_path}, auto_id="report_%s")
    if request.method == "POST":
        if not _limit("flag", str(request.user.pk)):
            return too_many_requests(request)
        if form.is_valid():
            services.report(comment, request.user, form.cleaned_data["reason"], form.cleaned_data["details"])
            messages.success(request, _("Thank you: the moderators will look at this comment."))
            return redirect(back)
    context = {"form": form, "comment": comment, "target": page, "next_path": next_path}
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "community/comments/report.html", context, status=status)


@require_http_methods(["GET", "POST"])
def mute(request, key):
    """GET asks (mail scanners open links), POST stops the e-mails."""
    try:
        if request.method == "GET":
            services.read_mute_key(key)
        else:
            services.mute(key)
    except services.LinkInvalid:
        return TemplateResponse(request, "community/comments/link_invalid.html", {"reason": "forged"}, status=400)
    return TemplateResponse(request, "community/comments/mute.html", {"done": request.method == "POST"})
