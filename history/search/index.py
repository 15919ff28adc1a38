"""Which documents of the search corpus hold a word, without reading them all.

Matching reads every text of the corpus, so its cost grew with the content. The index, made
once per corpus in each process, lists for each word of the texts (and of the titles apart)
the positions of the documents that hold it, and for each Chinese character the documents
where it appears. A query's words then give their few candidates at once; only candidates
are read, and for a plain word (letters and digits) not even those.
"""

import re
from bisect import bisect_left

from history.core.language_parts import HAN

WORD = re.compile(r"\w+")


class Postings:
    """{word: positions} and {Chinese character: positions} of a list of lower-case texts."""

    def __init__(self, texts):
        self.words, self.characters = {}, {}
        for position, text in enumerate(texts):
            for word in set(WORD.findall(text)):
                self.words.setdefault(word, set()).add(position)
            for character in set(HAN.findall(text)):
                self.characters.setdefault(character, set()).add(position)
        self.sorted_words = sorted(self.words)
        self.everything = set(range(len(texts)))

    def candidates(self, word):
        """(positions that may hold `word`, whether each surely does)."""
        word = word.lower()
        characters = HAN.findall(word)
        if characters:  # Chinese: found anywhere, so every one of its characters is there
            return _common(self.characters.get(c, set()) for c in characters), False
        runs = WORD.findall(word)
        if not runs:
            return self.everything, False
        if word == runs[0]:  # a plain word: every word of the texts that starts with it
            return self._starting_with(word), True
        # "1,312,535", "Luo's": each run but an unfinished last one is a word of the text.
        whole = runs[:-1] if WORD.match(word[-1]) else runs
        if whole:
            return _common(self.words.get(run, set()) for run in whole), False
        return self._starting_with(runs[-1]), False

    def _starting_with(self, prefix):
        found = set()
        start = bisect_left(self.sorted_words, prefix)
        for word in self.sorted_words[start:]:
            if not word.startswith(prefix):
                break
            found |= self.words[word]
        return found


def _common(sets):
    sets = sorted(sets, key=len)
    return set.intersection(*sets) if sets else set()


class Index:
    """The postings of a corpus's texts and of its titles, where each document is by its key,
    and {kind: (first position, last position + 1)} (the corpus is in the order of kinds)."""

    def __init__(self, documents):
        self.texts = Postings([document.lowered for document in documents])
        self.titles = Postings([document.title.lower() for document in documents])
        self.by_key = {document.key: position for position, document in enumerate(documents)}
        self.kind_bounds = {}
        for position, document in enumerate(documents):
            start, _end = self.kind_bounds.get(document.kind, (position, position))
            self.kind_bounds[document.kind] = (start, position + 1)
