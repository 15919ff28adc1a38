"""Small editions built in code, for tests that need a given number of segments."""

import datetime

from history.core.models import HomePage
from history.edition.models import DocumentDate, DocumentVersion, EditionPage, Segment


def make_edition(home: HomePage, n_segments=10, slug="test-edition"):
    page = EditionPage(
        title="A test document",
        slug=slug,
        original_title="测试文件",
        issuing_body="A committee",
        author_family_name="Wang",
        author_given_name="Li",
    )
    versions = [
        DocumentVersion(
            code="en", language="en", label="English", status="editors_translation",
            provenance="<p>Made by the editors.</p>",
        ),
        DocumentVersion(
            code="zh", language="zh-Hans", label="Chinese", status="archival_original",
            provenance="<p>From the archive.</p>",
        ),
    ]  # fmt: skip
    dates = [DocumentDate(role="issued", date=datetime.date(1952, 9, 14), label="Issued")]
    segments = [
        Segment(
            kind="paragraph",
            texts=[
                ("text", {"version": "en", "text": f"Sentence {i}.", "run_in": False}),
                ("text", {"version": "zh", "text": f"第{i}句。", "run_in": i % 2 == 0}),
            ],
        )
        for i in range(1, n_segments + 1)
    ]
    page.set_children(versions=versions, dates=dates, segments=segments)
    home.add_child(instance=page)
    page.save_revision().publish()
    return EditionPage.objects.get(pk=page.pk)
