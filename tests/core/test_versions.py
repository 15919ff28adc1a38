"""Versioned tags: what is kept is keyed by the versions of the tags it depends on."""

import pytest

from history.core import versions

pytestmark = pytest.mark.django_db


def test_a_cached_part_is_built_again_only_when_its_tags_or_the_release_change():
    built = []

    def build():
        built.append(len(built) + 1)
        return built[-1]

    def get():
        return versions.cached("part", build, vary=["x"], tags=["glossary"])

    assert get() == 1 and get() == 1
    versions.changed("atlas")
    assert get() == 1
    versions.changed("glossary")
    assert get() == 2
    versions.new_release()
    assert get() == 3
    assert versions.cached("part", build, vary=["y"], tags=["glossary"]) == 4


def test_within_a_request_versions_are_read_once_and_a_change_is_seen_at_once():
    from django.core.cache import cache

    with versions.remembered():
        first = versions.current(["glossary"])
        cache.set("tag-version:glossary", -1, None)  # another instance's change
        assert versions.current(["glossary"]) == first
        versions.changed("glossary")
        assert versions.current(["glossary"]) != first
    cache.set("tag-version:glossary", -1, None)
    assert versions.current(["glossary"]) == {"glossary": -1}  # outside a request: read anew
