"""Where each page type may stand in the page tree, and that each page of the loaded site and
its sub-routes answer, with Wagtail's own page-test assertions."""

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from history.atlas.pages import MapPage, NumbersPage
from history.core.models import HomePage
from history.edition.models import EditionPage
from history.essays.pages import EssayIndexPage, EssayPage
from history.glossary.pages import GlossaryPage
from history.lessons.pages import LessonIndexPage, LessonPage
from history.search.pages import SearchPage
from history.timeline.pages import TimelinePage

# The pages that stand once under the home page, with nothing below them.
SECTIONS = [EditionPage, SearchPage, TimelinePage, GlossaryPage, MapPage, NumbersPage]
INDEXES = {EssayIndexPage: EssayPage, LessonIndexPage: LessonPage}
ONE_PER_HOME = [SearchPage, TimelinePage, GlossaryPage, MapPage, NumbersPage, *INDEXES]


class PageTreeRules(WagtailPageTestCase):
    def test_the_home_page_stands_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {*SECTIONS, *INDEXES})
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
    """Every page of the loaded site, in both languages, and the routes below its pages."""

    ROUTES = {
        EditionPage: ["/", "/parallel/", "/cite/", "/text/"],
        MapPage: ["/", "/place/rehe/"],
        TimelinePage: ["/", "/event/1839-humen/"],
        GlossaryPage: ["/", "/term/addicts/"],
        LessonPage: ["/", "/handout/"],
    }

    def test_every_page_is_routable_and_renders(self):
        for page in Page.objects.live().type(*self.page_types()).specific():
            for route in self.ROUTES.get(type(page), ["/"]):
                with self.subTest(page=page.url_path, route=route):
                    self.assertPageIsRoutable(page, route)
                    self.assertPageIsRenderable(page, route)

    def test_every_page_type_saves_from_its_edit_form(self):
        editor = get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
        for model in self.page_types():
            page = model.objects.filter(locale__language_code="en").first()
            with self.subTest(model=model.__name__):
                self.assertIsNotNone(page)
                self.assertPageIsEditable(page, user=editor)

    @staticmethod
    def page_types():
        return [HomePage, *SECTIONS, *INDEXES, *INDEXES.values()]
