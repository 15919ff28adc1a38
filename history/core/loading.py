"""Loading the site's content from files in `site/` into Wagtail.

The loader is idempotent: it remembers the digest of each file it loaded and the revision it
made. A file that has not changed is skipped; a changed file updates its page only if no one
has edited the page since the last load, so an editor's work in the admin is never overwritten
(unless the loader is forced).
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.core.management.base import CommandError

from .models import LoadedContent


class ContentError(CommandError):
    """A content file is malformed; the message names the file and the field."""


def read_yaml(path):
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as error:
        raise ContentError(f"{path}: file not found") from error
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: not valid YAML: {error}") from error


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

    def say(self, message):
        self.stdout.write(message)

    def sync_page(self, key, digest, page, create, update):
        """Create the page, or update it from changed files, unless an editor has changed it.

        `page` is the existing page or None; `create()` must return the new, published page;
        `update(page)` must publish the updated page. Returns the page.
        """
        record = LoadedContent.objects.filter(key=key).first()
        if page is None:
            page = create()
            self.say(f"  created {key}")
        elif record and record.digest == digest and not self.force:
            return page
        elif (record is None or record.revision_id != page.latest_revision_id) and not self.force:
            self.say(
                f"  kept {key}: it was edited in the admin since it was loaded; "
                "its file's changes were not applied (load_site --force overwrites)"
            )
            return page
        else:
            update(page)
            self.say(f"  updated {key}")
        page.refresh_from_db()
        LoadedContent.objects.update_or_create(
            key=key, defaults={"digest": digest, "revision_id": page.latest_revision_id}
        )
        return page
