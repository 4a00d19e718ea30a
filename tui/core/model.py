"""The data a corpus is made of: briefs, their key facts, and the problems found in them."""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
import re
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from tui.core.text import date_label

if TYPE_CHECKING:
    from tui.core.articles import ArticleTexts
    from tui.core.quotes import AnchorStatus, Span
    from tui.core.search import FacetField, Query, UserMarks

Severity = Literal["error", "warning"]

FACT_KINDS = ("figure", "event", "plan", "actor", "context")

BriefStatus = Literal["draft", "final"]
BRIEF_STATUSES: tuple[BriefStatus, ...] = ("draft", "final")
"""A brief's ``status``: ``draft`` until an analyst has read it through, else ``final``."""
_BYLINE = re.compile(r"(?:by|por)\s", re.IGNORECASE)
"""An author written as the byline prints it ("By Jane Doe"), which says "by" already."""
ID_NOT_THE_FILE_NAME = "must equal the file name"
"""The message of the problem of an id that is not its file's name (its advice apart)."""
DRAFT_SUMMARY = "Draft: the summary is still to be written."
"""How a draft's summary starts until the analyst writes one: a finished brief must not."""

READ_TOGETHER = 64
"""How many entries :meth:`Entries.at` asks to be read at once: no more than a store keeps of
those read ahead (:data:`tui.core.store.view.READ_AHEAD_KEPT`), or the first would be let go
before they are asked for."""

MAX_PROBLEM_TEXT = 300
"""How many characters of a problem's file name are kept; the rest becomes "…"."""
MAX_PROBLEM_MESSAGE = 1_000
"""How many characters of a problem's message, and of its advice, are kept: enough for the
article's own wording of a quote of a few sentences, which the advice on a quote found loosely or
fuzzily gives whole."""
MAX_PROBLEM_FIELD = 80
"""How many characters of a problem's field path are kept; real paths are far shorter."""

# Characters a terminal would act on or that would hide or reorder text: C0 and C1 controls
# (line breaks included, so that a problem stays on one line), zero-width characters,
# bidirectional controls, line and paragraph separators and the byte-order mark.
_UNSAFE_IN_PROBLEM = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _visible(text: str, limit: int) -> str:
    """``text`` with every unsafe character written as an escape, cut to ``limit`` characters.

    Escaping comes first, so that the result is never longer than ``limit`` and making it
    visible again leaves it as it is.
    """
    cut = len(text) > limit
    if cut:
        text = text[:limit]  # only the start is shown; escaping can only lengthen it
    text = _UNSAFE_IN_PROBLEM.sub(_escape_char, text)
    if cut or len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


_FACT_FIELD = re.compile(r"key_facts\[(\d+)\]\.?")


def with_advice(what: str, advice: str) -> str:
    """What is wrong and, after it, the advice on putting it right, as the one who edits the
    file is told them: ``is not an ISO 639-1 code; write it in small letters: en``."""
    return f"{what}; {advice}" if advice else what


@dataclass(frozen=True, slots=True)
class Fault:
    """What is wrong with a value or a file, and apart from it the advice on putting it right.

    Whoever edits the file needs both; a colleague reading a briefing can act on no advice and is
    told only what is wrong (see :class:`Problem`). Written as text, the two read as one.
    """

    what: str
    advice: str = ""

    def __str__(self) -> str:
        return with_advice(self.what, self.advice)


class FaultError(Exception):
    """An error saying what is wrong and, apart, what to do about it: :attr:`fault`. Its text is
    the two read as one."""

    def __init__(self, what: str, advice: str = "") -> None:
        self.fault = Fault(what, advice)
        super().__init__(str(self.fault))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a corpus file, located so that a user can go and fix it."""

    file: str
    """The file's path relative to the corpus folder, such as ``briefs/x.yaml``."""
    line: int
    """1-based line number; 0 when the problem is about the file as a whole."""
    field: str
    """Field path such as ``key_facts[3].quote`` (facts counted from 0, as the file lists them;
    see :attr:`shown_field`); empty when no single field is at fault."""
    message: str
    """What is wrong, in words for anyone who reads the brief: ``not found in seeds/x.txt``."""
    severity: Severity = "error"
    advice: str = ""
    """How to put it right, for whoever edits the file (``write it as YYYY-MM-DD``); empty when
    the message says all there is. Validation and the reader give it after the message
    (:attr:`in_full`); a briefing, for colleagues who do not edit the file, leaves it out."""

    @classmethod
    def of(
        cls, file: str, line: int, field: str, fault: Fault, severity: Severity = "error"
    ) -> Problem:
        """The problem ``fault`` found in ``file``, at ``line`` and ``field``."""
        return cls(file, line, field, fault.what, severity, fault.advice)

    def __post_init__(self) -> None:
        # File names, field names and values quoted in messages come from the corpus, which may
        # hold anything: a problem is always one line of visible text, safe to print anywhere.
        for name, limit in (
            ("file", MAX_PROBLEM_TEXT),
            ("field", MAX_PROBLEM_FIELD),
            ("message", MAX_PROBLEM_MESSAGE),
            ("advice", MAX_PROBLEM_MESSAGE),
        ):
            text = getattr(self, name)
            safe = _visible(text, limit)
            if safe != text:
                object.__setattr__(self, name, safe)

    @property
    def shown_field(self) -> str:
        """The field as a person reads it, the facts numbered from 1 as the reader and an export
        number them: ``key_facts[1].quote`` is ``fact 2, quote``. Told "key_facts[1]", an analyst
        would open the first fact."""
        found = _FACT_FIELD.match(self.field)
        if found is None:
            return self.field
        rest = self.field[found.end() :]
        return f"fact {int(found[1]) + 1}" + (f", {rest}" if rest else "")

    @property
    def in_full(self) -> str:
        """The message and the advice after it, as whoever edits the file is told them."""
        return with_advice(self.message, self.advice)

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        parts = [location]
        if self.field:
            parts.append(self.shown_field)
        parts.append(f"warning: {self.in_full}" if self.severity == "warning" else self.in_full)
        return ": ".join(parts)


@dataclass(frozen=True, slots=True)
class KeyFact:
    """One fact of a brief and the verbatim passage of the article that supports it."""

    fact: str
    quote: str
    kind: str | None = None
    span: Span | None = None
    """Where the quote stands in the article; None when it was not found there."""
    anchor: AnchorStatus = "missing"
    """How the quote was found in the article (:mod:`tui.core.quotes`): ``exact``, ``loose``,
    ``fuzzy``, or ``missing`` (not found, and then ``span`` is None)."""
    score: int | None = None
    """For a fuzzy anchor, how close the passage is to the quote (90 to 100); else None."""
    reviewed: bool = True
    """False for a fact drafted from the article that no analyst has confirmed yet."""
    needs_english: bool = False
    """True while ``fact`` is still the article's own sentence in a language other than
    English, waiting for an English rendering."""

    @property
    def anchor_label(self) -> str:
        """The anchor status as a reader is shown it: ``fuzzy 93``, ``loose``, ``not found``."""
        if self.anchor == "fuzzy":
            return f"fuzzy {self.score}"
        return "not found" if self.anchor == "missing" else self.anchor


def stands_outside(span: Span | None, article_span: Span | None) -> bool:
    """Whether the passage at ``span`` stands outside ``article_span`` (on the page around the
    article); False when either is not known."""
    if span is None or article_span is None:
        return False
    return span.start < article_span.start or span.end > article_span.end


@dataclass(frozen=True, slots=True)
class Brief:
    """A checked brief: metadata, summary and key facts of one article."""

    id: str
    source: str
    title: str
    language: str
    summary: str
    key_facts: Sequence[KeyFact]
    """A tuple, or a sequence that reads them from the cache when asked (compared as a tuple)."""
    title_en: str | None = None
    published: dt.date | None = None
    date_note: str | None = None
    outlet: str | None = None
    author: str | None = None
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    status: BriefStatus = "final"
    """``draft`` for a brief drafted from its article and not yet read through."""
    article_span: Span | None = None
    """Where the article's own text stands in its file, as the brief's ``article_starts`` and
    ``article_ends`` say; None for the whole file. What lies outside it is the web page's
    furniture (menus, share buttons, teasers for other stories): not searched, and shown apart."""

    @property
    def is_draft(self) -> bool:
        """Whether the brief is a draft, to be read through before it is relied on."""
        return self.status == "draft"

    def quoted_outside(self, fact: KeyFact) -> bool:
        """Whether ``fact`` quotes the web page around the article rather than the article:
        its quote was found outside :attr:`article_span`. Validation warns of it; a reader and
        a briefing say so, lest the page's words be taken for the article's."""
        return stands_outside(fact.span, self.article_span)

    @property
    def date_inferred(self) -> bool:
        """Whether the date is one the article does not print, worked out as its note says."""
        return self.published is not None and bool(self.date_note)

    @property
    def meta_parts(self) -> tuple[str, ...]:
        """Outlet, author, date and language, those the brief has, as a reader is shown them:
        the author after "by", lest a byline be read as a name the article is about."""
        date = date_label(self.published, inferred=self.date_inferred)
        author = self.author
        if author and not _BYLINE.match(author):
            author = f"by {author}"
        return tuple(part for part in (self.outlet, author, date, self.language) if part)

    @property
    def source_path(self) -> str:
        """The article's path relative to the corpus folder; a source written as a whole path,
        which the brief's checks refuse, is shown as written rather than as ``seeds//etc/x``."""
        return posixpath.join("seeds", self.source)

    @property
    def english_title(self) -> str:
        """The title a reader of English finds the article under: ``title_en`` for an article
        in another language, else the article's own title."""
        return self.title_en if self.title_en and self.language != "en" else self.title

    @property
    def entity_groups(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The named lists in display order, each with its label."""
        return (
            ("Places", self.places),
            ("Organizations", self.organizations),
            ("People", self.people),
            ("Topics", self.topics),
        )


QUOTE_NOT_CHECKED = "not checked: the article could not be read"
"""What is said of a quote whose article could not be read (:attr:`Entry.article_unread`), in
a briefing and in the reader."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One brief file as loaded: the brief when it could be read, and every problem found."""

    path: str
    """The brief file's path relative to the corpus folder."""
    brief: Brief | None
    problems: tuple[Problem, ...] = ()

    @property
    def key(self) -> str:
        """A stable name for the entry: the brief's id, else the file name's stem."""
        return self.brief.id if self.brief else Path(self.path).stem

    @property
    def brief_id(self) -> str | None:
        """The brief's id; None when the file could not be loaded as a brief."""
        return self.brief.id if self.brief else None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    @property
    def article_unread(self) -> bool:
        """Whether the brief's article could not be read (missing, not a file, too large), so
        that its quotes were not looked for: not found there is not known of them."""
        return any(p.field == "source" and p.severity == "error" for p in self.problems)


Item = TypeVar("Item")


class ReadWhenAsked(Sequence[Item]):
    """A sequence whose items are read only as they are asked for (:meth:`_item`), so that one
    of a hundred thousand holds the few in use. Equal to any sequence of the same items."""

    NOUN = "items"

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def _item(self, position: int) -> Item:
        """The item at ``position`` (0 to one less than the length)."""

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | Sequence[Item]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._item(index)

    def __iter__(self) -> Iterator[Item]:
        return (self._item(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} {self.NOUN}>"


class Entries(ReadWhenAsked[Entry]):
    """A corpus's entries in the list's order, and what is asked of all of them at once.

    The index (:mod:`tui.core.store`) gives them, reading an entry only when it is asked for.
    """

    NOUN = "entries"

    def _item(self, position: int) -> Entry:
        return self.entry_at(position)

    @abstractmethod
    def entry_at(self, position: int) -> Entry:
        """The entry at ``position`` (0 to one less than the length)."""

    @abstractmethod
    def ids(self) -> list[str | None]:
        """The brief id of each entry in order; None for a file that did not load."""

    @abstractmethod
    def position_of(self, key: str) -> int | None:
        """Where the entry of ``key`` is: a brief's id, a brief file's path relative to the
        corpus, or a file's stem; None when there is none."""

    def keys_not_loaded(self) -> set[str]:
        """The keys of the entries whose brief did not load: files that could not be read as a
        brief, and those whose id another file keeps. Each is its file's stem.

        Entries held in memory look at each; a store asks its index, without reading the
        briefs that loaded, which may be 100,000."""
        return {entry.key for entry in self if entry.brief is None}

    def read_ahead(self, positions: Sequence[int]) -> None:
        """Say that the entries at ``positions`` are about to be asked for, one by one: a store
        may then read them at once. Entries held in memory have nothing to do."""

    def at(self, positions: Iterable[int]) -> Iterator[Entry]:
        """The entries at ``positions``, in the order given, read :data:`READ_TOGETHER` at a
        time (see :meth:`read_ahead`): entries far apart in the list, as a filter finds them,
        are read alone, not each with the page of entries around it."""
        remaining = iter(positions)
        while batch := list(itertools.islice(remaining, READ_TOGETHER)):
            self.read_ahead(batch)
            yield from (self[position] for position in batch)

    def same_as(self, other: Entries) -> bool:
        """True when ``other`` is known to hold the same entries without reading them (it was
        read from the same index, unchanged since); False when that is not known."""
        return other is self

    @abstractmethod
    def find(self, query: Query, marks: UserMarks | None = None) -> list[int]:
        """The positions of the entries matching ``query``, in order (see
        :mod:`tui.core.search`); every position for an empty query. ``marks`` are what the user
        keeps about briefs (bookmarks, read, notes, tags), which terms such as ``is:unread``
        look in; None for none."""

    @abstractmethod
    def facets(
        self,
        query: Query,
        field: FacetField,
        limit: int = 10,
        marks: UserMarks | None = None,
    ) -> list[tuple[str, int]]:
        """The ``limit`` values of ``field`` most briefs matching ``query`` have, each with how
        many have it: most first, then by name. Spellings that differ only in case, accents or
        marks count as one value, shown as the first brief in the list writes it, unless a
        brief of the corpus writes it fuller, with more accented letters ("Samuel García", not
        "Samuel Garcia"). The ``tag`` field counts the tags of ``marks``."""

    def renew(self) -> None:  # noqa: B027 - most entries hold nothing to let go of
        """Let go of an older state of the corpus's storage, when it shows the same now (the
        index's snapshot: :meth:`tui.core.store.view.StoredEntries.renew`)."""

    def on_damage(self, tell: Callable[[], None]) -> None:  # noqa: B027 - most cannot be damaged
        """Have ``tell`` called, from any thread, once the entries find their storage damaged
        (an index whose pages cannot be read). They then answer as best they can: entries read
        from their files, no briefs found, no facets."""

    def close(self) -> None:  # noqa: B027 - most entries hold nothing to let go of
        """Let go of what the entries hold (the index's snapshot), for entries no one will read
        again."""


class _NoEntries(Entries):
    def __len__(self) -> int:
        return 0

    def entry_at(self, position: int) -> Entry:
        raise IndexError(position)

    def ids(self) -> list[str | None]:
        return []

    def position_of(self, key: str) -> int | None:
        return None

    def find(self, query: Query, marks: UserMarks | None = None) -> list[int]:
        return []

    def facets(
        self,
        query: Query,
        field: FacetField,
        limit: int = 10,
        marks: UserMarks | None = None,
    ) -> list[tuple[str, int]]:
        return []


NO_ENTRIES: Entries = _NoEntries()


class LoadedEntries(ReadWhenAsked[Entry]):
    """The entries of ``entries`` whose brief loaded, in order, read as they are asked for: a
    command going through 100,000 briefs holds one page of them at a time."""

    NOUN = "entries"

    def __init__(self, entries: Entries, among: Iterable[int] | None = None) -> None:
        """``among``: the positions to keep those of, such as a filter's; by default all."""
        self._entries = entries
        ids = entries.ids()
        positions = range(len(ids)) if among is None else among
        self._positions = [i for i in positions if ids[i] is not None]

    def __len__(self) -> int:
        return len(self._positions)

    def __iter__(self) -> Iterator[Entry]:
        # A filter's briefs lie far apart in the list: read by pages, exporting a third of
        # the corpus decoded all of it.
        return self._entries.at(self._positions)

    def _item(self, position: int) -> Entry:
        return self._entries[self._positions[position]]


class LoadedBriefs(ReadWhenAsked[Brief]):
    """The briefs of ``entries`` that loaded, in order, read as they are asked for."""

    NOUN = "briefs"

    def __init__(self, entries: Entries) -> None:
        self._loaded = LoadedEntries(entries)

    def __len__(self) -> int:
        return len(self._loaded)

    def _item(self, position: int) -> Brief:
        brief = self._loaded[position].brief
        assert brief is not None, "an entry with an id has its brief"
        return brief


@dataclass(frozen=True)
class Corpus:
    """A folder of briefs and their articles, loaded and checked."""

    root: Path
    entries: Entries = field(default_factory=lambda: NO_ENTRIES)
    """Newest first, undated briefs after dated ones, files that could not be read last."""
    problems: tuple[Problem, ...] = ()
    """Problems with the corpus as a whole, such as a missing ``briefs/`` folder."""
    notice: str | None = field(default=None, compare=False)
    """Something the user should know about how the corpus was read, such as an index that
    could not be kept on disk; None when there is nothing to say."""

    @property
    def name(self) -> str:
        return self.root.name

    @cached_property
    def articles(self) -> ArticleTexts:
        """The texts of the corpus's articles, read as they are asked for. A corpus read again
        after its files changed has its own, so that no article is given as it was before."""
        from tui.core.articles import ArticleTexts  # which imports this module

        return ArticleTexts(self.root)

    @property
    def briefs(self) -> LoadedBriefs:
        """The briefs that loaded, in the list's order, each read only when it is asked for."""
        return LoadedBriefs(self.entries)

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        return self.problems + tuple(p for e in self.entries for p in e.problems)

    @property
    def loaded(self) -> LoadedEntries:
        """The entries whose brief loaded, in the list's order, each read only when asked."""
        return LoadedEntries(self.entries)

    def entries_with_ids(self, ids: Iterable[str]) -> list[Entry]:
        """The entries of the loaded briefs whose ids are among ``ids``, in the list's order;
        an id that no brief loaded under is passed over."""
        found = (self.entries.position_of(ident) for ident in set(ids))
        entries = self.entries.at(sorted(p for p in found if p is not None))
        return [entry for entry in entries if entry.brief is not None]

    def briefs_with_ids(self, ids: Iterable[str]) -> list[Brief]:
        """The loaded briefs whose ids are among ``ids``, in the list's order."""
        return [entry.brief for entry in self.entries_with_ids(ids) if entry.brief is not None]

    def entry(self, key: str) -> Entry | None:
        """The entry whose brief has id ``key``, else the one whose file stem is ``key``."""
        position = self.entries.position_of(key)
        return None if position is None else self.entries[position]
