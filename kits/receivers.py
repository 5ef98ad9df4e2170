"""How kits reacts to other apps: an approved testimonial reports its declaration."""

from django.dispatch import receiver

from community.signals import testimonial_approved

from .models import ActionDeclaration, DeclarationStatus


@receiver(testimonial_approved, dispatch_uid="kits.declaration_reported")
def mark_declaration_reported(sender, testimonial, **kwargs):
    """The action happened: the declaration is reported with the real number of participants
    (a cancelled declaration stays cancelled)."""
    if not testimonial.declaration_id:
        return
    ActionDeclaration.objects.filter(pk=testimonial.declaration_id).exclude(status=DeclarationStatus.CANCELLED).update(
        status=DeclarationStatus.REPORTED, reported_participants=testimonial.participants
    )
