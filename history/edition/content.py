"""Content loading for editions: `site/editions/<slug>/edition.yaml` and `text.yaml`."""

import datetime

from wagtail.models import Locale

from history.core.loading import ContentError, digest_files, read_yaml, require
from history.core.models import HomePage

from .models import (
    DateRole,
    DocumentDate,
    DocumentVersion,
    EditionPage,
    Segment,
    SegmentKind,
    VersionStatus,
)

TEXT_FIELDS = [
    "short_title", "original_title", "original_title_language", "content_note", "issuing_body",
    "author_family_name", "author_given_name", "author_name_original", "author_role",
    "addressees", "distribution", "original_language", "summary", "source", "rights",
    "search_description",
]  # fmt: skip


def load(loader):
    home = HomePage.objects.get(locale=Locale.get_default())
    for folder in sorted((loader.content_dir / "editions").iterdir()):
        if folder.is_dir():
            load_edition(loader, home, folder)


def load_edition(loader, home, folder):
    meta_path, text_path = folder / "edition.yaml", folder / "text.yaml"
    meta, segments = read_yaml(meta_path), read_yaml(text_path)
    slug = require(meta, "slug", meta_path)
    versions = [_version(item, meta_path) for item in require(meta, "versions", meta_path, list)]
    dates = [_date(item, meta_path) for item in require(meta, "dates", meta_path, list)]
    codes = {version.code for version in versions}
    if not isinstance(segments, list):
        raise ContentError(f"{text_path}: should be a list of segments")
    segments = [_segment(item, index, codes, text_path) for index, item in enumerate(segments)]
    anchors = [segment.anchor for segment in segments]
    repeated = sorted({anchor for anchor in anchors if anchors.count(anchor) > 1})
    if repeated:
        raise ContentError(f"{text_path}: anchors repeated: {', '.join(repeated)}")

    def fill(page):
        page.title = require(meta, "title", meta_path)
        for field in TEXT_FIELDS:
            if field in meta:
                setattr(page, field, meta[field] or "")
        page.author_family_name_first = bool(meta.get("author_family_name_first", True))
        page.show_in_menus = bool(meta.get("show_in_menus", True))
        page.set_children(versions=versions, dates=dates, segments=segments)

    def create():
        page = EditionPage(slug=slug, locale=home.locale)
        fill(page)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(page):
        fill(page)
        page.save_revision().publish()

    existing = EditionPage.objects.filter(slug=slug, locale=home.locale).first()
    key = f"editions/{folder.name}"
    loader.sync_page(key, digest_files(meta_path, text_path), existing, create, update)


def _version(item, path):
    status = require(item, "status", path)
    if status not in VersionStatus.values:
        raise ContentError(
            f"{path}: version status “{status}” is not one of {VersionStatus.values}"
        )
    return DocumentVersion(
        code=require(item, "code", path),
        language=require(item, "language", path),
        label=require(item, "label", path),
        status=status,
        translator=item.get("translator") or "",
        provenance=require(item, "provenance", path),
    )


def _date(item, path):
    role = require(item, "role", path)
    if role not in DateRole.values:
        raise ContentError(f"{path}: date role “{role}” is not one of {DateRole.values}")
    value = require(item, "date", path, datetime.date)
    return DocumentDate(role=role, date=value, label=require(item, "label", path))


def _segment(item, index, codes, path):
    where = f"{path} (segment {index + 1})"
    anchor = require(item, "anchor", where)
    kind = require(item, "kind", where)
    if kind not in SegmentKind.values:
        raise ContentError(f"{where}: kind “{kind}” is not one of {SegmentKind.values}")
    texts = item.get("texts") or {}
    run_in = item.get("run_in") or []
    unknown = (set(texts) | set(run_in)) - codes
    if unknown:
        raise ContentError(f"{where}: unknown version(s) {sorted(unknown)}; known: {sorted(codes)}")
    stream = [
        ("text", {"version": code, "text": text, "run_in": code in run_in})
        for code, text in texts.items()
    ]
    return Segment(
        anchor=anchor,
        kind=kind,
        texts=stream,
        anatomy_note=item.get("anatomy_note", ""),
        alignment_note=item.get("alignment_note", ""),
    )
