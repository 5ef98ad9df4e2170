"""Structured data for search engines: schema.org HowTo of a kit."""

from core.links import page_url
from kits.choices import Cost
from kits.quality import texts


def _iso_minutes(minutes):
    hours, rest = divmod(minutes or 0, 60)
    return f"PT{hours}H{rest}M" if hours else f"PT{rest}M"


def howto_json_ld(kit, request):
    steps = []
    for block in kit.body:
        if block.block_type == "step":
            text = " ".join(" ".join(texts(block.value["text"])).split())
            steps.append({"@type": "HowToStep", "name": block.value["title"], "text": text})
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": kit.title,
        "description": kit.summary,
        "inLanguage": kit.locale.language_code,
        "url": page_url(kit, request=request),
        "totalTime": _iso_minutes(kit.action_duration),
        "step": steps,
    }
    if kit.cost == Cost.FREE:
        data["estimatedCost"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": 0}
    if kit.association_id:
        data["author"] = {"@type": "Organization", "name": kit.association.name}
    return data
