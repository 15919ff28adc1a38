"""Write the site's content from the database to files (`site/` by default), in the layout
that `load_site` reads: backups, review in diffs, and new instances of the site."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from history.core.access import export_access
from history.core.exporting import Exporter
from history.core.groups import export_groups


class Command(BaseCommand):
    help = (
        "Export pages, translations, snippets, images, groups and page access to content "
        "files that load_site reads. Files whose text is unchanged are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(settings.CONTENT_DIR))

    def handle(self, *args, content_dir, **options):
        exporter = Exporter(Path(content_dir), self.stdout)
        self.stdout.write(f"Exporting content to {exporter.content_dir}")
        # Each app with an `export` module writes the files its `content` module reads.
        for config in apps.get_app_configs():
            module_name = f"{config.name}.export"
            if config.name.startswith("history.") and find_spec(module_name) is not None:
                import_module(module_name).export(exporter)
        export_groups(exporter)
        export_access(exporter)
        changed = len(exporter.written)
        self.stdout.write(self.style.SUCCESS(f"Content exported ({changed} files changed)."))
