"""Sessions from the cache, written through to the database (Django's `cached_db`), safe
while the shared cache is down (settings: SESSION_ENGINE = "core.sessions").

A signed-in request reads its session from Redis instead of the database. While Redis is
down (core.cache) the session goes to and comes from the database only: the fallback is a
per-process memory, where a session deleted by one worker (a sign-out) could live on in
another. A write made during the outage is remembered, and once the cache answers again
every session cached before is dropped at once (their key carries a generation,
core.page_cache), so none comes back from Redis older than its database row."""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore

from core.cache import cache_available
from core.page_cache import catch_up, current_generations, invalidate

SECTION = "sessions"


class SessionStore(CachedDBStore):
    @property
    def cache_key_prefix(self):
        return f"relais-session:{current_generations(SECTION)[SECTION]}:"

    def load(self):
        if not cache_available():
            return DBStore.load(self)
        catch_up()
        return super().load()

    def exists(self, session_key):
        if not cache_available():
            return DBStore.exists(self, session_key)
        return super().exists(session_key)

    def save(self, must_create=False):
        if not cache_available():
            invalidate(SECTION)  # remembered: applied when the cache is back
            return DBStore.save(self, must_create)
        super().save(must_create)
        if not cache_available():  # it went down during the call: Redis may keep the old copy
            invalidate(SECTION)

    def delete(self, session_key=None):
        if not cache_available():
            invalidate(SECTION)
            return DBStore.delete(self, session_key)
        super().delete(session_key)
        if not cache_available():
            invalidate(SECTION)
