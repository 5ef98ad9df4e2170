"""A form sent while the database is down is not lost: the POST gets a 503 page, in the
visitor's language, that shows the form again with what they typed (files excepted) and
asks them to send it again in a moment. The page needs no database: no menu, no footer,
labels from the form classes the apps register (`register_retry_form` in their
`AppConfig.ready()`), a CSRF token from the cookie. Nothing is saved half-way: every
service writes in one transaction, and a transaction that cannot reach the database
commits nothing."""

import logging
import re

from django import forms
from django.db import InterfaceError, OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)

UNREACHABLE = (OperationalError, InterfaceError)
NEVER_SHOWN = {"csrfmiddlewaretoken"}
_retry_forms = []  # (compiled path pattern, form class)


def register_retry_form(path_pattern, form_class):
    """Label the fields of POSTs whose path matches `path_pattern` (a regex searched in
    the path) with `form_class`'s labels when they are shown again during an outage."""
    _retry_forms.append((re.compile(path_pattern), form_class))


def _form_class(path):
    return next((form_class for pattern, form_class in _retry_forms if pattern.search(path)), None)


def _humanise(name):
    return name.replace("_", " ").replace("-", " ").capitalize()


def retry_fields(request):
    """What was typed, field by field: dicts with name, label, value(s) and how to show it."""
    form_class = _form_class(request.path)
    declared = form_class.base_fields if form_class else {}
    fields = []
    for name in request.POST:
        field = declared.get(name)
        if name in NEVER_SHOWN:
            continue
        widget = field.widget if field else None
        if isinstance(widget, forms.PasswordInput) or (field is None and "password" in name):
            continue  # never written back into a page
        if isinstance(widget, forms.FileInput):
            continue  # a file field sent as text (no file chosen, or a client without multipart): a file input below
        values = request.POST.getlist(name)
        if isinstance(widget, forms.Textarea) or any("\n" in value or len(value) > 200 for value in values):
            kind = "textarea"
        elif isinstance(widget, forms.CheckboxInput):
            kind = "checkbox"
        elif (form_class and field is None) or isinstance(
            widget, forms.Select | forms.RadioSelect | forms.HiddenInput | forms.CheckboxSelectMultiple
        ):
            kind = "hidden"  # not a field of the form (the honeypot, a button), or choices from the database
        else:
            kind = "text"
        fields.append(
            {"name": name, "label": field.label if field else _humanise(name), "values": values, "kind": kind}
        )
    file_fields = [name for name in request.FILES] + [
        name for name in request.POST if isinstance(getattr(declared.get(name), "widget", None), forms.FileInput)
    ]
    files = [
        {"name": name, "label": declared[name].label if name in declared else _humanise(name)}
        for name in dict.fromkeys(file_fields)
    ]
    return fields, files


class DatabaseOutageMiddleware:
    """Turns a database outage during a POST into the 503 page above (GETs keep the 500
    page, and /healthz its 503)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not isinstance(exception, UNREACHABLE):
            return None
        logger.error("database unreachable during a POST to %s: %s", request.path, exception)
        fields, files = retry_fields(request)
        response = render(request, "503.html", {"fields": fields, "files": files, "action": request.get_full_path()})
        response.status_code = 503
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
