"""Finding words in an article as the user types them, as the original pane does: the words so
far, every place they stand in the text, and the place gone to.

Places are found where the words start a word, case, accents and white space aside, and an
abbreviation's periods too ("nl" finds "N.L."), as the filter finds words
(:meth:`tui.core.quotes.FoldedArticle.find_all`). Typing more, or the article
changing on disk, keeps the reader at the place they were at while the words still stand there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from tui.core.quotes import FoldedArticle, Span
from tui.core.text import cells

MAX_FOUND = 100_000
"""The most places marked and gone through: a letter typed first stands at tens of thousands
of places of an article of megabytes, and a reader narrows it with the next."""
MAX_WORDS_LENGTH = 200
"""The most characters kept of the words: a paste of a page is no name to find."""
_WORD_AT_END = re.compile(r"\S*\s*\Z")
"""The last word of the words typed, with the spaces after it: what Ctrl+W takes off."""


class Found(NamedTuple):
    """Where some words stand in a text: the places, in order, and whether there are more."""

    words: str
    places: list[Span]
    more: bool


class Finding:
    """The words typed to find in one article's text and the places they stand at."""

    def __init__(self, words: str = "") -> None:
        self.words = words[:MAX_WORDS_LENGTH]
        self.fresh = bool(self.words)
        """Whether the words are those of a finding before, shown to be found again or typed
        over: the first character typed takes their place, as a browser's find does."""
        self.places: list[Span] = []
        self.starts: list[int] = []
        """Where each place starts, for finding the places on a line."""
        self.at: int | None = None
        """Which place was gone to; None when there is none."""
        self.more = False
        """Whether the words stand at more places than :data:`MAX_FOUND`."""
        self.searching = False
        """Whether the words typed last are being looked for (in a long article, elsewhere)."""
        self._folded: FoldedArticle | None = None
        self._text: str | None = None

    @property
    def position(self) -> tuple[int, int]:
        """Which place is gone to, from 1 (0 for none), and of how many."""
        return (0 if self.at is None else self.at + 1), len(self.places)

    @property
    def place(self) -> Span | None:
        """The place gone to, or None."""
        return None if self.at is None else self.places[self.at]

    def add(self, characters: str) -> None:
        """Add ``characters`` to the words, or put them in place of the words of before."""
        words = characters if self.fresh else self.words + characters
        self.words, self.fresh = words[:MAX_WORDS_LENGTH], False

    def erase(self) -> None:
        """Take the last character off the words, or all of them if they are those of before."""
        self.words, self.fresh = ("" if self.fresh else self.words[:-1]), False

    def erase_word(self) -> None:
        """Take the last word off the words (and the spaces after it), or all of them if they
        are those of before."""
        self.words, self.fresh = ("" if self.fresh else _WORD_AT_END.sub("", self.words)), False

    def erase_all(self) -> None:
        """Take every word off, to type others."""
        self.words, self.fresh = "", False

    def search(self, text: str | None) -> Found:
        """Where the words stand in ``text``. It may take a while in a long article (folding it
        first, the first time), and changes nothing shown: it may run in a thread."""
        words = self.words
        if not text or not words.strip():
            return Found(words, [], False)
        folded = self._folded
        if folded is None or self._text is not text:
            folded = FoldedArticle.of(text)
            self._folded, self._text = folded, text
        places = folded.find_all(words, MAX_FOUND + 1)
        return Found(words, places[:MAX_FOUND], len(places) > MAX_FOUND)

    def take(self, found: Found, near: int) -> None:
        """Take the places ``found``: go to the place gone to before if the words still stand
        there, else to the next; with none gone to before, to the first at or after offset
        ``near`` (the top of the pane), round to the first."""
        before = self.place
        self.places, self.more, self.searching = found.places, found.more, False
        self.starts = [span.start for span in self.places]
        self.at = None
        if self.places:
            index = bisect_left(self.starts, near if before is None else before.start)
            if index < len(self.places):
                self.at = index
            else:
                # Past the last place found: round to the first, unless places past it were
                # left out; then the last found is the nearest there is.
                self.at = len(self.places) - 1 if self.more else 0

    def look_in(self, text: str | None, near: int) -> None:
        """Find the words in ``text`` at once, and take the places (see :meth:`take`)."""
        self.take(self.search(text), near)

    def step_from(self, offset: int, by: int) -> bool:
        """Go to the first place at or after ``offset`` (``by`` 1), or the last before it (-1),
        round the ends: the reader scrolled away from the place gone to, and goes on from what
        is in view. False when there is no place."""
        if not self.places:
            return False
        index = bisect_left(self.starts, offset) - (1 if by < 0 else 0)
        self.at = index % len(self.places)
        self.fresh = False
        return True

    def step(self, by: int) -> bool:
        """Go ``by`` places on (back when negative), round the ends; False when there is none."""
        if self.at is None:
            return False
        self.at = (self.at + by) % len(self.places)
        self.fresh = False
        return True

    def let_go(self) -> None:
        """Let go of the article's folded text, which a long article makes large."""
        self._folded = self._text = None

    def status(self, width: int) -> str:
        """What the pane says of the finding, in at most ``width`` columns of a terminal: the
        words (cut first, at their start: their end is where the user types), and how many
        places they stand at."""
        if not self.words.strip():
            return "Find: type words"[:width]
        at, count = self.position
        if self.searching:
            places = "finding…"
        elif count:
            places = f"{at:,} of {count:,}{'+' if self.more else ''}"
        else:
            places = "not found"
        head, tail = "Find: ", f" · {places}"
        room = width - len(head) - len(tail)
        # As found: spaces typed between words, or after the last (Ctrl+W leaves one), are
        # one space or none, not room taken from the words.
        words = " ".join(self.words.split())
        if cells(words) > room:
            if room < 2:
                return places[:width]  # no room for a word: the count alone
            while words and cells(words) > room - 1:
                words = words[1:]
            words = "…" + words.lstrip()
        return f"{head}{words}{tail}"
