"""The signed-in user from the cache instead of one `auth_user` query per request
(settings: `core.cached_users.CachedUserAuthenticationMiddleware` in place of Django's
AuthenticationMiddleware; decision 0033).

A user is cached under `relais-user:<generation>:<pk>` right after the backend loaded them,
with whether they may use the admin (`may_use_admin`, read by the member page cache). The
cached copy is used only when the session's hash matches it, exactly as Django checks a
user read from the database; a mismatch goes through Django's own `get_user` (fallback
secrets, flush). Every write to a user drops their copy at once, and again on commit: a
new password, a deactivation, a new e-mail take effect on the next request. Group and
permission changes (which decide `may_use_admin`) drop every copy (the `users` section's
generation). While the cache is down the database is read, and a write made meanwhile
bumps the generation once it answers (as sessions do, core.sessions)."""

import copy

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from core.cache import cache_available
from core.page_cache import catch_up, current_generations, invalidate

SECTION = "users"
USER_SECONDS = 24 * 3600
ADMIN_FLAG = "_relais_may_use_admin"
# What has_perm() and the association scope keep on a user: never cached with them.
PER_REQUEST_ATTRIBUTES = ("_perm_cache", "_user_perm_cache", "_group_perm_cache", "_association_scope")


def _key(pk):
    return f"relais-user:{current_generations(SECTION)[SECTION]}:{pk}"


def may_use_admin(user):
    """Staff, superusers and anyone Wagtail lets into its admin: their pages are never
    served from the member page cache (the userbar, previews, their own rights)."""
    if not user.is_authenticated:
        return False
    flag = getattr(user, ADMIN_FLAG, None)
    if flag is None:
        flag = bool(user.is_staff or user.is_superuser or copy.copy(user).has_perm("wagtailadmin.access_admin"))
        setattr(user, ADMIN_FLAG, flag)
    return flag


def _load(user_id, backend_path):
    """The user from the cache, or from the backend and then into the cache; None if the
    backend refuses them (deleted, inactive)."""
    key = _key(user_id)
    user = cache.get(key)
    if user is not None and cache_available():
        return user
    user = auth.load_backend(backend_path).get_user(user_id)
    if user is None:
        return None
    for name in PER_REQUEST_ATTRIBUTES:
        user.__dict__.pop(name, None)
    may_use_admin(user)
    if cache_available():
        cache.set(key, user, USER_SECONDS)
    return user


def get_user(request):
    """Django's `auth.get_user`, reading the user from the cache when it verifies."""
    if not cache_available():
        return auth.get_user(request)
    catch_up()
    try:
        user_id = auth._get_user_session_key(request)
        backend_path = request.session[auth.BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return auth.get_user(request)
    user = _load(user_id, backend_path)
    session_hash = request.session.get(auth.HASH_SESSION_KEY)
    if user is None or not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return auth.get_user(request)  # Django decides: fallback secrets, or sign out
    return user


def _cached_user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)
    return request._cached_user


class CachedUserAuthenticationMiddleware(AuthenticationMiddleware):
    def process_request(self, request):
        super().process_request(request)  # keeps the session check and `auser`
        request.user = SimpleLazyObject(lambda: _cached_user(request))


def forget(pk):
    """Drop the cached copy of user `pk` (now and once the transaction commits)."""

    def drop():
        if cache_available():
            cache.delete(_key(pk))
        if not cache_available():
            invalidate(SECTION)  # remembered: every copy is dropped once the cache is back

    drop()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(drop)


def forget_everyone():
    invalidate(SECTION)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: invalidate(SECTION))


def _on_user_write(sender, instance, **kwargs):
    forget(instance.pk)


def _on_rights_change(sender, **kwargs):
    forget_everyone()


def connect():
    user_model = auth.get_user_model()
    for signal in (post_save, post_delete):
        signal.connect(_on_user_write, sender=user_model, dispatch_uid=f"cached-users-{id(signal)}")
        signal.connect(_on_rights_change, sender=Group, dispatch_uid=f"cached-users-group-{id(signal)}")
        signal.connect(_on_rights_change, sender=Permission, dispatch_uid=f"cached-users-perm-{id(signal)}")
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_on_rights_change, sender=through, dispatch_uid=f"cached-users-m2m-{through._meta.label}")
