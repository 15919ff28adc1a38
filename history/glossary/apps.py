from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "history.glossary"
    label = "glossary"
    verbose_name = _("Glossary")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): terms link to
    # where the edition and the essays use them.
    shows = ("glossary", "edition", "essays", "core")
