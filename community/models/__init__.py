"""Community models, one module per concern."""

from .articles import ArticleCategory, ArticlePage
from .associations import Association
from .comments import CommentConfirmation
from .members import MemberProfile, MemberProfileQuerySet
from .pages import ArticleIndexPage, AssociationIndexPage, TestimonialIndexPage
from .testimonials import Testimonial, TestimonialQuerySet

__all__ = [
    "ArticleCategory",
    "ArticlePage",
    "ArticleIndexPage",
    "Association",
    "CommentConfirmation",
    "AssociationIndexPage",
    "MemberProfile",
    "MemberProfileQuerySet",
    "Testimonial",
    "TestimonialIndexPage",
    "TestimonialQuerySet",
]
