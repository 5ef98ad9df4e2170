"""The wall's sub-routes (community/models/pages.py): share a testimonial, and one page
per approved testimonial."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community.testimonials import services
from community.testimonials.forms import TestimonialForm
from community.testimonials.listing import localized_kits
from community.testimonials.models.testimonial import Testimonial
from community.testimonials.moderation import TESTIMONIALS
from community.testimonials.photo_storage import PRIVATE_PREFIX, forget_kept_photo, photo_storage
from core.client_ip import client_ip
from core.ratelimit import allow
from core.views import too_many_requests
from kits.models import ActionDeclaration, DeclarationStatus, KitPage

HONEYPOT_FIELD = "website"
# (requests, seconds) per address (every POST, so room to correct mistakes) and per e-mail
# (stories actually sent).
RATE_LIMITS = {"address": (10, 3600), "email": (3, 3600)}


def _allow(scope, identity):
    limit, period = RATE_LIMITS[scope]
    return allow(f"testimonial-{scope}", identity, limit, period)


def open_declaration(token):
    """The declaration of a follow-up link, if it is known and has no testimonial yet."""
    if not token or len(token) > 64:
        return None
    declaration = ActionDeclaration.objects.filter(token=token, status=DeclarationStatus.DECLARED).first()
    if declaration is None or Testimonial.objects.filter(declaration=declaration).exists():
        return None
    return declaration


def initial_from(declaration):
    if declaration is None:
        return {}
    return {
        "display_name": declaration.name.split(" ")[0][:80],
        "email": declaration.email,
        "association": declaration.kit.association.name if declaration.kit.association_id else "",
        "kit": declaration.kit_id,
        "action_date": declaration.planned_date,
        "postcode": declaration.postcode,
        "participants": declaration.expected_participants,
    }


def initial_from_kit(value):
    """ "Tell us how your action went" on a kit page (?kit=<source kit id>): that kit, and
    its association, are chosen already."""
    if not value.isdigit() or len(value) > 12:
        return {}
    kit = KitPage.objects.live().filter(pk=int(value)).select_related("association").first()
    if kit is None:
        return {}
    kit = kit.source_kit()
    return {"kit": kit.pk, "association": kit.association.name if kit.association_id else ""}


def share(request, page):
    token = request.GET.get("declaration", "")
    declaration = open_declaration(token)
    language = get_language()
    if request.method == "POST":
        if request.POST.get(HONEYPOT_FIELD) or not _allow("address", client_ip(request)):
            return too_many_requests(request)
        form = TestimonialForm(request.POST, request.FILES, language=language)
        if form.is_valid():
            if not _allow("email", form.cleaned_data["email"].lower()):
                return too_many_requests(request)
            services.submit(form.cleaned_data, language, declaration=declaration)
            forget_kept_photo(form.kept_photo_name)
            messages.success(
                request,
                _(
                    "Thank you! Your testimonial will be published once a moderator has read it; "
                    "we will tell you by e-mail."
                ),
            )
            return redirect(page.url + page.reverse_subpage("share_thanks"))
    elif request.method == "GET":
        initial = initial_from(declaration) or initial_from_kit(request.GET.get("kit", ""))
        form = TestimonialForm(initial=initial, language=language)
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    context = page.get_context(request)
    context.update(form=form, honeypot_field=HONEYPOT_FIELD, declaration=declaration)
    response = TemplateResponse(request, "community/testimonials/share.html", context)
    add_never_cache_headers(response)
    return response


def share_thanks(request, page):
    context = page.get_context(request)
    return TemplateResponse(request, "community/testimonials/thanks.html", context)


def detail(request, page, pk):
    testimonial = Testimonial.objects.public().select_related("kit", "association").filter(pk=pk).first()
    if testimonial is None:
        raise Http404

    context = page.get_context(request)
    kits = localized_kits([testimonial], page.locale)
    testimonial.display_kit = kits.get(testimonial.kit_id)
    context.update(testimonial=testimonial)
    return TemplateResponse(request, "community/testimonials/detail.html", context)


def private_photo(request, name):
    """A pending testimonial's photo, for the moderators who may decide on it (an admin URL:
    Wagtail checks admin access first); anyone else gets a 404, as if it did not exist."""
    if not request.user.has_perm("community.change_testimonial"):
        raise Http404
    full_name = PRIVATE_PREFIX + name
    candidates = Testimonial.objects.filter(photo=full_name)
    if not TESTIMONIALS.visible_to(candidates, request.user).exists() or not photo_storage.exists(full_name):
        raise Http404
    response = FileResponse(photo_storage.open(full_name), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
