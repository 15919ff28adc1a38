"""Editors' links between passages of different editions that speak of the same subject.

A link belongs to the edition it starts from: its `anchor` is a segment of that edition, its
`target` a paragraph of another edition, stored as a `ParagraphRef` ("12:p8", the id of the
target edition in the default language), as essays and lessons store the passages they quote.
A reader sees it from both ends (see `linked_passages.py`). Links are made by editors, in the
admin or in an edition's notes.yaml, never found by matching words.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .admin_form import CompactPanel, CompactSelect


class PassageLink(TranslatableMixin, Orderable):
    """A paragraph of this edition and a paragraph of another on the same subject."""

    page = ParentalKey(
        "edition.EditionPage", on_delete=models.CASCADE, related_name="passage_links"
    )
    anchor = models.CharField(_("segment anchor"), max_length=16, help_text=_("E.g. p18."))
    target = models.CharField(
        _("paragraph of another document"), max_length=40,
        help_text=_("The paragraph of another edition that speaks of the same subject."),
    )  # fmt: skip
    subject = models.CharField(
        _("subject"), max_length=200,
        help_text=_("What the two passages share, in a few words: e.g. “Arrests to date”."),
    )  # fmt: skip

    wagtail_reference_index_ignore = True
    translatable_fields = [
        SynchronizedField("anchor", overridable=False),
        SynchronizedField("target", overridable=False),
        TranslatableField("subject"),
    ]

    panels = [CompactPanel([FieldPanel("anchor"), FieldPanel("target"), FieldPanel("subject")])]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("link to another document")


class PassageLinkForm(WagtailAdminModelForm):
    """A link's form whose target is chosen from `targets` ([(stored reference, label)]: the
    paragraphs of the other editions, given by the edition's form); any other value is
    refused, so a link cannot name a paragraph that does not exist."""

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "target" in self.fields:
            field = self.fields["target"]
            self.fields["target"] = forms.ChoiceField(
                choices=[("", "—"), *targets],
                label=field.label,
                help_text=field.help_text,
                widget=CompactSelect,
            )


class PassageLinksPanel(InlinePanel):
    """The edition's links to other documents, each edited with `PassageLinkForm`."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = PassageLinkForm
        return options
