import datetime

from history.core.citations import Citation, Person

LUO = Person("Luo", "Ruiqing", family_first=True)


def make(**overrides):
    values = dict(
        title="The Fifth Bulletin",
        original_title="第五号简报",
        url="https://example.org/en/fifth-bulletin/",
        date=datetime.date(1952, 9, 14),
        website="The Fifth Bulletin",
        author=LUO,
        organisation="Central Committee",
        description="Forwarded by Central Committee",
        translation="English translation",
    )
    values.update(overrides)
    return Citation(**values)


def test_person_names_in_east_asian_and_western_order():
    assert LUO.inverted == "Luo Ruiqing"
    assert LUO.initials == "R."
    smith = Person("Smith", "Jane Ann")
    assert smith.inverted == "Smith, Jane Ann"
    assert smith.natural == "Jane Ann Smith"
    assert smith.initials == "J. A."


def test_chicago():
    assert make().chicago() == (
        "Luo Ruiqing. “The Fifth Bulletin” [第五号简报]. Forwarded by Central Committee. "
        "September 14, 1952. English translation. The Fifth Bulletin. "
        "https://example.org/en/fifth-bulletin/."
    )
    assert "<i>The Fifth Bulletin</i>" in make().chicago_html()


def test_chicago_puts_the_full_stop_inside_the_quotes_without_an_original_title():
    assert "“The Fifth Bulletin.” Forwarded" in make(original_title="").chicago()


def test_mla():
    assert make(locator="para. 12").mla() == (
        "Luo Ruiqing. “The Fifth Bulletin.” The Fifth Bulletin, English translation, "
        "14 Sept. 1952, para. 12, example.org/en/fifth-bulletin/."
    )


def test_apa():
    assert make().apa() == (
        "Luo, R. (1952, September 14). The Fifth Bulletin [第五号简报; English translation]. "
        "The Fifth Bulletin. https://example.org/en/fifth-bulletin/"
    )


def test_organisation_stands_in_for_a_missing_author():
    citation = make(author=None, organisation="CCP Central Committee")
    assert citation.chicago().startswith("CCP Central Committee. “")
    assert citation.apa().startswith("CCP Central Committee (1952, September 14).")
    assert "AU  - CCP Central Committee" in citation.ris()


def test_ris_has_the_fields_reference_managers_read():
    ris = make(locator="para. 3").ris()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - GOVDOC"
    assert "AU  - Luo, Ruiqing" in lines
    assert "PY  - 1952" in lines
    assert "DA  - 1952/09/14" in lines
    assert "UR  - https://example.org/en/fifth-bulletin/" in lines
    assert "N1  - Forwarded by Central Committee; English translation; para. 3" in lines
    assert lines[-2] == "ER  - "


def test_bibtex_escapes_special_characters():
    bib = make(title="Drugs & 100% of offenders_x").bibtex("luo1952")
    assert bib.startswith("@misc{luo1952,\n")
    assert r"title = {{Drugs \& 100\% of offenders\_x}}" in bib
    assert "author = {{Luo}, {Ruiqing}}" in bib
    assert "date = {1952-09-14}" in bib
    assert bib.rstrip().endswith("}")


def test_names_in_chinese_characters_take_no_space():
    assert Person("罗", "瑞卿", family_first=True).natural == "罗瑞卿"
    assert Person("罗", "瑞卿", family_first=True).inverted == "罗瑞卿"


def test_one_chicago_style_for_citations_and_bibliography_entries():
    """A title in italics that ends with a full stop takes no second one, in either kind of
    entry."""
    from history.core.bibliography import SourceRecord

    book = SourceRecord(kind="book", title="Opium Regimes, ed.", place="Berkeley", year=2000)
    assert book.chicago() == "Opium Regimes, ed. Berkeley, 2000."
    assert (
        make(website="Documents, ed.")
        .chicago()
        .endswith("Documents, ed. https://example.org/en/fifth-bulletin/.")
    )
    assert make(author=Person("罗", "瑞卿", family_first=True)).chicago().startswith("罗瑞卿. ")


def test_gbt7714_for_an_online_edition_of_a_document():
    citation = make(
        author=Person("罗", "瑞卿", family_first=True),
        title="中共中央转发罗瑞卿关于全国禁毒运动第五号简报",
        original_title="",
        website="第五号简报",
        translation="英文译本",
        translated=True,
        locator="第 18 段",
        gbt_type="A",
        url="https://example.org/zh-hans/fifth-bulletin/?version=en#p18",
    )
    assert citation.gbt7714(
        accessed=datetime.date(2026, 12, 6), updated=datetime.date(2026, 11, 30)
    ) == (
        "罗瑞卿. 中共中央转发罗瑞卿关于全国禁毒运动第五号简报: 英文译本[A/OL]. 第五号简报, "
        "1952-09-14: 第 18 段(2026-11-30)[2026-12-06]. "
        "https://example.org/zh-hans/fifth-bulletin/?version=en#p18."
    )
    # The original is not a translation: no other title information.
    original = make(translation="中文原文", translated=False, gbt_type="A").gbt7714()
    assert "中文原文" not in original and "[A/OL]" in original


def test_gbt7714_names_and_works():
    from history.core.bibliography import SourceRecord
    from history.core.citations import gbt_names

    assert gbt_names([Person("Brook", "Timothy"), Person("Wakabayashi", "Bob Tadashi")]) == (
        "BROOK T, WAKABAYASHI B T"
    )
    assert gbt_names([Person("Zhou", "Yongming", family_first=True)]) == "ZHOU Yongming"
    four = [Person(name, "A") for name in ("One", "Two", "Three", "Four")]
    assert gbt_names(four) == "ONE A, TWO A, THREE A, et al."
    people = [{"type": "person", "value": {"family": "Baumler", "given": "Alan"}}]
    book = SourceRecord(
        kind="book",
        authors=people,
        title="The Chinese and Opium under the Republic",
        place="Albany",
        publisher="State University of New York Press",
        year=2007,
    )
    assert book.gbt7714() == (
        "BAUMLER A. The Chinese and Opium under the Republic[M]. "
        "Albany: State University of New York Press, 2007."
    )
    article = SourceRecord(
        kind="article", authors=people, title="“A Title”", container="Journal", year=2013,
        volume="11", issue="37", url="https://example.org/a",
    )  # fmt: skip
    assert article.gbt7714() == (
        "BAUMLER A. A Title[J/OL]. Journal, 2013, 11(37). https://example.org/a."
    )
