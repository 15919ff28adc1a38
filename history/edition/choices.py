"""The kinds and roles an edition's parts can have: choices shared by its models, its reading
views and its content files."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SegmentKind(models.TextChoices):
    """The parts of a document's anatomy that a segment can be."""

    TITLE = "title", _("title")
    FORWARDING_NOTE = "forwarding_note", _("forwarding note")
    DISTRIBUTION = "distribution", _("distribution line")
    DATE_LINE = "date_line", _("date line")
    ADDRESSEES = "addressees", _("addressees")
    SECTION_HEADING = "section_heading", _("section heading")
    PARAGRAPH = "paragraph", _("paragraph")
    QUOTATION = "quotation", _("quotation")
    LIST_ITEM = "list_item", _("list item")
    SIGNATURE = "signature", _("signature")
    PAGE_NUMBER = "page_number", _("page number")


# One line each, shown by the "document anatomy" view unless an editor wrote a note of their own.
KIND_EXPLANATIONS = {
    SegmentKind.TITLE: _("The title under which the document was filed or published."),
    SegmentKind.FORWARDING_NOTE: _(
        "A covering note by the body that passes the document on to others."
    ),
    SegmentKind.DISTRIBUTION: _("Who is to receive the document, and for what purpose."),
    SegmentKind.DATE_LINE: _("When the document, or part of it, was dated."),
    SegmentKind.ADDRESSEES: _("Whom the author writes to."),
    SegmentKind.SECTION_HEADING: _("The number of a section or point in the author's outline."),
    SegmentKind.SIGNATURE: _("Who signs, and so answers for, the text."),
    SegmentKind.PAGE_NUMBER: _("A page number of the printed copy, kept as the record has it."),
}


class VersionStatus(models.TextChoices):
    ARCHIVAL_ORIGINAL = "archival_original", _("archival original")
    PUBLISHED_TRANSLATION = "published_translation", _("published translation")
    UNKNOWN_ORIGIN = "unknown_origin", _("translation of unknown origin")
    EDITORS_TRANSLATION = "editors_translation", _("editors' translation")
    MACHINE_UNREVIEWED = "machine_unreviewed", _("machine translation, unreviewed")


class NoteKind(models.TextChoices):
    OMISSION = "omission", _("omission")
    MEANING = "meaning", _("change of meaning")
    ANACHRONISM = "anachronism", _("anachronism")
    NUANCE = "nuance", _("shift of nuance")


class AnnotationKind(models.TextChoices):
    CONTEXT = "context", _("context")
    TRANSLATION = "translation", _("translation")
    SOURCE_CRITICISM = "source_criticism", _("source criticism")
    CROSS_REFERENCE = "cross_reference", _("cross-reference")


class DateRole(models.TextChoices):
    ISSUED = "issued", _("issued or forwarded")
    WRITTEN = "written", _("written or signed")
    DATA_AS_OF = "data_as_of", _("figures as of")
    OTHER = "other", _("other")
