"""Groups and their permissions as a content file, `site/groups.yaml`:

    - name: Teachers
      permissions: [wagtailadmin.access_admin]          # app_label.codename
      pages:                                            # pages by content key (`/` is the root)
        - {page: lessons/index, language: en, permissions: [add_page, publish_page]}
      collections:                                      # collections by name
        - {collection: Root, permissions: [wagtailimages.add_image]}

Loaded after every app's content (page permissions name pages of any app), once the site's
roles are set up (`roles.py`). A group the file lists gets exactly the permissions it lists,
when the file changed since the last load and no one changed the groups in the admin since
(their work is kept, as with pages).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from .exporting import Inline
from .loading import ContentError, digest_data, read_yaml, require, stable_key
from .models import LoadedContent
from .roles import ensure_roles, permission, remove_wagtail_moderators

FILE = "groups.yaml"
ROOT = "/"


def load_groups(loader):
    ensure_roles()
    members = remove_wagtail_moderators()
    if members is not None:
        held = f" (its members were: {', '.join(members)})" if members else ""
        loader.say(f"  removed Wagtail's default Moderators group{held}")
    path = loader.content_dir / FILE
    if not path.exists():
        return
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of groups")
    digest = digest_data(items)
    record = LoadedContent.objects.filter(key="groups").first()
    if record and record.digest == digest and not loader.force:
        return
    if record and record.revision_id != _state() and not loader.force:
        loader.say("  kept groups: edited in the admin since they were loaded")
        return
    pages = _pages_by_key()
    for number, item in enumerate(items, start=1):
        _load_group(item, f"{path} (group {number})", pages)
    LoadedContent.objects.update_or_create(
        key="groups", defaults={"digest": digest, "revision_id": _state()}
    )
    loader.say(f"  loaded groups: {len(items)}")


def _load_group(item, where, pages):
    group, _created = Group.objects.get_or_create(name=require(item, "name", where))
    where = f"{where}: {group.name}"
    group.permissions.set([_permission(name, where) for name in item.get("permissions") or []])
    GroupPagePermission.objects.filter(group=group).delete()
    for grant in item.get("pages") or []:
        key = require(grant, "page", where)
        language = str(grant.get("language") or "")
        page = pages.get((key, language)) or pages.get((key, ""))
        if page is None:
            raise ContentError(f"{where}: no page “{key}” ({language or 'any language'})")
        for codename in grant.get("permissions") or []:
            GroupPagePermission.objects.create(
                group=group, page=page, permission=_permission(f"wagtailcore.{codename}", where)
            )
    GroupCollectionPermission.objects.filter(group=group).delete()
    for grant in item.get("collections") or []:
        name = require(grant, "collection", where)
        collection = Collection.objects.filter(name=name).first()
        if collection is None:
            raise ContentError(f"{where}: no collection “{name}”")
        for codename in grant.get("permissions") or []:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=collection,
                permission=_permission(codename, where),
            )


def _permission(name, where):
    try:
        return permission(name)
    except Permission.DoesNotExist:
        raise ContentError(f"{where}: no permission “{name}”") from None


def _pages_by_key():
    """{(content key, language): page} for the pages content files made, and the root."""
    pages = {(ROOT, ""): Page.get_first_root_node()}
    keys = _content_keys()
    for page in Page.objects.filter(depth__gt=1).select_related("locale"):
        key = keys.get(page.translation_key)
        if key:
            pages[(key, page.locale.language_code)] = page
    return pages


def _content_keys():
    """{translation key: content key} of the pages content files made: each page's key is
    `stable_key(content key)`, except the home page's."""
    keys = {stable_key(key): key for key in LoadedContent.objects.values_list("key", flat=True)}
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site:
        keys[site.root_page.translation_key] = "home"
    return keys


def _state():
    """A digest of every group's permissions, folded into the record's integer field."""
    return int(digest_data(export_groups_data())[:12], 16)


def export_groups(exporter):
    exporter.write_yaml(FILE, export_groups_data())


def export_groups_data():
    keys = _content_keys()
    items = []
    for group in Group.objects.order_by("name"):
        item = {"name": group.name}
        permissions = group.permissions.select_related("content_type")
        item["permissions"] = sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in permissions
        )
        pages = {}
        grants = GroupPagePermission.objects.filter(group=group).select_related(
            "page__locale", "permission"
        )
        for grant in grants.order_by("page__path", "permission__codename"):
            page = grant.page
            key = ROOT if page.depth == 1 else keys.get(page.translation_key)
            if key is None:
                continue  # a page that content files do not name (made in the admin)
            language = "" if page.depth == 1 else page.locale.language_code
            entry = pages.setdefault((key, language), Inline(page=key))
            if language:
                entry["language"] = language
            entry.setdefault("permissions", []).append(grant.permission.codename)
        item["pages"] = list(pages.values())
        collections = {}
        grants = GroupCollectionPermission.objects.filter(group=group).select_related(
            "collection", "permission"
        )
        grants = grants.select_related("permission__content_type")
        for grant in grants.order_by("collection__path", "permission__codename"):
            entry = collections.setdefault(
                grant.collection_id, Inline(collection=grant.collection.name)
            )
            permission = grant.permission
            name = f"{permission.content_type.app_label}.{permission.codename}"
            entry.setdefault("permissions", []).append(name)
        item["collections"] = list(collections.values())
        items.append({k: v for k, v in item.items() if v not in ([], None)})
    return items
