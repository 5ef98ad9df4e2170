"""The translation editor's review buttons (home/translation_review.py) and the links to
translate a page once approved (home/review_shortcuts.py)."""

from django import template

from home import review_shortcuts
from home.translation_review import review_actions

register = template.Library()


@register.simple_tag
def translation_review_actions(page, user):
    return review_actions(page, user)


@register.simple_tag
def translation_shortcuts(page, user):
    """For the "approved" e-mail: links to translate `page` into the languages it lacks."""
    return review_shortcuts.translation_shortcuts(page, user)
