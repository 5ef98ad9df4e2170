"""The translation editor's review buttons (home/translation_review.py)."""

from django import template

from home.translation_review import review_actions

register = template.Library()


@register.simple_tag
def translation_review_actions(page, user):
    return review_actions(page, user)
