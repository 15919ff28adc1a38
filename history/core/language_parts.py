"""Chinese words inside text in another language, marked as Chinese (WCAG 3.1.2, language of
parts), so that screen readers pronounce them and browsers pick a Chinese font."""

import re

from django.utils.safestring import mark_safe

# A run of Han characters with the Chinese punctuation between them, outside any tag.
CHINESE_RUN = re.compile(
    r"[\u3400-\u9fff](?:[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*[\u3400-\u9fff])?"
)
TAG = re.compile(r"(<[^>]*>)")


def mark_chinese(html, language="zh-Hans"):
    """`html` with each run of Chinese in its text (not in tags) wrapped in a `lang` span."""
    parts = TAG.split(str(html))
    for index in range(0, len(parts), 2):  # even items are text, odd ones are tags
        parts[index] = CHINESE_RUN.sub(
            lambda match: f'<span lang="{language}">{match.group(0)}</span>', parts[index]
        )
    return mark_safe("".join(parts))
