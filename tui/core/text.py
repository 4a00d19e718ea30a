"""Text folding and cleaning shared by quote matching, search and display."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt

    from tui.core.quotes import Span

# Typographic characters a quote may differ in from its article. Each maps one character to one
# character, so folding them keeps every offset in place.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
    }
)  # fmt: skip

# Letters whose mark is part of them, so that no decomposition takes it off: "Łódź" is found
# as "lodz", "Øresund" as "oresund", as accents are ignored.
_STROKED = str.maketrans(
    {
        "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
        "Ħ": "H", "ħ": "h", "Ŧ": "T", "ŧ": "t", "ı": "i", "Æ": "AE", "æ": "ae", "Œ": "OE",
        "œ": "oe",
    }
)  # fmt: skip
_STROKED_LETTERS = frozenset(map(chr, _STROKED))

# The marks as (mark, plain) pairs, for replacing only the ones a text holds.
_MARKS = tuple((chr(code), str(plain)) for code, plain in _TYPOGRAPHIC.items())

# A run of letters and digits: a part of a word, as the index's tokenizer splits words (at an
# underscore too), a number's marks aside (see numbers_kept_whole).
_WORD_PART = re.compile(r"[^\W_]+")
# An abbreviation written with periods (see abbreviation_letters), with the marks around it.
_ABBREVIATION = re.compile(r"[^\w]*((?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2})\.?[^\w]*")
_SPACED_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-ZÁÉÍÓÚÑÜ]{1,2}\. ){1,3}[A-ZÁÉÍÓÚÑÜ]{1,2}\.")
_PERIOD_BEFORE_CAPITAL = re.compile(r"\. (?=[A-ZÁÉÍÓÚÑÜ])")
# An abbreviation as a text writes it, periods and all: one or two letters before each period,
# "N.L.", "EE.UU" (its last period may be left to end a sentence), or in capitals with a space
# after each period, "EE. UU.", as the filter reads a brief's; starting no later than a word or
# an abbreviation does ("x.EE.UU." is one, not "EE.UU."). Words ending a sentence are none:
# "in. The" has a space, "in.The" a word of three letters after the period.
_WRITTEN_ABBREVIATION = re.compile(
    r"(?<!\w)(?<!\w\.)(?:(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}(?:\.(?!\w)|(?![\w.]))"
    r"|(?:[A-ZÁÉÍÓÚÑÜ]{1,2}\. ){1,3}[A-ZÁÉÍÓÚÑÜ]{1,2}\.(?!\w))"
)
# A period followed by a letter, or by a space and a capital: what every abbreviation holds
# after its first one or two letters (see written_abbreviations).
_PERIOD_IN_ABBREVIATION = re.compile(r"\.(?=[^\W\d_]| [A-ZÁÉÍÓÚÑÜ])")
# Typed with periods, one or two letters before each ("ee.uu.", "n.l"), without the marks
# around it ("(ee.uu.),").
_TYPED_ABBREVIATION = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}\.?(?!\w)")
# As typed in a filter, folded to small letters: "ee. uu.".
_TYPED_SPACED_ABBREVIATION = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,2}\. ){1,3}[^\W\d_]{1,2}\.")
# A number whose thousands are set apart, by points or by commas alike ("2.500", "1,500,000"),
# a decimal part after the other mark allowed ("1.500,5", "1,500.5"), as quote matching reads
# one (tui.core.quotes); not a decimal alone ("6,2", "0,500"), nor digits grouped as no number
# is ("1.2.3").
_GROUPED_NUMBER = re.compile(
    r"(?<![\d.,])((?!0)\d{1,3})([.,])(\d{3}(?:\2\d{3})*)((?!\2)[.,]\d+)?(?![.,]?\d)"
)
# An English possessive ending a word, the marks after it aside ("ternium's", "(mexico's),").
_POSSESSIVE = re.compile(r"(?<=[^\W_])'s(?=[^\w]*$)")
# Digits, in groups after a point or a comma ("2,500", "6,2", "1.2.3"), as a number is read.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A number whose thousands are not set apart, a decimal part allowed ("2500", "6,2", "0,500").
_PLAIN_NUMBER = re.compile(r"(\d+)(?:[.,](\d+))?")
COMPOUND_END = "\ue000"
"""What follows each word of :func:`compound_words`: a word to the index (a character for
private use), which no query holds, so that no phrase runs from one such word into the next."""
_NUMBER_MARKS = {",": "\ue001", ".": "\ue002"}
"""What the index is given for a comma and for a point between two digits: characters for
private use, which its tokenizer keeps within a word, as it keeps letters and digits (see
:func:`numbers_kept_whole`)."""
# A comma, or a point, between two digits: the mark first, which is found at C speed, a look
# behind tried at each one only.
_COMMA_IN_NUMBER = re.compile(r",(?<=\d,)(?=\d)")
_POINT_IN_NUMBER = re.compile(r"\.(?<=\d\.)(?=\d)")
# A word as the index's tokenizer reads it: letters and digits, and a number's marks between
# them (numbers_kept_whole). Opening with a class of characters, it is found at C speed.
_INDEX_WORD = re.compile(f"[^\\W_]+(?:[{''.join(_NUMBER_MARKS.values())}][^\\W_]+)*")

# The end of a word: where a text can be cut without cutting a word or a run of white space.
_WORD_END = re.compile(r"\S\s")
_PIECE = 1 << 16
_NOT_ASCII = re.compile("[^\x00-\x7f]")

# The two patterns of clean_text are compiled when first used (re keeps them): compiling their
# ranges takes 0.7 ms, and the app's first frame cleans no text.
# Escape sequences (CSI, OSC, DCS and the like, plus two-character escapes) are removed whole, so
# that neither the terminal nor the reader sees "[2J" fragments of a clear-screen request.
_ESCAPE_SEQUENCE = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    # OSC, DCS, SOS, PM, APC (titles, the clipboard), with their end on the same line: a lone
    # start is only the control character, removed below. A closing quote decoded from the
    # wrong code page leaves U+009D, the 8-bit OSC, in an article: taken for a sequence without
    # its end, it took the rest of the article with it.
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c\n]*(?:\x07|\x9c)"  # 8-bit OSC
)
# Control characters other than newline, plus the invisible characters that change how a terminal
# lays out or orders text: zero-width characters, bidirectional overrides and the byte-order mark.
_INVISIBLE = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


# A zero-width joiner between two pictographs makes one emoji of them (a woman, a skin tone and a
# wrench: a mechanic). Terminals disagree on how wide such an emoji is, so clean_text removes the
# joiner and the pictographs are shown side by side; it hides nothing, so its removal is no
# warning. A pictograph may carry the variation selector that asks for it drawn as an emoji.
_PICTOGRAPH = "\u2600-\u27bf\U0001f000-\U0001faff"
_EMOJI_JOINER = f"(?<=[{_PICTOGRAPH}\ufe0f])\u200d(?=[{_PICTOGRAPH}])"


def hides_characters(text: str, cleaned: str) -> bool:
    """Whether :func:`clean_text` took from ``text`` (stripped as ``cleaned`` is) more than the
    joiners inside emoji: control characters, escapes, characters that hide or reorder text."""
    if cleaned == text:
        return False
    return "\u200d" not in text or cleaned != re.sub(_EMOJI_JOINER, "", text)


def clean_text(text: str) -> str:
    """Return ``text`` safe to show: line ends normalised, control and invisible characters removed.

    Tabs become single spaces. Line breaks are kept, so line numbers stay those of the file.
    """
    if text.isprintable():
        # Nothing to take out: every character removed below is a control character or one
        # Python does not count as printable. Most values of a brief are one such line.
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = re.sub(_ESCAPE_SEQUENCE, "", text)
    return re.sub(_INVISIBLE, "", text)


def fold_marks(text: str) -> str:
    """``text`` with each typographic mark replaced by its plain character, one for one.

    The same as ``text.translate(_TYPOGRAPHIC)``, which looks up every character of a non-ASCII
    text in a table. Here ASCII text is returned as it is, and otherwise each mark is looked for
    and replaced at C speed; a text without characters beyond U+00FF (Spanish, say) holds none,
    which ``in`` tells at once.
    """
    if text.isascii():
        return text
    for mark, plain in _MARKS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about :data:`_PIECE` characters, cut only where white space starts.

    Splitting a text into words makes an object of every word: a few kilobytes of prose are
    split at once, a long article piece by piece, so that it never costs many times its size.
    """
    start = 0
    while len(text) - start > _PIECE:
        found = _WORD_END.search(text, start + _PIECE)
        if found is None:
            break
        cut = found.start() + 1
        yield text[start:cut]
        start = cut
    yield text[start:] if start else text


def _fold_piece(text: str) -> str:
    words = text.split()
    if not words:
        return " " if text else ""
    folded = " ".join(words)
    if text[0].isspace():
        folded = " " + folded
    if text[-1].isspace():
        folded += " "
    return folded


def fold_white_space(text: str) -> str:
    """``text`` with every run of white space, line breaks included, made one space.

    Unlike :func:`one_line`, a run at either end is kept as one space, so that a text with no
    run longer than one character keeps its length and its offsets.
    """
    if len(text) <= _PIECE:
        return _fold_piece(text)
    # Each piece but the first starts a run of white space and each but the last ends a word, so
    # no run is split between two pieces.
    return "".join(map(_fold_piece, _pieces(text)))


def _distinct_words(text: str) -> dict[str, None]:
    if len(text) <= _PIECE:
        return dict.fromkeys(text.split())
    words: dict[str, None] = {}
    for piece in _pieces(text):
        words.update(dict.fromkeys(piece.split()))
    return words


def one_line(text: str) -> str:
    """Collapse every run of white space, line breaks included, to one space."""
    if len(text) <= _PIECE:
        return " ".join(text.split())
    return fold_white_space(text).strip()


def names_apart(names: Sequence[str]) -> str:
    """``names`` on one line, each told apart: by commas, or by semicolons when a name holds a
    comma itself ("Pesqueria, N.L.", "Ternium México, S.A. de C.V."), which commas between
    the names would split in two."""
    separator = "; " if any("," in name for name in names) else ", "
    return separator.join(names)


def fold_search(text: str) -> str:
    """Fold ``text`` for searching: case, accents, typographic marks and white space ignored.

    Folding what is folded changes nothing, so that a value shown folded (a facet's) finds what
    it was folded from.
    """
    # The marks after decomposing: some characters decompose into one ("‴" into three "′").
    decomposed = fold_marks(unicodedata.normalize("NFKD", text))
    if not decomposed.isascii():
        # Look up each distinct character once rather than every character: articles run to
        # megabytes, and a regular expression and set() work at C speed.
        found = set(_NOT_ASCII.findall(decomposed))
        marks = "".join(sorted(ch for ch in found if unicodedata.combining(ch)))
        if marks:
            decomposed = re.sub(f"[{re.escape(marks)}]+", "", decomposed)
        if not found.isdisjoint(_STROKED_LETTERS):
            decomposed = decomposed.translate(_STROKED)
    return fold_white_space(decomposed.casefold())


def fold_words(text: str) -> str:
    """The distinct words of ``fold_search(text)``, each once, in order, joined by spaces.

    A word (a run of characters without white space) is found in this exactly when it is found
    in ``fold_search(text)``, since no such word can span two words: this is what a filter needs
    to look through, in a third of the memory for prose. Repeated words are dropped before
    folding as well as after, so that each distinct word is folded once; folding works
    character by character, so this gives the same words.
    """
    distinct = " ".join(_distinct_words(text))
    return " ".join(_distinct_words(fold_search(distinct)))


def is_compound(word: str) -> bool:
    """Whether ``word``, written as the index holds it (:func:`numbers_kept_whole`), has two
    runs of letters and digits or more ("u.s.", "t-mec", "us$2,500"; not "2,500", whose comma
    parts nothing): the index splits it into parts. The one rule for the words indexed apart
    (:func:`compound_words`) and the query words looked for among them."""
    # Most words are letters and digits alone, which isalnum() tells at C speed: only the others
    # are split into parts.
    return not word.isalnum() and len(_INDEX_WORD.findall(word)) > 1


def abbreviation_letters(word: str) -> str | None:
    """The letters of ``word`` when it is an abbreviation written with periods, one or two
    letters before each ("ee.uu." gives "eeuu", "u.s." "us", "s.l.p." "slp"), the marks around
    it aside ("(ee.uu.),"); else None.

    Spanish writes the same abbreviation with periods and without ("EE.UU.", "EEUU"): each is
    found by the other (:func:`compound_words`, :func:`tui.core.search.match_expression`).
    """
    found = _ABBREVIATION.fullmatch(word)
    return found[1].replace(".", "") if found else None


def spaced_abbreviations(text: str) -> str:
    """The abbreviations in capitals that ``text`` writes with a space after each period ("EE.
    UU.", "S. A."), each written without the spaces ("EE.UU."), one after the other: added to a
    brief's words, they are found as the same abbreviation written without spaces is."""
    # The same as _SPACED_ABBREVIATION.finditer(text), ten times faster on an article: a pattern
    # opening with a look behind and a class of letters is tried at every character, while a
    # period, a space and a capital, which every such abbreviation holds after its first one or
    # two letters, are found by a scan at C speed.
    found = []
    end = 0
    for period in _PERIOD_BEFORE_CAPITAL.finditer(text):
        at = period.start()
        for start in (at - 2, at - 1):
            if start >= end and (abbreviation := _SPACED_ABBREVIATION.match(text, start)):
                found.append(abbreviation.group().replace(" ", ""))
                end = abbreviation.end()
                break
    return " ".join(found)


def written_abbreviations(text: str) -> Iterator[re.Match[str]]:
    """Each abbreviation ``text`` writes with periods ("N.L.", "EE.UU.", "EE. UU.", as
    :func:`abbreviation_letters` and :func:`spaced_abbreviations` read a brief's words), in
    order, for finding it by its letters as the filter does.

    Its white space is expected folded (:func:`fold_white_space`): "EE. UU." has one space."""
    # As in spaced_abbreviations: the periods are found at C speed, and the pattern, opening
    # with look behinds, is tried only where an abbreviation's first letters would stand.
    end = 0
    for period in _PERIOD_IN_ABBREVIATION.finditer(text):
        at = period.start()
        for start in (at - 2, at - 1):
            if start >= end and (abbreviation := _WRITTEN_ABBREVIATION.match(text, start)):
                yield abbreviation
                end = abbreviation.end()
                break


def abbreviations_as_letters(typed: str) -> str:
    """``typed`` (folded) with each abbreviation typed with periods ("ee.uu.", "ee. uu.",
    "n.l.") as its letters, the marks around it left where they are ("(eeuu),"): looked for by
    its letters, it is found however an article writes it, with periods, a space after each, or
    none ("EE. UU.", "EE.UU.", "EEUU"), as the filter finds it."""
    if "." not in typed:
        return typed
    return _TYPED_ABBREVIATION.sub(
        lambda found: found.group().replace(".", ""), joined_abbreviations(typed)
    )


def joined_abbreviations(typed: str) -> str:
    """``typed`` (a filter, folded) with each abbreviation written with a space after each period
    written without the spaces ("ee. uu." gives "ee.uu."): one word, found as the text's "EE.
    UU.", "EE.UU." and "EEUU" are (see :func:`spaced_abbreviations`), not two words."""
    return _TYPED_SPACED_ABBREVIATION.sub(lambda found: found.group().replace(" ", ""), typed)


def numbers_kept_whole(text: str) -> str:
    """``text`` with each comma and each point between two digits written as the character
    :data:`_NUMBER_MARKS` gives for it, which the index's tokenizer keeps within a word.

    The index is given its words so, and every word looked for in it is written so: "1,800" is
    one word, not "1" and "800", so that "800" does not find it; "1,8" does, as its start (see
    :func:`number_writings`). Text without a comma or a point is given back as it is."""
    if "," in text:
        text = _COMMA_IN_NUMBER.sub(_NUMBER_MARKS[","], text)
    if "." in text:
        text = _POINT_IN_NUMBER.sub(_NUMBER_MARKS["."], text)
    return text


class _WrittenNumber(NamedTuple):
    """A number as a word writes it (see :func:`_read_number`)."""

    before: str
    """The letters, and the marks among them, that the word writes before it ("us$" of
    "us$2,500", "usd" of "usd2500"); "" for a number alone."""
    written: str
    """The number as it is written ("2,500")."""
    digits: str
    """Its digits before its decimal part ("2500")."""
    decimals: str
    """Its decimal part's digits ("" for none)."""


def _read_number(word: str) -> _WrittenNumber | None:
    """The number ``word`` ends in, the marks around it aside ("(2,500),"), after letters or
    not ("us$2,500", "usd2500": a currency written with the figure); None for a word that is no
    number ("2,500km", "1.2.3").

    A point or a comma before three digits sets thousands apart, as quote matching reads it
    (:mod:`tui.core.quotes`): "2.500" and "2,500" are 2500, "1.500,5" and "1,500.5" 1500.5;
    before other digits, or after a number led by a zero, it is a decimal mark: "6,2" is a
    decimal, and "0,500" is 0.5, which quote matching takes for the same number as "0.500"
    alone, never for 500."""
    found = _NUMBER.search(word)
    if found is None or _WORD_PART.search(word, found.end()):
        return None  # no digit, or a part of a longer word after it
    letters = _WORD_PART.search(word, 0, found.start())
    before = word[letters.start() : found.start()] if letters else ""
    written = found.group()
    grouped = _GROUPED_NUMBER.fullmatch(written)
    if grouped is not None:
        digits = grouped[1] + grouped[3].replace(grouped[2], "")
        return _WrittenNumber(before, written, digits, (grouped[4] or "")[1:])
    plain = _PLAIN_NUMBER.fullmatch(written)
    if plain is None:
        return None
    return _WrittenNumber(before, written, plain[1], plain[2] or "")


def plain_number(word: str) -> str | None:
    """The number ``word`` is written plainly, when ``word`` writes it otherwise: its thousands
    not set apart, its decimal part after a point, the marks around it aside, the letters
    before it kept ("2.500" and "(2,500)" give "2500", "1.500,5" gives "1500.5", "6,2" gives
    "6.2", "us$2,500" gives "us$2500"); None for a number written so already ("2500", "6.2")
    and for a word that is no number ("2,500km").

    A name is held written plainly too (:func:`written_plainly`), so that a field term finds
    it written either way, as quote matching takes them for one number."""
    read = _read_number(word)
    if read is None:
        return None
    plain = f"{read.digits}.{read.decimals}" if read.decimals else read.digits
    return None if plain == read.written else read.before + plain


def number_writings(word: str) -> tuple[tuple[str, bool], ...] | None:
    """The other ways of writing the number ``word`` is, each with whether the numbers it
    starts are looked for too, the letters before it kept ("us$2,500" is "us$2500" and
    "us$2.500"); None for a word that is no number (see :func:`_read_number`).

    Of four digits or more (not led by a zero), a number's thousands may be set apart by commas
    or by points, or not at all: "2500", "2,500" and "2.500" are one number. Its decimal part
    follows a point or a comma, the mark that does not set its thousands apart: "6,2" is "6.2",
    "1500,5" is "1,500.5" and "1.500,5".

    The word typed is looked for by its start, as any word is; each other way by its start too
    where every number it starts is one the word starts written otherwise, else whole. So a way
    ending in a group of thousands is ("2,500" and "2.500" start 2,500,000 and 2.500,5 as "2500"
    starts 2500000 and 2500,5), and one ending in a decimal part after a zero, after four
    digits or after thousands set apart ("0,5" starts 0,500 and 0,55 as "0.5" starts 0.500 and
    0.55). "2500" stands for "2,500" whole (it starts 25000 too), and "2,5" for "2.5" (it
    starts 2,500, which is 2500, not a number "2.5" starts)."""
    read = _read_number(word)
    if read is None:
        return None
    written, digits, decimals = read.written, read.digits, read.decimals
    integers: list[tuple[str, str]] = [(digits, "")]
    if len(digits) >= 4 and not digits.startswith("0"):
        first = len(digits) % 3 or 3
        groups = [digits[:first], *(digits[at : at + 3] for at in range(first, len(digits), 3))]
        integers += ((mark.join(groups), mark) for mark in _NUMBER_MARKS)
    ways: list[tuple[str, bool]] = []
    for integer, thousands in integers:
        if not decimals:
            ways.append((integer, bool(thousands)))
            continue
        for mark in _NUMBER_MARKS:
            if mark != thousands:
                # By its start, unless more digits would make its decimal part a group of
                # thousands: "2.5" starts 2.500; "0.5", "2500.5" and "2,500.5" start decimals.
                padded = f"{integer}{mark}{decimals:0<3}"
                starts = bool(thousands) or _GROUPED_NUMBER.fullmatch(padded) is None
                ways.append((f"{integer}{mark}{decimals}", starts))
    return tuple((read.before + way, starts) for way, starts in ways if way != written)


def without_possessive(word: str) -> str:
    """``word`` (folded) without the possessive ending it: "ternium's" gives "ternium", as the
    brief's "Ternium" and "Ternium's" are both found by it; any other word as it is."""
    return _POSSESSIVE.sub("", word) if "'" in word else word


def written_plainly(folded: str) -> str:
    """``folded`` (a name, folded) with each abbreviation written with periods, a space after
    each or not, written as its letters alone, each number written plainly (:func:`plain_number`)
    and each word without its possessive: "pesqueria, n.l." gives "pesqueria, nl", "s. a. de c.
    v." gives "sa de cv", "plan 2.500" gives "plan 2500", "6,2%" gives "6.2", "mexico's steel
    council" gives "mexico steel council"; ``folded`` itself when it holds none.

    A name is looked for by phrases of its words, which the index splits at every period, comma
    or apostrophe but a number's: kept written both ways, it is found by a field term typed
    either way (see :func:`tui.core.search.indexed_name`)."""
    if "." not in folded and "," not in folded and "'" not in folded:
        return folded  # most names: nothing to write otherwise in them
    words = joined_abbreviations(folded).split()
    return " ".join(
        [
            abbreviation_letters(word) or plain_number(word) or without_possessive(word)
            for word in words
        ]
    )


def compound_words(words: str) -> str:
    """Of ``words`` (as :func:`fold_words` gives them, numbers kept whole), those of two parts
    or more ("u.s.", "t-mec"), each followed by :data:`COMPOUND_END`, and after an abbreviation its
    letters (:func:`abbreviation_letters`), so that a word typed without periods finds it.

    A query word of two parts or more is looked for as its parts side by side. Among the
    distinct words, two parts are side by side where a word between them was dropped as a
    repeat ("u.s. and mexico" after an earlier "and"), so such a word is looked for among these
    alone, kept apart by the end mark.
    """
    kept = []
    for word in words.split():
        if is_compound(word):
            kept.append(f"{word} {COMPOUND_END} ")
            letters = abbreviation_letters(word)
            if letters is not None:
                kept.append(f"{letters} {COMPOUND_END} ")
    return "".join(kept)


def quoted(text: str, limit: int = 60) -> str:
    """``text`` quoted, cut to ``limit`` characters, so that a message naming it stays one
    readable line."""
    return repr(cut(text, limit))


def cut(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis after them, so that a message naming
    it stays one readable line."""
    return text if len(text) <= limit else text[:limit] + "…"


def line_range(text: str, span: Span) -> tuple[int, int]:
    """Return the first and last line numbers (1-based) that ``span`` covers in ``text``."""
    first = text.count("\n", 0, span.start) + 1
    return first, first + text.count("\n", span.start, span.end)


UNDATED = "undated"
"""What a brief without a publication date shows where its date would be."""


INFERRED_MARK = "?"
"""What follows a date the article does not print, worked out, where a row has no room to say so
in words."""


def date_label(published: dt.date | None, *, inferred: bool = False) -> str:
    """``2025-01-14``; ``2025-01-14 (inferred)`` when the article does not print it; or
    :data:`UNDATED`."""
    if published is None:
        return UNDATED
    return f"{published.isoformat()} (inferred)" if inferred else published.isoformat()


def plural(count: int, noun: str) -> str:
    """``1 brief``, ``2 briefs``, ``10,000 briefs``."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


CLOSE_TO_A_NAME = 0.7
"""How alike (difflib's ratio, case aside) an unknown name and a known one must be for the
unknown one to be taken for a slip in writing the known one."""


def closest_name(name: str, known: Iterable[str]) -> str | None:
    """The name of ``known`` (a brief's field, an action's id) that ``name``, unknown, is most
    likely a slip for; None if none is close."""
    import difflib  # only when a name is not known: not at every start

    lowered = {field.lower(): field for field in known}
    found = difflib.get_close_matches(name.lower(), lowered, n=1, cutoff=CLOSE_TO_A_NAME)
    if not found or re.match(rf"{re.escape(found[0])}[_-]", name.lower()):
        # "source_url", "title_es", "quote_en": a field of its own, not a slip for "source".
        return None
    return lowered[found[0]]


def expand_tabs(text: str, tab_size: int) -> str:
    r"""``text`` with each tab made the spaces up to the next tab stop, every ``tab_size``
    columns of a terminal, as a text editor there shows it (:func:`cells`: a wide character
    takes two columns, a combining mark none, where :meth:`str.expandtabs` counts one for
    each). Line ends are made ``\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        *before_tabs, last = line.split("\t")
        column, expanded = 0, []
        for part in before_tabs:
            column += cells(part)
            spaces = tab_size - column % tab_size
            expanded.append(part + " " * spaces)
            column += spaces
        lines.append("".join(expanded) + last)
    return "\n".join(lines)


def cells(text: str) -> int:
    """How many columns of a terminal ``text`` takes: two for a wide character (Chinese,
    Japanese, Korean), none for a combining mark, one for the others."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )
