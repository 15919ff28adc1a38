"""The blocks a lesson is built from: the site's own pieces (excerpts of the edition, map
views, timeline ranges, glossary terms, essays) and the teacher's (questions, organisers,
instructions, notes). Blocks marked teacher-only are never rendered for anonymous visitors."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from history.atlas.figures import Action, ReportedFigure
from history.atlas.places import Place
from history.core.bibliography import SourceRecord
from history.core.blocks import StoredChoiceBlock
from history.core.localized import default_language
from history.edition.passages import ParagraphBlock, version_choices
from history.timeline.events import Theme
from history.timeline.listing import ERAS

from .excerpts import range_problem

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Skill(blocks.ChoiceBlock):
    choices = [
        ("sourcing", _("Sourcing")),
        ("contextualisation", _("Contextualisation")),
        ("corroboration", _("Corroboration")),
        ("close_reading", _("Close reading")),
        ("other", _("Other")),
    ]


SKILLS = dict(Skill.choices)


class Level(models.TextChoices):
    """Whom a lesson is for."""

    SECONDARY = "secondary", _("Secondary school")
    UNIVERSITY = "university", _("University")


LEVELS = dict(Level.choices)


class ResolvedBlock(blocks.StructBlock):
    """A block whose content comes from the site at render time: the lesson's view passes a
    function, named by `resolver`, that turns the stored value into what is shown."""

    resolver = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        resolve = (parent_context or {}).get(self.resolver)
        context["resolved"] = resolve(value) if resolve else None
        return context


class ParagraphRangeBlock(ResolvedBlock):
    """Paragraphs of an edition from one to another, chosen from its list of paragraphs."""

    resolver = "resolve"
    start = ParagraphBlock(label=_("from paragraph"))
    end = ParagraphBlock(label=_("to paragraph"))

    def clean(self, value):
        value = super().clean(value)
        problem = range_problem(value["start"], value["end"])
        if problem:
            raise StructBlockValidationError({"end": ValidationError(problem)})
        return value


class ExcerptBlock(ParagraphRangeBlock):
    """Paragraphs of an edition, from one to another, always in their current text."""

    version = StoredChoiceBlock(
        label=_("version"),
        choices=version_choices,
        required=False,
        help_text=_("Leave empty for the version in the reader's language."),
    )
    parallel = blocks.BooleanBlock(label=_("show the other version beside it"), required=False)
    anatomy = blocks.BooleanBlock(
        label=_("link to the document anatomy view"),
        required=False,
        help_text=_("The link to the edition opens it with the parts of the document labelled."),
    )
    adapted = blocks.TextBlock(
        label=_("adapted version"),
        required=False,
        help_text=_("Simpler wording of the excerpt, shown beside the original."),
    )

    class Meta:
        icon = "doc-full"
        label = _("source excerpt")
        template = "lessons/blocks/excerpt.html"


class QuestionBlock(blocks.StructBlock):
    skill = Skill(label=_("skill"))
    prompt = blocks.RichTextBlock(label=_("question"), features=TEXT_FEATURES)
    sentence_starters = blocks.ListBlock(
        blocks.CharBlock(label=_("sentence starter"), required=False),
        label=_("sentence starters"),
        default=[],
        min_num=0,
    )
    # Teachers only: kept out of the search index as well as out of public pages.
    model_answer = blocks.RichTextBlock(
        label=_("model answer (teachers only)"),
        features=TEXT_FEATURES,
        required=False,
        search_index=False,
    )

    class Meta:
        icon = "help"
        label = _("question")
        template = "lessons/blocks/question.html"


# The organiser's parts: a key (which names a student's answer to it), a heading, a prompt.
ORGANISER_PARTS = [
    (
        "observe",
        _("Observe"),
        _("What do you notice first? What words, numbers or people stand out?"),
    ),
    (
        "reflect",
        _("Reflect"),
        _("Who wrote this, for whom, and why? What was happening when it was written?"),
    ),
    (
        "question",
        _("Question"),
        _("What do you wonder about? What would you need to find out, and where?"),
    ),
]


class OrganiserBlock(ParagraphRangeBlock):
    """Observe, reflect, question: the Library of Congress's primary-source analysis tool."""

    instructions = blocks.TextBlock(label=_("instructions"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["parts"] = ORGANISER_PARTS
        return context

    class Meta:
        icon = "table"
        label = _("observe, reflect, question")
        template = "lessons/blocks/organiser.html"


def document_choices():
    """The documents whose figures the map shows, and all of them together."""
    cited = ReportedFigure.objects.values("document")
    documents = SourceRecord.objects.filter(pk__in=cited).order_by("key")
    return [("all", _("All documents"))] + [
        (record.key, record.short_name(default_language())) for record in documents
    ]


def place_choices():
    places = Place.objects.filter(locale__language_code=default_language()).order_by("name")
    return list(places.values_list("slug", "name"))


class MapViewBlock(ResolvedBlock):
    resolver = "map_view"
    document = StoredChoiceBlock(
        label=_("document"),
        choices=document_choices,
        required=False,
        help_text=_("Leave empty for the bulletin's own figures."),
    )
    kind = blocks.ChoiceBlock(label=_("kind of action"), choices=Action.choices, required=False)
    place = StoredChoiceBlock(label=_("place"), choices=place_choices, required=False)
    caption = blocks.TextBlock(label=_("what to look at"), required=False)

    class Meta:
        icon = "site"
        label = _("map view")
        template = "lessons/blocks/map_view.html"


class TimelineRangeBlock(ResolvedBlock):
    resolver = "timeline_range"
    period = blocks.ChoiceBlock(
        label=_("period"), choices=[(era.slug, era.label) for era in ERAS], required=False
    )
    themes = blocks.MultipleChoiceBlock(label=_("themes"), choices=Theme.choices, required=False)
    caption = blocks.TextBlock(label=_("what to look at"), required=False)

    class Meta:
        icon = "date"
        label = _("timeline range")
        template = "lessons/blocks/timeline_range.html"


class VocabularyBlock(blocks.StructBlock):
    terms = blocks.ListBlock(
        SnippetChooserBlock("glossary.GlossaryTerm", label=_("term")), label=_("terms")
    )

    class Meta:
        icon = "openquote"
        label = _("glossary terms")
        template = "lessons/blocks/vocabulary.html"


class EssayLinkBlock(blocks.StructBlock):
    essay = blocks.PageChooserBlock(label=_("essay"), page_type="essays.EssayPage")
    note = blocks.TextBlock(label=_("why read it"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("essay")
        template = "lessons/blocks/essay_link.html"


class LessonBodyBlock(blocks.StreamBlock):
    instructions = blocks.RichTextBlock(
        label=_("activity instructions"), features=TEXT_FEATURES, icon="list-ol",
        template="lessons/blocks/instructions.html",
    )  # fmt: skip
    excerpt = ExcerptBlock()
    question = QuestionBlock()
    organiser = OrganiserBlock()
    map_view = MapViewBlock()
    timeline_range = TimelineRangeBlock()
    vocabulary = VocabularyBlock()
    essay = EssayLinkBlock()
    teacher_note = blocks.RichTextBlock(
        label=_("teacher note (teachers only)"), features=TEXT_FEATURES, icon="user",
        template="lessons/blocks/teacher_note.html", search_index=False,
    )  # fmt: skip
