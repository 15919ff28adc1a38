"""Every quotation of a source in the content files is verbatim in the source it cites.

The rule. The site quotes its Chinese sources in their own words, inside English text. So:

- a field that is by definition the source's words (`original_phrase`, `phrase_original`)
  must appear, whole, in the source;
- in any other English text of a content file, every run of Chinese (two or more Han
  characters, with the Chinese punctuation between them) is a quotation, and must appear in one
  of the stored sources that the item cites (an ellipsis … may skip words between its parts),
  unless it is listed in NOT_QUOTATIONS below with the reason it is not one;
- not quotations: the Chinese name of a place or of a glossary term (`name_zh`, `chinese`),
  a document's title (`original_title`, and any text in 《》), and the bibliography;
- a Chinese translation (the PO files in site/translations/) keeps each quotation of its
  English text word for word: the Chinese reader gets the source's words, not a paraphrase.

Comparison ignores white space (the database's transcription has stray spaces).
"""

import re
from pathlib import Path

import polib
import pytest
import yaml

from tests.conftest import ROOT

SITE = ROOT / "site"
EDITION = "fifth-bulletin"

# Chinese in the content files that is not a quotation of a source, and why.
NOT_QUOTATIONS = {
    "三十六计，走为上策": "the proverb that a saying in ¶50 parodies",
    "关外": "a term: what lies beyond the Pass, to explain 关内",
    "市斤": "a term: the market jin of the 1929 weights law",
    "群众路线": "a term: the Party's “mass line”",
    "党的委员会": "a term: the full form of 党委",
    "政治法律委员会": "a term: the full name behind the bulletin's 政法委",
    "川东、川西、川南、川北": "names of the four administrative regions of Sichuan",
    "政务院": "a name: the Government Administration Council",
    "公安局": "a term: the public-security bureau",
    "行署区": "a term: the administrative regions of provincial rank, such as Subei and Chuannan",
    "劳动改造": "a term: the full form of 劳改",
    "打下威风": "a phrase's pattern, to explain the final report's 打下了毒犯的威风",
    "折合成…以两计": "a phrase's usual pattern, to explain the second bulletin's 均合成大烟两计",
    "一年零三天": "an everyday example of 零 joining odd units",
    "人生七十古来稀": "the line of Du Fu that the final report's 古来稀事 echoes",
    # The readings the editors propose for misprints of the record (which is kept as it is).
    "重视": "the reading of the directive's misprint 重孙",
    "引起重视，立即": "the reading of the directive's misprint 引起重孙立即",
    "具体": "the reading of the directive's misprint 具外",
    "诡秘": "the character the final report's record gives in brackets after 诡密",
    "昆明一百九十五名": "the second bulletin's 昆明：一百九十五名 without its stray colon",
}
# Fields whose Chinese is a name, a title or the term a note explains, not a quotation.
NAME_FIELDS = {"name_zh", "chinese", "original_title", "term"}
# Fields that hold what was wrong (the record of corrections), not a quotation.
CORRECTED_FIELDS = {"was"}
# Fields that are the source's words, whole.
VERBATIM_FIELDS = {"original_phrase", "phrase_original"}

HAN = r"\u3400-\u9fff"
RUN = re.compile(rf"[{HAN}][{HAN}\u3000-\u303f\uff01-\uff5e“”‘’…—·]*[{HAN}）」”]|[{HAN}]")
TITLE = re.compile(r"《[^》]*》")
EDGES = "“”「」（）()，。；：、"


def _squeeze(text):
    return re.sub(r"\s+", "", text)


def stored_sources():
    """{bibliography key: the source's Chinese text}, for the sources stored in site/sources:
    the README names each file with its database record, and bibliography.yaml gives each
    record its key."""
    readme = (SITE / "sources" / "README.md").read_text()
    files = {}
    for row in readme.splitlines():
        path = re.search(r"`([^`]+?)\.zh\.", row)
        record = re.search(r"record (\d+/\d+/\d+/\d+)", row)
        if path and record:
            files[record.group(1)] = SITE / "sources" / f"{path.group(1)}.zh.txt"
    records = yaml.safe_load((SITE / "bibliography.yaml").read_text())
    return {
        item["key"]: _squeeze(files[item["record"]].read_text())
        for item in records
        if item.get("record") in files
    }


SOURCES = stored_sources()


def quotations(text):
    """The Chinese runs in `text` that count as quotations."""
    for match in RUN.finditer(TITLE.sub(" ", text)):
        run = match.group(0)
        if len(re.findall(f"[{HAN}]", run)) >= 2 and run.strip(EDGES) not in NOT_QUOTATIONS:
            yield run


def quoted_in(run, texts):
    parts = [_squeeze(part).strip(EDGES) for part in run.split("…")]
    parts = [part for part in parts if part]
    for text in texts:
        position = 0
        for part in parts:
            position = text.find(part, position)
            if position == -1:
                break
            position += len(part)
        else:
            return True
    return False


def strings(data, path=""):
    """(field path, field name, text) for every string in `data`."""
    if isinstance(data, dict):
        for name, value in data.items():
            if isinstance(value, str):
                yield f"{path}.{name}", name, value
            else:
                yield from strings(value, f"{path}.{name}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, f"{path}[{index}]")


def _cited(keys):
    return [SOURCES[key] for key in keys if key in SOURCES]


def items():
    """(file, item path, its strings' holder, the texts of the sources it cites)."""

    def load(relative):
        return yaml.safe_load((SITE / relative).read_text())

    for folder in sorted(path for path in (SITE / "editions").iterdir() if path.is_dir()):
        # An edition's notes quote its own text and the sources they cite; the other documents'
        # notes compare them with the rest of the series, and may quote any of it.
        own = _cited([folder.name]) if folder.name == EDITION else list(SOURCES.values())
        notes = load(f"editions/{folder.name}/notes.yaml") or {}
        for group in ("translation_notes", "term_notes"):
            for index, note in enumerate(notes.get(group) or []):
                yield f"{folder.name}/notes.yaml", f"{group}[{index}]", note, own
        for index, note in enumerate(notes.get("annotations") or []):
            cited = own + _cited(note.get("sources") or [])
            yield f"{folder.name}/notes.yaml", f"annotations[{index}]", note, cited
        for index, link in enumerate(notes.get("passage_links") or []):
            # A link's subject may quote the paragraph it links to.
            other = _cited([link["to"].partition(":")[0]])
            yield f"{folder.name}/notes.yaml", f"passage_links[{index}]", link, own + other
        yield f"{folder.name}/edition.yaml", "", load(f"editions/{folder.name}/edition.yaml"), own
    edition = [SOURCES[EDITION]]
    for term in load("glossary/terms.yaml"):
        # A term cites its sources, and marks words of the editions' texts.
        marked = _cited({mark.get("edition", EDITION) for mark in term.get("mentions") or []})
        yield "terms.yaml", term["key"], term, edition + marked + _cited(term.get("sources") or [])
    for event in load("timeline/events.yaml"):
        cited = _cited(event.get("sources") or [])
        marked = _cited([event.get("edition", EDITION)]) if event.get("anchors") else []
        yield "events.yaml", event["key"], event, cited + marked
    for figure in load("atlas/figures.yaml"):
        yield "figures.yaml", figure["key"], figure, _cited([figure["document"]])
    for place in load("atlas/places.yaml"):
        yield "places.yaml", place["key"], place, []
    # Pages that speak of the documents in general may quote any of them.
    pages = ("home.yaml", "atlas/map.yaml", "atlas/numbers.yaml", "glossary/glossary.yaml")
    for page in (*pages, "corrections.yaml"):
        yield page, "", load(page), list(SOURCES.values())
    for path in sorted((SITE / "essays").glob("*.yaml")) + sorted(
        (SITE / "lessons").glob("*.yaml")
    ):
        data = yaml.safe_load(path.read_text())
        cited = (
            {
                key
                for note in (data.get("footnotes") or {}).values()
                for key in (note.get("sources") or [])
            }
            if isinstance(data, dict)
            else set()
        )
        # An essay quotes the sources its footnotes cite; a lesson, the documents it uses.
        yield path.name, "", data, _cited(cited) or list(SOURCES.values())


def test_the_stored_sources_are_found():
    assert set(SOURCES) == {
        "fifth-bulletin",
        "second-bulletin",
        "final-report",
        "cc-directive-1952",
    }


def test_every_quotation_is_verbatim_in_the_source_it_cites():
    wrong = []
    checked = 0
    for file, item, data, cited in items():
        for path, name, text in strings(data):
            if name in NAME_FIELDS | CORRECTED_FIELDS:
                continue
            runs = [text] if name in VERBATIM_FIELDS else list(quotations(text))
            for run in runs:
                checked += 1
                if not quoted_in(run, cited):
                    wrong.append(f"{file} {item}{path}: {run}")
    assert not wrong, "\n".join(wrong)
    assert checked > 200


def test_chinese_translations_keep_the_quotations_word_for_word():
    wrong = []
    for path in sorted((SITE / "translations").glob("*/**/*.po")):
        for entry in polib.pofile(str(path)):
            if not entry.msgstr:
                continue
            for run in quotations(entry.msgid):
                for part in run.split("…"):
                    part = _squeeze(part).strip(EDGES)
                    if part and part not in _squeeze(entry.msgstr):
                        wrong.append(f"{path.relative_to(SITE)} {entry.msgctxt}: {part}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("the Chinese says 按鸦片折合 here", True),
        ("a quotation that skips: 南京采用此法，当即…要求提审", True),
        ("a word the directive lacks: 对情节不是特别严重的", False),
        ("a title is not a quotation: 《中共中央关于肃清毒品流行的指示》", None),
        ("a proverb is not one either: 三十六计，走为上策", None),
    ],
)
def test_the_rule(text, quoted):
    runs = list(quotations(text))
    if quoted is None:
        assert runs == []
    else:
        assert [quoted_in(run, list(SOURCES.values())) for run in runs] == [quoted]


def test_quoting_ignores_the_transcriptions_stray_spaces():
    # The directive's text reads “以壮大 声势”.
    assert quoted_in("集中处理，以壮大声势", [SOURCES["cc-directive-1952"]])
    assert Path(SITE / "sources").is_dir()
