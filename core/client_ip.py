"""The visitor's real address, for rate limits and logs.

Behind N trusted proxies, the client is the N-th address from the right of
X-Forwarded-For (each proxy appends the address it received the request from);
anything further left was written by the client and cannot be trusted."""

from django.conf import settings


def client_ip(request):
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < trusted:
        return forwarded[0] if forwarded else remote
    return forwarded[-trusted]
