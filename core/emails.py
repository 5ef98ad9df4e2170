"""Sending the site's e-mails: in the person's language, as HTML and plain text.

A subject and a text part are plain text: they are rendered with HTML escaping off, so
a title such as « Collecte d'hygiène & <soin> » reaches the person as written, whatever
the template says. The HTML part escapes once, as every page does, and gets the plain
subject as its <title>."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def render_plain(template_name, context):
    """A template rendered as plain text: no HTML escaping at all."""
    template = get_template(template_name).template  # the engine's own Template
    return template.render(Context(context, autoescape=False))


def render_subject(template_name, context):
    """One line of plain text, without the site prefix."""
    return " ".join(render_plain(template_name, context).split())


def render_email(template_prefix, context):
    """(subject, text, html) of `<prefix>_subject.txt`, `<prefix>.txt`, `<prefix>.html`
    in the active language; the HTML layout shows the subject as its title."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "base_url": settings.BASE_URL, **context}
    subject = render_subject(f"{template_prefix}_subject.txt", context)
    context["subject"] = subject
    text = render_plain(f"{template_prefix}.txt", context).strip() + "\n"
    html = render_to_string(f"{template_prefix}.html", context)
    return subject, text, html


def build_message(subject, text, html, to, headers=None):
    """The message with its site prefix, its text part and its HTML alternative."""
    message = EmailMultiAlternatives(
        settings.EMAIL_SUBJECT_PREFIX + subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message


def send_templated_mail(template_prefix, to, context, language, headers=None):
    """Render the three templates of `template_prefix` in `language` and send them to `to`."""
    with translation.override(language):
        subject, text, html = render_email(template_prefix, context)
    message = build_message(subject, text, html, to, headers=headers)
    message.send()
    return message
