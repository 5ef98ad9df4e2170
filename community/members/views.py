"""The member area: /compte/ (sections), profile, "my data" export, account deletion.
Sign-up, login, password and e-mail pages are allauth's, under the same /compte/."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.members import member_area
from community.members.access import get_profile, is_network_member
from community.members.forms import DeleteAccountForm, MemberProfileForm
from community.members.models import MemberProfile
from community.members.personal_data import MEMBER_ACCOUNT, verified_emails
from core import personal_data


def account_home(request):
    if not request.user.is_authenticated:
        # /compte/ is also where people look for the login form.
        return redirect_to_login(request.GET.get("next", reverse("account_home")), reverse("account_login"))
    context = {
        "profile": get_profile(request.user),
        "is_network_member": is_network_member(request.user),
    }
    context["sections"] = member_area.render_sections(request)
    return render(request, "community/members/account_home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = get_profile(request.user) or MemberProfile(user=request.user)
    form = MemberProfileForm(request.POST or None, instance=request.user, profile=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        if form.association_changed and profile.status == MemberProfile.Status.PENDING:
            messages.warning(request, _("Your profile is saved. Staff will review your new association."))
        else:
            messages.success(request, _("Your profile is saved."))
        return redirect("account_home")
    return render(request, "community/members/profile_form.html", {"form": form, "profile": profile})


@login_required
def export_data(request):
    body = personal_data.export_as_json(request.user)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"relais-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    if user.is_staff or user.is_superuser:
        return render(request, "community/members/delete_refused.html", status=403)
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        logout(request)
        personal_data.delete_account(user)
        return redirect("account_deleted")
    return render(request, "community/members/delete_form.html", {"form": form})


def records_by_email(request):
    """The member-area section: what is recorded under the member's verified addresses."""
    counts = {}
    for email in verified_emails(request.user):
        for key, records in personal_data.find_records(email, exclude=(MEMBER_ACCOUNT,)).items():
            counts[key] = counts.get(key, 0) + len(records)
    return {"records": [{"label": personal_data.source_label(key), "count": count} for key, count in counts.items()]}


@login_required
@require_http_methods(["GET", "POST"])
def erase_records(request):
    """Erase what forms recorded under the member's verified addresses; the account stays."""
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        total = 0
        for email in verified_emails(request.user):
            results = personal_data.erase_records(email, actor="self", exclude=(MEMBER_ACCOUNT,))
            total += sum(results.values())
        messages.success(request, _("%(count)s record(s) erased.") % {"count": total})
        return redirect("account_home")
    return render(request, "community/members/erase_records_form.html", {"form": form})


def account_deleted(request):
    return render(request, "community/members/deleted.html")


@require_http_methods(["GET", "HEAD"])
def admin_login(request):
    """Wagtail's /admin/login/ leads to the site's login form, which applies allauth's
    rate limits to editors too; its POSTs are refused (405), so it cannot be used to
    guess passwords."""
    url = reverse("account_login")
    next_url = request.GET.get("next")
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return redirect(url)
