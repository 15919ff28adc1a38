"""Create a local admin account on first run, and print its login once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local 'admin' superuser if there is no superuser yet, and print its login."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
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
