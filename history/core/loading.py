"""Loading the site's content from files in `site/` into Wagtail.

The loader is idempotent: it remembers the digest of each file it loaded and the revision it
made. A file that has not changed is skipped; a changed file updates its page only if no one
has edited the page since the last load, so an editor's work in the admin is never overwritten
(unless the loader is forced).
"""

import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from .models import LoadedContent


class ContentError(CommandError):
    """A content file is malformed; the message names the file and the field."""


def read_text(path):
    """The text of a content file, which must be UTF-8 and not empty.

    Every content file is read through here, so that a file cut short (empty, or ending inside
    a character) is refused with its name before anything is loaded from it: an empty list of
    terms would otherwise load as "no terms" and delete them all.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ContentError(f"{path}: file not found") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            f"{path}: not valid UTF-8 text (byte {error.start}); is the file truncated?"
        ) from error
    if not text.strip():
        raise ContentError(f"{path}: the file is empty")
    return text


def read_yaml(path):
    path = Path(path)
    text = read_text(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from error
    if data is None:
        raise ContentError(f"{path}: the file holds no data (only comments)")
    return data


def require(data, field, path, kind=str):
    """`data[field]`, which must be present and of type `kind`."""
    if not isinstance(data, dict) or field not in data or data[field] in (None, ""):
        raise ContentError(f"{path}: missing field “{field}”")
    value = data[field]
    if not isinstance(value, kind):
        raise ContentError(f"{path}: field “{field}” should be a {kind.__name__}")
    return value


def require_choice(data, field, path, choices):
    """`data[field]`, which must be one of `choices`."""
    value = require(data, field, path)
    if value not in choices:
        raise ContentError(f"{path}: {field} “{value}” is not one of {sorted(choices)}")
    return value


def stable_key(*parts):
    """A translation key that is the same in every database loaded from these files, so that
    translation files can name the objects they translate."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(part) for part in parts))


def item_translation_key(data, where, *parts):
    """The translation key of an item: the one its file names (an object first made in the
    admin, or renamed there, keeps the key its translations know it by), else `stable_key`."""
    given = data.get("translation_key")
    if not given:
        return stable_key(*parts)
    try:
        return uuid.UUID(str(given))
    except ValueError as error:
        raise ContentError(f"{where}: translation_key “{given}” is not a UUID") from error


def digest_files(*paths):
    sha = hashlib.sha256()
    for path in paths:
        sha.update(Path(path).read_bytes())
    return sha.hexdigest()


@dataclass
class Loader:
    """What a content module's `load(loader)` gets: where the files are and how to report."""

    content_dir: Path
    stdout: object
    force: bool = False
    # Whether the load changed the database (see `changed_something`).
    changed: bool = False

    def say(self, message):
        self.stdout.write(message)

    def changed_something(self, message):
        """Report a change the load made to the database."""
        self.changed = True
        self.say(message)

    def sync(self, key, digest, obj, create, update):
        """Create the object, or update it from changed files, unless an editor has changed it.

        Works for pages and for snippets with revisions. `obj` is the existing object or None;
        `create()` must return the new object with a revision (published, for a page);
        `update(obj)` must save a new revision (and publish it, for a page). Returns the object.
        """
        record = LoadedContent.objects.filter(key=key).first()
        if obj is None:
            obj = create()
            self.changed_something(f"  created {key}")
        elif record and record.digest == digest and not self.force:
            return obj
        elif (record is None or record.revision_id != obj.latest_revision_id) and not self.force:
            self.say(
                f"  kept {key}: it was edited in the admin since it was loaded; "
                "its file's changes were not applied (load_site --force overwrites)"
            )
            return obj
        else:
            update(obj)
            self.changed_something(f"  updated {key}")
        obj.refresh_from_db()
        LoadedContent.objects.update_or_create(
            key=key, defaults={"digest": digest, "revision_id": obj.latest_revision_id}
        )
        return obj

    def sync_page(self, key, digest, existing, parent, new, fill):
        """`sync` for a page loaded from files whose digest is `digest`: `new()` makes an
        unsaved page, `fill(page)` sets its fields; it is made under `parent`, and each
        change is published (loading a file publishes it)."""

        def create():
            page = new()
            fill(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            return page

        def update(page):
            fill(page)
            page.save_revision().publish()

        return self.sync(key, digest, existing, create, update)

    def sync_snippet(self, key, data, existing, new, fill, path):
        """`sync` for one item of a content file that becomes a snippet with revisions.

        `new()` makes an unsaved instance, `fill(obj)` sets its fields (and may raise
        ContentError); the instance is validated as the admin would, and an invalid item is
        reported with its file and key.
        """

        def save(obj):
            fill(obj)
            try:
                obj.full_clean(exclude=["translation_key", "latest_revision"])
            except ValidationError as error:
                raise ContentError(f"{path}: {key}: {_messages(error)}") from error
            obj.save()
            obj.save_revision(clean=False)
            return obj

        return self.sync(key, digest_data(data), existing, lambda: save(new()), save)

    def sync_set(self, key, data, queryset, objects):
        """Replace the plain objects of `queryset` (without revisions) by `objects`, made from
        `data`, when `data` changed since the last load, unless the objects in the database are
        no longer those that load left: an editor changed them in the admin, and they are kept.

        `objects` are (where, unsaved object) pairs; each is validated as the admin would, and
        an invalid one is reported with its file and item.
        """
        for where, obj in objects:
            try:
                obj.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                raise ContentError(f"{where}: {' '.join(error.messages)}") from error
        fields = [f.attname for f in queryset.model._meta.concrete_fields if not f.primary_key]

        def state():
            # A digest of the rows, folded into the record's integer field.
            return int(digest_data(sorted(queryset.values_list(*fields)))[:12], 16)

        record = LoadedContent.objects.filter(key=key).first()
        digest = digest_data(data)
        if record and record.digest == digest and not self.force:
            return
        if record and record.revision_id != state() and not self.force:
            self.say(f"  kept {key}: edited in the admin since it was loaded")
            return
        queryset.delete()
        queryset.model.objects.bulk_create([obj for _where, obj in objects])
        LoadedContent.objects.update_or_create(
            key=key, defaults={"digest": digest, "revision_id": state()}
        )
        self.changed_something(f"  loaded {key}: {len(objects)}")


def digest_data(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)
