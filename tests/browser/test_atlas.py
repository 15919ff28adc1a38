"""The map, its table twin and the numbers page in a real browser."""

import json
import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

# Browser tests only read; the database marker makes the session set up the loaded site.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    ["/en/map/", "/zh-hans/map/", "/en/map/?place=tonghua", "/en/numbers/", "/zh-hans/numbers/"],
)
def test_map_and_numbers_are_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    name = re.sub(r"\W+", "-", path).strip("-")
    screenshot(page, f"{name}-{viewport['width']}")


def map_data(page):
    """The markers' features (outlines left out)."""
    data = json.loads(page.locator("#map-data").text_content())
    data["features"] = [f for f in data["features"] if "figures" in f["properties"]]
    return data


def wait_for_markers(page):
    page.locator(".leaflet-marker-icon").first.wait_for()
    page.locator(".leaflet-overlay-pane path").first.wait_for()


def test_the_map_draws_its_own_base_map_and_a_marker_per_feature(open_page):
    page = open_page("/en/map/")
    wait_for_markers(page)
    assert page.locator(".leaflet-overlay-pane path").count() > 40  # provinces and neighbours
    assert page.locator(".leaflet-marker-icon").count() == len(map_data(page)["features"])
    # The table twin holds the same figures as the markers, and the nationwide ones.
    figures = sum(len(f["properties"]["figures"]) for f in map_data(page)["features"])
    rows = page.locator(".figures-table tbody tr")
    nationwide = rows.filter(has_text="Nationwide").count()
    assert rows.count() == figures + nationwide


def test_keyboard_reaches_a_marker_and_opens_its_panel(open_page):
    page = open_page("/en/map/")
    wait_for_markers(page)
    marker = page.locator('.leaflet-marker-icon[aria-label^="Songjiang Province"]').first
    marker.focus()
    assert marker.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    page.locator("#place-title").wait_for()
    assert page.locator("#place-title").inner_text() == "Songjiang Province"
    assert "83%" in page.locator("#place-panel").inner_text()
    page.wait_for_url(re.compile(r"place=songjiang"))
    # The table follows the chosen place.
    assert page.locator(".figures-table tbody tr").count() == 1


def test_filters_change_table_markers_and_address_without_reload(open_page):
    page = open_page("/en/map/")
    wait_for_markers(page)
    page.evaluate("window.notReloaded = true")
    page.locator("input[name=document][value=second-bulletin]").check()
    page.wait_for_url(re.compile(r"document=second-bulletin"))
    page.locator(".results-count", has_text="22 figures shown").wait_for()
    assert page.evaluate("window.notReloaded") is True
    features = map_data(page)["features"]
    assert page.locator(".leaflet-marker-icon").count() == len(features)
    page.select_option("#filter-kind", "arrests")
    page.locator(".results-count", has_text="21 figures shown").wait_for()


def test_the_map_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/en/map/")
    assert not page.locator("#map").is_visible()
    page.locator("#filter-place").select_option("rehe")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"place=rehe"))
    assert page.locator("#place-title").inner_text() == "Rehe Province"
    context.close()


def test_edition_place_names_lead_to_the_map(open_page):
    page = open_page("/en/fifth-bulletin/")
    page.locator("#p37 a.place-link").click()
    page.wait_for_url(re.compile(r"/en/map/\?place=tonghua"))
    assert page.locator("#place-title").inner_text() == "Tonghua"
