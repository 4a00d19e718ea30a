"""Reading YAML safely: plain data only, bounded in size and depth, every value's line known."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from tui.core.loader import FACT_FIELDS
from tui.core.yamlread import MAX_DEPTH, YamlProblem, read_document


def problem_of(text: str) -> YamlProblem:
    """The problem of ``text`` read as a brief is (its lists' items are facts)."""
    with pytest.raises(YamlProblem) as caught:
        read_document(text, FACT_FIELDS)
    return caught.value


def test_plain_data_is_read_with_the_line_of_every_field() -> None:
    text = "id: x\ntitle: T\nkey_facts:\n  - fact: F\n    quote: Q\n  - fact: G\n    quote: R\n"
    document = read_document(text)
    assert document.value == {
        "id": "x",
        "title": "T",
        "key_facts": [{"fact": "F", "quote": "Q"}, {"fact": "G", "quote": "R"}],
    }
    assert document.line("title") == 2
    assert document.line("key_facts[1].quote") == 7
    # A field that is not there is placed at its nearest enclosing one.
    assert document.line("key_facts[1].kind") == 6


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["echo ran > {marker}"]',
        '!!python/object/new:os.system ["echo ran > {marker}"]',
        "!!python/name:os.system",
        '!!python/object/apply:subprocess.check_output [["touch", "{marker}"]]',
    ],
)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    problem = problem_of(f"id: x\ntitle: {tag.format(marker=marker)}\n")
    assert "is not allowed" in problem.message
    assert problem.line == 2 and problem.path == "title"
    assert not marker.exists()


@pytest.mark.parametrize("text", ["a: !!binary aGVsbG8=", "a: !!set {x}", "a: !custom x"])
def test_other_tags_are_refused(text: str) -> None:
    assert "is not allowed" in problem_of(text).message


def test_merge_keys_and_repeated_keys_are_refused() -> None:
    assert "merge keys" in problem_of("base: &b {a: 1}\nother:\n  <<: *b\n").message
    repeated = problem_of("id: x\ntitle: A\ntitle: B\n")
    assert (repeated.line, repeated.path) == (3, "title")


def test_keys_must_be_plain_text() -> None:
    assert "key must be plain text" in problem_of("? [a, b]\n: c\n").message


def billion_laughs(levels: int = 10) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_stops_early_in_bounded_memory() -> None:
    # Fully expanded this would be 9**10, some 3.5 billion strings.
    tracemalloc.start()
    try:
        problem = problem_of(billion_laughs())
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert "aliases expanded" in problem.message
    assert peak < 64 * 1024 * 1024


def test_aliases_within_reason_are_expanded() -> None:
    document = read_document("a: &x [one, two]\nb: *x\n")
    assert document.value == {"a": ["one", "two"], "b": ["one", "two"]}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[" * 100_000, 1),  # unclosed flow sequences
        ("a: " + "[" * 100_000 + "]" * 100_000, 1),  # closed ones
        ("{a: " * 100_000, 1),  # flow mappings
        ("- " * 100_000 + "x", 1),  # block sequences, all on one line
        ("id: x\ntitle: ok\nplaces: " + "[" * 5_000 + "]" * 5_000 + "\n", 3),  # further down
    ],
    ids=["unclosed-flow", "closed-flow", "flow-mappings", "block-sequences", "on-line-3"],
)
def test_deep_nesting_is_a_problem_not_a_crash(text: str, line: int) -> None:
    # libyaml's composer recurses in C: too deep a document kills the process outright, so the
    # check runs in a process of its own and must come back with a problem.
    script = (
        "import sys\n"
        "from tui.core.yamlread import MAX_DEPTH, YamlProblem, read_document\n"
        "try:\n"
        "    read_document(sys.stdin.read())\n"
        "except YamlProblem as problem:\n"
        "    print(problem.line, problem.message)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], input=text, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # The project's own limit and wording, on the line where the nesting goes too deep, whatever
    # limit the installed libyaml has of its own.
    assert result.stdout == f"{line} values nest more than {MAX_DEPTH} levels deep\n"


def test_documents_near_the_limits_are_safe_on_a_thread_with_a_small_stack() -> None:
    # The app may load a corpus on a worker thread, whose stack can be far smaller than the
    # main thread's. Every shape, from just under the point where nesting is measured to far
    # beyond it, must come back as data or a problem.
    script = (
        "import threading\n"
        "from tui.core.yamlread import MAX_DEPTH, YamlProblem, read_document\n"
        "shapes = []\n"
        "for n in (60, 64, 65, 166, 167, 249, 250, 400, 1_000, 5_000, 50_000):\n"
        "    shapes += ['- ' * n + 'x', '[' * n + ']' * n, '{a: ' * n + '}' * n,\n"
        "               ''.join(' ' * i + 'k:\\n' for i in range(min(n, 3_000)))]\n"
        "outcomes = []\n"
        "def load():\n"
        "    for text in shapes:\n"
        "        try:\n"
        "            read_document(text)\n"
        "            outcomes.append('data')\n"
        "        except YamlProblem:\n"
        "            outcomes.append('problem')\n"
        "threading.stack_size(256 * 1024)\n"
        "worker = threading.Thread(target=load)\n"
        "worker.start()\n"
        "worker.join()\n"
        "print(len(outcomes), len(shapes))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    done, total = result.stdout.split()
    assert done == total


def test_nesting_a_brief_needs_is_fine() -> None:
    assert read_document("a:\n  b:\n    - c: [d, {e: f}]\n").value == {
        "a": {"b": [{"c": ["d", {"e": "f"}]}]}
    }


def test_a_control_character_is_reported_on_its_line() -> None:
    problem = problem_of("id: x\ntitle: ok\nsummary: a \x1b[2J b\n")
    assert problem.line == 3
    assert "U+001B" in problem.message and "\n" not in problem.message


def test_a_date_that_names_no_day_is_left_as_text_for_the_field_check() -> None:
    assert read_document("published: 2025-02-30\n").value == {"published": "2025-02-30"}


def test_a_huge_number_is_a_short_problem() -> None:
    problem = problem_of("a: " + "9" * 100_000 + "\n")
    assert "cannot read value" in problem.message
    assert len(problem.message) < 200


def test_an_unclosed_quote_is_reported_where_it_opens_not_where_the_file_ends() -> None:
    problem = problem_of("id: x\ntitle: 'unclosed\nlanguage: en\nsource: a.txt\n")
    assert problem.line == 2
    assert problem.message.startswith("YAML syntax error: the quoted text that starts on this line")
    assert "on line 5" in problem.message  # where the parser gave up, for the curious


@pytest.mark.parametrize(
    ("text", "line", "gave_up_on"),
    [
        ('id: x\ntitle: "Mexicali exports\nsummary: "A summary"\nlanguage: en\n', 2, 3),
        ("id: x\ntitle: 'it''s open\nsummary: 'A summary'\n", 2, 3),
        ('id: x\ntitle: "He said \\"hi\\"\nsummary: "A summary"\n', 2, 3),
        ('key_facts:\n  - fact: "Exports grew\n    quote: "Las exportaciones"\n', 2, 3),
        ('places:\n  - "Tijuana\n  - "Mexicali"\n', 2, 3),
        # Far above the next quote: a title left open over a long summary of plain lines.
        ('id: x\ntitle: "Mexico, US\nsummary: >\n' + "  Plain.\n" * 40 + 'fact: "Up"\n', 2, 44),
    ],
)
def test_a_quote_closed_only_by_the_next_values_quote_is_reported_where_it_opens(
    text: str, line: int, gave_up_on: int
) -> None:
    problem = problem_of(text)
    assert problem.line == line
    assert problem.message.startswith("YAML syntax error: the quoted text that starts on this line")
    assert f"on line {gave_up_on})" in problem.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('id: x\ntitle: "Mexicali\n  exports"\nsummary: x: y\n', 4),
        # A line of a block of text that looks like a quote opening.
        ('id: x\nsummary: >\n  "Exports grew 8%,\n  the council said.\ntitle: Mexicali: up\n', 5),
        ('id: x\nsource: "C:\\\\briefs\\\\"\ntitle: "A" b\n', 3),  # ends in an escaped \\
        ('id: x\ntitle: "Mexicali\n  exports" x\n', 3),  # closed, with more after it
        ('"id": x\ntitle: "A" b\n', 2),  # a quoted key where the mapping starts
    ],
)
def test_a_quote_closed_where_it_should_be_is_not_blamed_for_an_error_below_it(
    text: str, line: int
) -> None:
    problem = problem_of(text)
    assert problem.line == line
    assert "not closed" not in problem.message


@pytest.mark.parametrize(
    ("text", "line", "opened"),
    [
        ("id: x\ntags: [a, b\nlanguage: en\n", 2, "the [ list"),
        ("id: x\nmeta: {a: 1\nlanguage: en\n", 2, "the { mapping"),
    ],
)
def test_an_unclosed_bracket_is_reported_where_it_opens(text: str, line: int, opened: str) -> None:
    problem = problem_of(text)
    assert problem.line == line
    assert problem.message.startswith(f"YAML syntax error: {opened} that starts on this line")


def test_a_misplaced_line_is_reported_on_that_line() -> None:
    problem = problem_of("id: x\ntitle: a\n  language: en\nsource: a.txt\n")
    assert problem.line == 3
    assert problem.message.startswith("YAML syntax error: ")


@pytest.mark.parametrize("text", ["a: 1\n---\nb: 2\n", "a: 1\n...\n---\nb: 2\n"])
def test_more_than_one_document_is_an_error_on_the_line_of_the_second(text: str) -> None:
    problem = problem_of(text)
    assert "a second YAML document starts here" in problem.message
    assert text.splitlines()[problem.line - 1] == "---"


def test_an_alias_to_nothing_is_no_second_document() -> None:
    assert "second YAML document" not in problem_of("a: &x 1\nb: *y\n").message


@pytest.mark.parametrize(
    ("text", "line", "field", "advice"),
    [
        (
            "id: x\ntitle: Mexico: the plan\nlanguage: en\n",
            2,
            "title",
            """quote it: title: "Mexico: the plan\"""",
        ),
        (
            "id: x\nkey_facts:\n  - fact: Exports: up 5%\n    quote: a\n",
            3,
            "fact",
            """quote it: fact: "Exports: up 5%\"""",
        ),
        ("id: x\nkey_facts:\n\t- fact: a\n", 3, "", "indented with a tab; indent with spaces"),
        (
            'id: x\nkey_facts:\n  - fact: Sales rose.\n    quote: ""Sales rose", he said."\n',
            4,
            "quote",
            'a " inside a value in double quotes ends the value; write it \\"',
        ),
        (
            'id: x\ntitle: "The "nearshoring" boom"\nlanguage: en\n',
            2,
            "title",
            "(or put the value in single quotes)",
        ),
        (
            'id: x\ntitle: "GM and Ternium" deepen Coahuila ties\nlanguage: en\n',
            2,
            "title",
            "put the whole value in quotes: title: '\"GM and Ternium\" deepen Coahuila ties'",
        ),
        (
            "id: x\nkey_facts:\n  - fact: 'Made in Mexico' labels doubled\n",
            3,
            "fact",
            "put the whole value in quotes: fact: \"'Made in Mexico' labels doubled\"",
        ),
        (
            "id: x\ntitle: 'Mexico's nearshoring boom'\n",
            2,
            "title",
            "a ' inside a value in single quotes ends the value; write it '' (or put the value in"
            ' double quotes): title: "Mexico\'s nearshoring boom"',
        ),
    ],
    ids=[
        "a-colon-in-a-title",
        "a-colon-in-a-fact",
        "a-tab",
        "a-speakers-quote-in-a-quote",
        "quotation-marks-in-a-title",
        "a-title-opening-with-a-quoted-name",
        "a-fact-opening-with-a-single-quoted-name",
        "an-apostrophe-in-single-quotes",
    ],
)
def test_a_common_slip_is_named_with_its_field_and_fix(
    text: str, line: int, field: str, advice: str
) -> None:
    # Only the parser's words were given: no field, and nothing said what to change.
    problem = problem_of(text)
    assert (problem.line, problem.path) == (line, field)
    assert problem.message.startswith("YAML syntax error: ") and advice in problem.message


FACT = "id: x\nkey_facts:\n  - fact: F\n"


@pytest.mark.parametrize(
    "text",
    [
        FACT + "    quote: a\nsummary: S\n  - fact: G\n    quote: b\n",
        # Indented by mistake after the facts: it was told to join the last one.
        FACT + "    quote: a\n  summary: S\n",
        FACT + "    quote: a\n   people: [Ana Ruiz]\n",
    ],
)
def test_a_brief_field_among_facts_is_not_told_to_join_a_fact(text: str) -> None:
    # No fact has a summary: the list going on below it is as likely what is out of place.
    problem = problem_of(text)
    assert "indent it" not in problem.message and "list item" not in problem.message


def test_a_wrapped_value_starting_with_a_sign_is_not_told_to_be_a_list_item() -> None:
    # "-5% in 2024" was told that a list item's - needs a space after it.
    problem = problem_of("id: x\nsummary: Exports fell\n  -5% in 2024: a record\ntitle: T\n")
    assert "list item" not in problem.message


@pytest.mark.parametrize(
    ("text", "line", "advice"),
    [
        (
            FACT + "    quote: a\n     kind: figure\n",
            5,
            "this line is indented 5 spaces, past quote: on the line above, whose value is on"
            " that line; indent it 4, in line with quote:",
        ),
        (
            FACT + "  quote: a\n",
            4,
            "this line is in line with the - above, which starts a list item; to belong to that"
            " item, indent it 4, in line with fact:",
        ),
        (
            "id: x\nkey_facts:\n  -fact: F\n    quote: a\n",
            3,
            "a list item's - needs a space after it: - fact: F",
        ),
        (
            FACT + "    quote: a\n    kind figure\n",
            5,
            "if kind is a field, it needs ': ' after it, as quote has: kind: figure; if the line"
            " goes on with the value above, indent it past quote:",
        ),
        (
            "id: x\ntitle_en:Test\nsummary: S\n",
            2,
            "title_en: needs a space after it, as id: has: title_en: Test",
        ),
        # A key moved to the start of its line inside a fact: the line below it was told to
        # follow it out, which YAML then could not read either.
        (
            FACT + "quote: a\n    kind: figure\n",
            4,
            "quote: is indented 0 spaces, out of the block it is in; indent it 4, in line with"
            " fact: above and the line below",
        ),
        # The words of a value holding ": ", wrapped onto a line of their own: not a field.
        (
            "id: x\nsummary: The plan says that the\n  minister said: it will grow\n",
            2,
            "the value of summary: holds ': ' on a line below, which YAML reads as a new field;"
            ' put the whole value in double quotes: summary: "\u2026"',
        ),
        # A fact's field moved left of its item's fields, with facts after it: only the
        # parser's words were given, and when moved to the start of the line, on the line below.
        (
            FACT + "    quote: a\n  kind: figure\n  - fact: G\n    kind: figure\n",
            5,
            "this line is in line with the - on line 3, which starts a list item; to belong to"
            " that item, indent it 4, in line with quote:",
        ),
        (
            FACT + "    quote: a\n   kind: figure\n  - fact: G\n    kind: figure\n",
            5,
            "this line is indented 3 spaces, between the - on line 3, which starts a list item,"
            " and that item's fields; indent it 4, in line with quote:",
        ),
        (
            FACT + "    quote: a\nkind: figure\n  - fact: G\n    kind: figure\n",
            5,
            "kind: is indented 0 spaces, out of the list item it is in, which the list below goes"
            " on after; indent it 4, in line with quote: above",
        ),
    ],
    ids=[
        "one-space-too-far",
        "at-the-dash",
        "no-space-after-the-dash",
        "no-colon",
        "no-space-after-the-colon",
        "a-key-moved-out-of-its-block",
        "a-colon-in-wrapped-words",
        "a-field-at-its-items-dash",
        "a-field-short-of-its-items-fields",
        "a-field-out-of-its-list",
    ],
)
def test_a_slip_in_laying_out_a_block_is_named_on_its_line_with_its_fix(
    text: str, line: int, advice: str
) -> None:
    # Only the parser's words were given, and not always on the line to fix.
    problem = problem_of(text)
    assert problem.line == line
    assert problem.message.startswith(f"YAML syntax error: {advice} (")


@pytest.mark.parametrize(
    ("text", "line", "field", "fixed"),
    [
        (
            FACT + '    quote: a\n  - fact "The CCE\'s action plan covers 2023-2024."\n'
            '    quote: "The action plan"\n    kind: figure\n',
            5,
            "fact",
            "fact: \"The CCE's action plan covers 202\u2026",
        ),
        (
            'id: x\nkey_facts:\n  - fact "Las exportaciones de Nuevo León crecieron."\n'
            '    quote: "Según el consejo"\n',
            3,
            "fact",
            'fact: "Las exportaciones de Nuevo León \u2026',
        ),
        (
            'id: x\nkey_facts:\n  - quote "Según el consejo"\n    fact: F\n',
            3,
            "quote",
            'quote: "Según el consejo"',
        ),
        ('title "Mexicali Council"\nid: x\n', 1, "title", 'title: "Mexicali Council"'),
        (
            'id: x\nplaces:\n  - Mexicali\ntitle "Exportaciones crecen"\nlanguage: es\n',
            4,
            "title",
            'title: "Exportaciones crecen"',
        ),
        (
            "id: x\nsummary >-\n  The council met.\n  It grew.\nlanguage: en\n",
            2,
            "summary",
            "summary: >-",
        ),
        ("id: x\nsummary |\n  The council met.\nlanguage: en\n", 2, "summary", "summary: |"),
        ("id: x\nplaces\n  - Mexicali\nlanguage: en\n", 2, "places", "places:"),
    ],
    ids=[
        "a-facts-first-field",
        "a-facts-first-field-in-spanish",
        "another-field-first-in-a-fact",
        "the-first-field",
        "a-field-after-a-list",
        "a-field-opening-a-block-of-text",
        "a-field-opening-a-literal-block",
        "a-field-opening-a-list",
    ],
)
def test_a_field_written_without_its_colon_is_told_on_its_line_with_the_colon_to_add(
    text: str, line: int, field: str, fixed: str
) -> None:
    # YAML read the line as words going on below it, and the error named the next field's line
    # with only the parser's words.
    problem = problem_of(text)
    assert (problem.line, problem.path) == (line, field)
    advice = f"the field name {field} has no ': ' after it; put one there: {fixed}"
    assert problem.message.startswith(f"YAML syntax error: {advice} (")


@pytest.mark.parametrize(
    ("text", "line", "field", "indent", "column"),
    [
        ("id: x\nplaces:\n  - Mexicali\n  - Tijuana\n - Ensenada\n  - Tecate\n", 5, "places", 1, 2),
        ("id: x\nplaces:\n  - Mexicali\n - Ensenada\nlanguage: en\n", 4, "places", 1, 2),
        ("id: x\nplaces:\n  - Mexicali\n- Ensenada\nlanguage: en\n", 4, "places", 0, 2),
        (FACT + '    quote: a\n - fact: "G"\n    quote: b\n', 5, "key_facts", 1, 2),
        (FACT + '    quote: a\n   - fact: "G"\n    quote: b\n', 5, "key_facts", 3, 2),
    ],
    ids=[
        "a-place-dedented",
        "the-last-place-dedented",
        "a-place-at-the-start",
        "a-fact-dedented",
        "a-fact-indented",
    ],
)
def test_a_list_item_out_of_line_with_the_item_above_is_told_to_line_up_with_it(
    text: str, line: int, field: str, indent: int, column: int
) -> None:
    problem = problem_of(text)
    assert (problem.line, problem.path) == (line, field)
    spaces = "1 space" if indent == 1 else f"{indent} spaces"
    advice = (
        f"this list item is indented {spaces} and the item above it {column}; indent it {column},"
        f" in line with the items of {field}: above"
    )
    assert problem.message.startswith(f"YAML syntax error: {advice} (")


@pytest.mark.parametrize(
    ("text", "line", "indent", "joined"),
    [
        ("id: x\nplaces:\n  - Mexicali\n   - Tijuana\n", 4, 3, "Mexicali - Tijuana"),
        ("id: x\nplaces:\n  - Mexicali\n    - Tijuana\n", 4, 4, "Mexicali - Tijuana"),
        ("id: x\nplaces:\n- Mexicali\n - Tijuana\n- Tecate\n", 4, 1, "Mexicali - Tijuana"),
        ("id: x\r\nplaces:\r\n  - Mexicali\r\n   - Tijuana\r\n", 4, 3, "Mexicali - Tijuana"),
        (
            "id: x\nplaces:\n  - Baja\n    California\n   - Tijuana\n",
            5,
            3,
            "Baja California - Tijuana",
        ),
    ],
    ids=["one-space-more", "two-spaces-more", "at-the-start", "crlf", "after-a-wrapped-item"],
)
def test_a_list_item_indented_more_than_the_item_above_is_not_joined_to_it(
    text: str, line: int, indent: int, joined: str
) -> None:
    # YAML reads the two as one value wrapped, "Mexicali - Tijuana", and the brief loaded with
    # a place of that name without a word.
    problem = problem_of(text)
    assert (problem.line, problem.path) == (line, "places")
    spaces = "1 space" if indent == 1 else f"{indent} spaces"
    column = text.splitlines()[2].index("-")
    assert problem.message == (
        f"this list item is indented {spaces} and the item above it {column}; indent it {column},"
        f" in line with the items of places: above (YAML reads the two as one value, '{joined}')"
    )


@pytest.mark.parametrize(
    "text",
    [
        "places:\n  - Baja\n    California\n",  # a value wrapped, no item in it
        'places:\n  - "Baja\n   - California"\n',  # quoted: its lines are its own
        "summary: exports grew\n  - and jobs\n",  # no list item
    ],
)
def test_a_value_wrapped_onto_lines_of_its_own_still_reads(text: str) -> None:
    assert read_document(text).value


def test_a_line_starting_with_a_colon_is_a_syntax_error_on_its_line() -> None:
    # Its name left out, it stopped validation with a traceback.
    problem = problem_of(FACT + "    quote: a\n: kind: plan\n")
    assert problem.line == 5
    assert problem.message.startswith("YAML syntax error: ")


def test_a_key_given_twice_says_where_it_is_first_and_what_to_do() -> None:
    problem = problem_of("id: x\ntitle: First\nplaces: []\ntitle: Second\n")
    assert (problem.line, problem.path) == (4, "title")
    assert problem.message == "given again here, first on line 2; keep one and delete the other"
    # Asked for, every repeat is told and the first value kept, to check the rest by.
    document = read_document("a: 1\nb: 2\na: 3\nb: 4\n", every_repeat=True)
    assert document.value == {"a": 1, "b": 2}
    assert [(r.line, r.path, r.first) for r in document.repeated] == [(3, "a", 1), (4, "b", 2)]
