"""The reader as a student uses it: one number per printed paragraph, the editorial notes
beside their markers on a wide screen, and choices (version, notes, text size) that stay on
the device."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VISIBLE_NUMBERS = """() => [...document.querySelectorAll('#text .pn')]
  .filter((a) => getComputedStyle(a).color !== 'rgba(0, 0, 0, 0)')
  .map((a) => a.getAttribute('href'))"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_a_paragraph_shows_one_number_and_each_sentence_keeps_its_own(open_page, viewport):
    page = open_page("/en/fifth-bulletin/", viewport)
    shown = page.evaluate(VISIBLE_NUMBERS)
    # ¶7 "(1)" opens the paragraph that runs on through ¶12.
    assert "#p7" in shown and not {"#p8", "#p9", "#p10"} & set(shown)
    # Hovering a sentence shows its number; a keyboard user reaches every number.
    page.locator("#p9 .seg__text").hover()
    assert "#p9" in page.evaluate(VISIBLE_NUMBERS)
    page.locator("a.pn[href='#p10']").focus()
    assert page.locator("a.pn[href='#p10']").bounding_box()["width"] > 5
    # A link to a sentence lands on it and shows its number.
    page.goto(page.url.split("#")[0] + "#p10")
    assert "#p10" in page.evaluate(VISIBLE_NUMBERS)
    # The anatomy view numbers every segment.
    page.goto(page.url.split("#")[0] + "?anatomy=on")
    assert {"#p8", "#p9", "#p10"} <= set(page.evaluate(VISIBLE_NUMBERS))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_on_a_wide_screen_the_notes_stand_beside_their_markers(open_page, language):
    page = open_page(f"/{language}/fifth-bulletin/", DESKTOP)
    page.wait_for_function("document.getElementById('text').classList.contains('has-sidenotes')")
    layout = page.evaluate(
        """() => {
          const text = document.getElementById('text').getBoundingClientRect();
          return [...document.querySelectorAll('#text .annotation')].map((note) => {
            const box = note.getBoundingClientRect();
            const marker = document.getElementById(note.id.replace('an', 'anref'));
            return {top: box.top - text.top, bottom: box.bottom - text.top, left: box.left,
                    marker: marker.getBoundingClientRect().top - text.top,
                    textRight: text.right, textBottom: text.bottom - text.top};
          });
        }"""
    )
    assert len(layout) > 10
    previous_bottom = 0
    for note in layout:
        # In the margin, not in the text's measure.
        assert note["left"] >= note["textRight"]
        # Never above its marker, never over the note before it, and no lower than that
        # note needs: at its marker when there is room.
        assert note["top"] >= note["marker"] - 8
        assert note["top"] >= previous_bottom
        assert note["top"] <= max(note["marker"], previous_bottom + 12) + 1
        previous_bottom = note["bottom"]
    # The text's section makes room for the last note, so it never covers what follows.
    box = page.locator("#text").bounding_box()
    margin = page.evaluate(
        "parseFloat(getComputedStyle(document.getElementById('text')).marginBottom)"
    )
    assert box["height"] + margin >= layout[-1]["bottom"]


def test_the_readers_choices_stay_on_the_device(open_page, live_site):
    page = open_page("/en/fifth-bulletin/", DESKTOP)
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.select_option("#text-size", "larger")
    page.locator("[data-annotations-toggle]").click()
    page.locator("[data-version-link]", has_text="Chinese original").click()
    page.wait_for_url("**version=zh**")
    assert [r for r in requests if r.method != "GET"] == []

    # Opening the edition again, as from the menu: the same version, notes and text size.
    page.goto(live_site.url + "/en/fifth-bulletin/")
    page.wait_for_url("**version=zh**")
    assert page.locator("#text").get_attribute("lang") == "zh-Hans"
    assert "hide-annotations" in page.locator("#text").get_attribute("class")
    assert page.locator("#text-size").input_value() == "larger"
    assert page.evaluate("getComputedStyle(document.getElementById('text')).fontSize") == "25.2px"
    # The side-by-side view reads the text size too.
    page.goto(live_site.url + "/en/fifth-bulletin/parallel/")
    size = page.evaluate("getComputedStyle(document.querySelector('.parallel')).fontSize")
    assert size == "25.2px"
    # A version named in the address wins over the kept one.
    page.goto(live_site.url + "/en/fifth-bulletin/?version=en")
    assert page.locator("#text").get_attribute("lang") == "en"
    # Kept on the device only: no cookie was set.
    assert page.context.cookies() == []
