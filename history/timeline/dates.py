"""Dates known to a year, a month or a day, possibly "circa", and how to write them in each
of the site's languages."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from history.core.citations import MONTHS

YEAR, MONTH, DAY = "year", "month", "day"


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self):
        return DAY if self.day else MONTH if self.month else YEAR

    @property
    def first_day(self):
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self):
        if self.day:
            return self.first_day
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def iso(self):
        """For `<time datetime>`: 1839, 1839-06 or 1839-06-03."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def _chinese(language):
    return language.startswith("zh")


def format_date(date, circa=False, language=None):
    """ "3 June 1839", "June 1839", "c. 1729"; "1839年6月3日", "约1729年"."""
    language = language or get_language()
    if _chinese(language):
        text = f"{date.year}年"
        if date.month:
            text += f"{date.month}月"
        if date.day:
            text += f"{date.day}日"
        return f"约{text}" if circa else text
    parts = []
    if date.day:
        parts.append(str(date.day))
    if date.month:
        parts.append(MONTHS[date.month - 1])
    parts.append(str(date.year))
    text = " ".join(parts)
    return _circa(text, language) if circa else text


def format_range(start, end, circa=False, language=None):
    """A period, sharing what the two ends share: "5–26 February 1909", "1839–1842",
    "1 December 1951 – 25 October 1952"; "1909年2月5日至26日", "1839—1842年"."""
    language = language or get_language()
    if end is None:
        return format_date(start, circa, language)
    same_precision = start.precision == end.precision
    if _chinese(language):
        prefix = "约" if circa else ""
        if same_precision and start.precision == YEAR:
            return f"{prefix}{start.year}—{end.year}年"
        if same_precision and start.year == end.year and start.precision == DAY:
            if start.month == end.month:
                return f"{prefix}{start.year}年{start.month}月{start.day}日至{end.day}日"
            return f"{prefix}{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日"
        return f"{prefix}{format_date(start, False, language)}至{format_date(end, False, language)}"
    if same_precision and start.precision == YEAR:
        text = f"{start.year}–{end.year}"
    elif same_precision and start.year == end.year and start.precision == DAY:
        if start.month == end.month:
            text = f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
        else:
            text = (
                f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} "
                f"{start.year}"
            )
    elif same_precision and start.year == end.year and start.precision == MONTH:
        text = f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {start.year}"
    else:
        text = f"{format_date(start, False, language)} – {format_date(end, False, language)}"
    return _circa(text, language) if circa else text


def _circa(text, language):
    with translation.override(language):
        return _("c. %(date)s") % {"date": text}
