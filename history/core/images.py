"""Images as content files: `site/images/images.yaml` lists each image's file (in the same
folder), its title and its alt text (`description`).

Content files name an image by its file name there (its `ImageKey`); an image uploaded in the
admin is exported under the name of its stored file.
"""

import hashlib
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

from .loading import ContentError, digest_data, digest_files, read_yaml, require
from .models import ImageKey, LoadedContent

FOLDER = "images"
# The renditions the site's templates ask for ({% picture %} in essays), made by the loader so
# that no visitor waits for them.
RENDITIONS = [f"width-{w}|format-{f}" for w in (640, 1200) for f in ("avif", "webp", "jpeg")]


def image_key(image):
    """How content files name `image`."""
    known = ImageKey.objects.filter(image=image).values_list("key", flat=True).first()
    return known or PurePosixPath(image.file.name).name


def image_for(key, where):
    """The image that content files call `key`; a ContentError naming `where` if none."""
    image = get_image_model().objects.filter(content_key__key=key).first()
    if image is None:
        raise ContentError(f"{where}: no image “{key}” in {FOLDER}/")
    return image


def load_images(loader):
    path = loader.content_dir / FOLDER / "images.yaml"
    if not path.exists():
        return
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of images")
    for number, item in enumerate(items, start=1):
        where = f"{path} (image {number})"
        name = require(item, "file", where)
        file_path = path.parent / name
        if PurePosixPath(name).name != name or not file_path.is_file():
            raise ContentError(f"{where}: file “{name}” is not in {path.parent}")
        _sync_image(loader, item, name, file_path, where)


def _sync_image(loader, item, name, file_path, where):
    key = f"{FOLDER}/{name}"
    digest = digest_data({"item": item, "file": digest_files(file_path)})
    record = LoadedContent.objects.filter(key=key).first()
    image = get_image_model().objects.filter(content_key__key=name).first()
    if image is not None and record and record.digest == digest and not loader.force:
        return
    if image is None:
        image = get_image_model()(file=ContentFile(file_path.read_bytes(), name=name))
    elif digest_files(file_path) != _digest_of(image):
        image.file.delete(save=False)
        image.file = ContentFile(file_path.read_bytes(), name=name)
    image.title = require(item, "title", where)
    image.description = str(item.get("description") or "")
    image._set_image_file_metadata()
    image.save()
    ImageKey.objects.update_or_create(image=image, defaults={"key": name})
    for spec in RENDITIONS:
        image.get_rendition(Filter(spec))
    LoadedContent.objects.update_or_create(key=key, defaults={"digest": digest})
    loader.changed_something(f"  loaded {key}")


def _digest_of(image):
    with image.open_file() as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def export_images(exporter):
    items, names = [], set()
    for image in get_image_model().objects.order_by("pk"):
        name = image_key(image)
        if name in names:  # two uploads of files with the same name
            name = f"{image.pk}-{name}"
        names.add(name)
        try:
            with image.open_file() as handle:
                exporter.write_bytes(Path(FOLDER) / name, handle.read())
        except SourceImageIOError as error:
            raise CommandError(
                f"image “{image.title}” ({name}): file not found ({error})"
            ) from error
        item = {"file": name, "title": image.title}
        if image.description:
            item["description"] = image.description
        items.append(item)
    if items:
        exporter.write_yaml(Path(FOLDER) / "images.yaml", items)
