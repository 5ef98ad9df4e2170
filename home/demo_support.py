"""What every app's demo loader shares: the home pages, publishing, and a report."""

import os
import secrets

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from home.localization import translate


class DemoContext:
    def __init__(self, stdout, style):
        self.stdout = stdout
        self.style = style
        self.created = []
        self.french = Locale.objects.get_or_create(language_code="fr")[0]
        self.english = Locale.objects.get_or_create(language_code="en")[0]
        self.home = None  # set by home.demo
        self.home_en = None
        self.associations = {}  # name → Association, set by community.members.demo
        self._finishers = []

    def on_finish(self, callback):
        """Run `callback(demo)` after every app has loaded its content."""
        self._finishers.append(callback)

    def finish(self):
        for callback in self._finishers:
            callback(self)

    def note(self, what):
        self.created.append(what)

    @staticmethod
    def publish(page):
        """Give a page created in code a published revision, as the admin would."""
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def ensure_index(self, model, *, slug, title, introduction, english):
        """A section's index page under the French home, published and translated.
        `english` maps the French title, slug and introduction to English."""
        page = model.objects.filter(locale=self.french, slug=slug).first()
        if page is None:
            page = model(title=title, slug=slug, introduction=introduction, show_in_menus=True, locale=self.french)
            self.home.add_child(instance=page)
            self.publish(page)
            self.note(title)
        if not page.has_translation(self.english):
            translate(page, "en", english)
        return page

    def ensure_user(self, email, *, first_name="", last_name="", password=None, **flags):
        """Create a demo account once; print its password only when it is created."""
        User = get_user_model()
        user = User.objects.filter(username=email).first()
        if user:
            return user, False
        password = password or secrets.token_urlsafe(9)
        user = User.objects.create_user(
            username=email, email=email, password=password, first_name=first_name, last_name=last_name, **flags
        )
        self.stdout.write(self.style.SUCCESS(f"Account {email} created, password: {password}"))
        return user, True

    def ensure_superuser(self):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@example.org")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(
            self.style.SUCCESS(f"Admin account created: {username} / {password}  (http://127.0.0.1:8000/admin/)")
        )

    def report(self):
        if self.created:
            self.stdout.write(self.style.SUCCESS("Demo content created: " + ", ".join(self.created)))
        else:
            self.stdout.write("Demo content already present: nothing changed.")
