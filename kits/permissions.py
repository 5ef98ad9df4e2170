"""Association staff work on their associations' kits and on no other, through Wagtail's
own mechanisms (docs/permissions.md, docs/decisions/0019):

- `KitPermissionTester`: every page view, action and bulk action asks it (KitPage
  overrides `permissions_for_user`): on another association's kit it grants nothing —
  no edit, history, delete, move, copy, lock, submission;
- `AssociationScopedPagePolicy`: the page permission policy registered for every page,
  whose explorable and permitted pages leave out the other associations' kits: the
  explorer, the "Kits" listing, admin search, the dashboard and site history use it;
- `not_their_kits` for the page choosers (`construct_page_chooser_queryset`);
- the group's page permissions on every kit index page (`grant_kit_index`)."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from community.associations.forms import ASSOCIATION_STAFF
from community.associations.staff import association_scope

KIT_INDEX_ACTIONS = ["add_page", "change_page"]
_THEIR_KITS = "_their_kit_ids"


def foreign_kit(user, kit):
    """True when `user` is association staff and `kit` (saved) belongs to none of theirs."""
    scope = association_scope(user)
    return scope is not None and kit.pk is not None and kit.pk not in their_kit_ids(user, scope)


def their_kit_ids(user, scope):
    """The ids of their associations' kits, once per request (the explorer asks the tester
    for every row, through deferred instances that would each read `association_id`)."""
    if not hasattr(user, _THEIR_KITS):
        kits = Page.objects.filter(kitpage__association_id__in=scope)
        setattr(user, _THEIR_KITS, frozenset(kits.values_list("pk", flat=True)))
    return getattr(user, _THEIR_KITS)


class KitPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.foreign = foreign_kit(user, page)
        if self.foreign:
            self.permissions = set()

    def can_edit(self):
        return not self.foreign and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return not self.foreign and super().can_delete(ignore_bulk=ignore_bulk)

    def can_submit_for_moderation(self):
        return not self.foreign and super().can_submit_for_moderation()

    def can_lock(self):
        return not self.foreign and super().can_lock()

    def can_unlock(self):
        return not self.foreign and super().can_unlock()

    def can_copy(self):
        return not self.foreign and super().can_copy()

    def can_view_revisions(self):
        return not self.foreign and super().can_view_revisions()


def foreign_kit_ids(user):
    """A subquery of the kits outside the user's scope (none for the network's staff)."""
    scope = association_scope(user)
    kit_pages = Page.objects.filter(content_type__app_label="kits", content_type__model="kitpage")
    if scope is None:
        return kit_pages.none().values("pk")
    return kit_pages.exclude(kitpage__association_id__in=scope).values("pk")


def not_their_kits(queryset, user):
    if association_scope(user) is None:
        return queryset
    return queryset.exclude(pk__in=foreign_kit_ids(user))


class AssociationScopedPagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, the other associations' kits left out for association staff."""

    def instances_user_has_any_permission_for(self, user, actions):
        return not_their_kits(super().instances_user_has_any_permission_for(user, actions), user)

    def explorable_instances(self, user):
        return not_their_kits(super().explorable_instances(user), user)


def grant_kit_index(index):
    """The "Association staff" group adds and edits pages under this kit index (their
    kits: the tester and the policy above narrow it to their associations)."""
    group = Group.objects.filter(name=ASSOCIATION_STAFF).first()
    if group is None:
        return
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=KIT_INDEX_ACTIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)


def grant_kit_index_on_create(sender, instance, created, raw=False, **kwargs):
    """A kit index made after the migration (the skeleton, a translation) gets them too."""
    if created and not raw:
        grant_kit_index(instance)
