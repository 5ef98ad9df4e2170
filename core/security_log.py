"""Refused sign-ins in the "relais.security" log: the client address (behind trusted
proxies) and a keyed hash of the login, never the address or the password."""

import logging

from django.contrib.auth.signals import user_login_failed

from core.client_ip import client_ip
from core.personal_data import email_digest

security_log = logging.getLogger("relais.security")


def log_refused_login(sender, credentials, request=None, **kwargs):
    login = credentials.get("email") or credentials.get("username") or ""
    address = client_ip(request) if request is not None else "-"
    security_log.warning("login refused login=%s ip=%s", email_digest(login), address)


def connect():
    user_login_failed.connect(log_refused_login, dispatch_uid="relais-security-login-failed")
