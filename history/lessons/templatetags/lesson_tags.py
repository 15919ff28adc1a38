from django import template

from history.core.localized import localized
from history.glossary.terms import GlossaryTerm

from ..blocks import SKILLS

register = template.Library()


@register.filter
def skill_label(code):
    return SKILLS.get(code, "")


@register.filter
def in_reader_language(terms):
    """Chosen glossary terms in the reader's language (one query), in the order chosen."""
    keys = [term.translation_key for term in terms if term]
    found = {
        t.translation_key: t
        for t in localized(GlossaryTerm.objects.filter(translation_key__in=keys))
    }
    return [found[key] for key in keys if key in found]
