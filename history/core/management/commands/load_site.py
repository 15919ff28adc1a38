"""Load the site's content from files (`site/` by default) into Wagtail."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from history.core.access import load_access
from history.core.content_modules import app_modules
from history.core.groups import load_groups
from history.core.loading import Loader


class Command(BaseCommand):
    help = (
        "Load the content files into the database. Safe to run again: unchanged files are "
        "skipped and pages edited in the admin are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(settings.CONTENT_DIR))
        parser.add_argument(
            "--force", action="store_true", help="Overwrite pages edited in the admin."
        )

    def handle(self, *args, content_dir, force, **options):
        loader = Loader(Path(content_dir), self.stdout, force)
        self.stdout.write(f"Loading content from {loader.content_dir}")
        # Each app of the site that has a `content` module loads its own part, in the order of
        # INSTALLED_APPS (core first, so later apps find the home page). One transaction: a bad
        # file changes nothing.
        with transaction.atomic():
            # Wagtail's reference index (where the admin finds an object's uses) is rebuilt
            # once after a load that changed anything, not on each of the load's saves.
            with disable_reference_index_auto_update():
                for module in app_modules("content"):
                    module.load(loader)
                # Groups and access last: they name pages of every app (and access, groups).
                load_groups(loader)
                load_access(loader)
            if loader.changed:
                call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Content loaded."))
