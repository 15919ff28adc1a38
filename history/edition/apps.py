from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionConfig(AppConfig):
    name = "history.edition"
    label = "edition"
    verbose_name = _("Edition")
    # What its pages show besides the frame (tags, see `history/core/versions.py`): an edition's
    # pages mark its glossary terms and places and cite sources.
    shows = ("edition", "glossary", "atlas", "core")

    def ready(self):
        from wagtail.signals import page_published

        from .models import EditionPage
        from .versions import on_published

        # Publishing an edition makes its next version (see versions.py).
        page_published.connect(on_published, sender=EditionPage, dispatch_uid="edition-versions")
