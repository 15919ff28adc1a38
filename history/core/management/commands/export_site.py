"""Write the site's content from the database to files (`site/` by default), in the layout
that `load_site` reads: backups, review in diffs, and new instances of the site."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from history.core.access import export_access
from history.core.content_modules import app_modules
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
        for module in app_modules("export"):
            module.export(exporter)
        export_groups(exporter)
        export_access(exporter)
        changed = len(exporter.written)
        self.stdout.write(self.style.SUCCESS(f"Content exported ({changed} files changed)."))
