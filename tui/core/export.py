"""Markdown briefings: the same selection always gives the same bytes.

A brief the user tagged or wrote a note on has them at its end, when the asker gives them. A
brief whose file has errors says so, with them, before its summary: a colleague has no other way
to know that some of it may be wrong. Each error says what is wrong, without the advice on
editing the file that validation gives its author (:attr:`tui.core.model.Problem.advice`).

Text from briefs and articles is escaped so that nothing in it can change the document's
structure: it cannot open a heading, a list, a block quote, code, a link or HTML. A note is
escaped too, but for the lines its writer made list items, which stay a list (see
:func:`_note_lines`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from tui.core.annotations import Annotation
from tui.core.articles import ArticleTexts
from tui.core.atomic import write_atomically
from tui.core.model import QUOTE_NOT_CHECKED, Brief, Corpus, Entry, KeyFact, Problem
from tui.core.text import clean_text, line_range, names_apart, one_line, plural

# Backslash-escapes are defined for every ASCII punctuation character; these are the ones that
# can start or end markup anywhere in a line. An underscore between two letters or digits
# cannot ("seeds/001_c8c9.txt", "nuevo_león"), nor can "!" without the "[" of an image, which
# is escaped, nor "#" but at a line's start or ending it, where it would close a heading: the
# briefing reads as plain text where nothing needs a backslash. A backslash is one only before
# punctuation, which it would escape, or at the end, where a line break may follow it:
# "C:\datos" is read as written. A dollar sign opens mathematics where renderers have it: the
# text escaped is often one piece of a line ("US$5 mil millones (US$5 billion)"), so each is.
_INLINE_SPECIAL = re.compile(
    r"[`*\[\]<>|~&$]|\\(?=[!-/:-@\[-`{-~]|$)|(?<![^\W_])_|_(?![^\W_])|(?<!\S)#(?=#*\s*$)"
)
# Every character the pattern above escapes, alone: most text holds none of them, and finding
# that out is many times quicker than trying the pattern's alternatives at each character.
_MAYBE_INLINE_SPECIAL = re.compile(r"[`*\[\]<>|~&$\\_#]")
# These only mean something at the start of a line: lists, block quotes, rules, setext and
# ATX headings (a "#" needs a space or the end after it: "#pendiente" is text).
_LINE_START_SPECIAL = re.compile(r"[-+=>:]|\d+[.)]|#{1,6}(?=\s|$)")


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


def escape(text: str, *, line_start: bool = True) -> str:
    """``text`` on one line, with every character that could form Markdown made literal, and
    none that a terminal or an editor would take as a command or hide (see
    :func:`tui.core.text.clean_text`): a note may hold anything pasted into it.

    ``line_start``: whether the text starts its line, where a list, a quote or a heading may
    start. Written after a heading's marks or a label ("**Tags:** -urgente"), it is read as
    text whatever it starts with, and a backslash there would only show in the file."""
    flat = one_line(clean_text(text))
    if _MAYBE_INLINE_SPECIAL.search(flat):
        flat = _INLINE_SPECIAL.sub(_backslashed, flat)
    if not line_start:
        return flat
    start = _LINE_START_SPECIAL.match(flat)
    if start is None:
        return flat
    last = start.end() - 1  # the character that makes it markup
    if flat[start.start()] == "#":
        last = start.start()  # "\## Title": its first mark is enough
    return flat[:last] + "\\" + flat[last:]


def _code(text: str) -> str:
    """``text`` on one line as inline code: between backticks enough more than any run of them
    it holds, and spaced from them where it starts or ends with one."""
    flat = one_line(clean_text(text))
    fence = "`" * (max((len(run) for run in re.findall("`+", flat)), default=0) + 1)
    padding = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{padding}{flat}{padding}{fence}"


def default_export_name(now: dt.datetime) -> str:
    """``briefing-YYYYMMDD-HHMMSS.md`` for the moment ``now``."""
    return now.strftime("briefing-%Y%m%d-%H%M%S.md")


def meta_line(brief: Brief) -> str:
    """Outlet, author, date, language and source file, the parts the brief has, joined."""
    return " · ".join((*brief.meta_parts, brief.source_path))


Annotated = Callable[[str], Annotation]
"""What the user keeps about a brief, given its id: its tags and note."""


Chosen = Literal["all", "marked", "bookmarked", "named", "current", "found"]
"""How the briefs of a briefing were chosen: every brief that loaded, those marked in the
reader, the bookmarked ones, those named by id, the one under the reader's cursor, those a
filter found."""


def counted(chosen: Chosen, count: int, found_by: str = "") -> str:
    """The briefs of a briefing as its first line counts them: ``2 marked briefs``, ``5 briefs,
    all that loaded``; ``found_by`` is the filter of those ``found``."""
    if chosen == "found":
        # The filter itself, as code, which reads the same raw and rendered: colleagues can ask
        # the same of their own copy of the corpus.
        return f"{plural(count, 'brief')} found by the filter {_code(found_by)}"
    if chosen == "all":
        return f"{plural(count, 'brief')}, all that loaded"
    if chosen == "named":
        return f"{plural(count, 'brief')} named by id"
    if chosen == "current":
        return plural(count, "brief")
    return plural(count, f"{chosen} brief")


def render_markdown(
    corpus: Corpus,
    entries: Sequence[Entry],
    chosen: Chosen,
    annotated: Annotated | None = None,
    exported_on: dt.date | None = None,
    with_errors: list[str] | None = None,
    title: str | None = None,
    found_by: str = "",
) -> str:
    """The Markdown briefing of the briefs of ``entries`` (each one that loaded); ``chosen``
    says how they were chosen; ``annotated`` gives each brief's tags and note, to add;
    ``exported_on``, the day it says it was made; ``with_errors`` gets the ids of the briefs
    whose files have errors; ``title`` is its heading, by default "Briefing" and the day;
    ``found_by``, the filter that found the briefs ``found``."""
    return "".join(
        markdown_parts(
            corpus, entries, chosen, annotated, exported_on, with_errors, title, found_by
        )
    )


def markdown_parts(
    corpus: Corpus,
    entries: Sequence[Entry],
    chosen: Chosen,
    annotated: Annotated | None = None,
    exported_on: dt.date | None = None,
    with_errors: list[str] | None = None,
    title: str | None = None,
    found_by: str = "",
) -> Iterator[str]:
    """:func:`render_markdown`'s text in parts, one per brief, made as they are asked for: a
    briefing of ten thousand briefs is written without ever being held whole. The id of each
    brief written whose file has errors is added to ``with_errors``, for the asker to tell."""
    # The folder's name in quotes: a corpus is often in a folder named "corpus".
    when = f" on {exported_on.isoformat()}" if exported_on else ""
    source = f"the corpus folder \u201c{escape(corpus.name)}\u201d"
    if title is None:
        # Not the corpus folder's name, which is often "corpus" or a checkout's: colleagues
        # tell briefings apart by their day.
        title = f"Briefing, {exported_on.isoformat()}" if exported_on else "Briefing"
    yield "\n".join(
        [
            f"# {escape(title, line_start=False)}",
            "",
            f"{counted(chosen, len(entries), found_by)}, exported{when} from {source}.",
        ]
    )
    for entry in entries:
        brief = entry.brief
        assert brief is not None, "only briefs that loaded are exported"
        errors = entry.errors
        if errors and with_errors is not None:
            with_errors.append(brief.id)
        lines = _brief_section(corpus.articles, brief, errors, unread=entry.article_unread)
        if annotated is not None:
            lines += _annotation_lines(annotated(brief.id))
        yield "\n" + "\n".join(lines)
    yield "\n"


def _brief_section(
    articles: ArticleTexts, brief: Brief, errors: Sequence[Problem] = (), *, unread: bool = False
) -> list[str]:
    heading = escape(brief.title, line_start=False)
    if brief.title_en and brief.title_en != brief.title:
        heading += f" ({escape(brief.title_en, line_start=False)})"
    lines = ["", f"## {heading}", "", f"*{escape(meta_line(brief))}*"]
    if brief.is_draft:
        # A colleague reading the briefing has no other way to know it is not a reading to rely
        # on yet.
        lines += ["", "**Draft:** drafted from the article and not yet finished by an analyst."]
    if errors:
        lines += [
            "",
            f"**Errors in the brief file ({len(errors)}):** some of what follows may be wrong.",
        ]
        # What is wrong, not how to put it right: a colleague does not edit the brief's file.
        lines += [""] + [
            f"- {escape(problem.shown_field)}: {escape(problem.message)}"
            if problem.field
            else f"- {escape(problem.message)}"
            for problem in errors
        ]
    if brief.date_note:
        lines += ["", f"Date: {escape(brief.date_note, line_start=False)}"]
    lines += ["", escape(brief.summary), "", "**Key facts**"]
    # Only the lines a quote stands on are needed from the article: its cleaned text, read when
    # some quote was found in it.
    article = articles.text(brief.source) if any(f.span for f in brief.key_facts) else ""
    for number, fact in enumerate(brief.key_facts, 1):
        kind = f" ({fact.kind})" if fact.kind else ""
        # Marked as the reader marks them: a fact not yet checked, or still in the article's
        # language, is not one to rely on.
        kind += " · unreviewed" if not fact.reviewed else ""
        kind += " · needs English" if fact.needs_english else ""
        quote = _quoted_wording(fact, article)
        # A numbered list, each fact's quote a block quote inside its item: indented to where
        # the item's text starts, so that "10." keeps its quote too.
        marker = f"{number}. "
        indent = " " * len(marker)
        lines += ["", f"{marker}{escape(fact.fact)}{kind}", ""]
        lines += [f"{indent}> {escape(quote)}", f"{indent}>"]
        if fact.span is None:
            # Without its article, no quote was looked for: "not found" would say the article
            # lacks it.
            where = QUOTE_NOT_CHECKED if unread else "quote not found in the article"
        else:
            first, last = line_range(article, fact.span)
            where = f"line {first}" if first == last else f"lines {first}–{last}"
            where += _drift_note(fact)
            if brief.quoted_outside(fact):
                where += ", on the web page around the article, not in the article"
        lines.append(f"{indent}> — {escape(brief.source_path)}, {where}")
    for label, names in brief.entity_groups:
        if names:
            named = [escape(name, line_start=False) for name in names]
            lines += ["", f"**{label}:** " + names_apart(named)]
    return lines


def _annotation_lines(annotation: Annotation) -> list[str]:
    """The user's tags and note on a brief, after the brief; none when it has neither."""
    lines = []
    if annotation.tags:
        tags = ", ".join(escape(tag, line_start=False) for tag in annotation.tags)
        lines += ["", f"**Tags:** {tags}"]
    if annotation.note:
        lines += ["", "**Note**", *_note_lines(annotation.note)]
    return lines


# A note's line written as a Markdown list item: "- call CFE", "* call", "1. call", "2) call".
_LIST_ITEM = re.compile(r"([-*+]|\d{1,9}[.)]) +(\S.*)")


def _note_lines(note: str) -> list[str]:
    """A note as Markdown that reads as it was written, both as it is and rendered.

    Colleagues often read a briefing's Markdown as it is, so a note gets no more marks than it
    needs to keep its lines apart when rendered:

    - Its paragraphs, apart in the note, are apart in the briefing.
    - A line written as a list item (``- ``, ``* ``, ``+ ``, ``1. ``, ``2) ``) is one, nested
      under the item above it when indented past it: a list needs nothing between its lines.
      A point goes on the list above it even where its bullet, or the mark after its number,
      is not that list's (``- a`` then ``* b``): it is written with the list's.
      A list is set off from the text around it by a blank line, as many renderers want, and
      so that an item never runs into the line after it nor a number into the line before (nor
      into the item it is under, for a list inside an item that starts at another number
      than 1).
    - A line of text under another, which a renderer would join to it into one line, follows
      a hard line break: a backslash, the one mark a reader of the text sees for what it is.
      Two spaces would do as well rendered, but cannot be seen, and editors strip them.
    - A line of text indented past a list item goes on that item, on a line of its own.
    - A line of text keeps its indent, past the text of the item it is on if any: renderers
      strip the spaces a line starts with, but not no-break ones.
    - Spaces between words keep their number, as between a pasted table's columns: renderers
      collapse spaces, but not no-break ones (see :func:`_note_text`).

    Everything the note holds is text otherwise: escaped, as the rest of a briefing is.
    """
    lines: list[str] = []
    # The items of the list the line is in, outermost first: each one's indent in the note, the
    # column its text starts at in the briefing, its marker, and the column its text starts at
    # in the note. Kept across a blank line: "- a", a blank line and "  - b" is still b under a.
    items: list[tuple[int, int, str, int]] = []
    after_text = False  # whether the line above is text outside a list
    paragraphs = [p.splitlines() for p in re.split(r"\n\s*\n", clean_text(note)) if p.strip()]
    written = [line for paragraph in paragraphs for line in paragraph if line.strip()]
    counted_on = _counted_on(written)
    position = -1  # of the line in ``written``
    for paragraph in paragraphs:
        lines.append("")
        for line in paragraph:
            if not line.strip():
                continue
            position += 1
            indent = _indent(line)
            closed = None  # the item above at this line's level, if any: the last one left
            while items and items[-1][0] >= indent:
                closed = items.pop()
            item = _LIST_ITEM.fullmatch(line.strip())
            if item is not None and item[1][0].isdigit() and int(item[1][:-1]) != 1:
                # A number starts a list only at 1 ("2024. A record year" is text), as a
                # renderer reads it after a line of text, or when the next line counts on from
                # it ("3. third", "4. fourth"); else it goes on a numbered list, or is indented
                # under an item to start one there.
                goes_on = closed is not None and closed[2][0].isdigit()
                starts = position in counted_on or (items and closed is None)
                item = item if goes_on or starts else None
            column = items[-1][1] if items else 0
            starts_paragraph = not lines[-1]
            if item is not None:
                marker = item[1]
                if closed is not None and closed[2][0].isdigit() == marker[0].isdigit():
                    # A renderer starts a new list where the bullet ("-", "*", "+") or the mark
                    # after a number ("." or ")") changes: the point goes on the list above.
                    marker = marker[:-1] + closed[2][-1]
                if after_text and not items and not starts_paragraph:
                    lines.append("")
                elif items and closed is None and marker[0].isdigit() and int(marker[:-1]) != 1:
                    # Right under the item, a list starting at another number than 1 would be
                    # read as the item's text.
                    lines.append("")
                lines.append(f"{' ' * column}{marker} {_note_text(item[2])}")
                text_in_note = indent + len(line.strip()) - len(item[2])
                items.append((indent, column + len(marker) + 1, marker, text_in_note))
                after_text = False
                continue
            if starts_paragraph:
                pass  # after a blank line: a paragraph of its own, in the item it is indented to
            elif items and closed is not None:
                # Back on an item after the list under it: a paragraph of its own in that item,
                # which a break would have put on the last item of the list under it.
                lines.append("")
            elif after_text or items:
                lines[-1] += "\\"  # under a line of text, or on the item above
            else:
                lines.append("")  # below a list, a paragraph of its own
            # Its indent past where text starts there, which a renderer strips from a line's
            # start, in spaces it keeps: no-break ones, which look the same as it is.
            kept_indent = "\u00a0" * max(0, indent - (items[-1][3] if items else 0))
            lines.append(f"{' ' * column}{kept_indent}{_note_text(line)}")
            after_text = not items
    return lines


_SPACES_WITHIN = re.compile(r"( {2,})")


def _note_text(line: str) -> str:
    """A line of a note, escaped (:func:`escape`), its runs of spaces between words kept, as a
    table pasted into a note has them between its columns: a space and no-break ones after it,
    which renderers keep where they collapse spaces, and which look as spaces do in the text."""
    pieces = _SPACES_WITHIN.split(line.strip())
    return "".join(
        " " + "\u00a0" * (len(piece) - 1) if number % 2 else escape(piece, line_start=number == 0)
        for number, piece in enumerate(pieces)
    )


def _indent(line: str) -> int:
    """How far ``line`` of a note is indented: the white space it starts with (a tab is one
    space by then, as the note's text is cleaned)."""
    return len(line) - len(line.lstrip())


def _counted_on(lines: list[str]) -> set[int]:
    """Of ``lines``, those written as points that the next point at their indent counts on
    from ("3. third", then "4. fourth" or "4) fourth"), whatever lies under them indented."""
    counted = set()
    for number, line in enumerate(lines):
        point = _LIST_ITEM.fullmatch(line.strip())
        if point is None or not point[1][0].isdigit():
            continue
        indent = _indent(line)
        below = (other for other in lines[number + 1 :] if _indent(other) <= indent)
        following = next(below, None)
        if following is None or _indent(following) != indent:
            continue
        next_point = _LIST_ITEM.fullmatch(following.strip())
        if next_point is not None and next_point[1][:-1] == str(int(point[1][:-1]) + 1):
            counted.add(number)
    return counted


def _quoted_wording(fact: KeyFact, article: str) -> str:
    """What the briefing quotes for ``fact``: the article's own passage when the brief's quote
    differs from it (a loose or fuzzy anchor), so that a reader sees what the source says."""
    if fact.span is None or fact.anchor == "exact":
        return fact.quote
    passage = article[fact.span.start : fact.span.end]
    # An article changed or gone since the corpus was loaded has no passage to give there.
    if fact.span.end > len(article) or not passage.strip():
        return fact.quote
    return passage


def _drift_note(fact: KeyFact) -> str:
    """How the quote was found, for a quote that is not word for word in the article."""
    if fact.anchor == "loose":
        return ", matched loosely"
    if fact.anchor == "fuzzy":
        return f", matched fuzzily ({fact.score})"
    return ""


class ExportError(Exception):
    """The briefing could not be written; the message says why and what to do."""


class ExportExistsError(ExportError):
    """The file exists already; write again with ``overwrite=True`` to replace it."""


def write_export(path: Path, markdown: str | Iterable[str], *, overwrite: bool = False) -> None:
    """Write ``markdown`` (the text, or its parts) to ``path`` whole or not at all; raise
    :class:`ExportError`."""
    if "\x00" in str(path):
        raise ExportError("a file name cannot hold a NUL character; give another name")
    try:
        if path.is_dir():
            raise ExportError(f"{path} is a folder; give a file name such as briefing.md")
        if path.exists() and not path.is_file():
            # A pipe or a device (/dev/null) would be replaced by a plain file, not written to.
            raise ExportError(f"{path} is not a regular file; give a file name such as briefing.md")
        if not path.parent.is_dir():
            if path.parent.exists() or path.parent.is_symlink():
                raise ExportError(f"{path.parent} is not a folder; pick a file inside a folder")
            raise ExportError(f"the folder {path.parent} does not exist; create it or pick another")
        # A briefing is for handing on: readable as any file its user makes, not just by them.
        write_atomically(path, markdown, overwrite=overwrite, shared=True)
    except FileExistsError:
        raise ExportExistsError(
            f"{path} exists already; choose another name or overwrite it"
        ) from None
    except OSError as error:  # a name too long, a folder that cannot be read or written
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
