from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "history.core"
    label = "core"
    verbose_name = _("Site")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): pages of the
    # site's own: the home page shows its entry points and images.
    shows = ("core", "images")

    def ready(self):
        from . import signals, stand_ins  # noqa: F401
