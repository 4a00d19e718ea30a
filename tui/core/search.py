"""What a user types into the filter, and the words of a brief it is matched against.

A query is words and field terms. Each word must start a word of the brief (its titles, summary,
facts, quotes, names, outlet, author or original text), case, accents and typography ignored:
"mexico" finds "México", "maquila" finds "maquiladoras". An abbreviation is found with its
periods or without them ("eeuu" finds "EE.UU."), a number with its thousands set apart or
without them ("2500" finds "2.500", "2,500" finds "2500"); a number typed finds the numbers it
starts as typed and the same number written otherwise ("1,8" finds "1,800" and "1.8", not
"1.800"), and the digits after a number's point or comma start nothing ("800" does not find
"1,800"); a possessive typed is the word without it ("ternium's" finds "Ternium"). A field
term narrows to one field:

- ``org:``, ``place:``, ``person:``, ``topic:``, ``outlet:``: the value's words must start words
  of one of the brief's names of that kind, folded as words are (``place:baja`` finds "Baja
  California"); a quoted value is a phrase within one name (``place:"baja california"``). A name
  the shipped gazetteer knows is one name however it is written, in either language: a brief
  listing "Estados Unidos" is found by ``place:"united states"`` and ``place:eeuu``, and counted
  with those listing "United States" (:func:`known_name`). So is a company however its legal
  form and its country's branch are written: "Ternium México, S.A. de C.V." is counted with
  "Ternium" (:func:`company_words`). An abbreviation, or a number, is found written either way,
  as a word is: ``place:nl`` finds "Pesqueria, N.L.", ``org:"sa de cv"`` finds "S.A. de C.V."
  (:func:`indexed_name`).
- ``org:=``, ``place:=``, ``person:=``, ``topic:=``, ``outlet:=``, ``lang:=``: the brief has a
  value of that field equal to the one given, folded (``place:="baja california"``, ``lang:=es``);
  the value is quoted when it holds white space or a quote, a quote in it written twice. This is
  the term a facet stands for: it finds exactly the briefs :meth:`~tui.core.model.Entries.facets`
  counts for the value (:func:`value_term` writes it).
- ``lang:CODE``: the brief's language code starts with ``CODE`` (``lang:es``); a language's
  name in English or Spanish, or its code of three letters, stands for its code, here and after
  ``lang:=`` (``lang:spanish``, ``lang:spa``).
- ``after:``, ``before:``, ``date:`` with a year, a year and month, or a full date
  (``after:2024-03``, ``before:2024-06-30``, ``date:2024``): the brief was published in the
  period named or after it, before it or in it, the named period itself always included. An
  undated brief matches no date term.
- ``is:draft``, ``is:final``: the brief's status.
- ``is:bookmarked``, ``is:read``, ``is:unread``, ``has:note``, ``tag:NAME``: what the user keeps
  about the brief: bookmarked it, read it or not yet, wrote a note on it, gave it a tag starting
  with ``NAME`` (folded as words are: ``tag:usm`` finds a tag "USMCA"). These are the user's, not
  the corpus's: whoever asks gives them, as :class:`UserMarks`.
- ``anchor:STATUS``: the brief has at least one key fact whose quote was anchored so
  (``anchor:exact``, ``anchor:loose``, ``anchor:fuzzy``, ``anchor:missing`` for a quote not
  found).

A word or term after a minus (``-baja``, ``-place:tijuana``, ``-is:read``) leaves out the
briefs it finds; a brief of which it cannot be told keeps its place (an undated brief, for a date
term). A minus standing alone, or inside a word ("u.s.-mexico"), is part of the words.

Every term must hold: there is no OR. ``OR``, ``AND`` and ``NOT``, typed in capitals as other
searches take them, are words, which the filter names with what to write instead
(:func:`read_as_words_note`); a value listed with commas (``org:ternium,kia``) is one value,
named with the terms that ask for each (:func:`value_lists_note`), and so is an exact one
(``org:=ternium,kia``) where no brief has it, but briefs have each value it lists, unless a
brief has one value of its field at most (``lang:=es,en``). The start of a status is enough
(``anchor:f``, ``is:d``). A term whose value is empty (``place:`` while it is being typed) is
left out; one naming an unknown field (``foo:bar``), or a status, date or period that does not
exist, is taken as a plain word. A query holds the first :data:`MAX_TERMS` terms typed, and
counts the rest as left out.

The index (:mod:`tui.core.store`) answers a query: the words through its full-text table, the
field terms through its columns and its table of names. This module says what a query means and
what a brief offers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol, TypeVar

from tui.core.languages import ISO_639_1, code_meant
from tui.core.languages import NAMES as LANGUAGE_NAMES
from tui.core.model import BRIEF_STATUSES, BriefStatus
from tui.core.quotes import ANCHOR_STATUSES, AnchorStatus
from tui.core.text import (
    COMPOUND_END,
    abbreviation_letters,
    fold_search,
    fold_words,
    is_compound,
    joined_abbreviations,
    number_writings,
    numbers_kept_whole,
    plain_number,
    spaced_abbreviations,
    without_possessive,
    written_plainly,
)

if TYPE_CHECKING:
    from tui.core.model import Brief, Entries, KeyFact

NameField = Literal["organization", "place", "person", "topic", "outlet"]
"""A kind of name a brief lists, which a field term looks in."""
FacetField = Literal["organization", "place", "person", "topic", "outlet", "language", "tag"]
"""A field whose values can be counted over the briefs a query finds; ``tag`` counts the user's
tags, which the asker gives (:class:`UserMarks`)."""
NAME_FIELDS: tuple[NameField, ...] = ("organization", "place", "person", "topic", "outlet")
FACET_FIELDS: tuple[FacetField, ...] = (*NAME_FIELDS, "language", "tag")

ANCHOR_FIELD = "anchor:"
"""How a query's field term for the anchor status of a brief's quotes begins."""
NAME_TERMS: dict[str, NameField] = {
    "org": "organization",
    "place": "place",
    "person": "person",
    "topic": "topic",
    "outlet": "outlet",
}
"""The field terms for names, by the word they begin with (before the colon)."""
VALUE_TERMS: dict[FacetField, str] = {
    **{field: term for term, field in NAME_TERMS.items()},
    "language": "lang",
    "tag": "tag",
}
"""The word an exact field term (``place:=tijuana``) begins with, for each field facets count."""
_VALUE_FIELDS: dict[str, FacetField] = {term: field for field, term in VALUE_TERMS.items()}
_FIELD_NAMES = {
    "organization": "org",
    "organizations": "org",
    "organisation": "org",
    "organisations": "org",
    "orgs": "org",
    "places": "place",
    "people": "person",
    "persons": "person",
    "topics": "topic",
    "outlets": "outlet",
    "language": "lang",
    "languages": "lang",
    "tags": "tag",
}
"""A field's name in full, or in the plural, as the facets and the brief files name it, for the
word a term begins with: ``organization:inegi`` is ``org:inegi``."""
_NAME_TERM_WORDS = [
    *NAME_TERMS,
    *(name for name, term in _FIELD_NAMES.items() if term in NAME_TERMS),
]
BOOKMARKED = "bookmarked"
"""The value of ``is:`` for the briefs the user bookmarked."""
READ, UNREAD = "read", "unread"
"""The values of ``is:`` for the briefs the user read, or has not read yet."""
NOTE = "note"
"""The value of ``has:`` for the briefs the user wrote a note on."""
_MARK_STATES = (BOOKMARKED, READ, UNREAD)
MarkKind = Literal["bookmarked", "read", "noted", "tagged"]
"""One kind of what the user keeps about briefs, as :class:`UserMarks` gives it."""

_PERIOD_FIELDS = ("after", "before", "date")
_FIELDS_LISTED = (*NAME_TERMS, "lang", "date", "after", "before", "is", "has", "tag", "anchor")
"""The fields a term may name, as the note on a term of no field lists them."""
_FIELDS = frozenset(_FIELDS_LISTED)
_ANY_FIELD = "|".join(sorted({*_FIELDS, *_FIELD_NAMES}, key=len, reverse=True))
_UNTIL_A_FIELD = rf"(?!\s+-?(?:{_ANY_FIELD}):)"
"""Where a quoted value ends at the latest: before a field term (``place:"baja lang:es`` is a
place and a language, not a place named "baja lang:es"), its closing quote typed or not."""
# A term, after a minus when it is excluded (a minus standing alone is a word): a name field's
# quoted value (a phrase); an exact value, quoted (a quote in it doubled) or up to white space;
# words in quotes, taken together; or anything up to white space. A quoted value whose closing
# quote is not typed (yet) runs to the end, or to a field term after it (_UNTIL_A_FIELD). The
# text is folded first, so field names are in lower case.
_TERM = (
    r"(?P<negated>-(?=\S))?(?:"
    rf'(?P<field>{"|".join(_NAME_TERM_WORDS)}):"(?P<phrase>(?:{_UNTIL_A_FIELD}[^"])*)"?'
    rf"|(?P<exact_field>{'|'.join([*_VALUE_FIELDS, *_FIELD_NAMES])}):="
    rf'(?:"(?P<quoted>(?:{_UNTIL_A_FIELD}(?:[^"]|""))*)"?|(?P<bare>\S*))'
    rf'|"(?P<words>(?:{_UNTIL_A_FIELD}[^"])*)"?'
    r"|(?P<term>\S+))"
)


@cache
def _terms() -> re.Pattern[str]:
    """:data:`_TERM` compiled, once a filter is first read: compiling it takes a millisecond,
    which a start with no filter need not spend."""
    return re.compile(_TERM)


MAX_TERMS = 100
"""The terms a query holds at most. A filter of a few dozen already finds next to nothing, and
SQLite refuses a statement past its own limits (an expression a thousand terms deep), which a
pasted text of a thousand words could otherwise reach."""
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

QUOTED_WORDS_NOTE = (
    "Words in quotes are found in any order: quotes make a phrase only in a field term,"
    ' such as place:"baja california".'
)
"""What to tell a user who typed words in quotes outside a field term
(:attr:`Query.quoted_words`)."""

_Named = TypeVar("_Named", bound=str)


class UserMarks(Protocol):
    """What the user keeps about briefs, by brief id, as a query names it. A query asks only for
    the ids it names (``is:read`` the read ones), so that an asker may give live collections of
    100,000 ids without copying them."""

    @property
    def bookmarked(self) -> Collection[str]: ...

    @property
    def read(self) -> Collection[str]: ...

    @property
    def noted(self) -> Collection[str]: ...

    @property
    def tagged(self) -> Mapping[str, Collection[str]]:
        """The ids of the briefs with each tag, by the tag as shown."""
        ...


@dataclass(frozen=True)
class Marks:
    """:class:`UserMarks` given as plain collections."""

    bookmarked: Collection[str] = frozenset()
    read: Collection[str] = frozenset()
    noted: Collection[str] = frozenset()
    tagged: Mapping[str, Collection[str]] = dataclasses.field(default_factory=dict)


NO_MARKS: UserMarks = Marks()
"""No bookmark, nothing read, no note, no tag."""


def tagged_ids(marks: UserMarks, start: str, *, whole: bool = False) -> set[str]:
    """The ids of the briefs with a tag starting with ``start`` (folded, as a query's terms),
    or, ``whole``, being it."""
    found: set[str] = set()
    for tag, ids in marks.tagged.items():
        folded = fold_search(tag).strip()
        if folded == start if whole else folded.startswith(start):
            found.update(ids)
    return found


# The query and its terms are named tuples, which take a fraction of the time a frozen dataclass
# does to define: this module is imported at every start.
class NameTerm(NamedTuple):
    """A field term for names: ``words``, in order, must start words of one name of ``field``."""

    field: NameField
    words: tuple[str, ...]


class ValueTerm(NamedTuple):
    """An exact field term: a brief must have ``value`` (folded) among its values of ``field``."""

    field: FacetField
    value: str


class Period(NamedTuple):
    """Dates from ``start`` (included) to ``end`` (left out), as ISO text; None for no bound."""

    start: str | None = None
    end: str | None = None


class ValueList(NamedTuple):
    """A field term whose value lists values with commas (``org:ternium,kia``), which the filter
    takes for one value holding them all: what to tell of it, as the user typed it."""

    typed: str
    """The term, its minus included."""
    each: tuple[str, ...]
    """The terms asking for each value listed (``org:ternium org:kia``)."""
    whole: ValueTerm | None = None
    """Of an exact term (``org:=ternium,kia``), the value it asks for: a value may hold a comma
    ("Pesqueria, N.L.", which its facet writes so), so such a term is told of only where no
    brief has it (see :func:`value_lists_note`)."""
    listed: tuple[ValueTerm, ...] = ()
    """Of an exact term, each value listed, folded."""

    def excluded(self) -> ValueList:
        """The same term written after a minus (``-org:ternium,kia``)."""
        return self._replace(typed=f"-{self.typed}", each=tuple(f"-{term}" for term in self.each))


class UnquotedValue(NamedTuple):
    """An exact term whose value is not in quotes, followed by words (``org:=secretaría de
    economía``): the value ends at the first space, and the words are words of their own. What
    to tell of it, as the user typed it."""

    typed: str
    """The term and the words after it."""
    value: ValueTerm
    """The value the term asks for: its first word."""
    whole: ValueTerm
    """The value of the term and its words together, as quotes would have it."""
    quoted: str
    """The term with the words in its quotes (``org:="secretaría de economía"``)."""


class Query(NamedTuple):
    """A filter's words and field terms, folded as the index folds what it holds; the terms it
    tells of (:attr:`read_as_words`, :attr:`value_lists`) as the user typed them."""

    words: tuple[str, ...] = ()
    anchors: tuple[AnchorStatus, ...] = ()
    """Anchor statuses each named by a field term: a brief must have a quote anchored so."""
    names: tuple[NameTerm, ...] = ()
    languages: tuple[str, ...] = ()
    """Starts of a language code, each of which the brief's must begin with."""
    periods: tuple[Period, ...] = ()
    """Periods the brief must have been published in, every one."""
    statuses: tuple[BriefStatus, ...] = ()
    bookmarked: bool = False
    """Whether only briefs the user bookmarked are wanted (the asker gives their ids)."""
    values: tuple[ValueTerm, ...] = ()
    """Values the brief must have, each in its field, exactly (folded)."""
    read: bool = False
    """Whether only briefs the user read are wanted."""
    unread: bool = False
    """Whether only briefs the user has not read are wanted."""
    noted: bool = False
    """Whether only briefs the user wrote a note on are wanted."""
    tags: tuple[str, ...] = ()
    """Starts of tags, folded: the brief must have a tag starting with each."""
    excluded: tuple[Query, ...] = ()
    """Terms written with a minus (``-baja``, ``-place:tijuana``), each as a query of its own:
    a brief must match none of them."""
    left_out: int = 0
    """How many terms were typed past :data:`MAX_TERMS`, which the query does not hold."""
    quoted_words: bool = False
    """Whether several words were typed in quotes outside a field term (``"exports grew"``).
    The index holds each brief's words but not their order, so they are found in any order."""
    read_as_words: tuple[str, ...] = ()
    """Terms of a known field whose value it cannot take (``date:2024-02-30``, ``is:new``,
    ``lang:klingon``), or of a field there is not (``company:netflix``), looked for as words
    instead; and the operators of other searches typed in capitals (``OR``, ``AND``, ``NOT``,
    with the term it comes before, ``NOT kia``), which are words here too (see
    :func:`read_as_words_note`). Each as the user typed it, not folded, to be told so."""
    unsearched: tuple[str, ...] = ()
    """Words of no letter or digit (``🚀``, ``%``), kept or excluded: the index finds words of
    letters and digits, so such a word narrows nothing (see :func:`unsearched_note`)."""
    value_lists: tuple[ValueList, ...] = ()
    """Field terms whose value is a list with commas (``org:ternium,kia``, ``org:=ternium,kia``):
    looked for as one value holding those words, or being that value (see
    :func:`value_lists_note`)."""
    unquoted_values: tuple[UnquotedValue, ...] = ()
    """Exact terms whose value, not in quotes, ends where words follow (see
    :func:`unquoted_value_note`)."""
    without_value: tuple[str, ...] = ()
    """Field terms typed with nothing after the colon (``place:``, ``org:=``, ``tag:""``),
    kept or excluded, as typed: left out, as they are while being typed (see
    :func:`without_value_note`)."""

    @property
    def marks_named(self) -> frozenset[MarkKind]:
        """Which of what the user keeps (:class:`UserMarks`) the query names, in its terms or
        in those it excludes: its answer changes as they do."""
        named: set[MarkKind] = set()
        if self.bookmarked:
            named.add("bookmarked")
        if self.read or self.unread:
            named.add("read")
        if self.noted:
            named.add("noted")
        if self.tags or any(value.field == "tag" for value in self.values):
            named.add("tagged")
        for term in self.excluded:
            named |= term.marks_named
        return frozenset(named)

    @property
    def is_empty(self) -> bool:
        return not (
            self.words
            or self.anchors
            or self.names
            or self.values
            or self.languages
            or self.periods
            or self.statuses
            or self.marks_named
            or self.excluded
        )

    @property
    def narrows(self) -> bool:
        """Whether the query may leave a brief out: not when empty, nor when its words are only
        punctuation (see :func:`searchable`), which every brief has as far as the index can
        tell."""
        return not self._replace(words=searchable(self.words)).is_empty


def parse_query(text: str) -> Query:
    """The query typed as ``text`` (see the module's description for what it may hold)."""
    if not text or text.isspace():
        return Query()  # as at every start
    folded = joined_abbreviations(fold_search(text))
    typed = _Typed(text, folded)
    kept = _Terms(typed)
    excluded: list[Query] = []
    quoted_words = False
    # Most filters hold no word in capitals that other searches read as an operator.
    operators = frozenset(_OPERATORS.findall(text))
    after_not = False
    unquoted = _UnquotedValues(typed)
    terms = _terms().finditer(folded)
    for found in itertools.islice(terms, MAX_TERMS):
        operator = _operator(found, operators) if operators else None
        unquoted.read(found, operator is not None)
        if found["words"] is not None:
            quoted_words |= len(found["words"].split()) > 1  # one word has no order
        if operators:
            if after_not:  # NOT, and the term it was meant to leave out
                negated = found["negated"] or operator
                kept.read_as_words.append("NOT" if negated else f"NOT {typed.of(*found.span())}")
            elif operator and operator != "NOT":
                kept.read_as_words.append(operator)
            after_not = operator == "NOT"
        if found["negated"]:
            term = _Terms(typed)
            term.add(found)
            # Words of punctuation alone narrow nothing (see searchable), so they exclude nothing.
            negated = term.query()._replace(words=searchable(term.words), unsearched=())
            if not negated.is_empty:
                excluded.append(negated)
            kept.read_as_words += (f"-{word}" for word in term.read_as_words)  # as typed
            kept.unsearched += term.unsearched
            kept.without_value += term.without_value
            kept.value_lists += (listed.excluded() for listed in term.value_lists)
        else:
            kept.add(found)
    if after_not:
        kept.read_as_words.append("NOT")  # the last term typed
    query = kept.query(tuple(dict.fromkeys(excluded)), sum(1 for _ in terms))
    return query._replace(quoted_words=quoted_words, unquoted_values=unquoted.found())


class _UnquotedValues:
    """The exact terms of a filter whose value, not in quotes, is followed by words, read term
    by term (:class:`UnquotedValue`)."""

    def __init__(self, typed: _Typed) -> None:
        self._typed = typed
        self._term: re.Match[str] | None = None
        """The last exact term read with its value bare, while words follow it."""
        self._end = 0
        """Where the last of the words after it ends."""
        self._found: list[UnquotedValue] = []

    def read(self, found: re.Match[str], operator: bool = False) -> None:
        """Read the next term ``found`` by :data:`_TERM`; ``operator`` when it is one other
        searches read (``OR``), which the user meant to end the value, not to be part of it."""
        word = (
            found["term"] is not None
            and ":" not in found["term"]
            and not found["negated"]
            and not operator
        )
        if word and self._term is not None:
            self._end = found.end()
            return
        self._close()
        if found["exact_field"] and found["bare"] and not found["negated"]:
            self._term, self._end = found, found.end()

    def found(self) -> tuple[UnquotedValue, ...]:
        """The terms read, each with words after it."""
        self._close()
        return tuple(self._found)

    def _close(self) -> None:
        term, self._term = self._term, None
        if term is None or self._end == term.end():
            return  # no word after it
        counted = _VALUE_FIELDS[_term_word(term["exact_field"])]
        field = self._typed.of(*term.span("exact_field"))
        words = " ".join(self._typed.of(term.start("bare"), self._end).split())
        self._found.append(
            UnquotedValue(
                self._typed.of(term.start(), self._end),
                ValueTerm(counted, term["bare"]),
                ValueTerm(counted, " ".join(term.string[term.start("bare") : self._end].split())),
                f'{field}:="{words.replace(chr(34), chr(34) * 2)}"',
            )
        )


def unquoted_value_note(
    query: Query, entries: Entries, marks: UserMarks | None = None
) -> str | None:
    """What to tell a user whose exact term's value, not in quotes, was cut at its first space
    (``org:=secretaría de economía``), if any: told where no brief of ``entries`` has the value
    cut so and some brief has the value with the words after it (``marks``, the user's, giving
    the tags)."""

    def had(value: ValueTerm) -> bool:
        return bool(entries.find(Query(values=(value,)), marks))

    told = [term for term in query.unquoted_values if not had(term.value) and had(term.whole)]
    if not told:
        return None
    return (
        f"A value in several words is written in quotes: write {' '.join(t.quoted for t in told)}"
        f" for {', '.join(t.typed for t in told)}, which asks for "
        f"{'its first word' if len(told) == 1 else 'the first word of each'} as the value"
    )


def terms_held(text: str) -> str:
    """The filter typed as ``text`` as far as it holds it: the whole of it, or, of one holding
    more than :data:`MAX_TERMS` terms, as much as its first ones, as typed. A briefing names
    the filter so, as the one that found its briefs: the terms after them found nothing."""
    folded = joined_abbreviations(fold_search(text))
    terms = _terms().finditer(folded)
    held = list(itertools.islice(terms, MAX_TERMS))
    if next(terms, None) is None:
        return text
    return _Typed(text, folded).of(0, held[-1].end())


_OPERATORS = re.compile(r"(?<!\S)(OR|AND|NOT)(?!\S)")
"""The words other searches read as operators, typed in capitals as they are written there:
the filter looks for them as words, and says so."""


def _operator(found: re.Match[str], operators: frozenset[str]) -> str | None:
    """The operator of :data:`_OPERATORS` that the term ``found`` is, when it is one typed so
    (the filter is folded: ``operators`` are those typed in capitals); else None."""
    word = found["term"]
    if word is None or found["negated"] or word.upper() not in operators:
        return None
    return word.upper()


class _Typed:
    """A filter as the user typed it, and folded as its terms are read from it: a term the
    filter tells of is told as it was typed ("Compañía:Ternium", not "compania:ternium")."""

    def __init__(self, typed: str, folded: str) -> None:
        self._typed = typed
        self._folded = folded
        self._origins: list[int] | None = None

    def of(self, start: int, end: int) -> str:
        """The text the user typed for the characters from ``start`` to ``end`` of the folded
        filter: a term, or a part of one."""
        origins = self._typed_at()
        if not origins:  # folded otherwise than character by character: told folded
            return self._folded[start:end]
        # Folding makes white space one space and may join an abbreviation's words ("ee. uu."),
        # but keeps every other character in order: the term's are counted.
        first, after = self._kept_before(start), self._kept_before(end)
        # To the next character kept, so that a mark the term's last letter was typed with
        # (an accent typed apart, folded away) is told too.
        stop = origins[after] if after < len(origins) else len(self._typed)
        return self._typed[origins[first] : stop].rstrip()

    def _kept_before(self, at: int) -> int:
        """How many characters of the folded filter before ``at`` are not white space."""
        return sum(1 for char in self._folded[:at] if not char.isspace())

    def _typed_at(self) -> list[int]:
        """Where each character of the folded filter that is not white space was typed; empty
        when folding the filter a character at a time does not give it."""
        if self._origins is None:
            origins: list[int] = []
            kept: list[str] = []
            for at, char in enumerate(self._typed):
                for folded in fold_search(char):
                    if not folded.isspace():
                        origins.append(at)
                        kept.append(folded)
            same = "".join(kept) == "".join(self._folded.split())
            self._origins = origins if same else []
        return self._origins


class _Terms:
    """The terms of a query as they are read, each where it belongs."""

    def __init__(self, typed: _Typed) -> None:
        self.typed = typed
        self.words: list[str] = []
        self.anchors: list[AnchorStatus] = []
        self.names: list[NameTerm] = []
        self.values: list[ValueTerm] = []
        self.languages: list[str] = []
        self.periods: list[Period] = []
        self.statuses: list[BriefStatus] = []
        self.states: set[str] = set()
        self.tags: list[str] = []
        self.noted = False
        self.read_as_words: list[str] = []
        self.unsearched: list[str] = []
        self.value_lists: list[ValueList] = []
        self.without_value: list[str] = []

    def searched(self, words: Sequence[str]) -> tuple[str, ...]:
        """Of ``words``, those the index can look for; the others are told (``unsearched``)."""
        kept = searchable(words)
        if len(kept) < len(words):
            self.unsearched += (word for word in words if word not in kept)
        return kept

    def add(self, found: re.Match[str]) -> None:
        """Add the term ``found`` by :data:`_TERM`, its sign aside."""
        if found["field"]:
            term_words = self.searched(_without_possessives(found["phrase"].split()))
            if term_words:
                self.names.append(NameTerm(NAME_TERMS[_term_word(found["field"])], term_words))
            elif not found["phrase"].strip():
                self._has_no_value(found)
            return
        if found["exact_field"]:
            value = (found["quoted"] or "").replace('""', '"') + (found["bare"] or "")
            if not value.strip():
                self._has_no_value(found)
                return
            counted = _VALUE_FIELDS[_term_word(found["exact_field"])]
            if counted == "language":
                # lang:=spanish is lang:=es, as the facet counts it
                value = code_meant(fold_search(value).strip()) or value
            self.values.append(ValueTerm(counted, value.strip()))
            if _is_a_list(value) and counted not in _ONE_A_BRIEF:
                self.value_lists.append(self._exact_list(found, counted, value.strip()))
            return
        if found["words"] is not None:
            words = _without_possessives(found["words"].split())
            self.words += words  # all of them: the index leaves out those it cannot look for
            self.searched(words)
            return
        term = found["term"]
        field, colon, value = term.partition(":")
        field = _term_word(field)
        if not colon or field not in _FIELDS:
            self.words.append(without_possessive(term))
            self.searched([term])
            if colon and value and _may_be_a_field(field):
                # company:netflix, a field that is not one
                self.read_as_words.append(self.typed.of(*found.span("term")))
            return
        if field not in NAME_TERMS:
            # In quotes, as names are written (place:"baja california"), the value is the same.
            value = value.strip('"')
        if not value:
            self._has_no_value(found)
            return
        if field in (*NAME_TERMS, "tag") and _is_a_list(value):
            typed = self.typed.of(*found.span("term"))
            named, _, listing = typed.partition(":")
            each = tuple(f"{named}:{part}" for part in _listed(listing))
            self.value_lists.append(ValueList(typed, each))
        if field in NAME_TERMS:
            term_words = self.searched([without_possessive(value)])
            if term_words:
                self.names.append(NameTerm(NAME_TERMS[field], term_words))
        elif field == "lang" and any(code.startswith(value) for code in ISO_639_1):
            self.languages.append(value)
        elif field == "lang" and (code := code_meant(value)):
            self.languages.append(code)
        elif field == "anchor" and (anchor := _named(value, ANCHOR_STATUSES)):
            self.anchors.append(anchor)
        elif field == "is" and (status := _named(value, BRIEF_STATUSES)):
            self.statuses.append(status)
        elif field == "is" and (state := _named(value, _MARK_STATES)):
            self.states.add(state)  # no status starts as any of these does
        elif field == "has" and NOTE.startswith(value):
            self.noted = True
        elif field == "tag":
            self.tags.append(value)
        elif field in _PERIOD_FIELDS and (period := _period(field, value)):
            self.periods.append(period)
        else:
            self.words.append(term)
            self.read_as_words.append(self.typed.of(*found.span("term")))

    def _has_no_value(self, found: re.Match[str]) -> None:
        """Leave out the term ``found``, which has nothing after its colon: it narrows nothing,
        as while it is being typed, and is told once the filter is given."""
        self.without_value.append(self.typed.of(*found.span()))

    def _exact_list(self, found: re.Match[str], field: FacetField, value: str) -> ValueList:
        """The exact term ``found``, whose value ``value`` of ``field`` (folded) lists values
        with commas, as told of."""
        value_group = "quoted" if found["quoted"] is not None else "bare"
        typed_value = self.typed.of(*found.span(value_group))
        if value_group == "quoted":
            typed_value = typed_value.replace('""', '"')
        named = self.typed.of(*found.span("exact_field"))
        return ValueList(
            self.typed.of(found.start("exact_field"), found.end()),
            tuple(f"{named}:={_exact_value(part)}" for part in _listed(typed_value)),
            ValueTerm(field, value),
            tuple(ValueTerm(field, part) for part in _listed(value)),
        )

    def query(self, excluded: tuple[Query, ...] = (), left_out: int = 0) -> Query:
        return Query(
            tuple(dict.fromkeys(self.words)),
            tuple(dict.fromkeys(self.anchors)),
            tuple(dict.fromkeys(self.names)),
            tuple(dict.fromkeys(self.languages)),
            tuple(dict.fromkeys(self.periods)),
            tuple(dict.fromkeys(self.statuses)),
            bookmarked=BOOKMARKED in self.states,
            values=tuple(dict.fromkeys(self.values)),
            read=READ in self.states,
            unread=UNREAD in self.states,
            noted=self.noted,
            tags=tuple(dict.fromkeys(self.tags)),
            read_as_words=tuple(dict.fromkeys(self.read_as_words)),
            unsearched=tuple(dict.fromkeys(self.unsearched)),
            value_lists=tuple(dict.fromkeys(self.value_lists)),
            without_value=tuple(dict.fromkeys(self.without_value)),
            excluded=excluded,
            left_out=left_out,
        )


_ONE_A_BRIEF: frozenset[FacetField] = frozenset(("language", "outlet"))
"""The fields a brief has one value of at most: an exact term of one listing values with commas
(``lang:=es,en``) is not told to be asked for as a term for each, which would find no brief."""


def _listed(value: str) -> list[str]:
    """The values ``value`` lists with commas."""
    return [part.strip() for part in value.split(",") if part.strip()]


def _is_a_list(value: str) -> bool:
    """Whether a field term's ``value`` reads as values listed with commas ("ternium,kia"): two
    parts or more, each holding a letter; not a number ("6,2")."""
    parts = value.split(",")
    return len(parts) > 1 and all(any(c.isalpha() for c in part) for part in parts)


def _without_possessives(words: list[str]) -> list[str]:
    """``words`` each without the possessive ending it: "ternium's" is looked for as "ternium",
    which finds the brief's "Ternium" and "Ternium's" alike."""
    return [without_possessive(word) for word in words]


def value_term(field: FacetField, value: str) -> str:
    """The exact field term that finds the briefs having ``value`` in ``field``, as facets count
    them: ``place:="baja california"``, ``lang:=es``."""
    return f"{VALUE_TERMS[field]}:={_exact_value(fold_search(value).strip())}"


def _exact_value(value: str) -> str:
    """``value`` as an exact term writes it: in quotes when it holds white space or a quote, a
    quote in it written twice."""
    if value and not any(c.isspace() or c == '"' for c in value):
        return value
    return '"' + value.replace('"', '""') + '"'


def with_term(text: str, term: str) -> str:
    """The filter ``text`` with ``term`` added at its end: a quote left open closed first, so that
    the text asks for what it asked before, and for ``term`` too."""
    terms = list(_terms().finditer(fold_search(text)))
    if terms and _left_open(terms[-1]):
        text += '"'
    else:
        text = text.rstrip()
    return f"{text} {term}" if text else term


def _left_open(term: re.Match[str]) -> bool:
    """Whether ``term`` is a quoted value whose closing quote is missing."""
    for group in ("phrase", "quoted", "words"):
        if term[group] is not None:
            return term.end() == term.end(group)
    return False


_VALUES_TAKEN = {
    "lang": "a language code or name, such as es or spanish",
    "is": "draft, final, bookmarked, read or unread",
    "has": "note",
    "anchor": "exact, loose, fuzzy or missing",
    **dict.fromkeys(_PERIOD_FIELDS, "a year, a month or a day that exists, such as 2024-03-15"),
}
"""What the fields whose value is one of a few, or a date, take: a term of one of them with
another value is looked for as words."""


def _term_word(field: str) -> str:
    """The word a term of ``field`` begins with (``org`` for ``organization``)."""
    return _FIELD_NAMES.get(field, field)


def read_as_words_note(query: Query) -> str | None:
    """What to tell a user whose field terms name nothing their field can take, or a field
    there is not, if any do, or who typed the operators of another search."""
    if not query.read_as_words:
        return None
    terms = []
    for term in query.read_as_words:
        typed_field = term.removeprefix("-").partition(":")[0]
        field = _term_word(fold_search(typed_field).strip())
        operator, _, before = term.partition(" ")
        if operator == "NOT" and before:
            terms.append(f"NOT (write -{before} to leave out the briefs {before} finds)")
        elif operator in _OPERATORS_TOLD:
            terms.append(f"{term} ({_OPERATORS_TOLD[operator]})")
        elif field in _VALUES_TAKEN:
            terms.append(f"{term} ({field}: takes {_VALUES_TAKEN[field]})")
        else:
            terms.append(f"{term} (no field is named {typed_field}: the fields are {_FIELD_LIST})")
    return "Looked for as words: " + ", ".join(terms)


_FIELD_LIST = ", ".join(_FIELDS_LISTED)
_OPERATORS_TOLD = {
    "OR": "the filter keeps the briefs holding every word and term: it has no OR",
    "AND": "every word and term must be found already",
    "NOT": "to leave out the briefs a word or term finds, put a minus before it: -baja",
}
"""What the operators of other searches are in the filter, said when they are typed."""


def value_lists_note(query: Query, entries: Entries, marks: UserMarks | None = None) -> str | None:
    """What to tell a user who listed values with commas in a field term, if any did. An exact
    term (``org:=ternium,kia``) may name a value holding a comma ("Pesqueria, N.L."): it is told
    of only where no brief of ``entries`` has its value and some brief has each value it lists
    (``marks``, the user's, giving the tags)."""
    told = [listed for listed in query.value_lists if _lists_values(listed, entries, marks)]
    if not told:
        return None
    one = "is one value" if len(told) == 1 else "are one value each"
    return (
        f"Commas do not list values: {', '.join(listed.typed for listed in told)} {one}; write"
        f" {' '.join(term for listed in told for term in listed.each)} to ask for each (every"
        " term must hold: the filter has no OR)"
    )


def _lists_values(listed: ValueList, entries: Entries, marks: UserMarks | None) -> bool:
    """Whether the term ``listed`` reads as values listed: a term of words (``org:ternium,kia``)
    always; an exact term where no brief of ``entries`` has its value and some has each value it
    lists."""
    if listed.whole is None:
        return True

    def had(value: ValueTerm) -> bool:
        return bool(entries.find(Query(values=(value,)), marks))

    return not had(listed.whole) and all(map(had, listed.listed))


def read_by_language_note(query: Query, entries: Entries) -> str | None:
    """What to tell a user whose place term names a place written to stand for one place in
    one language and another in another (:func:`_read_by_language`), where the term finds no
    brief of ``entries``: a brief's place so written is the place it stands for in the brief's
    language, and a term naming it as written finds that place (``place:=eu`` finds none, as
    "EU" is the United States in a Spanish brief); the terms naming each place it stands for."""
    told = []
    asked: list[tuple[str, Query, bool]] = [
        (value.value, Query(values=(value,)), True)
        for value in query.values
        if value.field == "place"
    ]
    asked += (
        (name.words[0], Query(names=(name,)), False)
        for name in query.names
        if name.field == "place" and len(name.words) == 1
    )
    for written, alone, exact in asked:
        abbreviation = written.replace(".", "").upper()
        stands_for = _read_by_language().get(abbreviation)
        if stands_for is None or entries.find(alone):
            continue
        readings, terms = [], []
        for language, place in stands_for.items():
            folded = fold_search(place).strip()
            shown, folded = _known_names().get(("place", folded), (place, folded))
            readings.append(f"{LANGUAGE_NAMES.get(language, language)}: {shown}")
            terms.append(value_term("place", shown) if exact else f"place:{_phrase(folded)}")
        typed = f"place:={_exact_value(written)}" if exact else f"place:{written}"
        told.append(
            f'{typed} finds no brief: a brief\'s place "{abbreviation}" is read by its language'
            f" ({', '.join(readings)}); write {' or '.join(terms)}"
        )
    return ". ".join(told) or None


def _phrase(words: str) -> str:
    """``words`` as a name term writes them: in quotes when they are more than one word."""
    return f'"{words}"' if " " in words else words


def without_value_note(query: Query) -> str | None:
    """What to tell a user who typed field terms with nothing after the colon, if any did: left
    out, they narrow nothing (``export --filter "place:$STATE"`` with no state exports every
    brief)."""
    if not query.without_value:
        return None
    first = query.without_value[0]
    field, _, after = first.lstrip("-").partition(":")
    example = _VALUE_EXAMPLES.get(_term_word(fold_search(field).strip()), "")
    colon = ":=" if after.startswith("=") else ":"
    such_as = f", such as {field}{colon}{example}" if example else ""
    return (
        f"Left out, having no value: {', '.join(query.without_value)} (write the value after"
        f" the colon{such_as})"
    )


_VALUE_EXAMPLES = {
    "org": "ternium",
    "place": "tijuana",
    "person": "ebrard",
    "topic": "nearshoring",
    "outlet": "reuters",
    "tag": "usmca",
    "lang": "es",
    "is": "unread",
    "has": "note",
    "anchor": "fuzzy",
    **dict.fromkeys(_PERIOD_FIELDS, "2024-03"),
}
"""A value each field's term may take, to show what is written after its colon."""


def unsearched_note(query: Query) -> str | None:
    """What to tell a user who typed words of no letter or digit, if any were typed."""
    if not query.unsearched:
        return None
    words = " ".join(query.unsearched)
    return f"Not looked for: {words} (the filter finds words of letters or digits)"


def _may_be_a_field(word: str) -> bool:
    """Whether ``word``, before a colon, reads as a field meant (``company``), not as a part of
    a word holding a colon (``10:30``, ``http://``... are of a field no more than ``a:b``)."""
    return len(word) > 1 and word.isascii() and word.isalpha() and word not in _NOT_FIELDS


_NOT_FIELDS = frozenset(("http", "https", "mailto", "ftp"))


def facet_field(name: str) -> FacetField | None:
    """The field facets count that ``name`` names, as a term does or in full (``org``,
    ``organization``, ``organizations``); None for no such field."""
    return _VALUE_FIELDS.get(_term_word(fold_search(name).strip()))


def _named(value: str, choices: Sequence[_Named]) -> _Named | None:
    """The one of ``choices`` that ``value`` starts, else None (none, or more than one)."""
    named = [choice for choice in choices if choice.startswith(value)]
    return named[0] if len(named) == 1 else None


def searchable(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` but those of only punctuation: such a word holds nothing the index splits words
    at, so every brief has it as far as the index can tell, and it narrows nothing."""
    return tuple(word for word in words if any(c.isalnum() for c in word))


def _period(field: str, value: str) -> Period | None:
    """The dates the term ``field:value`` keeps; None when ``value`` names no date."""
    found = _DATE.fullmatch(value)
    if found is None:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    try:
        # A month or day of 00 is none, not the first: such a term is a plain word.
        start = dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None  # no such month or day
    if field == "after":
        return Period(start=start.isoformat())
    try:
        if day is not None:
            end: str | None = (start + dt.timedelta(days=1)).isoformat()
        elif month is not None:
            end = dt.date(year + month // 12, month % 12 + 1, 1).isoformat()
        else:
            end = dt.date(year + 1, 1, 1).isoformat()
    except (ValueError, OverflowError):
        end = None  # the period ends with the last date there is: nothing is after it
    if field == "before":
        return Period(end=end)
    return Period(start.isoformat(), end)


def search_words(brief: Brief, article: str) -> str:
    """Everything the words of a query are looked for in, for ``brief``: the distinct words of
    its fields and its article, folded by :func:`tui.core.text.fold_words` once, when the brief
    is read, so that the index holds each word once. An abbreviation written with spaces ("EE.
    UU.") is also there without them, to be found as one word. A name the gazetteer knows is
    there in every way it writes it, in either language, as field terms and facets find it: a
    brief listing the topic "relocalización" is found by "nearshoring", one listing USMCA by
    "t-mec", one listing "Kia Motors México" by "kia" (as it is Kia); so is a known topic within
    a topic's words, and a known place a place names after a comma (see :func:`known_within`).
    A number is one word, its points and commas kept within it as the index reads them
    (:func:`~tui.core.text.numbers_kept_whole`)."""
    parts = [brief.id, brief.title, brief.title_en or "", brief.summary]
    for fact in brief.key_facts:
        parts += (fact.fact, fact.quote)
    spelt: list[str] = []
    for field, names in _named_fields(brief):
        parts += names
        for name in names:
            folded = _folded_value(name)
            written = _named_as(field, folded)[1]
            if written is not None:
                folded = written[1]
                spelt += _spelling_words()[field, folded]
            for within in known_within(field, folded):
                spelt += _spelling_words()[field, within]
    # The article's own text: the web page's furniture around it (a teaser for another story,
    # share buttons) would find the brief by words it does not say.
    span = brief.article_span
    parts += (
        brief.outlet or "",
        brief.author or "",
        article[span.start : span.end] if span else article,
    )
    text = "\n".join(parts)
    words = fold_words(f"{text}\n{spaced_abbreviations(text)}")
    if spelt:
        # Folded already, and most of them among the brief's words: only the others are added.
        have = set(words.split())
        more = [word for word in dict.fromkeys(spelt) if word not in have]
        words = " ".join([words, *more]) if words else " ".join(more)
    return numbers_kept_whole(words)


def field_values(brief: Brief) -> list[tuple[FacetField, str, str, str]]:
    """The values of ``brief`` that field terms look in and facets count, as ``(field, value as
    shown, value folded, its words)``: each once per field however it is spelt, and none that is
    only punctuation (no term could find it). A name the gazetteer knows is shown as it names
    it, a company as its name without its legal form or country (:func:`known_name`); its words,
    which a field term's words are looked for in, are those of every way the gazetteer writes
    it (:func:`name_spellings`) and of the way the brief does."""
    fields: tuple[tuple[FacetField, Iterable[str]], ...] = (
        *_named_fields(brief),
        ("outlet", (brief.outlet,) if brief.outlet else ()),
        ("language", (brief.language,)),
    )
    values: dict[tuple[FacetField, str], str] = {}
    words: dict[tuple[FacetField, str], list[str]] = {}
    for field, written in fields:
        for value in written:
            folded = _folded_value(value)
            shown, name = _value_named(field, value, folded)
            if any(c.isalnum() for c in name):
                values.setdefault((field, name), shown)
                words.setdefault((field, name), []).append(folded)
    return [
        (field, value, folded, _name_words(field, folded, words[field, folded]))
        for (field, folded), value in values.items()
    ]


def _value_named(field: FacetField, value: str, folded: str) -> tuple[str, str]:
    """The value ``value`` of ``field``, folded as ``folded``, as facets show it and count it
    folded (see :func:`known_name`)."""
    kept, known = _named_as(field, folded)
    if known is not None:
        return known
    words = folded.split()
    if kept == len(words):
        return value, folded
    name = _first_words(words, kept)
    written = value.split()
    # Cut where the folded name was; a value whose folding makes more words or fewer (a mark
    # folded to a space) is shown whole, and counted as its name all the same.
    shown = _first_words(written, kept) if len(written) == len(words) else value
    return (shown if _folded_value(shown) == name else value), name


def _name_words(field: FacetField, folded: str, written: list[str]) -> str:
    """The words a field term looks for in the name ``folded`` of ``field``, which a brief
    writes as ``written`` (folded): the ways of writing it (:func:`indexed_name`), and the
    brief's own, each apart, numbers kept whole as the index reads them
    (:func:`~tui.core.text.numbers_kept_whole`)."""
    if field not in NAME_FIELDS:
        return ""
    spelt = indexed_name(field, folded)
    ways = spelt.split(_SPELLINGS_APART)
    others = [way for way in dict.fromkeys(written) if way not in ways]
    # The brief's own way held written plainly too, as indexed_name holds the others.
    others += [plain for way in others if (plain := written_plainly(way)) not in ways]
    others = list(dict.fromkeys(others))
    return numbers_kept_whole(_SPELLINGS_APART.join([spelt, *others]) if others else spelt)


def marked_letters(name: str) -> int:
    """How many letters of ``name`` are not plain ASCII letters (an accented letter, ñ, ü, ł):
    of the ways the corpus spells one value, facets show the one with most, "Samuel García"
    rather than "Samuel Garcia" (the fuller spelling)."""
    if name.isascii():
        return 0
    return sum(1 for c in name if not c.isascii() and c.isalpha())


@lru_cache(maxsize=4096)
def _folded_value(value: str) -> str:
    """``value`` folded as a field term looks for it. Kept for the names met most: a corpus
    names the same companies, places and topics in brief after brief, and folding is the
    costliest step of reading a brief's values."""
    return fold_search(value).strip()


def known_name(field: FacetField, folded: str) -> str:
    """The folded name that the value ``folded`` of ``field`` stands for: the name the shipped
    gazetteer lists for it when it is one of the ways of writing that name ("estados unidos" and
    "eeuu" are "united states"); for an organization, the name of the company it is without its
    legal form or country (:func:`company_words`), or the gazetteer's name for that ("kia
    motors mexico" is "kia"); else the value itself."""
    kept, known = _named_as(field, folded)
    if known is not None:
        return known[1]
    words = folded.split()
    return folded if kept == len(words) else _first_words(words, kept)


@lru_cache(maxsize=4096)
def _named_as(field: FacetField, folded: str) -> tuple[int, tuple[str, str] | None]:
    """How many of the words of the folded value ``folded`` of ``field`` name it, and the name
    the gazetteer knows them as (as written and folded), if it does. The gazetteer is asked
    first for the whole value, so that a name it knows is never cut ("Banco de México" is
    Banxico), then for what is left at each cut: "Kia Motors México" is "Kia Motors", Kia."""
    known = _known_names()
    words = folded.split()
    kept = len(words)
    while True:
        name = known.get((field, folded if kept == len(words) else _first_words(words, kept)))
        if name is not None or field != "organization":
            return kept, name
        cut = company_words(words[:kept])
        if cut == kept:
            return kept, None
        kept = cut


def _first_words(words: Sequence[str], count: int) -> str:
    """The first ``count`` of ``words``, joined, without the comma that stood before a cut."""
    return " ".join(words[:count]).removesuffix(",")


_COUNTRIES = frozenset(("mexico", "usa", "u.s.a."))
"""The countries, folded, that a company's name may end in for the branch of one country."""
_NOT_BEFORE_A_COUNTRY = frozenset(
    ("de", "del", "of", "in", "en", "the", "la", "el", "y", "and", "new", "nuevo", "nueva")
)
"""Words that make the country after them part of a name: "Banco de México", "University of
New Mexico"."""


def company_words(words: Sequence[str]) -> int:
    """How many of the folded words ``words`` of an organization's name name the company, its
    legal form and the country of its branch left out: "Ternium México, S.A. de C.V.", "Ternium
    Mexico SA de CV" and "Ternium S.A." are Ternium, "Kia Motors México" is Kia Motors.

    The legal forms are those drafting reads (``tui.core.drafting.entities.LEGAL_FORM``):
    S.A., S.A.B., S.A.P.I. and S. de R.L., each with "de C.V." or without, written with their
    periods (without them only with "de CV": "SA de CV"), Inc., Corp., LLC, Ltd., Co. (and "&
    Co."), PLC, GmbH, AG and N.V.; the countries are México (Mexico) and USA, last, but not
    after "de", "of", "New"
    ... (:data:`_NOT_BEFORE_A_COUNTRY`: "Banco de México", "University of New Mexico").
    Nothing is cut that would leave only words naming a kind of organization ("Grupo México",
    "Banco S.A."), or nothing."""
    kept = len(words)
    while kept > 1:
        text = _first_words(words, kept)
        cut = kept
        found = _legal_form_ending().search(text)
        if found is not None:
            cut = len(text[: found.start()].split())
        elif (
            words[kept - 1].rstrip(",") in _COUNTRIES
            and words[kept - 2].rstrip(",") not in _NOT_BEFORE_A_COUNTRY
        ):
            cut = kept - 1
        generic = _organization_words()
        if cut == kept or all(word.rstrip(",") in generic for word in words[:cut]):
            break
        kept = cut
    return kept


@cache
def _legal_form_ending() -> re.Pattern[str]:
    """A company's legal form ending its folded name, after a space or a comma: the forms
    drafting reads in an article, case ignored."""
    from tui.core.drafting.entities import LEGAL_FORM

    return re.compile(rf",?\s(?:{LEGAL_FORM}),?$", re.IGNORECASE)


@cache
def _organization_words() -> frozenset[str]:
    """The words naming a kind of organization, folded ("grupo", "council")."""
    from tui.core.drafting.entities import ORGANIZATION_WORDS

    return frozenset(fold_search(word) for word in ORGANIZATION_WORDS)


def name_spellings(field: FacetField, folded: str) -> str:
    """The words a field term looks for in the folded name ``folded`` of ``field``: every way
    the gazetteer writes it, when it knows it ("united states", "estados unidos", "eeuu" ...,
    each kept apart from the next by :data:`~tui.core.text.COMPOUND_END`), so that a term in
    either language finds it; else the name alone. A topic or a place also has the ways of
    writing each known name within it (:func:`known_within`): "maquiladora exports" is found by
    ``topic:exportaciones`` and ``topic:"industria maquiladora"``, "Pesqueria, Nuevo Leon" by
    ``place:nl``."""
    spelt = _spellings().get((field, folded), folded)
    within = known_within(field, folded)
    if not within:
        return spelt
    return _SPELLINGS_APART.join([spelt, *(_spellings()[field, name] for name in within)])


_SPELLINGS_APART = f" {COMPOUND_END} "
"""What keeps the ways of writing a name apart for the index: a word no query holds, so that no
phrase runs from one into the next."""

# Marks that may close or open a word of a topic ("exports," or "(usmca)") without being part
# of the name it is.
_WORD_EDGES = ",;:()[]\"'"


def known_within(field: FacetField, folded: str) -> tuple[str, ...]:
    """The known names, folded, that the folded value ``folded`` of ``field`` holds, other than
    itself: the topics among a topic's words (:func:`_topics_within`), the places a place
    names after a comma (:func:`_places_after_commas`); none for other fields."""
    if field == "topic":
        return _topics_within(folded)
    if field == "place" and "," in folded:
        return _places_after_commas(folded)
    return ()


@lru_cache(maxsize=4096)
def _places_after_commas(folded: str) -> tuple[str, ...]:
    """The known places that the folded place ``folded`` names after a comma, other than
    itself: "pesqueria, n.l." is in Nuevo León, and "saltillo, coahuila, mexico" in Coahuila and
    in Mexico. A part is a place only whole: "albuquerque, new mexico" is not in Mexico."""
    known = _known_names()
    found: dict[str, None] = {}
    for part in folded.split(",")[1:]:
        name = known.get(("place", part.strip()))
        if name is not None and name[1] != folded:
            found[name[1]] = None
    return tuple(found)


@lru_cache(maxsize=4096)
def _topics_within(folded: str) -> tuple[str, ...]:
    """The known topics, folded, that the folded topic ``folded`` holds among its words, other
    than itself: "maquiladora exports" holds the maquiladora industry and exports. A brief on a
    subject is a brief on the subjects its words name, in either language. Places and
    organizations are not read so: New Mexico is not Mexico, nor a state's ministry of economy
    the federal one."""
    known = _known_names()
    words = [word.strip(_WORD_EDGES) for word in folded.split()]
    longest = _longest_topic()
    found: dict[str, None] = {}
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + longest) + 1):
            name = known.get(("topic", " ".join(words[start:end])))
            if name is not None and name[1] != folded:
                found[name[1]] = None
    return tuple(found)


@cache
def _longest_topic() -> int:
    """The most words any way of writing a known topic has."""
    return max(
        (len(written.split()) for field, written in _known_names() if field == "topic"),
        default=0,
    )


_GAZETTEER_FIELDS: dict[str, FacetField] = {
    "places": "place",
    "organizations": "organization",
    "people": "person",
    "topics": "topic",
}


@cache
def _known_names() -> dict[tuple[FacetField, str], tuple[str, str]]:
    """For each field, each way of writing a known name, folded → the name, as written and
    folded. Read from the shipped gazetteer once, when the first brief is read."""
    from tui.core.drafting.entities import shipped_gazetteer

    known: dict[tuple[FacetField, str], tuple[str, str]] = {}
    for group, names in shipped_gazetteer().names.items():
        field = _GAZETTEER_FIELDS[group]
        for written, name in names.items():
            known[field, fold_search(written).strip()] = (name, fold_search(name).strip())
    return known


def _named_fields(brief: Brief) -> tuple[tuple[FacetField, tuple[str, ...]], ...]:
    """The names of ``brief`` by field, as the gazetteer sorts them."""
    return (
        ("organization", brief.organizations),
        ("place", tuple(_place_meant(place, brief.language) for place in brief.places)),
        ("person", brief.people),
        ("topic", brief.topics),
    )


def _place_meant(place: str, language: str) -> str:
    """The place a brief in ``language`` means by ``place``: "EU" (or "E.U.") is the United
    States in Spanish, as the Mexican press writes it, and the European Union in English, as
    drafting reads it (:func:`_read_by_language`); any other place is itself."""
    stands_for = _read_by_language().get(place.replace(".", "").strip().upper())
    return place if stands_for is None else stands_for.get(language, place)


@cache
def _read_by_language() -> dict[str, dict[str, str]]:
    """Each place written to stand for one place in one language and another in another, in
    capitals without periods ("EU"), with what it stands for by the language, as drafting
    reads it."""
    from tui.core.drafting.entities import READ_BY_LANGUAGE

    return READ_BY_LANGUAGE


@cache
def _name_spellings() -> dict[tuple[FacetField, str], tuple[str, ...]]:
    """For each field, each known name folded → every way the gazetteer writes it, folded, the
    name first."""
    spellings: dict[tuple[FacetField, str], list[str]] = {}
    for (field, written), (_, name) in _known_names().items():
        spellings.setdefault((field, name), [name]).append(written)
    return {key: tuple(dict.fromkeys(words)) for key, words in spellings.items()}


@cache
def _spellings() -> dict[tuple[FacetField, str], str]:
    return {key: _SPELLINGS_APART.join(words) for key, words in _name_spellings().items()}


@cache
def _spelling_words() -> dict[tuple[FacetField, str], tuple[str, ...]]:
    """For each field, each known name folded → the distinct words of all the ways the
    gazetteer writes it."""
    return {
        key: tuple(dict.fromkeys(" ".join(words).split()))
        for key, words in _name_spellings().items()
    }


def anchor_bits(facts: Iterable[KeyFact]) -> int:
    """The anchor statuses of ``facts`` as one number, a bit for each (see :func:`anchor_mask`)."""
    bits = 0
    for fact in facts:
        bits |= anchor_mask((fact.anchor,))
    return bits


def anchor_mask(statuses: Iterable[AnchorStatus]) -> int:
    """The bits of ``statuses``, in the order of :data:`tui.core.quotes.ANCHOR_STATUSES`."""
    bits = 0
    for status in statuses:
        bits |= 1 << ANCHOR_STATUSES.index(status)
    return bits


def match_expression(words: Iterable[str]) -> str:
    """The full-text query finding briefs with a word starting with each of ``words``.

    Each word is quoted whole, so that nothing typed is taken as an operator of the query
    language (``AND``, ``NEAR``, a column name, a parenthesis); a word holding punctuation, such
    as "u.s.", becomes the phrase of its parts ("u s"), as the index split it when it was read,
    and is looked for among the words of two parts or more alone (see
    :func:`tui.core.text.compound_words`). An abbreviation typed with periods ("ee.uu.") also
    finds it written without them ("EEUU"). A number is one word, its points and commas within
    it (:func:`tui.core.text.numbers_kept_whole`): it finds the numbers it starts, and the same
    number written the other ways (:func:`tui.core.text.number_writings`): "2500" finds
    "2,500" and "2.500,5", "2,500" finds "2500" and "2.500", "6,2" finds "6.2"; so does a number
    after letters within a word: "us$2.500" finds "US$2,500", "usd2500" finds "USD2,500".
    """
    # AND written out: the index's query language joins phrases by a space alone, not an
    # expression in brackets, which an abbreviation's two ways of writing are.
    return " AND ".join(map(_word_expression, words))


def _word_expression(word: str) -> str:
    ways = [
        _written_as(word),
        *(_written_as(way, starts) for way, starts in number_writings(word) or ()),
    ]
    plainly = abbreviation_letters(word)
    if plainly is not None:
        ways.append(_whole(plainly))
    return ways[0] if len(ways) == 1 else f"({' OR '.join(ways)})"


def _written_as(word: str, starts: bool = True) -> str:
    """The full-text query finding the words ``word`` starts, or ``word`` alone (not
    ``starts``): among the words of two parts or more when it is one ("us$2,500")."""
    found = _prefix(word) if starts else _whole(word)
    return f"compounds : {found}" if is_compound(numbers_kept_whole(word)) else found


@lru_cache(maxsize=4096)
def indexed_name(field: FacetField, folded: str) -> str:
    """What the index's table of name words holds for the folded name ``folded`` of ``field``:
    the words a field term looks for (:func:`name_spellings`), and after them each way of
    writing it that holds an abbreviation with periods, a number with its thousands set apart
    or a possessive, written plainly (:func:`tui.core.text.written_plainly`), kept apart as the
    ways of writing a known name are:
    "pesqueria, n.l." is held as "pesqueria, nl" too, and "ternium mexico, s.a. de c.v." as
    "ternium mexico, sa de cv", so that ``place:nl`` and ``org:"sa de cv"`` find them as
    ``place:n.l.`` does. Kept for the names met most, as their folding is."""
    spelt = name_spellings(field, folded)
    if "." not in spelt and "," not in spelt and "'" not in spelt:
        return spelt
    ways = spelt.split(_SPELLINGS_APART)
    plain = [written for way in ways if (written := written_plainly(way)) not in ways]
    return _SPELLINGS_APART.join([spelt, *dict.fromkeys(plain)]) if plain else spelt


def name_expression(term: NameTerm) -> str:
    """The full-text query finding the names of ``term``: its words, in order, each starting a
    word, in the column of its field. When it holds an abbreviation typed with periods ("n.l.",
    "s.a."), or a number written otherwise than plainly ("2,500", "6,2"), the same words with
    each written plainly, whole ("nl", "sa", "2500", "6.2"), find them too: a name is also held
    written so (see :func:`indexed_name`), and one written so is found, as a plain word is. A
    number written plainly is looked for by its start where a word typed so would be
    (:func:`tui.core.text.number_writings`): "0,5" finds a name writing 0.55, as one writing
    0,55."""
    phrase = " + ".join(map(_prefix, term.words))
    plainly = " + ".join(map(_plain_name_word, term.words))
    if plainly == phrase:
        return f"{{{term.field}}} : ({phrase})"
    return f"{{{term.field}}} : (({phrase}) OR ({plainly}))"


def _plain_name_word(word: str) -> str:
    letters = abbreviation_letters(word)
    if letters is not None:
        return _whole(letters)
    plainly = plain_number(word)
    if plainly is None:
        return _prefix(word)
    return _prefix(plainly) if (plainly, True) in (number_writings(word) or ()) else _whole(plainly)


def _prefix(word: str) -> str:
    """The full-text query finding the words ``word`` starts."""
    return f"{_whole(word)}*"


def _whole(word: str) -> str:
    """The full-text query finding ``word``, written as the index holds its words (a number
    whole, :func:`~tui.core.text.numbers_kept_whole`)."""
    # A NUL would end the query early for SQLite; the index holds none (text is cleaned of
    # control characters as it is read), so it is dropped rather than looked for.
    return '"' + numbers_kept_whole(word).replace("\x00", "").replace('"', '""') + '"'
