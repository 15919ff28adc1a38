"""Where each page type may stand in the page tree, and that each page of the loaded site and
its sub-routes answer, with Wagtail's own page-test assertions."""

from unittest import mock

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase, page_tests

from history.about.models import AboutPage
from history.atlas.pages import MapPage, NumbersPage
from history.core.models import HomePage
from history.edition.models import DocumentsPage, EditionPage
from history.essays.pages import EssayIndexPage, EssayPage
from history.glossary.pages import GlossaryPage
from history.lessons.pages import LessonIndexPage, LessonPage
from history.people.pages import PeoplePage
from history.search.pages import SearchPage
from history.timeline.pages import TimelinePage

# The pages that stand once under the home page, with nothing below them.
SECTIONS = [
    EditionPage,
    DocumentsPage,
    SearchPage,
    TimelinePage,
    GlossaryPage,
    PeoplePage,
    MapPage,
    NumbersPage,
    AboutPage,
]
INDEXES = {EssayIndexPage: EssayPage, LessonIndexPage: LessonPage}
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
# Page types whose edit form holds a stream of blocks.
STREAM_FORMS = [EditionPage, EssayPage, LessonPage]
ONE_PER_HOME = [
    DocumentsPage,
    SearchPage,
    TimelinePage,
    GlossaryPage,
    PeoplePage,
    MapPage,
    NumbersPage,
    AboutPage,
    *INDEXES,
]


class PageTreeRules(WagtailPageTestCase):
    def test_the_home_page_stands_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # Wagtail's own Page may stand anywhere, but no editor can create one.
        self.assertAllowedSubpageTypes(HomePage, {Page, *SECTIONS, *INDEXES})
        self.assertFalse(Page.is_creatable)
        self.assertCanCreateAt(Page, HomePage)

    def test_sections_stand_under_the_home_page_with_nothing_below(self):
        for model in SECTIONS:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertAllowedSubpageTypes(model, set())
                self.assertCanCreateAt(HomePage, model)
                self.assertCanNotCreateAt(Page, model)

    def test_essays_and_lessons_stand_only_under_their_index(self):
        for index, child in INDEXES.items():
            with self.subTest(model=child.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, {child})
                self.assertAllowedParentPageTypes(child, {index})
                self.assertAllowedSubpageTypes(child, set())
                self.assertCanNotCreateAt(HomePage, child)
                other = next(model for model in INDEXES if model is not index)
                self.assertCanNotCreateAt(other, child)

    def test_a_home_page_has_one_of_each_index_and_of_each_section_but_editions(self):
        home = HomePage.objects.get(locale__language_code="en")
        for model in ONE_PER_HOME:
            with self.subTest(model=model.__name__):
                self.assertTrue(model.objects.child_of(home).exists())
                self.assertFalse(model.can_create_at(home))
        self.assertTrue(EditionPage.can_create_at(home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))


class PagesAnswer(WagtailPageTestCase):
    """Every page of the loaded site, in both languages, and the routes below its pages.

    (Wagtail's assertPageIsRoutable routes from the site's root without the language prefix
    of the site's addresses; assertPageIsRenderable requests the whole address instead.)
    """

    def setUp(self):
        # Wagtail's assertions log in with the first authentication backend, which here is
        # django-axes' lockout guard: it logs no one in.
        patcher = mock.patch.object(page_tests, "AUTH_BACKEND", MODEL_BACKEND)
        patcher.start()
        self.addCleanup(patcher.stop)

    ROUTES = {
        EditionPage: ["/", "/parallel/", "/cite/", "/text/"],
        MapPage: ["/", "/place/rehe/"],
        TimelinePage: ["/", "/event/1839-humen/"],
        GlossaryPage: ["/", "/term/addicts/"],
        LessonPage: ["/", "/handout/"],
    }

    def test_every_page_and_route_renders(self):
        for page in Page.objects.live().type(*self.page_types()).specific():
            for route in self.ROUTES.get(type(page), ["/"]):
                with self.subTest(page=page.url_path, route=route):
                    self.assertPageIsRenderable(page, route)

    def test_every_page_type_saves_from_its_edit_form(self):
        editor = get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
        for model in self.page_types():
            page = model.objects.filter(locale__language_code="en").first()
            with self.subTest(model=model.__name__):
                self.assertIsNotNone(page)
                if model in STREAM_FORMS:
                    # A stream's form is put together by the admin's scripts, which Wagtail's
                    # assertion cannot read back from the HTML: the form opens.
                    self.client.force_login(editor, MODEL_BACKEND)
                    response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                    self.assertEqual(response.status_code, 200)
                else:
                    self.assertPageIsEditable(page, user=editor)

    @staticmethod
    def page_types():
        return [HomePage, *SECTIONS, *INDEXES, *INDEXES.values()]
