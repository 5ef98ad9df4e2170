"""Structural pages — the home pages, the section index pages and the information pages in
the footer (legal notice, privacy, accessibility) — are changed only by holders of
`home.manage_structural_pages`: superusers and the "Site administrators" group
(docs/permissions.md). Editors and Moderators keep working *under* them: adding kits under
the kits index, publishing them, reordering a section."""

from wagtail.models import PagePermissionTester

# On SiteSettings' Meta, like manage_personal_data: home has no model of its own for it.
MANAGE_STRUCTURAL_PAGES = "home.manage_structural_pages"


def is_site_administrator(user):
    """Superusers and "Site administrators" (Django caches the permissions on the user for
    the request: the page listing asks once per row)."""
    return user.is_active and user.has_perm(MANAGE_STRUCTURAL_PAGES)


class StructuralPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, minus every action on the page itself for anyone but a site
    administrator. The child-page actions (add, publish a new subpage) are untouched; moving
    and copying go through can_delete and can_edit, view restrictions and unscheduling
    through can_publish. Bulk actions and the edit/delete/publish actions ask this tester
    too (wagtail.actions, wagtail.admin.views.pages.bulk_actions)."""

    def _allowed(self):
        return is_site_administrator(self.user)

    def can_edit(self):
        return self._allowed() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._allowed() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._allowed() and super().can_unpublish()

    def can_publish(self):
        return self._allowed() and super().can_publish()

    def can_submit_for_moderation(self):
        return self._allowed() and super().can_submit_for_moderation()

    def can_lock(self):
        return self._allowed() and super().can_lock()

    def can_unlock(self):
        return self._allowed() and super().can_unlock()

    def can_reorder_children(self):
        # The home page's children are the main menu, in this order.
        if self.page.depth <= 2 and not self._allowed():
            return False
        return super().can_reorder_children()


class StructuralPageMixin:
    """For page models that are structural; `is_structural()` lets a model decide page by page."""

    def is_structural(self):
        return True

    def permissions_for_user(self, user):
        if self.is_structural():
            return StructuralPagePermissionTester(user, self)
        return super().permissions_for_user(user)
