from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AboutConfig(AppConfig):
    name = "history.about"
    label = "about"
    verbose_name = _("About")
    # What its pages show besides the frame (tags, see `history/core/versions.py`).
    shows = ("about",)
