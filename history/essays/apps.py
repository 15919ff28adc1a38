from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EssaysConfig(AppConfig):
    name = "history.essays"
    label = "essays"
    verbose_name = _("Essays")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): essays quote the
    # edition, define terms, cite sources and show images.
    shows = ("essays", "edition", "glossary", "core", "images")
