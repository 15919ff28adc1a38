"""Apps above the edition add links and events to its reading view through Wagtail's hooks."""

from django.test import RequestFactory
from django.utils import translation
from wagtail import hooks

from history.edition import related
from history.edition.reading import Link


def _request():
    return RequestFactory().get("/en/fifth-bulletin/")


def test_the_atlas_the_glossary_and_the_people_link_words_of_the_text(site_content):
    with translation.override("en"):
        links = related.text_links(site_content, _request())
    found = [link for marked in links.values() for link in marked]
    assert {link.css_class for link in found} == {"place-link", "term-link", "person-link"}
    assert all(anchor in site_content.paragraph_numbers for anchor, _version in links)
    assert any(link.url.startswith("/en/map/?place=") for link in found)
    assert any(link.url.startswith("/en/glossary/#term-") and link.popover for link in found)
    assert any(link.url.startswith("/en/people/#person-") and link.popover for link in found)


def test_the_timeline_gives_the_events_of_the_edition(site_content):
    with translation.override("zh-hans"):
        events = related.events(site_content, _request())
    assert events
    assert all(event["url"].startswith("/zh-hans/timeline/#event-") for event in events)
    assert any(event["paragraphs"] for event in events)


def test_a_new_app_adds_its_links_by_registering_a_hook(site_content):
    def marks(edition, request):
        return {("p8", "en"): [Link("Rehe", "/elsewhere/", "Elsewhere", "other-link")]}

    with hooks.register_temporarily(related.TEXT_LINKS, marks), translation.override("en"):
        links = related.text_links(site_content, _request())
    assert Link("Rehe", "/elsewhere/", "Elsewhere", "other-link") in links[("p8", "en")]
