"""Community models, one module per concern."""

from .associations import Association
from .members import MemberProfile, MemberProfileQuerySet
from .pages import ArticleIndexPage, AssociationIndexPage, TestimonialIndexPage
from .testimonials import Testimonial, TestimonialQuerySet

__all__ = [
    "ArticleIndexPage",
    "Association",
    "AssociationIndexPage",
    "MemberProfile",
    "MemberProfileQuerySet",
    "Testimonial",
    "TestimonialIndexPage",
    "TestimonialQuerySet",
]
