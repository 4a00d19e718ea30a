"""Word wrapping kept as character offsets: a long text is laid out once and sliced per line.

Panes that show text render only the lines on screen: they need to know where each line starts
and ends, not a copy of every line. Offsets also say on which line a quote's span falls.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

_WORD = re.compile(r"\S+")
# Characters a terminal gives one cell each, as Rich counts them: printable ASCII and the Latin
# letters, accented ones included. A paragraph of nothing else, English or Spanish, is measured
# by its length.
_NOT_ONE_CELL = re.compile(r"[^\x20-\x7e\xa0-\u02ff]")


@dataclass(frozen=True, eq=False)
class WrappedText:
    """A text laid out in lines no wider than ``width`` cells.

    Line ``i`` is ``text[starts[i]:ends[i]]``; the white space where a line was broken is in no
    line, and each ``\\n`` of the text ends a line.
    """

    text: str
    width: int
    starts: array[int]
    ends: array[int]

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, index: int) -> str:
        """The text of line ``index``."""
        return self.text[self.starts[index] : self.ends[index]]

    def line_of(self, offset: int) -> int:
        """The line holding the character at ``offset`` (the one before, for a dropped space)."""
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap_text(text: str, width: int, keep_whole: Sequence[tuple[int, int]] = ()) -> WrappedText:
    """Wrap ``text`` at spaces into lines of at most ``width`` cells; fold longer words.

    Each ``(start, end)`` of ``keep_whole`` is a run of words never broken at its spaces, such
    as a mark of several words: it moves to the next line whole when it does not fit. A run
    wider than a line is folded like a long word.
    """
    width = max(1, width)
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    position = 0
    while True:
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        _wrap_paragraph(text, position, end, width, starts, ends, keep_whole)
        if newline < 0:
            break
        position = newline + 1
    return WrappedText(text, width, starts, ends)


def _cells(text: str, start: int, end: int) -> int:
    piece = text[start:end]
    return len(piece) if piece.isascii() else cell_len(piece)


def _wrap_paragraph(
    text: str,
    start: int,
    end: int,
    width: int,
    starts: array[int],
    ends: array[int],
    keep_whole: Sequence[tuple[int, int]],
) -> None:
    if end - start <= width and _cells(text, start, end) <= width:
        starts.append(start)
        ends.append(end)
        return
    one_cell = _NOT_ONE_CELL.search(text, start, end) is None
    line_start = line_end = start
    used = 0
    words = _WORD.finditer(text, start, end)
    for match in words:
        word_start, word_end = match.span()
        if keep_whole:
            word_end = _end_of_kept_run(words, word_end, keep_whole)
        word = word_end - word_start if one_cell else _cells(text, word_start, word_end)
        if line_end > line_start:
            gap = word_start - line_end if one_cell else _cells(text, line_end, word_start)
            if used + gap + word <= width:
                used += gap + word
                line_end = word_end
                continue
            starts.append(line_start)
            ends.append(line_end)
            line_start = word_start
        elif line_start == start:
            # The paragraph's own indentation stays, as long as a word still fits after it.
            indent = _cells(text, start, word_start)
            if indent + word <= width:
                used = indent + word
                line_end = word_end
                continue
            line_start = word_start
        else:
            line_start = word_start
        if word <= width:
            used = word
            line_end = word_end
            continue
        line_start, used = _fold(text, word_start, word_end, width, starts, ends)
        line_end = word_end
    starts.append(line_start)
    ends.append(line_end)


def _end_of_kept_run(
    words: Iterator[re.Match[str]], word_end: int, keep_whole: Sequence[tuple[int, int]]
) -> int:
    """Where the unit ending at ``word_end`` ends once the words a kept run joins to it are
    taken from ``words``: a word followed by a space inside a run goes with the next word."""
    while any(start <= word_end < end for start, end in keep_whole):
        following = next(words, None)
        if following is None:
            break
        word_end = following.end()
    return word_end


def _fold(
    text: str, start: int, end: int, width: int, starts: array[int], ends: array[int]
) -> tuple[int, int]:
    """Cut a word wider than a line into full lines; return where the rest starts and its width."""
    position = start
    while True:
        if text[position:end].isascii():
            while end - position > width:
                cut = _after_a_break(text, position, position + width)
                starts.append(position)
                ends.append(cut)
                position = cut
            return position, end - position
        cut, used = position, 0
        while cut < end and used + get_character_cell_size(text[cut]) <= width:
            used += get_character_cell_size(text[cut])
            cut += 1
        if cut == end:
            return position, used
        # A character wider than the line still gets one.
        cut = max(_after_a_break(text, position, cut), position + 1)
        starts.append(position)
        ends.append(cut)
        position = cut


_BREAKS_AFTER = frozenset("-/_\\")
"""Characters a long word may be cut after: a file's name or an address, too long for a line,
reads in its parts ("mexicali-maquiladora-" then "exports-2024.yaml", not "…exports-20" then
"24.yaml")."""


def _after_a_break(text: str, start: int, cut: int) -> int:
    """Where to cut a word folded from ``start`` that may run up to ``cut``: after the last
    character of :data:`_BREAKS_AFTER` in the line's second half, else at ``cut``. A cut in its
    first half would leave most of the line empty."""
    for position in range(cut - 1, start + (cut - start) // 2 - 1, -1):
        if text[position] in _BREAKS_AFTER:
            return position + 1
    return cut
