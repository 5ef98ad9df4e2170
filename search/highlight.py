"""Highlighting of the matched words, done here because the search backend does not.

Text is escaped first, then the words that match a query term are wrapped in <mark>.
Matching folds case and accents ("evenement" marks "Événement") and compares stems
by prefix ("collectes" marks "collecte" and "collecter"), close to what the French
text-search configuration matches."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w+", re.UNICODE)

# Common French and English endings, longest first: what is left is compared as a prefix.
SUFFIXES = sorted(
    [
        "issements", "issement", "ements", "ement", "ations", "ation", "ateurs", "atrices", "ateur", "atrice",
        "euses", "euse", "eux", "ives", "ive", "ifs", "if", "ités", "ité", "ings", "ing", "ers", "er",
        "ées", "ée", "és", "é", "es", "ez", "ed", "s", "x", "e",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
# Words too common to be worth marking.
STOP_WORDS = {
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "il", "je", "la", "le",
    "les", "leur", "lui", "ma", "mais", "me", "mes", "ne", "nous", "on", "ou", "par", "pas", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "ton", "tu", "un", "une", "vos", "votre", "vous",
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "or", "the", "to", "with",
    "d", "l", "j", "s", "n", "c", "t", "m",
}  # fmt: skip
MIN_STEM = 3


def fold(text):
    """Lower case without accents: "Écoles" → "ecoles"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word):
    word = fold(word)
    for suffix in SUFFIXES:
        suffix = fold(suffix)
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def query_stems(query):
    """The stems of the query's meaningful words (no duplicates, in order)."""
    stems = []
    for word in WORD.findall(query or ""):
        if fold(word) in STOP_WORDS:
            continue
        value = stem(word)
        if value and value not in stems:
            stems.append(value)
    return stems


def matches(word, stems):
    folded = fold(word)
    return any(folded.startswith(value) for value in stems)


def highlight(text, stems):
    """Escaped `text` with the matching words in <mark>."""
    text = str(text or "")
    if not stems:
        return escape(text)
    parts, position = [], 0
    for found in WORD.finditer(text):
        if matches(found.group(), stems):
            parts.append(escape(text[position : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def snippet(texts, stems, length=220):
    """The best excerpt: around the first match in the first text that has one, cut on
    word boundaries with "…"; else the start of the first non-empty text. Highlighted."""
    texts = [" ".join(str(text).split()) for text in texts if text and str(text).strip()]
    if not texts:
        return ""
    for text in texts:
        first = next((found for found in WORD.finditer(text) if matches(found.group(), stems)), None) if stems else None
        if first is not None:
            return highlight(_window(text, first.start(), length), stems)
    return highlight(_window(texts[0], 0, length), stems)


def _window(text, at, length):
    if len(text) <= length:
        return text
    start = max(0, at - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > at else end
    excerpt = text[start:end].strip()
    return ("…" if start else "") + excerpt + ("…" if end < len(text) else "")
