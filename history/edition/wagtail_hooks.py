from wagtail import hooks

from . import related
from .linked_passages import linked_passages

hooks.register(related.PASSAGE_LINKS, linked_passages)
