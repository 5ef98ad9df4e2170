"""Admin → "Données personnelles": find every record kept about an e-mail address across
the apps (community.personal_data registries), download them as JSON, or erase them all
(the same anonymisation as the retention periods). Everything goes by POST so that the
address never appears in a URL or an access log."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.personal_data import erase_records, find_records

PERMISSION = "home.manage_personal_data"


class EmailSearchForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the request: erase these records"),
        required=False,
    )


def export_response(email, found):
    body = json.dumps(
        {"email": email, "exported_at": timezone.now(), "records": found},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"relais-personal-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def table(key, records):
    """(source, column names, rows of values) for the listing."""
    columns = list(dict.fromkeys(name for row in records for name in row))
    return key, columns, [[row.get(name, "") for name in columns] for row in records]


@require_http_methods(["GET", "POST"])
def personal_data_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = EmailSearchForm(request.POST or None)
    context = {"form": form, "page_title": _("Personal data"), "found": None}
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        action = request.POST.get("action", "search")
        if action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick this box to confirm the erasure."))
            else:
                results = erase_records(email, actor=f"user:{request.user.pk}")
                messages.success(
                    request, _("Erased: %(count)s record(s) anonymised or deleted.") % {"count": sum(results.values())}
                )
        found = find_records(email)
        if action == "export" and not form.errors:
            return export_response(email, found)
        context["found"] = [table(key, records) for key, records in found.items()]
        context["email"] = email
    return render(request, "core/admin/personal_data.html", context)
