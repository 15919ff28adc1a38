"""Who may see a page and who owns it, as a content file, `site/access.yaml`:

    - page: /en/lessons/a-private-lesson/     # the page's address
      owner: ana                              # a username
      restriction: password                   # or `login`, or `groups`
      password: the-class-password            # as Wagtail keeps it, so it comes back the same
    - page: /en/lessons/for-teachers/
      restriction: groups
      groups: [Teachers]

It lists the pages that have a view restriction of their own or an owner (stand-ins follow
their source: see `stand_ins.py`). Keep it out of public copies of the content: it holds page
passwords.

Loaded after every app's content, in the same transaction, so a private page is never public
in between. When the file changed since the last load, the pages it lists get its restrictions
and owners; otherwise it only gives them to listed pages that have none (a page made again from
its file), so a load never makes a listed page public. An owner without an account here is
reported and the page left without one: it keeps its restriction, and editors manage it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from .loading import ContentError, digest_data, read_yaml, require
from .models import LoadedContent
from .stand_ins import follow

FILE = "access.yaml"
RESTRICTIONS = [choice for choice, _label in PageViewRestriction.RESTRICTION_CHOICES]


def export_access(exporter):
    exporter.write_yaml(FILE, export_access_data())


def export_access_data():
    restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    pages = Page.objects.filter(alias_of__isnull=True, depth__gt=1).select_related("owner")
    items = []
    for page in pages.order_by("path"):
        if page.pk not in restricted and page.owner is None:
            continue
        address = _address(page)
        if address is None:
            continue
        item = {"page": address}
        if page.owner is not None:
            item["owner"] = page.owner.get_username()
        restriction = page.view_restrictions.order_by("pk").first()
        if restriction is not None:
            item["restriction"] = restriction.restriction_type
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                item["password"] = restriction.password
            if restriction.restriction_type == PageViewRestriction.GROUPS:
                item["groups"] = sorted(restriction.groups.values_list("name", flat=True))
        items.append(item)
    return items


def load_access(loader):
    path = loader.content_dir / FILE
    if not path.exists():
        return
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of pages")
    digest = digest_data(items)
    record = LoadedContent.objects.filter(key="access").first()
    changed = loader.force or record is None or record.digest != digest
    pages = {
        _address(page): page
        for page in Page.objects.filter(alias_of__isnull=True, depth__gt=1).specific()
    }
    for number, item in enumerate(items, start=1):
        where = f"{path} (page {number})"
        address = require(item, "page", where)
        page = pages.get(address)
        if page is None:
            loader.say(f"  {FILE}: no page {address} here; its access was not applied")
            continue
        _load_restriction(item, f"{where}: {address}", page, changed, loader)
        _load_owner(item, page, changed, loader)
        follow(page.pk)
    LoadedContent.objects.update_or_create(key="access", defaults={"digest": digest})
    loader.say(f"  loaded access: {len(items)} pages")


def _load_restriction(item, where, page, changed, loader):
    kind = item.get("restriction")
    if not kind:
        return
    if kind not in RESTRICTIONS:
        raise ContentError(f"{where}: restriction “{kind}” is not one of {RESTRICTIONS}")
    if not changed and page.view_restrictions.exists():
        return
    password = str(item.get("password") or "")
    if kind == PageViewRestriction.PASSWORD and not password:
        raise ContentError(f"{where}: missing field “password”")
    names = item.get("groups") or []
    groups = list(Group.objects.filter(name__in=names))
    for missing in sorted(set(names) - {group.name for group in groups}):
        loader.say(f"  {FILE}: {page.url}: no group “{missing}” here (the page stays private)")
    page.view_restrictions.all().delete()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=password
    )
    restriction.groups.set(groups)


def _load_owner(item, page, changed, loader):
    username = item.get("owner")
    if not username or (page.owner_id and not changed):
        return
    owner = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
    if owner is None:
        loader.say(
            f"  {FILE}: {page.url}: no account “{username}” here; the page keeps no owner "
            "(editors manage it; make the account and load again to give it back)"
        )
        return
    Page.objects.filter(pk=page.pk).update(owner=owner)


def _address(page):
    """The page's address on its site, with its language prefix: `/en/lessons/…/` (None for
    a page outside every site)."""
    parts = page.get_url_parts()
    return parts[2] if parts else None
