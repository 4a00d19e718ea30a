"""The user's own keys: a small YAML file giving actions other keys than their defaults.

```yaml
# keys.yaml, in the user config folder (~/.config/briefing on Linux) or $BRIEFING_CONFIG_DIR
reader.bookmark: m        # an action's id, then its keys
list.next: down,j,ctrl+n  # several keys, comma-separated
```

The ids are those the help screen's actions have (``tui/app/actions.py``). The file is a
preference, not the user's work: what cannot be used is named with its line and left out, and the
rest applies.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from tui.core.files import Refused, read_limited
from tui.core.model import Problem
from tui.core.text import closest_name, plural

FILE_NAME = "keys.yaml"
ENV_CONFIG_DIR = "BRIEFING_CONFIG_DIR"
MAX_FILE_BYTES = 64 * 1024
"""A keys file holds a few dozen lines; a larger one is not read."""

# Key names as Textual writes them: letters, digits, "_" and "+" for modifiers ("ctrl+n",
# "right_square_bracket"), or one printable character.
_KEY = re.compile(r"[A-Za-z0-9_+]+|[^\s,]")
# A key YAML reads as something else unless it is in quotes: ? > | * & ! % @ ` at a value's start.
_INDICATOR = re.compile(r":\s*[?>|*&!%@`]")


class ActionNames(NamedTuple):
    """What an action is known by besides its id, for telling the id a slip in the file meant."""

    keys: str
    """Its default keys, comma-separated: "list.down" means the list's action on down."""
    label: str
    """Its few words: "reader.mark_all" means "Mark all shown", not "Unmark all"."""


@dataclass(frozen=True)
class UserKeymap:
    """The keys the user gave each action, by action id, and what in the file could not be used."""

    keys: Mapping[str, str]
    problems: tuple[Problem, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict)
    """The line each action's keys are given on, by action id, for what is said of them."""
    path: str = ""
    """The file, as problems name it."""


_EXAMPLE = "reader.bookmark: m"
"""A line of a keys file, as what is said of one that cannot be used shows it."""
_WRITE_AGAIN = f"write it again with lines such as  {_EXAMPLE}"
_IDS_LISTED = "briefing keys lists the action ids"


PROBLEMS_TOLD = 3
"""How many of a keys file's problems the reader tells as it starts; ``briefing keys`` tells all."""


def told_at_start(keymap: UserKeymap) -> str:
    """What the reader says, in one notice, of what in the keys file cannot be used: the first
    few problems by line, and how many more ``briefing keys`` names. One notice each filled the
    screen's corner, and the first were pushed out of it before they could be read."""
    problems = keymap.problems
    # A file none of which could be read says what to do with it itself.
    if len(problems) == 1 and (keymap.keys or problems[0].severity == "error"):
        return str(problems[0])
    # Counted as problems, not lines: a line may give a key that cannot be used and one that is.
    told = f"{keymap.path}: {plural(len(problems), 'thing')} cannot be used"
    if keymap.keys:
        lines = [f"{told}; the rest applies:"]
    else:  # a file of another kind, say, no line of which reads as keys
        lines = [f"{told}, and no key of it applies: fix the file or remove it ({_IDS_LISTED}):"]
    for problem in problems[:PROBLEMS_TOLD]:
        where = f"line {problem.line}: " if problem.line else ""
        field = f"{problem.field}: " if problem.field else ""
        lines.append(f"{where}{field}{problem.in_full}")
    if len(problems) > PROBLEMS_TOLD:
        lines.append(f"and {len(problems) - PROBLEMS_TOLD} more: briefing keys names them all")
    return "\n".join(lines)


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$BRIEFING_CONFIG_DIR``, else the user config folder for briefing."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_CONFIG_DIR):
        return Path(environ[ENV_CONFIG_DIR]).expanduser()
    from platformdirs import user_config_dir  # imported late: only needed without the variable

    return Path(user_config_dir("briefing", appauthor=False))


def read_keymap(
    folder: Path, action_ids: Collection[str] | Mapping[str, ActionNames]
) -> UserKeymap:
    """The keys file in ``folder`` for actions among ``action_ids``; empty when there is none.
    Given by a mapping, what each action is known by helps tell the id a slip meant."""
    path = folder / FILE_NAME
    shown = str(path)

    try:
        raw = read_limited(path, MAX_FILE_BYTES, "keys file")
    except FileNotFoundError:
        return UserKeymap({})
    except Refused as error:  # a folder, a pipe, or a file far larger than keys take
        return _not_read(shown, error.fault.what, error.fault.advice or _WRITE_AGAIN)
    except OSError as error:
        return _not_read(shown, f"cannot be read: {error.strerror}", "make it readable")
    # Told as a brief in such a file is told: an editor's "Unicode", or not text at all.
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _not_read(shown, "is saved as UTF-16 text", "save it as UTF-8")
    if b"\x00" in raw:
        return _not_read(shown, "is a binary file, not YAML text", _WRITE_AGAIN)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        message = "is not UTF-8 text (saved in another encoding, such as Latin-1?)"
        return _not_read(shown, message, "save it as UTF-8")
    # Imported only for a file to read: most users have none, and PyYAML's import is a
    # twentieth of the reader's start.
    from tui.core.yamlread import YamlProblem, read_document

    try:
        document = read_document(text)
    except YamlProblem:
        # A flat list of "id: keys" lines: each line read on its own, so that one a slip
        # makes unreadable (an unquoted ?, an id given twice) leaves the others applied.
        entries, problems = _line_by_line(text, shown)
    else:
        if document.value is None:
            return UserKeymap({})  # an empty file, or comments only
        if not isinstance(document.value, dict):
            message = f"should map action ids to keys, such as  {_EXAMPLE}"
            return _not_read(shown, message, "fix it", document.line(""))
        entries = [(key, value, document.line(key)) for key, value in document.value.items()]
        problems = []
    keys: dict[str, str] = {}
    lines: dict[str, int] = {}
    for action_id, value, line in entries:
        if action_id not in action_ids:
            known_by = action_ids if isinstance(action_ids, Mapping) else {}
            meant = _meant_action(action_id, action_ids, known_by)
            advice = f"did you mean {meant}?" if meant else "briefing keys lists them"
            problems.append(
                Problem(shown, line, action_id, "no action has this id", "warning", advice)
            )
            continue
        names = [name.strip() for name in value.split(",")] if isinstance(value, str) else []
        if not names or not all(_KEY.fullmatch(name) and name.isprintable() for name in names):
            message = _not_keys(
                action_id, value, text, line, _taken(action_id, entries, action_ids)
            )
            problems.append(Problem(shown, line, action_id, message, "warning"))
            continue
        keys[action_id] = ",".join(names)
        lines[action_id] = line
    # In the order of the file: the lines read one by one were told of first.
    in_file_order = tuple(sorted(problems, key=lambda problem: problem.line))
    return UserKeymap(keys, in_file_order, lines, shown)


def _not_read(shown: str, message: str, fix: str, line: int = 0) -> UserKeymap:
    """No keys from the file ``shown``, none of which can be read for ``message``; the user is
    told to ``fix`` it or remove it, and where the ids are."""
    advice = f"{fix}, or remove it (meanwhile every key keeps its default); {_IDS_LISTED}"
    return UserKeymap({}, (Problem(shown, line, "", message, "error", advice),))


def _taken(
    action_id: str,
    entries: list[tuple[str, object, int]],
    action_ids: Collection[str] | Mapping[str, ActionNames],
) -> set[str]:
    """The keys other actions than ``action_id`` have by default or the file's lines give them:
    a key suggested for ``action_id`` is none of these, or it would be refused in turn."""
    defaults = action_ids if isinstance(action_ids, Mapping) else {}
    given = [(other, keys) for other, keys, _ in entries if isinstance(keys, str)]
    given += [(other, names.keys) for other, names in defaults.items()]
    return {name.strip() for other, keys in given if other != action_id for name in keys.split(",")}


def _not_keys(action_id: str, value: object, text: str, line: int, taken: set[str]) -> str:
    """What to say of ``value``, given ``action_id`` on ``line`` of ``text``, that is not keys;
    a key suggested is none of ``taken``."""
    if isinstance(value, str):
        if any(name.isspace() and " " in name for name in value.split(",")):
            return f"the space bar is written space, such as  {action_id}: space"
    elif isinstance(value, (int, float, date)):  # bool is an int
        # YAML reads 5 as a number, yes as true, 2024-03-01 as a date: as the line writes it.
        lines = text.splitlines()
        written = lines[line - 1] if 0 < line <= len(lines) else ""
        written = written.partition(":")[2].partition(" #")[0].strip() or str(value)
        if len(written) == 1:  # a digit, which is a key once in quotes
            return f'put the keys in quotes, such as  {action_id}: "{written}"'
        # In quotes, yes or 1.5 was then told that no key is named so: say so at once.
        no_key = f"no key is named {written!r}"
        meant = written[0].lower()  # y and n are text to YAML, unquoted
        if isinstance(value, bool) and written.lower() in {"yes", "no"} and meant not in taken:
            return f"{no_key}; for the {meant} key write  {action_id}: {meant}"
        return f"{no_key}; keys are named such as ctrl+k, f5, pageup"
    return "give the keys as text, comma-separated, such as  ctrl+b,m"


def _line_by_line(text: str, shown: str) -> tuple[list[tuple[str, object, int]], list[Problem]]:
    """The ``(id, keys, line)`` of each line of ``text`` that reads as one, and what is wrong
    with the others."""
    from tui.core.yamlread import YamlProblem, read_document

    entries: list[tuple[str, object, int]] = []
    problems: list[Problem] = []
    given_on: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            value = read_document(line).value
        except YamlProblem as problem:
            message = problem.message
            advice = f"write it as an action id and its keys, such as  {_EXAMPLE}"
            if _INDICATOR.search(line):
                message += "; write such a key in quotes, such as  app.help: '?'"
                advice = ""
            problems.append(Problem(shown, number, "", message, "warning", advice))
            continue
        if not isinstance(value, dict) or len(value) != 1:
            message = f"should give an action id and its keys, such as  {_EXAMPLE}"
            problems.append(Problem(shown, number, "", message, "warning"))
            continue
        ((action_id, keys),) = value.items()
        action_id = str(action_id)
        if action_id in given_on:
            message = f"is given on line {given_on[action_id]} already, which applies"
            problems.append(Problem(shown, number, action_id, message, "warning"))
            continue
        given_on[action_id] = number
        entries.append((action_id, keys, number))
    return entries, problems


def _meant_action(
    written: str, action_ids: Collection[str], names: Mapping[str, ActionNames]
) -> str | None:
    """The action id that ``written``, no action's, is most likely a slip for: the one of its
    part whose keys or label name it ("list.down" for "list.next", on down), else the one of
    another part with the same name ("reader.quit" for "app.quit"), else the closest whose
    name is close too, but not its opposite; None if none is. Ids share their part's prefix
    ("reader."), which alone makes "reader.quit" look like "reader.edit"."""
    part, _, name = written.rpartition(".")
    words = _words(name)
    in_part = [other for other in action_ids if other.rpartition(".")[0] == part]
    for rank in range(len(ActionNames._fields)):  # its keys first: "down" is a label's word too
        named = [
            other for other in in_part if other in names and words <= _words(names[other][rank])
        ]
        if len(named) == 1:
            return named[0]
    same_name = [other for other in action_ids if other.rpartition(".")[2] == name]
    if len(same_name) == 1:
        return same_name[0]
    closest = closest_name(written, action_ids)
    if closest is None:
        return None
    closest_part_name = closest.rpartition(".")[2]
    if closest_name(name, [closest_part_name]) is None or _opposites(name, closest_part_name):
        return None
    return closest


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _opposites(name: str, other: str) -> bool:
    """Whether one name undoes the other ("mark_all", "unmark_all"): close in letters, and the
    last id to suggest."""
    return name == f"un{other}" or other == f"un{name}"
