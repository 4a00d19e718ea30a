"""The user's keys file: what it gives, and what it names as unusable, with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.special import (
    link_to_dev_zero,
    named_pipe,
    needs_dev_zero,
    needs_pipes,
    run_with_little_memory,
    without_waiting,
)
from tui.core.keymap import (
    FILE_NAME,
    MAX_FILE_BYTES,
    ActionNames,
    config_dir,
    read_keymap,
    told_at_start,
)

IDS = {"reader.bookmark", "list.next", "app.quit", "app.help"}


def keys_file(folder: Path, text: str | bytes) -> Path:
    path = folder / FILE_NAME
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_no_keys_and_no_problem(tmp_path: Path) -> None:
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {} and keymap.problems == ()


def test_an_action_gets_the_keys_the_file_gives_it(tmp_path: Path) -> None:
    keys_file(tmp_path, "# my keys\nreader.bookmark: m\nlist.next: 'down, n'\n")
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {"reader.bookmark": "m", "list.next": "down,n"}
    assert keymap.problems == ()


def test_what_cannot_be_used_is_named_by_line_and_the_rest_applies(tmp_path: Path) -> None:
    path = keys_file(
        tmp_path,
        "reader.bookmark: m\nreader.teleport: t\nlist.next: [j, n]\napp.quit: 'ctrl q'\n"
        # A character that cannot be seen (it turns the text after it around): no key to press.
        'app.help: "\\u202e"\n',
    )
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {"reader.bookmark": "m"}
    assert [(p.file, p.line, p.field, p.severity) for p in keymap.problems] == [
        (str(path), 2, "reader.teleport", "warning"),
        (str(path), 3, "list.next", "warning"),
        (str(path), 4, "app.quit", "warning"),
        (str(path), 5, "app.help", "warning"),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("reader.bookmark: 5", 'put the keys in quotes, such as  reader.bookmark: "5"'),
        # Quoted, these were told that no key is named so: said at once, with the key meant.
        ("reader.bookmark: yes", "no key is named 'yes'; for the y key write  reader.bookmark: y"),
        ("reader.bookmark: No", "no key is named 'No'; for the n key write  reader.bookmark: n"),
        (
            "reader.bookmark: 1.5  # one",
            "no key is named '1.5'; keys are named such as ctrl+k, f5, pageup",
        ),
        ("reader.bookmark: on", "no key is named 'on'; keys are named such as ctrl+k, f5, pageup"),
        ("reader.bookmark: 10", "no key is named '10'; keys are named such as ctrl+k, f5, pageup"),
        (
            "reader.bookmark: 2024-03-01",
            "no key is named '2024-03-01'; keys are named such as ctrl+k, f5, pageup",
        ),
        ('reader.bookmark: " "', "the space bar is written space, such as  reader.bookmark: space"),
        (
            'reader.bookmark: "m, "',
            "the space bar is written space, such as  reader.bookmark: space",
        ),
        ("reader.bookmark: [m, n]", "give the keys as text, comma-separated, such as  ctrl+b,m"),
    ],
)
def test_keys_that_are_not_text_say_how_to_write_them(
    tmp_path: Path, line: str, message: str
) -> None:
    # A number, and a space, which is text, were both told to give the keys as text.
    keys_file(tmp_path, f"app.quit: q\n{line}\n")
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {"app.quit": "q"}
    assert [(p.line, p.field, p.message) for p in keymap.problems] == [
        (2, "reader.bookmark", message)
    ]


def test_yes_or_no_is_told_the_key_meant_only_where_it_is_free(tmp_path: Path) -> None:
    # "reader.read: no" was to be n, which is the note's, and another line gives y.
    keys_file(tmp_path, "reader.read: no\nreader.mark: yes\nlist.next: y\n")
    names = {"reader.note": ActionNames("n", "Note")} | {
        action_id: ActionNames("", "") for action_id in ("reader.read", "reader.mark", "list.next")
    }
    keymap = read_keymap(tmp_path, names)
    assert [problem.message for problem in keymap.problems] == [
        f"no key is named {written!r}; keys are named such as ctrl+k, f5, pageup"
        for written in ("no", "yes")
    ]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("reader.bookmark: [m\n", id="not YAML"),
        pytest.param("- reader.bookmark\n", id="a list"),
        pytest.param(b"reader.bookmark: \xff\n", id="not UTF-8"),
        pytest.param("#" * (MAX_FILE_BYTES + 1), id="too large"),
    ],
)
def test_a_file_that_cannot_be_read_gives_no_keys_and_says_so(
    tmp_path: Path, content: str | bytes
) -> None:
    path = keys_file(tmp_path, content)
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {}
    assert len(keymap.problems) == 1 and keymap.problems[0].file == str(path)


WHAT_TO_DO = (
    "or remove it (meanwhile every key keeps its default); briefing keys lists the action ids"
)


@pytest.mark.parametrize(
    ("content", "fix"),
    [
        pytest.param(
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            "write it again with lines such as  reader.bookmark: m",
            id="binary",
        ),
        pytest.param("reader.bookmark: m\n".encode("utf-16"), "save it as UTF-8", id="UTF-16"),
        pytest.param(b"reader.bookmark: \xe9\n", "save it as UTF-8", id="not UTF-8"),
        pytest.param("- reader.bookmark\n", "fix it", id="not a mapping"),
    ],
)
def test_a_file_none_of_which_can_be_read_is_named_with_what_to_do(
    tmp_path: Path, content: bytes | str, fix: str
) -> None:
    # "Is not UTF-8 text; not read" said what was wrong, and nothing of what to do.
    path = keys_file(tmp_path, content)
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {}
    told = told_at_start(keymap)
    assert told.startswith(f"{path}:")
    assert told.endswith(f"; {fix}, {WHAT_TO_DO}")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('[keys]\nreader.bookmark = "m"\n', id="another format"),
        pytest.param("{{{{ reader.bookmark\n", id="one line YAML cannot read"),
    ],
)
def test_a_file_not_yaml_is_told_as_giving_no_key_with_what_to_do(
    tmp_path: Path, text: str
) -> None:
    # "The rest applies", of a file nothing of which applied.
    path = keys_file(tmp_path, text)
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {}
    told = told_at_start(keymap).splitlines()
    assert told[0].startswith(f"{path}: ")
    assert told[0].endswith(
        "cannot be used, and no key of it applies: fix the file or remove it (briefing keys lists"
        " the action ids):"
    )
    assert told[1].startswith("line 1: ")
    assert told[1].endswith("such as  reader.bookmark: m")


def test_the_folder_is_the_variable_s_when_it_is_set(tmp_path: Path) -> None:
    assert config_dir({"BRIEFING_CONFIG_DIR": str(tmp_path)}) == tmp_path
    assert config_dir({}).name == "briefing"


def test_a_line_yaml_cannot_read_is_named_and_the_other_lines_apply(tmp_path: Path) -> None:
    # An unquoted ? made the whole file unreadable: no line of it applied.
    keys_file(tmp_path, "reader.bookmark: m\napp.help: ?\nlist.next: down,j\n")
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {"reader.bookmark": "m", "list.next": "down,j"}
    (problem,) = keymap.problems
    assert problem.line == 2 and "app.help: '?'" in problem.message


def test_an_id_given_twice_applies_its_first_line(tmp_path: Path) -> None:
    keys_file(tmp_path, "reader.bookmark: m\nlist.next: down,j\nreader.bookmark: w\n")
    keymap = read_keymap(tmp_path, IDS)
    assert dict(keymap.keys) == {"reader.bookmark": "m", "list.next": "down,j"}
    (problem,) = keymap.problems
    assert (problem.line, problem.field) == (3, "reader.bookmark")
    assert "given on line 1 already" in problem.message


def test_what_cannot_be_used_is_told_in_the_order_of_the_file(tmp_path: Path) -> None:
    # The second line, given an id again, was told of before the first line's number.
    keys_file(tmp_path, "reader.bookmark: 5\nreader.bookmark: 6\n")
    keymap = read_keymap(tmp_path, IDS)
    assert [problem.line for problem in keymap.problems] == [1, 2]


@needs_pipes
def test_a_named_pipe_for_a_keys_file_is_refused_without_waiting(tmp_path: Path) -> None:
    # Opening it waited for a writer: the reader never started, nor did `briefing keys` end.
    pipe = named_pipe(tmp_path / FILE_NAME)
    keymap = without_waiting(lambda: read_keymap(tmp_path, IDS))
    assert dict(keymap.keys) == {}
    (problem,) = keymap.problems
    assert problem.file == str(pipe) and "not a regular file" in problem.message


@needs_dev_zero
def test_a_keys_file_linked_to_a_device_is_refused_unread(tmp_path: Path) -> None:
    # Its size is 0, so the size checked did not stop it: reading it took all the memory.
    link = link_to_dev_zero(tmp_path / FILE_NAME)
    script = (
        "import sys; from pathlib import Path; from tui.core.keymap import read_keymap\n"
        "print(*read_keymap(Path(sys.argv[1]), {'app.quit'}).problems, sep='\\n')\n"
    )
    (said,) = run_with_little_memory(script, tmp_path).splitlines()
    assert said.startswith(f"{link}: ") and "not a regular file" in said


def test_an_id_written_with_a_slip_is_told_the_id_meant(tmp_path: Path) -> None:
    # "no action has this id" alone left the user to find the slip in a list of forty ids.
    keys_file(tmp_path, "reader.bookmrk: m\nreader.teleport: t\n")
    slipped, unknown = read_keymap(tmp_path, IDS).problems
    assert (slipped.message, slipped.advice) == (
        "no action has this id",
        "did you mean reader.bookmark?",
    )
    assert (unknown.message, unknown.advice) == (
        "no action has this id",
        "briefing keys lists them",
    )


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        # The part's prefix alone made "reader.quit" look like "reader.edit".
        ("reader.quit", "did you mean app.quit?"),
        ("reader.help", "did you mean app.help?"),
        ("reader.eddit", "did you mean reader.edit?"),
        ("reader.undo", "briefing keys lists them"),
    ],
)
def test_an_id_of_the_wrong_part_is_told_the_part_that_has_it(
    tmp_path: Path, written: str, advice: str
) -> None:
    keys_file(tmp_path, f"{written}: q\n")
    (problem,) = read_keymap(tmp_path, {*IDS, "reader.edit", "reader.export"}).problems
    assert problem.advice == advice


_KNOWN_BY = {
    "reader.mark": ActionNames("space", "Mark"),
    "reader.unmark_all": ActionNames("M", "Unmark all"),
    "reader.mark_shown": ActionNames("A", "Mark all shown"),
    "list.next": ActionNames("down,j", "Next article"),
    "list.page_down": ActionNames("pagedown", "Page down"),
    "original.down": ActionNames("down,j", "Scroll down"),
    "reader.undo_review": ActionNames("ctrl+z", "Undo"),
}


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        # Told reader.unmark_all: close in letters, and the opposite of what was meant.
        ("reader.mark_all", "did you mean reader.mark_shown?"),
        # Told original.down, the one action named so, of another pane.
        ("list.down", "did you mean list.next?"),
        ("reader.undo", "did you mean reader.undo_review?"),
        ("reader.unmark_al", "did you mean reader.unmark_all?"),
    ],
)
def test_an_id_is_told_the_action_its_name_calls_by_its_keys_or_words(
    tmp_path: Path, written: str, advice: str
) -> None:
    keys_file(tmp_path, f"{written}: q\n")
    (problem,) = read_keymap(tmp_path, _KNOWN_BY).problems
    assert problem.advice == advice


def test_an_id_is_not_told_the_action_that_undoes_what_it_names(tmp_path: Path) -> None:
    keys_file(tmp_path, "reader.mark_all: q\n")
    (problem,) = read_keymap(tmp_path, {"reader.unmark_all", "reader.mark"}).problems
    assert problem.advice == "briefing keys lists them"


def test_the_reader_tells_a_few_problems_by_line_and_how_many_more(tmp_path: Path) -> None:
    # One notice each: the first were pushed out of the screen before they could be read.
    path = keys_file(tmp_path, "".join(f"reader.fly{number}: q\n" for number in range(1, 6)))
    told = told_at_start(read_keymap(tmp_path, IDS)).splitlines()
    assert told[0] == (
        f"{path}: 5 things cannot be used, and no key of it applies: fix the file or remove it"
        " (briefing keys lists the action ids):"
    )
    assert [line.partition(":")[0] for line in told[1:4]] == ["line 1", "line 2", "line 3"]
    assert told[1].startswith("line 1: reader.fly1: no action has this id")
    assert told[4:] == ["and 2 more: briefing keys names them all"]


def test_the_reader_tells_a_single_problem_as_the_command_line_does(tmp_path: Path) -> None:
    path = keys_file(tmp_path, "reader.bookmark: m\nreader.fly: q\n")
    keymap = read_keymap(tmp_path, IDS)
    assert told_at_start(keymap) == str(keymap.problems[0])
    assert told_at_start(keymap).startswith(f"{path}:2: reader.fly: warning: no action has")
