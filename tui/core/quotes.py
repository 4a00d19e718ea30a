"""Quote matching: where a key fact's quote stands in its article, and how surely.

A quote is anchored in its article in steps, each tried only when the one before found nothing:

1. **exact**: the quote is found with runs of white space and typographic marks (curly quotes,
   dashes) folded on both sides;
2. **loose**: it is found when case and accents are ignored as well;
3. **fuzzy**: a passage of the article differs from it by a slip or two, scoring at least
   :data:`FUZZY_THRESHOLD` of 100 (see :func:`fuzzy_score`);
4. else it is **missing**: not found.

Every span found is in the article's own offsets, whatever step found it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from tui.core.text import fold_marks, fold_white_space

_LONG_WHITESPACE_RUN = re.compile(r"\s{2,}")
_NOT_ASCII = re.compile("[^\x00-\x7f]")

AnchorStatus = Literal["exact", "loose", "fuzzy", "missing"]
"""How a quote was anchored in its article; ``missing`` is a quote not found there."""
ANCHOR_STATUSES: tuple[AnchorStatus, ...] = ("exact", "loose", "fuzzy", "missing")

FUZZY_THRESHOLD = 90
"""The lowest score (of 100) at which a passage counts as a quote's fuzzy anchor. At 90 a quote
of a hundred characters may differ from its passage by about five characters (a slip in a word,
a hyphen left by a line break, a dropped letter), while a different sentence on the same subject
scores far below it."""
FUZZY_MIN_LENGTH = 20
"""Quotes shorter than this (once folded) are never anchored fuzzily: a slip of one character in
a few words is a different word as often as a typing mistake."""


def fold_quote(text: str) -> str:
    """Fold ``text`` the way quotes are compared: white space runs and typographic marks only."""
    return fold_white_space(fold_marks(text)).strip()


# Named tuples, which take a fraction of the time a frozen dataclass does to define: this module
# is imported at every start.
class Span(NamedTuple):
    """A half-open range of character offsets in a text (an article's, where a quote stands)."""

    start: int
    end: int


class Anchor(NamedTuple):
    """Where a quote stands in its article and how it was found there."""

    status: AnchorStatus
    span: Span | None = None
    """The passage in the article's own offsets; None exactly when the status is ``missing``."""
    score: int | None = None
    """For a fuzzy anchor, how close the passage is to the quote, 90 to 100; else None."""


NOT_FOUND = Anchor("missing")


def _without_marks(text: str) -> str:
    return "".join(char for char in text if not unicodedata.combining(char))


def _loose_form(char: str) -> str:
    """What ``char`` is compared as when case and accents are ignored: one character, several
    (``ß`` is ``ss``, ``ﬁ`` is ``fi``) or none (an accent written as a character of its own)."""
    form = char
    # Decomposing, dropping accents and folding case can each undo what another did (a folded
    # capital may decompose further), so the steps are repeated until nothing changes.
    for _ in range(4):
        step = fold_marks(_without_marks(unicodedata.normalize("NFKD", form))).casefold()
        if step == form:
            break
        form = step
    # Folded case is small letters but in a few scripts (Cherokee); the text as a whole is
    # made small as well (see _LooseText.of), so the form is too.
    return form.lower()


def loosen(text: str) -> str:
    """``text`` with case and accents ignored, character by character (see :func:`_loose_form`).

    ``text`` is expected folded already (:func:`fold_quote`)."""
    return _LooseText.of(text).text


@dataclass(frozen=True, eq=False)
class _LooseText:
    """A folded text with case and accents ignored, with the way back to offsets in the folded
    text. Most characters become one character; those that become several or none are few, and
    only at them is a pair of offsets kept."""

    text: str
    loose_at: Sequence[int]
    folded_at: Sequence[int]
    # For each pair, 1 when the loose and folded offsets advance together from it; 0 when it is
    # the start of one folded character that became several loose ones, all of which map to it.
    together: Sequence[int]

    @classmethod
    def of(cls, folded: str) -> _LooseText:
        forms = {char: _loose_form(char) for char in set(_NOT_ASCII.findall(folded))}
        changed = {char: form for char, form in forms.items() if form != char}
        if all(_loose_form(made) == made for form in changed.values() for made in form):
            # Each replacement yields only characters that are their own loose form, so the
            # replacements cannot undo one another, and the last pass makes ASCII capitals
            # small without touching anything else. A few passes at C speed are several times
            # faster than a character table.
            loose = folded
            for char, form in changed.items():
                loose = loose.replace(char, form)
            loose = loose.lower()
        else:
            table = {ord(char): form for char, form in changed.items()}
            table.update((code, chr(code + 32)) for code in range(ord("A"), ord("Z") + 1))
            loose = folded.translate(table)
        loose_at, folded_at, together = array("q", [0]), array("q", [0]), array("b", [1])
        uneven = "".join(re.escape(char) for char, form in forms.items() if len(form) != 1)
        if uneven:
            grown = 0
            for found in re.finditer(f"[{uneven}]", folded):
                at = found.start()
                width = len(forms[found.group()])
                loose_at.append(at + grown)
                folded_at.append(at)
                together.append(0)
                grown += width - 1
                loose_at.append(at + 1 + grown)
                folded_at.append(at + 1)
                together.append(1)
        return cls(loose, loose_at, folded_at, together)

    def start_in_folded(self, offset: int) -> int:
        """The folded offset of the character whose loose form holds loose ``offset``."""
        index = bisect_right(self.loose_at, offset) - 1
        if not self.together[index]:
            return self.folded_at[index]
        return self.folded_at[index] + offset - self.loose_at[index]

    def end_in_folded(self, offset: int) -> int:
        """The folded offset just past the characters whose loose forms end by loose ``offset``
        (a character that became none, such as an accent after its letter, goes with the end)."""
        index = bisect_right(self.loose_at, offset) - 1
        if not self.together[index]:
            return self.folded_at[index] + (offset > self.loose_at[index])
        return self.folded_at[index] + offset - self.loose_at[index]


def fuzzy_score(quote: str, passage: str) -> float:
    """How close ``passage`` is to ``quote``, 0 to 100: 100 less the share of characters that
    must be inserted or deleted to turn one into the other (rapidfuzz's ``fuzz.ratio``)."""
    from rapidfuzz import fuzz  # imported when first needed: most corpora never need it

    return fuzz.ratio(quote, passage)


@dataclass(frozen=True, eq=False)
class FoldedArticle:
    """An article folded for quote matching, with the way back to offsets in the original."""

    folded: str
    # Pairs of (offset in folded, offset in original) at each place where folding removed
    # characters; between two such places the offsets advance together. Only runs of two or more
    # white space characters remove any, so ordinary prose needs few pairs, and they are kept as
    # compact arrays: an article of several megabytes must not cost hundreds.
    folded_starts: Sequence[int]
    original_starts: Sequence[int]

    @classmethod
    def of(cls, text: str) -> FoldedArticle:
        translated = fold_marks(text)
        folded = fold_white_space(translated)
        if len(folded) == len(translated):
            # No run of white space longer than one character: the offsets are the same.
            return cls(folded, array("q", [0]), array("q", [0]))
        folded_starts = array("q", [0])
        original_starts = array("q", [0])
        removed = 0
        for run in _LONG_WHITESPACE_RUN.finditer(translated):
            start, end = run.span()
            removed += end - start - 1
            folded_starts.append(end - removed)
            original_starts.append(end)
        return cls(folded, folded_starts, original_starts)

    def to_original(self, folded_offset: int) -> int:
        """Map an offset in the folded text to the offset of the same character in the original."""
        index = bisect_right(self.folded_starts, folded_offset) - 1
        return self.original_starts[index] + folded_offset - self.folded_starts[index]

    def _span(self, start: int, end: int) -> Span:
        """The original span of the folded text from ``start`` to ``end``, which neither starts
        nor ends with white space."""
        # The last character is never folded white space, so mapping it and stepping past it
        # gives the exclusive end.
        return Span(self.to_original(start), self.to_original(end - 1) + 1)

    def find(self, quote: str) -> Span | None:
        """Return where ``quote`` stands in the original text exactly (white space and
        typographic marks folded), or None when it is not there."""
        needle = fold_quote(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        return self._span(at, at + len(needle))

    @cached_property
    def loose(self) -> _LooseText:
        """The folded text with case and accents ignored; made when a quote first needs it."""
        return _LooseText.of(self.folded)

    def fuzzy_work(self, quote: str) -> int:
        """What looking for ``quote`` fuzzily costs: its length times the article's. A search
        takes about 0.7 seconds per 10 ** 10 of it (a quote of 2,000 characters in 5 MB)."""
        return len(fold_quote(quote)) * len(self.folded)

    def anchor(self, quote: str, *, fuzzy: bool = True) -> Anchor:
        """Anchor ``quote`` in the article in steps: exact, loose, and fuzzy unless ``fuzzy`` is
        false (see the module)."""
        needle = fold_quote(quote)
        if not needle:
            return NOT_FOUND
        at = self.folded.find(needle)
        if at >= 0:
            return Anchor("exact", self._span(at, at + len(needle)))
        loose_needle = loosen(needle).strip()
        if not loose_needle:
            return NOT_FOUND
        loose = self.loose
        at = loose.text.find(loose_needle)
        if at >= 0:
            return Anchor("loose", self._loose_span(at, at + len(loose_needle)))
        return self._fuzzy(loose_needle) if fuzzy else NOT_FOUND

    def _loose_span(self, start: int, end: int) -> Span:
        loose = self.loose
        return self._span(loose.start_in_folded(start), loose.end_in_folded(end))

    def _fuzzy(self, needle: str) -> Anchor:
        """The passage of the loose text closest to ``needle``, if it scores high enough.

        rapidfuzz finds the best window of the needle's own length; a passage that lost or
        gained a few characters (a hyphen and a line break in a word) is longer or shorter than
        that, so the window's ends are then moved, a character at a time, while the score rises.
        """
        text = self.loose.text
        if len(needle) < FUZZY_MIN_LENGTH or len(needle) > len(text):
            return NOT_FOUND
        from rapidfuzz import fuzz  # imported when first needed: most corpora never need it

        found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_THRESHOLD)
        if found is None:
            return NOT_FOUND
        start, end = _best_passage(needle, text, found.dest_start, found.dest_end)
        score = fuzzy_score(needle, text[start:end])
        if score < FUZZY_THRESHOLD or start >= end:
            return NOT_FOUND
        return Anchor("fuzzy", self._loose_span(start, end), math.floor(score))


def _best_passage(needle: str, text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved by a few characters each while the passage between them
    comes closer to ``needle``; white space at either end is then left out."""
    # A slip or two moves an end by a few characters; a long quote may have a few more.
    reach = min(40, max(3, len(needle) // 10))
    best = fuzzy_score(needle, text[start:end])
    for _ in range(2):
        for candidate in range(max(start + 1, end - reach), min(len(text), end + reach) + 1):
            score = fuzzy_score(needle, text[start:candidate])
            if score > best:
                best, end = score, candidate
        for candidate in range(max(0, start - reach), min(end, start + reach + 1)):
            score = fuzzy_score(needle, text[candidate:end])
            if score > best:
                best, start = score, candidate
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote(article: str, quote: str) -> Span | None:
    """Return the span of ``quote`` in ``article`` under the exact step, or None."""
    return FoldedArticle.of(article).find(quote)


def anchor_quote(article: str, quote: str) -> Anchor:
    """Anchor ``quote`` in ``article`` in steps (exact, loose, fuzzy); see the module."""
    return FoldedArticle.of(article).anchor(quote)
