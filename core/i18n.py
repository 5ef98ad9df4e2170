"""Objects in the visitor's language.

Pages and translatable snippets (kit themes) exist once per language, linked by their
`translation_key`. Relations point to one language only (a kit's themes are the French
rows, a testimonial's kit is the French page), so whatever shows a related object swaps
it for its translation in the page's locale. This is the one place that does it, each
time in one query whatever the number of objects."""

from wagtail.models import Locale, Page


def by_translation_key(objects):
    """{translation_key: object}, for swapping many relations against one set."""
    return {obj.translation_key: obj for obj in objects}


def swap(objects, translations):
    """Each of `objects` replaced by its entry in `translations` (a `by_translation_key`
    mapping), or kept as it is when it has none."""
    return [translations.get(obj.translation_key, obj) for obj in objects]


def translations_of(objects, locale, queryset=None):
    """{translation_key: translation in `locale`} for `objects`, in one query. Only
    live, public pages count: a draft translation is no translation for a visitor."""
    objects = list(objects)
    if not objects:
        return {}
    if queryset is None:
        queryset = type(objects[0])._default_manager.all()
        if isinstance(objects[0], Page):
            queryset = queryset.live().public()
    keys = {obj.translation_key for obj in objects}
    return by_translation_key(queryset.filter(translation_key__in=keys, locale=locale))


def in_language(objects, locale, *, fallback=True, queryset=None):
    """`objects` in `locale`, in their order, each once. Without a translation an object
    is kept as it is (`fallback=True`: better a French kit than nothing) or left out
    (`fallback=False`: a list of English sessions shows English ones only)."""
    objects = list(objects)
    translations = translations_of(objects, locale, queryset)
    result, seen = [], set()
    for obj in objects:
        if obj.translation_key in seen:
            continue
        found = translations.get(obj.translation_key) or (obj if fallback else None)
        if found is not None:
            seen.add(obj.translation_key)
            result.append(found)
    return result


def in_language_code(obj, language_code):
    """One object in the language of a person (an e-mail, a reply notification): its live
    translation when there is one, else the object itself."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None or obj.locale_id == locale.pk:
        return obj
    found = in_language([obj], locale)
    return found[0] if found else obj
