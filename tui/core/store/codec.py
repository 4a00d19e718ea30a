"""Entries, briefs, key facts and problems as the index stores them in JSON, and back.

Everything read back is checked for type and shape, and made into the model's own objects: the
index lives in the user's cache folder, which is untrusted input. Whatever is not as this module
writes it raises :class:`Corrupt` (or a ``TypeError``, ``ValueError`` or ``KeyError`` from a
value of the wrong kind, all of which :data:`DECODE_ERRORS` names), and the entry is then read
from its brief file instead.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from tui.core.model import BRIEF_STATUSES, FACT_KINDS, Brief, Entry, KeyFact, Problem
from tui.core.quotes import ANCHOR_STATUSES, FUZZY_THRESHOLD, Span

_KINDS = {kind: kind for kind in FACT_KINDS}
_STATUSES = {status: status for status in BRIEF_STATUSES}
_ANCHORS = {status: status for status in ANCHOR_STATUSES}
BRIEF_LENGTH = 17
"""How many values :func:`encode_brief` writes for a brief."""
_SEVERITIES = frozenset(("error", "warning"))


class Corrupt(Exception):
    """A stored value is not what this version writes."""


DECODE_ERRORS = (Corrupt, TypeError, ValueError, KeyError, IndexError, RecursionError)
"""What decoding a damaged or foreign value may raise."""


def dumps(value: Any) -> str:
    """``value`` as compact JSON, the way every stored value is written."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


def encode_entry_json(entry: Entry) -> str:
    """The entry as the index stores it: one JSON text."""
    return dumps(encode_entry(entry))


def decode_entry_json(path: str, text: str) -> Entry:
    """The entry stored as ``text`` for the brief file ``path``."""
    value = json.loads(text)
    if type(value) is not list or len(value) != 2:
        raise Corrupt("entry")
    return decode_entry(path, *value)


def encode_entry(entry: Entry) -> list[Any]:
    brief = entry.brief
    return [
        encode_brief(brief, list(map(encode_fact, brief.key_facts))) if brief else None,
        [encode_problem(p) for p in entry.problems],
    ]


def encode_brief(brief: Brief, facts: Any) -> list[Any]:
    return [
        brief.id,
        brief.source,
        brief.title,
        brief.language,
        brief.summary,
        facts,
        brief.title_en,
        brief.published.isoformat() if brief.published else None,
        brief.date_note,
        brief.outlet,
        brief.author,
        brief.places,
        brief.organizations,
        brief.people,
        brief.topics,
        brief.status,
        list(brief.article_span) if brief.article_span else None,
    ]


def encode_fact(fact: KeyFact) -> list[Any]:
    span = fact.span
    return [
        fact.fact,
        fact.quote,
        fact.kind,
        *((span.start, span.end) if span else (None, None)),
        fact.anchor,
        fact.score,
        fact.reviewed,
        fact.needs_english,
    ]


def encode_problem(problem: Problem) -> list[Any]:
    return [
        problem.file,
        problem.line,
        problem.field,
        problem.message,
        problem.severity,
        problem.advice,
    ]


def decode_entry(path: str, brief: Any, problems: Any) -> Entry:
    if type(problems) is not list:
        raise Corrupt("problems")
    if brief is None:
        decoded = None
    elif type(brief) is not list or len(brief) != BRIEF_LENGTH:
        raise Corrupt("brief")
    else:
        decoded = decode_brief(brief, fact_list(brief[5]))
    return Entry(path, decoded, tuple(decode_problem(p) for p in problems))


def decode_brief(value: list[Any], facts: Sequence[KeyFact]) -> Brief:
    """The brief of ``value``, a list of its fields as written, with ``facts`` for its facts."""
    (ident, source, title, language, summary, _, title_en, published, date_note, outlet,
     author, places, organizations, people, topics, status, article_span) = value  # fmt: skip
    if not (
        type(ident) is str
        and type(source) is str
        and type(title) is str
        and type(summary) is str
        and all(v is None or type(v) is str for v in (title_en, date_note, outlet, author))
    ):
        raise Corrupt("brief")
    return Brief(
        ident,
        source,
        title,
        sys.intern(language),  # raises TypeError for anything but text
        summary,
        facts,
        title_en,
        as_date(published),
        date_note,
        outlet,
        author,
        as_names(places),
        as_names(organizations),
        as_names(people),
        as_names(topics),
        _STATUSES[status],  # a KeyError for any other value
        _article_span(article_span),
    )


def _article_span(value: Any) -> Span | None:
    if value is None:
        return None
    if type(value) is not list or len(value) != 2:
        raise Corrupt("article span")
    return _checked_span(*value)


def _checked_span(start: Any, end: Any) -> Span:
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        raise Corrupt("span")
    return Span(start, end)


def fact_list(value: Any) -> tuple[KeyFact, ...]:
    if type(value) is not list:
        raise Corrupt("facts")
    return tuple(map(decode_fact, value))


def decode_fact(value: Any) -> KeyFact:
    if type(value) is not list:
        raise Corrupt("fact")
    fact, quote, kind, start, end, anchor, score, reviewed, needs_english = value
    if type(fact) is not str or type(quote) is not str:
        raise Corrupt("fact")
    if type(reviewed) is not bool or type(needs_english) is not bool:
        raise Corrupt("fact flags")
    if kind is not None:
        kind = _KINDS[kind]  # the one copy of each kind; a KeyError for any other value
    anchor = _ANCHORS[anchor]  # likewise
    # A score exactly for a fuzzy anchor, and a span exactly for a quote that was found.
    if anchor == "fuzzy":
        if type(score) is not int or not FUZZY_THRESHOLD <= score <= 100:
            raise Corrupt("score")
    elif score is not None:
        raise Corrupt("score")
    if start is None and end is None and anchor == "missing":
        return KeyFact(fact, quote, kind, None, anchor, None, reviewed, needs_english)
    span = _checked_span(start, end)
    if anchor == "missing":
        raise Corrupt("anchor")
    return KeyFact(fact, quote, kind, span, anchor, score, reviewed, needs_english)


def decode_problem(value: Any) -> Problem:
    if type(value) is not list:
        raise Corrupt("problem")
    file, line, field, message, severity, advice = value
    if severity not in _SEVERITIES:
        raise Corrupt("severity")
    problem = Problem(
        as_text(file), as_count(line), as_text(field), as_text(message), severity, as_text(advice)
    )
    # Making a problem makes its text visible and short; text that was written that way comes out
    # as it went in. Anything else in the cache is not to be trusted.
    if (problem.file, problem.field, problem.message, problem.advice) != (
        file,
        field,
        message,
        advice,
    ):
        raise Corrupt("problem text")
    return problem


def as_names(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise Corrupt("names")
    # Places, organisations and topics recur across briefs: one copy of each is kept.
    return tuple(map(sys.intern, value))  # raises TypeError for anything but text


def as_text(value: Any) -> str:
    if type(value) is not str:
        raise Corrupt("text")
    return value


def as_count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise Corrupt("number")
    return value


def as_date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(as_text(value))
