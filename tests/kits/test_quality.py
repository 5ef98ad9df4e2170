"""Quality verdicts ("ni trop court, ni trop long"), as plain functions on crafted kits."""

from kits.blocks import KitBodyBlock
from kits.quality import WORDS_PER_MINUTE, assess, count_words
from tests.kits.conftest import words


def body(*raw_blocks):
    return KitBodyBlock().to_python(list(raw_blocks))


def steps(count, text="Faire ceci."):
    return [
        {"type": "step", "value": {"title": f"Étape {n}", "text": f"<p>{text}</p>", "duration": ""}}
        for n in range(count)
    ]


def prose(count):
    return {"type": "paragraph", "value": f"<p>{words(count)}</p>"}


def faq_block(count):
    questions = [{"question": f"Question {n} ?", "answer": "<p>Oui.</p>"} for n in range(count)]
    return {"type": "faq", "value": {"title": "FAQ", "questions": questions}}


def kit_quality(*raw_blocks, summary="Un résumé.", audiences=("pupils",), materials=1):
    return assess(summary=summary, body=body(*raw_blocks), audiences=list(audiences), material_count=materials)


def test_words_are_counted_in_rich_text_structs_and_lists_without_markup():
    value = body(
        {"type": "paragraph", "value": "<p>Un <b>deux</b> trois</p>"},
        {"type": "checklist", "value": {"title": "Quatre cinq", "items": ["six", "sept huit"]}},
        {"type": "heading", "value": {"text": "neuf", "level": "h2"}},
    )
    assert count_words(value) == 9
    assert count_words("L'équipe d'accueil") == 2


def test_a_complete_kit_of_reasonable_length_has_no_verdict():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 5), *steps(4), faq_block(3))
    assert quality.verdicts == []
    assert quality.is_good
    assert (quality.steps, quality.faq_entries, quality.materials) == (4, 3, 1)
    assert quality.reading_minutes == 6  # 1000 words + steps + FAQ, rounded up


def test_under_three_minutes_of_reading_is_too_short():
    quality = kit_quality(prose(300), *steps(5))
    assert quality.reading_minutes == 2
    assert quality.codes == {"too-short"}
    assert quality.errors == []  # a warning, not a publishing blocker


def test_under_three_steps_is_too_short_even_when_long_enough():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 4), *steps(2))
    assert quality.codes == {"too-short"}


def test_over_25_minutes_is_too_long():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 26), *steps(5))
    assert quality.reading_minutes > 25
    assert quality.codes == {"too-long"}
    assert quality.errors == []


def test_exactly_25_minutes_is_not_too_long():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 25 - 3 * 4 - 2), *steps(3))  # 4 words a step, 2 of summary
    assert quality.reading_minutes == 25
    assert "too-long" not in quality.codes


def test_missing_audience_is_a_warning():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 4), *steps(3), audiences=())
    assert quality.codes == {"missing-audience"}
    assert quality.errors == []


def test_missing_materials_blocks_publishing():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 4), *steps(3), materials=0)
    assert quality.codes == {"missing-materials"}
    assert [verdict.code for verdict in quality.errors] == ["missing-materials"]


def test_missing_steps_and_summary_block_publishing():
    quality = kit_quality(prose(WORDS_PER_MINUTE * 4), summary="  ")
    assert {verdict.code for verdict in quality.errors} == {"missing-summary", "missing-steps"}
    assert "too-short" in quality.codes
