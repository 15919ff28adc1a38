"""Alt text: publishing or submitting a page with an image needs alt text or an explicit
"decorative"; a draft saves without it; the page renders the right alt attribute."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from history.core.roles import AUTHORS, EDITORS
from history.timeline.events import Event
from tests.essays.factories import make_essay, paragraph

from .helpers import account, essay_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def photo():
    return Image.objects.create(title="Humen harbour, 1839", file=get_test_image_file())


def shows_error(response, message):
    """The admin shows `message`, as a field's error or among a StreamField's block errors
    (which travel as JSON in the page)."""
    html = unescape(response.content.decode())
    return message in html or json.dumps(message)[1:-1] in html


def _img_alts(html, image):
    """The alt attributes of the <img> elements that show `image`."""
    stem = image.file.name.rsplit("/", 1)[-1].split(".")[0]
    return [
        re.search(r'alt="([^"]*)"', tag).group(1)
        for tag in re.findall(r"<img [^>]*>", html)
        if stem in tag
    ]


def test_publishing_an_image_without_alt_text_is_refused_and_the_draft_is_kept(
    client, site_content, photo
):
    essay = make_essay([paragraph("Before.")], slug="with-image")
    client.force_login(account("eve", EDITORS))
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    data = essay_form(essay, "With a picture.", {"image": photo.pk, "alt_text": ""})

    # Saving a draft works: nothing is lost.
    assert client.post(url, data).status_code == 302
    essay.refresh_from_db()
    draft = essay.latest_revision.as_object()
    assert [block.value["image"].pk for block in draft.body if block.block_type == "image"] == [
        photo.pk
    ]
    assert essay.live_revision_id != essay.latest_revision_id

    # Publishing is refused, with an error naming the image.
    response = client.post(url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors." in response.content.decode()
    assert shows_error(response, "“Humen harbour, 1839” needs alt text, or mark it as decorative.")
    essay.refresh_from_db()
    assert essay.live_revision_id != essay.latest_revision_id
    assert "With a picture." not in client.get(essay.url).content.decode()

    # With alt text it publishes, and the page says it.
    described = essay_form(
        essay, "With a picture.", {"image": photo.pk, "alt_text": "Boats in the harbour"}
    )
    assert client.post(url, {**described, "action-publish": "1"}).status_code == 302
    client.logout()
    assert _img_alts(client.get(essay.url).content.decode(), photo) == ["Boats in the harbour"]


def test_submitting_for_review_needs_alt_text_too(client, site_content, photo):
    essay = make_essay([paragraph("Before.")], slug="with-image")
    client.force_login(account("amy", AUTHORS))
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    data = essay_form(essay, "With a picture.", {"image": photo.pk, "alt_text": ""})
    response = client.post(url, {**data, "action-submit": "1"})
    assert response.status_code == 200
    assert shows_error(response, "“Humen harbour, 1839” needs alt text, or mark it as decorative.")


def test_a_decorative_image_has_an_empty_alt(client, site_content, photo):
    photo.description = "A description that must not be read out"
    photo.save()
    essay = make_essay([paragraph("Before.")], slug="with-image")
    client.force_login(account("eve", EDITORS))
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    data = essay_form(
        essay,
        "Decorated.",
        {"image": photo.pk, "alt_text": "", "decorative": "on"},
        hero_image=photo.pk,
        hero_decorative="on",
    )
    assert client.post(url, {**data, "action-publish": "1"}).status_code == 302
    client.logout()
    assert _img_alts(client.get(essay.url).content.decode(), photo) == ["", ""]


def test_the_image_at_the_top_needs_alt_text_to_publish(client, site_content, photo):
    essay = make_essay([paragraph("Before.")], slug="with-image")
    client.force_login(account("eve", EDITORS))
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    data = essay_form(essay, "Hero.", hero_image=photo.pk)
    assert client.post(url, data).status_code == 302  # the draft
    response = client.post(url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert shows_error(response, "“Humen harbour, 1839” needs alt text, or mark it as decorative.")
    # The image's own description is alt text enough.
    photo.description = "Junks at anchor off Humen"
    photo.save()
    assert client.post(url, {**data, "action-publish": "1"}).status_code == 302
    client.logout()
    assert _img_alts(client.get(essay.url).content.decode(), photo) == ["Junks at anchor off Humen"]


def test_an_event_image_needs_alt_text(site_content, photo):
    from django.core.exceptions import ValidationError

    event = Event.objects.filter(locale__language_code="en").first()
    event.image = photo
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "image_alt_text" in error.value.message_dict
    event.image_decorative = True
    event.full_clean()
    assert event.image_alt == ""
    event.image_decorative, event.image_alt_text = False, "A harbour"
    event.full_clean()
    assert event.image_alt == "A harbour"


# --- the size of uploads: no image may cost a worker more memory than the stated budget ---


def huge_png(width, height):
    """A black-and-white PNG of `width` x `height` that weighs a few KB (as an attacker's
    would), written by hand so that the test never holds its pixels."""
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\0" * (1 + (width + 7) // 8)  # filter byte, then 1 bit a pixel
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def upload(client, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, data, content_type="image/png")},
    )


def test_an_image_with_too_many_pixels_is_refused_with_a_form_error(client, site_content):
    from history.core.roles import TEACHERS

    client.force_login(account("tess", TEACHERS))
    data = huge_png(11_000, 11_000)
    assert len(data) < 20_000
    response = upload(client, "bomb.png", data)
    assert response.status_code == 200
    assert "This file has too many pixels (121000000). Maximum pixels 25000000." in unescape(
        response.content.decode()
    )
    assert not Image.objects.filter(title="bomb.png").exists()

    # The admin's "Add images" (several at once) refuses it the same way.
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bomb.png", data, content_type="image/png")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "too many pixels" in response.json()["error_message"]
    assert not Image.objects.filter(title="bomb").exists()


def test_an_image_over_the_upload_size_is_refused(client, site_content, settings):
    client.force_login(account("eve", EDITORS))
    data = huge_png(100, 100) + b"\0" * (15 * 1024 * 1024)
    response = upload(client, "heavy.png", data)
    assert response.status_code == 200
    assert "This file is too big" in unescape(response.content.decode())


def test_a_normal_image_still_uploads(client, site_content):
    from history.core.roles import TEACHERS

    client.force_login(account("tess", TEACHERS))
    photo = get_test_image_file(size=(4000, 3000))  # a 12-megapixel photo
    response = upload(client, "classroom.png", photo.file.getvalue())
    assert response.status_code == 302
    image = Image.objects.get(title="classroom.png")
    assert (image.width, image.height) == (4000, 3000)
