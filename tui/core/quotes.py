"""Quote matching: where a key fact's quote stands in its article.

A quote matches when it is found in the article with runs of white space and typographic marks
(curly quotes, dashes) folded on both sides; the span found is in the article's own offsets.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.text import fold_marks, fold_white_space

_LONG_WHITESPACE_RUN = re.compile(r"\s{2,}")


def fold_quote(text: str) -> str:
    """Fold ``text`` the way quotes are compared: white space runs and typographic marks only."""
    return fold_white_space(fold_marks(text)).strip()


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets in a text (an article's, where a quote stands)."""

    start: int
    end: int


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

    def find(self, quote: str) -> Span | None:
        """Return where ``quote`` stands in the original text, or None when it is not there."""
        needle = fold_quote(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        start = self.to_original(at)
        # The last character of a match is never folded white space (the needle is stripped),
        # so mapping it and stepping past it gives the exclusive end.
        end = self.to_original(at + len(needle) - 1) + 1
        return Span(start, end)


def find_quote(article: str, quote: str) -> Span | None:
    """Return the span of ``quote`` in ``article`` under the quote-matching rule, or None."""
    return FoldedArticle.of(article).find(quote)
