"""Guessing secrets: sign-in lockout (django-axes), and rate limits on page passwords and
password-reset requests."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from history.core import throttling

pytestmark = pytest.mark.django_db

LESSON = "/en/lessons/sourcing-a-government-report/"
PASSWORD = "rehe-1952"


@pytest.fixture
def teacher(site_content):
    return get_user_model().objects.create_user(
        "ana", email="ana@example.org", password="a-long-password", is_superuser=True
    )


def sign_in(client, password, address="10.0.0.1", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "ana", "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_five_wrong_passwords_lock_the_account_out_from_that_address(client, teacher):
    for _attempt in range(4):
        response = sign_in(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page and "wrong 5 times" in page and "15 minutes" in page
    # Now even the right password is refused.
    assert sign_in(client, "a-long-password").status_code == 429
    assert "administrator to unlock" in page
    assert '<main id="main"' in page  # the site's own page, not bare text
    # The same account from another address, and the operator's unlock, let the teacher in.
    assert sign_in(client, "a-long-password", address="10.0.0.2").status_code == 302
    client.logout()
    assert sign_in(client, "a-long-password").status_code == 429
    call_command("axes_reset_username", "ana", stdout=None)
    assert sign_in(client, "a-long-password").status_code == 302


def test_the_lockout_page_speaks_chinese(client, teacher):
    for _attempt in range(4):
        sign_in(client, "wrong")
    locked = sign_in(client, "wrong", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert locked.status_code == 429
    assert "登录已锁定" in locked.content.decode()


def test_a_correct_sign_in_clears_the_count(client, teacher):
    for _round in range(3):
        for _attempt in range(4):
            sign_in(client, "wrong")
        assert sign_in(client, "a-long-password").status_code == 302
        client.logout()


@pytest.fixture
def private_lesson(site_content):
    page = Page.objects.get(slug="sourcing-a-government-report", locale__language_code="en")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return restriction


def try_password(client, restriction, password, address="10.0.0.1", language="en"):
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
    )
    url = url.replace("/en/", f"/{language}/", 1)
    return client.post(url, {"password": password, "return_url": LESSON}, REMOTE_ADDR=address)


def test_wrong_page_passwords_are_limited_per_address(client, private_lesson):
    limit = throttling.PAGE_PASSWORD.attempts
    assert client.get(LESSON).status_code == 200  # asks for the password
    for _attempt in range(limit):
        assert try_password(client, private_lesson, "guess").status_code == 200
    blocked = try_password(client, private_lesson, PASSWORD)
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == str(throttling.PAGE_PASSWORD.seconds)
    assert "Too many attempts" in blocked.content.decode()
    assert "15 minutes" in blocked.content.decode()
    # Another address (another class) is not held up.
    assert try_password(client, private_lesson, PASSWORD, address="10.0.0.9").status_code == 302


def test_wrong_passwords_of_private_documents_count_too(client, site_content):
    from wagtail.models import Collection, CollectionViewRestriction

    restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    data = {"password": "guess", "return_url": "/documents/"}
    for _attempt in range(throttling.PAGE_PASSWORD.attempts):
        assert client.post(url, data).status_code == 200
    assert client.post(url, {**data, "password": PASSWORD}).status_code == 429


def test_right_page_passwords_are_not_counted(client, private_lesson):
    for _attempt in range(throttling.PAGE_PASSWORD.attempts + 5):
        assert try_password(client, private_lesson, PASSWORD).status_code == 302


def test_the_page_password_limit_page_speaks_chinese(client, private_lesson):
    for _attempt in range(throttling.PAGE_PASSWORD.attempts):
        try_password(client, private_lesson, "guess")
    blocked = try_password(client, private_lesson, "guess", language="zh-hans")
    assert blocked.status_code == 429
    assert "尝试次数过多" in blocked.content.decode()


def reset(client, email, address="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_password_reset_requests_are_limited_per_e_mail_address(client, teacher):
    for number in range(throttling.RESET_PER_EMAIL.attempts):
        assert reset(client, "ana@example.org", address=f"10.0.1.{number}").status_code == 302
    sent = len(mail.outbox)
    blocked = reset(client, "Ana@Example.org", address="10.0.2.1")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    assert len(mail.outbox) == sent  # no more e-mail to the address


def test_password_reset_requests_are_limited_per_client_address(client, teacher):
    for number in range(throttling.RESET_PER_ADDRESS.attempts):
        assert reset(client, f"someone{number}@example.org").status_code == 302
    assert reset(client, "ana@example.org").status_code == 429
    assert reset(client, "ana@example.org", address="10.0.0.2").status_code == 302


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "203.0.113.7", "10.0.0.1"),  # no proxy: the header is the client's claim
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # what the proxy saw
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.3", "203.0.113.7"),
        (1, "", "10.0.0.1"),
    ],
)
def test_the_client_address_trusts_only_the_proxies_in_front(
    rf, settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert throttling.client_address(request) == expected
