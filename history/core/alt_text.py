"""Alt text for every image a page shows: a description for readers who cannot see it, or an
explicit choice that the image is decorative (then `alt=""`).

The rule is checked when a page is published or submitted for review, not when a draft is
saved: Wagtail defers required-field checks on "Save draft", so an editor's work is kept.
Images chosen in a StreamField use Wagtail's own `ImageBlock` (alt text and "decorative"
beside the chooser); an image chosen by a foreign key carries the two fields beside it, and
its form calls `alt_text_problem`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

ALT_TEXT_HELP = _(
    "What the image shows, for readers who cannot see it. Leave empty to use the image's "
    "own description."
)
DECORATIVE_HELP = _("Tick only if the image adds nothing to the text: screen readers then skip it.")


def missing_alt_message(image):
    return _("“%(image)s” needs alt text, or mark it as decorative.") % {"image": image.title}


def alt_text_problem(image, alt_text, decorative):
    """The error to show when `image` would be published without alt text, else None."""
    if image is None or decorative or (alt_text or "").strip() or image.description.strip():
        return None
    return missing_alt_message(image)


def alt_for(image, alt_text, decorative):
    """The `alt` attribute for an image chosen by a foreign key."""
    if image is None or decorative:
        return ""
    return (alt_text or "").strip() or image.description.strip()


class AltTextImageBlock(ImageBlock):
    """Wagtail's ImageBlock, whose error names the image it is about (a long essay may hold
    several)."""

    def clean(self, value):
        try:
            return super().clean(value)
        except StructBlockValidationError as error:
            if value is None or "alt_text" not in error.block_errors:
                raise
            errors = {**error.block_errors, "alt_text": ValidationError(missing_alt_message(value))}
            raise StructBlockValidationError(block_errors=errors) from error
