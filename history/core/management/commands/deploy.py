"""Set up or update a production site, every step in the one order that works."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from history.core import versions
from history.core.public_address import use_public_address
from history.core.warming import warm_pages


class Command(BaseCommand):
    help = (
        "Under production settings (run it as `deploy/manage deploy`): compile the interface's "
        "catalogues, collect static files, create the cache table, migrate, load the content, "
        "give the site its public address (WAGTAILADMIN_BASE_URL), and check the deployment. "
        "Safe to run again on every update."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-content", action="store_true", help="Leave the content as it is (no load_site)."
        )

    def handle(self, *args, no_content, **options):
        if settings.DEBUG or "ManifestStaticFilesStorage" not in str(
            settings.STORAGES["staticfiles"]["BACKEND"]
        ):
            raise CommandError(
                "These are not the production settings. Run this command as "
                "`deploy/manage deploy`, which selects them and reads the environment file."
            )
        sqlite_path = getattr(settings, "SQLITE_PATH", None)
        if sqlite_path is not None and not sqlite_path.exists():
            # The only place a new SQLite database is made: the site itself never creates one.
            sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            sqlite_path.touch()
            self.stdout.write(f"Created the database file {sqlite_path}")
        call_command("compile_catalogues", stdout=self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        if "DatabaseCache" in settings.CACHES["default"]["BACKEND"]:
            # Before migrate: saving content during migrations moves cache counters on.
            call_command("createcachetable")
        call_command("migrate", interactive=False, verbosity=1, stdout=self.stdout)
        if not no_content:
            call_command("load_site", stdout=self.stdout)
        self.stdout.write(f"The site's public address: {use_public_address()}")
        # Nothing built by the previous release's code and templates, or from the data before a
        # restore, is served again: derived lists, the site frame, whole pages.
        versions.new_release()
        call_command("check", deploy=settings.HTTPS, fail_level="WARNING")
        warmed, failed = warm_pages()
        self.stdout.write(f"Rendered {warmed} pages for the first visitors.")
        if failed:
            raise CommandError(f"These pages do not answer: {', '.join(failed)}")
        self.stdout.write(self.style.SUCCESS("The site is ready."))
