"""The personal parts of a page, filled per request into the page shared by every signed-in
member (core.member_page_cache, decision 0033).

A template marks each part that depends on who is looking with the `personal_tags` library:

    {% personal "event_registration" page=page.pk seats_left=seats_left %}…{% endpersonal %}
    {% personal_include "community/account_link.html" %}

Rendered normally (visitors, staff, cache off) the tag renders its content. Rendered for
the shared page (`shared_rendering()`), it writes a placeholder instead, carrying its
name, its arguments (public values of the page: JSON; a page goes as its model and id,
read again once per request) and the rendering's nonce, a random
value kept with the stored page: only placeholders of that rendering are ever filled, so a
text that imitates one (a comment…) stays text. Filling calls the part's filler,
registered by its app in `ready()` with `register(name, fill)`; `fill(request, **arguments)`
returns the part's HTML for the person of `request`. A part without a filler, or a filler
that fails, raises `NotFillable`: the page is then rendered for the person, uncached."""

import base64
import contextvars
import json
import re
import secrets

from django.apps import apps
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from wagtail.models import Page

from core.cached_users import may_use_admin

_fillers = {}
PAGE = "__page__"
# The nonce of the shared rendering in progress; None when rendering normally.
_nonce = contextvars.ContextVar("personal_parts_nonce", default=None)
PLACEHOLDER = re.compile(r"<!--relais-personal:(?P<nonce>[\w-]+):(?P<name>[\w.-]+):(?P<arguments>[\w=-]*)-->")


class NotFillable(Exception):
    """A personal part could not be filled: the page is rendered for the person instead."""


def register(name, fill):
    """`fill(request, **arguments)` renders the personal part `name` for request's person."""
    _fillers[name] = fill


def shared_nonce():
    """The nonce of the shared rendering in progress, or None."""
    return _nonce.get()


class shared_rendering:
    """Within it, personal tags write placeholders carrying `self.nonce`."""

    def __enter__(self):
        self.nonce = secrets.token_urlsafe(12)
        self._token = _nonce.set(self.nonce)
        return self

    def __exit__(self, *exc):
        _nonce.reset(self._token)


def _encode(value):
    """A page travels as its model and id (it is read again, live, when filled)."""
    if isinstance(value, Page):
        return {PAGE: [value._meta.label, value.pk]}
    return value


def _decode(request, value):
    if isinstance(value, dict) and PAGE in value:
        label, pk = value[PAGE]
        pages = request.__dict__.setdefault("_personal_pages", {})  # one read per page and request
        if (label, pk) not in pages:
            manager = apps.get_model(label)._default_manager
            pages[label, pk] = manager.live().select_related("locale").get(pk=pk)
        return pages[label, pk]
    return value


def placeholder(name, arguments):
    arguments = {key: _encode(value) for key, value in arguments.items()}
    encoded = base64.urlsafe_b64encode(json.dumps(arguments, sort_keys=True).encode()).decode()
    return mark_safe(f"<!--relais-personal:{_nonce.get()}:{name}:{encoded}-->")  # noqa: S308  (our own name and base64)


def fill(request, content, nonce):
    """`content` (text) with each placeholder of `nonce` replaced by its part for `request`."""

    def replace(match):
        if match["nonce"] != nonce:
            return match[0]
        filler = _fillers.get(match["name"])
        if filler is None:
            raise NotFillable(match["name"])
        try:
            arguments = json.loads(base64.urlsafe_b64decode(match["arguments"]))
            arguments = {key: _decode(request, value) for key, value in arguments.items()}
            return str(filler(request, **arguments))
        except NotFillable:
            raise
        except Exception as error:
            raise NotFillable(match["name"]) from error

    return PLACEHOLDER.sub(replace, content)


def fill_include(request, template, **context):
    """The filler of `{% personal_include %}`: the template rendered for the request."""
    return render_to_string(template, context, request=request)


def fill_userbar(request):
    """Wagtail's userbar shows only to people who may use the admin, and they never get a
    shared page (core.member_page_cache): empty, unless that ever changes."""
    if may_use_admin(request.user):
        raise NotFillable("userbar")
    return ""


register("include", fill_include)
register("userbar", fill_userbar)
