"""Round trips through files, shared: the site is edited as editors edit it, observed, exported
with `export_site`, loaded with `load_site` into an emptied database, and observed again.

Loading the whole site is the slowest thing the suite does, so the round-trip tests share it:
each test module registers a `Part` of a trip (its edits and what it observes), and the trip
runs once, the first time a test asks for it, with the edits of every registered part; each
test then asserts what its part observed. The trip runs in a transaction that is rolled back,
so the tests that follow find the site as it was loaded from site/.
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from wagtail.images import get_image_model

from tests.conftest import ROOT, export_site, fresh_database, load_site

# A trip that exports into a copy of site/ (the files written by hand are updated in place),
# and one that exports into an empty folder (nothing comes from the files written by hand).
INTO_A_COPY = "into a copy of site/"
INTO_AN_EMPTY_FOLDER = "into an empty folder"
# Edited strings of a translated page leave their old translations in its translation file
# (wagtail-localize keeps them), so the home page's edits, with which the file would not
# come back unchanged, travel apart from the parts that check that it does.
HOME_INTO_A_COPY = "the home page, into a copy of site/"
COPIES = {INTO_A_COPY, HOME_INTO_A_COPY}
PARTS = {INTO_A_COPY: [], INTO_AN_EMPTY_FOLDER: [], HOME_INTO_A_COPY: []}


def nothing(trip):
    return None


@dataclass
class Part:
    """What one test does in a trip; each step gets the `Trip` and returns what it saw.

    `edit` runs before the export, `observe` before the export and again after the load,
    `exported` after the export (before the load), `before_load` in the emptied database
    just before the load, and `loaded` after the load and its observation."""

    name: str
    edit: object = nothing
    observe: object = nothing
    exported: object = nothing
    before_load: object = nothing
    loaded: object = nothing


@dataclass
class Trip:
    folder: Path
    tmp: Path
    client: Client = field(default_factory=Client)
    # {part name: what the part saw at each step}
    edited: dict = field(default_factory=dict)
    before: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    checked: dict = field(default_factory=dict)
    # export_site's and load_site's reports
    export: str = ""
    second_export: str = ""
    load: str = ""
    export_after_load: str = ""


def register(trip, part):
    """Add `part` to `trip` (a module registers its parts when it is imported)."""
    if all(known.name != part.name for known in PARTS[trip]):
        PARTS[trip].append(part)


def run(name, tmp):
    """Run the trip `name` with its parts and return it, the database left as it was."""
    folder = tmp / "site"
    if name in COPIES:
        shutil.copytree(ROOT / "site", folder)
    trip = Trip(folder=folder, tmp=tmp)
    parts = PARTS[name]
    cache.clear()
    with transaction.atomic():
        for part in parts:
            trip.edited[part.name] = part.edit(trip)
        trip.client.logout()
        for part in parts:
            trip.before[part.name] = part.observe(trip)
        trip.export = export_site(folder)
        trip.second_export = export_site(folder)
        _remove_image_files()  # the new site stores them afresh, under the same names
        for part in parts:
            trip.files[part.name] = part.exported(trip)
        fresh_database()
        for part in parts:
            part.before_load(trip)
        trip.load = load_site(folder)
        trip.client.logout()
        cache.clear()
        for part in parts:
            trip.after[part.name] = part.observe(trip)
        for part in parts:
            trip.checked[part.name] = part.loaded(trip)
        trip.export_after_load = export_site(folder)
        _remove_image_files()
        transaction.set_rollback(True)
    cache.clear()
    return trip


def _remove_image_files():
    for image in get_image_model().objects.all():
        for rendition in image.renditions.all():
            rendition.file.delete(save=False)
        image.file.delete(save=False)
