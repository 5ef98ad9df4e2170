"""Load the demo content of every app, idempotently: a second run changes nothing.

Each app that has demo content provides `<app>/demo.py` with a `load(demo)` function, and
`skeleton(demo)` when it has a structure of its own (its section's index pages, themes…);
they run in INSTALLED_APPS order (home first, so the others find the home pages).
`--skeleton` builds only that structure: what the tests start from."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand

from home.demo_support import DemoContext


class Command(BaseCommand):
    help = "Create the demo content (pages in French and English, accounts). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skeleton",
            action="store_true",
            help="Only the site's structure (home, information and section pages, themes): no sample content.",
        )

    def handle(self, *args, **options):
        # No outer transaction on purpose: Wagtail and wagtail-localize finish page
        # operations in on_commit callbacks, which must run after each step, not at the
        # very end with stale page instances. Each step is idempotent, so a rerun
        # completes whatever an interrupted run left.
        step = "skeleton" if options["skeleton"] else "load"
        demo = DemoContext(stdout=self.stdout, style=self.style)
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name):
                module = import_module(module_name)
                if hasattr(module, step):
                    getattr(module, step)(demo)
        demo.finish()
        demo.report()
