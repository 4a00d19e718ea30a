"""Reading one YAML document safely, remembering the line each value came from.

Only plain data is built: mappings with text keys, lists, text, numbers, booleans, null and dates.
Any other tag (``!!python/object/apply`` among them) is refused, never constructed, and aliases are
counted as they expand, so a document built to explode in size stops early with a problem.

libyaml's composer recurses in C, one call per level of nesting, and a document of a hundred
thousand ``[`` overflows the process's stack and kills it; newer libyaml builds instead stop at a
nesting limit of their own, with their own wording and no useful line. Either way the project's
limit has to be enforced before libyaml sees the text. So before composing, a cheap bound on the
nesting is taken from the text; only a document whose bound is too high for comfort has its real
nesting measured, on the pure-Python parser's event stream, which keeps its stack on the heap and
has no limit of its own to get there first.

Messages are the project's own: they never depend on how PyYAML words a problem, which changes
between releases. Only PyYAML's description of a syntax error is passed on, after ours.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml import SafeLoader as _PureLoader
from yaml.constructor import SafeConstructor

from tui.core.text import cut, quoted

try:  # libyaml parses about ten times faster; fall back to the pure-Python parser without it.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = _PureLoader  # type: ignore[assignment,misc]

MAX_NODES = 20_000
"""How many values one brief may expand to; real briefs hold a few hundred."""
MAX_DEPTH = 64
"""How deeply values may nest; a brief needs three levels."""
SAFE_TO_COMPOSE = 1_000
"""A nesting depth libyaml composes without danger, even on a thread with a small stack (it
takes some 300 bytes of stack per level). Real briefs bound theirs at a few hundred."""

_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class YamlProblem(Exception):
    """The document cannot be read; ``line`` is 1-based, 0 when unknown."""

    def __init__(self, line: int, path: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.path = path
        self.message = message


class RepeatedKey(NamedTuple):
    """A key given again in its mapping."""

    line: int
    path: str
    first: int
    """The line where the key is given first."""

    @property
    def what(self) -> str:
        return f"given again here, first on line {self.first}"

    @property
    def advice(self) -> str:
        return "keep one and delete the other"


@dataclass
class Document:
    """A YAML document's value with the line of every field path in it."""

    value: Any
    lines: dict[str, int]
    repeated: list[RepeatedKey] = field(default_factory=list)
    """Each key given again in its mapping, its value left out (see :func:`read_document`)."""

    def line(self, path: str) -> int:
        """The line of ``path``, or of its nearest enclosing field that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("", 1)


def read_document(
    text: str, item_fields: Collection[str] = (), *, every_repeat: bool = False
) -> Document:
    """Parse ``text`` into plain data; raise :class:`YamlProblem` when it cannot be.
    ``item_fields``: the fields the items of the document's lists have (a brief's facts'), for
    telling a field indented out of its item where it belongs. ``every_repeat``: whether a key
    given twice in a mapping is told in :attr:`Document.repeated`, the first value kept, so
    that the rest of the document can be checked too, rather than raised."""
    try:
        _check_nesting(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if (
            isinstance(error, yaml.composer.ComposerError)
            and mark
            and _starts_a_document(text, mark.line)
        ):
            message = (
                "a second YAML document starts here: the file holds one; remove this line, and"
                " what follows it if that is not part of the first"
            )
            raise YamlProblem(mark.line + 1, "", message) from None
        raise _syntax_problem(error, text, item_fields) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, max(error.position, 0)) + 1
        what = f"U+{error.character:04X}" if isinstance(error.character, int) else "a character"
        raise YamlProblem(line, "", f"{what} is not allowed in YAML ({error.reason})") from None
    except yaml.YAMLError as error:
        raise YamlProblem(0, "", f"YAML error: {_one_line(str(error))}") from None
    except RecursionError:
        raise YamlProblem(0, "", "YAML nests too deeply to read") from None
    if node is None:
        return Document(None, {"": 1})
    builder = _Builder(text)
    value = builder.build(node, "", 0)
    if builder.repeated and not every_repeat:
        repeat = builder.repeated[0]
        raise YamlProblem(repeat.line, repeat.path, f"{repeat.what}; {repeat.advice}")
    return Document(value, builder.lines, builder.repeated)


def _starts_a_document(text: str, line: int) -> bool:
    """Whether line ``line`` (counted from 0) of ``text`` marks a document's start or end."""
    lines = text.split("\n")
    marker = lines[line][:3] if line < len(lines) else ""
    return marker in ("---", "...") and lines[line][3:4] in ("", " ", "\t", "\r")


_UNCLOSED = {
    '"': "the quoted text that starts on this line is not closed",
    "'": "the quoted text that starts on this line is not closed",
    "[": "the [ list that starts on this line is not closed",
    "{": "the { mapping that starts on this line is not closed",
}
"""What is left open when the parser's context points at one of these characters. The character
is read from the text itself, not from the parser's wording of the context."""


def _character_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _syntax_problem(
    error: yaml.MarkedYAMLError, text: str, item_fields: Collection[str]
) -> YamlProblem:
    """The problem for a syntax error, on the line where the fix is needed."""
    problem = error.problem or error.context or "invalid YAML"
    opened_at, gave_up_at = error.context_mark, error.problem_mark
    if opened_at and gave_up_at and opened_at.line != gave_up_at.line:
        opener = _character_at(text, opened_at)
        unclosed = _UNCLOSED.get(opener)
        quote = opener in ("'", '"')
        if quote and not _mended_by_closing(text, opened_at.line, opener, gave_up_at):
            unclosed = None  # a quoted key of the mapping the parser was in, say
        if unclosed:
            # The parser gives up where the quote or bracket should have been closed, often at
            # the end of the file; the line to fix is the one where it was opened.
            message = f"YAML syntax error: {unclosed} ({problem} on line {gave_up_at.line + 1})"
            return YamlProblem(opened_at.line + 1, "", message)
    mark = gave_up_at or opened_at
    if mark is None:
        return YamlProblem(0, "", f"YAML syntax error: {problem}")
    lines = text.split("\n")
    opened = _quote_closed_on(lines, mark.line)
    if opened is not None and _mended_by_closing(text, *opened, mark):
        # A quote left open is closed by the first quote of a later value, and the parser
        # gives up on the rest of that line: the line to fix is the one above.
        unclosed = _UNCLOSED["'"]
        message = f"YAML syntax error: {unclosed} ({problem} on line {mark.line + 1})"
        return YamlProblem(opened[0] + 1, "", message)
    slip = _slip_on(lines[mark.line] if mark.line < len(lines) else "")
    if slip is not None:
        field, advice = slip
        return YamlProblem(mark.line + 1, field, f"YAML syntax error: {advice} ({problem})")
    layout = _layout_slip(lines, mark.line, item_fields)
    if layout is not None:
        line, advice = layout
        return YamlProblem(line + 1, "", f"YAML syntax error: {advice} ({problem})")
    for told in (
        _colon_left_out(lines, mark.line, item_fields),
        _item_out_of_line(lines, mark.line),
    ):
        if told is not None:
            line, field, advice = told
            return YamlProblem(line + 1, field, f"YAML syntax error: {advice} ({problem})")
    return YamlProblem(mark.line + 1, "", f"YAML syntax error: {problem}")


# A line of a block: its indentation, a list item's dash, a key, and what follows the key.
_BLOCK_LINE = re.compile(
    r"(?P<indent> *)(?P<dash>-(?: +|$))?(?P<key>[^\s#'\"\[{:-][^:#]*)?(?P<colon>:(?: |$))?"
)
# A dash before a letter: "-fact:"; not a number's sign, "-5% in 2024", which a wrapped value has.
_DASH_WITHOUT_SPACE = re.compile(r" *-[^\W\d_]")
# A field's name as the briefs write one: small letters and underscores.
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")
_FIX_SHOWN = 39
"""How much of a line as mended a slip's advice gives, before an ellipsis."""
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as the end of a line."""


def _layout_slip(lines: list[str], at: int, item_fields: Collection[str]) -> tuple[int, str] | None:
    """The line (counted from 0) and the fix of a slip in laying out a block that the parser
    gave up on at line ``at`` or just after, read from the lines alone: a list's dash with no
    space after it, a key with no ": " after it, or a line indented otherwise than the line
    above it allows."""
    written = [n for n in range(min(at, len(lines) - 1), -1, -1) if _meant(lines[n])][:3]
    for number in written:  # the parser may give up a line or two after the slip
        line = lines[number].rstrip("\r")
        if _DASH_WITHOUT_SPACE.match(line) and not line.lstrip().startswith("---"):
            dash = line.index("-")
            fixed = cut((line[: dash + 1] + " " + line[dash + 1 :]).strip(), _FIX_SHOWN)
            return number, f"a list item's - needs a space after it: {fixed}"
    for above, number in zip(written[1:], written, strict=False):
        here, over = _BLOCK_LINE.match(lines[number]), _BLOCK_LINE.match(lines[above])
        if here is None or over is None or over["key"] is None or over["colon"] is None:
            continue
        column = len(over["indent"]) + len(over["dash"] or "")
        indent = len(here["indent"])
        name = over["key"].strip()
        if here["colon"] is None and here["key"] and not here["dash"] and indent == column:
            key, _, value = lines[number].strip().partition(" ")
            if ":" in key and _FIELD_NAME.fullmatch(key.partition(":")[0]):  # "title_en:Test"
                key, _, rest = key.partition(":")
                fixed = cut(f"{key}: {rest} {value}".strip(), _FIX_SHOWN)
                return number, f"{key}: needs a space after it, as {name}: has: {fixed}"
            if not _FIELD_NAME.fullmatch(key):
                continue
            # "kind figure", or the words of a value wrapped onto a line of their own
            # ("according to the minister"): both are told.
            fixed = cut(f"{key}: {value}", _FIX_SHOWN)
            return number, (
                f"if {key} is a field, it needs ': ' after it, as {name} has: {fixed}; if the line"
                f" goes on with the value above, indent it past {name}:"
            )
        if here["colon"] is None or here["dash"] or here["key"] is None:
            continue  # no key here (": plan", a key left out), nothing to line up
        if not _FIELD_NAME.fullmatch(here["key"].strip()):
            # Words of a value that hold ": " ("the minister said: it will grow"), which YAML
            # reads as a field: the whole value goes in quotes.
            return above, (
                f"the value of {name}: holds ': ' on a line below, which YAML reads as a new"
                f' field; put the whole value in double quotes: {name}: "…"'
            )
        opens = lines[above].rstrip().endswith(":")  # a key whose value is the block below
        if indent > column and not opens:
            dedented = _dedented(lines, written, above, indent)
            if dedented is not None:
                return above, dedented
            return number, (
                f"this line is indented {indent} spaces, past {name}: on the line above, whose"
                f" value is on that line; indent it {column}, in line with {name}:"
            )
        if indent < column:
            advice = _short_of_its_item(lines, above, number, column, name, item_fields)
            if advice is not None:
                return number, advice
    return None


def _short_of_its_item(
    lines: list[str], above: int, number: int, column: int, name: str, item_fields: Collection[str]
) -> str | None:
    """The fix of line ``number``, a key indented less than the line above it, ``above``, whose
    key ``name`` starts at ``column``, when it is a field of the list item that line is in (one
    of ``item_fields``, or a field another item has): indented to the item's -, or between it
    and the item's fields ("kind:" moved 2 spaces left in a fact), or out to the left of the
    list altogether while the list goes on below it ("kind:" moved to the start of its line);
    else None."""
    here = _BLOCK_LINE.match(lines[number])
    if here is None or here["key"] is None:
        return None
    indent, key = len(here["indent"]), here["key"].strip()
    if key not in item_fields and not any(_field_at(line, column) == key for line in lines):
        return None  # not a field of the list's items ("summary:"): it may be what is misplaced
    start = next(
        (n for n in range(number - 1, -1, -1) if _meant(lines[n]) and _indent(lines[n]) <= indent),
        None,
    )
    item = _BLOCK_LINE.match(lines[start]) if start is not None else None
    if start is not None and item is not None and item["dash"]:
        dash = len(item["indent"])
        where = "above" if start == above else f"on line {start + 1}"
        if indent == dash:
            return (
                f"this line is in line with the - {where}, which starts a list item; to belong"
                f" to that item, indent it {column}, in line with {name}:"
            )
        if indent < dash + len(item["dash"]):
            return (
                f"this line is indented {indent} spaces, between the - {where}, which starts a"
                f" list item, and that item's fields; indent it {column}, in line with {name}:"
            )
    if lines[number].rstrip().endswith(":"):
        return None  # a key whose value is the block below: the line below may be in it
    below = next((n for n in range(number + 1, len(lines)) if _meant(lines[n])), None)
    after = _BLOCK_LINE.match(lines[below]) if below is not None else None
    if after is None or not after["dash"] or not indent < len(after["indent"]) < column:
        return None
    return (
        f"{key}: is indented {indent} spaces, out of the list item it is in, which the list"
        f" below goes on after; indent it {column}, in line with {name}: above"
    )


# A field's name with no colon after it, then what would have been its value, if anything: a
# value in quotes, a block's mark (">-"), or plain words holding no ": ".
_NAME_WITHOUT_COLON = re.compile(
    r"(?P<indent> *)(?P<dash>- +)?(?P<name>[a-z][a-z0-9_]*)"
    r"(?: +(?P<value>"
    r'"(?:[^"\\]|\\.)*"'  # in double quotes
    r"|'(?:[^']|'')*'"  # in single quotes
    r"|[^\s\"'#:](?:[^#:]|:(?=\S))*?"  # plain words
    r"))?(?: +#.*)?[ \r]*"
)
# The mark of a block of text, which only a field's value can open.
_BLOCK_MARK = re.compile(r"[|>][-+0-9]*")


def _colon_left_out(
    lines: list[str], at: int, item_fields: Collection[str]
) -> tuple[int, str, str] | None:
    """The line (counted from 0), the field and the fix of a field's name written with no ": "
    after it, when YAML reads the line as words going on below it and gives up further down, at
    line ``at``: on the next field of the same block (a fact's "- fact \"…\"" above its
    "quote:"; a brief's "title \"…\"" above "language:", or "places" above its list), or
    anywhere inside the block of text a name such as "summary >-" opens. Else None.

    Only lines no value can go on from are taken: a list item's first field, or a name at the
    start of its line; a name in line with the field above it is _layout_slip's to tell."""
    if at >= len(lines):
        return None
    gave_up = _BLOCK_LINE.match(lines[at])
    column = None  # where the field the parser gave up on starts, if it gave up on a field
    if (
        gave_up is not None
        and gave_up["colon"]
        and _FIELD_NAME.fullmatch((gave_up["key"] or "").strip())
    ):
        column = len(gave_up["indent"]) + len(gave_up["dash"] or "")
    for number in range(at - 1, -1, -1):
        line = lines[number]
        if not _meant(line):
            continue
        found = _NAME_WITHOUT_COLON.fullmatch(line)
        if found is not None:
            name, value = found["name"], found["value"]
            indent = len(found["indent"])
            block = value is not None and _BLOCK_MARK.fullmatch(value) is not None
            if found["dash"]:
                starts = indent + len(found["dash"]) == column and (
                    name in item_fields or any(_field_at(other, column) == name for other in lines)
                )
            else:
                starts = indent == 0 and (column == 0 or block)
                if value is not None and value[0] not in "\"'" and not block:
                    # Plain words: after the lines of a block of text, they may be more of it,
                    # dedented ("summary: >-" above), and no field at all.
                    starts = starts and not _after_words(lines, number)
            if starts or (block and found["dash"] and _indent(lines[at]) > indent):
                fixed = cut(f"{name}: {value or ''}".rstrip(), _FIX_SHOWN)
                return (
                    number,
                    name,
                    f"the field name {name} has no ': ' after it; put one there: {fixed}",
                )
        here = _BLOCK_LINE.match(line)
        if _indent(line) == 0 or (here is not None and here["colon"] is not None):
            return None  # a line no words go on from, or a field's: the words start below it
        if here is not None and here["dash"] and column != 0:
            return None  # an item of a list inside the block the parser gave up in
    return None


def _after_words(lines: list[str], number: int) -> bool:
    """Whether the line above line ``number`` holds words alone: no field, nor a list item."""
    above = next((n for n in range(number - 1, -1, -1) if _meant(lines[n])), None)
    found = _BLOCK_LINE.match(lines[above]) if above is not None else None
    return found is not None and found["colon"] is None and found["dash"] is None


def _item_out_of_line(lines: list[str], at: int) -> tuple[int, str, str] | None:
    """The line (counted from 0), the field and the fix of a list item the parser gave up on at
    line ``at`` because its - is indented otherwise than the item above it: less, or one space
    more (two more would start a list inside that item). Else None."""
    here = _BLOCK_LINE.match(lines[at]) if at < len(lines) else None
    if here is None or not here["dash"]:
        return None
    indent = len(here["indent"])
    # The item above: the first - above, past the lines of that item's fields.
    above = next(
        (
            n
            for n in range(at - 1, -1, -1)
            if _meant(lines[n]) and (_is_item(lines[n]) or _indent(lines[n]) <= indent)
        ),
        None,
    )
    if above is None or not _is_item(lines[above]):
        return None
    column = _indent(lines[above])
    if column == indent or indent > column + 1:
        return None
    start = next(
        (n for n in range(above - 1, -1, -1) if _meant(lines[n]) and _indent(lines[n]) < column),
        None,
    )
    opener = _BLOCK_LINE.match(lines[start]) if start is not None else None
    if opener is None or opener["key"] is None or not opener.string.rstrip().endswith(":"):
        return None  # the list is no field's value: what the item belongs to is unclear
    if len(opener["indent"]) + len(opener["dash"] or "") > indent:
        return None  # left of the field the list is in: no item of that list
    name = opener["key"].strip()
    return at, name, _line_up(indent, column, name)


def _line_up(indent: int, column: int, name: str) -> str:
    """The advice for a list item of field ``name`` indented ``indent`` spaces where the item
    above it is indented ``column``."""
    spaces = "1 space" if indent == 1 else f"{indent} spaces"
    return (
        f"this list item is indented {spaces} and the item above it {column}; indent it"
        f" {column}, in line with the items of {name}: above"
    )


def _is_item(line: str) -> bool:
    """Whether ``line`` starts a list item."""
    found = _BLOCK_LINE.match(line)
    return found is not None and found["dash"] is not None


def _indent(line: str) -> int:
    """How many spaces ``line`` starts with."""
    return len(line) - len(line.lstrip(" "))


def _field_at(line: str, column: int) -> str | None:
    """The key ``line`` holds at ``column``, counting a list item's - as indentation."""
    found = _BLOCK_LINE.match(line)
    if found is None or found["key"] is None or found["colon"] is None:
        return None
    if len(found["indent"]) + len(found["dash"] or "") != column:
        return None
    return found["key"].strip()


def _dedented(lines: list[str], written: list[int], above: int, indent: int) -> str | None:
    """The fix of line ``above`` when it, not the line after it (indented ``indent``), is the
    slip: a key taken out to the left of the block it is in, as "quote:" moved to the start of
    the line between a fact's "- fact:" and its "kind:"; else None."""
    position = written.index(above) + 1
    if position >= len(written):
        return None
    before = _BLOCK_LINE.match(lines[written[position]])
    over = _BLOCK_LINE.match(lines[above])
    if before is None or over is None or before["key"] is None or over["key"] is None:
        return None
    column = len(before["indent"]) + len(before["dash"] or "")
    if column != indent or len(over["indent"]) >= column:
        return None
    name, key = before["key"].strip(), over["key"].strip()
    return (
        f"{key}: is indented {len(over['indent'])} spaces, out of the block it is in; indent"
        f" it {column}, in line with {name}: above and the line below"
    )


def _meant(line: str) -> bool:
    """Whether ``line`` holds something of the document: not blank, nor a comment."""
    text = line.strip()
    return bool(text) and not text.startswith("#")


# A value that opens with a quote: after a key, a list's dash, or both.
_QUOTE_OPENS = re.compile(r"\s*(?:-\s+)?(?:[^\s#'\"][^:#]*:\s+)?(['\"])")


def _quote_closed_on(lines: list[str], line: int) -> tuple[int, str] | None:
    """The line (counted from 0) above ``line`` where a value seems to open a quote that is
    closed only on ``line``, with that quote, if one does; else None. Only a guess, read from
    the lines alone (a line of a block of text may look like one): see _mended_by_closing."""
    # Up to the top of the file, as a summary of plain lines can lie between: the first quote
    # found above decides, so the lines are read once.
    for above in range(line - 1, -1, -1):
        found = _QUOTE_OPENS.match(lines[above])
        if found is None:
            continue
        quote = found.group(1)
        rest = "\n".join([lines[above][found.end() :], *lines[above + 1 : line + 1]])
        # A double quote is escaped by a backslash, a single one by doubling it.
        closing = re.search(r'(?<!\\)"' if quote == '"' else r"'(?!')", rest.replace("''", "  "))
        if closing is None:
            return None  # not closed even there: the parser would have said so itself
        closed_on = above + rest.count("\n", 0, closing.start())
        if closed_on < line:
            return None  # a quoted value above, closed before the line the parser gave up on
        return above, quote
    return None


def _mended_by_closing(text: str, line: int, quote: str, gave_up_at: yaml.Mark) -> bool:
    """Whether closing ``quote`` at the end of ``line`` (counted from 0) lets the parser read
    past the line it gave up on, ``gave_up_at``: then that quote, left open, is what to fix."""
    lines = text.split("\n")
    body = lines[line].rstrip("\r")
    lines[line] = body + quote + lines[line][len(body) :]
    try:
        yaml.compose("\n".join(lines), Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark is not None and mark.line > gave_up_at.line
    except yaml.YAMLError:
        return False
    return True


# A key, then a value not in quotes (nor a list, a mapping, a block or a YAML mark) that holds ": ".
_PLAIN_VALUE_WITH_COLON = re.compile(
    r"\s*(?:-\s+)?([A-Za-z_][\w.-]*):\s+([^\s'\"\[{|>&*!%@`#].*:\s.*)"
)
_TAB_INDENT = re.compile(r" *\t")
# A value in double quotes, and what lies between its first and last quote.
_DOUBLE_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w.-]*):\s+\"(.*)\"\s*")
_UNESCAPED_DOUBLE_QUOTE = re.compile(r'(?<!\\)"')
# A value that starts with words in quotes and goes on after them: "GM and Ternium" deepen ties.
_QUOTED_THEN_MORE = re.compile(
    r"""\s*(?:-\s+)?([A-Za-z_][\w.-]*):\s+((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*[^\s#].*)"""
)


def _slip_on(line: str) -> tuple[str, str] | None:
    """The field and the fix of a slip common in hand-written briefs that ``line`` makes, if it
    makes one: a value holding ": " left out of quotes, a quotation mark inside a value in
    double quotes, a value starting with words in quotes and going on after them, or a tab in
    the indentation."""
    if _TAB_INDENT.match(line):
        return "", "this line is indented with a tab; indent with spaces"
    quoted = _DOUBLE_QUOTED_VALUE.fullmatch(line)
    if quoted is not None and _UNESCAPED_DOUBLE_QUOTE.search(quoted.group(2)):
        # A quote copied from an article often holds the speaker's quotation marks.
        return quoted.group(1), (
            'a " inside a value in double quotes ends the value; write it \\" (or put the'
            " value in single quotes)"
        )
    started_quoted = _QUOTED_THEN_MORE.fullmatch(line.rstrip("\r"))
    if started_quoted is not None:
        return _started_quoted(started_quoted.group(1), started_quoted.group(2).rstrip())
    found = _PLAIN_VALUE_WITH_COLON.fullmatch(line)
    if found is None:
        return None
    key, value = found.group(1), found.group(2).rstrip()
    in_quotes = f"'{value}'" if '"' in value else f'"{value}"'
    if len(in_quotes) > 40:
        in_quotes = in_quotes[:1] + "…" + in_quotes[-1:]
    return key, f"the value holds ': ', which YAML reads as a new key; quote it: {key}: {in_quotes}"


# An apostrophe between two letters ("Mexico's"), and quoted values listed with commas.
_APOSTROPHE = re.compile(r"[^\W\d_]'[^\W\d_]")
_LISTED = re.compile(r"[\"']\s*,")


def _started_quoted(key: str, value: str) -> tuple[str, str] | None:
    """The field and the fix of ``value``, which opens with a quoted part and goes on after it,
    when the fix is plain: a title opening with a quoted name ("GM and Ternium" deepen ties), or
    a value in single quotes holding an apostrophe ('Mexico's boom'); else None, as for values
    listed with commas ('Nuevo León', 'Coahuila'), which are no one value."""
    quote = value[0]
    if quote == "'" and "''" in value:
        return None  # a quote written within it already: what was meant is not plain
    if value.endswith(quote) and _APOSTROPHE.search(value) and not _LISTED.search(value):
        # An apostrophe, closing the quotes it stands in: in double quotes, it is a letter.
        inner = value[1:-1]
        if '"' in inner:
            return None
        return key, (
            "a ' inside a value in single quotes ends the value; write it '' (or put the value"
            f' in double quotes): {key}: "{cut(inner, _FIX_SHOWN)}"'
        )
    if _LISTED.search(value):
        return None
    shown = cut(value, _FIX_SHOWN)
    in_quotes = f'"{shown}"' if '"' not in value else "'" + shown.replace("'", "''") + "'"
    return key, (
        "a value that starts with a quotation mark ends where it closes; put the whole value"
        f" in quotes: {key}: {in_quotes}"
    )


def _nesting_bound(text: str) -> int:
    """A number no smaller than the depth to which collections in ``text`` can nest.

    Flow collections open with ``[`` or ``{``, each of which may also hold one implicit
    ``key: value`` mapping. Block collections nest by indentation or by compact indicators
    (``- - x``), so along any chain of them the column grows at least every second level, and no
    column exceeds the longest line. Lines are split on line feeds only, which can only make
    them longer than YAML counts them.
    """
    longest = max(len(line) for line in text.split("\n"))
    return 2 * (longest + 1) + 2 * (text.count("[") + text.count("{"))


def _check_nesting(text: str) -> None:
    """Raise :class:`YamlProblem` when collections nest more than :data:`MAX_DEPTH` levels.

    Documents whose :func:`_nesting_bound` is safe are left to the builder, which checks the
    depth as it goes. The pure-Python parser keeps its own stack on the heap, so walking its
    events is safe at any depth, and it stops at the first level past the limit.
    """
    if _nesting_bound(text) <= SAFE_TO_COMPOSE:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_PureLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise YamlProblem(line, "", f"values nest more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self._text_lines: list[str] | None = None
        self.lines: dict[str, int] = {}
        self.repeated: list[RepeatedKey] = []
        self.nodes = 0
        self.scalars = SafeConstructor()

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.nodes += 1
        line = node.start_mark.line + 1
        if self.nodes > MAX_NODES:
            raise YamlProblem(line, path, f"more than {MAX_NODES} values (aliases expanded)")
        if depth > MAX_DEPTH:
            raise YamlProblem(line, path, f"values nest more than {MAX_DEPTH} levels deep")
        self.lines.setdefault(path, line)
        if isinstance(node, yaml.ScalarNode) and node.end_mark.line > node.start_mark.line:
            self._check_items_joined(node, path)
        if node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode):
            return str(node.value)  # what the constructor would make of it, without the calls
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            try:
                return self.scalars.construct_object(node)
            except (yaml.YAMLError, ValueError, OverflowError):
                if node.tag == _TIMESTAMP_TAG:
                    # Shaped like a date but no such day (2025-02-30): leave it as text, so that
                    # the field's own check can say what is wrong with it.
                    return str(node.value)
                raise YamlProblem(line, path, f"cannot read value {quoted(node.value)}") from None
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return [
                self.build(item, f"{path}[{index}]", depth + 1)
                for index, item in enumerate(node.value)
            ]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self._build_mapping(node, path, depth)
        # Said of a brief, a gazetteer, a keys file alike: each holds plain values only.
        message = f"YAML tag {node.tag} is not allowed: write the value as plain text"
        raise YamlProblem(line, path, message)

    def _check_items_joined(self, node: yaml.ScalarNode, path: str) -> None:
        """Refuse the list item ``node`` at ``path`` when a line it runs on to is a list item
        indented more than it: YAML reads "- Mexicali" indented a space more than "- Tijuana" as
        the same plain value wrapped, "Tijuana - Mexicali", where two items were meant."""
        if node.style or not path.endswith("]"):  # quoted or a block: the lines are its own
            return
        if self._text_lines is None:
            self._text_lines = _LINE_BREAK.split(self.text)
        lines = self._text_lines
        if node.end_mark.line >= len(lines):
            return  # not counted as YAML counts lines: nothing to tell by
        first = lines[node.start_mark.line][: node.start_mark.column]
        if not first.rstrip().endswith("-"):
            return  # the value does not start on its item's line: no item to line up with
        column = first.rstrip().rindex("-")
        for number in range(node.start_mark.line + 1, node.end_mark.line + 1):
            line = lines[number]
            if not _is_item(line):
                continue
            listed = path[: path.rindex("[")]
            indent = _indent(line)
            joined = cut(" ".join(str(node.value).split()), _FIX_SHOWN)
            message = (
                f"{_line_up(indent, column, listed.rpartition('.')[2])} (YAML reads the two as"
                f" one value, {quoted(joined)})"
            )
            raise YamlProblem(number + 1, listed, message)

    def _build_mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                message = "merge keys (<<) are not allowed: write each field out"
                raise YamlProblem(line, path, message)
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag in _SCALAR_TAGS):
                raise YamlProblem(line, path, "a key must be plain text")
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            if key in result:
                self.repeated.append(RepeatedKey(line, child, self.lines[child]))
                continue
            self.lines[child] = line
            result[key] = self.build(value_node, child, depth + 1)
        return result
