"""What the privacy page states about personal data — purposes, legal bases and
retention periods — built from the RETENTION_* settings that `purge_personal_data`
enforces, so the page and the purge can never disagree."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def duration(days):
    """365 → "1 year", 730 → "2 years", 180 → "6 months", 7 → "7 days"."""
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days % 30 == 0 or days in (182, 183):
        months = round(days / 30.4)
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def processing_rows():
    """One row per purpose, in the visitor's language."""
    consent = _("Your consent, given on the form (you may withdraw it at any time).")
    rows = [
        {
            "purpose": _(
                "Send you a kit's materials, remind you of the date and ask how your action went (Je me lance)."
            ),
            "data": _("Name, e-mail address, organisation, postcode, planned date, audience, expected participants."),
            "basis": consent,
            "retention": _(
                "%(duration)s after our last contact; then anonymised: the figures keep the kit, "
                "département and dates without your name."
            )
            % {"duration": duration(settings.RETENTION_DECLARATIONS_DAYS)},
        },
        {
            "purpose": _("Register you for a peer session and send you its e-mails."),
            "data": _("Name, e-mail address, organisation, attendance."),
            "basis": consent,
            "retention": _(
                "Guests: %(guests)s after the session; members: %(members)s after the session; then anonymised. "
                "Registrations never confirmed by e-mail: deleted after %(unconfirmed)s."
            )
            % {
                "guests": duration(settings.RETENTION_GUEST_REGISTRATIONS_DAYS),
                "members": duration(settings.RETENTION_REGISTRATIONS_DAYS),
                "unconfirmed": duration(settings.RETENTION_UNCONFIRMED_DAYS),
            },
        },
    ]
    testimonials = getattr(settings, "RETENTION_TESTIMONIALS_DAYS", None)
    if testimonials:
        rows.append(
            {
                "purpose": _("Publish the story of your local action, after moderation."),
                "data": _("Display name, e-mail address, association, story, photo, postcode."),
                "basis": consent,
                "retention": _(
                    "Published: until you ask us to remove it. Pending or rejected: deleted after %(duration)s."
                )
                % {"duration": duration(testimonials)},
            }
        )
    rows += [
        {
            "purpose": _("Member accounts of the network: sign-in, registrations, topic proposals and votes."),
            "data": _("Name, e-mail address, association, role, password (encrypted)."),
            "basis": _("Your membership of the network (the agreement you accept when signing up)."),
            "retention": _(
                "Until you delete your account from your member area; what the figures need stays without your name."
            ),
        },
        {
            "purpose": _("Keep the site secure: refused sign-ins, too many attempts, erasures."),
            "data": _("Network address and a keyed fingerprint of the e-mail address, never the address itself."),
            "basis": _("Our legitimate interest in protecting the site and your data."),
            "retention": _("In the server logs, for as long as the host keeps them."),
        },
    ]
    return rows
