"""Lists of snippets in content files (places, figures, events, glossary terms, source
records), each described once and loaded and written back by the same two functions.

A `SnippetList` says where its file is, which model its items become, and its fields in the
order the file gives them: a `Field` is copied between the file and the model field of the
same name (as text, rich text, a flag, a choice or a value); a bare name is a field of the
file that the list's app reads and writes itself (a link to another object, a date, a point).

Each item has a unique `key`, stored in the model's `key_field`. It names the item's load,
its translation key unless the item gives one (`translation_key`, for an item made or renamed
in the admin), and its strings in `translations/<language>/<name>.po`: `msgctxt "<key>:<field>"`.
"""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from wagtail.models import Locale

from .file_order import existing_items
from .loading import ContentError, item_translation_key, read_yaml, require, stable_key
from .prose import read_rich_field, write_rich
from .translating import load_collection_translations


@dataclass(frozen=True)
class Field:
    """A field of an item that the model stores as the file gives it.

    `required`: the item must give it. `choices`: the values it may take. `rich`: rich text
    (see prose.py). `flag`: true or false. `default`: its value when the item leaves it out.
    `omitted_when_empty`: an export leaves it out of the item when it is empty. `validators`:
    the model field's validators, which a value given in the file must pass."""

    name: str
    required: bool = False
    choices: tuple = ()
    rich: bool = False
    flag: bool = False
    default: object = ""
    kind: type = str
    omitted_when_empty: bool = False
    validators: tuple = ()

    def read(self, item, where):
        if self.rich:
            return read_rich_field(item, self.name, where)
        if self.flag:
            return bool(item.get(self.name))
        value = require(item, self.name, where, self.kind) if self.required else None
        if value is None:
            value = item.get(self.name)
        if value in (None, ""):
            value = self.default
        if self.choices and (value or self.required) and value not in self.choices:
            raise ContentError(
                f"{where}: {self.name} “{value}” is not one of {sorted(self.choices)}"
            )
        for validate in self.validators if value not in (None, "") else ():
            try:
                validate(str(value))
            except ValidationError as error:
                raise ContentError(f"{where}: {self.name}: {error.messages[0]}") from error
        return str(value) if isinstance(self.default, str) and value is not None else value

    def write(self, obj):
        value = getattr(obj, self.name)
        return write_rich(value) if self.rich else value


@dataclass(frozen=True)
class SnippetList:
    """A content file listing snippets of `model` (see the module's docstring)."""

    name: str
    model: type
    fields: tuple
    key_field: str = "slug"
    translated: bool = True
    # Fields of the file that are not the item's data (its digest leaves them out).
    not_data: tuple = ()

    @property
    def file(self):
        return f"{self.name}.yaml"

    def derived_key(self, key):
        return stable_key(self.name, key)


def read_items(path, what="items"):
    """The list of items of the file `path`, which must be a list."""
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of {what}")
    return items


def load_snippet_list(loader, kind, fill=None, items=None, path=None):
    """Create or update a snippet for each item of `kind`'s file (or of `items`, read from
    `path`), in the file's order, then load their translations. `fill(obj, item, where,
    loaded)` sets the fields that are not `Field`s; `loaded` is {key: snippet} of the items
    before this one. Returns {key: snippet}."""
    path = path or loader.content_dir / kind.file
    if items is None:
        items = read_items(path)
    locale = Locale.get_default()
    loaded = {}
    for number, item in enumerate(items, start=1):
        key = require(item, "key", f"{path} (item {number})")
        if key in loaded:
            raise ContentError(f"{path}: key “{key}” is used twice")
        where = f"{path}: {key}"

        def fill_item(obj, item=item, key=key, where=where):
            setattr(obj, kind.key_field, key)
            for field in kind.fields:
                if isinstance(field, Field):
                    setattr(obj, field.name, field.read(item, where))
            if fill:
                fill(obj, item, where, loaded)

        if kind.translated:
            translation_key = item_translation_key(item, where, kind.name, key)
            lookup = {"locale": locale, "translation_key": translation_key}
        else:
            lookup = {kind.key_field: key}
        existing = kind.model.objects.filter(**lookup).first()
        data = {field: value for field, value in item.items() if field not in kind.not_data}
        loaded[key] = loader.sync_snippet(
            f"{kind.name}/{key}",
            data,
            existing,
            partial(kind.model, **lookup),
            fill_item,
            path,
        )
    if kind.translated:
        load_collection_translations(loader, kind.name, loaded)
    return loaded


def export_snippet_list(exporter, kind, objects, data=None):
    """Write `objects` to `kind`'s file as `load_snippet_list` reads them, and their
    translations. `data(obj, written)` gives the fields that are not `Field`s; `written` is
    the object's item in the file as it stands (lists that the database keeps as sets keep
    its order: see file_order.py)."""
    if objects or exporter.path(kind.file).exists():
        written = existing_items(exporter, kind.file)
        items = []
        for obj in objects:
            key = getattr(obj, kind.key_field)
            item = {"key": key}
            if kind.translated and obj.translation_key != kind.derived_key(key):
                item["translation_key"] = str(obj.translation_key)
            own = data(obj, written.get(key, {})) if data else {}
            for field in kind.fields:
                if isinstance(field, Field):
                    value = field.write(obj)
                    if value or not field.omitted_when_empty:
                        item[field.name] = value
                elif field in own:
                    item[field] = own[field]
            items.append(item)
        exporter.write_yaml(kind.file, items)
    if kind.translated:
        objects = {getattr(obj, kind.key_field): obj for obj in objects}
        exporter.collection_translations(kind.name, objects)
