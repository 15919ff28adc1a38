"""The edition's versions in its reader's templates: the current one, and the paragraphs that
earlier versions had and the current text has not."""

from django import template

from .. import version_views
from ..versions import cached_history

register = template.Library()


@register.simple_tag(takes_context=True)
def current_edition_version(context, page):
    """The edition's latest version, or None if it has none yet."""
    history = cached_history(page, context.get("request"))
    return history[-1] if history else None


@register.simple_tag(takes_context=True)
def removed_paragraphs(context, page):
    """[(anchor, last version that has it, version that removed it)]."""
    return version_views.removed_paragraphs(page, context.get("request"))
