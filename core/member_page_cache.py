"""Signed-in members get the shared page with their own parts filled in (decision 0033).

The shared page of a URL is rendered once per content change (the generations of the
sections it showed, core.page_cache) from a *stand-in* of the member's request: no
cookies, an empty session, no messages, and a user who is an anonymous visitor that
notices being looked at. Personal parts (core.personal_parts) write placeholders instead
of their content; each request then fills them for its own person (the account link,
messages, the session's registration box, the comment thread with a fresh CSRF token…).

The shared rendering never sees the member, so no personal data can be stored in it.
It is stored only if nothing outside a personal part looked at the user, the session or
the messages, asked for a CSRF token, or set a cookie; otherwise the page is marked
"personal" (under the same generations) and rendered for each person, as before. A part
that cannot be filled renders the whole page for the person. Staff and anyone who may use
Wagtail's admin (core.cached_users.may_use_admin) always get their own rendering.

Place it after the authentication, messages and two-factor middleware: it needs the
user, and the CSRF middleware outside it sets the cookie of the tokens it fills in."""

import contextvars
import copy
import logging

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.base import BaseStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core import personal_parts
from core.cache import cache_available
from core.cached_users import may_use_admin
from core.page_cache import (
    SKIPPED_PREFIXES,
    UNSTORED_HEADERS,
    cacheable_response,
    catch_up,
    generations,
    render_recording,
    seconds,
)
from core.sessions import SessionStore

logger = logging.getLogger(__name__)

HEADER = "X-Member-Cache"
PERSONAL = "personal"  # stored instead of a page: this URL is rendered for each person
SHARED = "shared"
# Recomputed per response, never stored: cookies, our markers, the length of the page
# before its parts are filled in.
NOT_STORED = UNSTORED_HEADERS | {"content-length", HEADER.lower()}

# What the shared rendering in progress looked at ({"user", "session"…}); None outside.
_consulted = contextvars.ContextVar("member_page_consulted", default=None)


def _notice(what):
    consulted = _consulted.get()
    if consulted is not None:
        consulted.add(what)


class WatchedAnonymousUser(AnonymousUser):
    """The user of the shared rendering: an anonymous visitor, who notes any look at them
    (a page that looks at its user outside a personal part is not shared)."""

    def __getattribute__(self, name):
        if not name.startswith("__"):
            _notice("user")
        return super().__getattribute__(name)


class NoMessages(BaseStorage):
    """The shared rendering's messages: none, and reading or adding one is noted."""

    def _get(self, *args, **kwargs):
        _notice("messages")
        return [], True

    def _store(self, messages, response, *args, **kwargs):
        return []

    def add(self, level, message, extra_tags=""):
        _notice("messages")


def _stand_in(request):
    """A copy of `request` without anything of its person."""
    shared = copy.copy(request)
    shared.META = {
        key: value
        for key, value in request.META.items()
        if key not in ("HTTP_COOKIE", "CSRF_COOKIE", "CSRF_COOKIE_NEEDS_UPDATE", "HTTP_AUTHORIZATION")
    }
    shared.COOKIES = {}
    shared.session = SessionStore()
    shared.user = WatchedAnonymousUser()
    shared._cached_user = shared.user

    async def auser():
        return shared.user

    shared.auser = auser
    shared._messages = NoMessages(shared)
    return shared


def _eligible(request):
    if request.method not in ("GET", "HEAD") or not seconds() or not cache_available():
        return False
    if request.path.startswith(SKIPPED_PREFIXES) or "sessionid" not in request.COOKIES:
        return False
    user = request.user
    return user.is_authenticated and user.is_active and not may_use_admin(user)


def _key(request):
    return f"page-cache:member:{request.get_host()}:{request.get_full_path()}"


def _still_valid(stored):
    shown = stored[4]
    return bool(shown) and generations(*shown) == shown


def _serve(request, content, status, headers, nonce):
    """The shared page with this request's parts filled in; None if one cannot be."""
    try:
        body = personal_parts.fill(request, content.decode(), nonce)
    except personal_parts.NotFillable:
        logger.warning("A personal part could not be filled: rendered for the person", exc_info=True)
        return None
    response = HttpResponse(body, status=status, headers=headers)
    patch_cache_control(response, private=True)
    return response


class MemberPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        catch_up()
        key = _key(request)
        stored = cache.get(key)
        if stored is not None and _still_valid(stored) and cache_available():
            if stored[0] == PERSONAL:
                return self.get_response(request)
            kind, content, status, headers, _shown, nonce = stored
            response = _serve(request, content, status, headers, nonce)
            if response is not None:
                response[HEADER] = "HIT"
                return response
            return self.get_response(request)
        return self._render_shared(request, key)

    def _render_shared(self, request, key):
        shared = _stand_in(request)
        consulted = set()
        token = _consulted.set(consulted)
        try:
            with personal_parts.shared_rendering() as rendering:
                response, shown = render_recording(self.get_response, shared)
        finally:
            _consulted.reset(token)
        if shared.session.accessed or shared.session.modified:
            consulted.add("session")
        if shared.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            consulted.add("csrf")
        storable = cacheable_response(response) and not consulted
        if not cache_available():
            return self.get_response(request)
        if not storable:
            # Rendered for each person, until one of the sections it showed changes.
            cache.set(key, (PERSONAL, None, None, None, shown, None), seconds())
            return self.get_response(request)
        headers = {k: v for k, v in response.headers.items() if k.lower() not in NOT_STORED}
        stored = (SHARED, response.content, response.status_code, headers, shown, rendering.nonce)
        cache.set(key, stored, seconds())
        response = _serve(request, response.content, response.status_code, headers, rendering.nonce)
        if response is None:
            return self.get_response(request)
        response[HEADER] = "MISS"
        return response
