"""Loading a corpus: every brief file read, checked against its article, and its problems named.

Nothing here raises for bad input: each problem becomes a :class:`Problem` naming the file, line
and field, and one bad file never keeps the others from loading.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tui.core.articles import MAX_ARTICLE_BYTES as MAX_ARTICLE_BYTES
from tui.core.articles import ArticleProblems, ArticleReader
from tui.core.articles import read_article as read_article  # also importable from here
from tui.core.corpus_path import BRIEF_SUFFIX
from tui.core.dates import AS_ISO, DateError, parse_date, weekday_slip
from tui.core.files import Refused, read_limited
from tui.core.languages import ISO_639_1, code_meant
from tui.core.model import (
    BRIEF_STATUSES,
    DRAFT_SUMMARY,
    FACT_KINDS,
    ID_NOT_THE_FILE_NAME,
    Brief,
    BriefStatus,
    Entry,
    Fault,
    KeyFact,
    Problem,
    Severity,
    stands_outside,
)
from tui.core.quotes import (
    NOT_FOUND,
    Anchor,
    CutWord,
    FoldedArticle,
    NegationDifference,
    NumberDifference,
    Span,
    fold_quote,
    loosen,
)
from tui.core.recent import RecentlyUsed
from tui.core.text import (
    clean_text,
    closest_name,
    cut,
    fold_search,
    hides_characters,
    line_range,
    one_line,
    quoted,
)
from tui.core.yamlread import Document, YamlProblem, read_document

MAX_BRIEF_BYTES = 1024 * 1024
"""A brief larger than this is refused unread."""
LONG_TEXT_WARNING = 1_000
"""Titles longer than this are flagged: lists show only their beginning."""
FUZZY_WORK_PER_BRIEF = 4 * 10**10
"""How much fuzzy searching (:meth:`tui.core.quotes.FoldedArticle.fuzzy_work`) one brief's quotes
may cost, about three seconds: 15 quotes of 500 characters in an article of 5 MB. A brief of a
thousand long quotes its article does not hold must not keep a corpus from loading; its quotes
past the budget are looked for exactly and loosely only."""
PASSAGE_IN_WARNING = 700
"""How many characters of an article's passage a warning about a loose or fuzzy anchor quotes (and
an error about a passage that differs from its quote in a number or a negation): a quote of a few
sentences whole, and the problem still one readable line."""

CUT_WORD_SHOWN = 40
"""How much of the word a quote cuts into a problem names: a "word" of an article may be a long
run of letters, and the problem must still give the advice and the article's wording."""
_AROUND_A_WORD = ".,;:!?¡¿\"'()[]«»“”‘’"
ID_RULE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_REQUIRED_TEXT = ("id", "source", "title", "language", "summary")
_OPTIONAL_TEXT = ("title_en", "date_note", "outlet", "author")
_TEXT_LISTS = ("places", "organizations", "people", "topics")
_ARTICLE_EDGES = ("article_starts", "article_ends")
"""Where the article stands on the web page it was saved with: its first words and its last."""
KNOWN_FIELDS = frozenset(
    (
        *_REQUIRED_TEXT,
        *_OPTIONAL_TEXT,
        *_TEXT_LISTS,
        *_ARTICLE_EDGES,
        "published",
        "key_facts",
        "status",
    )
)
FACT_FIELDS = frozenset(("fact", "quote", "kind", "reviewed", "needs_english"))
_REQUIRED_IN_FACT = ("fact", "quote")
_WHAT_TO_WRITE = {
    "source": "name the article's file in seeds/, such as source: article.txt",
    "title": "give the article's own headline, in the article's language",
    "language": "give the ISO 639-1 code of the article's language, such as en or es",
    "summary": "write two to five English sentences saying what the article says",
    "fact": "write one English sentence stating the fact",
    "quote": "copy the passage of the article that supports the fact, word for word",
}
"""What to write in a required field that is missing (``id`` is told with the file's name)."""


@dataclass
class Article:
    """An article's text, cleaned for display, and its problems, read once per corpus load."""

    text: str
    folded: FoldedArticle
    problems: ArticleProblems = field(default_factory=list)
    found: dict[str, Anchor] = field(default_factory=dict)
    """Quotes already anchored: YAML aliases can repeat one quote thousands of times."""

    def anchor(self, quote: str, *, fuzzy: bool) -> Anchor:
        """The quote's anchor; only exact or loose unless ``fuzzy``."""
        found = self.found.get(quote)
        if found is None or (not fuzzy and _by_fuzzy_step(found)):
            found = self.folded.anchor(quote, fuzzy=fuzzy)
            if fuzzy or found.status != "missing":
                self.found[quote] = found
        return found


def _by_fuzzy_step(anchor: Anchor) -> bool:
    """Whether ``anchor`` is the fuzzy step's: a fuzzy anchor, or a passage it found and refused
    for a number or a word cut."""
    refused = anchor.differs or anchor.cut
    return anchor.status == "fuzzy" or (refused is not None and refused.score is not None)


KEPT_ARTICLES = 8
"""How many of the articles read last a reader keeps, for the briefs that name the same one: a
corpus's articles, each with its folded copy, are more than it should hold at once."""


def _broken_link(path: Path) -> Fault:
    """What is wrong with the link ``path``, which leads to no file."""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:  # to itself, or through links that come back to it
            return Fault(
                f"is a link to {os.readlink(path)}, which leads back to it", "link to a file"
            )
    return Fault(f"is a link to {os.readlink(path)}, which is not there")


class _CorpusReader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.reader = ArticleReader(root)
        self._corpus_inside: str | None = None
        """The corpus folder as links resolve, with a separator after it."""
        self.articles: RecentlyUsed[str, tuple[Article | None, Fault | None]] = RecentlyUsed(
            KEPT_ARTICLES
        )

    def load_brief(self, path: Path) -> tuple[Entry, str]:
        """Read one brief file; return its entry and its article's text ("" when none)."""
        relative = path.relative_to(self.root).as_posix()
        try:
            if not path.is_file():
                fault = Fault("is not a regular file", "only files are read")
                if path.is_symlink() and not path.exists():
                    fault = _broken_link(path)
                elif "\\x" in path.name and not path.exists():
                    fault = Fault("has a file name that is not UTF-8 text", "rename it to be read")
                return Entry(relative, None, (Problem.of(relative, 0, "", fault),)), ""
            outside = self._outside(path) if path.is_symlink() else None
            if outside is not None:
                # Not read: its problems would quote a file that is not the user's to show.
                fault = Fault(f"is a link to {outside}, outside the corpus", "copy the brief here")
                return Entry(relative, None, (Problem.of(relative, 0, "", fault),)), ""
            if path.suffix != BRIEF_SUFFIX:
                fault = Fault(
                    f"briefs are read from files ending in {BRIEF_SUFFIX}",
                    f"rename it to {path.stem}{BRIEF_SUFFIX} to be read",
                )
                return Entry(relative, None, (Problem.of(relative, 0, "", fault),)), ""
            raw = read_limited(path, MAX_BRIEF_BYTES, "brief")
        except Refused as error:  # too large, or no longer a file since it was looked at
            return Entry(relative, None, (Problem.of(relative, 0, "", error.fault),)), ""
        except OSError as error:
            problem = Problem(relative, 0, "", f"cannot read the file: {error.strerror}")
            return Entry(relative, None, (problem,)), ""
        checker = _BriefChecker(relative, path.stem, self)
        brief = checker.check(raw)
        article = self.article(brief.source)[0] if brief else None
        # In the order of the file, so that a user can work down it; whole-file problems first.
        problems = tuple(sorted(checker.problems, key=lambda p: p.line))
        return Entry(relative, brief, problems), article.text if article else ""

    def _outside(self, link: Path) -> str | None:
        """Where the link ``link`` leads, when that is outside the corpus folder; else None."""
        if self._corpus_inside is None:
            self._corpus_inside = os.path.join(os.path.realpath(self.root), "")
        resolved = os.path.realpath(link)
        return None if os.path.join(resolved, "").startswith(self._corpus_inside) else resolved

    def article(self, source: str) -> tuple[Article | None, Fault | None]:
        """The article at ``seeds/source``, or None and the reason it cannot be used."""
        kept = self.articles.get(source)
        if kept is not None:
            return kept
        text, problems, refusal = self.reader.read(source)
        article = None if text is None else Article(text, FoldedArticle.of(text), problems)
        self.articles.put(source, (article, refusal))
        return article, refusal


class _BriefChecker:
    """Checks one brief file's fields, collecting problems instead of stopping at the first."""

    def __init__(self, relative: str, stem: str, reader: _CorpusReader) -> None:
        self.file = relative
        self.stem = stem
        self.reader = reader
        self.problems: list[Problem] = []
        self.document = Document(None, {})
        self.fuzzy_work = 0
        """The fuzzy searching this brief's quotes have cost so far (see FUZZY_WORK_PER_BRIEF)."""
        self.fuzzy_skipped = False
        """Whether the last quote anchored was not looked for fuzzily, the budget being spent."""
        self._part: tuple[Span, Article] | None = None
        """The article's own text (see :meth:`_article_part`), where it stands on the page."""
        self.written_elsewhere: dict[str, tuple[str, str, str]] = {}
        """The path of a required field that is missing, to the path of the field written where
        it was meant (misspelled, or out of its place), what is wrong with it, and what to do:
        one problem, on its line."""

    def add(
        self,
        path: str,
        message: str,
        severity: Severity = "error",
        *,
        advice: str = "",
        at: str | None = None,
    ) -> None:
        """Report ``message``, what is wrong with field ``path``, and ``advice`` on putting it
        right, on the line of field ``at`` if given. The advice is for whoever edits the file; a
        briefing gives a colleague the message alone (see :class:`Problem`)."""
        line = self.document.line(path if at is None else at)
        self.problems.append(Problem(self.file, line, path, message, severity, advice))

    def add_fault(self, path: str, fault: Fault, severity: Severity = "error") -> None:
        """Report ``fault`` about field ``path``."""
        self.add(path, fault.what, severity, advice=fault.advice)

    def check(self, raw: bytes) -> Brief | None:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            advice = "save it as UTF-8, as briefs are read"
            self.problems.append(
                Problem(self.file, 0, "", "is saved as UTF-16 text", advice=advice)
            )
            return None
        if b"\x00" in raw:
            self.problems.append(Problem(self.file, 0, "", "is a binary file, not YAML text"))
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            message = "is not valid UTF-8 text (saved in another encoding, such as Latin-1?)"
            self.problems.append(Problem(self.file, line, "", message, advice="save it as UTF-8"))
            return None
        try:
            self.document = read_document(text, FACT_FIELDS, every_repeat=True)
        except YamlProblem as problem:
            self.problems.append(Problem(self.file, problem.line, problem.path, problem.message))
            return None
        for repeat in self.document.repeated:  # told with the rest, not one edit at a time
            self.problems.append(
                Problem(self.file, repeat.line, repeat.path, repeat.what, advice=repeat.advice)
            )
        data = self.document.value
        if data is None:
            self.problems.append(Problem(self.file, 0, "", "is empty; a brief needs its fields"))
            return None
        if not isinstance(data, dict):
            self.add("", f"must be a mapping of fields, not {_describe(data)}")
            return None
        return self._check_fields(data)

    def _check_fields(self, data: dict[str, Any]) -> Brief | None:
        status = self._status(data)
        # Known before the fields are read, so that a slip in writing title_en is told as one
        # problem. A draft is unfinished by its nature: its English title may still be to come.
        written = data.get("language")
        code = clean_text(written).strip() if isinstance(written, str) else None
        english_title_required = (
            code in ISO_639_1 and code != "en" and "title_en" not in data and status != "draft"
        )
        also_required = ("title_en",) if english_title_required else ()
        self._unknown_fields(data, "", (*_REQUIRED_TEXT, "key_facts", *also_required))
        required = {name: self._text(data, name, required=True) for name in _REQUIRED_TEXT}
        optional = {name: self._text(data, name, required=False) for name in _OPTIONAL_TEXT}
        lists = {name: self._text_list(data, name) for name in _TEXT_LISTS}
        published = self._published(data)
        ident, source, title, language, summary = (required[n] for n in _REQUIRED_TEXT)
        if ident is not None and not ID_RULE.fullmatch(ident):
            self.add(
                "id",
                "is not a valid id",
                advice="use only lowercase letters, digits and single hyphens",
            )
        elif ident is not None and ident != self.stem:
            named = f"{ident}{BRIEF_SUFFIX}"
            if (self.reader.root / "briefs" / named).exists():
                # Renaming this file would put it in the other brief's place.
                advice = f"set it to {self.stem}; briefs/{named} is another brief"
            else:
                advice = f"set it to {self.stem}, or rename the file to {named}"
            self.add("id", ID_NOT_THE_FILE_NAME, advice=advice)
        if language is not None and language not in ISO_639_1:
            meant = code_meant(fold_search(language).strip())
            if language.lower() in ISO_639_1:
                advice = f"write it in small letters: {language.lower()}"
            elif meant is not None:
                advice = f"write {meant}, its code of two letters"
            else:
                advice = ""
            self.add(
                "language",
                f"{quoted(language)} is not an ISO 639-1 code such as en or es",
                advice=advice,
            )
        elif english_title_required:
            self._missing(
                "title_en",
                "give an English title",
                what=f"required when language is {language}",
                at="language",
            )
        if (
            summary is not None
            and status != "draft"
            and one_line(summary).startswith(DRAFT_SUMMARY)
        ):
            self.add(
                "summary",
                f"still starts {quoted(DRAFT_SUMMARY)}, as a draft's does, in a finished brief",
                advice="write the summary, two to five English sentences saying what the article"
                " says, or mark the brief status: draft again",
            )
        for name, text in (("title", title), ("title_en", optional["title_en"])):
            if text is not None and len(text) > LONG_TEXT_WARNING:
                self.add(name, f"is {len(text)} characters long; lists show the start", "warning")
        article = self._article(source) if source is not None else None
        starts, ends = (self._text(data, name, required=False) for name in _ARTICLE_EDGES)
        article_span = None
        if article is not None and source is not None:
            article_span = self._article_span(starts, ends, article, f"seeds/{source}")
        facts = self._key_facts(data, article, source, article_span)
        if None in required.values() or facts is None:
            return None
        if article_span is not None:
            self._furniture_quoted(facts, article_span)
        if language == "en" and any(fact.needs_english for fact in facts):
            facts = self._english_already(facts)
        if status == "final":
            self._unfinished_facts(facts)
        return Brief(
            id=ident or "",
            source=source or "",
            title=title or "",
            language=language or "",
            summary=summary or "",
            key_facts=facts,
            published=published,
            places=lists["places"],
            organizations=lists["organizations"],
            people=lists["people"],
            topics=lists["topics"],
            status=status,
            article_span=article_span,
            **optional,
        )

    def _unknown_fields(self, data: dict[str, Any], within: str, required: tuple[str, ...]) -> None:
        """Warn about the fields of ``data`` (the brief, or the fact at ``within``) that are not
        its own: a field of the other level is told where it belongs, and a slip in writing a
        field's name is told the name meant. A slip for a ``required`` field that is missing is
        left to that field's error, which tells both (see :attr:`written_elsewhere`)."""
        known, other = (FACT_FIELDS, KNOWN_FIELDS) if within else (KNOWN_FIELDS, FACT_FIELDS)
        for name in data:
            if name in known:
                continue
            path = f"{within}.{name}" if within else name
            if name in other:
                last_fact = self._last_fact_without(name, data) if not within else None
                if last_fact is not None:
                    # Dedented out of the last fact, whose quote (or fact) is then missing: one
                    # problem, where it was written.
                    self.written_elsewhere[f"key_facts[{last_fact}].{name}"] = (
                        path,
                        f"the {name}: on this line is at the brief's level",
                        f"indent it under fact {last_fact + 1}, in line with that fact's other"
                        " fields",
                    )
                    continue
                if within:
                    where = "to the brief, not to a key fact"
                    advice = (
                        "move it out of key_facts, to the start of the line, as id: and title:"
                        " are written"
                    )
                else:
                    where = "to a key fact, not to the brief"
                    # In line with a field the fact still has: its quote: may be the one moved.
                    beside = "fact:" if name == "quote" else "that fact's quote:"
                    advice = f"indent it under its fact, in line with {beside}"
                self.add(path, f"belongs {where}, so it is ignored here", "warning", advice=advice)
                continue
            if (
                not within
                and re.fullmatch(r"title_[a-z]{2,3}", name.lower())
                and name.lower() not in known
            ):
                # "title_es" is no slip for title_en: it is the title in another language.
                self.add(
                    path,
                    "unknown field, ignored",
                    "warning",
                    advice="the title in the article's own language is title:, and its English"
                    " title_en:",
                )
                continue
            meant = closest_name(name, known)
            if meant is None:
                self.add(path, "unknown field, ignored", "warning")
                continue
            meant_path = f"{within}.{meant}" if within else meant
            if meant in required and meant not in data and meant_path not in self.written_elsewhere:
                self.written_elsewhere[meant_path] = (
                    path,
                    f"{name} on this line looks like it, misspelled",
                    f"rename {name} to {meant}",
                )
                continue
            self.add(path, "unknown field, ignored", "warning", advice=f"did you mean {meant}?")

    @staticmethod
    def _last_fact_without(name: str, data: dict[str, Any]) -> int | None:
        """The index of the last key fact when the fact's field ``name``, required, is written
        at the brief's level after the key facts and that fact lacks it; else None."""
        if name not in _REQUIRED_IN_FACT:
            return None
        fields = list(data)  # in the order of the file
        facts = data.get("key_facts")
        if "key_facts" not in fields or fields.index(name) < fields.index("key_facts"):
            return None
        if not isinstance(facts, list) or not facts or not isinstance(facts[-1], dict):
            return None
        return None if name in facts[-1] else len(facts) - 1

    def _missing(
        self, path: str, advice: str, *, what: str = "is required", at: str | None = None
    ) -> None:
        """Report the required field at ``path`` missing (``what`` says so, on the line of field
        ``at`` if given), with ``advice`` on what to write; or, in one problem on its line, the
        field written where it was meant (see :attr:`written_elsewhere`)."""
        elsewhere = self.written_elsewhere.get(path)
        if elsewhere is None:
            self.add(path, what, advice=advice, at=at)
            return
        written, slip, what_to_do = elsewhere
        self.add(path, f"{what}, and {slip}", advice=what_to_do, at=written)

    def _status(self, data: dict[str, Any]) -> BriefStatus:
        value = data.get("status")
        if value is None:
            return "final"
        for status in BRIEF_STATUSES:
            if value == status:
                return status
        wrong = quoted(value) if isinstance(value, str) else _describe(value)
        self.add("status", f"must be draft or final (or left out for final), not {wrong}")
        return "final"

    def _flag(self, item: dict[str, Any], name: str, path: str, default: bool) -> bool:
        value = item.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self.add(f"{path}.{name}", f"must be true or false, not {_describe(value)}")
        return default

    def _english_already(self, facts: tuple[KeyFact, ...]) -> tuple[KeyFact, ...]:
        """``facts`` of a brief in English, none of them waiting for English: a fact marked so
        is named, and the mark left out, rather than shown and exported as still to translate."""
        for index, fact in enumerate(facts):
            if fact.needs_english:
                self.add(
                    f"key_facts[{index}].needs_english",
                    "the brief is in English",
                    "warning",
                    advice="remove the field",
                )
        return tuple(replace(fact, needs_english=False) for fact in facts)

    def _unfinished_facts(self, facts: tuple[KeyFact, ...]) -> None:
        """Warn about facts a finished brief should not hold any more: each by its line, or,
        when every fact of several still holds the field (a draft's status taken off before it
        was read through), once for them all."""
        unreviewed = [index for index, fact in enumerate(facts) if not fact.reviewed]
        untranslated = [index for index, fact in enumerate(facts) if fact.needs_english]
        if len(facts) > 1 and len(unreviewed) == len(facts):
            self.add(
                "key_facts",
                f"none of the {len(facts)} facts is confirmed (each has reviewed: false) in a"
                " finished brief",
                "warning",
                advice="mark the brief status: draft again and confirm them in the reader (c),"
                " or remove the field from each",
            )
            unreviewed = []
        if len(facts) > 1 and len(untranslated) == len(facts):
            self.add(
                "key_facts",
                f"all {len(facts)} facts are marked needs_english in a finished brief",
                "warning",
                advice="once each is in English, remove the field from it",
            )
            untranslated = []
        for index in unreviewed:
            self.add(
                f"key_facts[{index}].reviewed",
                "is false in a finished brief",
                "warning",
                advice="confirm the fact (remove the field) or mark the brief status: draft",
            )
        for index in untranslated:
            self.add(
                f"key_facts[{index}].needs_english",
                "the fact is marked as still in the article's language",
                "warning",
                advice="once it is in English, remove the field",
            )

    def _text(
        self, data: dict[str, Any], name: str, *, required: bool, within: str = ""
    ) -> str | None:
        path = f"{within}.{name}" if within else name
        if name not in data or data[name] is None:
            if required:
                advice = _WHAT_TO_WRITE.get(name) or (
                    f"write id: {self.stem}, the file's name without {BRIEF_SUFFIX}"
                )
                if name not in data:
                    self._missing(path, advice)
                else:
                    self.add(path, "is required but empty", advice=advice)
            return None
        value = data[name]
        if isinstance(value, bool) and name == "language":
            advice = "YAML reads no/yes as true/false, so quote it: 'no'"
            self.add(path, "must be text", advice=advice)
            return None
        if not isinstance(value, str):
            # YAML reads 60, 1.5 or 2025-01-14 left out of quotes as a number or a date.
            scalar = isinstance(value, (int, float, dt.date)) and not isinstance(value, bool)
            quote = scalar and name != "language"  # no number or date is a language's code
            advice = "put it in quotes, so that it is read as text" if quote else ""
            self.add(path, f"must be text, not {_describe(value)}", advice=advice)
            return None
        cleaned = clean_text(value).strip()
        if not cleaned:
            if required:
                advice = _WHAT_TO_WRITE.get(name) or f"write id: {self.stem}"
                self.add(path, "is empty", advice=advice)
            else:
                self.add(path, "is empty", advice="remove it or fill it in")
            return None
        self._tell_hidden_characters(path, value, cleaned)
        return cleaned

    def _tell_hidden_characters(self, path: str, value: str, cleaned: str) -> None:
        """Warn that ``value`` held characters that are not shown, if it did."""
        if hides_characters(value.strip(), cleaned):
            self.add(path, "holds control or invisible characters; they are not shown", "warning")

    def _text_list(self, data: dict[str, Any], name: str) -> tuple[str, ...]:
        value = data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.add(name, f"must be a list of text, not {_describe(value)}")
            return ()
        items = []
        for index, item in enumerate(value):
            path = f"{name}[{index}]"
            cleaned = clean_text(item).strip() if isinstance(item, str) else ""
            if not cleaned:
                self.add(path, f"must be non-empty text, not {_describe(item)}")
                continue
            self._tell_hidden_characters(path, item, cleaned)
            items.append(cleaned)
        return tuple(items)

    def _published(self, data: dict[str, Any]) -> dt.date | None:
        value = data.get("published")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            # A number alone is most often the year the article gives without its day.
            inferred = " and say in date_note how it was inferred" if type(value) is int else ""
            advice = f"{AS_ISO}{inferred}"
            self.add("published", f"must be a date, not {_describe(value)}", advice=advice)
            return None
        try:
            date = parse_date(value)
        except DateError as error:
            self.add_fault("published", error.fault)
            return None
        slip = weekday_slip(value, date)
        if slip is not None:
            self.add_fault("published", slip, "warning")
        return date

    def _article(self, source: str) -> Article | None:
        article, refusal = self.reader.article(source)
        if refusal is not None:
            self.add_fault("source", refusal)
        for severity, message in article.problems if article else ():
            self.add("source", f"seeds/{source} {message}", severity)
        return article

    def _article_span(
        self, starts: str | None, ends: str | None, article: Article, name: str
    ) -> Span | None:
        """Where the article's own text stands on its page, from the passages ``starts`` and
        ``ends``; None for the whole page. A passage not found at a line's edge is told, and the
        page's own edge taken in its place: text is never left out of the article unasked."""
        text = article.text
        begin, end = 0, len(text)
        if starts is not None:
            places = article.folded.line_edges(text, starts, starts=True)
            if not places:
                self._edge_not_found("article_starts", starts, article, name)
            else:
                begin = places[0].start
                self._edge_checked("article_starts", places, text, name)
        if ends is not None:
            places = article.folded.line_edges(text, ends, starts=False)
            after = [place for place in places if place.end > begin]  # where it may end
            if not places:
                self._edge_not_found("article_ends", ends, article, name)
            elif not after:
                self.add(
                    "article_ends",
                    f"ends a line of {name} only before article_starts, so the article is taken"
                    " to run to the end of the page",
                    "warning",
                    advice="copy the last words of the article's last paragraph",
                )
            else:
                end = after[-1].end
                self._edge_checked("article_ends", after, text, name)
        return None if (begin, end) == (0, len(text)) else Span(begin, end)

    def _edge_not_found(self, field: str, passage: str, article: Article, name: str) -> None:
        edge = "start" if field == "article_starts" else "end"
        advice = f"copy the article's {'first' if edge == 'start' else 'last'} words, as a line"
        advice += f" of the page {edge}s with them, word for word"
        if article.folded.find(passage) is not None:
            what = f"stands in {name}, but does not {edge} a line there"
        elif article.anchor(passage, fuzzy=False).status == "loose":
            what = f"stands in {name} only in other capitals or accents"
            advice = "copy the article's words as it writes them: case and accents count here"
        else:
            what = f"not found in {name}"
        self.add(
            field,
            f"{what}, so the article is taken to {edge} where the page does",
            "warning",
            advice=advice,
        )

    def _edge_checked(self, field: str, places: list[Span], text: str, name: str) -> None:
        """Warn of an edge found at several lines, of which one was taken, or at the page's own
        edge, where it leaves nothing out."""
        at_start = field == "article_starts"
        edge = "start" if at_start else "end"
        if len(places) > 1:
            lines = [line_range(text, span)[0] for span in places]
            taken = lines[0] if at_start else lines[-1]
            shown = ", ".join(map(str, lines[:3])) + (", …" if len(lines) > 3 else "")
            self.add(
                field,
                f"{edge}s {len(lines)} lines of {name} (lines {shown}); the article is taken to"
                f" {edge} at the {'first' if at_start else 'last'}, line {taken}",
                "warning",
                advice=f"if it {edge}s at another, quote more of its words: a passage may run"
                f" {'on into the next line' if at_start else 'back into the line before'}",
            )
        elif not (text[: places[0].start] if at_start else text[places[0].end :]).strip():
            self.add(
                field,
                f"{edge}s the {'first' if at_start else 'last'} line of {name}, so it leaves"
                " nothing out",
                "warning",
                advice=f"remove it: a page that {edge}s with the article needs no {field}",
            )

    def _furniture_quoted(self, facts: tuple[KeyFact, ...], article_span: Span) -> None:
        """Warn of each quote that stands on the page outside its article, among what the
        brief says is the page's furniture, which is never quoted."""
        for index, fact in enumerate(facts):
            span = fact.span
            if span is None:
                continue
            if span.start < article_span.start:
                where, field, move = "before the article's start", "article_starts", "an earlier"
            elif span.end > article_span.end:
                where, field, move = "after the article's end", "article_ends", "a later"
            else:
                continue
            self.add(
                f"key_facts[{index}].quote",
                f"stands {where} ({field}), among the page's furniture around it",
                "warning",
                advice=f"quote the article's own text, or, if this passage is the article's,"
                f" move {field} to {move} line",
            )

    def _key_facts(
        self,
        data: dict[str, Any],
        article: Article | None,
        source: str | None,
        article_span: Span | None = None,
    ) -> tuple[KeyFact, ...] | None:
        value = data.get("key_facts")
        if value is None:
            advice = "list at least one fact with its quote"
            if "key_facts" in data:
                self.add("key_facts", "is required but empty", advice=advice)
            else:
                self._missing("key_facts", advice)
            return None
        if not isinstance(value, list):
            self.add("key_facts", f"must be a list of facts, not {_describe(value)}")
            return None
        if not value:
            self.add("key_facts", "is empty", advice="list at least one fact with its quote")
            return None
        facts: list[KeyFact] = []
        valid = True
        for index, item in enumerate(value):
            path = f"key_facts[{index}]"
            if not isinstance(item, dict):
                self.add(path, f"must be a mapping with fact and quote, not {_describe(item)}")
                valid = False
                continue
            self._unknown_fields(item, path, _REQUIRED_IN_FACT)
            fact = self._text(item, "fact", required=True, within=path)
            quote = self._text(item, "quote", required=True, within=path)
            kind = item.get("kind")
            if kind is not None and kind not in FACT_KINDS:
                # Every kind is text too: a text value is named as it is, not as "text".
                wrong = quoted(kind) if isinstance(kind, str) else _describe(kind)
                self.add(f"{path}.kind", f"must be one of {', '.join(FACT_KINDS)}, not {wrong}")
                kind = None
            reviewed = self._flag(item, "reviewed", path, True)
            needs_english = self._flag(item, "needs_english", path, False)
            if fact is None or quote is None:
                valid = False
                continue
            anchor = self._anchor(quote, article) if article else NOT_FOUND
            if article is not None and stands_outside(anchor.span, article_span):
                # Found first in the page around the article (its headline in a breadcrumb):
                # the article's own passage, if it has the quote too, is the one it quotes.
                assert article_span is not None
                within = self._anchor(quote, self._article_part(article, article_span))
                if within.span is not None:
                    anchor = within._replace(
                        span=Span(*(at + article_span.start for at in within.span))
                    )
            if article is not None:
                self._report_anchor(f"{path}.quote", quote, anchor, article, f"seeds/{source}")
            facts.append(
                KeyFact(
                    fact,
                    quote,
                    kind,
                    anchor.span,
                    anchor.status,
                    anchor.score,
                    reviewed=reviewed,
                    needs_english=needs_english,
                )
            )
        return tuple(facts) if valid else None

    def _article_part(self, article: Article, span: Span) -> Article:
        """The article's own text, without the page around it, to anchor quotes in; made once
        for the brief's quotes."""
        if self._part is None or self._part[0] != span:
            part = article.text[span.start : span.end]
            self._part = (span, Article(part, FoldedArticle.of(part)))
        return self._part[1]

    def _anchor(self, quote: str, article: Article) -> Anchor:
        self.fuzzy_skipped = False
        anchor = article.anchor(quote, fuzzy=False)
        if anchor.status != "missing":
            return anchor
        # Charged even when another brief made the same search before, so that what a brief
        # loads to never depends on the briefs read before it.
        work = article.folded.fuzzy_work(quote)
        if self.fuzzy_work + work > FUZZY_WORK_PER_BRIEF:
            self.fuzzy_skipped = True
            return anchor
        self.fuzzy_work += work
        return article.anchor(quote, fuzzy=True)

    def _report_anchor(
        self, path: str, quote: str, anchor: Anchor, article: Article, name: str
    ) -> None:
        """Tell the analyst about a quote that is not word for word in its article, with the
        article's own wording and its line, so that the quote can be put right in one step."""
        if anchor.differs is not None:
            self._report_difference(path, anchor.differs, article, name)
            return
        if anchor.cut is not None:
            self._report_cut(path, anchor.cut, article, name)
            return
        if anchor.status == "missing":
            why = (
                " (nor looked for with slips: this brief's quotes are too long in all for so"
                " long an article)"
                if self.fuzzy_skipped
                else ""
            )
            advice = (
                "copy the sentence the fact stands on from the article into the quote, word for"
                " word, or remove the fact"
            )
            self.add(path, f"not found in {name}{why}", advice=advice)
            return
        if anchor.span is None or anchor.status == "exact":
            return
        if anchor.status == "loose":
            how = "matches only when case and accents are ignored"
            passage = article.text[anchor.span.start : anchor.span.end]
            if loosen(fold_quote(quote)) != loosen(fold_quote(passage)):
                # Its figures written another way: "57 mil" for the article's "57.000".
                how = "matches only when case, accents and how its numbers are written are ignored"
        else:
            how = f"matches only a passage close to it (fuzzy, score {anchor.score} of 100)"
        self.add(
            path,
            how,
            "warning",
            advice="copy the article's wording into the quote:"
            f" {_wording(article.text, anchor.span, name)}",
        )

    def _report_difference(
        self,
        path: str,
        differs: NumberDifference | NegationDifference,
        article: Article,
        name: str,
    ) -> None:
        """Tell the analyst about a quote that matches a passage but for a number, or but for a
        negating word: an error, for a fact whose figure is not the article's, or that says the
        opposite, must not be read as the article's."""
        if differs.score is None:
            how = "the same words when case and accents are ignored"
        else:
            how = f"fuzzy, score {differs.score} of 100"
        if isinstance(differs, NumberDifference):
            what = (
                f"a number from the passage closest to it ({how}): the article has"
                f" {_figures(differs.written)} where the quote has {_figures(differs.quoted)}"
            )
            holds = "with the article's figure"
        elif differs.quoted:
            what = (
                f"a negation from the passage closest to it ({how}): the quote says"
                f" {_figures(differs.quoted)} where the article does not"
            )
            holds = "as the article says it"
        else:
            what = (
                f"a negation from the passage closest to it ({how}): the article says"
                f" {_figures(differs.written)} where the quote does not"
            )
            holds = "as the article says it"
        self.add(
            path,
            f"differs in {what}, so the quote is not taken as found",
            advice=f"if the fact holds {holds}, copy the article's wording into the quote, else"
            f" correct or remove the fact: {_wording(article.text, differs.span, name)}",
        )

    def _report_cut(self, path: str, cut_word: CutWord, article: Article, name: str) -> None:
        """Tell the analyst about a quote that stands in its article only as part of longer
        words: an error, for a word cut ("legal" of "ilegal") may say the opposite."""
        words = one_line(article.text[cut_word.span.start : cut_word.span.end]).split()

        def inside(word: str) -> str:
            word = cut(word.strip(_AROUND_A_WORD) or word, CUT_WORD_SHOWN - 1)
            return f'inside the {"number" if word[0].isdigit() else "word"} "{word}"'

        ends = [
            f"starts {inside(words[0])}" if cut_word.at_start else "",
            f"ends {inside(words[-1])}" if cut_word.at_end else "",
        ]
        how = "" if cut_word.score is None else f" (fuzzy, score {cut_word.score} of 100)"
        wording = _wording(article.text, cut_word.span, name)
        self.add(
            path,
            f"{' and '.join(filter(None, ends))} of the article{how}, which may change what it"
            " says, so the quote is not taken as found",
            advice="quote whole words, and if the fact then no longer holds, correct or remove"
            f" it: {wording}",
        )


def _wording(text: str, span: Span, name: str) -> str:
    """Where the passage at ``span`` of the article ``text`` starts, and what it reads, on one
    line and cut to :data:`PASSAGE_IN_WARNING` characters."""
    passage = one_line(text[span.start : span.end])
    if len(passage) > PASSAGE_IN_WARNING:
        passage = passage[: PASSAGE_IN_WARNING - 1] + "…"
    return f'{name} line {line_range(text, span)[0]} reads "{passage}"'


def _figures(numbers: tuple[str, ...]) -> str:
    """Numbers (or negating words) as a problem names them: ``"331.200"``, ``"6,2" and "25"``,
    ``no number``."""
    if not numbers:
        return "no number"
    named = [f'"{number}"' for number in numbers]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + f" and {named[-1]}"


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    return f"text ({quoted(str(value))})"


def iter_brief_files(root: Path, paths: Iterable[Path]) -> Iterator[tuple[Entry, str]]:
    """Read brief files of the corpus at ``root``, one at a time, so that each article's text can
    be let go before the next is read.

    Each file gives its entry, before ids are compared across the corpus, and its article's
    cleaned text ("" when it has none). An article that several of the files name is read once
    while it is among the :data:`KEPT_ARTICLES` used last."""
    reader = _CorpusReader(root)
    for path in paths:
        yield reader.load_brief(path)
