"""The order of lists that the database keeps as sets.

The loader makes a many-to-many relation (an event's places, a term's sources) from a list in
a content file; the database does not keep its order. An export writes such a list in the
order the existing file gives it, so that it does not reorder what an editor wrote; entries
added since follow in the order given."""

from .loading import ContentError, read_yaml


def existing_items(exporter, relative):
    """{key: item} of the list of keyed items in the file `relative` as it stands (empty if it
    is absent or unreadable)."""
    path = exporter.path(relative)
    if not path.exists():
        return {}
    try:
        items = read_yaml(path)
    except ContentError:
        return {}
    if not isinstance(items, list):
        return {}
    return {item["key"]: item for item in items if isinstance(item, dict) and "key" in item}


def in_file_order(keys, written):
    """`keys` in the order of the list `written` (from the existing file), then the others."""
    keys = list(keys)
    written = written if isinstance(written, list) else []
    first = [key for key in dict.fromkeys(written) if key in keys]
    return first + [key for key in keys if key not in first]
