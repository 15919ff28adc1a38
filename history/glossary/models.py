"""Glossary terms, the terms marked in the edition, and the glossary page."""

from .pages import GlossaryPage  # noqa: F401
from .terms import GlossaryTerm, TermMention  # noqa: F401
