"""Lessons that teachers build from the site's pieces, and the index that lists them."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from history.core.models import EDITORIAL_FEATURES
from history.core.roles import TEACHERS
from history.core.stand_ins import StandInTranslations

from . import views
from .blocks import SKILLS, LessonBodyBlock, Level
from .permissions import LessonIndexPermissionTester, LessonPermissionTester

# Short codes avoid letters and digits that are easily confused when read off a screen.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 6


class LessonIndexPage(RoutablePageMixin, Page):
    query_parameters = ("level", "skill")  # the filters its view reads
    # Teachers add lessons and publish their own (see `permissions.py`), with no review: no
    # editors' workflow on the index or above it.
    role_page_permissions = {TEACHERS: ["add_page", "publish_page"]}
    reviewed_by_editors = False
    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    entry_action = _("Find a lesson")
    parent_page_types = ["core.HomePage"]
    subpage_types = ["lessons.LessonPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lessons index")

    def permissions_for_user(self, user):
        return LessonIndexPermissionTester(user, self)

    def published_lessons(self):
        """The lessons under this index that anyone may read (their bodies left unloaded)."""
        return LessonPage.objects.child_of(self).live().public().defer_streamfields()

    @path("")
    def index(self, request):
        return views.lesson_index(request, self)


class LessonPage(StandInTranslations, RoutablePageMixin, Page):
    # Published, it appears in every site language, untranslated until translated (a stand-in).
    author_name = models.CharField(
        _("teacher"), max_length=120, help_text=_("Your name, as students should see it.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    duration = models.PositiveSmallIntegerField(_("duration in minutes"))
    question = models.CharField(_("central historical question"), max_length=300)
    objectives = models.TextField(
        _("learning objectives"), help_text=_("One per line: “Students will be able to …”.")
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for the index."))
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"))
    # Filled in on saving: the skills the lesson's questions practise, and its short link.
    skills = models.CharField(max_length=200, blank=True, editable=False)
    short_code = models.CharField(max_length=12, blank=True, editable=False, db_index=True)

    override_translatable_fields = [
        SynchronizedField("level"),
        SynchronizedField("duration"),
        SynchronizedField("short_code", overridable=False),
    ]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("author_name"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("duration")]),
                FieldPanel("question"),
                FieldPanel("objectives"),
                FieldPanel("summary"),
            ],
            heading=_("About the lesson"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    parent_page_types = ["lessons.LessonIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def save(self, *args, **kwargs):
        self.skills = " ".join(self.skill_codes())
        # A copy of a lesson (not a translation of it) gets a code of its own.
        taken = LessonPage.objects.filter(short_code=self.short_code).exclude(
            translation_key=self.translation_key
        )
        if not self.short_code or taken.exists():
            self.short_code = _new_code()
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        return LessonPermissionTester(user, self)

    def skill_codes(self):
        codes = []
        for item in self.body.raw_data:
            skill = item["value"].get("skill") if item["type"] == "question" else None
            if skill and skill not in codes:
                codes.append(skill)
        return codes

    @property
    def skill_labels(self):
        return [SKILLS[code] for code in self.skills.split() if code in SKILLS]

    @property
    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @path("")
    def lesson(self, request):
        return views.lesson(request, self, "page")

    @path("handout/")
    def handout(self, request):
        return views.lesson(request, self, "handout")

    @path("teacher/")
    def teacher_copy(self, request):
        return views.lesson(request, self, "teacher")


def _new_code():
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not LessonPage.objects.filter(short_code=code).exists():
            return code
