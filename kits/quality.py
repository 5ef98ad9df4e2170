"""Kit quality, "ni trop court, ni trop long": plain functions, shared by the edit
view's panel, the admin listing and the publish check."""

import math
import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.translation import gettext_lazy as _

from wagtail.rich_text import RichText

WORDS_PER_MINUTE = 200
MIN_READING_MINUTES = 3
MAX_READING_MINUTES = 25
MIN_STEPS = 3

ERROR = "error"  # blocks publishing
WARNING = "warning"  # shown, does not block

# Struct keys whose values are settings, not prose.
_NOT_PROSE = {"level", "kind", "url", "image"}
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass
class Verdict:
    code: str
    level: str
    message: str


@dataclass
class KitQuality:
    words: int
    steps: int
    faq_entries: int
    materials: int
    verdicts: list = field(default_factory=list)

    @property
    def reading_minutes(self):
        """Whole minutes of reading, rounded up (a 90-word kit takes a minute, not zero)."""
        return math.ceil(self.words / WORDS_PER_MINUTE)

    @property
    def errors(self):
        return [verdict for verdict in self.verdicts if verdict.level == ERROR]

    @property
    def warnings(self):
        return [verdict for verdict in self.verdicts if verdict.level == WARNING]

    @property
    def codes(self):
        return {verdict.code for verdict in self.verdicts}

    @property
    def is_good(self):
        return not self.verdicts


def texts(value):
    """Every piece of prose in a StreamField value (or any nested block value)."""
    if value is None:
        return
    if isinstance(value, RichText):
        yield unescape(_TAG.sub(" ", value.source))
    elif isinstance(value, str):
        yield value
    elif hasattr(value, "items"):  # StructValue or dict
        for key, child in value.items():
            if key not in _NOT_PROSE:
                yield from texts(child)
    elif isinstance(value, list | tuple) or hasattr(value, "__iter__"):  # StreamValue, ListValue
        for child in value:
            yield from texts(getattr(child, "value", child))


def count_words(*values):
    return sum(len(_WORD.findall(text)) for value in values for text in texts(value))


def count_blocks(body, block_type):
    return sum(1 for block in body or [] if block.block_type == block_type)


def count_faq_entries(body):
    return sum(len(block.value["questions"]) for block in body or [] if block.block_type == "faq")


def assess(*, summary, body, audiences, material_count):
    """The quality of a kit from its content. `body` is the StreamField value."""
    steps = count_blocks(body, "step")
    quality = KitQuality(
        words=count_words(summary, body),
        steps=steps,
        faq_entries=count_faq_entries(body),
        materials=material_count,
    )
    add = quality.verdicts.append
    if not (summary or "").strip():
        add(Verdict("missing-summary", ERROR, _("Write a summary: visitors choose a kit from it.")))
    if steps == 0:
        add(Verdict("missing-steps", ERROR, _("Add at least one step: a kit says what to do, in order.")))
    if material_count == 0:
        add(Verdict("missing-materials", ERROR, _("Add at least one material (guide, poster, template…).")))
    if quality.reading_minutes < MIN_READING_MINUTES or steps < MIN_STEPS:
        add(
            Verdict(
                "too-short",
                WARNING,
                _("Too short: aim for at least %(minutes)s minutes of reading and %(steps)s steps.")
                % {"minutes": MIN_READING_MINUTES, "steps": MIN_STEPS},
            )
        )
    if quality.reading_minutes > MAX_READING_MINUTES:
        add(
            Verdict(
                "too-long",
                WARNING,
                _("Too long: over %(minutes)s minutes of reading. Move details into the materials.")
                % {"minutes": MAX_READING_MINUTES},
            )
        )
    if not audiences:
        add(Verdict("missing-audience", WARNING, _("Choose at least one audience, so visitors can find the kit.")))
    return quality


def publish_errors(quality):
    """Messages that refuse publishing (or submitting for review)."""
    return [verdict.message for verdict in quality.errors]
