"""Sorting Chinese headwords as a Chinese dictionary does: by pinyin, syllable by syllable
(and by tone where syllables are spelt alike), not letter by letter. So 大行政区 (dà
xíngzhèngqū) comes before 党委 (dǎngwěi): "da" is a shorter syllable than "dang"."""

import re
import unicodedata

from history.core.language_parts import HAN

# The shape of a pinyin syllable (tone marks removed, ü kept): an optional initial, a final.
SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|üan|ai|ei|ao|ou|an|en|in|un|ün"
    r"|ia|ie|iu|ua|uo|ui|üe|ue|er|a|o|e|i|u|ü|ng|n|m)"
)
TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def sort_key(pinyin, chinese):
    """A key that orders headwords syllable by syllable: ((syllable, tone), ...), with
    neutral tones last (5). Falls back to the plain letters when the pinyin cannot be split
    into one syllable per character of `chinese`."""
    count = len(HAN.findall(chinese))
    marked = []  # (letter, tone) for each letter of the pinyin's words
    words = []
    for word in re.split(r"[\s,;()\-'’（）、]+", pinyin.lower()):
        letters = []
        for char in unicodedata.normalize("NFD", word):
            if char in TONES and letters:
                letters[-1] = (letters[-1][0], TONES[char])
            elif char == "\u0308" and letters:  # the diaeresis of ü
                letters[-1] = ("ü", letters[-1][1])
            elif char.isalpha():
                letters.append((char, 0))
        if letters:
            words.append(letters)
            marked.extend(letters)
    syllables = []
    for letters in words:
        split = _split("".join(letter for letter, _tone in letters))
        if split is None:
            break
        position = 0
        for syllable in split:
            tones = [tone for _l, tone in letters[position : position + len(syllable)] if tone]
            syllables.append((syllable, tones[0] if tones else 5))
            position += len(syllable)
    if len(syllables) != count or not syllables:
        return tuple((letter, 0) for letter, _tone in marked)
    return tuple(syllables)


def _split(text):
    """The fewest syllables `text` divides into, preferring long ones first (None if none)."""
    if not text:
        return []
    for length in range(min(6, len(text)), 0, -1):
        head = text[:length]
        if SYLLABLE.fullmatch(head):
            rest = _split(text[length:])
            if rest is not None:
                return [head, *rest]
    return None
