"""Blocks for the text of an edition's segments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class VersionTextBlock(blocks.StructBlock):
    """A segment's text in one version of the document (e.g. the Chinese original)."""

    version = blocks.CharBlock(
        label=_("version"),
        max_length=20,
        help_text=_("The code of one of this edition's versions, e.g. “en” or “zh”."),
    )
    text = blocks.TextBlock(label=_("text"))
    run_in = blocks.BooleanBlock(
        label=_("runs on"),
        required=False,
        help_text=_(
            "In this version the text continues the previous segment's paragraph "
            "instead of starting a new one."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("text of a version")
