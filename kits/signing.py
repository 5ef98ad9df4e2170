r"""Signed download links: a declaration's token and a material id, valid DOWNLOAD_LINK_MAX_AGE.

Wagtail only routes path segments made of [\w-] (no ":"), so the signed value travels
as three segments, value/timestamp/signature, joined back with the signer's ":"."""

from django.conf import settings
from django.core import signing

SALT = "relais.kits.download"


class LinkExpired(Exception):
    """The signature is good but too old; carries the payload so fresh links can be sent."""

    def __init__(self, token, material_id):
        super().__init__("download link expired")
        self.token = token
        self.material_id = material_id


def _signer():
    return signing.TimestampSigner(salt=SALT)


def sign_download(token, material_id):
    """The signed part of a download URL: "value/timestamp/signature"."""
    return _signer().sign_object({"t": token, "m": material_id}).replace(":", "/")


def read_download(signed):
    """(token, material id) of a signed link. Raises LinkExpired when too old and
    signing.BadSignature when tampered."""
    signer = _signer()
    signed = signed.replace("/", ":")
    try:
        payload = signer.unsign_object(signed, max_age=settings.DOWNLOAD_LINK_MAX_AGE)
    except signing.SignatureExpired:
        payload = signer.unsign_object(signed)
        raise LinkExpired(*_fields(payload)) from None
    return _fields(payload)


def _fields(payload):
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), str) or not isinstance(payload.get("m"), int):
        raise signing.BadSignature("unexpected payload")
    return payload["t"], payload["m"]
