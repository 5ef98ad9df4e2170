"""The e-mails of a declaration, in its language, as HTML and plain text: the download
links (asked for: they say why they come, List-Unsubscribe points at the person's page),
the reminder before the action and the follow-up after it (one-click unsubscription,
RFC 8058, for every declaration of the person)."""

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation

from core import unsubscribe
from core.emails import build_message, render_email
from core.links import absolute_url, page_url
from kits.signing import ALL_MATERIALS, sign_download

UNSUBSCRIBE_KIND = "kit-reminders"  # registered by kits.apps with core.unsubscribe
KINDS = ("links", "reminder", "followup")


def subpage_url(kit, name, *args, absolute=True):
    """The URL of a kit's sub-route, in the kit's own language (absolute for e-mails)."""
    _site_id, _root_url, page_path = kit.get_url_parts()
    path = page_path + kit.reverse_subpage(name, args=args)
    return absolute_url(path) if absolute else path


def download_url(kit, signed, absolute=True):
    value, timestamp, signature = signed.split("/")
    return subpage_url(kit, "download", value, timestamp, signature, absolute=absolute)


def person_url(declaration, kit=None):
    return subpage_url(kit or declaration.localized_kit(), "my_action", declaration.token)


def share_url(declaration, absolute=True):
    """The testimonial form pre-filled from the declaration, in its language (the wall is
    community's page: found by model name, kits does not import community's views)."""
    wall_model = apps.get_model("community", "TestimonialIndexPage")
    pages = {page.locale.language_code: page for page in wall_model.objects.live().select_related("locale")}
    page = pages.get(declaration.language) or pages.get(settings.LANGUAGE_CODE)
    path = page.get_url_parts()[2] if page else "/actions-locales/"
    url = f"{path}partager/?declaration={declaration.token}"
    return absolute_url(url) if absolute else url


def material_links(declaration, kit, absolute=True):
    """(material, signed URL) for each material of the kit in its language."""
    return [
        (material, download_url(kit, sign_download(declaration.token, material.pk), absolute=absolute))
        for material in kit.materials.select_related("document")
    ]


def all_materials_url(declaration, kit, absolute=True):
    """The signed link to every material at once (a zip), when the kit has more than one."""
    if kit.materials.count() < 2:
        return ""
    return download_url(kit, sign_download(declaration.token, ALL_MATERIALS), absolute=absolute)


def send_declaration_email(declaration, kind):
    if kind not in KINDS:
        raise ValueError(kind)
    with translation.override(declaration.language):
        kit = declaration.localized_kit()
        context = {
            "declaration": declaration,
            "kit": kit,
            "kit_url": page_url(kit),
            "links": material_links(declaration, kit),
            "all_url": all_materials_url(declaration, kit),
            "person_url": person_url(declaration, kit),
            "links_valid_until": declaration.links_valid_until(),
            "checklists": kit.checklists() if kind == "reminder" else [],
            "share_url": share_url(declaration) if kind == "followup" else "",
        }
        subject, text, html = render_email(f"kits/emails/{kind}", context)
        if kind == "links":  # asked for: the person's page, where e-mails can be stopped
            headers = {"List-Unsubscribe": f"<{context['person_url']}>"}
        else:  # reminders and follow-ups: one-click unsubscription (RFC 8058)
            headers = unsubscribe.headers(UNSUBSCRIBE_KIND, declaration.email)
    message = build_message(subject, text, html, declaration.email, headers=headers)
    message.send()
    type(declaration).objects.filter(pk=declaration.pk).update(last_contact_at=timezone.now())
    return message
