"""Blocks shared by the apps' stream fields."""

from wagtail import blocks


class StoredChoiceBlock(blocks.ChoiceBlock):
    """A choice whose options come from the database: they are read when an editor's form is
    built, not each time a stored value is read (as ChoiceBlock would, to normalise it).

    Its options are content, not schema: migrations record the block without them, so they
    never import the function that reads them."""

    def to_python(self, value):
        return value

    def get_searchable_content(self, value):
        return []  # a stored key, not words (and its labels would cost queries)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        if callable(kwargs.get("choices")):
            kwargs = {key: value for key, value in kwargs.items() if key != "choices"}
        return path, args, kwargs
