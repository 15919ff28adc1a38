"""The blocks an essay's body is made of.

Footnote markers, `[^key]`, may stand in any text of the body (paragraphs, callouts, captions,
comments on quotations); `footnotes.py` numbers them when the essay is shown.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from history.core.alt_text import AltTextImageBlock
from history.core.blocks import StoredChoiceBlock
from history.edition.passages import (
    ParagraphBlock,
    paragraph_problem,
    version_choices,
)
from history.edition.references import ParagraphRef

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
CAPTION_FEATURES = ["italic", "link"]


def heading_id(text, counts):
    """A fragment identifier for a section heading: readable, stable while the heading is,
    and unique in the essay (`counts` tallies the headings met so far)."""
    base = "s-" + (slugify(text, allow_unicode=True) or "section")
    counts[base] += 1
    return base if counts[base] == 1 else f"{base}-{counts[base]}"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("section heading")
        form_classname = "title"
        template = "essays/blocks/heading.html"

    def deconstruct(self):
        # Stored as a plain string: migrations record a CharBlock, not this module's class.
        path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.CharBlock", args, kwargs

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        counts = (parent_context or {}).get("heading_counts")
        context["anchor"] = heading_id(value, counts if counts is not None else Counter())
        return context


class ImageBlock(blocks.StructBlock):
    # Alt text (or "decorative") is asked for beside the chooser, and required to publish.
    image = AltTextImageBlock(label=_("image"))
    caption = blocks.RichTextBlock(label=_("caption"), features=CAPTION_FEATURES, required=False)
    credit = blocks.CharBlock(
        label=_("credit"), required=False, help_text=_("Who made it and where it is held.")
    )
    licence = blocks.CharBlock(
        label=_("licence"), required=False, help_text=_("E.g. “Public domain”, “CC BY 4.0”.")
    )

    class Meta:
        icon = "image"
        label = _("image")
        template = "essays/blocks/image.html"


class EditionQuoteBlock(blocks.StructBlock):
    """A paragraph of an edition, chosen from the list of its paragraphs: it shows the
    paragraph's current text and links to it."""

    paragraph = ParagraphBlock(label=_("paragraph"))
    version = StoredChoiceBlock(
        label=_("version"),
        choices=version_choices,
        required=False,
        help_text=_("Leave empty to quote the version in the reader's language."),
    )
    comment = blocks.RichTextBlock(
        label=_("comment"),
        features=CAPTION_FEATURES,
        required=False,
        help_text=_("Shown under the quotation: why it matters here."),
    )

    class Meta:
        icon = "openquote"
        label = _("quotation from the edition")
        template = "essays/blocks/quote.html"

    def clean(self, value):
        value = super().clean(value)
        problem = paragraph_problem(value["paragraph"], value["version"])
        if problem:
            field, message = problem
            raise StructBlockValidationError({field: ValidationError(message)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        passages = (parent_context or {}).get("passages") or {}
        context["passage"] = passages.get(quotation_ref(value))
        return context


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.RichTextBlock(label=_("text"), features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("callout")
        template = "essays/blocks/callout.html"


class EssayBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("text"), features=TEXT_FEATURES, icon="pilcrow")
    heading = HeadingBlock()
    quote = EditionQuoteBlock()
    callout = CalloutBlock()
    image = ImageBlock()


def quotation_refs(body):
    """The (ParagraphRef, version) of every quotation in `body`, from its stored data."""
    return [quotation_ref(item["value"]) for item in body.raw_data if item["type"] == "quote"]


def quotation_ref(value):
    """(ParagraphRef or None, version code or "") of a quotation's value (stored or not)."""
    return (ParagraphRef.parse(value.get("paragraph")), value.get("version") or "")
