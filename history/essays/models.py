"""Essays, their footnotes, and the essays index."""

from .footnotes import EssayFootnote  # noqa: F401
from .pages import EssayIndexPage, EssayPage  # noqa: F401
