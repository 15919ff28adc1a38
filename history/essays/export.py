"""Writing the essays back to files: `essays/essays.yaml` (the index and its essays in tree
order), one `essays/<slug>.yaml` per essay and their translations, in the format `content.py`
reads.

What is exported is what visitors see: the published content of live essays. Drafts and
unpublished changes stay in the database (loading a file publishes it).
"""

from wagtail.images import get_image_model
from wagtail.models import Locale

from history.core.exporting import Keys, write_page_yaml
from history.core.images import image_key
from history.core.loading import stable_key
from history.core.prose import write_rich
from history.edition.models import EditionPage
from history.edition.passages import parse_paragraph

from .content import DEFAULT_EDITION, block_ids
from .pages import EssayIndexPage, EssayPage


def export(exporter):
    index = EssayIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return
    essays = list(EssayPage.objects.child_of(index).live().order_by("path"))
    data = {"slug": index.slug, "title": index.title, "show_in_menus": index.show_in_menus}
    if index.search_description:
        data["search_description"] = index.search_description
    data["intro"] = index.intro
    data["essays"] = [essay.slug for essay in essays]
    exporter.write_yaml("essays/essays.yaml", data)
    exporter.page_translations("essays/index", index)
    editions = dict(EditionPage.objects.values_list("pk", "slug"))
    for essay in essays:
        write_page_yaml(exporter, f"essays/{essay.slug}.yaml", essay_data(essay, editions))
        exporter.page_translations(f"essays/{essay.slug}", essay)


def essay_data(essay, editions):
    data = {"slug": essay.slug, "title": essay.title}
    if essay.translation_key != stable_key(f"essays/{essay.slug}"):
        data["translation_key"] = str(essay.translation_key)
    data["standfirst"] = essay.standfirst
    data["author"] = essay.author
    data["date"] = essay.date
    _optional(data, essay, "content_note", "search_description", "seo_title")
    if essay.show_in_menus:
        data["show_in_menus"] = True
    if essay.hero_image_id:
        data["hero_image"] = image_key(essay.hero_image)
    _optional(data, essay, "hero_caption", "hero_credit", "hero_licence")
    data["body"] = body_items(essay, editions)
    footnotes = {}
    for footnote in essay.footnotes.all():
        note = {"text": write_rich(footnote.text)}
        derived = stable_key("essays", essay.slug, "footnote", footnote.key)
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
    edition_id, anchor = parse_paragraph(raw["paragraph"])
    item = {"type": "quote"}
    if editions.get(edition_id, DEFAULT_EDITION) != DEFAULT_EDITION:
        item["edition"] = editions[edition_id]
    item["anchor"] = anchor
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
