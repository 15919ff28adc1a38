"""Create a local admin account on first run, and print its login once (development only)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "On a development machine (`make run`): create the local 'admin' superuser if there is "
        "no superuser yet, and print its login."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "This command makes an account with a printed password, for a development "
                "machine only. On a server, create accounts with `createsuperuser` or "
                "`create_teacher`."
            )
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                self.style.WARNING(
                    "There is no superuser, and the name 'admin' belongs to an account that is "
                    "not one: create a superuser with `manage.py createsuperuser`."
                )
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nCreated a local admin account (shown only this once):\n"
                f"  user: admin\n  password: {password}\n"
                "  sign in at /admin/\n"
            )
        )
