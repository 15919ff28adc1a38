from django import template

from ..cross_references import link_references

register = template.Library()


@register.filter
def term_links(html, glossary_url=""):
    """Cross-references in a term's note, as links (see cross_references.py)."""
    return link_references(html, glossary_url)
