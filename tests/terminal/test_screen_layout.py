"""The first screen in a real terminal: every title readable, the key facts in view, and a layout
the user changes (list size, a pane maximised) kept for the next start.

What is expected is read from the brief files with plain YAML; what is seen is read off the
screen tmux captured.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.kit.terminal import Terminal, english_title, read_briefs, requires_tmux, start

pytestmark = [requires_tmux, pytest.mark.tmux]

_FACT_NUMBER = re.compile(r"^ *(\d+)\. ")


def boxes(screen: str) -> list[list[str]]:
    """The text inside each pane's border, as the lines between its top and bottom border, in
    the order the boxes start: top to bottom, then left to right."""
    done: list[tuple[int, int, list[str]]] = []
    open_boxes: dict[int, tuple[int, list[str]]] = {}
    for number, line in enumerate(screen.splitlines()):
        for match in re.finditer(r"╭[^╮]*╮", line):
            open_boxes[match.start()] = (number, [])
        for match in re.finditer(r"│([^│]*)│", line):
            if match.start() in open_boxes:
                open_boxes[match.start()][1].append(match[1])
        for match in re.finditer(r"╰[^╯]*╯", line):
            if match.start() in open_boxes:
                top, lines = open_boxes.pop(match.start())
                done.append((top, match.start(), lines))
    return [lines for _, _, lines in sorted(done)]


def squashed(text: str) -> str:
    return " ".join(text.split())


def list_text(screen: str) -> str:
    """Everything the article list shows, its lines joined: the first box on screen."""
    return squashed(" ".join(boxes(screen)[0]))


def brief_box(screen: str, brief: dict[str, Any]) -> list[str]:
    """The lines of the box that shows ``brief``'s facts."""
    heading = f"Key facts ({len(brief['key_facts'])})"
    shown = [box for box in boxes(screen) if any(heading in line for line in box)]
    return shown[0] if shown else []


def whole_facts(lines: list[str], brief: dict[str, Any]) -> int:
    """How many of ``brief``'s facts are shown whole, from the first: a fact is whole when the
    line after its last one (the next fact, or the summary's heading) is on screen too."""
    numbers = [int(m[1]) for line in lines if (m := _FACT_NUMBER.match(line))]
    count = len(brief["key_facts"])
    assert numbers and numbers[0] == 1, lines
    whole = [n for n in numbers if n + 1 in numbers]
    if count in numbers and any(line.strip() == "Summary" for line in lines):
        whole.append(count)
    # Each fact shown starts with its own words, as the brief file has them.
    for line in lines:
        if (m := _FACT_NUMBER.match(line)) and int(m[1]) <= count:
            words = brief["key_facts"][int(m[1]) - 1]["fact"].split()[:2]
            assert squashed(line[m.end() :]).startswith(" ".join(words)), line
    return len(whole)


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    made: list[Terminal] = []
    yield made
    for terminal in made:
        terminal.close()


_KEYS_AT_80 = ("/ Filter", "b B Bookmarks", "space Mark", "e Export", "a Add", "? Help q Quit")


@pytest.mark.parametrize(
    ("size", "title_chars", "facts", "keys"),
    [
        ((120, 40), 45, 5, (*_KEYS_AT_80, "f Facets", "n Note", "t Tags", "^p palette")),
        ((80, 24), 25, 2, (*_KEYS_AT_80, "a Add … ? Help")),
    ],
    ids=["120x40", "80x24"],
)
def test_every_title_is_readable_and_the_facts_are_in_view(
    terminals: list[Terminal],
    corpus_dir: Path,
    tmp_path: Path,
    size: tuple[int, int],
    title_chars: int,
    facts: int,
    keys: tuple[str, ...],
) -> None:
    briefs = read_briefs(corpus_dir)
    terminal = Terminal(*size)
    terminals.append(terminal)
    start(terminal, corpus_dir, tmp_path)
    first = briefs[0]
    screen = terminal.wait_for(
        lambda s: f"Key facts ({len(first['key_facts'])})" in s, "the first brief's facts"
    )
    footer = screen.splitlines()[-1]
    assert all(key in footer for key in keys), footer
    # The list may be too short for every row at once: walk it, reading the titles as they come.
    seen = list_text(screen)
    for brief in briefs[1:]:
        terminal.keys("j")
        heading = f"Key facts ({len(brief['key_facts'])})"
        screen = terminal.wait_for(
            lambda s, b=brief, h=heading: h in s and squashed(b["title"])[:20] in squashed(s),
            f"the brief of {brief['id']}",
        )
        seen += " " + list_text(screen)
    for brief in briefs:
        assert squashed(english_title(brief))[:title_chars] in seen, (brief["id"], seen)
    # Articles in another language are listed under their English title; the original title
    # heads their brief.
    spanish = [b for b in briefs if b["language"] == "es"]
    assert spanish and all(squashed(b["title"])[:20] not in seen for b in spanish)
    assert "undated" in seen

    terminal.keys("g")
    screen = terminal.wait_for(
        lambda s: squashed(first["title"])[:20] in squashed(" ".join(brief_box(s, first))),
        "the first brief again",
    )
    assert whole_facts(brief_box(screen, first), first) >= facts


def box_width(screen: str) -> int:
    """The width of the first pane's top border, corners included."""
    top = next(line for line in screen.splitlines() if line.startswith("╭"))
    return top.index("╮") + 1


def test_the_list_size_and_a_maximised_pane_are_kept_for_the_next_start(
    terminals: list[Terminal], corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = read_briefs(corpus_dir)
    heading = f"Key facts ({len(briefs[0]['key_facts'])})"
    terminal = Terminal(120, 40)
    terminals.append(terminal)
    start(terminal, corpus_dir, tmp_path)
    before = box_width(terminal.wait_for_text(heading))
    # Each step is read off the screen before the next key, so no step can be skipped.
    terminal.keys("]")
    one_step = box_width(terminal.wait_for(lambda s: box_width(s) > before, "a wider list"))
    terminal.keys("]")
    wider = box_width(terminal.wait_for(lambda s: box_width(s) > one_step, "a wider list still"))
    terminal.keys("[")
    terminal.wait_for(lambda s: box_width(s) == one_step, "the list a step narrower")
    # The facts fill the screen; the list is gone until Esc brings it back.
    terminal.keys("Tab", "z")
    terminal.wait_for(lambda s: "Articles" not in s and heading in s, "the facts maximised")
    terminal.keys("q")
    terminal.wait_for(lambda _: terminal.exited(), "the app to quit")

    again = Terminal(120, 40)
    terminals.append(again)
    start(again, corpus_dir, tmp_path)
    again.wait_for(lambda s: "Articles" not in s and heading in s, "the facts maximised again")
    again.keys("Escape")
    screen = again.wait_for(lambda s: "Articles" in s, "the list back")
    assert box_width(screen) == one_step < wider


_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def backgrounds(styled_line: str) -> list[str]:
    """The background of each character of a screen line captured with its escape sequences, as
    the parameters that set it ("" for the terminal's own)."""
    found: list[str] = []
    background = ""
    at = 0
    for match in _SGR.finditer(styled_line + "\x1b[m"):
        found += [background] * len(styled_line[at : match.start()])
        params = match[1].split(";") if match[1] else ["0"]
        index = 0
        while index < len(params):
            code = params[index]
            if code in ("0", "49"):
                background = ""
            elif code == "48":
                width = 3 if params[index + 1] == "5" else 5
                background = ";".join(params[index : index + width])
                index += width - 1
            elif code == "38":
                index += 2 if params[index + 1] == "5" else 4
            index += 1
        at = match.end()
    return found


def test_the_cursor_leaves_the_row_it_was_on_whatever_its_height(
    terminals: list[Terminal], corpus_dir: Path, tmp_path: Path
) -> None:
    # At 120 columns a row takes two lines; moving up from a row redrew only one of them, and
    # the row left kept the cursor's colour (seen on a brief kept in the list for the cursor).
    terminal = Terminal(120, 40)
    terminals.append(terminal)
    start(terminal, corpus_dir, tmp_path)
    terminal.wait_for_text("5 briefs")
    terminal.keys("/")
    terminal.wait_for_text("Filter: words to find")
    terminal.type("-is:bookmarked")
    terminal.keys("Enter")
    terminal.wait_for_text("space Mark")  # the key line of the list: the filter is left
    terminal.keys("j", "b")
    terminal.wait_for_text("1 bookmarked")
    terminal.keys("k")

    def cursor_lines(_: str) -> bool:
        lines = [
            line for line in terminal.styled_screen().splitlines() if _SGR.sub("", line)[:1] == "│"
        ]
        # The background just inside the list's border, line by line: the first row's two
        # lines have the cursor's; the second row's, that of the rows after it.
        inside = [backgrounds(line)[1] for line in lines]
        cursor, plain = inside[0], inside[5]
        return inside[:2] == [cursor] * 2 and inside[2:4] == [plain] * 2 and cursor != plain

    terminal.wait_for(cursor_lines, "the cursor on the first row alone")
