"""Highlighting of the matched words, in two steps: a *marker* wraps each matched word in
two private-use characters (MARK_START, MARK_END), then `render` escapes the text and turns
the marks into <mark>. On PostgreSQL the database marks (search/headline.py: ts_headline
with the search's own configuration); elsewhere `python_marks` does, below.

The Python marker folds case and accents ("evenement" marks "Événement") and compares
*stems*: a word is marked when it has the stem of a query word once a common French or
English ending is cut ("collectes" marks "collecte" and "collecter"; "car" marks "cars"
but not "carte", whose stem is "cart"), close to what the French stemmer matches."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\ue000", "\ue001"  # never in a text: `unmarked` removes them

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
    """The same stem, not a prefix: "car" does not match "carte" (stem "cart")."""
    return stem(word) in stems


def unmarked(text):
    return str(text or "").replace(MARK_START, "").replace(MARK_END, "")


def python_marks(text, stems):
    """`text` with each word matching `stems` between MARK_START and MARK_END."""
    text = unmarked(text)
    if not stems:
        return text
    return WORD.sub(
        lambda found: MARK_START + found.group() + MARK_END if matches(found.group(), stems) else found.group(), text
    )


def render(marked):
    """Escaped text with the marked words in <mark>."""
    html = escape(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 (escaped above; the marks are ours)


def highlight(text, stems):
    """Escaped `text` with the matching words in <mark> (the Python marker)."""
    return render(python_marks(text, stems))


def collapse(text):
    return " ".join(str(text).split())


def snippet(texts, stems, length=220):
    """`marked_snippet` with the Python marker."""
    return marked_snippet([python_marks(collapse(text), stems) for text in texts if text], length)


def marked_snippet(marked_texts, length=220):
    """The best excerpt of already marked texts: around the first match in the first text
    that has one, cut on word boundaries with "…"; else the start of the first non-empty
    text. Rendered."""
    texts = [collapse(text) for text in marked_texts if text and unmarked(text).strip()]
    if not texts:
        return ""
    for text in texts:
        first = text.find(MARK_START)
        if first >= 0:
            return render(_balanced(_window(text, first, length)))
    return render(_balanced(_window(texts[0], 0, length)))


def _balanced(excerpt):
    """A cut text keeps only the marks that open and close inside it."""
    out, opened_at = [], None
    for char in excerpt:
        if char == MARK_START:
            opened_at = len(out)
        elif char == MARK_END and opened_at is None:
            continue
        elif char == MARK_END:
            opened_at = None
        out.append(char)
    if opened_at is not None:
        del out[opened_at]
    return "".join(out)


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
