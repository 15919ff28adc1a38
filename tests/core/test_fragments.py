"""The htmx fragment-or-page answer: one address, two answers, kept apart by caches."""

from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from history.core.fragments import fragment_or_page, wants_fragment


def _request(**headers):
    request = RequestFactory().get("/somewhere/", headers=headers)
    request.htmx = HtmxDetails(request)
    return request


def test_htmx_gets_the_fragment_and_a_browser_the_page():
    context = {"greeting": "hello"}
    fragment = fragment_or_page(
        _request(**{"HX-Request": "true"}), "404.html", context, fragment_html="<p>part</p>"
    )
    page = fragment_or_page(_request(), "404.html", context, fragment_html="<p>part</p>")
    assert fragment.content == b"<p>part</p>"
    assert page.template_name == "404.html"
    assert fragment["Vary"] == page["Vary"] == "HX-Request"


def test_a_history_restore_request_gets_the_whole_page():
    restore = _request(**{"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert wants_fragment(_request(**{"HX-Request": "true"}))
    assert not wants_fragment(restore)
    assert not wants_fragment(RequestFactory().get("/"))  # no htmx middleware ran
    response = fragment_or_page(restore, "404.html", {}, fragment_template="500.html")
    assert response.template_name == "404.html"


def test_the_fragment_can_be_a_template():
    response = fragment_or_page(
        _request(**{"HX-Request": "true"}), "404.html", {}, fragment_template="500.html"
    )
    assert response.template_name == "500.html"
    assert response["Vary"] == "HX-Request"
