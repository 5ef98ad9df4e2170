from django import template

from home.models import StandardPage

register = template.Library()


@register.simple_tag
def field_widget(field):
    """A form field's widget, described by its help text and its errors (ids match
    components/form_field.html)."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def privacy_url(context):
    """The privacy page in the visitor's language (/confidentialite/, /en/privacy/)."""
    request = context.get("request")
    page = StandardPage.objects.filter(slug="confidentialite", locale__language_code="fr").first()
    if page is None:
        return "/confidentialite/"
    page = page.localized
    return page.get_url(request) if page.live else "/confidentialite/"
