"""The figures and places as data: every number and place the bulletin gives is there, tied
to the words that state it; the series documents bring their own figures."""

import re
from decimal import Decimal

import pytest

from history.atlas.data import figure_value, number
from history.atlas.figures import ReportedFigure
from history.atlas.mentions import PlaceMention
from history.atlas.places import CHINA_BOUNDS, Place

pytestmark = pytest.mark.django_db

# Numbers in the bulletin's paragraphs that are not reported figures, and why.
NOT_FIGURES = {
    ("p8", "12"): "a date: “As of September 12”",
    ("p12", "60"): "part of a weapon's name: “60mm mortar”",
    ("p50", "49"): "a saying: “Of all the 49 strategies”",
}
TEXT_KINDS = {"paragraph", "list_item", "quotation"}
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def english_figures():
    return ReportedFigure.objects.filter(locale__language_code="en")


def texts(segment):
    return {block.value["version"]: block.value["text"] for block in segment.texts}


def test_every_number_in_the_bulletin_is_a_reported_figure_of_its_paragraph(edition):
    by_anchor = {}
    for figure in english_figures().exclude(anchor=""):
        by_anchor.setdefault(figure.anchor, []).append(figure.value)
    checked = 0
    for segment in edition.all_segments:
        if segment.kind not in TEXT_KINDS:
            continue
        for written in NUMBER.findall(texts(segment).get("en", "")):
            if (segment.anchor, written) in NOT_FIGURES:
                continue
            value = Decimal(written.replace(",", ""))
            assert value in by_anchor.get(segment.anchor, []), (
                f"{segment.anchor}: {written} is not a reported figure of that paragraph"
            )
            checked += 1
    assert checked == 28  # the digits in the English text, less the three that are not figures


# Numbers written in Chinese numerals in the original.
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMBER = re.compile(
    r"[一二两三四五六七八九十百千万][零〇一二两三四五六七八九十百千万点]+(?<!两)"
    r"|[一二两三四五六七八九](?=[部挺门名件份起支粒套倍])"
    r"|万(?=余)"
)
NOT_FIGURES_ZH = {
    ("p8", Decimal(12)): "a date: 九月十二日",
    ("p50", Decimal(49)): "a saying: 七七四十九策",
}


def chinese_number(text):
    """二十三万七千四百六十三 -> 237463; 十九点三 -> 19.3; 万 (as in 万余) -> 10000."""
    if "点" in text:
        whole, fraction = text.split("点")
        return chinese_number(whole) + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in fraction))
    total, section, digit = 0, 0, None
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        elif char in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[char]
            digit = None
        elif char == "万":
            total += (section + (digit or 0) or 1) * 10000
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))


def test_chinese_numbers_are_read_right():
    assert chinese_number("二十三万七千四百六十三") == 237463
    assert chinese_number("三万零九百九十八") == 30998
    assert chinese_number("十九点三") == Decimal("19.3")
    assert chinese_number("五万两千") == 52000
    assert chinese_number("万") == 10000


def test_every_number_in_the_chinese_original_is_a_reported_figure(edition):
    by_anchor = {}
    for figure in english_figures().exclude(anchor=""):
        by_anchor.setdefault(figure.anchor, []).append(figure.value)
    checked = 0
    for segment in edition.all_segments:
        if segment.kind not in TEXT_KINDS:
            continue
        for match in CN_NUMBER.finditer(texts(segment).get("zh", "")):
            value = chinese_number(match.group())
            if (segment.anchor, value) in NOT_FIGURES_ZH:
                continue
            assert value in by_anchor.get(segment.anchor, []), (
                f"{segment.anchor}: {match.group()} ({value}) is not a reported figure there"
            )
            checked += 1
    assert checked == 29  # the 28 of the English, and Tonghua's 两倍 (“doubled” in English)


def test_each_figure_quotes_its_paragraph_in_both_versions(edition):
    segments = {segment.anchor: texts(segment) for segment in edition.all_segments}
    figures = english_figures().filter(document__key="fifth-bulletin")
    assert figures.count() >= 40
    for figure in figures:
        assert figure.anchor in segments, figure.slug
        assert figure.phrase_original in segments[figure.anchor]["zh"], figure.slug
        assert figure.phrase_translation in segments[figure.anchor]["en"], figure.slug
        if figure.value is not None and figure.value >= 1000:
            # The English phrase states the same number.
            assert number(figure.value) in figure.phrase_translation, figure.slug


def test_series_figures_quote_their_documents():
    from tests.conftest import SOURCES

    documents = {
        "second-bulletin": (SOURCES / "series/1952-08-24-second-bulletin.zh.txt"),
        "final-report": (SOURCES / "series/1952-12-18-final-report.zh.txt"),
    }
    for key, path in documents.items():
        text = path.read_text(encoding="utf-8")
        figures = english_figures().filter(document__key=key)
        assert figures.exists(), key
        for figure in figures:
            assert figure.phrase_original in text, figure.slug
            assert figure.translation_by == "editors", figure.slug


def test_the_series_shows_the_campaign_grow():
    def national(kind, document):
        return english_figures().get(kind=kind, place=None, document__key=document).value

    for kind in ("offenders_identified", "arrests"):
        assert (
            national(kind, "second-bulletin")
            < national(kind, "fifth-bulletin")
            < national(kind, "final-report")
        )
    regions = english_figures().filter(
        document__key="second-bulletin", kind="arrests", place__kind="greater_region"
    )
    assert regions.count() == 6
    cities = english_figures().filter(
        document__key="second-bulletin", kind="arrests", place__kind="city"
    )
    assert cities.count() == 12


def test_every_place_named_in_the_bulletin_is_on_the_map_inside_china(edition):
    mentions = PlaceMention.objects.filter(edition=edition).select_related("place")
    named = {mention.place.slug for mention in mentions}
    for slug in ["rehe", "songjiang", "luda", "subei", "chuannan", "tonghua", "hengyang",
                 "shenyang-beishi", "northeast", "northwest", "xian", "hangzhou"]:  # fmt: skip
        assert slug in named
    for mention in mentions:
        place = mention.place
        assert CHINA_BOUNDS["south"] <= place.latitude <= CHINA_BOUNDS["north"], place.slug
        assert CHINA_BOUNDS["west"] <= place.longitude <= CHINA_BOUNDS["east"], place.slug
        assert mention.phrase in texts(edition.segments.get(anchor=mention.anchor))[mention.version]
    # 关内 (“inside the Pass”) is not a place.
    assert not mentions.filter(phrase__contains="关内").exists()
    assert not Place.objects.filter(name_zh__contains="关内").exists()


def test_place_facts_of_1952():
    tonghua = Place.objects.get(slug="tonghua", locale__language_code="en")
    assert tonghua.parent.slug == "liaodong"
    songjiang = Place.objects.get(slug="songjiang", locale__language_code="en")
    assert (float(songjiang.latitude), float(songjiang.longitude)) == (45.8, 126.53)  # Harbin
    assert "Harbin" in songjiang.point_note
    for slug in ("subei", "chuannan"):
        assert Place.objects.get(slug=slug, locale__language_code="en").approximate


def test_places_and_figures_are_translated():
    rehe = Place.objects.get(slug="rehe", locale__language_code="zh-hans")
    assert rehe.name == "热河省"
    assert rehe.parent.locale.language_code == "zh-hans"
    figures = ReportedFigure.objects.filter(locale__language_code="zh-hans")
    assert figures.count() == english_figures().count()
    assert not figures.filter(label__regex=r"^[A-Za-z ]+$").exists()


@pytest.mark.parametrize(
    ("value", "unit", "approximation", "expected"),
    [
        ("237463", "person", "exact", "237,463 people"),
        ("19.3", "percent", "exact", "19.3%"),
        ("18000", "report", "over", "over 18,000 reports"),
        ("1", "gun", "exact", "1 gun"),
        ("2", "multiple", "exact", "2 times as many"),
    ],
)
def test_figure_values_read_as_reported(value, unit, approximation, expected):
    figure = ReportedFigure(value=Decimal(value), unit=unit, approximation=approximation)
    assert figure_value(figure) == expected


def test_an_approximate_figure_reads_in_chinese_with_yu_before_the_measure_word():
    from django.utils import translation

    figure = ReportedFigure(value=Decimal("18000"), unit="report", approximation="over")
    with translation.override("zh-hans"):
        assert figure_value(figure) == "18,000余份"


def test_a_figure_must_quote_its_paragraph(edition):
    from django.core.exceptions import ValidationError

    figure = english_figures().get(slug="fifth-executions")
    figure.phrase_original = "这句话不在这一段"
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "phrase_original" in error.value.message_dict
    place = Place.objects.get(slug="rehe", locale__language_code="en")
    place.latitude = Decimal("60")
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "latitude" in error.value.message_dict


# A kind that says what the detainees did is filed only where the source says so.
KIND_WORDS = {"reinterrogation_requests": "要求提审", "wishes_to_confess": "要交待"}


def test_what_detainees_asked_for_is_filed_as_the_source_says():
    figures = english_figures().filter(kind__in=KIND_WORDS)
    assert figures.count() == 2
    for figure in figures:
        assert KIND_WORDS[figure.kind] in figure.phrase_original, figure.slug
    beishi = figures.get(slug="fifth-reinterrogation-requests-shenyang-beishi")
    assert beishi.kind == "wishes_to_confess"
    assert beishi.action == "confessions"


# The final report dates only the start of the arrests (八月十日) and the executions (现在,
# "now"); the editors date its other figures, and say so.
DATED_IN_THE_REPORT = {"final-localities": "八月十日", "final-executions": "现在"}


def test_the_final_reports_inferred_dates_are_marked():
    for figure in english_figures().filter(document__key="final-report"):
        if figure.slug in DATED_IN_THE_REPORT:
            assert DATED_IN_THE_REPORT[figure.slug] in f"{figure.phrase_original} {figure.note}"
        else:
            assert "Dated by the editors" in figure.note, figure.slug
    before = english_figures().get(slug="final-seizures-before-campaign")
    assert before.as_of.isoformat() <= "1952-08-10"
    assert "按鸦片折合" not in english_figures().get(slug="final-seizures").note


def test_a_city_sits_in_the_province_its_1952_status_names():
    checked = 0
    for city in Place.objects.filter(kind="city", locale__language_code="en"):
        match = re.match(r"(?:A city of|Capital of) (\w+) Province", city.status_1952)
        if not match:
            continue
        ancestors, place = [], city.parent
        while place:
            ancestors.append(place.name)
            place = place.parent
        assert f"{match.group(1)} Province" in ancestors, city.slug
        checked += 1
    assert checked >= 5


def test_a_provincial_seat_under_its_region_is_told_one_way():
    for province, city in (("hubei", "Wuhan"), ("guangdong", "Guangzhou")):
        status = Place.objects.get(slug=province, locale__language_code="en").status_1952
        assert "capital" not in status and f"sat at {city}" in status
