"""manage.py grant_association_staff EMAIL ASSOCIATION_SLUG [--revoke]: makes an account
staff of an association (or ends it), as the association's snippet does in the admin.
Running it twice changes nothing the second time."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from community.associations import staff
from community.associations.models import Association


class Command(BaseCommand):
    help = "Make an account staff of an association (or, with --revoke, end it)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("association_slug")
        parser.add_argument("--revoke", action="store_true", help="End it instead.")

    def handle(self, email, association_slug, revoke=False, **options):
        users = list(get_user_model().objects.filter(email__iexact=email.strip()))
        if not users:
            raise CommandError(f"No account has the e-mail address {email!r}.")
        if len(users) > 1:
            raise CommandError(f"Several accounts have the e-mail address {email!r}: settle it in the admin.")
        association = Association.objects.filter(slug=association_slug).first()
        if association is None:
            known = ", ".join(Association.objects.order_by("slug").values_list("slug", flat=True)[:20])
            raise CommandError(f"No association has the slug {association_slug!r} (known: {known or 'none'}).")
        user = users[0]
        if revoke:
            changed = staff.revoke(user, association)
            message = "is no longer staff of" if changed else "was not staff of"
        else:
            changed = staff.grant(user, association)
            message = "is now staff of" if changed else "was already staff of"
        self.stdout.write(f"{user.email} {message} {association.name}.")
