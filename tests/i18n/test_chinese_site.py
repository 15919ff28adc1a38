"""The Chinese site reads as Chinese, in the terms of its style sheet
(site/translations/zh-hans/STYLE.md): no banned term anywhere Chinese text lives, every page
in Chinese except what is marked as another language, one number format."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import polib
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

TRANSLATIONS = ROOT / "site" / "translations" / "zh-hans"
INTERFACE = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
CODE = [ROOT / "history", ROOT / "templates"]
HAN = re.compile(r"[\u3400-\u9fff]")

# Latin text a Chinese page may show unmarked: names and abbreviations.
ALLOWED_LATIN = [
    "Thomas Chan",
    "Natural Earth",
    "OpenStreetMap",
    "PO",
    "QR",
    "TEI",
    "JSON",
    "RIS",
    "BibTeX",
    "Zotero",
    "Wagtail",
    "CCRD",
    "CC BY",
    "CC0",
    "PDF",
    "URL",
    "MLA",
    "APA",
    "Chicago",
]
# Two words or more in Latin letters (a word of one letter, or one hyphenated name, is not).
LETTER = "A-Za-z\u00c0-\u024f"
LATIN_WORD = rf"[{LETTER}][{LETTER}0-9'’.-]*[{LETTER}]"
LATIN_RUN = re.compile(rf"{LATIN_WORD}(?:[ ,:;&–]+{LATIN_WORD})+")
# Quotations of the English, and originals of names, in quotation marks or brackets.
NO_HAN = r"[^“”（）()\u3400-\u9fff]*"
QUOTED_LATIN = re.compile(rf"“{NO_HAN}”|（{NO_HAN}）|\({NO_HAN}\)")
# A number of four digits or more written without the thousands comma (years apart, and the
# numbers of standards: GB/T 7714).
BARE_NUMBER = re.compile(r"(?<![0-9A-Za-z_,./:#-])(?<!GB/T )\d{4,}(?![\d,.])")


def banned_terms():
    return yaml.safe_load((TRANSLATIONS / "banned-terms.yaml").read_text(encoding="utf-8"))


def banned_in(text):
    found = []
    for entry in banned_terms():
        checked = text
        for longer in entry.get("allowed_in") or []:
            checked = checked.replace(longer, "")
        if entry["term"] in checked:
            found.append(entry["term"])
    return found


def chinese_strings():
    """(where, text) of every Chinese string the site's files hold."""
    for path in sorted(TRANSLATIONS.rglob("*.po")) + [INTERFACE]:
        for entry in polib.pofile(str(path)):
            if entry.msgstr:
                yield f"{path.relative_to(ROOT)}: {entry.msgctxt or entry.msgid[:40]}", entry.msgstr
    for folder in CODE:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".html", ".txt") and "migrations" not in path.parts:
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if HAN.search(line):
                        yield f"{path.relative_to(ROOT)}:{number}", line


# 余 after the measure word (18,000份余) instead of on the number (18,000余份).
YU_AFTER_UNIT = re.compile(r"\d[份件名人两封起次个]余")


def bare_numbers(text):
    """Numbers not written as the style sheet says."""
    bare = [
        match.group()
        for match in BARE_NUMBER.finditer(text)
        if not _year(match.group(), text[match.end() : match.end() + 1])
    ]
    return bare + YU_AFTER_UNIT.findall(text)


def _year(number, after):
    """A year: four digits within the site's centuries, or any four digits that 年 follows."""
    return len(number) == 4 and (1700 <= int(number) <= 2099 or after == "年")


def chinese_pages(client):
    """Every address of the Chinese site, from the sitemap (the search page among them), the
    edition with the English translation shown, and searches that find every kind of result."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", ns)]
    # Data files the sitemap lists (an edition's TEI) hold every version of the text: no pages.
    paths = [path for path in paths if path.startswith("/zh-hans/") and path.endswith("/")]
    searches = ["/zh-hans/search/?q=%E9%80%9A%E5%8C%96", "/zh-hans/search/?q=%E9%B8%A6%E7%89%87"]
    return paths + ["/zh-hans/fifth-bulletin/?version=en", *searches]


def chinese_text(html):
    """The text of a page that is meant to be Chinese: without scripts, without what is marked
    as another language (lang="en", pinyin...), titles of works in italics, and quotations
    or glosses in another script."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template", "svg", "head"]):
        element.decompose()
    for element in list(soup.find_all(attrs={"lang": True})):
        if element.attrs is None or element.name == "html":
            continue  # inside an element already removed, or the page itself
        if element["lang"].lower() not in ("zh", "zh-hans", "zh-cn"):
            element.decompose()
    for element in list(soup.find_all(["i", "em", "cite"])):
        if element.attrs is not None and not HAN.search(element.get_text()):
            element.decompose()
    text = soup.get_text(" ")
    # Quotations of the English and originals of names, in quotation marks or brackets.
    text = re.sub(
        r"“[^“”\u3400-\u9fff]*”|（[^（）\u3400-\u9fff]*）|\([^()\u3400-\u9fff]*\)", " ", text
    )
    for allowed in ALLOWED_LATIN:
        text = text.replace(allowed, " ")
    return text


# --- the files ---


def test_the_style_sheet_and_its_list_of_banned_terms_are_in_the_repository():
    assert "关内" in (TRANSLATIONS / "STYLE.md").read_text(encoding="utf-8")
    terms = [entry["term"] for entry in banned_terms()]
    assert {"中国本部", "内阁", "省级市", "分数", "通报"} <= set(terms)
    assert all(entry.get("instead") for entry in banned_terms())


def content_lines():
    """(where, line) of each line of the content files that holds Chinese (the Chinese words
    of the English content: terms, names, quotations)."""
    for path in sorted((ROOT / "site").rglob("*.yaml")):
        if "sources" in path.parts or path == TRANSLATIONS / "banned-terms.yaml":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HAN.search(line):
                yield f"{path.relative_to(ROOT)}:{number}", line


def test_no_banned_term_in_any_chinese_file():
    texts = [*chinese_strings(), *content_lines()]
    found = [(where, banned_in(text)) for where, text in texts if banned_in(text)]
    assert found == []


def test_one_number_format_in_every_chinese_file():
    found = [(where, bare_numbers(text)) for where, text in chinese_strings() if HAN.search(text)]
    assert [item for item in found if item[1]] == []


def test_the_checks_catch_what_they_are_for():
    assert banned_in("“关内”指长城以南的中国本部") == ["中国本部"]
    assert banned_in("链接中的地点名称") == []
    assert bare_numbers("判刑33,786名，劳改2138名，1952年") == ["2138"]
    assert bare_numbers("收到检举18,000份余") == ["0份余"]
    assert bare_numbers("收到检举18,000余份") == []
    assert bare_numbers("1678年12月13日生") == [] and bare_numbers("共1678名") == ["1678"]
    text = chinese_text(
        "<p>英文作“Tonghua, Jilin”（吉林通化），见<i>Opium Regimes</i>。"
        '<span lang="en">only under Chairman Mao</span> left in English</p>'
    )
    assert LATIN_RUN.findall(text) == ["left in English"]


# --- the pages ---


@pytest.mark.django_db
def test_every_chinese_page_is_in_chinese_in_the_terms_of_the_style_sheet(client, site_content):
    problems = {}
    for path in chinese_pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        text = chinese_text(html)
        found = {
            "notice": "尚未译成中文" in html or "untranslated-notice" in html,
            "latin": LATIN_RUN.findall(text),
            "banned": banned_in(text),
            "numbers": bare_numbers(text),
        }
        found = {kind: value for kind, value in found.items() if value}
        if found:
            problems[path] = found
    assert problems == {}
