from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimelineConfig(AppConfig):
    name = "history.timeline"
    label = "timeline"
    verbose_name = _("Timeline")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): events name
    # places, paragraphs, terms and sources, with images.
    shows = ("timeline", "atlas", "edition", "glossary", "core", "images")
