"""Chinese words inside text in another language, marked as Chinese (WCAG 3.1.2, language of
parts), so that screen readers pronounce them and browsers pick a Chinese font."""

import re
import unicodedata

from .html_text import replace_in_text

# A Han character (CJK Unified Ideographs and Extension A): what "Chinese" means here.
HAN = re.compile(r"[\u3400-\u9fff]")
# A run of Han characters with the Chinese punctuation between them.
CHINESE_RUN = re.compile(
    r"[\u3400-\u9fff](?:[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*[\u3400-\u9fff])?"
)


def is_chinese(text):
    """Whether `text` holds Chinese characters (a name in them, say, is written without
    spaces)."""
    return HAN.search(text) is not None


def mark_chinese(html, language="zh-Hans"):
    """`html` with each run of Chinese in its text (not in tags) wrapped in a `lang` span."""
    return replace_in_text(
        html, CHINESE_RUN, lambda match: f'<span lang="{language}">{match.group(0)}</span>'
    )


def plain_latin(text):
    """`text` in lower case without its accents (“Luó Ruìqīng” → “luo ruiqing”): how a Latin
    headword sorts."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
