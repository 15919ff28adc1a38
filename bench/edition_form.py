"""Weight of the edition's edit form in the admin: HTML, posted fields, server time, saving.

Run from the project root:  .venv/bin/python bench/edition_form.py
It builds an in-memory SQLite database with the site's content, adds a 500-segment edition
made of the real edition's segments repeated, each copy with its notes, and for each edit
page reports the HTML's size (raw and gzipped), the fields and bytes its form posts (read
from the HTML as a browser submits it, see tests/edition/form_data.py), the server's CPU time
to render it (median of 5, warm) and the answer to posting the form back unchanged ("Save
draft").
"""

import gzip
import io
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from history.core.models import HomePage  # noqa: E402
from history.edition.models import EditionPage, Segment  # noqa: E402
from tests.edition.form_data import as_post_data, posted_fields  # noqa: E402

RUNS = 5
SEGMENTS = 500


def long_edition(real):
    """An edition of SEGMENTS segments: the real edition's segments repeated, each copy with
    the notes the real one has on it (its term notes once)."""
    page = EditionPage(title="A long report", slug="long-report")
    for field in ("original_title", "issuing_body", "author_family_name", "author_given_name"):
        setattr(page, field, getattr(real, field))
    originals = list(real.segments.all())
    segments = [
        Segment(kind=originals[i % len(originals)].kind, texts=originals[i % len(originals)].texts)
        for i in range(SEGMENTS)
    ]
    children = {
        relation: list(getattr(real, relation).all())
        for relation in ("versions", "dates", "term_notes")
    }
    for objects in children.values():
        for child in objects:  # stored again as the new page's own
            child.pk, child.translation_key = None, uuid.uuid4()
    page.set_children(segments=segments, **children)
    HomePage.objects.get(locale=real.locale).add_child(instance=page)
    # Copy i of the original segment at position j is the new segment at i * len + j.
    position = {segment.anchor: j for j, segment in enumerate(originals)}
    anchors = [segment.anchor for segment in page.segments.all()]
    copies = {
        anchor: anchors[j :: len(originals)] for anchor, j in position.items()
    }  # fmt: skip

    def copied(notes, **fields):
        for note in notes:
            for anchor in copies[note.anchor]:
                yield type(note)(anchor=anchor, **{f: getattr(note, f) for f in fields})

    page.set_children(
        segments=list(page.segments.all()),
        annotations=list(copied(real.annotations.all(), kind=0, phrase=0, text=0, sources=0)),
        translation_notes=list(
            copied(
                real.translation_notes.all(),
                version=0,
                kind=0,
                translation_phrase=0,
                original_phrase=0,
                note=0,
            )  # fmt: skip
        ),
    )
    page.save_revision().publish()
    return page


def measure(client, page):
    url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(url)
    assert response.status_code == 200, url
    timings = []
    for _ in range(RUNS):
        start = time.process_time()
        client.get(url)
        timings.append((time.process_time() - start) * 1000)
    html = response.content
    fields = posted_fields(html.decode())
    posted = sum(len(name.encode()) + len(value.encode()) for name, value in fields)
    # The Chinese edition's edit page is the translation editor: no page form to post.
    saved = client.post(url, as_post_data(fields)).status_code if fields else "-"
    return (
        f"| {page.title[:24]} ({page.locale.language_code}): {page.segments.count()} segments, "
        f"{page.annotations.count() + page.translation_notes.count() + page.term_notes.count()} "
        "notes "
        f"| {len(html) / 1024:,.0f} | {len(gzip.compress(html, 6)) / 1024:,.0f} "
        f"| {len(fields):,} | {posted / 1024:,.0f} | {statistics.median(timings):,.0f} "
        f"| {saved} |"
    )


def main():
    connection.creation.create_test_db(verbosity=0)
    call_command("load_site", stdout=io.StringIO())
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    client = Client()
    client.force_login(user)
    real = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
    chinese = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="zh-hans")
    pages = [real, chinese, long_edition(real)]
    print(
        "| edit page | HTML KB | gzip KB | posted fields | posted KB "
        f"| render CPU ms (median of {RUNS}) | Save draft |"
    )
    print("|---|---|---|---|---|---|---|")
    for page in pages:
        print(measure(client, page))


if __name__ == "__main__":
    main()
