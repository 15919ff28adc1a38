"""Anchors: assigned once, never reused, stable when segments are inserted or moved."""

import pytest
from django.core.exceptions import ValidationError

from history.core.models import HomePage
from history.edition.models import EditionPage, Segment
from tests.edition.factories import make_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site_content):
    return HomePage.objects.get(locale__language_code="en")


def anchors(page):
    return [segment.anchor for segment in EditionPage.objects.get(pk=page.pk).segments.all()]


def test_new_segments_get_sequential_anchors(home):
    page = make_edition(home, n_segments=3)
    assert anchors(page) == ["p1", "p2", "p3"]
    assert page.last_anchor_number == 3


def test_inserting_a_segment_keeps_the_other_anchors(home):
    page = make_edition(home, n_segments=3)
    segments = list(page.segments.all())
    inserted = Segment(kind="paragraph", texts=[("text", {"version": "en", "text": "New."})])
    page.set_children(segments=[segments[0], inserted, segments[1], segments[2]])
    page.save_revision().publish()
    assert anchors(page) == ["p1", "p4", "p2", "p3"]


def test_deleted_anchors_are_never_reused(home):
    page = make_edition(home, n_segments=3)
    page.set_children(segments=list(page.segments.all())[:2])
    page.save_revision().publish()
    page = EditionPage.objects.get(pk=page.pk)
    page.set_children(segments=[*page.segments.all(), Segment(kind="paragraph")])
    page.save_revision().publish()
    assert anchors(page) == ["p1", "p2", "p4"]


def test_moving_segments_keeps_their_anchors(home):
    page = make_edition(home, n_segments=3)
    page.set_children(segments=reversed(page.segments.all()))
    page.save_revision().publish()
    assert anchors(page) == ["p3", "p2", "p1"]


def test_repeated_anchors_are_a_validation_error(home):
    page = make_edition(home, n_segments=2)
    page.set_children(segments=[Segment(anchor="p1"), Segment(anchor="p1")])
    with pytest.raises(ValidationError, match="repeated: p1"):
        page.full_clean()


def test_anchors_are_not_reused_after_restoring_an_older_revision(home):
    page = make_edition(home, n_segments=2)
    old_revision = page.latest_revision
    page.set_children(segments=[*page.segments.all(), Segment(kind="paragraph")])
    page.save_revision().publish()  # p3 given out
    old_revision.publish()  # back to p1, p2
    page = EditionPage.objects.get(pk=page.pk)
    assert anchors(page) == ["p1", "p2"]
    page.set_children(segments=[*page.segments.all(), Segment(kind="paragraph")])
    page.save_revision().publish()
    assert anchors(page) == ["p1", "p2", "p4"]
