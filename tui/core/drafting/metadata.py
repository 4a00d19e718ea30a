"""An article's title, publication date and author, as its page or its text gives them."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Container
from dataclasses import dataclass

from tui.core.dates import DateError, parse_date
from tui.core.drafting.sentences import (
    OPENING_WORDS,
    STATE_SHORTENED,
    body_end,
    heads,
    is_breadcrumb,
    is_end_marker,
    is_furniture,
    paragraphs,
    time_stamps,
)

HEADER_LINES = 20
"""How many lines from the top a byline, a dateline or a time stamp is looked for in."""
FOOTER_LINES = 20
"""How many lines from the end of the article's own text a time stamp is looked for in."""
MAX_TITLE_WORDS = 40

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "enero", "ene"),
            ("february", "feb", "febrero"),
            ("march", "mar", "marzo"),
            ("april", "apr", "abril", "abr"),
            ("may", "mayo"),
            ("june", "jun", "junio"),
            ("july", "jul", "julio"),
            ("august", "aug", "agosto", "ago"),
            ("september", "sept", "sep", "septiembre", "setiembre"),
            ("october", "oct", "octubre"),
            ("november", "nov", "noviembre"),
            ("december", "dec", "diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon", "lunes", "lun"),
            ("tuesday", "tue", "tues", "martes"),
            ("wednesday", "wed", "miércoles", "miercoles", "mié"),
            ("thursday", "thu", "thur", "thurs", "jueves", "jue"),
            ("friday", "fri", "viernes", "vie"),
            ("saturday", "sat", "sábado", "sabado", "sáb"),
            ("sunday", "sun", "domingo", "dom"),
        )
    )
    for name in names
}
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True)) + r")\.?"
_MONTH_DAY_YEAR = rf"{_MONTH}\s+\d{{1,2}},?\s+(?:de\s+)?\d{{4}}"
"""enero 14, 2025; October 17, 2023"""
_DAY_MONTH_YEAR = rf"\d{{1,2}}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?\d{{4}}"
"""14 de enero de 2025; 14 January 2025"""
_FULL_DATES = tuple(
    re.compile(rf"(?:{_WEEKDAY},?\s+)?{form}", re.IGNORECASE)
    for form in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR)
)
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY}),?\s+(?P<date>{_MONTH_DAY_YEAR}|{_DAY_MONTH_YEAR})", re.IGNORECASE
)
"""A full date after its weekday, as news writes the day of what it reports: "este martes 12 de
marzo de 2024", "on Tuesday, March 12, 2024"."""
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_PARTIAL_DATES = (
    # Tuesday, October 17
    re.compile(rf"\b({_WEEKDAY}),?\s+({_MONTH})\s+(\d{{1,2}})\b(?!,?\s*\d)", re.IGNORECASE),
    # martes 17 de octubre
    re.compile(
        rf"\b({_WEEKDAY}),?\s+(\d{{1,2}})\s+de\s+({_MONTH})\b(?!,?\s*(?:de\s+)?\d)",
        re.IGNORECASE,
    ),
)
_CAPITALISED = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñüA-Z'.-]*"
_NAMED = rf"{_CAPITALISED}(?:\s+(?:(?:de|del|la|las|los|el)\s+)?{_CAPITALISED}){{0,3}}"
"""A place or a region as names are written: capitalised words ("Ciudad de México", "B.C.")."""
_NOT_PLACES = "|".join(sorted(map(re.escape, OPENING_WORDS), key=len, reverse=True))
"""Words a sentence opens with that name no place: "However, March 3, 2024 —"."""
_IN_CAPITALS = r"[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]+"
_WORDS_IN_CAPITALS = r"[A-ZÁÉÍÓÚÑ]{2,}(?:[ '-][A-ZÁÉÍÓÚÑ]{2,})*"
"""Whole words in capitals, with no abbreviation's stops: "CIUDAD JUÁREZ", not "U.S."."""
_REGION_ABBREVIATED = r"(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{1,4}\.|(?:[A-Z]\.){2,3})"
"""A state as Mexican datelines shorten it: "Coah.", "Tamps.", "N.L.", "B.C.S."."""
_DASH = r"(?:—|–|--|-)"
_PARTS = rf"(?:,\s*|\s*{_DASH}\s*)"
"""What parts a dateline: a comma or a dash ("MONTERREY, Mexico — March 20, 2024 —")."""
AGENCIES = (
    "Reuters", "AP", "AFP", "EFE", "DPA", "ANSA", "Xinhua", "Bloomberg", "Notimex",
    "Europa Press", "Prensa Latina", "Sputnik", "OEM", "OEM-Informex", "Quadratín",
    "El Universal",
)  # fmt: skip
"""News agencies (and an outlet whose stories others carry) a dateline names in brackets; an
article credits them so wherever it does, and names no organization it is about by it."""
_AGENCY_NAMES = "|".join(map(re.escape, AGENCIES))
_AGENCY_IN_BRACKETS = re.compile(rf"\((?P<agency>{_AGENCY_NAMES})\)")
_AGENCY = rf"\s*\((?:{_AGENCY_NAMES}|Agencias)\)"
"""A news agency in brackets after a dateline's place: "WASHINGTON (Reuters) - "; or
"(Agencias)", which names none."""
_IN_BRACKETS = r"\s*\((?:\d{1,2}/\d{1,2}/\d{2,4}|[A-ZÁÉÍÓÚÑ][\w&'.-]*(?:[ /][\w&'.-]+){0,3})\)"
"""What a dateline gives in brackets: an agency ("(EFE)", "(OEM-Informex)") or the date in
figures ("(05/02/2024)")."""
_YEAR_AFTER = r"\s+(?:de\s+|del\s+)?\d{4}"
DATELINE = re.compile(
    # A place, perhaps its region, the date (its year may be left out), perhaps an agency in
    # brackets, then a dash, or the end of the paragraph: the news agencies' form. The place is
    # in capitals ("TIJUANA, B.C.,", "PUEBLA, Pue.,") or written as names are ("Saltillo,
    # Coahuila,", "Washington,"), its region so too, and nothing else before the date but a
    # Spanish "a": "Tesla, Ford and GM announced plans on March 3, 2024." and "NAFTA, signed on
    # December 17, 1992 —" are prose.
    rf"(?!(?:{_NOT_PLACES})\b)"
    rf"(?:(?:{_IN_CAPITALS}|{_NAMED}){_PARTS}(?:{_NAMED}(?:{_PARTS}|\s+))?(?:a\s+)?"
    rf"(?i:(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+(?:de\s+)?{_MONTH},?)"
    rf"(?:{_YEAR_AFTER})?)(?:{_IN_BRACKETS})?\.?\s*(?:{_DASH}|$)"
    # Or a place in capitals without a date, its region after a comma, or a full stop, or an
    # agency in brackets after it, then a dash and a space: "MONTERREY, N.L.- ", "TIJUANA.- ",
    # "TIJUANA, B.C. (OEM-Informex).- ", "HERMOSILLO, Son. (05/02/2024).- ", "WASHINGTON
    # (Reuters) - ". Without any, capitals before a dash may be a name ("NAFTA — the pact —
    # …"); "U.S. - Mexico" is no dateline.
    rf"|{_WORDS_IN_CAPITALS}"
    rf"(?:,\s*{_NAMED}(?:{_IN_BRACKETS}\.?)?|(?:{_IN_BRACKETS})?\.|{_AGENCY})\s*{_DASH}(?=\s)"
    # Or a place written as names are, its region abbreviated, then a dash: "Saltillo, Coah.-
    # ", "Nuevo Laredo, Tamps. — ". A sentence's words before a dash have no such stop.
    rf"|{_NAMED},\s*{_REGION_ABBREVIATED}(?:{_IN_BRACKETS}\.?)?\s*{_DASH}(?=\s)"
    # Or so, its region a Mexican state shortened, without a dash: "Monterrey, NL. La empresa",
    # "SALTILLO, Coah. El gobierno". A sentence's words before a comma are no state's
    # abbreviation.
    rf"|{_NAMED},\s*{STATE_SHORTENED}(?=\s)"
    # Or so, perhaps with its region, then an agency or a date in brackets, and a full stop or
    # an agency before the dash: "Hermosillo, Sonora (EFE).- ", "Monterrey (Reuters) - ".
    rf"|{_NAMED}(?:,\s*{_NAMED})?(?:{_IN_BRACKETS}\.|{_AGENCY})\s*{_DASH}(?=\s))"
)
"""A dateline opening a paragraph, as in "MEXICALI, Baja California, 14 de enero de 2025.—",
"Ciudad de México, 7 de febrero (EFE).- ", "TIJUANA.- ", or standing alone as one ("Saltillo,
Coahuila, 5 de febrero de 2024.")."""
_CAPITALS_BEFORE_A_DASH = re.compile(
    rf"(?P<place>{_WORDS_IN_CAPITALS})(?:{_IN_BRACKETS})?\s*{_DASH}\s+"
)


def dateline_length(paragraph: str, places: Container[str] = ()) -> int:
    """How long the dateline opening ``paragraph`` is; 0 when it opens with none.

    A dateline is :data:`DATELINE`'s, or a known place in capitals before a dash ("MEXICALI —
    El gobierno"), where capitals alone could be a name ("NAFTA — the pact —"); ``places`` are
    the known places' names, case folded."""
    if found := DATELINE.match(paragraph):
        return found.end()
    found = _CAPITALS_BEFORE_A_DASH.match(paragraph)
    if found and found["place"].casefold() in places:
        return found.end()
    return 0


_PLACE_IN_CAPITALS = re.compile(
    rf"(?P<place>{_WORDS_IN_CAPITALS})"
    rf"(?:,\s*(?:(?P<abbreviated>{_REGION_ABBREVIATED})|(?P<region>{_NAMED}))"
    rf"|(?:{_IN_BRACKETS})?\.?\s*{_DASH})"
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_BYLINE = re.compile(
    r"(?:^|[\s|—–-])(?:By|BY|Por|POR)\s+"
    r"([A-ZÁÉÍÓÚÑ][\w’'.-]+(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w’'.-]+){1,3})"
)


@dataclass(frozen=True)
class Published:
    """A publication date and, when it was worked out rather than read, how."""

    date: dt.date
    note: str | None = None


def header_lines(text: str) -> list[str]:
    """The first lines of ``text`` that are headings, bylines or datelines."""
    spans = paragraphs(text)
    return [
        text[start:end]
        for index, (start, end) in enumerate(spans[:HEADER_LINES])
        if heads(text, spans, index)
    ]


def find_title(text: str) -> str | None:
    """The headline: the first heading line that is no breadcrumb, label, byline or date."""
    spans = paragraphs(text)
    for index, (start, end) in enumerate(spans[:HEADER_LINES]):
        line = text[start:end].strip()
        words = line.split()
        if not heads(text, spans, index) or len(words) < 3 or len(words) > MAX_TITLE_WORDS:
            continue
        if is_furniture(line) or is_end_marker(line) or is_breadcrumb(line):
            continue
        if _BYLINE.search(line) or _printed_date(line) is not None:
            continue
        return line
    return None


def find_author(text: str) -> str | None:
    """The author a byline ("By …", "Por …") near the top names, else None."""
    for line in header_lines(text):
        match = _BYLINE.search(line)
        if match:
            return match.group(1).rstrip(".")
    return None


def find_published(text: str, language: str, page_date: str | None = None) -> Published | None:
    """The publication date: from the page's metadata when given, else printed on a line of its
    own saying so near the top or the end ("Publicado el 4 de febrero de 2025."), else printed
    in a byline or a dateline near the top, else on a line of its own saying when the story was
    updated, else the full date with its weekday the first paragraph gives, else a weekday and
    day the article names without a year, with the year worked out; a date not printed as the
    article's own comes with a note saying how it was found."""
    if page_date:
        try:
            return Published(parse_date(page_date))
        except DateError:
            pass
    stamped = _stamped_dates(text, language)
    if stamped.published is not None:
        return Published(stamped.published)
    for line in header_lines(text):
        found = _printed_date(line, language)
        if found is not None:
            return Published(found)
    dateline = _dateline(text, language)
    if dateline is not None:
        return Published(dateline)
    if stamped.updated is not None:
        return Published(stamped.updated)
    return _weekday_date(text) or _inferred_date(text)


@dataclass(frozen=True)
class _Stamped:
    """The dates an article's time stamps print: the first of its publication, and the first of
    an update, each None where none is printed."""

    published: dt.date | None = None
    updated: dt.date | None = None


def _stamped_dates(text: str, language: str) -> _Stamped:
    """The dates the time stamps of ``text`` print, each on a line of its own among the first
    lines or the last lines of the article's own text: "Publicado el 4 de febrero de 2025.",
    "Updated March 18, 2025". A date in a sentence of prose is any day the story tells of, and
    one after the article's end ("Notas relacionadas") is another story's."""
    spans = paragraphs(text)
    own = bisect.bisect_left(spans, body_end(text), key=lambda span: span[0])
    near = sorted({*range(min(HEADER_LINES, own)), *range(max(0, own - FOOTER_LINES), own)})
    published = updated = None
    for stamp in (s for index in near for s in time_stamps(text[slice(*spans[index])])):
        date = _printed_date(stamp.group(), language)
        if date is None:
            continue
        if stamp["updated"]:
            updated = updated or date
        else:
            published = published or date
    return _Stamped(published, updated)


def dates_the_article(line: str) -> bool:
    """Whether ``line`` is a time stamp that prints a date, of the article's publication or of
    its update ("Publicado el 4 de febrero de 2025.", "Updated March 18, 2025 2:22 PM UTC"), as
    a draft is dated by; not one that says how long ago ("Updated 3 hours ago") or only the
    hour ("Published 10:30 AM")."""
    return any(_printed_date(stamp.group()) is not None for stamp in time_stamps(line))


def dateline_place(line: str) -> re.Match[str] | None:
    """The place of a dateline opening ``line`` when it is written in capitals: its ``place``
    group, then, after a comma, its region shortened (``abbreviated``: "SILAO, Gto.- ") or
    written out (``region``: "RAMOS ARIZPE, Coahuila — May 7, 2024 —"), or neither before a
    dash ("SILAO.- "). None when the line opens with no dateline, or with one whose place is
    written as names are ("Saltillo, Coah.- ")."""
    if not DATELINE.match(line):
        return None
    return _PLACE_IN_CAPITALS.match(line)


def _first_paragraph(text: str) -> str | None:
    """The article's first paragraph of prose, if one is near the top."""
    span = _first_paragraph_span(text)
    return text[slice(*span)] if span else None


def _first_paragraph_span(text: str) -> tuple[int, int] | None:
    """Where the article's first paragraph of prose is, if one is near the top: no heading, nor
    the page's furniture, such as a cookie notice of whole sentences above the dateline."""
    spans = paragraphs(text)
    for index, (start, end) in enumerate(spans[:HEADER_LINES]):
        if not heads(text, spans, index) and not is_furniture(text[start:end]):
            return start, end
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline opening the article's first paragraph of prose is, if one does
    ("MONTERREY, N.L., 12 de marzo de 2024.—")."""
    span = _first_paragraph_span(text)
    opening = DATELINE.match(text[slice(*span)]) if span else None
    return (span[0], span[0] + opening.end()) if span and opening else None


def find_agency(text: str) -> str | None:
    """The news agency the dateline opening the article names in brackets ("MONTERREY, Mexico
    (Reuters) - ", "Hermosillo, Sonora (EFE).- "): the outlet the article names, when its page
    names none."""
    span = dateline_span(text)
    found = _AGENCY_IN_BRACKETS.search(text, *span) if span else None
    return found["agency"] if found else None


def _dateline(text: str, language: str) -> dt.date | None:
    """The date of a dateline opening the article's first paragraph of prose, as in
    "MEXICALI, Baja California, 14 de enero de 2025.— Las exportaciones …" or "HERMOSILLO,
    Son. (05/02/2024).- La empresa …"; none when it gives no year."""
    span = dateline_span(text)
    return _printed_date(text[slice(*span)], language) if span else None


def _weekday_date(text: str) -> Published | None:
    """The first full date the article's first paragraph of prose gives with its weekday, the
    weekday right for it ("este martes 12 de marzo de 2024"): the day of what the article
    reports, with a note saying so. A date without its weekday there may be any day the story
    recalls ("The plant, opened on March 4, 2024")."""
    line = _first_paragraph(text)
    for match in _WEEKDAY_DATE.finditer(line or ""):
        try:
            date = parse_date(match["date"])
        except DateError:
            continue
        if date.weekday() != _WEEKDAYS[match["weekday"].lower().rstrip(".")]:
            continue
        note = (
            f"The article prints no date of its own; {_as_quoted(match.group())} is the day its"
            " first paragraph gives for what it reports. The article may have appeared then or"
            " later."
        )
        return Published(date, note)
    return None


def _printed_date(line: str, language: str = "en") -> dt.date | None:
    for pattern in _FULL_DATES:
        match = pattern.search(line)
        if match:
            try:
                return parse_date(match.group())
            except DateError:
                continue
    match = _ISO_DATE.search(line)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]))
    match = _NUMERIC_DATE.search(line)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        # US pages print the month first, Spanish ones the day; a part over 12 settles it.
        if language == "en":
            return _date(year, first, second) or _date(year, second, first)
        return _date(year, second, first) or _date(year, first, second)
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _inferred_date(text: str) -> Published | None:
    years = sorted({int(year) for year in _YEAR.findall(text)})
    if not years:
        return None
    for pattern in _PARTIAL_DATES:
        match = pattern.search(text)
        if not match:
            continue
        weekday_name, *rest = match.groups()
        if rest[0].isdigit():
            day_text, month_name = rest
        else:
            month_name, day_text = rest
        weekday = _WEEKDAYS[weekday_name.lower().rstrip(".")]
        month = _MONTHS[month_name.lower().rstrip(".")]
        day = int(day_text)
        candidates = [
            year
            for year in range(years[0] - 1, years[-1] + 2)
            if day <= calendar.monthrange(year, month)[1]
            and dt.date(year, month, day).weekday() == weekday
        ]
        if not candidates:
            continue
        year = min(candidates, key=lambda y: (min(abs(y - seen) for seen in years), -y))
        mentioned = ", ".join(map(str, years))
        note = (
            f"The article prints no year for {_as_quoted(match.group())}; {year} is the year near"
            f" the years it names ({mentioned}) in which {calendar.month_name[month]} {day} fell on"
            f" a {calendar.day_name[weekday]}. It is the date the article gives for what it"
            " reports; the article may have appeared then or later."
        )
        return Published(dt.date(year, month, day), note)
    return None


def _as_quoted(written: str) -> str:
    """``written``, as the article prints it, in quotes for a note: on one line, its white space
    (a non-breaking space) as plain spaces, rather than Python's escapes."""
    return "\u201c" + " ".join(written.split()) + "\u201d"
