"""Publication dates as articles print them, in English or Spanish."""

from __future__ import annotations

import datetime as dt

from dateutil import parser as date_parser


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


class DateError(ValueError):
    """A date that cannot be read, with a reason a user can act on."""


def parse_date(text: str) -> dt.date:
    """Read a date written as ISO or as an article prints it; it must name year, month and day."""
    try:
        first = date_parser.parse(text, parserinfo=_PARSER_INFO, default=_DEFAULT_A)
        second = date_parser.parse(text, parserinfo=_PARSER_INFO, default=_DEFAULT_B)
    except (ValueError, OverflowError) as error:
        raise DateError(
            f"cannot read {_shorten(text)} as a date; write it as YYYY-MM-DD"
        ) from error
    if first.date() != second.date():
        raise DateError(
            f"{_shorten(text)} does not give year, month and day; write it as YYYY-MM-DD"
            " and say in date_note how it was inferred"
        )
    return first.date()


def _shorten(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")
