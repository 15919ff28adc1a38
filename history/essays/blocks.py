"""The blocks an essay's body is made of.

Footnote markers, `[^key]`, may stand in any text of the body (paragraphs, callouts, captions,
comments on quotations); `footnotes.py` numbers them when the essay is shown.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from history.edition.passages import segment_choices, version_choices

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
CAPTION_FEATURES = ["italic", "link"]


def heading_id(text):
    """A fragment identifier for a section heading (readable, and stable while it is)."""
    return "s-" + (slugify(text, allow_unicode=True) or "section")


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("section heading")
        form_classname = "title"
        template = "essays/blocks/heading.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_id(value)
        return context


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
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


class StoredChoiceBlock(blocks.ChoiceBlock):
    """A choice whose options come from the database: they are read when an editor's form is
    built, not each time a stored value is read (as ChoiceBlock would, to normalise it)."""

    def to_python(self, value):
        return value


class EditionQuoteBlock(blocks.StructBlock):
    """A passage of an edition, chosen by its paragraph: it shows the paragraph's current text
    and links to it."""

    edition = blocks.PageChooserBlock(label=_("edition"), page_type="edition.EditionPage")
    anchor = StoredChoiceBlock(label=_("paragraph"), choices=segment_choices)
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
        edition, anchor, version = value["edition"], value["anchor"], value["version"]
        segment = edition.segments.filter(anchor=anchor).first() if edition else None
        if segment is None:
            raise StructBlockValidationError(
                {"anchor": ValidationError(_("This edition has no such paragraph."))}
            )
        if version and version not in segment.version_texts:
            raise StructBlockValidationError(
                {"version": ValidationError(_("This paragraph has no text in that version."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        passages = (parent_context or {}).get("passages") or {}
        edition = value.get("edition")
        key = (edition.pk if edition else None, value.get("anchor"), value.get("version") or "")
        context["passage"] = passages.get(key)
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
    """The (edition id, anchor, version) of every quotation in `body`, from its stored data."""
    quotes = [item["value"] for item in body.raw_data if item["type"] == "quote"]
    return [(q.get("edition"), q.get("anchor"), q.get("version") or "") for q in quotes]
