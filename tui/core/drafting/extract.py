"""A saved web page's article: its body text without the page around it, and its metadata.

Extraction is trafilatura's, with its fallbacks (readability and jusText): on public extraction
benchmarks it scores highest among Python extractors.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from tui.core.drafting.metadata import dates_the_article
from tui.core.drafting.sentences import is_end_marker, is_furniture
from tui.core.text import fold_white_space

_BYLINE_WORD = re.compile(r"^(?:by|por)\s+", re.IGNORECASE)
_NO_PAGE = (
    r"(?:page\s+)?not\s+found|página\s+no\s+encontrada|no\s+encontrad[ao]|access\s+denied"
    r"|acceso\s+denegado|internal\s+server\s+error|error\s+interno|service\s+unavailable"
    r"|servicio\s+no\s+disponible"
)
_ERROR_PAGE = re.compile(
    r"^(?:(?:error|http)\s*:?\s*)?(?P<code>[45]\d\d)"
    rf"(?:\s*[-–—:|.]?\s*(?:{_NO_PAGE}|forbidden|gone|bad\s+gateway|error)\b.*)?$"
    rf"|^(?:error\s*:?\s*)?(?:{_NO_PAGE})\b.*$",
    re.IGNORECASE,
)
"""The headline of the page a site gives when it has no article to show: "404", "Error 404",
"404 Not Found", "Página no encontrada"; not a headline that opens with a figure ("500 empleos
más en Saltillo")."""
_TITLE_ELEMENT = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


class NoArticle(ValueError):
    """A page in which no article text was found; the message says what to do."""


@dataclass(frozen=True)
class Page:
    """What a page gives: the article as plain text, headline first, and its metadata."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    outlet: str | None


def extract_page(html: str | bytes) -> Page:
    """The article of the saved web page ``html``; raises :class:`NoArticle` when it holds none.

    Bytes are decoded as the page declares or as its bytes suggest."""
    import trafilatura  # imported on first use: it takes a while, and plain texts need none of it

    result: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # The page's own metadata only: a wider search takes a year in a copyright line for
        # the date, where the article's dateline says better.
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": dt.date.today().isoformat(),
        },
    )
    if result is None:
        raise NoArticle(
            "no article text was found in the page; save the article's own page, not an index"
        )
    fields = result if isinstance(result, dict) else result.as_dict()
    # The page's furniture the extractor leaves (a cookie notice, "Updated 3 hours ago", an
    # agency's credits) is left out: it is not the article. A line printing the date it was
    # published or updated stays, though a time stamp: it dates the draft, as it does an
    # article saved as text, and the analyst checks the date against it. A comment prompt stays
    # too: it ends the article, and what follows it (the readers' comments) is outside it.
    lines = [
        line
        for line in map(str.strip, (fields.get("text") or "").splitlines())
        if line and (not is_furniture(line) or dates_the_article(line) or is_end_marker(line))
    ]
    stamps_above = list(itertools.takewhile(dates_the_article, lines))  # above the headline
    below = lines[len(stamps_above) :]
    if not below:
        raise NoArticle(
            "no article text was found in the page; save the article's own page, not an index"
        )
    first_line = below[0]
    title = _field(fields, "title")
    # The page's own title too: the extractor prefers its heading, which an error page may
    # give a word of its own ("Oops!").
    for headline in filter(None, (title, first_line, _page_title(html))):
        if error := _ERROR_PAGE.match(headline):
            shown = error["code"] or headline
            raise NoArticle(
                f'the page is the site\'s error page ("{shown}"), with no article in it; open the'
                " article's address again and save the page once it shows the article"
            )
    # The headline opens the article's text, as it does in the articles saved as text; a stamp
    # the page prints above it goes right below it.
    if title and fold_white_space(first_line) != fold_white_space(title):
        opening, after = title, below
    else:
        opening, after = first_line, below[1:]
    # One paragraph, heading or list item a line, as the extractor gives them, set apart by a
    # blank line as in the articles saved as text: easier to read, and read the same way.
    text = "\n\n".join([opening, *stamps_above, *after]) + "\n"
    return Page(
        text=text,
        title=title,
        author=_author(_field(fields, "author")),
        date=_field(fields, "date"),
        outlet=_outlet(_field(fields, "sitename"), _page_title(html), (title, first_line)),
    )


_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ")
"""What a page's title puts between its headline and its outlet: "Headline | El Informador"."""
MAX_OUTLET_LENGTH = 40


def _outlet(
    site_name: str | None, page_title: str | None, headlines: tuple[str | None, ...]
) -> str | None:
    """The outlet of a page: the site's name the extractor found, unless that is the headline
    (one of ``headlines``, the page's title as the extractor reads it and the article's first
    line), else what the page's title names after its headline, if it does."""
    # Given "Long headline | Outlet", the extractor may take the longer part for the site's
    # name: the draft then named the headline as its outlet.
    if site_name and _folded(site_name) not in map(_folded, filter(None, headlines)):
        return site_name
    return _outlet_after(page_title, headlines)


def _folded(text: str) -> str:
    return fold_white_space(text).casefold()


def _outlet_after(page_title: str | None, headlines: tuple[str | None, ...]) -> str | None:
    """The outlet a page's title names after its headline (one of ``headlines``), if it does."""
    if page_title is None:
        return None
    wanted = {_folded(headline) for headline in headlines if headline}
    for separator in _TITLE_SEPARATORS:
        headline, found, outlet = page_title.rpartition(separator)
        outlet = outlet.strip()
        if found and 0 < len(outlet) <= MAX_OUTLET_LENGTH and _folded(headline) in wanted:
            return outlet
    return None


def _page_title(html: str | bytes) -> str | None:
    """The text of the ``<title>`` of the page ``html``, if it has one."""
    head = html[:65536] if isinstance(html, str) else html[:65536].decode("utf-8", "replace")
    found = _TITLE_ELEMENT.search(head)
    if found is None:
        return None
    return fold_white_space(unescape(found.group(1))).strip() or None


def _author(byline: str | None) -> str | None:
    """The author a page names, without the word a byline opens with: the extractor leaves the
    Spanish one ("Por Ana Martínez"), as it leaves a byline in capitals ("BY ANA")."""
    if byline is None:
        return None
    return _BYLINE_WORD.sub("", byline) or None


def _field(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if not isinstance(value, str):
        return None
    value = fold_white_space(value).strip()
    return value or None
