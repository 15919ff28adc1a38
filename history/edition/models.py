"""A primary source presented as a scholarly edition.

An edition page holds the document's metadata and its text as ordered segments. Each segment
carries the text of every *version* of the document (the original, a received translation, an
editors' translation...), so versions align by the segments' stable anchors. The versions are
data of the document: they are synchronised across the site's locales, never translated by it;
only the editorial apparatus around them is translated.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from history.core.language_parts import is_chinese
from history.core.localized import default_language
from history.core.models import EDITORIAL_FEATURES
from history.core.roles import AUTHORS

from . import version_views, views
from .admin_form import CompactPanel, CompactSelect, SegmentsPanel
from .blocks import VersionTextBlock
from .choices import (
    KIND_EXPLANATIONS,
    AnnotationKind,
    DateRole,
    NoteKind,
    SegmentKind,
    VersionStatus,
)
from .documents import DocumentsPage  # noqa: F401 (a page model of this app)

# PassageLink is one of the edition's child models, kept in a module of its own: imported
# here, it is a model of the app.
from .passage_links import PassageLink, PassageLinksPanel  # noqa: F401
from .references import ParagraphRef
from .versions import EditionVersion, posted_digest  # noqa: F401 (EditionVersion: a model)

ANCHOR_PATTERN = re.compile(r"^p(\d+)$")


class EditionPageForm(WagtailAdminPageForm):
    """Checks that segments name the edition's versions, and gives new segments anchors; asks
    for a public line on a published change to the text or notes.

    These need the child formsets' cleaned data, so they run after the form and its formsets
    have been validated, before a revision is saved.
    """

    # Written afresh for each publication (never filled in from the page): see versions.py.
    change_description = forms.CharField(
        label=_("Public description of this change"),
        max_length=200,
        required=False,
        help_text=_(
            "One line for readers, e.g. “Corrected a date in paragraph 12.” It appears in the "
            "edition's change log. Needed when you publish a change to the text or the notes."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.locale_id != Locale.get_default().pk:
            # A translation's publication makes no version of its own.
            del self.fields["change_description"]
        if "segments" in self.formsets:
            # Each segment's form gives a text box to every version the edition has.
            self.formsets["segments"].form_kwargs["versions"] = [
                (version.code, version.label, version.language)
                for version in self.instance.versions.all()
            ]
        if "passage_links" in self.formsets:
            # A link's target is chosen among the paragraphs of the other editions.
            self.formsets["passage_links"].form_kwargs["targets"] = [
                (value, f"{edition} {label}")
                for edition, options in EditionPage.paragraph_choices(self.instance)
                for value, label in options
            ]

    def kept_forms(self, relation):
        """The filled-in forms of a child formset that are not marked for deletion."""
        formset = self.formsets[relation]
        deleted = set(formset.deleted_forms)
        return [form for form in formset.forms if form.cleaned_data and form not in deleted]

    def is_valid(self):
        if not super().is_valid():
            return False
        codes = {form.cleaned_data["code"] for form in self.kept_forms("versions")}
        segment_forms = self.kept_forms("segments")
        valid = True
        for form in segment_forms:
            unknown = sorted(
                {block.value["version"] for block in form.cleaned_data.get("texts") or []} - codes
            )
            if unknown:
                valid = False
                form.add_error(
                    "texts",
                    _("“%(code)s” is not one of this edition's versions (%(codes)s).")
                    % {"code": ", ".join(unknown), "codes": ", ".join(sorted(codes)) or "—"},
                )
        if valid:
            self.instance.assign_anchors([form.instance for form in segment_forms])
            valid = self._check_notes(codes, {form.instance.anchor for form in segment_forms})
        return valid and self._check_change_description()

    def _check_change_description(self):
        """Publishing a change to the text or notes needs its line for the change log (a
        draft does not); the form comes back with everything the editor wrote."""
        if "change_description" not in self.fields or "action-publish" not in self.data:
            return True
        if self.cleaned_data.get("change_description"):
            return True
        current = self.instance.edition_versions.order_by("-number").first()
        if current is None or current.digest == posted_digest(self):
            return True
        self.add_error(
            "change_description",
            _("Describe this change in one line for the change log, then publish again."),
        )
        return False

    def save(self, commit=True):
        page = super().save(commit=False)
        page.pending_change_description = self.cleaned_data.get("change_description", "")
        if commit:
            page.save()
            self.save_m2m()
        return page

    def _check_notes(self, codes, anchors):
        valid = True
        for form in self.kept_forms("passage_links"):
            if form.cleaned_data.get("anchor") not in anchors:
                valid = False
                form.add_error("anchor", _("No segment has this anchor."))
        for relation, anchor_field in (("translation_notes", "anchor"), ("term_notes", None)):
            for form in self.kept_forms(relation):
                if form.cleaned_data.get("version") not in codes:
                    valid = False
                    form.add_error("version", _("Not one of this edition's versions."))
                if anchor_field and form.cleaned_data.get(anchor_field) not in anchors:
                    valid = False
                    form.add_error(anchor_field, _("No segment has this anchor."))
        return valid


class EditionPage(RoutablePageMixin, Page):
    """A primary source: its metadata, its versions, and its text in anchored segments."""

    # What its views read: the version, the cited paragraph, the reading options, and the
    # versions compared side by side.
    query_parameters = ("version", "cite", "anatomy", "notes", "left", "right")
    # Authors propose changes (in every language); the editors review them.
    role_page_permissions = {AUTHORS: ["change_page"]}
    reviewed_by_editors = True

    original_title = models.CharField(_("original title"), max_length=300, blank=True)
    original_title_language = models.CharField(
        _("language of the original title"), max_length=20, default="zh-Hans",
        help_text=_("A BCP 47 language tag, e.g. zh-Hans."),
    )  # fmt: skip
    short_title = models.CharField(
        _("short title"), max_length=120, blank=True, help_text=_("Used in citations and lists.")
    )
    summary = RichTextField(_("summary"), features=EDITORIAL_FEATURES, blank=True)
    series_role = models.CharField(
        _("place in the series"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the document does in the campaign, in a few words: “Plans the campaign”."
        ),
    )
    content_note = models.TextField(_("content note"), blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=300, blank=True)
    author_family_name = models.CharField(_("author's family name"), max_length=100, blank=True)
    author_given_name = models.CharField(_("author's given name"), max_length=100, blank=True)
    author_name_original = models.CharField(
        _("author's name in the original script"), max_length=100, blank=True
    )
    author_family_name_first = models.BooleanField(
        _("family name first"), default=True, help_text=_("As in Chinese names.")
    )
    author_role = models.CharField(_("author's role"), max_length=300, blank=True)
    addressees = models.TextField(_("addressees"), blank=True)
    distribution = models.TextField(_("distribution"), blank=True)
    original_language = models.CharField(_("original language"), max_length=100, blank=True)
    source = RichTextField(_("source"), features=EDITORIAL_FEATURES, blank=True)
    rights = RichTextField(_("rights"), features=EDITORIAL_FEATURES, blank=True)
    # The highest anchor number ever given out, so that an anchor is never reused.
    last_anchor_number = models.PositiveIntegerField(default=0, editable=False)
    # The editor's line for the change log, kept with the revision until it is published
    # (versions.py makes the version then, and empties it).
    pending_change_description = models.CharField(max_length=200, blank=True, editable=False)

    base_form_class = EditionPageForm
    # The button on the home page's card for this page.
    entry_action = _("Read the document")
    parent_page_types = ["core.HomePage"]
    subpage_types = []

    # Names and codes that are facts of the document are kept in step across locales.
    override_translatable_fields = [
        SynchronizedField("original_title"),
        SynchronizedField("original_title_language"),
        SynchronizedField("author_name_original"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("original_title"), FieldPanel("original_title_language")]),
        FieldPanel("short_title"),
        FieldPanel("series_role"),
        FieldPanel("summary"),
        FieldPanel("content_note"),
    ]
    metadata_panels = [
        FieldPanel("issuing_body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("author_family_name"), FieldPanel("author_given_name")]),
                FieldRowPanel(
                    [FieldPanel("author_name_original"), FieldPanel("author_family_name_first")]
                ),
                FieldPanel("author_role"),
            ],
            heading=_("Author"),
        ),
        FieldPanel("addressees"),
        FieldPanel("distribution"),
        InlinePanel("dates", label=_("Dates"), min_num=1),
        FieldPanel("original_language"),
        FieldPanel("source"),
        FieldPanel("rights"),
        InlinePanel("versions", label=_("Versions"), min_num=1),
    ]
    text_panels = [FieldPanel("change_description"), SegmentsPanel("segments", label=_("Segments"))]
    notes_panels = [
        InlinePanel("annotations", label=_("Editorial notes")),
        PassageLinksPanel("passage_links", label=_("Links to other documents")),
        InlinePanel("translation_notes", label=_("Translation notes")),
        InlinePanel("term_notes", label=_("Notes on key terms")),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(metadata_panels, heading=_("Metadata")),
            ObjectList(text_panels, heading=_("Text")),
            ObjectList(notes_panels, heading=_("Notes")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("edition")

    def set_children(self, **relations):
        """Replace child objects in code (the admin's forms do this themselves), keeping the
        order of each list: set_children(segments=[...], versions=[...], ...)."""
        for relation, objects in relations.items():
            objects = list(objects)
            for position, obj in enumerate(objects):
                obj.sort_order = position
            setattr(self, relation, objects)

    # --- anchors ---
    def assign_anchors(self, segments):
        """Give every segment without an anchor the next unused one (p1, p2, ...).

        Anchors are assigned once and never reused, so links to a paragraph survive
        insertions, moves and deletions.
        """
        highest = self.last_anchor_number
        if self.pk:
            # A revision restored from before later anchors were given out carries an older
            # count; the stored one is the highest ever published.
            stored = EditionPage.objects.filter(pk=self.pk).values_list(
                "last_anchor_number", flat=True
            )
            highest = max(highest, stored.first() or 0)
        for segment in segments:
            match = ANCHOR_PATTERN.match(segment.anchor or "")
            if match:
                highest = max(highest, int(match.group(1)))
        for segment in segments:
            if not segment.anchor:
                highest += 1
                segment.anchor = f"p{highest}"
        self.last_anchor_number = highest

    def clean(self):
        super().clean()
        anchors = [segment.anchor for segment in self.segments.all() if segment.anchor]
        unknown = sorted({n.anchor for n in self.annotations.all()} - set(anchors))
        if unknown:
            raise ValidationError(
                _("Editorial notes point to paragraphs that do not exist: %(anchors)s")
                % {"anchors": ", ".join(unknown)}
            )
        segments = {segment.anchor: segment for segment in self.segments.all()}
        for note in self.annotations.all():
            if note.phrase and not segments[note.anchor].contains(note.phrase):
                raise ValidationError(
                    _("The words “%(phrase)s” are not in paragraph %(anchor)s.")
                    % {"phrase": note.phrase, "anchor": note.anchor}
                )
        duplicates = sorted({a for a in anchors if anchors.count(a) > 1})
        if duplicates:
            raise ValidationError(
                _("Anchors must be unique; repeated: %(anchors)s")
                % {"anchors": ", ".join(duplicates)}
            )

    def save(self, *args, **kwargs):
        self.assign_anchors(list(self.segments.all()))
        return super().save(*args, **kwargs)

    @classmethod
    def paragraph_choices(cls, excluded=None):
        """Every segment of every edition (in the default language) but those of `excluded`
        (an edition in any language), grouped by edition, labelled with its paragraph number
        and opening words: for choosing a passage in the admin. Values are stored references
        ("12:p8")."""
        editions = cls.objects.filter(locale__language_code=default_language())
        if excluded is not None and excluded.translation_key:
            editions = editions.exclude(translation_key=excluded.translation_key)
        groups = []
        for edition in editions.order_by("title"):
            options = []
            for segment in edition.all_segments:
                texts = [text for text, _run_in in segment.version_texts.values()]
                opening = texts[0][:70] + ("…" if len(texts[0]) > 70 else "") if texts else ""
                ref = ParagraphRef(edition.pk, segment.anchor)
                options.append((str(ref), f"¶{segment.number}: {opening}"))
            groups.append((edition.short_title or edition.title, options))
        return groups

    # --- reading ---
    @cached_property
    def all_versions(self):
        return list(self.versions.all())

    @cached_property
    def all_segments(self):
        """The segments in text order, each with its paragraph `number`."""
        return numbered(self.segments.all())

    @cached_property
    def segments_by_anchor(self):
        return {segment.anchor: segment for segment in self.all_segments}

    def segment_at(self, anchor):
        """The segment with this anchor (with its `number`), or None."""
        return self.segments_by_anchor.get(anchor)

    @cached_property
    def paragraph_numbers(self):
        """{anchor: the paragraph number (¶) a reader sees}."""
        return {segment.anchor: segment.number for segment in self.all_segments}

    def use_loaded(self, segments, versions):
        """Take the edition's segments and versions loaded by the caller (for many editions
        at once), so that its helpers need no further queries."""
        self.__dict__["all_segments"] = numbered(segments)
        self.__dict__["all_versions"] = list(versions)

    @cached_property
    def all_dates(self):
        return list(self.dates.all())

    @cached_property
    def all_translation_notes(self):
        return list(self.translation_notes.all())

    @cached_property
    def all_term_notes(self):
        return list(self.term_notes.all())

    @cached_property
    def all_annotations(self):
        return list(self.annotations.all())

    def annotations_by_anchor(self):
        """{anchor: [editorial notes]}, each numbered in text order."""
        order = self.paragraph_numbers
        notes = sorted(
            (note for note in self.all_annotations if note.anchor in order),
            key=lambda note: (order[note.anchor], note.sort_order or 0),
        )
        result = {}
        for number, note in enumerate(notes, start=1):
            note.number = number
            result.setdefault(note.anchor, []).append(note)
        return result

    def notes_by_anchor(self):
        """{anchor: [translation notes]}, each note numbered in text order and given the
        `paragraph` number it is on."""
        order = self.paragraph_numbers
        notes = sorted(
            (note for note in self.all_translation_notes if note.anchor in order),
            key=lambda note: (order[note.anchor], note.sort_order or 0),
        )
        result = {}
        for number, note in enumerate(notes, start=1):
            note.number = number
            note.paragraph = order[note.anchor]
            result.setdefault(note.anchor, []).append(note)
        return result

    def get_version(self, code):
        for version in self.all_versions:
            if version.code == code:
                return version
        raise Http404("No such version")

    def default_version(self, language_code):
        """The version in the reader's language if there is one, else the first."""
        for version in self.all_versions:
            if version.language.lower().startswith(language_code.split("-")[0].lower()):
                return version
        if not self.all_versions:
            raise Http404("This edition has no text yet")
        return self.all_versions[0]

    @property
    def primary_date(self):
        for date in self.all_dates:
            if date.role == DateRole.ISSUED:
                return date
        return self.all_dates[0] if self.all_dates else None

    @property
    def author_name(self):
        family, given = self.author_family_name, self.author_given_name
        if not family:
            return ""
        if not self.author_family_name_first:
            return f"{given} {family}".strip()
        # Names in Chinese characters are written without a space: 罗瑞卿.
        space = "" if is_chinese(family) else " "
        return f"{family}{space}{given}".strip()

    @path("")
    def read(self, request):
        return views.read(request, self)

    def sitemap_subpaths(self):
        return ["parallel/", "tei.xml"]

    @path("parallel/")
    def parallel(self, request):
        return views.parallel(request, self)

    @path("cite/")
    def cite_fragment(self, request):
        return views.cite_fragment(request, self)

    @path("cite/ris/")
    def cite_ris(self, request):
        return views.cite_download(request, self, "ris")

    @path("cite/bibtex/")
    def cite_bibtex(self, request):
        return views.cite_download(request, self, "bibtex")

    @path("text/")
    def plain_text(self, request):
        return views.plain_text(request, self)

    # A file beside the page (see `core.views.page_file`): Wagtail routes only paths with a
    # slash at the end.
    published_files = {"tei.xml": "tei"}

    def tei(self, request):
        return views.tei(request, self)

    # --- versions of the edition (versions.py) ---
    @path("v/<int:number>/")
    def old_version(self, request, number):
        return version_views.old_version(request, self, number)

    @path("v/<int:number>/parallel/")
    def old_version_parallel(self, request, number):
        # The notes of an earlier version link to "parallel/": the current comparison.
        return redirect(self.url + "parallel/")

    @path("changes/")
    def change_log(self, request):
        return version_views.change_log(request, self)


def numbered(segments):
    """`segments` (in text order) as a list, each given its paragraph `number`: the ¶ a reader
    sees, counted from 1 over all the edition's segments. The one place numbers are made."""
    segments = list(segments)
    for number, segment in enumerate(segments, start=1):
        segment.number = number
    return segments


class DocumentDate(TranslatableMixin, Orderable):
    """A date the document bears or refers to (signed, forwarded, figures as of...)."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="dates")
    role = models.CharField(_("role"), max_length=20, choices=DateRole.choices)
    date = models.DateField(_("date"))
    label = models.CharField(
        _("label"), max_length=200, help_text=_("E.g. “Report signed by Luo Ruiqing”.")
    )

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("date")]), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("date")


class DocumentVersion(TranslatableMixin, Orderable):
    """One version of the document's text, with where it comes from and who made it."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="versions")
    code = models.SlugField(
        _("code"), max_length=20, help_text=_("Short and fixed, used in links: e.g. “zh”, “en”.")
    )
    language = models.CharField(
        _("language"), max_length=20, help_text=_("A BCP 47 language tag, e.g. en or zh-Hans.")
    )
    label = models.CharField(_("label"), max_length=120)
    status = models.CharField(_("status"), max_length=30, choices=VersionStatus.choices)
    translator = models.CharField(_("translator"), max_length=200, blank=True)
    provenance = RichTextField(_("provenance"), features=EDITORIAL_FEATURES)

    override_translatable_fields = [SynchronizedField("code"), SynchronizedField("language")]

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("label"), FieldPanel("status")]),
        FieldPanel("translator"),
        FieldPanel("provenance"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("version")

    def __str__(self):
        return self.label

    @property
    def is_original(self):
        return self.status == VersionStatus.ARCHIVAL_ORIGINAL

    @property
    def gap_label(self):
        """What a reader sees where this version has no text for a segment."""
        if self.is_original:
            return _("Not in the original.")
        if self.status in (VersionStatus.EDITORS_TRANSLATION, VersionStatus.MACHINE_UNREVIEWED):
            return _("Not yet translated.")
        return _("Not in this translation.")

    def gap_label_for(self, segment):
        """`gap_label`, unless the segment is no part of the text to translate."""
        if segment.kind == SegmentKind.PAGE_NUMBER:
            return _("A page number of the printed copy: not translated.")
        return self.gap_label

    @property
    def joiner(self):
        """What separates two run-on segments: nothing in Chinese or Japanese, else a space."""
        return "" if self.language.lower().split("-")[0] in {"zh", "ja"} else " "


class Segment(TranslatableMixin, Orderable):
    """One unit of the text, aligned across versions and addressed by a stable anchor."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="segments")
    anchor = models.CharField(
        _("anchor"), max_length=16, blank=True,
        help_text=_("Assigned automatically and never changed, so that links keep working."),
    )  # fmt: skip
    kind = models.CharField(
        _("kind"), max_length=20, choices=SegmentKind.choices, default=SegmentKind.PARAGRAPH
    )
    texts = StreamField([("text", VersionTextBlock())], verbose_name=_("texts"), blank=True)
    anatomy_note = models.CharField(
        _("anatomy note"), max_length=300, blank=True,
        help_text=_("Shown by the “document anatomy” view; defaults to a note on the kind."),
    )  # fmt: skip
    alignment_note = models.CharField(
        _("alignment note"), max_length=300, blank=True,
        help_text=_("Explains why a version has no text here, if it has none."),
    )  # fmt: skip

    # Segments hold plain text, no links to other objects: keep them out of Wagtail's
    # reference index, which would otherwise re-index the whole edition once per segment saved.
    wagtail_reference_index_ignore = True

    translatable_fields = [
        SynchronizedField("anchor", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("texts", overridable=False),
        TranslatableField("anatomy_note"),
        TranslatableField("alignment_note"),
    ]

    panels = [
        CompactPanel(
            [
                FieldPanel("anchor", read_only=True),
                FieldPanel("kind", widget=CompactSelect),
                FieldPanel("texts"),
                FieldPanel("anatomy_note"),
                FieldPanel("alignment_note"),
            ]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("segment")
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="unique_anchor_per_edition")
        ]

    def __str__(self):
        return self.anchor or "—"

    # The segment's text is read through these, never from its blocks: `text_in`, `runs_on`,
    # `contains`, and `version_texts` beneath them.
    @cached_property
    def version_texts(self):
        """{version code: (text, runs on)} straight from the stored JSON (no block parsing):
        the versions that have text here."""
        result = {}
        for item in self.texts.raw_data:
            value = item.get("value") or {}
            if value.get("text"):
                result[value.get("version")] = (value["text"], bool(value.get("run_in")))
        return result

    def text_in(self, code):
        """The segment's text in version `code`, "" where that version has none."""
        return self.version_texts.get(code, ("", False))[0]

    def runs_on(self, code):
        """Whether, in version `code`, the segment continues the previous one's paragraph."""
        return self.version_texts.get(code, ("", False))[1]

    def contains(self, phrase, code=None):
        """Whether `phrase` stands in the text of version `code` (of any version if None)."""
        codes = [code] if code is not None else list(self.version_texts)
        return any(phrase in self.text_in(c) for c in codes)

    @property
    def anatomy_explanation(self):
        return self.anatomy_note or KIND_EXPLANATIONS.get(self.kind, "")


class TranslationNote(TranslatableMixin, Orderable):
    """Where a translation departs from the original, attached to a segment."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="translation_notes")
    anchor = models.CharField(_("segment anchor"), max_length=16, help_text=_("E.g. p18."))
    version = models.CharField(
        _("version"), max_length=20, help_text=_("The code of the translation the note is about.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NoteKind.choices)
    translation_phrase = models.CharField(
        _("phrase in the translation"), max_length=300, blank=True
    )
    original_phrase = models.CharField(_("phrase in the original"), max_length=300, blank=True)
    note = models.TextField(_("note"))

    wagtail_reference_index_ignore = True
    # The quoted phrases are text of the document's versions: kept, not translated.
    translatable_fields = [
        SynchronizedField("anchor", overridable=False),
        SynchronizedField("version", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("translation_phrase", overridable=False),
        SynchronizedField("original_phrase", overridable=False),
        TranslatableField("note"),
    ]

    panels = [
        CompactPanel(
            [
                FieldPanel("anchor"),
                FieldPanel("version"),
                FieldPanel("kind", widget=CompactSelect),
                FieldPanel("original_phrase"),
                FieldPanel("translation_phrase"),
                FieldPanel("note"),
            ]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("translation note")


class TermNote(TranslatableMixin, Orderable):
    """How a translation renders a key term of the original, and why."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="term_notes")
    version = models.CharField(_("version"), max_length=20)
    term = models.CharField(_("term in the original"), max_length=100)
    rendering = models.CharField(_("rendering in the translation"), max_length=200)
    note = models.TextField(_("note"))

    wagtail_reference_index_ignore = True
    translatable_fields = [
        SynchronizedField("version", overridable=False),
        SynchronizedField("term", overridable=False),
        SynchronizedField("rendering", overridable=False),
        TranslatableField("note"),
    ]

    panels = [
        CompactPanel(
            [FieldPanel("version"), FieldPanel("term"), FieldPanel("rendering"), FieldPanel("note")]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("note on a key term")


class Annotation(TranslatableMixin, Orderable):
    """An editor's note on a paragraph (and optionally on words in it): context, translation,
    source criticism or a cross-reference, with its sources."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="annotations")
    anchor = models.CharField(_("segment anchor"), max_length=16, help_text=_("E.g. p18."))
    phrase = models.CharField(
        _("words it is about"),
        max_length=300,
        blank=True,
        help_text=_("Optional: the words of the paragraph the note is about, quoted."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AnnotationKind.choices)
    text = models.TextField(_("note"))
    sources = StreamField(
        [("source", SnippetChooserBlock("core.SourceRecord", label=_("source")))],
        blank=True,
        verbose_name=_("sources"),
    )

    wagtail_reference_index_ignore = True
    translatable_fields = [
        SynchronizedField("anchor", overridable=False),
        SynchronizedField("phrase", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("sources", overridable=False),
        TranslatableField("text"),
    ]

    panels = [
        CompactPanel(
            [
                FieldPanel("anchor"),
                FieldPanel("kind", widget=CompactSelect),
                FieldPanel("phrase"),
                FieldPanel("text"),
                FieldPanel("sources"),
            ]
        )
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("editorial note")

    @property
    def source_records(self):
        return [block.value for block in self.sources if block.value]
