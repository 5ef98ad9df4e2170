"""Who moderates which testimonials (docs/permissions.md): the network's Moderators all of
them; association staff those about their associations' kits (`Testimonial.kit`, always
the source-language kit), and no other, wherever Wagtail looks:

- `their_testimonials`, the one rule, read by `TESTIMONIALS.visible_to` (the moderation
  inbox, its dashboard count, the private photo view) and by the admin listing;
- `TestimonialPolicy`, the model's permission policy: the bulk actions and every view of
  one testimonial ask it for that instance (`is_theirs`);
- `TestimonialAdminForm`: the kit of a testimonial they correct stays one of theirs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from community.associations.staff import association_scope
from kits.permissions import their_kit_ids


def their_testimonials(queryset, user):
    """The part of `queryset` that `user` may moderate."""
    scope = association_scope(user)
    return queryset if scope is None else queryset.filter(kit__association_id__in=scope)


def is_theirs(user, testimonial):
    """The same rule for one testimonial (the kits' ids are read once per request)."""
    scope = association_scope(user)
    return scope is None or (testimonial.kit_id is not None and testimonial.kit_id in their_kit_ids(user, scope))


class TestimonialPolicy(ModelPermissionPolicy):
    """The group's model permissions, narrowed to their testimonials for association staff."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and is_theirs(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and is_theirs(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return their_testimonials(super().instances_user_has_any_permission_for(user, actions), user)


class TestimonialAdminForm(WagtailAdminModelForm):
    """A testimonial corrected by association staff keeps a kit of theirs (a crafted POST
    could otherwise hand it, and its moderation, to another association)."""

    def clean_kit(self):
        kit = self.cleaned_data.get("kit")
        scope = association_scope(self.for_user) if self.for_user is not None else None
        if scope is not None and (kit is None or kit.pk not in their_kit_ids(self.for_user, scope)):
            raise forms.ValidationError(_("Choose one of your associations' kits."))
        return kit
