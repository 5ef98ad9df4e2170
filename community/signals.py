"""Signals community sends; the apps that react own the receivers (DESIGN.md)."""

from django.dispatch import Signal

# Sent once a testimonial is approved, with `testimonial`. kits marks its declaration reported.
testimonial_approved = Signal()
