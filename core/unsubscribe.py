"""One-click unsubscription (RFC 8058) from the e-mails sent without being asked for each
time: reminders and follow-ups carry `List-Unsubscribe` (a signed URL of ours) and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`. A POST to that URL, which mailbox
providers send without cookies, stops that kind of e-mail for that person; a GET shows a
page with the same button. The apps register their kinds in `AppConfig.ready()`: a key
derived from the address (never the address itself, which would travel in the URL) and
what stops the e-mails."""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from core.links import absolute_url

SALT = "relais.core.unsubscribe"
ONE_CLICK = "List-Unsubscribe=One-Click"


@dataclass(frozen=True)
class Kind:
    label: str  # what stops, for the page ("reminders and follow-ups of your actions")
    key: object  # email -> str
    stop: object  # key -> number of records changed


_kinds = {}


def register(name, *, label, key, stop):
    _kinds[name] = Kind(label=label, key=key, stop=stop)


def kind(name):
    return _kinds.get(name)


def sign(name, email):
    return signing.dumps({"k": name, "h": _kinds[name].key(email)}, salt=SALT)


def read(signed):
    """(kind name, Kind, key) of a signed value, or None when tampered or unknown."""
    try:
        payload = signing.loads(signed, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("k") not in _kinds or not isinstance(payload.get("h"), str):
        return None
    return payload["k"], _kinds[payload["k"]], payload["h"]


def headers(name, email):
    """The two headers of RFC 8058 for an e-mail of kind `name` to `email`."""
    url = absolute_url(reverse("unsubscribe", args=[sign(name, email)]))
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": ONE_CLICK}
