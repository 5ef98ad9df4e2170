"""Translate pages and snippets through wagtail-localize, as an editor would,
from a dictionary of French source strings to their translation. Used by the demo
content and by tests, so that translated pages keep their link to the source
(editors can then update them from the admin's translation editor)."""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def segment_form(text):
    """A string as wagtail-localize stores its segment: one paragraph's inner HTML (a
    paragraph block's "<p>…</p>" is split into its paragraphs), line breaks as <br/>."""
    text = text.strip()
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        text = text[3:-4]
    return text.replace("\r\n", "\n").replace("\n", "<br/>")


@transaction.atomic
def translate(instance, language_code, strings, publish=True):
    """Create or update the translation of `instance` into `language_code`.

    `strings` maps each source string (a title, a slug, a paragraph of rich text,
    a block's text, a whole paragraph block's "<p>…</p>", a text with line breaks) to its
    translation; strings not in it keep the source text. Returns the translated instance."""
    by_segment = {segment_form(source): segment_form(text) for source, text in strings.items()}
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data, by_segment.get(segment.string.data))
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation.save_target(publish=publish)
    translated = instance.get_translation(locale)
    if isinstance(translated, Page) and publish and not translated.live:
        translated.save_revision().publish()
    return translated
