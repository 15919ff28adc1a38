"""Create a teacher's account: they can sign in to the admin and build lessons."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from history.lessons.permissions import TEACHERS


class Command(BaseCommand):
    help = "Create a teacher account (in the Teachers group). Asks for the password if not given."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--password", help="Omit to be asked for it.")

    def handle(self, username, email, first_name, last_name, password, **options):
        group = Group.objects.filter(name=TEACHERS).first()
        if group is None:
            raise CommandError("There is no Teachers group yet: run `manage.py load_site` first.")
        users = get_user_model()
        if users.objects.filter(username=username).exists():
            raise CommandError(f"A user named “{username}” already exists.")
        if password is None:
            from getpass import getpass

            password = getpass("Password: ")
        if not password:
            raise CommandError("A password is needed.")
        user = users.objects.create_user(
            username, email=email, password=password, first_name=first_name, last_name=last_name
        )
        user.groups.add(group)
        self.stdout.write(f"Created the teacher account “{username}”.")
