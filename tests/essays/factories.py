"""Essays built in code, for tests that need a given number of notes, quotations or essays."""

from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.models import HomePage
from history.essays.footnotes import EssayFootnote
from history.essays.pages import EssayIndexPage, EssayPage


def essays_index():
    index = EssayIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        home = HomePage.objects.get(locale=Locale.get_default())
        index = EssayIndexPage(title="Essays", slug="essays", intro="<p>Essays.</p>")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def quote(edition, anchor, version="", comment=""):
    value = {"paragraph": f"{edition.pk}:{anchor}", "version": version, "comment": comment}
    return {"type": "quote", "value": value}


def make_essay(body, notes=None, slug="test-essay", title="A test essay", further=()):
    """An essay with `body` (stored block data) and `notes` ({key: (text, [source keys])})."""
    records = {record.key: record for record in SourceRecord.objects.all()}
    footnotes = [
        EssayFootnote(
            key=key,
            text=f"<p>{text}</p>",
            sources=[("source", records[k]) for k in sources],
            sort_order=position,
        )
        for position, (key, (text, sources)) in enumerate((notes or {}).items())
    ]
    page = EssayPage(
        title=title,
        slug=slug,
        standfirst="What this essay is about.",
        author="The editors",
        body=body,
        bibliography=[("source", records[k]) for k in further],
    )
    page.footnotes = footnotes
    essays_index().add_child(instance=page)
    page.save_revision().publish()
    return EssayPage.objects.get(pk=page.pk)
