"""The kit page's sub-routes (kits/models/pages.py): declare an action, the person's
page (by secret token) and the signed downloads."""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community.members.models import MemberProfile
from core.client_ip import client_ip
from core.ratelimit import allow
from core.views import too_many_requests
from kits import services
from kits.declaration_forms import ChangeDateForm, DeclarationForm
from kits.emails import material_links
from kits.models.declarations import ActionDeclaration, KitDownload
from kits.models.materials import KitMaterial
from kits.signing import LinkExpired, read_download

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
        elif action == "cancel" and not declaration.is_cancelled:
            services.cancel(declaration)
            messages.success(request, _("Your action is cancelled. We will not write to you about it any more."))
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
        date_form=date_form,
    )
    return _private(TemplateResponse(request, "kits/declaration/my_action.html", context))


def download(request, kit, signed):
    try:
        token, material_id = read_download(signed)
    except LinkExpired as expired:
        return _expired(request, kit, expired)
    except signing.BadSignature:
        raise Http404 from None
    if request.method != "GET":
        return _method_not_allowed()
    declaration = _declaration_for(kit, token)
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


def _expired(request, kit, expired):
    declaration = _declaration_for(kit, expired.token)
    sent = False
    if request.method == "POST":
        if not _limit("resend", client_ip(request)) or not _limit("resend", declaration.pk):
            return too_many_requests(request)
        services.resend_links_if_due(declaration)
        sent = True
    elif request.method != "GET":
        return _method_not_allowed()
    context = kit.get_context(request)
    context.update(declaration=declaration, sent=sent)
    return _private(TemplateResponse(request, "kits/declaration/expired.html", context, status=410))
