"""Quote matching: where a key fact's quote stands in its article, and how surely.

A quote is anchored in its article in steps, each tried only when the one before found nothing:

1. **exact**: the quote is found with runs of white space and typographic marks (curly quotes,
   dashes) folded on both sides;
2. **loose**: it is found when case and accents are ignored as well;
3. **fuzzy**: a passage of the article differs from it by a slip or two, scoring at least
   :data:`FUZZY_THRESHOLD` of 100 (see :func:`fuzzy_score`);
4. **loose** still: its figures are written otherwise in the article, each the same number
   ("57 mil" for "57.000", "1.5 millones" for "1,500,000"), and its other words stand there as
   in step 2; a short quote so written is too far from its passage for the fuzzy step;
5. else it is **missing**: not found.

A passage the loose or fuzzy step finds is the quote's anchor only if it holds the same numbers
as the quote, in the same order (see :func:`numbers_differ`): "313.200" for the article's
"331.200" is not a slip but another figure, nor "57 million" for "57 billion" (a number's scale
words are part of it, :data:`_SCALES`), nor "four" for "three" or "second" for "first" (numbers
in words and ordinals are numbers, :data:`_CARDINALS`, :data:`_ORDINALS`), and a fact must never
be shown as the article's when its figure is not. Such a quote is missing, and its anchor says
which passage it came close to (:class:`NumberDifference`), so that the analyst can be shown the
article's figure.

Nor does a fuzzy passage anchor a quote if one of them negates what the other says: a quote's "no
se incrementó la membresía" for the article's "se incrementó la membresía" turns the fact around,
however close the rest (see :data:`_NEGATING`). Such a quote is missing too, and its anchor gives
the negating words one of them writes and the other lacks (:class:`NegationDifference`).

Nor does a passage anchor a quote if it starts or ends inside one of the article's words: "legal
según la normativa" found within "ilegal según la normativa" turns the fact around, and "1.200"
within "331.200" is another figure. Such a quote is missing too, and its anchor gives the whole
words it cut into (:class:`CutWord`).

Every span found is in the article's own offsets, whatever step found it.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, Literal, NamedTuple, TypeVar

from tui.core.numbers import CARDINALS, ONES, ORDINALS, SCALE_ABBREVIATIONS, SCALES
from tui.core.text import (
    abbreviations_as_letters,
    fold_marks,
    fold_white_space,
    written_abbreviations,
)

_LONG_WHITESPACE_RUN = re.compile(r"\s{2,}")
_NOT_ASCII = re.compile("[^\x00-\x7f]")
# A number as prose writes it: digits, with groups after a point or a comma ("331.200",
# "6,7", "1,500.5"), or after a single space when three digits follow ("331 200", as Spanish
# style guides and French text group thousands; the space was a non-breaking one before folding).
_NUMBER = re.compile(r"\d+(?:(?:[.,]| (?=\d{3}(?!\d)))\d+)*")
_GROUP_SEPARATOR = re.compile(r"[., ]")
_NUMBER_GROUP = re.compile(r"\d{3}(?!\d)")
_NUMBER_MARGIN = 64
"""How far beyond a passage's ends its numbers are looked for: a passage that starts or ends
inside a number ("31.200" within "331.200") is held to the whole number."""

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
LOOSE_TRIES = 1_000
"""How many places where a quote stands loosely are looked at for one holding its numbers: a
quote repeated all through an article must not cost a pass over each place."""


def fold_quote(text: str) -> str:
    """Fold ``text`` the way quotes are compared: white space runs and typographic marks only."""
    return fold_white_space(fold_marks(text)).strip()


# Named tuples, which take a fraction of the time a frozen dataclass does to define: this module
# is imported at every start.
class Span(NamedTuple):
    """A half-open range of character offsets in a text (an article's, where a quote stands)."""

    start: int
    end: int


class NumberDifference(NamedTuple):
    """A passage the loose or fuzzy step found for a quote, not taken as its anchor because a
    number in it differs from the quote's."""

    span: Span
    """The passage in the article's own offsets."""
    score: int | None
    """For a passage the fuzzy step found, how close it is to the quote; None for a loose one."""
    quoted: tuple[str, ...]
    """The quote's numbers that differ, as the quote writes them (none when the article has a
    number the quote lacks)."""
    written: tuple[str, ...]
    """The article's numbers in their place, as the article writes them (none when the quote
    has a number the article lacks there)."""


class NegationDifference(NamedTuple):
    """A passage the fuzzy step found for a quote, not taken as its anchor because one of them
    has a negating word the other lacks: "no se incrementó" for "se incrementó"."""

    span: Span
    """The passage in the article's own offsets."""
    score: int | None
    """How close the passage is to the quote."""
    quoted: tuple[str, ...]
    """The quote's negating words the passage lacks, as the quote writes them ("no", "never");
    none when it is the passage that has more."""
    written: tuple[str, ...]
    """The passage's negating words the quote lacks, as the article writes them; none when it is
    the quote that has more."""


class CutWord(NamedTuple):
    """A passage that held a quote, or came close to it, but starts or ends inside a word of the
    article, which the quote leaves cut: not taken as its anchor."""

    span: Span
    """The passage widened to the whole words it cut into, in the article's own offsets."""
    at_start: bool
    """Whether the passage starts inside a word."""
    at_end: bool
    """Whether the passage ends inside a word."""
    score: int | None
    """For a passage the fuzzy step found, how close it is to the quote; None for one found
    exactly or loosely."""


class Anchor(NamedTuple):
    """Where a quote stands in its article and how it was found there."""

    status: AnchorStatus
    span: Span | None = None
    """The passage in the article's own offsets; None exactly when the status is ``missing``."""
    score: int | None = None
    """For a fuzzy anchor, how close the passage is to the quote, 90 to 100; else None."""
    differs: NumberDifference | NegationDifference | None = None
    """For a missing quote, the passage that would have anchored it loosely or fuzzily but for a
    number, or but for a negating word; else None."""
    cut: CutWord | None = None
    """For a missing quote, the passage that would have anchored it but starts or ends inside a
    word; else None."""


NOT_FOUND = Anchor("missing")


_THOUSANDS_TYPED = re.compile(r"\d{1,3}(?:[,. ]\d{3})+(?!\d)|\d{4,}")
"""A number typed with its thousands apart ("1,200") or together ("1200"); not "6,7"."""


_ABBREVIATION_PERIOD = r"(\. ?)?"
"""What may stand between two letters typed side by side: an abbreviation's period, with the
space after it that "EE. UU." has. It is captured, so that the place found is checked against
the abbreviations the text writes (:meth:`FoldedArticle.find_all`)."""
_ABBREVIATIONS_END = r"(\.)?"
"""What may stand between a letter and a space or a mark typed after it: the period ending an
abbreviation ("nl y" finds "N.L. y"); captured likewise."""


def _find_pattern(words: str) -> str:
    """A pattern for ``words`` that finds a number as the article may write it, its thousands
    apart by a comma, a point or a space, or together: "1200" finds "1,200" and "1.200", and
    its decimal mark a point or a comma: "6.2" finds "6,2", as the filter finds them; and
    letters typed side by side with an abbreviation's period between them: "nl" finds "N.L".
    Other characters stand for themselves."""
    pattern, last = [], 0
    for number in _THOUSANDS_TYPED.finditer(words):
        digits = re.sub(r"\D", "", number.group())
        first = len(digits) % 3 or 3
        groups = [digits[:first], *(digits[at : at + 3] for at in range(first, len(digits), 3))]
        pattern += [_letters_apart(words, last, number.start()), "[,. ]?".join(groups)]
        last = number.end()
    pattern.append(_letters_apart(words, last, len(words)))
    return "".join(pattern)


def _letters_apart(words: str, start: int, end: int) -> str:
    """A pattern for ``words[start:end]`` where each two letters side by side may stand apart
    by an abbreviation's period (:data:`_ABBREVIATION_PERIOD`), and a letter followed by a
    space or a mark other than a period may be followed by the period ending one first
    (:data:`_ABBREVIATIONS_END`). These take a period in only where the words, which have
    none there, could not stand otherwise: a place found without one is found as before. A
    point or a comma between digits is a decimal mark, which either language writes: "6.2"
    and "6,2" are one number."""
    pattern = []
    for at in range(start, end):
        char, after = words[at], words[at + 1 : at + 2]
        if char in ".," and words[at - 1 : at].isdigit() and after.isdigit():
            pattern.append("[.,]")
            continue
        pattern.append(re.escape(char))
        if char.isalpha() and after:
            if after.isalpha():
                pattern.append(_ABBREVIATION_PERIOD)
            elif not after.isalnum() and after != ".":
                pattern.append(_ABBREVIATIONS_END)
    return "".join(pattern)


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


class _Number(NamedTuple):
    """A number as a text writes it, and what it may mean."""

    written: str
    digits: str
    """Its digits alone, as ASCII digits."""
    decimals: frozenset[int]
    """How many of its digits may stand after a decimal separator: ``{0}`` for "1500",
    ``{1}`` for "6,7", ``{0, 3}`` for "1.500", a thousand in Spanish and one and a half in
    English."""
    scale: int = 0
    """The power of ten the scale words after it multiply it by: 9 for "57 billion", "57 mil
    millones" and "57 bn", 6 for "15 mdd" (millones de dólares), 9 for "15 mil mdd"."""
    ordinal: bool = False
    """Whether it tells a place in an order ("first", "tercer", "2nd", "1er") rather than how
    many: "the third pillar" is not "three pillars"."""
    vague: bool = False
    """Whether it is a scale word in the plural with no number before it ("miles de",
    "hundreds of", "millones de"): an amount, but none that digits write."""
    maybe: bool = False
    """Whether it is "one", "un", "una" or "uno" alone, a number only where the other side has a
    number in its place (see :func:`_numbers_differing`): "one plant" is not "two plants", but
    "one of the plants" and "un aumento" count nothing."""


_WHOLE = frozenset({0})


def _loose_words(table: dict[str, int]) -> dict[str, int]:
    """``table`` with its words as the loose text writes them: no accents ("millon")."""
    return {
        word if word.isascii() else _without_marks(unicodedata.normalize("NFKD", word)): value
        for word, value in table.items()
    }


_SCALES = _loose_words(SCALES | SCALE_ABBREVIATIONS)
"""Words that multiply the number before them, as the loose text writes them (small letters, no
accents), with the power of ten each stands for: "57 billion" is not "57 million", nor "15 mdd"
"15 mil mdd". Several in a row multiply together ("mil millones", "mil mdd"). A scale word
with no number before it ("a million", "mil empleos", "miles de") is a figure of its own. The
abbreviations "k" and "M" are left out: the loose text has no case, and "5 m" is five metres."""
_CARDINALS = _loose_words(CARDINALS)
"""Numbers written in words, as the loose text writes them, with their values: "three key areas"
is not "four key areas". Words in a row make one number ("twenty-five", "treinta y cinco",
"ciento veinte"). "One" and the Spanish "un", "una" and "uno" are left out: "one of the", "the
one" and the articles "un" and "una" count nothing, and a quote leaving one out or adding one
changes no figure far more often than it does; they are read as the units of a tens word
before them ("twenty-one", "treinta y un"), see :data:`_UNITS_AFTER_TENS`, and alone as a
number only where the other side has another in their place (:attr:`_Number.maybe`)."""
_UNITS_AFTER_TENS = frozenset(ONES)
"""One, read as a number as the units of a tens word before it, or before a scale word ("un
millón", "one hundred"), and else only where the other side has a number in its place."""
_ORDINALS = _loose_words(ORDINALS)
"""Ordinals, the places they tell: "the first pillar" is not "the second pillar"."""
_ORDINAL_ENDING = re.compile(r"(?:st|nd|rd|th|er|[dtrvmn][oa]|[oa])s?")
"""What written onto a number makes it an ordinal: "2nd", "1er", "3ra", "5to", "2dos", and "1o"
and "1a" for the loose text's "1º" and "1ª"."""
_WORD_NUMBERS = {
    **{word: _Number("", str(value), _WHOLE) for word, value in _CARDINALS.items()},
    **{word: _Number("", str(value), _WHOLE, ordinal=True) for word, value in _ORDINALS.items()},
    # Scale words have no digits: each is taken into the number before it.
    **{word: _Number("", "", _WHOLE, scale) for word, scale in _SCALES.items()},
}
"""Every word read as a number, or as a number's scale, as :func:`_numbers` reads it."""
_NEGATING = frozenset(
    ("not", "no", "never", "without", "nor", "cannot", "neither", "none", "nobody", "nothing")
    + ("nunca", "ni", "sin", "tampoco", "jamas", "ningun", "ninguna", "ninguno", "nadie", "nada")
)
"""Words that negate what a sentence says, as the loose text writes them, with every word ending
in "n't" ("don't", "isn't"): a quote having one its passage lacks, or lacking one it has, says
the opposite of the article, a slip or two aside."""
_NOT_NEGATING_AFTER = {"sin": re.compile(r" embargo\b"), "no": re.compile(r" obstante\b|\. ?\d")}
"""What makes a negating word part of something else: "sin embargo" and "no obstante" (however,
nevertheless), "No. 5" (a number)."""
_JOINING = frozenset((" ", "-", " y ", " and "))
"""What may stand between two number words of one number: "twenty-five", "treinta y cinco"."""
_BEFORE_DE = re.compile(r" de\b")
_WRITTEN_ONTO = re.compile(r"[^\W\d_]+")
"""Letters written onto a number, which may be an ordinal's ending ("2nd", "1er") or a scale
word ("57bn") of it."""


@cache
def _number_word() -> re.Pattern[str]:
    """A pattern for a word of :data:`_WORD_NUMBERS` or :data:`_UNITS_AFTER_TENS`, whole; made
    when first needed, for most corpora never need it."""
    words = _alternatives([*_WORD_NUMBERS, *_UNITS_AFTER_TENS])
    # Word boundaries, which take half the time a look at the letter before takes: one written
    # onto a number ("57bn") is read with the number.
    return re.compile(rf"\b(?:{words})\b")


@cache
def _negating_word() -> re.Pattern[str]:
    """A pattern for a word of :data:`_NEGATING`, whole; made when first needed, as
    :func:`_number_word` is."""
    words = _alternatives(sorted(_NEGATING))
    return re.compile(rf"\b(?:{words})\b")


@cache
def _figure() -> re.Pattern[str]:
    """A pattern for a figure in digits, with scale words after it or without ("57.000", "57
    mil", "1,5 millones", "57bn"), or in scale words alone ("mil millones"), as far as it goes;
    made when first needed."""
    scales = _alternatives(sorted(_SCALES))
    digits = r"\d+(?:[.,]\d+)*(?: \d{3}(?!\d))*"
    return re.compile(rf"(?:{digits}(?: ?{scales}\b)*|\b{scales}(?: {scales}\b)*)")


def _occurrences(text: str, part: str) -> Iterator[int]:
    """Where ``part`` stands in ``text``, in order, overlapping or not."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


_CONTRACTION = re.compile(r"\b[^\W\d_]+n't\b")
"""A word ending in "n't", looked for only in a text that holds one: a pattern trying it at
every word would take several times as long."""


_Letters = dict[str, "_Letters"]
"""Words as a tree of their letters, the empty string marking where one ends."""


def _alternatives(words: Sequence[str]) -> str:
    """A pattern for any one of ``words``, as a tree of their letters: a regular expression
    tries the branches of a plain alternation one by one at each place of a text, and those of
    a tree only as far as the letters go alike, a few times faster. The longer of two words
    one starts is tried first."""
    tree: _Letters = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: _Letters) -> str:
        branches = [re.escape(letter) + pattern(rest) for letter, rest in node.items() if letter]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{either})?" if "" in node else either

    return pattern(tree)


def _decimals(groups: list[str], separators: list[str]) -> frozenset[int]:
    """The readings of a number written as ``groups`` of digits between ``separators``: how
    many digits may follow a decimal separator (none read so: an empty set)."""
    if not separators:
        return frozenset({0})
    readings = set()
    if _thousands(groups, separators):
        readings.add(0)
    last = separators[-1]
    # A decimal point or comma last, after thousands set apart otherwise: "1.500,5", "1,500.5".
    if last in ".," and (
        len(separators) == 1 or (_thousands(groups[:-1], separators[:-1]) and separators[0] != last)
    ):
        readings.add(len(groups[-1]))
    return frozenset(readings)


def _thousands(groups: list[str], separators: list[str]) -> bool:
    """Whether ``groups`` between ``separators`` are thousands set apart: one to three digits,
    then groups of three, all set apart alike ("1.500.000", "331 200")."""
    return (
        1 <= len(groups[0]) <= 3
        and all(len(group) == 3 for group in groups[1:])
        and len(set(separators)) == 1
    )


def _numbers(text: str) -> list[tuple[int, int, _Number]]:
    """The numbers ``text`` (a loose text) writes, in digits or in words, each with where it
    stands, its scale words after it taken in (see :data:`_SCALES`)."""
    numbers = _digit_numbers(text)
    for index, (start, end, number) in enumerate(numbers):
        onto = _WRITTEN_ONTO.match(text, end)
        if onto is None:
            continue
        if _ORDINAL_ENDING.fullmatch(onto.group()):
            number = number._replace(ordinal=True)
        elif onto.group() in _SCALES:
            number = number._replace(scale=_SCALES[onto.group()])
        else:
            continue  # a unit: "20km"
        numbers[index] = (start, onto.end(), number._replace(written=text[start : onto.end()]))
    words = _word_numbers(text)
    if not words:
        return numbers
    # In the order they stand, each scale word is taken into the number (or the scale word)
    # right before it, with nothing between them but a space, if that.
    found: list[tuple[int, int, _Number]] = []
    for start, end, number in sorted([*numbers, *words], key=lambda piece: piece[0]):
        if number.digits:
            found.append((start, end, number))
            continue
        before_start, before_end, before = found[-1] if found else (0, 0, None)
        if before is not None and text[before_end:start] in ("", " ") and not before.ordinal:
            scale = before.scale + number.scale
            written = text[before_start:end]
            # "Un millón", "one hundred": one, whatever the other side writes.
            before = before._replace(written=written, scale=scale, maybe=False)
            found[-1] = (before_start, end, before)
        else:
            # One alone is worth one of its scale ("mil empleos", "a million"); in the plural
            # ("miles de", "hundreds of"), an amount none of whose digits are told.
            written = text[start:end]
            number = number._replace(written=written, digits="1", vague=written.endswith("s"))
            found.append((start, end, number))
    return found


def _word_numbers(text: str) -> list[tuple[int, int, _Number]]:
    """The numbers ``text`` writes in words, and its scale words, each with where it stands;
    words in a row of one number read as one (see :func:`_adds`)."""
    found: list[tuple[int, int, _Number]] = []
    for match in _number_word().finditer(text):
        word = match.group()
        start, end = match.span()
        if word == "miles" and _BEFORE_DE.match(text, end) is None:
            continue
        unit = word in _UNITS_AFTER_TENS
        number = _Number("", "1", _WHOLE) if unit else _WORD_NUMBERS[word]
        if _joins(text, found, start, number):
            before_start, _, before = found[-1]
            value = str(int(before.digits) + int(number.digits))
            found[-1] = (
                before_start,
                end,
                before._replace(written=text[before_start:end], digits=value),
            )
        else:
            found.append((start, end, number._replace(written=word, maybe=unit)))
    return found


_Negation = tuple[int, int, str]
"""A negating word of a text, with where it stands in it."""


def _negations(text: str) -> list[_Negation]:
    """The negating words ``text`` (a loose text) writes, each with where it stands."""
    found = []
    for match in _negating_word().finditer(text):
        word = match.group()
        after = _NOT_NEGATING_AFTER.get(word)
        if after is None or after.match(text, match.end()) is None:
            found.append((match.start(), match.end(), word))
    if "n't" in text:
        found += [
            (match.start(), match.end(), match.group()) for match in _CONTRACTION.finditer(text)
        ]
        found.sort()
    return found


def _negates(word: str) -> bool:
    """Whether ``word`` (of a loose text) is a negating word (see :data:`_NEGATING`)."""
    return word in _NEGATING or word.endswith("n't")


def _joins(text: str, found: list[tuple[int, int, _Number]], start: int, number: _Number) -> bool:
    """Whether the number word ``number`` at ``start`` of ``text`` is part of the number in
    words ``found`` last, right before it (see :func:`_adds`)."""
    if not found or not number.digits or number.ordinal:
        return False
    _, before_end, before = found[-1]
    return (
        bool(before.digits)
        and not before.ordinal
        and text[before_end:start] in _JOINING
        and _adds(int(before.digits), int(number.digits))
    )


def _adds(value: int, added: int) -> bool:
    """Whether a number word worth ``added`` after a number in words worth ``value`` adds to it:
    a unit after tens ("twenty-five", "treinta y cinco"), tens or units after Spanish hundreds
    ("ciento veinte", "doscientos cinco"); not a number after another ("dos y tres")."""
    if value >= 100 and value % 100 == 0:
        return added < 100
    return value % 100 >= 20 and value % 10 == 0 and added < 10


def _digit_numbers(text: str) -> list[tuple[int, int, _Number]]:
    """The numbers ``text`` writes in digits, each with where it stands. Digits set apart in a
    way no number is written ("1.2.3", "2024 331") are read as numbers of their own."""
    found = []
    for match in _NUMBER.finditer(text):
        written = match.group()
        groups = _GROUP_SEPARATOR.split(written)
        separators = _GROUP_SEPARATOR.findall(written)
        decimals = _decimals(groups, separators)
        if decimals:
            number = _Number(written, _ascii_digits("".join(groups)), decimals)
            found.append((match.start(), match.end(), number))
            continue
        at = match.start()
        for group, separator in zip(groups, [*separators, ""], strict=True):
            number = _Number(group, _ascii_digits(group), _WHOLE)
            found.append((at, at + len(group), number))
            at += len(group) + len(separator)
    return found


def _ascii_digits(digits: str) -> str:
    """``digits`` of any script ("٣", the full-width "３") as ASCII digits."""
    return digits if digits.isascii() else "".join(str(unicodedata.decimal(c)) for c in digits)


_Placed = tuple[int, int, _Number]
"""A number of a text, with where it stands in it."""
_T = TypeVar("_T", _Placed, _Negation)


def _same_number(one: _Placed, other: _Placed) -> bool:
    """Whether two numbers may be one written two ways: "1.500", "1,500" and "1500"; "6,7"
    and "6.7"; "three" and "3", "first" and "1st"; and with scale words or without, if their
    values are the same: "57 mil" and "57.000", "57 mil millones" and "57.000 millones", "1.5
    millones" and "1,500,000". Other digits, a decimal separator moved or gone ("1.5" and
    "15"), another value ("57 million" and "57 billion", "57 mil" and "58.000"), an ordinal for
    a count ("third" and "three"), or a vague amount for a figure ("miles de" and "1.000") are
    not."""
    one_number, other_number = one[2], other[2]
    if one_number.ordinal != other_number.ordinal:
        return False
    if one_number.scale == other_number.scale:
        # Digits alike, a reading alike: trailing zeros are digits here, for "331.2" is not
        # the Spanish "331.200", whatever an English reading of it with three decimals says.
        return one_number.digits == other_number.digits and bool(
            one_number.decimals & other_number.decimals
        )
    if one_number.vague or other_number.vague:
        return False
    return not _values(one_number).isdisjoint(_values(other_number))


def _values(number: _Number) -> set[tuple[int, int]]:
    """What ``number`` may be worth, each reading of it as its digits without trailing zeros and
    the power of ten they are multiplied by: "57 mil" and "57.000" are both 57 times 10 ** 3
    (the latter also 57, an English reading with three decimals)."""
    values = set()
    for decimals in number.decimals:
        digits, power = int(number.digits), number.scale - decimals
        while digits and digits % 10 == 0:
            digits //= 10
            power += 1
        values.add((digits, power if digits else 0))
    return values


def numbers_differ(quote: str, passage: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Where the numbers of ``quote`` and ``passage`` differ: the quote's and the passage's that
    do not match, in order, between those that do at either end, as each writes them; None when
    every number of one is the same number in the other, in the same order (see
    :func:`_same_number`)."""
    one, other = _Quote.of(fold_quote(quote)), _Quote.of(fold_quote(passage))
    differing = _numbers_differing(one.numbers, other.numbers)
    if differing is None:
        return None
    quoted, written = differing
    return one.as_written(quoted), other.as_written(written)


def _differing(
    quoted: Sequence[_T], written: Sequence[_T], same: Callable[[_T, _T], bool]
) -> tuple[Sequence[_T], Sequence[_T]] | None:
    """The numbers (or words) of ``quoted`` and of ``written`` that differ, in order, between
    those that are the ``same`` at either end; None when all are, in the same order."""
    if len(quoted) == len(written) and all(map(same, quoted, written)):
        return None
    start = 0
    while start < min(len(quoted), len(written)) and same(quoted[start], written[start]):
        start += 1
    end = 0
    while end < min(len(quoted), len(written)) - start and same(
        quoted[-1 - end], written[-1 - end]
    ):
        end += 1
    return quoted[start : len(quoted) - end], written[start : len(written) - end]


def _numbers_differing(
    quoted: Sequence[_Placed], written: Sequence[_Placed]
) -> tuple[Sequence[_Placed], Sequence[_Placed]] | None:
    """The numbers of ``quoted`` and of ``written`` that differ, in order, as :func:`_differing`
    tells them; None when all are the same, in the same order, once each "one" that has no
    number in its place on the other side is left out (see :func:`_aligned`). Where it has one,
    both are named: "one" where the other side has "two"."""
    differing = _differing(quoted, written, _same_number)
    if differing is None or _aligned(quoted, written):
        return None
    quoted_apart, written_apart = differing
    if len(quoted_apart) != len(written_apart):
        # Not each facing one: a "one" in either is no number the other lacks.
        quoted_apart = [number for number in quoted_apart if not number[2].maybe]
        written_apart = [number for number in written_apart if not number[2].maybe]
    return quoted_apart, written_apart


def _aligned(quoted: Sequence[_Placed], written: Sequence[_Placed]) -> bool:
    """Whether ``quoted`` and ``written`` are the same numbers in the same order once some of
    their "one"s (:attr:`_Number.maybe`) are left out: "una planta y 2 naves" has the numbers of
    "la planta y 2 naves", and "1 planta" those of "una planta"; not "una planta" those of "dos
    plantas"."""
    start, quoted_end, written_end = 0, len(quoted), len(written)

    def definite(one: _Placed, other: _Placed) -> bool:
        return not one[2].maybe and not other[2].maybe and _same_number(one, other)

    # The same numbers at either end, neither a "one", are each other's in any way of leaving
    # "one"s out: only those between are tried each way.
    while start < min(quoted_end, written_end) and definite(quoted[start], written[start]):
        start += 1
    while (
        quoted_end > start
        and written_end > start
        and definite(quoted[quoted_end - 1], written[written_end - 1])
    ):
        quoted_end -= 1
        written_end -= 1
    quoted, written = quoted[start:quoted_end], written[start:written_end]
    if not any(number[2].maybe for number in (*quoted, *written)):
        return not quoted and not written
    # How far into each the numbers may be taken as the same, by each way of leaving out
    # "one"s: a few numbers at most, for the rest are taken above.
    reached = {(0, 0)}
    for at_quoted in range(len(quoted) + 1):
        for at_written in range(len(written) + 1):
            if (at_quoted, at_written) not in reached:
                continue
            if at_quoted < len(quoted) and quoted[at_quoted][2].maybe:
                reached.add((at_quoted + 1, at_written))
            if at_written < len(written) and written[at_written][2].maybe:
                reached.add((at_quoted, at_written + 1))
            if (
                at_quoted < len(quoted)
                and at_written < len(written)
                and _same_number(quoted[at_quoted], written[at_written])
            ):
                reached.add((at_quoted + 1, at_written + 1))
    return (len(quoted), len(written)) in reached


def _both_negate(one: _Negation, other: _Negation) -> bool:
    """Any two negating words are alike: "not" and "never", "no" and "nunca" both negate (the
    words differing otherwise is the fuzzy score's to weigh)."""
    return True


_Differs = tuple[
    type[NumberDifference | NegationDifference],
    Sequence[tuple[int, int, object]],
    Sequence[tuple[int, int, object]],
]
"""What a passage says otherwise than its quote: the kind of difference, then the quote's
numbers or words and the passage's that differ."""


def _difference_in(
    quote: _Quote, window: str, start: int, end: int, *, negations: bool
) -> _Differs | None:
    """What the passage of ``window`` from ``start`` to ``end`` says otherwise than ``quote``:
    its numbers, read whole with their scale words, also where it starts or ends inside one;
    else, if ``negations``, its negating words. None when it says the same."""
    written = [(at, past, n) for at, past, n in _numbers(window) if at < end and past > start]
    differing: tuple[Sequence[Any], Sequence[Any]] | None
    differing = _numbers_differing(quote.numbers, written)
    if differing is not None:
        return NumberDifference, *differing
    if not negations:
        return None
    negating = [(at, past, w) for at, past, w in _negations(window) if at < end and past > start]
    differing = _differing(quote.negations, negating, _both_negate)
    if differing is not None:
        return NegationDifference, *differing
    return None


MISSPELLING_SCORE = 75
"""How close (of 100, as :func:`fuzzy_score` scores) a word must be to the word the other side
writes at its place to be a slip in it ("foruth" for "fourth", "milion" for "million", "nevr"
for "never"): a letter or two left out, added or swapped (see :func:`_misspells`)."""
_SPELT_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
"""A word, for telling slips in words: letters only, for a digit changed is another figure."""


def _misspelt_only(needle: str, window: str, start: int, end: int) -> bool:
    """Whether the quote ``needle`` and its fuzzy passage of ``window``, from ``start`` to
    ``end``, say the same once each number word or negating word that one of them misspells at
    the other's place is spelt as the other writes it: a quote's "foruth pillar" leaves out no
    figure of the article's "fourth pillar", it misspells it."""
    passage = window[start:end]
    respelt_needle, respelt_passage = _respelt(needle, passage)
    if respelt_needle == needle and respelt_passage == passage:
        return False
    respelt = window[:start] + respelt_passage + window[end:]
    passage_end = start + len(respelt_passage)
    # Read as a quote is: a loose text is its own loose form.
    respelt_quote = _Quote.of(respelt_needle)
    return _difference_in(respelt_quote, respelt, start, passage_end, negations=True) is None


def _respelt(one: str, other: str) -> tuple[str, str]:
    """``one`` and ``other`` with each word that misspells the word the other writes at its place
    (see :func:`_misspells`) written as the other writes it."""
    from rapidfuzz.distance import Levenshtein  # imported by the fuzzy step already

    one_words, other_words = list(_SPELT_WORD.finditer(one)), list(_SPELT_WORD.finditer(other))
    one_fixes: list[tuple[re.Match[str], str]] = []
    other_fixes: list[tuple[re.Match[str], str]] = []
    steps = Levenshtein.opcodes([w.group() for w in one_words], [w.group() for w in other_words])
    for step in steps:
        if (
            step.tag != "replace"
            or step.src_end - step.src_start != step.dest_end - step.dest_start
        ):
            continue
        pairs = zip(
            one_words[step.src_start : step.src_end],
            other_words[step.dest_start : step.dest_end],
            strict=True,
        )
        for one_word, other_word in pairs:
            if _misspells(one_word.group(), other_word.group()):
                one_fixes.append((one_word, other_word.group()))
            elif _misspells(other_word.group(), one_word.group()):
                other_fixes.append((other_word, one_word.group()))
    return _with_fixes(one, one_fixes), _with_fixes(other, other_fixes)


def _misspells(word: str, meant: str) -> bool:
    """Whether ``word`` is a slip in ``meant``, the word the other side writes at its place: it
    comes close to it (:data:`MISSPELLING_SCORE`) from the same first letter ("ever" and
    "either" are words of their own, not slips in "never" and "neither"), and it is no number
    word nor negating word itself ("million" is no slip in "billion"). A number word or a
    negating word misspelt has four letters or more: in "two" for "to", "dos" for "los" or "nor"
    for "or", a letter makes a word. A slip in another word ("embrago" for "embargo") is told
    too, for it may be what makes one read as negating ("sin embargo" is not)."""
    if word[:1] != meant[:1] or fuzzy_score(word, meant) < MISSPELLING_SCORE or _counts(word):
        return False
    return len(meant) >= 4 or not _counts(meant)


def _counts(word: str) -> bool:
    """Whether ``word`` (of a loose text) is a number word, a number's units, or a negating
    word: one that a quote and its passage must write alike."""
    return word in _WORD_NUMBERS or word in _UNITS_AFTER_TENS or _negates(word)


def _with_fixes(text: str, fixes: list[tuple[re.Match[str], str]]) -> str:
    """``text`` with each word matched in ``fixes`` replaced by the word given for it."""
    for word, fixed in reversed(fixes):
        text = text[: word.start()] + fixed + text[word.end() :]
    return text


@dataclass(frozen=True, eq=False)
class _Quote:
    """A quote as the loose and fuzzy steps hold a passage to it: its loose text, and the
    numbers and negating words it writes, read once for all the passages it is held to."""

    folded: str
    loose: _LooseText

    @classmethod
    def of(cls, folded: str) -> _Quote:
        return cls(folded, _LooseText.of(folded))

    @cached_property
    def needle(self) -> str:
        """The loose text, without white space at its ends, as it is looked for."""
        return self.loose.text.strip()

    @cached_property
    def numbers(self) -> list[_Placed]:
        """The numbers of :attr:`needle`, where they stand in it."""
        return _numbers(self.needle)

    @cached_property
    def negations(self) -> list[_Negation]:
        """The negating words of :attr:`needle`, where they stand in it; read for a fuzzy
        passage only (a loose one's are the quote's own)."""
        return _negations(self.needle)

    def as_written(self, found: Sequence[tuple[int, int, object]]) -> tuple[str, ...]:
        """What ``found`` in :attr:`needle` reads in the quote itself, its case and accents
        kept ("mil millones" of the loose text is "mil millones", "millon" "millón")."""
        lead = len(self.loose.text) - len(self.loose.text.lstrip())
        loose = self.loose
        return tuple(
            self.folded[loose.start_in_folded(start + lead) : loose.end_in_folded(end + lead)]
            for start, end, _ in found
        )


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

    def line_edges(self, text: str, passage: str, *, starts: bool) -> list[Span]:
        """Every place where ``passage`` stands exactly in ``text`` (the article folded here) as
        the start of a line, when ``starts``, else as the end of one, in order. An article saved
        with its web page starts and ends at a line's edge, where its headline may stand earlier
        within a line of breadcrumbs, or its last words in a teaser for the next story."""
        needle = fold_quote(passage)
        if not needle:
            return []
        found = []
        at = self.folded.find(needle)
        # Looked for with str.find and checked at each place: a pattern made of the passage
        # is compiled anew for every brief, a tenth of reading one. Only the spaces beside a
        # place are walked over, not its line: a page of one long line holds a word thousands
        # of times.
        while at >= 0:
            span = self._span(at, at + len(needle))
            if starts:
                edge = span.start
                while edge > 0 and text[edge - 1] != "\n" and text[edge - 1].isspace():
                    edge -= 1
                at_edge = edge == 0 or text[edge - 1] == "\n"
            else:
                edge = span.end
                while edge < len(text) and text[edge] != "\n" and text[edge].isspace():
                    edge += 1
                at_edge = edge == len(text) or text[edge] == "\n"
            if at_edge:
                found.append(span)
            at = self.folded.find(needle, at + len(needle))
        return found

    def find_all(self, words: str, limit: int) -> list[Span]:
        """Where ``words`` stand in the article, case, accents and white space aside, as a
        reader looks for a name: every place in order, none overlapping, at most ``limit``. A
        place starts a word, as the filter finds words by their start: "ice" is not in "price"."""
        typed = loosen(fold_quote(words)).strip()
        if not typed:
            return []
        needle = abbreviations_as_letters(typed)
        places = self._find_all(needle, limit)
        if places or needle == typed:
            return places
        # Periods that were not an abbreviation's, as the article writes them: "mr. xi.".
        return self._find_all(typed, limit)

    def _find_all(self, needle: str, limit: int) -> list[Span]:
        word_start = r"(?<!\w)" if needle[0].isalnum() else ""
        pattern = re.compile(word_start + _find_pattern(needle))
        text = self.loose.text
        places: list[Span] = []
        place = pattern.search(text)
        while place is not None and len(places) < limit:
            start, end = place.span()
            if place.lastindex is None:  # no period between letters typed together
                span: Span | None = self._loose_span(start, end)
            else:
                span = self._abbreviation_span(place)
            if span is None:
                # Not an abbreviation ("in. The" for "inthe"): the words may still start
                # further on within the place.
                place = pattern.search(text, start + 1)
            else:
                places.append(span)
                place = pattern.search(text, end)
        return places

    def _abbreviation_span(self, place: re.Match[str]) -> Span | None:
        """The span in the original of ``place``, found in the loose text with periods between
        letters typed together, up to the period ending the abbreviation it ends in; None unless
        each of those periods parts the letters of one abbreviation the text writes, from its
        start: "nl" finds "N.L." and "monterrey, nl" "Monterrey, N.L.", but "inthe" not "in.
        The", "nlm" not "N.L. M", nor "lp" the end of "S.L.P."."""
        loose = self.loose
        start = loose.start_in_folded(place.start())
        end = loose.end_in_folded(place.end())
        starts, ends = self._abbreviations
        index = -1
        for apart_start, apart_end in place.regs[1:]:
            if apart_start < 0:
                continue  # side by side in the text too
            index = bisect_right(starts, loose.start_in_folded(apart_start)) - 1
            # Each period taken in is one of an abbreviation the place starts no later than; the
            # space after its last period is not its own ("nlm" does not find "N.L. M").
            if index < 0 or starts[index] < start or loose.end_in_folded(apart_end) > ends[index]:
                return None
        if self.folded[end : ends[index]] == ".":
            end = ends[index]  # the abbreviation's letters found whole: its last period too
        return self._span(start, end)

    @cached_property
    def _abbreviations(self) -> tuple[Sequence[int], Sequence[int]]:
        """Where each abbreviation the folded text writes with periods starts, and where it
        ends; read when a place found first needs them."""
        starts, ends = array("q"), array("q")
        for abbreviation in written_abbreviations(self.folded):
            starts.append(abbreviation.start())
            ends.append(abbreviation.end())
        return starts, ends

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
        folded = self.folded
        at = folded.find(needle)
        cut = NOT_FOUND
        # The quote may stand as whole words further on, or in other case or accents: "legal"
        # is first found in "ilegal". What it cut into is told only if it stands whole nowhere.
        for _ in range(LOOSE_TRIES):
            if at < 0:
                break
            end = at + len(needle)
            if not _cuts_words(folded, at, end):
                return Anchor("exact", self._span(at, end))
            cut = cut if cut.cut else self._cut(folded, at, end, self._span, None)
            at = folded.find(needle, at + 1)
        quote_read = _Quote.of(needle)
        loose_needle = quote_read.needle
        if not loose_needle:
            return cut
        loose = self.loose
        at = loose.text.find(loose_needle)
        refused = cut
        # The words may stand again further on with the quote's own numbers: "31.200 personas"
        # found first inside "331.200 personas" is refused there, not everywhere.
        for _ in range(LOOSE_TRIES):
            if at < 0:
                break
            anchor = self._checked(quote_read, at, at + len(loose_needle), None)
            if anchor.status != "missing":
                return anchor
            refused = refused if refused.differs or refused.cut else anchor
            at = loose.text.find(loose_needle, at + 1)
        if refused.cut:
            return refused  # the quote's words stand in the article, but only cut
        if not fuzzy:
            return refused if refused.differs else NOT_FOUND
        anchor = self._fuzzy(quote_read)
        if anchor.status == "missing" and quote_read.numbers:
            # A figure written with other scale words or separators than the article's ("57 mil"
            # for "57.000", "1.5 millones" for "1,500,000") may leave a short quote too far from
            # its passage for the fuzzy step: the quote's words with the same figures are loose,
            # and with other figures a passage refused for them. Looked for with the fuzzy step
            # only, after it, so that a figure a slip away stays the fuzzy step's to score.
            rewritten = self._numbers_otherwise(quote_read)
            if rewritten.status != "missing":
                return rewritten
            if rewritten.differs and not (anchor.differs or refused.differs):
                anchor = rewritten
        # A passage with the quote's words, its case and accents aside, is closer than any
        # the fuzzy step finds; it is the one the analyst is shown.
        return anchor if anchor.status != "missing" or not refused.differs else refused

    def _numbers_otherwise(self, quote: _Quote) -> Anchor:
        """The loose anchor of ``quote`` on a passage with its words, case and accents aside,
        and its figures written another way, each the same number (see :func:`_same_number`);
        else missing, with the first such passage refused for a number, if any."""
        needle = quote.needle
        figure = _figure()
        # The quote's words between its figures in digits or scale words; "tres", "first" and
        # "2nd" stand as typed.
        words, last = [], 0
        for start, end, number in quote.numbers:
            if not number.ordinal and figure.fullmatch(needle, start, end):
                words.append(needle[last:start])
                last = end
        words.append(needle[last:])
        text = self.loose.text
        if len(words) == 1 or not all(part in text for part in words):
            return NOT_FOUND
        refused = NOT_FOUND
        # Matched part by part, each figure taken as far as it goes, rather than by a pattern
        # made of the quote: one is compiled anew for each quote, and one of many figures that
        # may each stop earlier is tried in as many ways as they have places to stop.
        places = (
            (place.start() for place in figure.finditer(text))
            if not words[0]
            else _occurrences(text, words[0])
        )
        for start in itertools.islice(places, LOOSE_TRIES):
            end = start + len(words[0])
            for part in words[1:]:
                found = figure.match(text, end)
                if found is None or not text.startswith(part, found.end()):
                    break
                end = found.end() + len(part)
            else:
                anchor = self._checked(quote, start, end, None)
                if anchor.status != "missing":
                    return anchor
                if anchor.differs and not refused.differs:
                    refused = anchor
        return refused

    def _cut(
        self,
        text: str,
        start: int,
        end: int,
        to_original: Callable[[int, int], Span],
        score: int | None,
    ) -> Anchor:
        """The missing anchor of a passage of ``text`` (the folded or the loose text, whose
        offsets ``to_original`` maps) from ``start`` to ``end``, which cuts into a word at
        either end; ``score`` is the fuzzy step's, if it found the passage."""
        wide_start, wide_end = _whole_words(text, start, end)
        span = to_original(wide_start, wide_end)
        return Anchor("missing", cut=CutWord(span, wide_start < start, wide_end > end, score))

    def _loose_span(self, start: int, end: int) -> Span:
        loose = self.loose
        return self._span(loose.start_in_folded(start), loose.end_in_folded(end))

    def _checked(self, quote: _Quote, start: int, end: int, score: int | None) -> Anchor:
        """The anchor of ``quote`` on the passage of the loose text from ``start`` to ``end``,
        found fuzzily with ``score`` or else loosely: missing, and saying why, when the passage
        starts or ends inside a word, or when its numbers (whole, with their scale words, also
        where the passage starts or ends inside one) are not the quote's."""
        needle = quote.needle
        text = self.loose.text
        if _cuts_words(text, start, end):
            if score is None or _cut_by_the_quote(needle, text, start, end):
                return self._cut(text, start, end, self._loose_span, score)
            # A slip in the quote's first or last word ("steek" for "steel"), which the closest
            # passage ends inside of: the passage is the whole word, if still close enough.
            start, end = _whole_words(text, start, end)
            score = math.floor(fuzzy_score(needle, text[start:end]))
            if score < FUZZY_THRESHOLD:
                return NOT_FOUND
        around = max(0, start - _NUMBER_MARGIN)
        window = text[around : end + _NUMBER_MARGIN]
        passage = (start - around, end - around)
        # The words of a loose passage are the quote's: only a fuzzy one may lack a negating
        # word of the other's, or misspell one, or a number word.
        fuzzy = score is not None
        differing = _difference_in(quote, window, *passage, negations=fuzzy)
        if differing is not None and fuzzy and _misspelt_only(needle, window, *passage):
            differing = None
        span = self._loose_span(start, end)
        if differing is None:
            return Anchor("loose", span) if score is None else Anchor("fuzzy", span, score)
        kind, in_quote, in_article = differing
        difference = kind(
            span, score, quote.as_written(in_quote), self._as_written(in_article, around)
        )
        return Anchor("missing", differs=difference)

    def _as_written(self, found: Sequence[tuple[int, int, object]], at: int) -> tuple[str, ...]:
        """What ``found`` in the loose text from ``at`` on reads in the article, its case and
        accents kept."""
        loose = self.loose
        return tuple(
            self.folded[loose.start_in_folded(at + start) : loose.end_in_folded(at + end)]
            for start, end, _ in found
        )

    def _fuzzy(self, quote: _Quote) -> Anchor:
        """The passage of the loose text closest to ``quote``, if it scores high enough.

        rapidfuzz finds the best window of the needle's own length; a passage that lost or
        gained a few characters (a hyphen and a line break in a word) is longer or shorter than
        that, so the window's ends are then moved, a character at a time, while the score rises.
        """
        needle = quote.needle
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
        # Only the closest passage is held to the quote's numbers: where the article writes the
        # same words twice with two figures, the one the quote writes is the closer.
        return self._checked(quote, start, end, math.floor(score))


_UNSPACED_SCRIPTS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
"""Thai and Lao, Myanmar, Khmer: scripts written without spaces between words, as Chinese and
Japanese are (those are told by their characters' width)."""
_MINUS_SIGNS = "-\u2212"


def _in_a_word(char: str) -> bool:
    """Whether ``char`` is of a word: a letter, a digit, or an accent written on its own; not
    of a script written without spaces between words (Chinese, Japanese, Thai), where a quote
    may start at any character."""
    if not (char.isalnum() or unicodedata.category(char).startswith("M")):
        return False
    code = ord(char)
    unspaced = unicodedata.east_asian_width(char) in "WF" or any(
        first <= code <= last for first, last in _UNSPACED_SCRIPTS
    )
    return not unspaced


def _joined(text: str, at: int) -> bool:
    """Whether the characters of ``text`` before and at ``at`` are of one word (see
    :func:`_in_a_word`), or digits on both sides of a number's point or comma ("331.200")."""
    if at <= 0 or at >= len(text):
        return False
    before, after = text[at - 1], text[at]
    if _in_a_word(before) and _in_a_word(after):
        return True
    if before in ".," and after.isdigit():
        return at >= 2 and text[at - 2].isdigit()
    if after in ".," and before.isdigit():
        return at + 1 < len(text) and text[at + 1].isdigit()
    if before == " " and after.isdigit():
        # A group of thousands after a space, as _NUMBER reads "331 200".
        return at >= 2 and text[at - 2].isdigit() and _NUMBER_GROUP.match(text, at) is not None
    if after == " " and before.isdigit():
        return _NUMBER_GROUP.match(text, at + 1) is not None
    if before in _MINUS_SIGNS and after.isdigit():
        # A number's sign: "0.5%" of "creció -0.5%" is another figure; not "2021" of "2020-2021".
        return at < 2 or not text[at - 2].isalnum()
    return False


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out of the words of ``text`` they fall inside."""
    while _joined(text, start):
        start -= 1
    while _joined(text, end):
        end += 1
    return start, end


def _cut_by_the_quote(needle: str, text: str, start: int, end: int) -> bool:
    """Whether the passage of ``text`` from ``start`` to ``end``, found fuzzily for ``needle``,
    cuts a word because the quote does: its first word is the end of a longer word there
    ("legal" of "ilegal"), or its last word the start of one ("proceed" of "proceeds"), as
    opposed to a word the quote misspells ("steek" for "steel")."""
    wide_start, wide_end = _whole_words(text, start, end)
    words = needle.split()
    if wide_start < start:
        first = text[wide_start:end].split()[0] if text[wide_start:end].split() else ""
        if first.endswith(words[0]) and first != words[0]:
            return True
    if wide_end > end:
        last = text[start:wide_end].split()[-1] if text[start:wide_end].split() else ""
        if last.startswith(words[-1]) and last != words[-1]:
            return True
    return False


def _cuts_words(text: str, start: int, end: int) -> bool:
    """Whether the passage of ``text`` from ``start`` to ``end`` starts or ends inside a word
    or a number."""
    return _joined(text, start) or _joined(text, end)


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
