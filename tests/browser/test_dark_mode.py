"""Dark mode: the site follows the system's colour scheme, keeps the light theme's contrast
(axe on every kind of page, in both languages, on a phone and a desktop), and prints in black
on white whatever the screen shows."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/{lang}/",
    "/{lang}/fifth-bulletin/",
    "/{lang}/fifth-bulletin/?anatomy=on#p18",
    "/{lang}/fifth-bulletin/parallel/",
    "/{lang}/fifth-bulletin/changes/",
    "/{lang}/documents/",
    "/{lang}/final-report/",
    "/{lang}/map/?place=shenyang",
    "/{lang}/numbers/",
    "/{lang}/timeline/",
    "/{lang}/glossary/#term-liang",
    "/{lang}/people/#person-mao-zedong",
    "/{lang}/essays/",
    "/{lang}/essays/luo-ruiqing/",
    "/{lang}/lessons/",
    "/{lang}/lessons/mapping-the-campaign/",
    "/{lang}/search/?q=Tonghua",
    "/{lang}/about/",
    "/{lang}/about/report/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_kind_of_page_passes_axe_in_the_dark(open_page, path, lang):
    # Each page once per language, on a phone in one and a desktop in the other.
    viewport = PHONE if (PAGES.index(path) + (lang == "en")) % 2 else DESKTOP
    page = open_page(path.format(lang=lang), viewport, color_scheme="dark")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(26, 24, 22)"
    assert axe_violations(page) == []


def test_the_map_keeps_its_light_colours_and_print_is_black_on_white(open_page):
    page = open_page("/en/map/", DESKTOP, color_scheme="dark")
    label_colour = page.evaluate(
        "getComputedStyle(document.querySelector('.map.leaflet-container')).color"
    )
    assert label_colour == "rgb(29, 27, 24)"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(29, 27, 24)"


def test_the_light_theme_is_unchanged(open_page):
    page = open_page("/en/fifth-bulletin/", PHONE, color_scheme="light")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(253, 250, 244)"
