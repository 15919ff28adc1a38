from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionConfig(AppConfig):
    name = "history.edition"
    label = "edition"
    verbose_name = _("Edition")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): an edition's
    # pages mark its glossary terms and places and cite sources.
    shows = ("edition", "glossary", "atlas", "core")
