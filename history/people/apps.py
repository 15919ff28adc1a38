from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "history.people"
    label = "people"
    verbose_name = _("People")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): where the
    # editions name each person.
    shows = ("people", "edition", "core")
