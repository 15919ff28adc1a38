"""Every response refuses the browser features the site does not use."""

import pytest
from django.contrib.auth import get_user_model

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
