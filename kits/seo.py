"""Structured data for search engines: schema.org HowTo of a kit."""

from django.templatetags.static import static

from core.links import absolute_url, page_url
from kits.choices import Cost
from kits.quality import texts


def _iso_minutes(minutes):
    hours, rest = divmod(minutes or 0, 60)
    return f"PT{hours}H{rest}M" if hours else f"PT{rest}M"


def howto_json_ld(kit, request, materials=()):
    """What to do (steps), what to have (the checklists: supply), what the kit gives (its
    materials: tool), and an image (the cover, else the site's)."""
    steps, supplies = [], []
    for block in kit.body:
        if block.block_type == "step":
            text = " ".join(" ".join(texts(block.value["text"])).split())
            steps.append({"@type": "HowToStep", "name": block.value["title"], "text": text})
        elif block.block_type == "checklist":
            supplies += [{"@type": "HowToSupply", "name": item} for item in block.value["items"]]
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": kit.title,
        "description": kit.summary,
        "inLanguage": kit.locale.language_code,
        "url": page_url(kit, request=request),
        "totalTime": _iso_minutes(kit.action_duration),
        "step": steps,
        "image": absolute_url(
            kit.hero_image.get_rendition("fill-1200x630").url if kit.hero_image else static("img/share.png")
        ),
    }
    if supplies:
        data["supply"] = supplies
    if materials:
        data["tool"] = [{"@type": "HowToTool", "name": material.label} for material in materials]
    if kit.cost == Cost.FREE:
        data["estimatedCost"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": 0}
    if kit.association_id:
        data["author"] = {"@type": "Organization", "name": kit.association.name}
    return data
