"""Citations of the site's documents in the styles students are asked for.

A `Citation` holds the facts once; each method renders one style. The HTML variants mark
titles of whole works in italics; the plain variants are for copying and for downloads.
`chicago_entry()` writes every Chicago entry of the site: these citations and the source
records' bibliography entries (`bibliography.py`).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .language_parts import is_chinese

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
# MLA abbreviates months of five letters or more.
MLA_MONTHS = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]  # fmt: skip


@dataclass(frozen=True)
class Person:
    family: str
    given: str
    # East Asian names are written family name first, without a comma.
    family_first: bool = False

    @property
    def natural(self):
        if not self.family_first:
            return f"{self.given} {self.family}"
        # Names in Chinese characters take no space: 罗瑞卿.
        space = "" if is_chinese(self.family) else " "
        return f"{self.family}{space}{self.given}"

    @property
    def inverted(self):
        return self.natural if self.family_first else f"{self.family}, {self.given}"

    @property
    def initials(self):
        if is_chinese(self.given):
            return self.given  # names in Chinese characters are not abbreviated
        parts = re.split(r"[\s-]+", self.given.strip())
        return " ".join(f"{part[0]}." for part in parts if part)


@dataclass(frozen=True)
class Citation:
    title: str
    url: str
    date: datetime.date
    website: str
    author: Person | None = None
    organisation: str = ""
    original_title: str = ""
    description: str = ""  # e.g. "Report, forwarded by the CCP Central Committee"
    translation: str = ""  # who translated it, as a phrase
    locator: str = ""  # e.g. "para. 12"
    publisher: str = ""
    language: str = ""
    version: str = ""  # the number of the cited version of a work that changes
    accessed: datetime.date | None = None  # when the reader read it, for a work that changes
    version_date: datetime.date | None = None  # when the cited version was published
    translated: bool = False  # `translation` names a translation, not the original
    gbt_type: str = "EB"  # GB/T 7714's type: EB an online text, A an archival document

    # --- GB/T 7714-2015, the national standard Chinese scholarship cites in ---
    def gbt7714(self, accessed=None, updated=None):
        """An online resource: 主要责任者. 题名: 其他题名信息[类型/OL]. 版本. 出版者, 日期:
        位置(更新日期)[引用日期]. 获取和访问路径. `accessed` is the day the reader read it,
        `updated` the date of the version read (by default the citation's own)."""
        accessed = accessed or self.accessed
        updated = updated or self.version_date
        creator = gbt_names([self.author]) if self.author else self.organisation
        title = self.title + (f": {self.translation}" if self.translated else "")
        edition = _("Version %(number)s") % {"number": self.version} if self.version else ""
        where = f": {self.locator}" if self.locator else ""
        dates = f"({updated.isoformat()})" if updated else ""
        if accessed:
            dates += f"[{accessed.isoformat()}]"
        parts = [
            creator,
            f"{title}[{self.gbt_type}/OL]",
            edition,
            f"{self.website}, {self.date.isoformat()}{where}{dates}",
            self.url,
        ]
        return ". ".join(part for part in parts if part) + "."

    # --- Chicago (notes and bibliography, bibliography entry) ---
    def chicago_html(self):
        if self.original_title:
            title = f"“{self.title}” [{self.original_title}]"
        else:
            title = f"“{self.title}.”"
        date = f"{MONTHS[self.date.month - 1]} {self.date.day}, {self.date.year}"
        return chicago_entry(
            [
                self._creator("inverted"),
                title,
                self.description,
                date,
                _sentence_case(self.translation),
                _("Version %(number)s") % {"number": self.version} if self.version else "",
                self.locator,
                format_html("<i>{}</i>", self.website),
                _("Accessed %(date)s") % {"date": self._accessed("chicago")}
                if self.accessed
                else "",
                self.url,
            ]
        )

    # --- MLA 9th edition ---
    def mla_html(self):
        creator = self._creator("inverted")
        date = f"{self.date.day} {MLA_MONTHS[self.date.month - 1]} {self.date.year}"
        title = f"“{self.title}.”"
        tail = [date]
        if self.version:
            tail.insert(0, _("version %(number)s") % {"number": self.version})
        if self.translation:
            tail.insert(0, self.translation)
        if self.locator:
            tail.append(self.locator)
        tail.append(re.sub(r"^https?://", "", self.url))
        accessed = ""
        if self.accessed:
            accessed = " " + _("Accessed %(date)s") % {"date": self._accessed("mla")} + "."
        html = format_html(
            "{}{} <i>{}</i>, {}.{}",
            f"{creator}. " if creator else "",
            title,
            self.website,
            ", ".join(tail),
            accessed,
        )
        return _tidy(html)

    # --- APA 7th edition ---
    def apa_html(self):
        if self.author and is_chinese(self.author.family):
            creator = self.author.natural
        elif self.author:
            creator = f"{self.author.family}, {self.author.initials}"
        else:
            creator = self.organisation
        date = f"{self.date.year}, {MONTHS[self.date.month - 1]} {self.date.day}"
        bracket = []
        if self.original_title:
            bracket.append(self.original_title)
        if self.translation:
            bracket.append(self.translation)
        title_extra = f" [{'; '.join(bracket)}]" if bracket else ""
        if self.version:
            title_extra += " (%s)" % (_("Version %(number)s") % {"number": self.version})
        locator = f", {self.locator}" if self.locator else ""
        url = self.url
        if self.accessed:
            # APA gives a retrieval date for a work that is meant to change.
            url = _("Retrieved %(date)s, from %(url)s") % {
                "date": self._accessed("apa"),
                "url": self.url,
            }
        html = format_html(
            "{} ({}). <i>{}</i>{}{}. {}. {}",
            creator,
            date,
            self.title,
            title_extra,
            locator,
            self.website,
            url,
        )
        return _tidy(html)

    def chicago(self):
        return strip_tags(self.chicago_html())

    def mla(self):
        return strip_tags(self.mla_html())

    def apa(self):
        return strip_tags(self.apa_html())

    # --- Reference manager formats ---
    def ris(self):
        lines = [("TY", "GOVDOC"), ("TI", self.title)]
        if self.author:
            lines.append(("AU", f"{self.author.family}, {self.author.given}"))
        if self.organisation:
            lines.append(("A2" if self.author else "AU", self.organisation))
        lines += [
            ("PY", str(self.date.year)),
            ("DA", self.date.strftime("%Y/%m/%d")),
            ("T2", self.website),
        ]
        if self.original_title:
            lines.append(("TT", self.original_title))
        if self.publisher:
            lines.append(("PB", self.publisher))
        if self.language:
            lines.append(("LA", self.language))
        if self.version:
            lines.append(("ET", self.version))
        if self.accessed:
            lines.append(("Y2", self.accessed.strftime("%Y/%m/%d")))
        notes = [n for n in (self.description, self.translation, self.locator) if n]
        if notes:
            lines.append(("N1", "; ".join(notes)))
        lines += [("UR", self.url), ("ER", "")]
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)

    def bibtex(self, key):
        fields = []
        if self.author:
            fields.append(("author", f"{{{self.author.family}}}, {{{self.author.given}}}"))
        elif self.organisation:
            fields.append(("author", f"{{{_bibtex_escape(self.organisation)}}}"))
        fields.append(("title", f"{{{_bibtex_escape(self.title)}}}"))
        if self.original_title:
            fields.append(("titleaddon", _bibtex_escape(self.original_title)))
        fields += [
            ("date", self.date.isoformat()),
            ("year", str(self.date.year)),
            ("organization", _bibtex_escape(self.website)),
        ]
        if self.version:
            fields.append(("version", self.version))
        notes = [n for n in (self.description, self.translation, self.locator) if n]
        if notes:
            fields.append(("note", _bibtex_escape("; ".join(notes))))
        fields.append(("url", self.url))
        if self.accessed:
            fields.append(("urldate", self.accessed.isoformat()))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{key},\n{body}\n}}\n"

    def _accessed(self, style):
        """The access date as `style` writes it, in the reader's language."""
        day = self.accessed
        if (get_language() or "").startswith("zh"):
            return f"{day.year}年{day.month}月{day.day}日"
        if style == "mla":
            return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"

    def _creator(self, form):
        if self.author:
            return getattr(self.author, form)
        return self.organisation


def gbt_names(people):
    """Names as GB/T 7714 writes them: names in Chinese characters as written (罗瑞卿),
    romanised names family name first in capitals, Western given names as initials without
    full stops (BROOK T); after three names, 等 or et al."""
    names = []
    for person in people[:3]:
        if is_chinese(person.family):
            names.append(person.natural)
        elif person.family_first:
            names.append(f"{person.family.upper()} {person.given}".strip())
        else:
            initials = person.initials.replace(".", "")
            names.append(f"{person.family.upper()} {initials}".strip())
    if len(people) > 3:
        names.append("等" if is_chinese(people[0].family) else "et al.")
    return ", ".join(names)


def chicago_entry(parts):
    """A Chicago entry, as safe HTML, from its parts (text, or safe HTML for italics and
    links): each part a sentence ending in a full stop, unless it already ends with one, a
    question or exclamation mark, or a closing quotation mark ("ed.", "“Title.”")."""
    html = format_html_join(" ", "{}.", ((part,) for part in parts if part))
    return mark_safe(_tidy(str(html)))


def _sentence_case(text):
    return text[:1].upper() + text[1:]


# A full stop after one of these (or after one in italics) is doubled: drop it.
_DOUBLED_STOP = re.compile(r"([.?!”])((?:</i>)?)\.")


def _tidy(html):
    """Drop doubled full stops where a part already ends with one (e.g. "ed.")."""
    return type(html)(_DOUBLED_STOP.sub(r"\1\2", str(html)))


_BIBTEX_SPECIALS = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_"}


def _bibtex_escape(text):
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in text)
