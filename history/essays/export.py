"""Writing the essays back to files: `essays/essays.yaml` (the index and its essays in tree
order), one `essays/<slug>.yaml` per essay and their translations, in the format `content.py`
reads.

What is exported is what visitors see: the published content of live essays. Drafts and
unpublished changes stay in the database (loading a file publishes it).
"""

from wagtail.images import get_image_model

from history.core.exporting import Keys
from history.core.images import image_key
from history.core.loading import stable_key
from history.core.prose import write_rich
from history.core.simple_pages import export_page_folder
from history.edition.models import EditionPage
from history.edition.references import ParagraphRef

from .content import DEFAULT_EDITION, ESSAYS, block_ids, footnote_key


def export(exporter):
    editions = dict(EditionPage.objects.values_list("pk", "slug"))
    export_page_folder(exporter, ESSAYS, lambda essay: essay_data(essay, editions))


def essay_data(essay, editions):
    """An essay's own fields, as `content.essay_fields` reads them."""
    data = {"standfirst": essay.standfirst, "author": essay.author, "date": essay.date}
    _optional(data, essay, "content_note")
    if essay.hero_image_id:
        data["hero_image"] = image_key(essay.hero_image)
    _optional(data, essay, "hero_caption", "hero_credit", "hero_licence")
    data["body"] = body_items(essay, editions)
    footnotes = {}
    for footnote in essay.footnotes.all():
        note = {"text": write_rich(footnote.text)}
        derived = stable_key(*footnote_key(essay.slug, footnote.key))
        if footnote.translation_key != derived:
            note["translation_key"] = str(footnote.translation_key)
        note["sources"] = Keys(block.value.key for block in footnote.sources if block.value)
        footnotes[footnote.key] = note
    if footnotes:
        data["footnotes"] = footnotes
    further = Keys(block.value.key for block in essay.bibliography if block.value)
    if further:
        data["bibliography"] = further
    return data


def _optional(data, page, *fields):
    for field in fields:
        if getattr(page, field):
            data[field] = getattr(page, field)


def body_items(essay, editions):
    """The body's blocks as file items, each with its `id:` where it would not derive from
    the item (a block made or changed in the admin)."""
    images = {image.pk: image for image in get_image_model().objects.all()}
    blocks = [
        block
        for block in essay.body.raw_data
        if block["type"] != "image" or block["value"].get("image") in images
    ]
    items = [_item(block["type"], block["value"], editions, images) for block in blocks]
    ids = [block["id"] for block in blocks]
    while True:
        # Adding an id takes an item out of the count that tells identical items apart, so
        # the ids of the others are derived again until all agree.
        derived = block_ids(items, essay.slug)
        missing = [n for n, item in enumerate(items) if "id" not in item and derived[n] != ids[n]]
        if not missing:
            return items
        for n in missing:
            items[n] = {"type": items[n]["type"], "id": ids[n], **items[n]}


def _item(kind, raw, editions, images):
    if kind == "paragraph":
        return {"type": kind, "text": write_rich(raw)}
    if kind == "heading":
        return {"type": kind, "text": raw}
    if kind == "callout":
        return {"type": kind, "title": raw["title"], "text": write_rich(raw["text"])}
    if kind == "quote":
        return _quote(raw, editions)
    if kind == "image":
        return _image(raw, images)
    raise ValueError(f"essay block “{kind}” has no file format")


def _quote(raw, editions):
    ref = ParagraphRef.parse(raw["paragraph"])
    item = {"type": "quote"}
    if editions.get(ref.page_id, DEFAULT_EDITION) != DEFAULT_EDITION:
        item["edition"] = editions[ref.page_id]
    item["anchor"] = ref.anchor
    if raw.get("version"):
        item["version"] = raw["version"]
    if raw.get("comment"):
        item["comment"] = write_rich(raw["comment"])
    return item


def _image(raw, images):
    """The image by its file name, the caption in the shorthand where it can be; the block's
    other fields as stored."""
    item = {"type": "image", "image": image_key(images[raw["image"]])}
    for field, stored in raw.items():
        if field == "caption" and stored:
            item[field] = write_rich(stored)
        elif field != "image" and stored not in ("", None):
            item[field] = stored
    return item
