"""Every response refuses the browser features the site does not use; a page holding a
form's token is private."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token

from history.core.middleware import PublicCacheMiddleware

pytestmark = pytest.mark.django_db

REFUSED = ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]


def features(response):
    policy = response["Permissions-Policy"]
    return dict(part.strip().split("=", 1) for part in policy.split(","))


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/", "/admin/login/", "/en/no-such-page/"])
def test_public_pages_and_the_admin_send_a_permissions_policy(client, site_content, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    given = features(response)
    for feature in REFUSED:
        assert given[feature] == "()", feature


def test_the_signed_in_admin_sends_it_too(client, site_content):
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert features(response)["camera"] == "()"


@pytest.mark.parametrize("renders_a_token, expected", [(False, "public"), (True, "private")])
def test_a_page_holding_a_forms_token_is_private(rf, renders_a_token, expected):
    """A form's CSRF token is a secret of one browser's: the page that holds it is never
    kept by the page cache, a proxy or the offline reader."""

    def view(request):
        if renders_a_token:
            get_token(request)
        return HttpResponse("<form></form>")

    request = rf.get("/en/lessons/some-lesson/")
    response = CsrfViewMiddleware(PublicCacheMiddleware(view))(request)
    assert expected in response["Cache-Control"]
