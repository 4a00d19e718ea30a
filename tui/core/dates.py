"""Publication dates as articles print them, in English or Spanish."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil import parser as date_parser

from tui.core.model import Fault, FaultError
from tui.core.text import quoted

AS_ISO = "write it as YYYY-MM-DD"
"""The advice for a date that cannot be read as one day."""


class _BilingualDates(date_parser.parserinfo):
    """dateutil's English names plus the Spanish ones news sites print."""

    JUMP = [*date_parser.parserinfo.JUMP, "de", "del", "el", "la", "y"]
    # dateutil types these as pairs, but it accepts any number of names per day and month.
    WEEKDAYS: list[tuple[str, ...]] = [  # type: ignore[assignment]
        ("Mon", "Monday", "lun", "lunes"),
        # Not "mar", which is March's too (in English and Spanish): see _without_weekday_mar.
        ("Tue", "Tuesday", "martes"),
        ("Wed", "Wednesday", "mié", "mie", "miércoles", "miercoles"),
        ("Thu", "Thursday", "jue", "jueves"),
        ("Fri", "Friday", "vie", "viernes"),
        ("Sat", "Saturday", "sáb", "sab", "sábado", "sabado"),
        ("Sun", "Sunday", "dom", "domingo"),
    ]
    MONTHS: list[tuple[str, ...]] = [  # type: ignore[assignment]
        ("Jan", "January", "ene", "enero"),
        ("Feb", "February", "febrero"),
        ("Mar", "March", "marzo"),
        ("Apr", "April", "abr", "abril"),
        ("May", "mayo"),
        ("Jun", "June", "junio"),
        ("Jul", "July", "julio"),
        ("Aug", "August", "ago", "agosto"),
        ("Sep", "Sept", "September", "septiembre", "setiembre"),
        ("Oct", "October", "octubre"),
        ("Nov", "November", "noviembre"),
        ("Dec", "December", "dic", "diciembre"),
    ]


_PARSER_INFO = _BilingualDates()
# Two defaults that differ in every part: a part the text leaves out comes out different.
_DEFAULT_A = dt.datetime(2000, 1, 1)
_DEFAULT_B = dt.datetime(2001, 2, 2)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A time of day after the date: "a las 10:00", ", 10:30 hrs", "at 9.15 a.m.".
_TIME_AFTER = re.compile(
    r"[\s,]*(?:(?:a\s+las?|at)\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"(?:\s*(?:h|hrs?|horas|[ap]\.?\s?m)\.?)?\s*\Z",
    re.IGNORECASE,
)
# A date written with its month's name: "30 de febrero de 2024", "February 30, 2024".
_WRITTEN = (
    re.compile(
        r"(?P<day>\d{1,2})\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?,?\s+(?:del?\s+)?(?P<year>\d{4})"
    ),
    re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2}),?\s+(?:del?\s+)?(?P<year>\d{4})"),
)
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_SHORT_YEAR = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2}")


class DateError(FaultError, ValueError):
    """A date that cannot be read: what is wrong with it, and the advice a user can act on, both
    in :attr:`fault`."""


def parse_date(text: str) -> dt.date:
    """Read a date written as ISO or as an article prints it; it must name year, month and day.

    A date of numbers alone whose day and month could be either way round (03/04/2024: 3 April
    as Mexican outlets print it, 4 March as American ones do) is refused: read the wrong way,
    it would be filed under another month without a word. So is one with a year of two
    digits (05/03/24), whose three numbers may be in any order of day, month and year.
    """
    iso = _ISO.fullmatch(text.strip())
    if iso is not None:
        return _calendar_day(text, *(int(part) for part in iso.groups()))
    if _SHORT_YEAR.fullmatch(text.strip()):
        raise DateError(
            f"{quoted(text)} gives its year in two digits: its day, month and year could be"
            " read in more than one order",
            AS_ISO,
        )
    numeric = _NUMERIC.fullmatch(text.strip())
    if numeric is not None:
        one, other, _ = (int(part) for part in numeric.groups())
        if one != other and 1 <= one <= 12 and 1 <= other <= 12:
            raise DateError(
                f"{quoted(text)} can be read as {one} {calendar.month_name[other]} or"
                f" {other} {calendar.month_name[one]}",
                AS_ISO,
            )
    try:
        first, second = _parsed(_without_weekday_mar(text))
    except (ValueError, OverflowError) as error:
        _written_day(text)  # no such day: says so
        raise DateError(f"cannot read {quoted(text)} as a date", AS_ISO) from error
    if first.date() != second.date():
        raise DateError(
            f"{quoted(text)} does not give year, month and day",
            f"{AS_ISO} and say in date_note how it was inferred",
        )
    return first.date()


_MAR = re.compile(r"\bmar\b\.?,?\s*", re.IGNORECASE)


def _without_weekday_mar(text: str) -> str:
    """``text`` without "mar" where it is Spanish for Tuesday, not March: before another month's
    name ("mar. 14 de enero de 2025"). Anywhere else it is March: "Mar 14, 2025"."""
    if _MAR.search(text) is None:
        return text
    rest = _MAR.sub("", text)
    named = any(_PARSER_INFO.month(word) for word in re.findall(r"[^\W\d_]+", rest))
    return rest if named else text


def _parsed(text: str) -> tuple[dt.datetime, dt.datetime]:
    """``text`` read with each of the two defaults; a time of day after the date, which the
    reader may not take, left out if need be: the date is what counts."""
    try:
        return _with_defaults(text)
    except (ValueError, OverflowError):
        time = _TIME_AFTER.search(text)
        if time is None or not text[: time.start()].strip():
            raise
        return _with_defaults(text[: time.start()])


def _with_defaults(text: str) -> tuple[dt.datetime, dt.datetime]:
    first = date_parser.parse(text, parserinfo=_PARSER_INFO, default=_DEFAULT_A)
    second = date_parser.parse(text, parserinfo=_PARSER_INFO, default=_DEFAULT_B)
    return first, second


def _written_day(text: str) -> None:
    """Raise :class:`DateError` saying what does not exist when ``text`` writes a day with its
    month's name that the calendar does not have ("30 de febrero de 2024")."""
    for form in _WRITTEN:
        for found in form.finditer(text):
            month = _PARSER_INFO.month(found["month"])
            if month is not None:
                _calendar_day(text, int(found["year"]), month, int(found["day"]))


def weekday_slip(text: str, date: dt.date) -> Fault | None:
    """What is wrong when ``text``, read as ``date``, names a weekday that day was not; else
    None. A name that is also a month's ("mar", Spanish for Tuesday, is March) is not taken for
    a weekday."""
    for word in re.findall(r"[^\W\d_]+", text):
        if _PARSER_INFO.month(word) is not None:
            continue
        named = _PARSER_INFO.weekday(word)
        if named is not None and named != date.weekday():
            return Fault(
                f"{quoted(text)} names a {calendar.day_name[named]}, but"
                f" {date.day} {calendar.month_name[date.month]} {date.year} was a"
                f" {calendar.day_name[date.weekday()]}",
                "check the date against the article",
            )
    return None


def _calendar_day(text: str, year: int, month: int, day: int) -> dt.date:
    """The day ``text`` gives as year, month and day; a :class:`DateError` saying what does not
    exist (a month 13, a 30 February) when it is no day of the calendar."""
    if year < 1:
        raise DateError(f"{quoted(text)} has no year {year}", AS_ISO)
    if not 1 <= month <= 12:
        raise DateError(f"{quoted(text)} has no month {month}", AS_ISO)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise DateError(f"{quoted(text)}: {name} {year} has no day {day}", "give a day it has")
    return dt.date(year, month, day)
