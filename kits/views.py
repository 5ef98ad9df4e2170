"""The kit page's sub-routes (kits/models/pages.py): declare an action, the person's
page (by secret token) with its confirmation to cancel, and the signed downloads."""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import FileResponse, Http404, HttpResponseNotAllowed, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community.members.models import MemberProfile
from core.calendar_links import calendar_links
from core.client_ip import client_ip
from core.links import page_url
from core.ratelimit import allow
from core.views import too_many_requests
from kits import services
from kits.bundle import archive_name, stream_zip
from kits.declaration_forms import ChangeDateForm, DeclarationForm
from kits.emails import all_materials_url, material_links, share_url
from kits.models.declarations import ActionDeclaration, DeclarationStatus, KitDownload
from kits.models.materials import KitMaterial
from kits.signing import ALL_MATERIALS, read_download

HONEYPOT_FIELD = "website"


def _limit(scope, identity):
    limit, period = settings.DECLARATION_RATE_LIMITS[scope]
    return allow(f"kits-declaration-{scope}", identity, limit, period)


def _private(response):
    """The person's pages carry a secret: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def member_accreditation(user):
    """The signed-in member's profile when it records an accreditation for school actions."""
    if not user.is_authenticated:
        return None
    return MemberProfile.objects.filter(user=user, accredited_at__isnull=False).first()


def declare(request, kit):
    accreditation = member_accreditation(request.user) if kit.school_setting else None
    if request.method == "POST":
        if request.POST.get(HONEYPOT_FIELD) or not _limit("address", client_ip(request)):
            return too_many_requests(request)
        form = DeclarationForm(request.POST, kit=kit, accredited_member=accreditation is not None)
        if form.is_valid():
            if not _limit("email", form.cleaned_data["email"].lower()):
                return too_many_requests(request)
            declaration, created = services.declare(kit, form.cleaned_data, get_language())
            if created:
                messages.success(request, _("Thank you! Your action is declared and the links are on their way."))
            else:
                messages.info(request, _("You had already declared this action: here are your links again."))
            return redirect(kit.url + kit.reverse_subpage("my_action", args=(declaration.token,)))
    elif request.method == "GET":
        form = DeclarationForm(kit=kit, accredited_member=accreditation is not None)
    else:
        return _method_not_allowed()
    context = kit.get_context(request)
    context.update(form=form, honeypot_field=HONEYPOT_FIELD, accreditation=accreditation)
    return _private(TemplateResponse(request, "kits/declaration/declare.html", context))


def _method_not_allowed():
    return HttpResponseNotAllowed(["GET", "POST"])


def _declaration_for(kit, token):
    declaration = ActionDeclaration.objects.select_related("kit").filter(token=token).first()
    if declaration is None or declaration.kit.translation_key != kit.translation_key:
        raise Http404
    return declaration


def my_action(request, kit, token):
    declaration = _declaration_for(kit, token)
    date_form = ChangeDateForm(declaration=declaration)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "change-date" and not declaration.is_cancelled:
            date_form = ChangeDateForm(request.POST, declaration=declaration)
            if date_form.is_valid():
                services.change_date(declaration, date_form.cleaned_data["planned_date"])
                messages.success(request, _("The date of your action is changed."))
                return redirect(request.path)
        elif action == "undo-cancel" and declaration.is_cancelled:
            if services.undo_cancel(declaration):
                messages.success(request, _("Your action is declared again: your links work again."))
            return redirect(request.path)
        elif action == "stop-emails":
            services.stop_emails(declaration)
            messages.success(request, _("Done: you will receive no more e-mails about this action."))
            return redirect(request.path)
        else:
            return redirect(request.path)
    elif request.method != "GET":
        return _method_not_allowed()
    context = kit.get_context(request)
    context.update(
        declaration=declaration,
        links=[] if declaration.is_cancelled else material_links(declaration, kit, absolute=False),
        all_url=all_materials_url(declaration, kit, absolute=False),
        links_valid_until=declaration.links_valid_until(),
        date_form=date_form,
        can_cancel=declaration.status == DeclarationStatus.DECLARED,
        can_undo=declaration.can_undo_cancel(),
        cancel_url=_my_action_url(kit, declaration, "cancel_action"),
        declare_url=kit.url + kit.reverse_subpage("declare"),
        # The person's own date in their calendar: the kit's public address, never the secret page.
        calendar_links=calendar_links(
            _("My action: %(kit)s") % {"kit": kit.title}, declaration.planned_date, details=page_url(kit)
        ),
        # After the planned date, the person is offered to tell how it went (as the follow-up e-mail does).
        story_url=share_url(declaration, absolute=False)
        if declaration.status == DeclarationStatus.DECLARED and declaration.is_past()
        else "",
    )
    return _private(TemplateResponse(request, "kits/declaration/my_action.html", context))


def _my_action_url(kit, declaration, name="my_action"):
    return kit.url + kit.reverse_subpage(name, args=(declaration.token,))


def cancel_action(request, kit, token):
    """Cancelling asks first, and says what will happen; the POST cancels."""
    declaration = _declaration_for(kit, token)
    if declaration.status != DeclarationStatus.DECLARED:
        return redirect(_my_action_url(kit, declaration))
    if request.method == "POST":
        services.cancel(declaration)
        declaration.refresh_from_db()
        messages.success(
            request,
            _("Your action is cancelled. You can undo this until %(date)s on this page.")
            % {"date": date_format(timezone.localtime(declaration.undo_until), "DATE_FORMAT")},
        )
        return redirect(_my_action_url(kit, declaration))
    if request.method != "GET":
        return _method_not_allowed()
    context = kit.get_context(request)
    context.update(
        declaration=declaration,
        undo_days=settings.DECLARATION_UNDO_DAYS,
        my_action_url=_my_action_url(kit, declaration),
        emails_to_come=declaration.emails_to_come(),
    )
    return _private(TemplateResponse(request, "kits/declaration/cancel.html", context))


def download(request, kit, signed):
    try:
        token, material_id, sent_on = read_download(signed)
    except signing.BadSignature:
        raise Http404 from None
    declaration = _declaration_for(kit, token)
    if declaration.is_cancelled:
        return _cancelled(request, kit, declaration)
    if timezone.localdate() > declaration.links_valid_until(sent_on):
        return _expired(request, kit, declaration)
    if request.method != "GET":
        return _method_not_allowed()
    if material_id == ALL_MATERIALS:
        return _download_all(kit, declaration)
    material = KitMaterial.objects.select_related("document", "page").filter(pk=material_id).first()
    if material is None or material.page.translation_key != declaration.kit.translation_key:
        raise Http404
    document = material.document
    KitDownload.objects.create(declaration=declaration, material=material)
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename, content_type=content_type
    )
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


def _download_all(kit, declaration):
    """Every material of the kit as one zip, streamed; one download in the indicators."""
    materials = list(kit.materials.select_related("document"))
    if not materials:
        raise Http404
    KitDownload.objects.create(declaration=declaration, material=None, whole_kit=True)
    response = StreamingHttpResponse(stream_zip(materials), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, archive_name(kit))
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


def _cancelled(request, kit, declaration):
    """A link of a cancelled declaration: it says why it stopped, offers to undo while it
    can be undone, and to declare again."""
    if request.method != "GET":
        return _method_not_allowed()
    context = kit.get_context(request)
    context.update(
        declaration=declaration,
        can_undo=declaration.can_undo_cancel(),
        my_action_url=_my_action_url(kit, declaration),
        declare_url=kit.url + kit.reverse_subpage("declare"),
    )
    return _private(TemplateResponse(request, "kits/declaration/link_cancelled.html", context, status=410))


def _expired(request, kit, declaration):
    sent = False
    if request.method == "POST":
        if not _limit("resend", client_ip(request)) or not _limit("resend", declaration.pk):
            return too_many_requests(request)
        services.resend_links_if_due(declaration)
        sent = True
    elif request.method != "GET":
        return _method_not_allowed()
    context = kit.get_context(request)
    context.update(
        declaration=declaration,
        sent=sent,
        link_days=settings.DOWNLOAD_LINK_DAYS,
        days_after=settings.DOWNLOAD_LINK_DAYS_AFTER_ACTION,
    )
    return _private(TemplateResponse(request, "kits/declaration/expired.html", context, status=410))
