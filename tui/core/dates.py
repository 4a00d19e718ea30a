"""Publication dates as articles print them, in English or Spanish."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil import parser as date_parser

from tui.core.text import quoted


class _BilingualDates(date_parser.parserinfo):
    """dateutil's English names plus the Spanish ones news sites print."""

    JUMP = [*date_parser.parserinfo.JUMP, "de", "del", "el", "la", "y"]
    # dateutil types these as pairs, but it accepts any number of names per day and month.
    WEEKDAYS: list[tuple[str, ...]] = [  # type: ignore[assignment]
        ("Mon", "Monday", "lun", "lunes"),
        ("Tue", "Tuesday", "mar", "martes"),
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
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


class DateError(ValueError):
    """A date that cannot be read, with a reason a user can act on."""


def parse_date(text: str) -> dt.date:
    """Read a date written as ISO or as an article prints it; it must name year, month and day.

    A date of numbers alone whose day and month could be either way round (03/04/2024: 3 April
    as Mexican outlets print it, 4 March as American ones do) is refused: read the wrong way,
    it would be filed under another month without a word.
    """
    iso = _ISO.fullmatch(text.strip())
    if iso is not None:
        return _calendar_day(text, *(int(part) for part in iso.groups()))
    numeric = _NUMERIC.fullmatch(text.strip())
    if numeric is not None:
        one, other, _ = (int(part) for part in numeric.groups())
        if one != other and 1 <= one <= 12 and 1 <= other <= 12:
            raise DateError(
                f"{quoted(text)} can be read as {one} {calendar.month_name[other]} or"
                f" {other} {calendar.month_name[one]}; write it as YYYY-MM-DD"
            )
    try:
        first = date_parser.parse(text, parserinfo=_PARSER_INFO, default=_DEFAULT_A)
        second = date_parser.parse(text, parserinfo=_PARSER_INFO, default=_DEFAULT_B)
    except (ValueError, OverflowError) as error:
        raise DateError(f"cannot read {quoted(text)} as a date; write it as YYYY-MM-DD") from error
    if first.date() != second.date():
        raise DateError(
            f"{quoted(text)} does not give year, month and day; write it as YYYY-MM-DD"
            " and say in date_note how it was inferred"
        )
    return first.date()


def _calendar_day(text: str, year: int, month: int, day: int) -> dt.date:
    """The day ``text`` gives as year, month and day; a :class:`DateError` saying what does not
    exist (a month 13, a 30 February) when it is no day of the calendar."""
    if year < 1:
        raise DateError(f"{quoted(text)} has no year {year}; write it as YYYY-MM-DD")
    if not 1 <= month <= 12:
        raise DateError(f"{quoted(text)} has no month {month}; write it as YYYY-MM-DD")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise DateError(f"{quoted(text)}: {name} {year} has no day {day}; give a day it has")
    return dt.date(year, month, day)
