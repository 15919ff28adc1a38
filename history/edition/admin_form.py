"""The admin's form for an edition's segments and notes: light enough for a long document.

A segment's `texts` is a StreamField of `VersionTextBlock`s, and stays one in the database and
in revisions. Its default admin widget builds a block editor in the browser for every segment,
from block definitions repeated in each: a long edition then posts thousands of fields and
opens slowly. Here each version of the edition gets a labelled textarea and a "runs on"
checkbox, rendered on the server; the posted text is turned back into the same blocks (keeping
their ids), so loaders, exporters and readers see no difference.

Segments and notes are also drawn by `CompactPanel`, which writes their fields in one template
of its own instead of Wagtail's per-field templates: with hundreds of them, those templates were
most of the page. The markup is in templates/edition/admin/.
"""

from django import forms
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, MultiFieldPanel

RUN_IN_HELP = _(
    "In this version the text continues the previous segment's paragraph instead of "
    "starting a new one."
)

NO_VERSIONS_HELP = _(
    "Add the edition's versions (Metadata tab) and save: each then gets a text box here."
)


def version_dict(value):
    """{version code: (text, runs on)} from stored blocks or from posted data."""
    if isinstance(value, dict):
        return value
    result = {}
    for item in getattr(value, "raw_data", None) or []:
        block = item.get("value") or {}
        if block.get("version"):
            result[block["version"]] = (block.get("text") or "", bool(block.get("run_in")))
    return result


def text_rows(text):
    """Enough rows to show a paragraph without scrolling (wide characters count double)."""
    width = sum(2 if ord(char) > 0x2E80 else 1 for char in text)
    return min(12, max(2, width // 90 + text.count("\n") + 1))


class CompactSelect(forms.Select):
    """A select whose options are written in one loop of its template: Django renders a
    template for each option, which for the kind of hundreds of segments and notes took more
    time than all their other fields."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        context["attrs"] = flatatt(context["widget"]["attrs"])
        return render_to_string("edition/admin/compact_select.html", context)


class VersionTextsWidget(forms.Widget):
    """A textarea and a "runs on" checkbox per version; `versions` is a list of
    (code, label, language)."""

    def __init__(self, versions=(), attrs=None):
        super().__init__(attrs)
        self.versions = list(versions)

    def value_from_datadict(self, data, files, name):
        return {
            code: (data.get(f"{name}-{code}", ""), f"{name}-{code}-run_in" in data)
            for code, _label, _language in self.versions
        }

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{code}" in data for code, _label, _language in self.versions)

    def id_for_label(self, id_):
        return ""  # each text box has a label of its own

    def render(self, name, value, attrs=None, renderer=None):
        values = version_dict(value)
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id") or f"id_{name}"
        rows = []
        for code, label, language in self.versions:
            text, run_in = values.get(code, ("", False))
            rows.append(
                {
                    "id": f"{base_id}-{code}",
                    "label": label,
                    "code": code,
                    "name": f"{name}-{code}",
                    "language": language,
                    "rows": text_rows(text),
                    "text": text,
                    "run_in": run_in,
                }
            )
        context = {
            "rows": rows,
            "described_by": attrs.get("aria-describedby"),
            "run_in_help": RUN_IN_HELP,
            "no_versions_help": NO_VERSIONS_HELP,
        }
        return render_to_string("edition/admin/version_texts.html", context)


class VersionTextsField(forms.Field):
    """Cleans to [(code, text, runs on)] for the versions with text, in the edition's order."""

    def __init__(self, versions=(), **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(widget=VersionTextsWidget(versions), **kwargs)

    def to_python(self, value):
        return [
            (code, text.strip(), run_in)
            for code, (text, run_in) in version_dict(value).items()
            if text.strip()
        ]

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


class SegmentForm(WagtailAdminModelForm):
    """A segment's form with `texts` as one text box per version of the edition.

    `versions` ([(code, label, language)]) is given by the edition's form; versions that a
    segment has text for but the edition no longer lists get a box too, so nothing stored is
    hidden (the edition's form then reports them)."""

    def __init__(self, *args, versions=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "texts" not in self.fields:
            return
        versions = list(versions)
        known = {code for code, _label, _language in versions}
        stored = version_dict(self.initial.get("texts"))
        versions += [(code, code, "") for code in stored if code not in known]
        field = VersionTextsField(versions, label=self.fields["texts"].label)
        self.fields["texts"] = field

    def clean_texts(self):
        stream_block = self._meta.model._meta.get_field("texts").stream_block
        ids = {
            (item.get("value") or {}).get("version"): item.get("id")
            for item in getattr(self.initial.get("texts"), "raw_data", None) or []
        }
        return stream_block.to_python(
            [
                {
                    "type": "text",
                    "value": {"version": code, "text": text, "run_in": run_in},
                    "id": ids.get(code),
                }
                for code, text, run_in in self.cleaned_data["texts"]
            ]
        )


class SegmentsPanel(InlinePanel):
    """The edition's segments, each edited with `SegmentForm`."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = SegmentForm
        return options


class CompactPanel(MultiFieldPanel):
    """The fields of one child object (a segment, a note), rendered compactly.

    Its children are plain field panels, which give the form its fields and the revision
    comparison its rows. Rendered through Wagtail's field templates, with their headers and
    comment buttons, they made most of the weight and server time of a long edition's form
    (hundreds of segments and notes); this panel writes each bound field's label, errors and
    help around its widget itself, and read-only fields as text."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def render_html(self, parent_context=None):
            fields = [self.field_context(child) for child in self.panel.children]
            return render_to_string("edition/admin/compact_fields.html", {"fields": fields})

        def field_context(self, child):
            name = child.field_name
            if child.read_only:
                label = self.panel.model._meta.get_field(name).verbose_name
                return {
                    "read_only": True,
                    "label": label,
                    "value": getattr(self.instance, name) or "—",
                }
            field = self.form[name]
            return {"bound": field, "widget": self.render_widget(field)}

        def render_widget(self, field):
            widget = field.field.widget
            if not field.errors:
                return field.as_widget()
            if hasattr(widget, "render_with_errors"):  # a stream field shows them per block
                return widget.render_with_errors(
                    field.html_name, field.value(), attrs={"id": field.auto_id}, errors=field.errors
                )
            return field.as_widget(
                attrs={"aria-invalid": "true", "aria-describedby": f"{field.auto_id}-errors"}
            )
