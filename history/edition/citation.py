"""Citations of an edition, or of one of its segments."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from history.core.citations import Citation, Person

from .versions import cached_history


def edition_citation(request, page, version, item=None, edition_version=None):
    """The citation of `page` as read in `version`; of one segment when `item` is given.

    It names the edition's current version (or `edition_version`, an earlier one) and links to
    that version's own address, which keeps showing this text after later corrections."""
    url = request.build_absolute_uri(page.url)
    if edition_version is None:
        history = cached_history(page, request)
        edition_version = history[-1] if history else None
    number = str(edition_version.number) if edition_version else ""
    if number:
        url = f"{url}v/{number}/"
    if version.code != page.default_version(get_language()).code:
        url = f"{url}?version={version.code}"
    locator = ""
    if item is not None:
        url = f"{url}#{item.anchor}"
        locator = _("para. %(number)s") % {"number": item.number}
    author = None
    if page.author_family_name:
        author = Person(
            page.author_family_name, page.author_given_name, page.author_family_name_first
        )
    description = ""
    if page.issuing_body and author is not None:
        # The body passed on the author's report; a document of the body's own is its work.
        description = _("Forwarded by %(body)s") % {"body": page.issuing_body}
    primary = page.primary_date
    return Citation(
        title=page.title,
        original_title="" if page.original_title == page.title else page.original_title,
        url=url,
        date=primary.date if primary else page.first_published_at.date(),
        website=str(settings.WAGTAIL_SITE_NAME),
        author=author,
        organisation=page.issuing_body,
        description=description,
        translation=version.label,
        locator=locator,
        language=version.language,
        version=number,
        accessed=timezone.localdate(),
        version_date=edition_version.published if edition_version else None,
        translated=not version.is_original,
        gbt_type="A",  # an archival document, in GB/T 7714's types
    )
