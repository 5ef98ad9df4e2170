"""Staff of an association: people who run their association's kits, figures and
directory entry in the admin, and nothing of the other associations'.

A person's *scope* is None when they act for the whole network (superusers and the
network's groups: their rights are not narrowed), else the ids of the associations they
are staff of (possibly none). It is computed once per request and kept on the user."""

from django.contrib.auth.models import Group
from django.db import transaction

from community.associations.forms import ASSOCIATION_STAFF
from community.associations.models import Association, AssociationStaff

# Groups whose members act for the whole network: being also staff of an association
# narrows nothing (rights add up, docs/permissions.md).
NETWORK_GROUPS = {"Editors", "Moderators", "Site administrators"}
_CACHE = "_association_scope"


def association_scope(user):
    """None (the whole network) or the frozenset of the user's associations' ids."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, _CACHE):
        groups = set(user.groups.values_list("name", flat=True))
        if groups & NETWORK_GROUPS or ASSOCIATION_STAFF not in groups:
            scope = None
        else:
            scope = frozenset(AssociationStaff.objects.filter(user=user).values_list("association_id", flat=True))
        setattr(user, _CACHE, scope)
    return getattr(user, _CACHE)


def scoped_associations(user):
    """The associations a user may act for: all of them, or those of their scope."""
    scope = association_scope(user)
    associations = Association.objects.order_by("name")
    return associations if scope is None else associations.filter(pk__in=scope)


def staff_emails(association_ids):
    """The active staff addresses of these associations (their notifications)."""
    links = AssociationStaff.objects.filter(association_id__in=association_ids, user__is_active=True)
    return sorted(set(links.exclude(user__email="").values_list("user__email", flat=True)))


@transaction.atomic
def grant(user, association):
    """Makes `user` staff of `association` (and a member of the group); True if it changed."""
    _, created = AssociationStaff.objects.get_or_create(user=user, association=association)
    user.groups.add(Group.objects.get(name=ASSOCIATION_STAFF))
    return created


@transaction.atomic
def revoke(user, association):
    """Ends it; the group goes once the person is staff of no association. True if it changed."""
    deleted, _ = AssociationStaff.objects.filter(user=user, association=association).delete()
    if not AssociationStaff.objects.filter(user=user).exists():
        user.groups.remove(*Group.objects.filter(name=ASSOCIATION_STAFF))
    return bool(deleted)
