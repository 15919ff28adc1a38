"""A person's dates as the file and the admin give them (a year, a month or a day: "1893",
"1906-05", "1906-05-31"), written out in the reader's language."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?\Z")
VALIDATOR = RegexValidator(
    PARTIAL_DATE, _("A year, a month or a day: 1893, 1906-05 or 1906-05-31.")
)
MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)


def written(value):
    """`value` in the reader's language: "31 May 1906", "1906年5月31日"; "" if empty."""
    match = PARTIAL_DATE.match(value or "")
    if not match:
        return value or ""
    year, month, day = match.groups()
    if (get_language() or "").startswith("zh"):
        return f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")
    parts = [str(int(day))] if day else []
    parts += [MONTHS[int(month) - 1]] if month else []
    return " ".join([*parts, year])


def life_span(born, died):
    """ "31 May 1906 – 3 August 1978" or "1906年5月31日—1978年8月3日" (years alone:
    "1892—1975年", as the Chinese style sheet writes a range); one side may be unknown."""
    if not born and not died:
        return ""
    if (get_language() or "").startswith("zh"):
        if len(born) == len(died) == 4:  # years only: 1892—1975年
            return f"{born}—{died}年"
        return f"{written(born) or '?'}—{written(died) or '?'}"
    return f"{written(born) or '?'} – {written(died) or '?'}"
