r"""Signed download links: a declaration's token and a material id (0: every material of
the kit, as one zip), with the time they were signed.

How long a link works depends on the declaration (its planned date, whether it is
cancelled): `ActionDeclaration.links_valid_until()` decides, from the signing date read here.

Wagtail only routes path segments made of [\w-] (no ":"), so the signed value travels
as three segments, value/timestamp/signature, joined back with the signer's ":"."""

import datetime

from django.core import signing
from django.utils import timezone

SALT = "relais.kits.download"
ALL_MATERIALS = 0


def _signer():
    return signing.TimestampSigner(salt=SALT)


def sign_download(token, material_id):
    """The signed part of a download URL: "value/timestamp/signature"."""
    return _signer().sign_object({"t": token, "m": material_id}).replace(":", "/")


def read_download(signed):
    """(token, material id, the local date it was signed) of a signed link.
    Raises signing.BadSignature when tampered."""
    signed = signed.replace("/", ":")
    payload = _signer().unsign_object(signed)
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), str) or not isinstance(payload.get("m"), int):
        raise signing.BadSignature("unexpected payload")
    timestamp = signing.b62_decode(signed.rsplit(":", 2)[-2])
    signed_at = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)
    return payload["t"], payload["m"], timezone.localdate(signed_at)
