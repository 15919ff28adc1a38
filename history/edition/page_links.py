"""Links to pages in rich text, as content files write them.

Wagtail stores a link to a page by the page's id (`<a linktype="page" id="42">`), which another
database does not share. The files name the page by its path under the home page instead
(`<a linktype="page" path="/essays/the-1952-campaign/">`), and loading turns the path back into
the id of the page there.
"""

import re

from wagtail.models import Page

OPENING_TAG = re.compile(r"<a\b[^>]*>")
ATTRIBUTE = re.compile(r'\b([\w-]+)="([^"]*)"')


def _attributes(tag):
    return dict(ATTRIBUTE.findall(tag))


def paths_for_ids(html, home):
    """`html` as stored, with its page links naming pages by path."""
    paths = {}

    def rewrite(match):
        attributes = _attributes(match.group(0))
        if attributes.get("linktype") != "page" or not attributes.get("id", "").isdigit():
            return match.group(0)
        page_id = int(attributes["id"])
        if page_id not in paths:
            page = Page.objects.filter(pk=page_id).first()
            paths[page_id] = _relative_path(page, home)
        if paths[page_id] is None:  # the page was deleted: Wagtail shows the words unlinked
            return match.group(0)
        return f'<a linktype="page" path="{paths[page_id]}">'

    return OPENING_TAG.sub(rewrite, html or "")


def ids_for_paths(html, home, loader, where):
    """`html` from a file, with its page links naming pages by id, as Wagtail stores them.

    A page that is not loaded yet (content loads app by app) is linked by its address instead.
    """

    def rewrite(match):
        attributes = _attributes(match.group(0))
        if attributes.get("linktype") != "page" or "path" not in attributes:
            return match.group(0)
        path = attributes["path"].strip("/")
        url_path = f"{home.url_path}{path}/" if path else home.url_path
        page = Page.objects.filter(url_path=url_path, locale=home.locale).first()
        if page is not None:
            return f'<a linktype="page" id="{page.pk}">'
        address = f"{home.url or '/'}{path}/" if path else home.url or "/"
        loader.say(f"  {where}: {attributes['path']} is not loaded yet; linked as {address}")
        return f'<a href="{address}">'

    return OPENING_TAG.sub(rewrite, html or "")


def _relative_path(page, home):
    if page is None or not page.url_path.startswith(home.url_path):
        return None
    return "/" + page.url_path[len(home.url_path) :]
