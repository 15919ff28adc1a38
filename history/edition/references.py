"""A reference to one paragraph of an edition, as essays and lessons store it.

The stored form is a string, "12:p8": the edition page's id and the segment's anchor. Anchors
never change (see `EditionPage.assign_anchors`), so a reference outlives edits of the text.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ParagraphRef:
    page_id: int
    anchor: str

    @classmethod
    def parse(cls, value):
        """The reference `value` names (a stored string, or a reference already), or None if
        it names none."""
        if isinstance(value, cls):
            return value
        page_id, _colon, anchor = str(value or "").partition(":")
        if not page_id.isdigit() or not anchor:
            return None
        return cls(int(page_id), anchor)

    def __str__(self):
        return f"{self.page_id}:{self.anchor}"
