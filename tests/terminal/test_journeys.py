"""The user journeys in a real terminal: ``briefing`` runs in tmux, keys are typed, the screen read.

Expectations come from the brief files and articles themselves, read here with plain YAML and
string search, not from the app's own code.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.kit.corpus import REPO
from tests.kit.hostile import build_hostile_corpus
from tests.kit.terminal import BRIEFING, Terminal, english_title, read_briefs, requires_tmux, start

pytestmark = [requires_tmux, pytest.mark.tmux]

LIST_TITLE_CHARS = 14
"""How much of a title the article list shows at 120 columns, with room to spare."""


def list_label(brief: dict[str, Any]) -> str:
    return english_title(brief)[:LIST_TITLE_CHARS]


def list_rows(screen: str) -> list[str]:
    """The rows of the article list: the first box on screen, at the left."""
    rows = []
    for line in screen.splitlines():
        if line.startswith("│") and "│" in line[1:]:
            rows.append(line[1 : line.index("│", 1)].rstrip())
    return rows


def listed(screen: str, brief: dict[str, Any]) -> bool:
    return any(list_label(brief) in row for row in list_rows(screen))


def row_of(screen: str, brief: dict[str, Any]) -> str:
    rows = [row for row in list_rows(screen) if list_label(brief) in row]
    assert rows, f"{brief['title']!r} is not listed:\n{screen}"
    return rows[0]


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(width=120, height=40)
    yield term
    term.close()


def open_reader(terminal: Terminal, corpus: Path, cwd: Path) -> list[dict[str, Any]]:
    """Start the reader on ``corpus`` and wait for its newest brief; return the briefs in order."""
    briefs = read_briefs(corpus)
    start(terminal, corpus, cwd)
    terminal.wait_for_text(list_label(briefs[0]))
    return briefs


def test_move_bookmark_mark_two_and_export(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path, private_state: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    briefs = open_reader(terminal, corpus_dir, out)

    terminal.keys("j", "b", "Space", "j", "Space")
    screen = terminal.wait_for_text("2 marked")
    assert "1 bookmarked" in screen

    terminal.keys("e")
    terminal.wait_for_text("briefing-")
    terminal.keys("Enter")
    terminal.wait_for(lambda _: any(out.glob("briefing-*.md")), "the exported file")

    (exported,) = out.glob("briefing-*.md")
    markdown = exported.read_text("utf-8")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert len(headings) == 2
    assert headings[0].startswith("## " + briefs[1]["title"][:30])
    assert headings[1].startswith("## " + briefs[2]["title"][:30])
    saved = json.loads((private_state / "bookmarks.json").read_text("utf-8"))
    assert [briefs[1]["id"]] in saved["corpora"].values()

    terminal.keys("q")
    terminal.wait_for(lambda _: terminal.exited(), "the app to quit")


def test_filter_mark_every_article_found_and_export_them(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path, private_state: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    word = "maquiladora"
    briefs, holding = open_reader_holding(terminal, corpus_dir, out, word)
    others = [b for b in briefs if b not in holding]

    terminal.keys("/")
    terminal.type(word)
    terminal.wait_for(lambda s: not any(listed(s, b) for b in others), "the list to narrow")
    terminal.keys("Enter", "A")
    terminal.wait_for_text(f"{len(holding)} marked")
    terminal.keys("e")
    terminal.wait_for_text("briefing-")
    terminal.keys("Enter")
    terminal.wait_for(lambda _: any(out.glob("briefing-*.md")), "the exported file")

    (exported,) = out.glob("briefing-*.md")
    headings = [line for line in exported.read_text("utf-8").splitlines() if line.startswith("## ")]
    assert len(headings) == len(holding)
    for heading, brief in zip(headings, holding, strict=True):
        assert heading.startswith("## " + brief["title"][:30])


def test_a_fact_points_at_its_line_in_the_original(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)

    terminal.keys("Enter", "j")
    article = (corpus_dir / "seeds" / briefs[0]["source"]).read_text("utf-8")
    quote = briefs[0]["key_facts"][1]["quote"]
    line = article.count("\n", 0, article.index(quote)) + 1
    terminal.wait_for_text(f"fact 2 · line {line}")


def test_find_a_word_in_the_original_go_to_its_last_place_and_end(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)
    article = (corpus_dir / "seeds" / briefs[0]["source"]).read_text("utf-8")
    word = "banxico"
    places = [m.start() for m in re.finditer(rf"(?<!\w){word}", _fold(article))]
    assert len(places) > 1, "the first brief's article names the word more than once"

    terminal.keys("C-f")
    terminal.type(word)
    terminal.wait_for_text(f"Find: {word} · 1 of {len(places)}")
    terminal.keys("Up")  # round the start, to the last place
    screen = terminal.wait_for_text(f"Find: {word} · {len(places)} of {len(places)}")
    # The words before the last place, in the original pane (the rightmost box).
    before = article[max(0, places[-1] - 12) : places[-1]].split()[-1]
    assert any(before in line.rsplit("│", 2)[-2] for line in screen.splitlines() if "│" in line)

    terminal.keys("Escape")
    terminal.wait_for(lambda s: "Find:" not in s and "fact 1 · line" in s, "finding to end")


def test_a_brief_read_to_its_end_says_how_its_date_was_worked_out(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)
    position, inferred = next((i, b) for i, b in enumerate(briefs) if b.get("date_note"))
    date = str(inferred["published"])
    terminal.wait_for_text(f"{date}? · en")  # the list marks the date as worked out
    terminal.keys(*["j"] * position)
    terminal.wait_for_text(f"{date} (inferred)")  # and so does the brief, under its title
    # The note itself is at the end of the brief: the last fact, then on to the end.
    terminal.keys("Enter", "End", "End")
    screen = terminal.wait_for_text("About the date:")
    assert f"{len(inferred['key_facts'])}. " not in screen  # scrolled on past the last fact
    terminal.keys("PgUp")
    terminal.wait_for_text(f"{len(inferred['key_facts'])}. ")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def holding_word(corpus: Path, briefs: list[dict[str, Any]], word: str) -> list[dict[str, Any]]:
    """The briefs whose file or article holds ``word``, case and accents ignored."""
    return [
        b
        for b in briefs
        if word in _fold((corpus / "briefs" / f"{b['id']}.yaml").read_text("utf-8"))
        or word in _fold((corpus / "seeds" / b["source"]).read_text("utf-8"))
    ]


def test_filter_ignores_accents_leaves_out_a_word_after_a_minus_and_escape_clears_it(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = read_briefs(corpus_dir)
    word = "japon"  # printed "Japón" in one Spanish article
    holding = holding_word(corpus_dir, briefs, word)
    assert 0 < len(holding) < len(briefs)
    open_reader(terminal, corpus_dir, tmp_path)

    terminal.keys("/")
    terminal.wait_for_text("Filter: words to find")
    terminal.type(word)
    others = [b for b in briefs if b not in holding]
    screen = terminal.wait_for(
        lambda s: not any(listed(s, b) for b in others), "the list to narrow"
    )
    assert all(listed(screen, b) for b in holding)

    terminal.keys("Escape")
    terminal.wait_for(lambda s: all(listed(s, b) for b in briefs), "the whole list back")

    terminal.keys("/")
    terminal.type(f"-{word}")
    # The whole list is the answer: while the word is typed, "-j" leaves out others as well.
    terminal.wait_for(
        lambda s: not any(listed(s, b) for b in holding) and all(listed(s, b) for b in others),
        "the briefs holding it to leave, the others to stay",
    )


def brief_pane(screen: str) -> str:
    """The text of the brief pane, its lines joined by spaces: the columns of its box."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "╭─ Brief" in line)
    left = lines[top].index("╭─ Brief")
    right = lines[top].index("╮", left)
    inside = [line[left + 1 : right] for line in lines[top + 1 :]]
    return " ".join(" ".join(inside).split())


def open_reader_holding(
    terminal: Terminal, corpus: Path, cwd: Path, word: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Start the reader on ``corpus``; return its briefs and those holding ``word``, some but not
    all of them."""
    briefs = read_briefs(corpus)
    holding = holding_word(corpus, briefs, word)
    assert 1 < len(holding) < len(briefs)
    open_reader(terminal, corpus, cwd)
    return briefs, holding


def test_keys_typed_fast_after_enter_in_the_filter_move_the_list(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    word = "maquiladora"
    briefs, holding = open_reader_holding(terminal, corpus_dir, tmp_path, word)

    # The filter, Enter and a move down, typed in one instant: the move is the list's.
    terminal.burst(f"/{word}", "Enter", "j")
    second = " ".join(holding[1]["title"].split())[:30]
    screen = terminal.wait_for(
        lambda s: second in brief_pane(s), "the second brief found to be shown"
    )
    assert all(listed(screen, b) for b in holding)
    assert not any(listed(screen, b) for b in briefs if b not in holding)
    assert f"{word}j" not in screen


def test_a_command_chosen_in_the_palette_takes_the_keys_typed_right_after_it(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    word = "maquiladora"
    briefs, holding = open_reader_holding(terminal, corpus_dir, tmp_path, word)

    terminal.keys("C-p")
    terminal.type("filter art")
    terminal.wait_for_text("Filter articles")
    # Enter and the word typed in one instant: the whole word is the filter's.
    terminal.burst("Enter", word)
    # Waited for whole: the word's start alone ("maquilad") may list the same briefs.
    screen = terminal.wait_for(
        lambda s: f"{len(holding)} shown" in s and f" {word}" in s.splitlines()[1],
        "the whole word in the filter, and the briefs holding it listed",
    )
    assert all(listed(screen, b) for b in holding)
    assert not any(listed(screen, b) for b in briefs if b not in holding)


def test_a_note_and_tags_typed_fast_with_their_keys_are_kept_whole(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    open_reader(terminal, corpus_dir, tmp_path)

    # Each dialog's key and its text typed in one instant, as a paste or a key macro does.
    terminal.burst("t", "usmca follow-up")
    terminal.wait_for_text("usmca follow-up")
    terminal.keys("Enter")
    terminal.wait_for_text("Tags: usmca, follow-up")
    terminal.burst("n", "Check the hiring figures", "C-s")
    screen = terminal.wait_for_text("Note: Check the hiring figures")
    assert "Tags: usmca, follow-up" in screen


def test_facets_choose_the_commonest_place_and_the_list_narrows_to_it(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)
    # The commonest place, counted from the files: a brief naming it twice counts once, in
    # either language ("Estados Unidos" is United States, as the gazetteer writes); ties go by
    # the folded name.
    gazetteer = yaml.safe_load((REPO / "tui/core/drafting/gazetteer.yaml").read_text("utf-8"))
    known = {
        _fold(written): _fold(entry["name"])
        for entry in gazetteer["places"]
        for written in (entry["name"], *entry.get("aliases", []))
    }
    having: dict[str, list[dict[str, Any]]] = {}
    for brief in briefs:
        for place in {known.get(_fold(p), _fold(p)) for p in brief.get("places", [])}:
            having.setdefault(place, []).append(brief)
    place = min(having, key=lambda folded: (-len(having[folded]), folded))
    holding = having[place]
    others = [b for b in briefs if b not in holding]
    assert holding and others

    terminal.keys("f")
    # Counted field by field: the places are in once none of the fields shown says counting.
    terminal.wait_for(
        lambda s: "─ Facets ─" in s and "Places" in s and "counting" not in s, "the places counted"
    )
    terminal.keys("Tab")  # the first place
    terminal.keys("Enter")

    terms = (f'place:="{place}"', f"place:={place}")
    # The list narrows and the filter with the term appears in the same moment, or frames apart.
    screen = terminal.wait_for(
        lambda s: (
            "─ Facets ─" not in s
            and not any(listed(s, b) for b in others)
            and any(term in s for term in terms)
        ),
        "the list narrowed to the place chosen, and its term in the filter",
    )
    assert all(listed(screen, b) for b in holding)
    assert f"{len(holding)} shown" in screen


def test_a_bookmark_survives_a_restart(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = read_briefs(corpus_dir)
    start(terminal, corpus_dir, tmp_path)
    before = terminal.wait_for_text(list_label(briefs[0]))
    unmarked_row = row_of(before, briefs[0])
    terminal.keys("b")
    terminal.wait_for_text("1 bookmarked")
    terminal.keys("q")
    terminal.wait_for(lambda _: terminal.exited(), "the app to quit")
    terminal.close()

    again = Terminal(width=120, height=40)
    try:
        start(again, corpus_dir, tmp_path)
        screen = again.wait_for_text("1 bookmarked")
        assert row_of(screen, briefs[0]) != unmarked_row
        again.keys("B")
        only = again.wait_for(lambda s: not listed(s, briefs[1]), "the list to show bookmarks only")
        assert listed(only, briefs[0])
    finally:
        again.close()


def test_help_lists_the_keys_and_closes(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)
    terminal.keys("?")
    screen = terminal.wait_for(lambda s: "╭─ Keys" in s, "the help over the reader")
    for word in ("Bookmark", "Filter", "Export", "Quit"):
        assert word in screen
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "Keys" not in s and listed(s, briefs[0]), "help to close")


def test_hostile_text_is_shown_literally_and_changes_nothing(
    terminal: Terminal, tmp_path: Path
) -> None:
    corpus = build_hostile_corpus(tmp_path / "hostile")
    entries = len(list((corpus / "briefs").glob("*.yaml")))
    start(terminal, corpus, tmp_path)
    terminal.wait_for_text("hostile ·")
    title_before = terminal.pane_title()

    # Walk the whole list, showing every entry; the markup article stays on screen throughout.
    for _ in range(entries):
        terminal.keys("j")
    terminal.keys("g")
    assert not terminal.exited()
    terminal.keys("/")
    # As a person would, type once the filter is there: keys that come before it are the
    # list's (e exports, a adds).
    terminal.wait_for_text("Filter: words to find")
    terminal.type("markup test")
    terminal.keys("Enter")
    # The title shows in the list as soon as the filter narrows it; the author's line, in the
    # brief, once the brief follows.
    terminal.wait_for(
        lambda s: "[bold red]Markup Test[/]" in s and "[@click=app.quit]" in s,
        "the markup brief shown literally",
    )
    assert not terminal.exited()
    assert terminal.pane_title() == title_before
    assert "pwned" not in terminal.pane_title()


def test_a_brief_edited_while_the_reader_is_open_shows_its_new_title(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)
    newest = corpus_dir / "briefs" / f"{briefs[0]['id']}.yaml"
    edited = yaml.safe_load(newest.read_text("utf-8"))
    edited["title"] = edited["title_en"] = "Retitled while the reader was open"
    new_text = yaml.safe_dump(edited, allow_unicode=True, sort_keys=False)

    def rewritten(screen: str) -> bool:
        # Written again at each look: the first write may come before the reader watches.
        newest.write_text(new_text, encoding="utf-8")
        return "Retitled while the" in screen

    screen = terminal.wait_for(rewritten, "the new title in the list")
    # Still the first row, and the brief pane shows it too.
    assert "Retitled while the" in list_rows(screen)[0]
    assert screen.count("Retitled while the") >= 2


def test_add_an_article_confirm_a_fact_and_edit_the_brief(
    terminal: Terminal, tmp_path: Path
) -> None:
    from tests.kit.corpus import SEED_TEXT

    corpus = tmp_path / "corpus"
    (corpus / "briefs").mkdir(parents=True)
    (corpus / "seeds").mkdir()
    article = tmp_path / "queretaro.txt"
    article.write_text(SEED_TEXT, encoding="utf-8")
    # The editor is a script that retitles the brief, as an analyst would by hand.
    editor = tmp_path / "editor.sh"
    editor.write_text(
        '#!/bin/sh\nsed -i \'s/^title: .*/title: "Queretaro reviewed by hand"/\' "$1"\n',
        encoding="utf-8",
    )
    editor.chmod(0o755)
    folders = ("BRIEFING_STATE_DIR", "BRIEFING_CACHE_DIR", "BRIEFING_CONFIG_DIR")
    env = {name: os.environ[name] for name in folders} | {"EDITOR": str(editor)}
    terminal.start([BRIEFING, "--corpus", str(corpus)], env, tmp_path)
    terminal.wait_for_text("No briefs")

    terminal.keys("a")
    terminal.wait_for_text("Add an article")
    terminal.type(str(article))
    terminal.keys("Enter")
    terminal.wait_for_text("Querétaro exports grow")
    (brief,) = (corpus / "briefs").glob("*.yaml")
    unreviewed = brief.read_text("utf-8").count("reviewed: false")
    assert unreviewed >= 2

    # The draft's facts are shown, and once they have the focus the footer offers to confirm
    # one: a key typed before either would act on nothing, as it would for a user.
    terminal.wait_for_text("Key facts (")
    terminal.keys("Enter")
    terminal.wait_for_text("Confirm")
    terminal.keys("c")
    terminal.wait_for(
        lambda _: brief.read_text("utf-8").count("reviewed: false") == unreviewed - 1,
        "the first fact confirmed in the file",
    )
    # A slip of the finger: the next fact rejected, then put back.
    before = brief.read_text("utf-8")
    terminal.keys("x")
    terminal.wait_for_text("puts it back")
    assert brief.read_text("utf-8") != before
    terminal.keys("C-z")
    terminal.wait_for(lambda _: brief.read_text("utf-8") == before, "the fact put back")

    terminal.keys("E")
    terminal.wait_for_text("Queretaro reviewed by hand")
    assert "Queretaro reviewed by hand" in brief.read_text("utf-8")


@pytest.mark.parametrize(
    ("editor", "told"),
    [
        ("/no/such/editor", "could not be started"),
        ('vi "unclosed', "could not be started"),
        ("false", "ended with status 1"),
    ],
)
def test_an_editor_that_cannot_be_started_or_fails_is_told_and_the_reader_goes_on(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path, editor: str, told: str
) -> None:
    # The terminal stayed suspended: a blank screen, keys echoed as text, and the marks made
    # lost with the Ctrl+C that was the only way out. An editor ending with an error (a crash,
    # a write refused) gave no word at all.
    briefs = read_briefs(corpus_dir)
    folders = ("BRIEFING_STATE_DIR", "BRIEFING_CACHE_DIR", "BRIEFING_CONFIG_DIR")
    env = {name: os.environ[name] for name in folders} | {"EDITOR": editor}
    terminal.start([BRIEFING, "--corpus", str(corpus_dir)], env, tmp_path)
    terminal.wait_for_text(list_label(briefs[0]))

    terminal.keys("E")
    terminal.wait_for_text(told)
    terminal.keys("Space")
    screen = terminal.wait_for_text("1 marked")
    assert listed(screen, briefs[0]) and listed(screen, briefs[1])


def test_note_and_tag_a_brief_filter_by_them_and_find_them_after_a_restart(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    briefs = open_reader(terminal, corpus_dir, tmp_path)
    terminal.wait_for_text(f"{len(briefs)} briefs · {len(briefs) - 1} unread")

    terminal.keys("n")
    terminal.wait_for_text("Ctrl+S saves")
    terminal.type("Check the hiring figures")
    terminal.keys("C-s")
    terminal.wait_for_text("Note: Check the hiring figures")

    terminal.keys("t")
    terminal.wait_for_text("Spaces or commas between tags")
    terminal.type("USMCA, follow-up")
    terminal.keys("Enter")
    terminal.wait_for_text("Tags: USMCA, follow-up")

    terminal.keys("/")
    terminal.wait_for_text("Filter: words to find")
    terminal.type("tag:usm")
    terminal.keys("Enter")
    # Waited for whole: while the filter is typed, a word ("ta", "tag") may leave others out.
    terminal.wait_for(
        lambda s: listed(s, briefs[0]) and not any(listed(s, b) for b in briefs[1:]),
        "the tagged brief alone",
    )

    # The brief read is left out of the unread ones; the others are listed. (Esc is sent on
    # its own: an Esc and a key right after it read as Alt and that key.)
    terminal.keys("Escape")
    terminal.wait_for(lambda s: all(listed(s, b) for b in briefs), "the whole list back")
    terminal.keys("/")
    terminal.wait_for_text("Filter: words to find")
    terminal.type("is:unread")
    terminal.keys("Enter")
    terminal.wait_for(
        lambda s: not listed(s, briefs[0]) and all(listed(s, b) for b in briefs[1:]),
        "the unread briefs",
    )

    terminal.keys("Escape")
    terminal.wait_for(lambda s: all(listed(s, b) for b in briefs), "the whole list back")
    # The first unread brief the filter showed, still shown, counts as read once it has been
    # shown a moment.
    terminal.wait_for_text(f"{len(briefs) - 2} unread")
    terminal.keys("q")
    terminal.wait_for(lambda _: terminal.exited(), "the app to quit")
    terminal.close()

    again = Terminal(width=120, height=40)
    try:
        start(again, corpus_dir, tmp_path)
        screen = again.wait_for_text("Note: Check the hiring figures")
        assert "Tags: USMCA, follow-up" in screen
        # Two briefs were read: the first, and the first unread one the filter showed.
        assert f"{len(briefs) - 2} unread" in screen
    finally:
        again.close()


def test_a_renamed_corpus_is_told_where_its_note_is_and_gets_it_back(
    terminal: Terminal, corpus_dir: Path, tmp_path: Path
) -> None:
    open_reader(terminal, corpus_dir, tmp_path)
    terminal.keys("n")
    terminal.wait_for_text("Ctrl+S saves")
    terminal.type("Check the hiring figures")
    terminal.keys("C-s")
    terminal.wait_for_text("Note: Check the hiring figures")
    terminal.keys("q")
    terminal.wait_for(lambda _: terminal.exited(), "the app to quit")
    terminal.close()
    renamed = corpus_dir.rename(tmp_path / "corpus 2025")

    again = Terminal(width=120, height=40)
    try:
        start(again, renamed, tmp_path)
        screen = again.wait_for_text("Corpus moved?")
        assert "Note: Check the hiring figures" not in screen
        assert "which is gone" in again.wait_for_text("briefing --corpus")
        again.keys("q")
        again.wait_for(lambda _: again.exited(), "the app to quit")
    finally:
        again.close()

    # The command the reader names, typed in a shell.
    brought = subprocess.run(
        [BRIEFING, "--corpus", str(renamed), "moved", str(corpus_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert brought.returncode == 0, brought.stderr
    assert "1 note" in brought.stdout

    last = Terminal(width=120, height=40)
    try:
        start(last, renamed, tmp_path)
        last.wait_for_text("Note: Check the hiring figures")
    finally:
        last.close()
