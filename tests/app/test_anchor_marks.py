"""Quotes that drifted from their articles, as the reader shows them and filters by them."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.kit.corpus import (
    FUZZY_BRIEF,
    LOOSE_BRIEF,
    REPO,
    BriefSpec,
    FactSpec,
    drift_quotes,
    write_article,
    write_brief,
)
from tests.kit.pilot import (
    brief_lines,
    listed_keys,
    main_screen,
    settle,
    strong_text,
    title_bar_text,
)
from tui.app.app import BriefingApp


@pytest.fixture
def drifted(corpus_dir: Path) -> Path:
    """The shipped corpus with a loose quote in one brief, a fuzzy and a missing one in another."""
    drift_quotes(corpus_dir)
    return corpus_dir


def shipped_quote(ident: str, fact: int) -> str:
    """A quote as the shipped brief has it: word for word its article's."""
    brief = yaml.safe_load((REPO / "briefs" / f"{ident}.yaml").read_text(encoding="utf-8"))
    return str(brief["key_facts"][fact]["quote"])


def fact_text(app: BriefingApp, fact: int) -> str:
    """What the brief pane shows of fact ``fact``, its wrapped lines joined."""
    view = main_screen(app).brief_view
    first, end = view.fact_line_range(fact)
    return " ".join(line.strip() for line in view.lines[first:end])


async def test_each_fact_shows_how_its_quote_was_found(drifted: Path) -> None:
    app = BriefingApp(drifted)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"anchor:fuzzy", "enter")
        await settle(pilot)
        assert listed_keys(app) == [FUZZY_BRIEF]
        first, fuzzy, missing = (fact_text(app, n) for n in range(3))
        assert "≈" not in first and "not found" not in first
        assert re.search(r"≈ fuzzy (9\d|100)$", fuzzy), fuzzy
        assert "⚠ quote not found in the article" in missing and "≈" not in missing

        await pilot.press("escape", "slash", *"anchor:loose", "enter")
        await settle(pilot)
        assert listed_keys(app) == [LOOSE_BRIEF]
        assert fact_text(app, 0).endswith("≈ loose")
        assert "≈" not in fact_text(app, 1)


async def test_the_fuzzy_mark_is_never_split_across_lines(tmp_path: Path) -> None:
    write_article(tmp_path, "members.txt", "The association said its members added 60 partners.\n")
    fact = FactSpec("Members grew by sixty people.", "its members added 60 partnrs")
    write_brief(tmp_path, BriefSpec("members", "Members", "members.txt", [fact]))
    app = BriefingApp(tmp_path)
    split_by_word_wrap = []
    async with app.run_test(size=(80, 24)) as pilot:
        # A score of widths a column or so apart: at one of them at least, the fact's line ends
        # within its mark or just after it.
        for terminal_width in range(80, 101):
            await pilot.resize_terminal(terminal_width, 24)
            await settle(pilot)
            view = main_screen(app).brief_view
            first, end = view.fact_line_range(0)
            lines = [line.strip() for line in view.lines[first:end]]
            shown = " ".join(lines)
            mark = re.search(r"≈ fuzzy \d+", shown)
            assert mark is not None, lines
            assert any(mark.group() in line for line in lines), (terminal_width, lines)
            width = view.scrollable_content_region.width
            by_words = textwrap.wrap(shown, width, subsequent_indent="   ")
            split_by_word_wrap.append(any(line.endswith("≈ fuzzy") for line in by_words))
    # Wrapping word by word would have split the mark at one of the widths tried.
    assert any(split_by_word_wrap)


async def test_the_original_marks_a_fuzzy_quotes_passage_as_an_exact_one(drifted: Path) -> None:
    app = BriefingApp(drifted)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"anchor:fuzzy", "enter")
        await settle(pilot)
        await pilot.press("enter", "j")  # to the facts, and on to the fuzzy one
        await settle(pilot)
        original = main_screen(app).article_view
        # The article's own words, the slip in the quote notwithstanding.
        assert strong_text(original) == " ".join(shipped_quote(FUZZY_BRIEF, 1).split())
        await pilot.press("k")  # the exact one before it is marked the same way
        await settle(pilot)
        assert strong_text(original) == " ".join(shipped_quote(FUZZY_BRIEF, 0).split())


async def test_the_original_marks_a_loose_quotes_passage(drifted: Path) -> None:
    app = BriefingApp(drifted)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"anchor:l", "enter", "enter")
        await settle(pilot)
        original = main_screen(app).article_view
        # Its capitals and accents, which the quote has not.
        assert strong_text(original) == " ".join(shipped_quote(LOOSE_BRIEF, 0).split())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("anchor:missing", [FUZZY_BRIEF]),
        ("anchor:loose", [LOOSE_BRIEF]),
        ("anchor:fuzzy zona", [FUZZY_BRIEF]),
        ("anchor:fuzzy ebrard", []),
        ("fuzzy", []),
    ],
)
async def test_the_filter_selects_briefs_by_the_anchor_of_their_quotes(
    drifted: Path, query: str, expected: list[str]
) -> None:
    app = BriefingApp(drifted)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query)
        await settle(pilot)
        assert listed_keys(app) == expected
        assert title_bar_text(app).endswith(f"· {len(expected)} shown")
        await pilot.press("escape")
        await settle(pilot)
        assert len(listed_keys(app)) == 5


async def test_a_quote_whose_figure_is_not_the_articles_is_not_found_not_fuzzy(
    tmp_path: Path,
) -> None:
    # A reviewer's "313.200" for the article's "331.200" scores as a slip, but is another
    # figure: the fact is not marked as found, nor its passage as the fact's.
    write_article(
        tmp_path,
        "empleo.txt",
        "Tijuana. La industria maquiladora de Baja California empleaba a 331.200 personas"
        " al cierre de 2024, 6,2% más que un año antes.\n",
    )
    facts = [
        FactSpec("Employment grew 6.2% in a year.", "6,2% más que un año antes"),
        FactSpec(
            "The maquiladora industry employed 313,200 people.",
            "La industria maquiladora de Baja California empleaba a 313.200 personas",
        ),
    ]
    write_brief(tmp_path, BriefSpec("empleo", "Empleo", "empleo.txt", facts, language="es",
                                    title_en="Employment"))  # fmt: skip
    app = BriefingApp(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # to the facts: the first is marked in the original
        await settle(pilot)
        assert strong_text(main_screen(app).article_view) == "6,2% más que un año antes"
        await pilot.press("j")  # on to the changed figure
        await settle(pilot)
        figure = fact_text(app, 1)
        assert "⚠ quote not found in the article" in figure and "≈" not in figure
        assert strong_text(main_screen(app).article_view) == ""
        # The brief's problems say why, with the article's own figure.
        assert "differs in a number" in brief_lines(app)
        assert '"331.200"' in brief_lines(app)

        await pilot.press("slash", *"anchor:fuzzy")
        await settle(pilot)
        assert listed_keys(app) == []
        await pilot.press("escape", "slash", *"anchor:missing")
        await settle(pilot)
        assert listed_keys(app) == ["empleo"]
