"""export_site writes the map, the numbers, the timeline and the glossary (pages, snippets and
their translations) back to the files load_site reads, and a new database loaded from them
shows the same site in both languages."""

import re

import polib
import pytest
import yaml
from django.core.cache import cache
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from history.atlas.charts import ChartCaption
from history.atlas.figures import ReportedFigure
from history.atlas.mentions import PlaceMention
from history.atlas.pages import MapPage, NumbersPage
from history.atlas.places import Place
from history.core.bibliography import SourceRecord
from history.edition.models import EditionPage
from history.glossary.pages import GlossaryPage
from history.glossary.terms import GlossaryTerm, TermMention
from history.timeline.events import Event
from history.timeline.pages import TimelinePage
from tests.conftest import ROOT, export_site
from tests.round_trips import INTO_AN_EMPTY_FOLDER, Part, register

pytestmark = pytest.mark.django_db

FILES = [
    "atlas/places.yaml", "atlas/figures.yaml", "atlas/mentions.yaml", "atlas/charts.yaml",
    "atlas/map.yaml", "atlas/numbers.yaml", "timeline/events.yaml", "timeline/timeline.yaml",
    "glossary/terms.yaml", "glossary/glossary.yaml",
]  # fmt: skip
TRANSLATIONS = [
    "atlas/places.po", "atlas/figures.po", "atlas/charts.po", "atlas/map.po", "atlas/numbers.po",
    "timeline/events.po", "timeline/page.po", "glossary/terms.po", "glossary/page.po",
]  # fmt: skip
SNIPPETS = [Place, ReportedFigure, PlaceMention, ChartCaption, Event, GlossaryTerm, TermMention]
PAGES = [MapPage, NumbersPage, TimelinePage, GlossaryPage]
PAGE_FIELDS = ["title", "slug", "seo_title", "search_description", "show_in_menus", "live"]
URLS = [
    "map/", "numbers/", "timeline/", "glossary/", "map/place/rehe/",
    "timeline/event/1839-humen/", "timeline/event/1953-opium-follow-up/",
    "glossary/term/addicts/", "glossary/term/opium-den/",
]  # fmt: skip


def po_entries(path):
    return sorted((e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(path)))


def test_an_unchanged_site_exports_the_data_it_was_loaded_from(content_copy):
    export_site(content_copy)
    for name in FILES:
        exported = yaml.safe_load((content_copy / name).read_text())
        assert exported == yaml.safe_load((ROOT / "site" / name).read_text()), name
    for name in TRANSLATIONS:
        path = f"translations/zh-hans/{name}"
        assert po_entries(content_copy / path) == po_entries(ROOT / "site" / path), name
    # The comments that open a hand-written file are kept.
    assert (content_copy / "timeline/events.yaml").read_text().startswith("# Timeline events")


def zh():
    return Locale.objects.get(language_code="zh-hans")


def en(model, **lookup):
    return model.objects.get(locale__language_code="en", **lookup)


def translate(obj, strings=None):
    """What a translator does in wagtail-localize: sync the Chinese translation with its
    source, give the strings that have none (or those in `strings`, by context) their
    Chinese, and publish it."""
    source, created = TranslationSource.get_or_create_from_instance(obj)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=zh(), defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        given = (strings or {}).get(segment.context.path)
        known = StringTranslation.objects.filter(
            translation_of=segment.string, locale=zh(), context=segment.context
        )
        if given is None and known.exists():
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=zh(),
            context=segment.context,
            defaults={"data": given or f"译：{segment.string.data}"},
        )
    if isinstance(obj, Page):
        # Published now: wagtail-localize publishes pages when the transaction commits.
        translation.save_target(publish=False)
        obj.get_translation(zh()).get_latest_revision().publish()
    else:
        translation.save_target(publish=True)


def edit_as_an_editor(tmp_path):
    """Edits made in the admin: existing snippets and a page changed, new ones added (with
    revisions, as the snippet views save them), and translations synced and changed."""
    event = en(Event, slug="1839-humen")
    event.title = "Lin Zexu destroys the opium at Humen"
    event.end_day = 24
    event.text = (
        '<p data-block-key="x1a2b">From 3 June 1839 the opium was destroyed at <i>Humen</i>, '
        'as <a href="https://example.org/humen">a museum</a> recalls.</p>'
        '<ul><li data-block-key="x3c4d">Twenty-three days.</li></ul>'
    )
    event.save()
    event.save_revision()
    translate(event)

    figure = en(ReportedFigure, slug="fifth-arrest-rate-northeast")
    figure.value = "19.5"
    figure.label = "Arrest rate in the Northeast"
    figure.save()
    figure.save_revision()
    translate(figure)

    place = en(Place, slug="rehe")
    place.outline = {
        "type": "Polygon",
        "coordinates": [[[117.0, 40.5], [120.0, 40.5], [120.0, 42.5], [117.0, 40.5]]],
    }
    place.save()
    place.save_revision()
    translate(place)

    picture = tmp_path / "humen.png"
    PILImage.new("RGB", (600, 400), (90, 40, 20)).save(picture)
    # Uploaded as the admin uploads it: with its file's size and hash.
    image = get_image_model()(
        title="Humen", file=picture_file(picture), description="The pools at Humen"
    )
    image._set_image_file_metadata()
    image.save()
    new_event = Event(
        locale=Locale.get_default(),
        slug="1953-opium-follow-up",
        title="Follow-up inspections",
        year=1953,
        month=3,
        precision="month",
        theme="campaign_1952",
        summary="Inspections checked that the campaign's results held.",
        text="<p>Teams went back to the cities.</p>",
        date_note="",
        image=image,
        image_credit="Editors' photograph",
    )
    new_event.places = [en(Place, slug="rehe"), en(Place, slug="beijing")]
    new_event.sources = [SourceRecord.objects.get(key="final-report")]
    new_event.save()
    new_event.save_revision()
    translate(new_event)

    term = GlossaryTerm(
        locale=Locale.get_default(),
        slug="opium-den",
        term="opium den",
        chinese="烟馆",
        pinyin="yānguǎn",
        short="A place where opium was smoked.",
        note="<p>See [[addicts]].</p>",
    )
    term.sources = [SourceRecord.objects.get(key="zhou-1999")]
    term.save()
    term.save_revision()
    translate(term, {"term": "烟馆", "short": "吸食鸦片的场所。"})
    edition = en(EditionPage, slug="fifth-bulletin")
    TermMention.objects.create(
        edition=edition, anchor="p9", version="zh", phrase="逮捕数", term=term
    )

    translate(en(GlossaryTerm, slug="addicts"), {"short": "吸毒成瘾的人（改）。"})

    map_page = en(MapPage)
    map_page.seo_title = "The map of 1952"
    map_page.base_map_note = "The base map is from Natural Earth."
    map_page.save_revision().publish()
    translate(map_page)


def picture_file(path):
    from django.core.files.base import ContentFile

    return ContentFile(path.read_bytes(), name=path.name)


def snapshot(client):
    """The apps' data (without ids, revisions or times; objects named by translation key and
    language) and their public pages in both languages."""
    data = {}
    for model in SNIPPETS:
        fields = [f for f in model._meta.concrete_fields if f.name not in ("id", "latest_revision")]
        m2m = [f.name for f in model._meta.get_fields() if f.many_to_many]
        data[model.__name__] = sorted(repr(row(obj, fields, m2m)) for obj in model.objects.all())
    for model in PAGES:
        fields = [
            *[Page._meta.get_field(name) for name in PAGE_FIELDS],
            *[f for f in model._meta.local_concrete_fields if not f.one_to_one],
        ]
        data[model.__name__] = sorted(repr(row(obj, fields, [])) for obj in model.objects.all())
    cache.clear()
    for language in ("en", "zh-hans"):
        for url in URLS:
            response = client.get(f"/{language}/{url}")
            assert response.status_code == 200, url
            # Rendition files get a suffix when their name is taken in the media folder.
            data[f"{language}/{url}"] = re.sub(r'/media/[^"\s,]+', "/media/…", response.text)
    return data


def row(obj, fields, m2m):
    values = {f.name: natural(getattr(obj, f.name)) for f in fields}
    values.update({name: sorted(natural(o) for o in getattr(obj, name).all()) for name in m2m})
    values["translation_key"] = str(getattr(obj, "translation_key", ""))
    return values


def natural(value):
    """A related object as the files name it, whatever its id."""
    if isinstance(value, Locale):
        return value.language_code
    if hasattr(value, "translation_key"):
        return (str(value.translation_key), value.locale.language_code)
    if isinstance(value, SourceRecord):
        return value.key
    if isinstance(value, get_image_model()):
        return (value.title, value.description)
    return value


def written(output):
    """The files of these apps that an export wrote."""
    return re.findall(r"wrote ((?:translations/[^/]+/)?(?:atlas|timeline|glossary)/\S+)", output)


def exported_snippets(trip):
    events = yaml.safe_load((trip.folder / "timeline/events.yaml").read_text())
    return next(item for item in events if item["key"] == "1839-humen")


def translations_loaded(trip):
    return {
        "event": en(Event, slug="1953-opium-follow-up").get_translation(zh()).title,
        "term": en(GlossaryTerm, slug="addicts").get_translation(zh()).short,
    }


register(
    INTO_AN_EMPTY_FOLDER,
    Part(
        "atlas, timeline and glossary",
        edit=lambda trip: edit_as_an_editor(trip.tmp),
        observe=lambda trip: snapshot(trip.client),
        exported=exported_snippets,
        loaded=translations_loaded,
    ),
)


def test_edits_in_the_admin_survive_export_and_a_fresh_load(round_trip):
    trip = round_trip(INTO_AN_EMPTY_FOLDER)
    before, after = (
        trip.before["atlas, timeline and glossary"],
        trip.after["atlas, timeline and glossary"],
    )
    assert written(trip.export)
    assert not written(trip.second_export)  # a second export changes no file
    humen = trip.files["atlas, timeline and glossary"]
    assert "<i>Humen</i>" in humen["text"]["html"]

    for key in before:
        assert after[key] == before[key], key
    loaded = trip.checked["atlas, timeline and glossary"]
    assert loaded["event"].startswith("译：")
    assert loaded["term"] == "吸毒成瘾的人（改）。"
    # The new database exports the same content files. (Not always the same translation
    # files: wagtail-localize keeps the translations of strings that the edits replaced.)
    assert not [name for name in written(trip.export_after_load) if name.endswith(".yaml")]
