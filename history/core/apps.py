from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "history.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import signals, stand_ins  # noqa: F401
