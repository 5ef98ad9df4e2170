"""Association staff see and choose the documents of their associations' kits and the
ones they or their colleagues uploaded, not the materials of another association's kits:
Wagtail's document policy (listing, chooser, edit, the /documents/ URL) narrowed the way
kits.permissions narrows pages. Everyone else keeps Wagtail's policy unchanged."""

from django.db.models import Q

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from community.associations.models import AssociationStaff
from community.associations.staff import association_scope
from kits.models.materials import KitMaterial


def their_documents(user, scope):
    colleagues = AssociationStaff.objects.filter(association_id__in=scope).values("user_id")
    materials = KitMaterial.objects.filter(page__association_id__in=scope).values("document_id")
    return Q(uploaded_by_user=user) | Q(uploaded_by_user__in=colleagues) | Q(pk__in=materials)


class AssociationScopedDocumentPolicy(CollectionOwnershipPermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        scope = association_scope(user)
        return documents if scope is None else documents.filter(their_documents(user, scope))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        scope = association_scope(user)
        if scope is None:
            return True
        return type(instance).objects.filter(their_documents(user, scope), pk=instance.pk).exists()


def document_policy(model):
    return AssociationScopedDocumentPolicy(
        model, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    )
