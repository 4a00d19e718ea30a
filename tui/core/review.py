"""Reviewing a draft brief from the reader: a fact confirmed, or rejected and taken out.

The brief file is the analyst's: an edit changes the one fact and keeps everything else as it was
written (comments, order of fields, quoting, line breaks). The file is read and written again by
ruamel.yaml's round trip, and the edit is made only when that round trip gives back the file
byte for byte; a brief laid out in a way the round trip would change is left alone, with a
message naming the first line it would change and saying to edit it by hand.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.atomic import write_atomically
from tui.core.files import NotAFile, TooLarge, read_limited
from tui.core.loader import MAX_BRIEF_BYTES

BOM = "\ufeff"
"""The byte-order mark some editors start a UTF-8 file with."""


class ReviewError(Exception):
    """The edit was not made; the message says why and what to do instead."""


@dataclass(frozen=True)
class ReviewEdit:
    """A fact confirmed or rejected in a brief file: the file's text before and after, so that
    the edit can be undone (a fact rejected by a slip of the finger is not lost)."""

    path: Path
    before: str
    after: str


def undo_edit(edit: ReviewEdit) -> bool:
    """Put the brief file of ``edit`` back as it was before it; True when it had changed since
    (edited by hand, say), and keeps that change. It does so only when the change left the
    lines around the edit as they were; else nothing is written, as the change would be lost
    or the fact put back in the wrong place."""
    now = _read(edit.path)
    if now == edit.after:
        _write(edit.path, edit.before)
        return False
    merged = _undone_in(now, edit)
    if merged is None:
        raise ReviewError(
            f"{edit.path.name} changed since, around the fact: nothing undone; edit the brief"
            " by hand (E)"
        )
    _write(edit.path, merged)
    return True


def _undone_in(now: str, edit: ReviewEdit) -> str | None:
    """``now``, a later state of the file ``edit`` left, with the edit undone; None when the
    lines the edit changed, or those just before and after them, are no longer as it left them,
    or the result would not be YAML."""
    from difflib import SequenceMatcher

    from tui.core.yamlread import YamlProblem, read_document

    before, after, current = (t.splitlines(keepends=True) for t in (edit.before, edit.after, now))
    # Where each line the edit left is now, for the lines no one changed since.
    moved: dict[int, int] = {}
    for tag, start, end, now_start, _ in SequenceMatcher(None, after, current, False).get_opcodes():
        if tag == "equal":
            moved.update((line, now_start + line - start) for line in range(start, end))
    undone = list(current)
    shift = 0
    for tag, start, end, was_start, was_end in SequenceMatcher(
        None, after, before, False
    ).get_opcodes():
        if tag == "equal":
            continue
        around = range(max(start - 1, 0), min(end + 1, len(after)))
        if any(line not in moved for line in around) or any(
            moved[line + 1] != moved[line] + 1 for line in around[:-1]
        ):
            return None
        at = moved[start] if start in moved else moved[start - 1] + 1 if start else 0
        undone[at + shift : at + shift + end - start] = before[was_start:was_end]
        shift += (was_end - was_start) - (end - start)
    text = "".join(undone)
    try:
        read_document(text)
    except YamlProblem:
        return None
    return text


def confirm_fact(path: Path, index: int, quote: str) -> ReviewEdit:
    """Mark fact ``index`` of the brief at ``path`` reviewed (its ``reviewed: false`` removed).

    ``quote`` is the fact's quote as the reader showed it: when the file no longer has that
    quote at that place, it changed since, and nothing is written.
    """

    def confirm(facts: Any) -> None:
        fact = facts[index]
        if "reviewed" in fact:
            _remove_key(fact, "reviewed")

    return _edit(path, index, quote, confirm)


def reject_fact(path: Path, index: int, quote: str) -> ReviewEdit:
    """Take fact ``index`` out of the brief at ``path``; a brief keeps at least one fact."""

    def reject(facts: Any) -> None:
        if len(facts) == 1:
            raise ReviewError("a brief keeps at least one fact: edit the brief to replace it (E)")
        if index > 0 and len(facts[index]):
            # The lines after the fact's last field (a comment about the next fact, say) stay
            # where they were: after the fact before it.
            last = list(facts[index])[-1]
            _move_following_lines(facts[index], last, facts[index - 1])
        del facts[index]

    return _edit(path, index, quote, reject)


def _first_change(written: str, rewritten: str) -> str:
    """How ``rewritten`` first differs from ``written``, as a user finds it in the file:
    "writing line 4 (summary:) otherwise than it is written", naming the field the line is in,
    or "taking the spaces off the end of line 7", which cannot be seen."""
    lines, others = written.split("\n"), rewritten.split("\n")
    number = next(
        (n for n, (line, other) in enumerate(zip(lines, others, strict=False)) if line != other),
        min(len(lines), len(others)) - 1,
    )
    field = next(
        (key for line in reversed(lines[: number + 1]) if (key := _key_of(line))),
        None,
    )
    if number < len(lines) and number < len(others) and lines[number].rstrip() == others[number]:
        return f"taking the spaces off the end of line {number + 1}"
    where = f"line {number + 1}" + (f" ({field}:)" if field else "")
    return f"writing {where} otherwise than it is written"


def _key_of(line: str) -> str | None:
    """The key ``line`` starts, after its indent and a list item's dash, if it starts one."""
    text = line.strip().removeprefix("- ").lstrip()
    key, colon, _ = text.partition(":")
    return key if colon and key and not key.startswith(("#", '"', "'")) and " " not in key else None


def _read(path: Path) -> str:
    try:
        # Line ends as they are: a file written with \r\n is not quietly turned into \n.
        return read_limited(path, MAX_BRIEF_BYTES, "brief").decode("utf-8")
    except TooLarge:  # larger than the loader reads, so not edited either
        raise ReviewError(f"{path.name} is too large to edit here") from None
    except NotAFile as error:
        raise ReviewError(f"{path.name} {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ReviewError(f"{path.name} cannot be read: {error}") from None


def _write(path: Path, text: str) -> None:
    try:
        write_atomically(path, text, shared=True)
    except OSError as error:
        raise ReviewError(f"{path.name} cannot be written: {error.strerror or error}") from None


def _edit(path: Path, index: int, quote: str, change: Any) -> ReviewEdit:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    name = path.name
    text = _read(path)
    # What some editors write and the round trip does not is set aside, and written back: a
    # byte-order mark (Notepad), and a last line without its line end.
    marked = text.startswith(BOM)
    body = text.removeprefix(BOM)
    # The round trip writes \n alone: a brief whose every line ends in \r\n (saved on Windows)
    # is edited with \n and written back with \r\n. Mixed line ends could not be kept.
    windows = "\r\n" in body and "\n" not in body.replace("\r\n", "")
    plain = body.replace("\r\n", "\n") if windows else body
    unended = bool(plain) and not plain.endswith("\n")
    plain += "\n" if unended else ""
    try:
        _, indent, sequence_offset = load_yaml_guess_indent(plain)
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 1_000_000  # never fold a long line the analyst wrote on one
        yaml.indent(mapping=2, sequence=indent, offset=sequence_offset)
        document = yaml.load(plain)
    except YAMLError:
        raise ReviewError(f"{name} is not valid YAML now: fix it first (E)") from None
    except (ValueError, OverflowError):
        # The round trip builds dates and times: one that is no day (2024-02-30) cannot be.
        raise ReviewError(f"{name} holds a date that is no day: fix it first (E)") from None
    dumped = _dumped(yaml, document)
    if dumped != plain and "\r\n" in plain:
        raise ReviewError(
            f"{name} has lines ending as on Windows and others not, which could not be kept:"
            " edit it (E)"
        )
    if dumped != plain:
        raise ReviewError(
            f"{name} could not be changed here without {_first_change(plain, dumped)}: edit it (E)"
        )
    facts = document.get("key_facts") if isinstance(document, dict) else None
    if (
        not isinstance(facts, list)
        or not 0 <= index < len(facts)
        or not isinstance(facts[index], dict)
        or facts[index].get("quote") != quote
    ):
        raise ReviewError(f"{name} changed on disk since it was shown: look again")
    kept = [line for line in plain.splitlines() if line.lstrip().startswith("#")]
    change(facts)
    edited = _dumped(yaml, document)
    lines = edited.splitlines()
    if any(line not in lines for line in kept):
        raise ReviewError(f"{name} has a comment the edit would lose: edit it (E)")
    if unended:
        edited = edited.removesuffix("\n")
    if windows:
        edited = edited.replace("\n", "\r\n")
    if marked:
        edited = BOM + edited
    _write(path, edited)
    return ReviewEdit(path, text, edited)


def _remove_key(mapping: Any, key: str) -> None:
    """Take ``key`` out of a round-trip ``mapping``, keeping the comment lines after it."""
    keys = list(mapping)
    position = keys.index(key)
    if position > 0:
        _move_following_lines(mapping, key, mapping, to_key=keys[position - 1])
    del mapping[key]


def _move_following_lines(source: Any, key: str, target: Any, to_key: str | None = None) -> None:
    """Give the comment lines after ``source[key]`` (not its end-of-line comment, which goes
    with it) to ``to_key`` of ``target``, by default its last key."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slots = source.ca.items.get(key)
    token = slots[2] if slots and len(slots) > 2 else None
    if token is None or "\n" not in token.value:
        return
    following = token.value.split("\n", 1)[1]
    if not following.strip():
        return
    to_key = to_key if to_key is not None else list(target)[-1]
    target_slots = target.ca.items.setdefault(to_key, [None, None, None, None])
    existing = target_slots[2]
    if existing is None:
        target_slots[2] = CommentToken("\n" + following, CommentMark(0), None)
    else:
        existing.value = existing.value + following


def _dumped(yaml: Any, document: Any) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()
