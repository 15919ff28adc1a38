from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "history.atlas"
    label = "atlas"
    verbose_name = _("Map and numbers")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): the map and the
    # numbers show places and figures, with paragraphs of the edition.
    shows = ("atlas", "edition", "core")
