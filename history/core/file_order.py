"""The order of what an export writes.

The loader makes a many-to-many relation (an event's places, a term's sources) from a list in
a content file; the database does not keep its order. An export writes such a list in the
order the existing file gives it, so that it does not reorder what an editor wrote; entries
added since follow in the order given.

An item that names another item of its file (a place the place it is part of, a source record
the collection it was published in) comes after it, as the loader needs."""

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


def parents_first(objects, parent_id):
    """`objects` in their order, each after the object `parent_id(obj)` names (the primary
    key of another of them, or None). Objects whose parent is not among them, or that form a
    loop, come last, in their order."""
    ordered, written, pending = [], set(), list(objects)
    while pending:
        waiting = []
        for obj in pending:
            if parent_id(obj) is None or parent_id(obj) in written:
                ordered.append(obj)
                written.add(obj.pk)
            else:
                waiting.append(obj)
        if len(waiting) == len(pending):
            return ordered + waiting
        pending = waiting
    return ordered
