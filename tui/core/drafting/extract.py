"""A saved web page's article: its body text without the page around it, and its metadata.

Extraction is trafilatura's, with its fallbacks (readability and jusText): on public extraction
benchmarks it scores highest among Python extractors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from tui.core.drafting.sentences import is_furniture
from tui.core.text import fold_white_space

_BYLINE_WORD = re.compile(r"^(?:by|por)\s+", re.IGNORECASE)


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
    # One paragraph, heading or list item a line, as the extractor gives them, set apart by a
    # blank line as in the articles saved as text: easier to read, and read the same way. The
    # page's furniture the extractor leaves (a cookie notice, "Updated 3 hours ago", an agency's
    # credits) is left out: it is not the article.
    lines = map(str.strip, (fields.get("text") or "").splitlines())
    body = "\n\n".join(line for line in lines if line and not is_furniture(line))
    if not body:
        raise NoArticle(
            "no article text was found in the page; save the article's own page, not an index"
        )
    title = _field(fields, "title")
    # The headline opens the article's text, as it does in the articles saved as text.
    first_line = body.split("\n", 1)[0].strip()
    if title and fold_white_space(first_line) != fold_white_space(title):
        text = f"{title}\n\n{body}\n"
    else:
        text = f"{body}\n"
    return Page(
        text=text,
        title=title,
        author=_author(_field(fields, "author")),
        date=_field(fields, "date"),
        outlet=_field(fields, "sitename"),
    )


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
