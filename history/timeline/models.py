"""Timeline events and the timeline page."""

from .events import Event  # noqa: F401
from .pages import TimelinePage  # noqa: F401
