"""The people the documents and essays name, where editors have marked them in the editions'
text, and the index of people."""

from .pages import PeoplePage  # noqa: F401
from .persons import Person, PersonMention  # noqa: F401
