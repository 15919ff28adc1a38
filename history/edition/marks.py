"""Words in an edition's text that editors mark so that they lead somewhere: a place on the map,
a glossary entry. Apps above the edition subclass `TextMark` with their own target, and turn
their marks into links for the reading view through a hook (see `related.py`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from history.core.localized import localized


class TextMark(models.Model):
    """The exact words of one version of one paragraph. A subclass adds its `edition` and its
    target (a foreign key named by `target`), and gets the admin's form from here."""

    target = ""

    anchor = models.CharField(_("paragraph anchor"), max_length=20)
    version = models.CharField(_("version code"), max_length=20, help_text=_("E.g. zh or en."))
    phrase = models.CharField(
        _("words in the text"), max_length=200, help_text=_("Exactly as they appear.")
    )

    class Meta:
        abstract = True
        ordering = ["edition", "anchor", "version"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.target:
            cls.panels = [
                FieldPanel("edition"),
                FieldRowPanel([FieldPanel("anchor"), FieldPanel("version")]),
                FieldRowPanel([FieldPanel("phrase"), FieldPanel(cls.target)]),
            ]

    def __str__(self):
        return f"{self.phrase} ({self.anchor}, {self.version})"

    @classmethod
    def with_targets(cls, edition):
        """[(mark, its target in the reader's language)] for the marks of `edition` in any
        language (marks belong to the source edition): two queries."""
        marks = list(
            cls.objects.filter(edition__translation_key=edition.translation_key).select_related(
                cls.target
            )
        )
        model = cls._meta.get_field(cls.target).related_model
        keys = {getattr(mark, cls.target).translation_key for mark in marks}
        found = localized(model.objects.filter(translation_key__in=keys)) if marks else []
        targets = {target.translation_key: target for target in found}
        return [
            (
                mark,
                targets.get(getattr(mark, cls.target).translation_key, getattr(mark, cls.target)),
            )
            for mark in marks
        ]

    def clean(self):
        if not self.edition_id:
            return
        segment = self.edition.segments.filter(anchor=self.anchor).first()
        if segment is None:
            raise ValidationError({"anchor": _("The edition has no paragraph with this anchor.")})
        if not segment.text_in(self.version):
            raise ValidationError({"version": _("This paragraph has no text in that version.")})
        if not segment.contains(self.phrase, self.version):
            raise ValidationError({"phrase": _("These words are not in that paragraph.")})
        text = segment.text_in(self.version)
        start = text.find(self.phrase)
        for other in self.marks_of_other_kinds():
            begins = text.find(other.phrase)
            if (
                begins >= 0
                and begins < start + len(self.phrase)
                and start < begins + len(other.phrase)
            ):
                raise ValidationError(
                    {
                        "phrase": _(
                            "These words overlap “%(words)s”, marked in this paragraph already "
                            "(%(kind)s): the text can link the same words once only."
                        )
                        % {"words": other.phrase, "kind": other._meta.verbose_name}
                    }
                )

    def marks_of_other_kinds(self):
        """The marks that other apps made in the same version of the same paragraph (a place
        beside a term, a term beside a person), in any language of the edition."""
        for model in TextMark.__subclasses__():
            if model is not type(self):
                yield from model.objects.filter(
                    edition__translation_key=self.edition.translation_key,
                    anchor=self.anchor,
                    version=self.version,
                )
