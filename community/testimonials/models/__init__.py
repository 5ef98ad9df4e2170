"""Testimonial models. Modules below the page (views, services, forms) import
`models.testimonial`, never this package, which also holds the page that imports them."""

from community.testimonials.models.pages import TestimonialIndexPage
from community.testimonials.models.testimonial import Testimonial, TestimonialQuerySet, photo_path

__all__ = ["Testimonial", "TestimonialIndexPage", "TestimonialQuerySet", "photo_path"]
