"""The public history of an edition's text: the one place its changes are listed.

Every download that names the state of the text (the TEI's revisionDesc, the API's
`changes`) reads `changes()`: the edition's numbered versions (`versions.py`) with the
editors' descriptions, newest first. The change log shows what changed from one version to
the next paragraph by paragraph (`paragraph_changes`): two snapshots are compared by anchor,
which is never reused, so a paragraph is added, removed, or has its text changed in some
document versions, or its notes changed. The ¶ numbers are those of the version that has the
paragraph (the earlier one for a removal).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from .versions import cached_history


@dataclass(frozen=True)
class Change:
    when: date
    description: str
    version: str = ""  # the version's number


def changes(page):
    """The published changes of `page` (its edition's versions), newest first."""
    found = [
        Change(v.published, str(v.public_description), str(v.number)) for v in cached_history(page)
    ]
    if found:
        return found[::-1]
    # An edition not yet published as a version (a draft being previewed).
    published = page.last_published_at or page.first_published_at
    when = published.date() if published else date.today()
    return [Change(when, _("The text as currently published."))]


@dataclass
class ParagraphChange:
    anchor: str
    number: int  # the ¶ a reader of the version saw
    added: bool = False
    removed: bool = False
    texts: list = field(default_factory=list)  # codes of the document versions whose text changed
    notes: bool = False


def _notes_by_anchor(notes):
    found = {}
    for relation in ("translation_notes", "annotations"):
        for note in notes.get(relation, []):
            found.setdefault(note["anchor"], []).append((relation, sorted(note.items())))
    return found


def paragraph_changes(before, after, language_code):
    """[ParagraphChange] from snapshot `before` to `after`, in the order of `after` (removed
    paragraphs where they stood), the notes compared in `language_code`."""
    old = {item["anchor"]: (n, item) for n, item in enumerate(before["segments"], start=1)}
    new = {item["anchor"]: (n, item) for n, item in enumerate(after["segments"], start=1)}
    old_notes = _notes_by_anchor(before.get("notes", {}).get(language_code, {}))
    new_notes = _notes_by_anchor(after.get("notes", {}).get(language_code, {}))
    changes = []
    for anchor, (number, item) in new.items():
        if anchor not in old:
            changes.append(ParagraphChange(anchor, number, added=True))
            continue
        previous = old[anchor][1]
        codes = sorted(set(item["texts"]) | set(previous["texts"]))
        texts = [
            code
            for code in codes
            if item["texts"].get(code) != previous["texts"].get(code)
            or (code in item.get("run_in", [])) != (code in previous.get("run_in", []))
        ]
        notes = old_notes.get(anchor, []) != new_notes.get(anchor, [])
        if texts or notes or previous["kind"] != item["kind"]:
            changes.append(ParagraphChange(anchor, number, texts=texts, notes=notes))
    for anchor, (number, _item) in old.items():
        if anchor not in new:
            changes.append(ParagraphChange(anchor, number, removed=True))
    order = {anchor: i for i, anchor in enumerate([*old, *new])}
    position = {anchor: n for n, anchor in enumerate(new)}
    # Removed paragraphs after the paragraph that preceded them.
    changes.sort(
        key=lambda c: (position.get(c.anchor, _after(c.anchor, old, position)), order[c.anchor])
    )
    return changes


def _after(anchor, old, position):
    """Where a removed paragraph stood among the new ones: just after the last paragraph
    before it that is still there."""
    anchors = list(old)
    for earlier in reversed(anchors[: anchors.index(anchor)]):
        if earlier in position:
            return position[earlier] + 0.5
    return -0.5


def term_notes_changed(before, after, language_code):
    def terms(snapshot):
        return snapshot.get("notes", {}).get(language_code, {}).get("term_notes", [])

    return terms(before) != terms(after)
