"""Sending the site's e-mails: in the person's language, as HTML and plain text."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(template_prefix, to, context, language):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` in `language`
    and send them to `to`."""
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": settings.BASE_URL, **context}
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = settings.EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
        text = render_to_string(f"{template_prefix}.txt", context).strip() + "\n"
        html = render_to_string(f"{template_prefix}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()
    return message
