"""Create a teacher's account: they can sign in to the admin and build lessons."""

from getpass import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations

from history.core.roles import TEACHERS

# Tries at typing an acceptable password twice alike before the command gives up.
ATTEMPTS = 3


class Command(BaseCommand):
    help = (
        "Create a teacher account (in the Teachers group). Asks for the password twice; it must "
        "pass the site's password rules. A password is never taken on the command line, where "
        "it would stay in the shell's history and in the list of processes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    @no_translations
    def handle(self, username, email, first_name, last_name, **options):
        group = Group.objects.filter(name=TEACHERS).first()
        if group is None:
            raise CommandError("There is no Teachers group yet: run `manage.py load_site` first.")
        users = get_user_model()
        if users.objects.filter(username=username).exists():
            raise CommandError(f"A user named “{username}” already exists.")
        user = users(username=username, email=email, first_name=first_name, last_name=last_name)
        user.set_password(self.ask_password(user))
        user.save()
        user.groups.add(group)
        self.stdout.write(f"Created the teacher account “{username}”.")

    def ask_password(self, user):
        """A password typed twice alike that passes AUTH_PASSWORD_VALIDATORS (which compare it
        with the username and names too)."""
        for _attempt in range(ATTEMPTS):
            try:
                password = getpass("Password: ")
                again = getpass("Password (again): ")
            except EOFError as error:
                raise CommandError("No password given.") from error
            if password != again:
                self.stderr.write("The two passwords differ.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return password
        raise CommandError("No acceptable password given: the account was not created.")
