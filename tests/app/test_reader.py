"""The reader's journeys, driven through Pilot on the shipped corpus and on made-up ones."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual import events
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList

from tests.kit.corpus import (
    PAGE,
    REPO,
    BriefSpec,
    FactSpec,
    draft_corpus,
    fields,
    make_corpus,
    make_large_corpus,
    page_brief,
    write_article,
    write_brief,
)
from tests.kit.pilot import (
    answer_export_dialog,
    bookmark_of,
    brief_lines,
    dim_text,
    export_mark_of,
    help_text,
    list_rows,
    listed_keys,
    main_screen,
    notifications_into,
    original_lines,
    overwrite_question,
    settle,
    strong_column,
    strong_text,
    title_bar_text,
    until,
    wait_for_screen,
)
from tui.app.app import BriefingApp
from tui.app.reader.header import fit_title, summary_parts
from tui.app.reader.screen import DETAIL_PANE_MIN_WIDTH, MainScreen
from tui.app.screens import export as export_screen
from tui.app.screens.export import ExportDialog, OverwriteDialog
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_list import DATE_WIDTH, ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.brief_view import BriefView, pane_meta_line
from tui.app.widgets.title_bar import TitleBar
from tui.core.articles import read_article
from tui.core.bookmarks import BookmarkStore
from tui.core.model import Corpus, Entry
from tui.core.search import parse_query
from tui.core.store import open_corpus
from tui.core.text import one_line
from tui.core.userstate import corpus_key

NEWEST = "Mayor Norma Alicia Bustamante of Mexicali: Fostering a Thriving Maquiladora Industry"
SECOND = "Mexicali Business Coordinating Council Presents Nearshoring Project"
THIRD = "Mexico, US Draft Work Plan"
LAST = "Se mantiene como organismo empresarial líder"


def shipped_brief(ident: str) -> dict[str, Any]:
    """A brief as the repository ships it, read straight from its YAML."""
    data: dict[str, Any] = yaml.safe_load((REPO / "briefs" / f"{ident}.yaml").read_text("utf-8"))
    return data


def seed_lines(ident: str) -> list[str]:
    """The lines of the article a shipped brief is drawn from."""
    source = shipped_brief(ident)["source"]
    return (REPO / "seeds" / source).read_text("utf-8").splitlines()


def brief_text(app: BriefingApp) -> str:
    """Everything the brief pane holds, one line per wrapped line."""
    return "\n".join(main_screen(app).brief_view.lines)


def shown_title(app: BriefingApp) -> str:
    """The brief pane's text as one line; it starts with the shown brief's title."""
    return " ".join(line.strip() for line in main_screen(app).brief_view.lines)


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    """Two briefs, one in Spanish with accents, and the words each alone holds."""
    root = tmp_path / "tiny"
    write_article(
        root,
        "es.txt",
        "La inversión en Querétaro creció 12% en 2024.\n\nLos aranceles preocupan.\n",
    )
    write_article(
        root, "en.txt", "Exports through Laredo rose 5% in March.\n\nTrucks waited hours.\n"
    )
    write_brief(
        root,
        BriefSpec(
            id="queretaro",
            title="Inversión en Querétaro",
            title_en="Investment in Querétaro",
            language="es",
            source="es.txt",
            published=dt.date(2024, 5, 1),
            places=("Querétaro",),
            facts=[
                FactSpec("Investment grew 12% in 2024.", "La inversión en Querétaro creció 12%")
            ],
        ),
    )
    write_brief(
        root,
        BriefSpec(
            id="laredo",
            title="Laredo crossings",
            source="en.txt",
            published=dt.date(2024, 3, 1),
            topics=("border logistics",),
            facts=[
                FactSpec(
                    "Exports through Laredo rose 5% in March.", "Exports through Laredo rose 5%"
                ),
                FactSpec("Trucks waited for hours.", "Trucks waited hours", kind="event"),
            ],
        ),
    )
    return root


# Starting and moving.


async def test_the_list_says_loading_until_the_corpus_is_read_and_keys_still_work(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow_load(root: Path, cache_dir: Path | None = None, **options: Any) -> Corpus:
        release.wait(timeout=30)
        return open_corpus(root, cache_dir, **options)

    monkeypatch.setattr("tui.core.store.open_corpus", slow_load)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.article_list.render_line(0).text.startswith("Loading…")
        assert screen.sub_title == "loading…"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        # A filter typed while loading applies once the briefs arrive.
        await pilot.press("slash", *"convoy", "enter")
        assert screen.filter_input.value == "convoy"
        release.set()
        await settle(pilot)
        assert listed_keys(app) == ["ebrard-municipal-convoy-los-angeles"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(list_rows(app)) == 5


async def test_a_folder_without_briefs_says_so(tmp_path: Path) -> None:
    app = BriefingApp(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.article_list.render_line(0).text.startswith("No briefs in this corpus")
        assert "no briefs/ folder" in shown_title(app)
        await pilot.press("j", "enter", "b", "space", "e", "slash", "x")
        await settle(pilot)
        assert app.is_running


async def test_the_list_shows_every_brief_newest_first_with_undated_last(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = [" ".join(row.split()) for row in list_rows(app)]
        assert len(rows) == 5
        # Beside the brief, a row has two lines: the title, then its end beside date and language.
        assert rows[0].startswith(NEWEST[:45]) and rows[0].endswith("2025-01-14 · en")
        # The article prints no date: the one its brief works out is marked so.
        assert rows[1].endswith("2023-10-17? · en")
        assert rows[2].endswith("2021-12-16 · en")
        assert rows[3].endswith("undated · es") and rows[4].endswith("undated · es")
        assert shown_title(app).startswith(NEWEST[:30])
        assert app.screen.title == "corpus"
        assert app.screen.sub_title == "5 briefs · 4 unread · 0 bookmarked · 0 marked"


async def test_a_date_the_article_does_not_print_is_said_to_be_inferred_under_the_title(
    corpus_dir: Path,
) -> None:
    # Its note, at the end of the brief, was the only sign that the date was worked out.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        assert not any("inferred" in line for line in brief_view.lines)
        await pilot.press("j")
        await settle(pilot)
        assert shown_title(app).startswith(SECOND[:30])
        meta = next(line for line in brief_view.lines if "2023-10-17" in line)
        assert meta == "2023-10-17 (inferred) · en"


async def test_up_down_j_k_first_and_last_move_through_the_articles(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert shown_title(app).startswith(SECOND[:30])
        await pilot.press("down")
        await settle(pilot)
        assert shown_title(app).startswith(THIRD)
        await pilot.press("k", "up")
        await settle(pilot)
        assert shown_title(app).startswith(NEWEST[:30])
        for last, first in (("G", "g"), ("end", "home")):
            await pilot.press(last)
            await settle(pilot)
            assert shown_title(app).startswith(LAST)
            await pilot.press(first)
            await settle(pilot)
            assert shown_title(app).startswith(NEWEST[:30])
        await pilot.press("pagedown")
        await settle(pilot)
        assert shown_title(app).startswith(LAST)
        await pilot.press("pageup")
        await settle(pilot)
        assert shown_title(app).startswith(NEWEST[:30])


async def test_every_frame_shows_a_brief_beside_its_own_article(corpus_dir: Path) -> None:
    # The panes follow the cursor in the frame that moves it: never the new brief's facts next
    # to the article of the brief before, while an ordinary article is read.
    corpus = open_corpus(corpus_dir)
    first_quote = {}
    for brief in corpus.briefs:
        span = brief.key_facts[0].span
        assert span is not None
        article = read_article(corpus_dir, brief.source)
        first_quote[one_line(brief.title)] = " ".join(article[span.start : span.end].split())
    app = BriefingApp(corpus_dir)
    frames: list[tuple[str, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        original = main_screen(app).article_view
        app.post_display_hook = lambda: frames.append((shown_title(app), strong_text(original)))
        for key in ("j", "j", "j", "j", "k", "g"):
            await pilot.press(key)
            await settle(pilot)
    assert len({title for title, _ in frames}) == len(first_quote)
    for shown, strong in frames:
        title = next(title for title in first_quote if shown.startswith(title[:40]))
        assert strong == first_quote[title], title


async def test_tab_passes_over_a_kept_filter(corpus_dir: Path) -> None:
    # A letter typed after Tab went into the filter, emptying the list unseen.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mexicali", "enter")
        await settle(pilot)
        visited = []
        for key in ("tab", "tab", "tab", "shift+tab"):
            await pilot.press(key)
            visited.append(type(app.focused))
        await pilot.press("j")
        await settle(pilot)
        assert main_screen(app).filter_text == "mexicali"

    assert visited == [BriefView, ArticleView, ArticleList, ArticleView]


async def test_tab_and_shift_tab_cycle_the_panes(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, ArticleList)
        visited = []
        for _ in range(3):
            await pilot.press("tab")
            visited.append(type(app.focused))
        assert visited == [BriefView, ArticleView, ArticleList]
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleView)


async def test_the_page_around_the_article_is_muted_in_the_original(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", {"sample.yaml": page_brief()}, {"page.txt": PAGE})
    app = BriefingApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = original_lines(main_screen(app).article_view)

    # The pane wraps the page's lines: they are compared as the words drawn each way.
    muted = " ".join(text for text, is_muted in shown if is_muted)
    plain = " ".join(text for text, is_muted in shown if not is_muted)
    breadcrumb, headline, paragraphs, teaser = PAGE.split("\n\n")
    assert muted.split() == f"{breadcrumb} {teaser}".split()
    assert plain.split() == f"{headline} {paragraphs}".split()


async def test_a_fact_quoting_the_page_around_the_article_says_so(tmp_path: Path) -> None:
    facts = [
        {"fact": "The plant will add 240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "A warehouse opens.", "quote": "a warehouse opens"},
    ]
    briefs = {"sample.yaml": page_brief(key_facts=facts)}
    app = BriefingApp(make_corpus(tmp_path / "corpus", briefs, {"page.txt": PAGE}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = brief_lines(app)
        original = main_screen(app).article_view
        await pilot.press("enter")
        await settle(pilot)
        first = str(original.border_subtitle)
        await pilot.press("j")
        await settle(pilot)
        second = str(original.border_subtitle)

    assert lines.count("quoted from the web page around the article") == 1
    assert lines.index("A warehouse opens.") < lines.index("quoted from the web page")
    assert (first, second) == ("fact 1 · line 5", "fact 2 · line 9 · outside the article")


async def test_enter_goes_to_the_facts_and_each_fact_highlights_its_quote(corpus_dir: Path) -> None:
    quotes = [fact["quote"] for fact in shipped_brief("mexicali-cce-nearshoring")["key_facts"]]
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.focused, BriefView)
        original = main_screen(app).article_view
        assert strong_text(original) == quotes[0]
        await pilot.press("j")
        await settle(pilot)
        assert main_screen(app).current_fact == 1
        assert strong_text(original) == quotes[1]
        line = int(original.border_subtitle.removeprefix("fact 2 · line "))
        assert quotes[1][:40] in seed_lines("mexicali-cce-nearshoring")[line - 1]
        await pilot.press("G")
        await settle(pilot)
        assert strong_text(original) == quotes[-1]
        await pilot.press("g")
        await settle(pilot)
        assert main_screen(app).current_fact == 0


async def test_the_facts_list_each_kind(corpus_dir: Path) -> None:
    facts = shipped_brief("mexicali-maquiladora-exports-2024")["key_facts"]
    heading = f"Key facts ({len(facts)})"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        text = brief_text(app)
        flat = shown_title(app)
        assert heading in text
        assert f" 1. {facts[0]['fact']} ({facts[0]['kind']})" in flat
        assert {f"({fact['kind']})" for fact in facts} <= {
            word for word in flat.split() if word.startswith("(")
        }
        assert "Places: Mexicali, Baja California" in flat
        assert "by Eric Sanchez · 2025-01-14 · en" in flat
        # The facts come before the summary, which follows under a heading of its own.
        assert flat.index(heading) < flat.index("Summary") < flat.index("Places:")


async def test_a_fact_whose_quote_is_missing_says_so(tmp_path: Path) -> None:
    root = tmp_path / "missing"
    write_article(root, "a.txt", "The plant opened in May.\n")
    write_brief(
        root,
        BriefSpec(
            id="plant",
            title="Plant opens",
            source="a.txt",
            facts=[
                FactSpec("The plant opened in May.", "The plant opened in May"),
                FactSpec("It employs 500 people.", "It employs 500 people"),
            ],
        ),
    )
    app = BriefingApp(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "2. It employs 500 people. (figure) ⚠ quote not found in the article" in (
            shown_title(app)
        )
        assert "1. The plant opened in May. (figure) 2." in shown_title(app)
        await pilot.press("enter", "j")
        await settle(pilot)
        original = main_screen(app).article_view
        assert original.border_subtitle == "fact 2: quote not found"
        assert strong_text(original) == ""


# Filtering.


async def test_the_filter_narrows_as_you_type_ignoring_case_and_accents(tiny_corpus: Path) -> None:
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert len(list_rows(app)) == 2
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"QUERETARO")
        await settle(pilot)
        assert listed_keys(app) == ["queretaro"]
        assert title_bar_text(app).endswith("· 1 shown")
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("escape")
        await settle(pilot)
        assert len(list_rows(app)) == 2
        assert not main_screen(app).filter_input.display


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("investment", "queretaro"),  # English title
        ("inversion", "queretaro"),  # title, accent dropped
        ("creció 12%", "queretaro"),  # quote
        ("aranceles", "queretaro"),  # original text only
        ("logistics", "laredo"),  # topic
        ("waited for hours", "laredo"),  # fact
        ("laredo   MARCH", "laredo"),  # several words, any case
    ],
)
async def test_the_filter_looks_through_every_part_of_a_brief(
    tiny_corpus: Path, words: str, expected: str
) -> None:
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *words)
        await settle(pilot)
        assert listed_keys(app) == [expected]


async def test_every_frame_shows_the_rows_of_the_filter_it_shows(corpus_dir: Path) -> None:
    # The list narrows in the frame that shows the keystroke: never the new filter above the
    # rows of the one before.
    corpus = open_corpus(corpus_dir)
    app = BriefingApp(corpus_dir)
    frames: list[tuple[str, list[int]]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        app.post_display_hook = lambda: frames.append(
            (screen.filter_input.value, list(screen.article_list.rows))
        )
        await pilot.press("slash", *"ciudad", "backspace", "backspace", *" zacatecas")
        await settle(pilot)
    typed = {value for value, _ in frames}
    assert {"c", "ciudad", "ciud", "ciud zacatecas"} <= typed
    for value, rows in frames:
        assert rows == corpus.entries.find(parse_query(value)), value
    assert frames[-1][1] == []  # no brief holds both words


async def test_a_filter_longer_than_its_line_keeps_its_end_in_view(corpus_dir: Path) -> None:
    words = (
        "mexicali maquiladora nearshoring exportaciones tijuana juarez matamoros reynosa nogales"
    )
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *words)
        await settle(pilot)
        line = main_screen(app).filter_input.render_line(0).text
        assert len(words) > len(line)
        assert line.rstrip().endswith("reynosa nogales")
        assert not line.startswith("mexicali")
        # Kept, it shows its start, where its first terms are; typed in again, its end.
        for key, leaves in (("enter", True), ("slash", False), ("tab", True)):
            await pilot.press(key)
            await settle(pilot)
            line = main_screen(app).filter_input.render_line(0).text
            assert line.lstrip(" ›>").startswith("mexicali") == leaves, key
        # Clicked where its start is shown, the cursor goes there, not a scroll away.
        filter_input = main_screen(app).filter_input
        await pilot.click(filter_input, offset=(line.index("maquiladora"), 0))
        await pilot.press("Z")
        await settle(pilot)
        typed = filter_input.value
        assert typed.replace("Z", "") == words
        assert abs(typed.index("Z") - words.index("maquiladora")) <= 1


async def test_a_filter_matching_nothing_says_so(tiny_corpus: Path) -> None:
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzz")
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.rows == []
        assert article_list.render_line(0).text.startswith("No brief matches the filter")


async def test_a_filter_matching_nothing_says_which_terms_name_no_value_of_their_field(
    tiny_corpus: Path,
) -> None:
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"date:2024-02-30")
        await settle(pilot)
        article_list = main_screen(app).article_list
        notice = " ".join(article_list.render_line(y).text.strip() for y in range(6))
        assert notice.startswith("No brief matches the filter. Looked for as words:")
        assert "date:2024-02-30 (date: takes a year, a month or a day that exists" in notice


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("laredo OR queretaro", "Looked for as words: OR (the filter keeps the briefs holding"),
        (
            "NOT laredo",
            "Looked for as words: NOT (write -laredo to leave out the briefs laredo finds)",
        ),
        (
            "place:queretaro,laredo",
            "Commas do not list values: place:queretaro,laredo is one value;"
            " write place:queretaro place:laredo to ask for each",
        ),
    ],
)
async def test_a_filter_matching_nothing_says_what_its_operators_and_commas_are(
    tiny_corpus: Path, typed: str, told: str
) -> None:
    # "laredo OR queretaro" said only that no brief matched.
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *typed)
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.rows == []
        notice = " ".join(article_list.render_line(y).text.strip() for y in range(8))
        assert notice.startswith(f"No brief matches the filter. {told}")


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("-lang:klingon", "Looked for as words: -lang:klingon (lang: takes a language code"),
        ("\U0001f680", "Not looked for: \U0001f680 (the filter finds words of letters or digits)"),
        # A term with no value narrowed nothing, without a word.
        (
            "place:",
            "Left out, having no value: place: (write the value after the colon, such as"
            " place:tijuana)",
        ),
    ],
)
async def test_a_filter_given_with_enter_says_which_terms_it_could_not_read(
    tiny_corpus: Path, typed: str, told: str
) -> None:
    # The list showed every brief, as if Spanish ones had been left out, and said nothing.
    notices: list[tuple[str, str]] = []
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        everything = listed_keys(app)
        await pilot.press("slash", *typed)
        await settle(pilot)
        assert notices == []  # not while it is being typed
        await pilot.press("enter")
        await settle(pilot)
        assert listed_keys(app) == everything
        assert [(severity, text[: len(told)]) for severity, text in notices] == [("warning", told)]
        # Given again unchanged, it is not told again: the notices stacked up.
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert len(notices) == 1


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("ternium OR kia", "Looked for as words: OR (the filter keeps the briefs holding"),
        (
            "place:pesqueria,n.l.",
            "Commas do not list values: place:pesqueria,n.l. is one value;"
            " write place:pesqueria place:n.l. to ask for each",
        ),
    ],
)
async def test_a_filter_given_with_enter_says_what_its_operators_and_commas_are(
    tmp_path: Path, typed: str, told: str
) -> None:
    # A list the filter does not leave empty says nothing of them itself.
    summary = "Kia orders steel from Ternium's Pesqueria mill."
    briefs = {"a.yaml": fields("a", summary=summary, places=["Pesqueria, N.L."])}
    notices: list[tuple[str, str]] = []
    app = BriefingApp(make_corpus(tmp_path / "corpus", briefs))
    async with app.run_test(size=(100, 30), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *typed)
        await settle(pilot)
        assert listed_keys(app) == ["a"]
        assert notices == []  # not while it is being typed
        await pilot.press("enter")
        await settle(pilot)
        assert [(severity, text[: len(told)]) for severity, text in notices] == [("warning", told)]


async def test_an_empty_list_says_an_exact_value_with_commas_is_one_value(
    tmp_path: Path,
) -> None:
    # place:queretaro,laredo was told; place:=tijuana,mexicali found nothing, and said nothing.
    briefs = {
        "a.yaml": fields("a", places=["Tijuana"]),
        "b.yaml": fields("b", places=["Mexicali"]),
    }
    app = BriefingApp(make_corpus(tmp_path / "corpus", briefs))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"place:=tijuana,mexicali")
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.rows == []
        notice = " ".join(article_list.render_line(y).text.strip() for y in range(8))
        assert notice.startswith(
            "No brief matches the filter. Commas do not list values: place:=tijuana,mexicali"
            " is one value; write place:=tijuana place:=mexicali to ask for each"
        )


async def test_an_empty_list_says_a_value_of_several_words_is_written_in_quotes(
    tmp_path: Path,
) -> None:
    briefs = {"a.yaml": fields("a", organizations=["Secretaría de Economía"])}
    app = BriefingApp(make_corpus(tmp_path / "corpus", briefs))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"org:=secretaria de economia")
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.rows == []
        notice = " ".join(article_list.render_line(y).text.strip() for y in range(10))
        assert notice.startswith(
            "No brief matches the filter. A value in several words is written in quotes: write"
            ' org:="secretaria de economia"'
        )


async def test_an_empty_list_says_what_to_write_for_the_places_eu_is(tmp_path: Path) -> None:
    # place:=eu found nothing, a Spanish brief's "EU" being the United States, and said no more.
    briefs = {
        "es.yaml": fields("es", language="es", title_en="Exports", places=["EU"]),
        "en.yaml": fields("en", places=["European Union"]),
    }
    app = BriefingApp(make_corpus(tmp_path / "corpus", briefs))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"place:=eu")
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.rows == []
        notice = " ".join(article_list.render_line(y).text.strip() for y in range(8))
        assert notice.startswith("No brief matches the filter. place:=eu finds no brief")
        assert 'write place:="united states" or place:="european union"' in notice


async def test_a_filter_pasted_on_several_lines_keeps_every_line(tiny_corpus: Path) -> None:
    # The filter kept the first line of a paste alone: "lang:es" under "laredo" was lost.
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        main_screen(app).filter_input.post_message(events.Paste("laredo\nlang:es\n"))
        await settle(pilot)
        assert main_screen(app).filter_input.value == "laredo lang:es"
        assert listed_keys(app) == []  # the one brief holding "laredo" is in English


async def test_at_80x24_why_the_list_is_empty_is_read_whole_in_the_brief_pane(
    tiny_corpus: Path,
) -> None:
    # The list is a few lines high at 80x24: the second term and what it takes were cut off.
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"laredo date:2024-02-30 before:2024-13-01")
        await settle(pilot)
        assert list_rows(app) == []
        shown = brief_lines(app)
        assert shown.startswith("No brief matches the filter. Looked for as words:")
        assert "before:2024-13-01 (before: takes" in shown
        # A filter that finds briefs again shows the brief, not the reason.
        await pilot.press(*["backspace"] * len(" date:2024-02-30 before:2024-13-01"))
        await settle(pilot)
        assert list_rows(app) and "No brief matches" not in brief_lines(app)


# Bookmarks.


async def test_a_bookmark_survives_a_new_app_and_can_be_removed(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "b")
        await settle(pilot)
        assert bookmark_of(list_rows(app)[1]) == "★"
        assert title_bar_text(app) == "corpus · 5 briefs · 3 unread · 1 bookmarked · 0 marked"

    again = BriefingApp(corpus_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = list_rows(again)
        assert [bookmark_of(row) for row in rows] == [" ", "★", " ", " ", " "]
        await pilot.press("j", "b")
        await settle(pilot)

    third = BriefingApp(corpus_dir)
    async with third.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert all(bookmark_of(row) == " " for row in list_rows(third))


async def test_the_brief_pane_gives_a_spanish_articles_english_title_whole(
    corpus_dir: Path,
) -> None:
    english = "Marcelo Ebrard leads the First Convoy for the Internationalization of Mexican"
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lang:es ebrard", "enter")
        await settle(pilot)
        assert f"English title: {english} Municipalities" in brief_lines(app)
        await pilot.press("escape", "slash", *"lang:en", "enter")
        await settle(pilot)
        assert "English title:" not in brief_lines(app)


async def test_names_holding_a_comma_are_told_apart_in_the_brief_pane(tmp_path: Path) -> None:
    # "Places: Saltillo, Pesqueria, N.L., United States" read as four places.
    brief = fields("names", places=["Saltillo", "Pesqueria, N.L.", "United States"])
    app = BriefingApp(make_corpus(tmp_path / "c", {"names.yaml": brief}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Places: Saltillo; Pesqueria, N.L.; United States" in brief_lines(app)


async def test_a_title_cut_at_the_top_of_the_brief_pane_is_given_whole_further_down(
    corpus_dir: Path,
) -> None:
    # At 80x24 the title takes two lines at most, and the list cuts it too: its end
    # ("... through Export Growth") was nowhere but in the original.
    title = one_line(shipped_brief("mexicali-maquiladora-exports-2024")["title"])
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert listed_keys(app)[0] == "mexicali-maquiladora-exports-2024"
        shown = main_screen(app).brief_view.render_line(1).text.rstrip()
        assert shown.endswith("…") and "Export Growth" not in shown  # cut at the top
        assert f"Title: {title}" in brief_lines(app)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert brief_lines(app).startswith(title)
        assert "Title: " not in brief_lines(app)


def cursor_key(app: BriefingApp) -> str:
    return listed_keys(app)[main_screen(app).article_list.cursor_row]


async def test_the_brief_typed_from_is_the_same_after_the_corpus_is_read_again_or_focus_returns(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        chosen = cursor_key(app)
        await pilot.press("slash", *"zzzq")  # hides every brief
        await settle(pilot)
        assert listed_keys(app) == []
        # The list's first brief deleted on disk while the filter is typed: positions move.
        (corpus_dir / "briefs" / "mexicali-maquiladora-exports-2024.yaml").unlink()
        main_screen(app)._reload()
        await settle(pilot)
        # The user switches windows and back: the filter gets the focus again.
        app.post_message(events.AppBlur())
        await settle(pilot)
        app.post_message(events.AppFocus())
        await settle(pilot)
        for _ in range(4):
            await pilot.press("backspace")
            await settle(pilot)
        assert cursor_key(app) == chosen


@pytest.mark.parametrize(
    "typed",
    # "-t" leaves out every brief, as it is typed; "qqqq" finds none, kept with Enter, which
    # then put the cursor on the first brief, and marked it read.
    [("minus", "t"), (*"qqqq", "enter")],
    ids=["typing", "kept"],
)
async def test_escape_from_a_filter_that_shows_nothing_goes_back_to_the_brief(
    corpus_dir: Path, typed: tuple[str, ...]
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        chosen = cursor_key(app)
        await pilot.press("slash", *typed)
        await settle(pilot)
        assert listed_keys(app) == []
        await pilot.press("escape")
        await settle(pilot)
        assert cursor_key(app) == chosen


async def test_the_cursor_comes_back_to_its_brief_as_a_term_typed_shows_it_again(
    corpus_dir: Path,
) -> None:
    # "-t", on the way to "-tijuana", leaves out every brief: the cursor went to the first row
    # the next letters showed, and stayed there.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        screen = main_screen(app)
        chosen = screen.article_list.cursor_entry
        await pilot.press("slash")
        for key in "-t":
            await pilot.press(key)
            await settle(pilot)
        assert chosen not in screen.article_list.rows
        for key in "ijuana":
            await pilot.press(key)
            await settle(pilot)
        assert len(list_rows(app)) > 1 and screen.article_list.cursor_entry == chosen
        assert screen.shown_entry == chosen
        # Escape keeps the cursor on the brief it is on, as it did.
        await pilot.press("enter", "k", "escape")
        await settle(pilot)
        assert screen.article_list.cursor_entry != chosen


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ("topic:logis", ["laredo"]),  # a field's word by its start
        ("lang:es", ["queretaro"]),
        ("lang:en topic:logistics", ["laredo"]),
        ("topic:aranceles", []),  # in the original text only, not a topic
        ("-lang:es", ["laredo"]),  # a minus leaves out what the term finds
        ("-aranceles", ["laredo"]),
        ("laredo -logistics", []),
    ],
)
async def test_a_field_term_in_the_filter_looks_in_that_field_only(
    tiny_corpus: Path, terms: str, expected: list[str]
) -> None:
    app = BriefingApp(tiny_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *terms)
        await settle(pilot)
        assert listed_keys(app) == expected


@pytest.mark.parametrize("typed", ["EE.UU. maquila", "maquila ee. uu.", "eeuu maquila"])
async def test_an_abbreviation_beside_another_word_narrows_the_list_to_the_briefs_with_both(
    corpus_dir: Path, typed: str
) -> None:
    # An abbreviation with periods beside another word ended the reader (the index could not
    # read the query made of them), with whatever was being typed.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *typed)
        await settle(pilot)
        assert app.is_running
        # The articles holding both: the Index report writes "EEUU" and "Maquiladora"; the
        # Mexicali report lists the United States, which the gazetteer also writes EE.UU.
        assert listed_keys(app) == [
            "mexicali-maquiladora-exports-2024",
            "index-zona-costa-first-half-report",
        ]


async def test_is_bookmarked_in_the_filter_follows_the_bookmarks(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "b", "slash", *"is:bookmarked", "enter")
        await settle(pilot)
        assert listed_keys(app) == ["mexico-us-economic-dialogue-work-plan"]
        # The bookmark taken off: the brief stays under the cursor, for b to put it back, until
        # the filter is asked again.
        await pilot.press("b")
        await settle(pilot)
        assert listed_keys(app) == ["mexico-us-economic-dialogue-work-plan"]
        assert bookmark_of(list_rows(app)[0]) != "★"
        await pilot.press("slash", "space", "enter")
        await settle(pilot)
        assert listed_keys(app) == []
        assert app.screen.sub_title.endswith("0 shown")


async def test_a_mark_the_filter_leaves_out_can_be_taken_back_at_once(corpus_dir: Path) -> None:
    # The brief left the list on b: the cursor fell on the next one, which was marked read, and
    # b bookmarked that one instead of taking the bookmark back.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"-is:bookmarked", "enter", "j")
        await settle(pilot)
        on = listed_keys(app)[1]
        unread = app.screen.sub_title.split(" · ")[1]  # "4 unread"
        await pilot.press("b")
        await settle(pilot)
        assert listed_keys(app)[main_screen(app).article_list.cursor_row] == on
        assert bookmark_of(list_rows(app)[1]) == "★"
        assert app.screen.sub_title.split(" · ")[1] == unread  # no other brief shown and read
        await pilot.press("k")  # the cursor's own style aside
        await settle(pilot)
        assert dim_text(app, 1) and not dim_text(app, 0)  # dimmed: the filter leaves it out
        await pilot.press("j", "b")
        await settle(pilot)
        assert main_screen(app).bookmarked == frozenset()


async def test_capital_b_shows_bookmarks_only_and_back(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "b", "B")
        await settle(pilot)
        assert listed_keys(app) == ["mexico-us-economic-dialogue-work-plan"]
        assert app.screen.sub_title.endswith("1 shown")
        # The list says it holds the bookmarked articles alone.
        list_pane = main_screen(app).article_list
        assert str(list_pane.border_title) == "Articles · bookmarked only"
        await pilot.press("B")
        await settle(pilot)
        assert len(list_rows(app)) == 5
        assert str(list_pane.border_title) == "Articles"
        assert shown_title(app).startswith(THIRD)


async def test_a_bookmark_whose_brief_is_gone_is_kept(
    corpus_dir: Path, private_state: Path
) -> None:
    BookmarkStore(private_state, corpus_key(corpus_dir)).toggle("a-brief-since-deleted")
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "0 bookmarked" in app.screen.sub_title
        await pilot.press("b")
        await settle(pilot)
        assert "1 bookmarked" in app.screen.sub_title
    kept = BookmarkStore(private_state, corpus_key(corpus_dir)).ids
    assert kept == {"a-brief-since-deleted", "mexicali-maquiladora-exports-2024"}


@dataclass
class AfterBookmarking:
    """What the app showed and said once `b` was pressed on the first article."""

    rows: list[str]
    header: str
    notices: list[tuple[str, str]]
    """(severity, message) of every notification, in order."""


async def bookmark_first_article(corpus_dir: Path) -> AfterBookmarking:
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        return AfterBookmarking(list_rows(app), str(app.screen.sub_title), notices)


async def test_an_unreadable_bookmarks_file_is_reported_once(
    corpus_dir: Path, private_state: Path
) -> None:
    (private_state / "bookmarks.json").write_text("{not json")
    notices = (await bookmark_first_article(corpus_dir)).notices
    about_file = [message for _, message in notices if "Bookmarks file is not JSON" in message]
    assert len(about_file) == 1
    assert notices[0][0] == "warning"


async def test_bookmarks_that_cannot_be_saved_are_kept_and_reported(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the state folder should be")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocked))
    shown = await bookmark_first_article(corpus_dir)
    assert bookmark_of(shown.rows[0]) == "★"
    assert "1 bookmarked (not saved)" in shown.header
    assert any(
        severity == "error" and "cannot be saved" in message for severity, message in shown.notices
    )


async def test_bookmarks_on_file_are_not_said_unsaved_where_new_ones_could_not_be_saved(
    corpus_dir: Path, private_state: Path
) -> None:
    # "1 bookmarked (not saved)" was said of a bookmark safely on file, before any change.
    # Of a newer briefing: read, never written.
    newer = {"version": 2, "corpora": {str(corpus_dir.resolve()): ["mexicali-cce-nearshoring"]}}
    (private_state / "bookmarks.json").write_text(json.dumps(newer))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = str(app.screen.sub_title)
        await pilot.press("b")  # the first brief, another
        await settle(pilot)
        after = str(app.screen.sub_title)
    assert "· 1 bookmarked ·" in before
    assert "· 2 bookmarked (not saved) ·" in after


async def test_a_bookmarks_file_from_a_newer_briefing_is_left_as_it_is(
    corpus_dir: Path, private_state: Path
) -> None:
    newer = {"version": 2, "corpora": {str(corpus_dir.resolve()): ["a-brief-elsewhere"]}}
    content = json.dumps(newer)
    (private_state / "bookmarks.json").write_text(content)
    shown = await bookmark_first_article(corpus_dir)
    assert bookmark_of(shown.rows[0]) == "★"
    assert "1 bookmarked (not saved)" in shown.header
    newer_briefing = [message for _, message in shown.notices if "from a newer briefing" in message]
    assert len(newer_briefing) == 1
    assert (private_state / "bookmarks.json").read_text() == content


# Marking and exporting.


async def test_marked_articles_are_exported_to_the_file_named(
    corpus_dir: Path, tmp_path: Path
) -> None:
    notices: list[tuple[str, str]] = []
    hook = notifications_into(notices)
    app = BriefingApp(corpus_dir)
    target = tmp_path / "out.md"
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("space", "j", "j", "space")
        await settle(pilot)
        rows = list_rows(app)
        assert [export_mark_of(row) for row in rows] == ["✓", " ", "✓", " ", " "]
        assert "2 marked" in app.screen.sub_title
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        dialog = app.screen
        name = dialog.query_one(Input).value
        assert name.startswith("briefing-") and name.endswith(".md") and len(name) == 27
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith(f"# Briefing, {dt.date.today().isoformat()}\n")
    assert "2 marked briefs, exported on" in markdown
    assert markdown.count("\n## ") == 2
    assert "Mayor Norma Alicia Bustamante of Mexicali" in markdown
    assert "Mexico, US Draft Work Plan" in markdown
    assert "Nearshoring Project" not in markdown
    assert notices[-1] == ("information", f"Exported 2 briefs to {target}")


async def test_the_marked_briefs_are_looked_up_after_the_dialog_and_off_the_screen_s_thread(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Looked up before the dialog opened, on the screen's thread: with 10,000 marked, the
    # reader stood still for over a minute before the dialog showed.
    looked_up_on: list[bool] = []
    look_up = Corpus.entries_with_ids

    def recorded(corpus: Corpus, ids: Iterable[str]) -> list[Entry]:
        looked_up_on.append(threading.current_thread() is threading.main_thread())
        return look_up(corpus, ids)

    monkeypatch.setattr(Corpus, "entries_with_ids", recorded)
    monkeypatch.setattr(export_screen, "MANY_BRIEFS", 5)  # as many as to say it is at work
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    target = tmp_path / "out.md"
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("A", "e")  # every brief marked
        await wait_for_screen(pilot, ExportDialog)
        assert "the 5 marked briefs to" in " ".join(
            str(label.render()) for label in app.screen.query(Label)
        )
        assert looked_up_on == []
        await answer_export_dialog(pilot, target)
        await settle(pilot)
    assert looked_up_on == [False]
    assert target.read_text(encoding="utf-8").count("\n## ") == 5
    said = [text for _, text in notices]
    assert said.index("Writing 5 briefs…") < said.index(f"Exported 5 briefs to {target}")


async def test_with_nothing_marked_the_current_article_is_exported(
    corpus_dir: Path, tmp_path: Path
) -> None:
    app = BriefingApp(corpus_dir)
    target = tmp_path / "one.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "e")
        await answer_export_dialog(pilot, target)
        await settle(pilot)
    markdown = target.read_text(encoding="utf-8")
    assert "\n1 brief, exported on " in markdown
    assert "## Mexicali Business Coordinating Council Presents Nearshoring Project" in markdown


async def test_escape_cancels_the_export(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_for_screen(pilot, ExportDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
    assert list(work.iterdir()) == []


async def test_an_existing_file_is_overwritten_only_when_the_user_says_so(
    corpus_dir: Path, existing_file: Path
) -> None:
    target = existing_file
    async with overwrite_question(corpus_dir, target, (120, 40)) as (app, pilot):
        await pilot.press("n")
        # Back to the name, to choose another one.
        await wait_for_screen(pilot, ExportDialog)
        assert app.screen.query_one(Input).value == str(target)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await wait_for_screen(pilot, OverwriteDialog)
        await pilot.press("y")
        await settle(pilot)
    assert target.read_text(encoding="utf-8").startswith("# Briefing, ")


# Help and palette.


async def test_question_mark_lists_every_key(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        text = await help_text(pilot)
        for keys, description in [
            ("↓ j", "Next article"),
            ("↑ k", "Previous article"),
            ("home g", "First article"),
            ("end G", "Last article"),
            ("pgdn", "Page down"),
            ("⏎", "Facts"),
            ("tab", "Next pane"),
            ("shift+tab", "Previous pane"),
            ("/", "Filter"),
            ("esc", "Clear filter"),
            ("b", "Bookmark"),
            ("B", "Bookmarks only"),
            ("space", "Mark"),
            ("e", "Export"),
            ("o", "Original"),
            ("?", "Help"),
            ("q", "Quit"),
            ("^p", "Command palette"),
            # The filter's terms.
            ("place:baja", "Also org: person: topic: outlet: lang:es"),
            ("is:unread", "Also is:read is:bookmarked is:draft has:note tag:"),
            ("-baja", "Leave out the briefs a word or term finds"),
        ]:
            assert any(
                line.strip().startswith(keys + " ") and line.rstrip().endswith(description)
                for line in text.splitlines()
            ), (keys, description)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def help_sections_of(text: str) -> dict[str, list[tuple[str, str]]]:
    """The help screen's text as its sections: under each heading, the keys and what they do
    of each line (a line going on from the one above has no keys)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line and not line.startswith(" "):
            rows = sections.setdefault(line, [])
        elif line.strip():
            rows.append((line[2:18].strip(), line[18:].strip()))
    return sections


async def test_the_help_lists_the_keys_of_each_dialog_and_of_finding_words(
    corpus_dir: Path,
) -> None:
    # The help promised every key, but left out those of the dialogs and the keys that take
    # words typed to find off again.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = await help_text(pilot)
        keys = app.screen.query_one("#keys")
        assert keys.size.height == len(text.split("\n"))  # not a line wrapped at 80 columns
    sections = help_sections_of(text)
    assert sections["Finding words in the original"] == [
        ("⏎ ↓", "Next place found"),
        ("↑", "Place found before"),
        ("esc", "Stop finding"),
        ("letters", "Add to the words to find"),
        ("⌫", "Take off the last letter"),
        ("^w", "Take off the last word"),
        ("^u", "Take off all the words"),
    ]
    assert sections["Facets (f)"] == [
        ("⏎", "Narrow the list to the value (or show more values)"),
        ("esc q", "Close"),
        ("tab", "Next field"),
        ("shift+tab", "Previous field"),
        ("↓ j", "Next value"),
        ("↑ k", "Value before"),
    ]
    assert sections["Note (n)"] == [
        ("^s", "Save the note"),
        ("esc", "Cancel, asking first if the note has changed"),
        ("tab", "Indent: spaces up to the next multiple of 4"),
        ("shift+tab", "Take the line back out one indent"),
    ]
    assert sections["Tags (t)"] == [
        ("⏎", "Save the tags"),
        ("esc", "Cancel, asking first if the tags have changed"),
        ("tab", "Complete the tag to one in use"),
    ]
    assert sections["When a changed note or tags are cancelled"] == [
        ("y", "Discard"),
        ("n esc", "Keep editing"),
    ]
    assert sections["Add an article (a)"] == [
        ("⏎", "Add it, with a draft brief"),
        ("esc", "Cancel"),
        ("tab", "Complete the path, or name the choices"),
    ]
    assert sections["When quitting would lose changes"] == [("y", "Quit"), ("n esc", "Stay")]
    # Each dialog's heading names the key that opens it.
    assert "Filter (/)" in sections
    assert sections["Export (e)"][0] == ("⏎", "Write the file")
    # Finding's keys are with finding, not among the pane's own, where ↓ and ↑ scroll.
    assert not any("found" in what for _, what in sections["Original text"])


async def test_the_help_screen_pages_and_goes_to_either_end_on_a_small_terminal(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        frame = app.screen.query_one(VerticalScroll)
        assert frame.max_scroll_y > 0  # more keys than lines: the test needs it
        await pilot.press("pagedown")
        await pilot.pause()
        page = frame.scrollable_content_region.height
        assert frame.scroll_y == page
        await pilot.press("end")
        await pilot.pause()
        assert frame.scroll_y == frame.max_scroll_y  # its last line in view
        await pilot.press("pageup")
        await pilot.pause()
        assert frame.scroll_y == frame.max_scroll_y - page
        await pilot.press("home")
        await pilot.pause()
        assert frame.scroll_y == 0


async def test_the_command_palette_runs_the_same_actions(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"bookmark article")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert bookmark_of(list_rows(app)[0]) == "★"
        await pilot.press("ctrl+p", *"mark article for export")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert export_mark_of(list_rows(app)[0]) == "✓"


async def run_from_palette(pilot: Pilot[None], typed: str) -> None:
    """Open the command palette, type ``typed`` and run the command found first with Enter."""
    await pilot.press("ctrl+p", *typed)
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MainScreen)


async def test_the_command_palette_moves_to_a_fact_or_an_article_whichever_pane_has_the_keys(
    corpus_dir: Path,
) -> None:
    # "next fact" found nothing: the palette held none of the moves.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first, second = listed_keys(app)[:2]
        assert str(screen.article_view.border_subtitle).startswith("fact 1 ·")
        await run_from_palette(pilot, "next fact")  # from the list, which had the keys
        assert str(screen.article_view.border_subtitle).startswith("fact 2 ·")
        assert listed_keys(app)[screen.article_list.cursor_row] == first
        # The facts have the keys now: j goes on from the fact moved to.
        await pilot.press("j")
        await settle(pilot)
        assert str(screen.article_view.border_subtitle).startswith("fact 3 ·")
        await run_from_palette(pilot, "next article")  # from the facts
        assert listed_keys(app)[screen.article_list.cursor_row] == second
        assert str(screen.article_view.border_subtitle).startswith("fact 1 ·")
        await pilot.press("j")  # the list has the keys
        await settle(pilot)
        assert screen.article_list.cursor_row == 2
        await run_from_palette(pilot, "last article")
        assert screen.article_list.cursor_row == len(list_rows(app)) - 1
        await run_from_palette(pilot, "first article")
        assert listed_keys(app)[screen.article_list.cursor_row] == first


async def test_a_move_chosen_in_the_palette_with_nothing_to_move_through_says_why(
    corpus_dir: Path,
) -> None:
    # Left out of the palette on an empty list, "Next article" typed there picked "Hide
    # original text", which Enter ran.
    app = BriefingApp(corpus_dir)
    told: list[tuple[str, str]] = []
    async with app.run_test(size=(120, 40), message_hook=notifications_into(told)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("slash", *"nothing-holds-this", "enter")  # the list emptied
        await settle(pilot)
        await run_from_palette(pilot, "Next article")
        assert screen.show_original
        assert ("information", "The list shows no article") in told
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("o")  # the original hidden
        await settle(pilot)
        await run_from_palette(pilot, "End of the original text")
        assert any(message.startswith("The original text is hidden: o") for _, message in told)


async def test_q_quits(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


# Broken and hostile briefs.


async def test_a_brief_that_failed_to_load_shows_its_problems(corpus_dir: Path) -> None:
    (corpus_dir / "briefs" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = list_rows(app)
        assert len(rows) == 6
        assert "⚠" in rows[-1] and "broken.yaml" in rows[-1]
        assert "1 failed" in app.screen.sub_title
        await pilot.press("G")
        await settle(pilot)
        text = shown_title(app)
        assert text.startswith("briefs/broken.yaml could not be loaded")
        assert "briefs/broken.yaml:2: YAML syntax error: the [ list" in text
        screen = main_screen(app)
        await pilot.press("b", "space")
        await settle(pilot)
        # Bookmarked under its file's name, the id its brief must have; not marked for export,
        # which would export nothing.
        assert "1 bookmarked · 0 marked" in app.screen.sub_title
        assert bookmark_of(list_rows(app)[-1]) == "★"
        assert screen.article_view.render_line(0).text.startswith("This brief could not be loaded")


@pytest.mark.parametrize(
    ("key", "told"),
    [
        ("space", "mark it for export"),
        ("u", "mark it unread"),
        ("n", "write a note on it"),
        ("t", "tag it"),
        ("e", "export it, or mark briefs that loaded"),
    ],
)
async def test_a_key_that_cannot_act_on_a_brief_that_failed_to_load_says_why(
    corpus_dir: Path, key: str, told: str
) -> None:
    # The key did nothing, and nothing said so: the footer offered it all the same.
    (corpus_dir / "briefs" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("G", key)
        await settle(pilot)
        assert notices == [
            ("warning", f"briefs/broken.yaml could not be loaded: mend it (E) to {told}")
        ]
        assert isinstance(app.screen, MainScreen)  # no dialog opened
        assert "0 marked" in app.screen.sub_title


async def test_a_bookmarked_brief_that_no_longer_loads_keeps_its_star_count_and_place(
    corpus_dir: Path, private_state: Path
) -> None:
    bookmarks = BookmarkStore(private_state, corpus_key(corpus_dir))
    bookmarks.toggle("mexico-us-economic-dialogue-work-plan")
    # An edit since it was bookmarked broke its file.
    broken = corpus_dir / "briefs" / "mexico-us-economic-dialogue-work-plan.yaml"
    broken.write_text("id: mexico-us-economic-dialogue-work-plan\ntitle: [unclosed\n")
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (row,) = [row for row in list_rows(app) if "could not be loaded" in row]
        assert row.startswith("★  ⚠ mexico-us-economic")
        # Its name whole, over the row's two lines: the id its brief is to have.
        assert broken.name in "".join(row.split())
        assert "1 failed" in app.screen.sub_title and "1 bookmarked" in app.screen.sub_title
        await pilot.press("B")
        await settle(pilot)
        assert listed_keys(app) == [broken.stem]
        await pilot.press("b")
        await settle(pilot)
        assert "0 bookmarked" in app.screen.sub_title
        assert bookmark_of(list_rows(app)[0]) == " "
    assert BookmarkStore(private_state, corpus_key(corpus_dir)).ids == set()


@pytest.mark.parametrize("article", [None, "", " \n\n "], ids=["missing", "empty", "blank"])
async def test_an_article_that_cannot_be_shown_says_so_in_its_pane(
    tmp_path: Path, article: str | None
) -> None:
    root = tmp_path / "corpus"
    if article is not None:
        write_article(root, "gone.txt", article)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    write_brief(
        root,
        BriefSpec(
            id="gone",
            title="An article not there",
            source="gone.txt",
            facts=[FactSpec("Exports rose.", "Exports rose 5%")],
        ),
    )
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        original = main_screen(app).article_view
        shown = " ".join(original.render_line(y).text.strip() for y in range(4))
        # What is wrong with it, and what to do: the pane said "empty or cannot be read" of an
        # article that was not there.
        if article is None:
            assert shown.startswith("The article cannot be shown: not found: there is no")
            assert "seeds/gone.txt; put the article back in seeds/, or correct source:" in shown
        else:
            assert shown.startswith("The article cannot be shown: seeds/gone.txt is empty")
        # The article is what is wrong, not the quote.
        assert "quote not found" not in str(original.border_subtitle)
        assert "Problems (" in brief_text(app)
        # ... and so the fact says: its quote was not looked for in an article not there.
        facts = " ".join(brief_text(app).split())  # as read, whatever the pane's lines
        if article is None:
            assert "1. Exports rose. (figure) ⚠ not checked: the article could not be read" in facts
            assert "quote not found" not in facts
        else:
            assert "1. Exports rose. (figure) ⚠ quote not found in the article" in facts


async def test_an_article_named_by_a_whole_path_is_titled_as_written(tmp_path: Path) -> None:
    # The pane's title read "Original · seeds//etc/hostname", a file that is not there.
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    write_brief(
        root,
        BriefSpec(
            id="outside",
            title="An article outside the corpus",
            source="/etc/hostname",
            facts=[FactSpec("Exports rose.", "Exports rose 5%")],
        ),
    )
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert str(main_screen(app).article_view.border_title) == "Original · /etc/hostname"
        assert "inside seeds/" in brief_text(app)


HOSTILE = "[b]bold[/b] [/] [@click=app.quit]quit now[/]"


async def test_markup_in_briefs_and_articles_is_shown_as_text(tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    write_article(root, "x.txt", f"Intro line.\n\n{HOSTILE} and \x1b[31mred\x1b[0m text.\n")
    write_brief(
        root,
        BriefSpec(
            id="hostile",
            title=f"{HOSTILE}\x1b]0;pwned\x07",
            source="x.txt",
            summary=f"Summary {HOSTILE}",
            facts=[FactSpec(f"Fact {HOSTILE}", HOSTILE)],
        ),
    )
    app = BriefingApp(root)
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        row = list_rows(app)[0]
        assert row.startswith(f"   {HOSTILE} ")  # the title's line, as text
        text = brief_text(app)
        assert text.startswith(HOSTILE)
        assert f"Summary {HOSTILE}" in text
        assert "\x1b" not in text and "pwned" not in text
        original = main_screen(app).article_view
        assert strong_text(original) == HOSTILE
        shown = [original.render_line(y).text for y in range(4)]
        assert shown[2].startswith(f"{HOSTILE} and red text.")
        # Clicking on the words of the would-be link does nothing but choose the fact.
        await pilot.click(ArticleList, offset=(30, 1))
        await pilot.click(BriefView, offset=(20, 1))
        await pilot.click(ArticleView, offset=(30, 3))
        await settle(pilot)
        assert app.is_running and app.return_code is None


# Mouse.


async def test_clicks_choose_articles_facts_and_quotes(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.click(ArticleList, offset=(20, 3))  # the second two-line row
        await settle(pilot)
        assert shown_title(app).startswith(SECOND[:30])
        screen = main_screen(app)
        first, _ = screen.brief_view.fact_line_range(2)
        await pilot.click(BriefView, offset=(5, 1 + first - screen.brief_view.scroll_offset.y))
        await settle(pilot)
        assert screen.current_fact == 2
        # Note where the quote of fact 1 is drawn, move on to fact 2, then click that quote.
        original = screen.article_view
        await pilot.press("k")
        await settle(pilot)
        assert screen.current_fact == 1
        line, _ = original.current_quote_lines or (0, 0)
        y = line - original.scroll_offset.y
        x = strong_column(original, y)
        await pilot.press("j")
        await settle(pilot)
        assert screen.current_fact == 2
        assert original.current_quote_lines is not None
        await pilot.click(ArticleView, offset=(2 + x, 1 + y))  # past the border and padding
        await settle(pilot)
        assert screen.current_fact == 1


# Layout.


async def test_o_hides_and_shows_the_original(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        original = main_screen(app).article_view
        await pilot.press("tab", "tab")
        assert app.focused is original
        await pilot.press("o")
        await settle(pilot)
        assert not original.display or original.region.width == 0
        assert isinstance(app.focused, BriefView)
        await pilot.press("o")
        await settle(pilot)
        assert original.region.width > 0


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_brief_that_loaded_with_errors_is_marked_in_the_list_and_above_its_facts(
    corpus_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    # It looked like any other: its problems were told only after the summary and the names.
    brief = corpus_dir / "briefs" / "mexicali-cce-nearshoring.yaml"
    brief.write_text(brief.read_text().replace("language: en\n", "language: english\n"))
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size, message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        rows = list_rows(app)
        flagged = [row for row in rows if "⚠" in row]
        assert len(flagged) == 1 and "Mexicali Business" in flagged[0]
        await pilot.press(*["down"] * rows.index(flagged[0]))
        await settle(pilot)
        lines = main_screen(app).brief_view.lines
        said = next(i for i, line in enumerate(lines) if "1 error in the brief file" in line)
        assert said < next(i for i, line in enumerate(lines) if line.startswith("Key facts"))
        await pilot.press("e")
        await answer_export_dialog(pilot, tmp_path / "out.md")
        await settle(pilot)
    assert any(
        severity == "warning" and "1 brief exported with errors" in message
        for severity, message in notices
    )
    assert "Errors in the brief file (1)" in (tmp_path / "out.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("language", "shown"), [("english", "e…"), ("中文", "… "), ('"e\\nn"', "e…")]
)
async def test_at_80_by_24_a_language_that_is_no_code_keeps_the_titles_in_line(
    corpus_dir: Path, language: str, shown: str
) -> None:
    # "english" was shown as "eng", and that row's title began a column after the others;
    # "中文", two cells a character, two columns after.
    brief = corpus_dir / "briefs" / "mexicali-cce-nearshoring.yaml"
    brief.write_text(brief.read_text().replace("language: en\n", f"language: {language}\n"))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = list_rows(app)
        language = DATE_WIDTH + 1  # after the date's column and a space
        languages = [row[language : language + 2] for row in rows]
        assert sorted(languages) == sorted([shown, "en", "en", "es", "es"])
        # After the marks, one space, then each title (flagged or not) at the same column.
        title = language + 6
        assert all(row[title - 1] == " " and row[title] != " " for row in rows), rows


async def test_a_flagged_title_s_row_ends_where_the_others_do(
    corpus_dir: Path,
) -> None:
    # The flag's two cells were taken from the second line too: its date ended short of the edge.
    brief = corpus_dir / "briefs" / "mexicali-cce-nearshoring.yaml"
    brief.write_text(brief.read_text().replace("language: en\n", "language: english\n"))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.row_height == 2
        second_lines = [
            article_list.render_line(2 * row + 1).text for row in range(len(article_list.rows))
        ]
        assert len({len(line.rstrip()) for line in second_lines}) == 1, second_lines


@pytest.mark.parametrize(("size", "lines"), [((200, 50), 2), ((260, 60), 2), ((100, 30), 1)])
async def test_a_list_beside_the_brief_gives_titles_two_lines_however_wide_the_screen(
    corpus_dir: Path, size: tuple[int, int], lines: int
) -> None:
    # From 195 columns the list beside the brief took one line a title and cut it at 42 cells,
    # where at 190 two lines gave it 100: a wider screen made titles less readable.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = main_screen(app).article_list
        assert article_list.row_height == lines  # one line only above the brief, spanning
        titles = [brief.english_title for brief in main_screen(app).corpus.briefs]
        longest = max(titles, key=len)
        rows = [" ".join(row.split()) for row in list_rows(app)]  # a title's lines joined
        assert any(longest[:70] in row for row in rows), rows


async def test_at_80_by_24_every_pane_has_room(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        # The brief gets the larger half beside the original, whose lines are still readable.
        assert screen.brief_view.scrollable_content_region.width >= 40
        assert screen.article_view.scrollable_content_region.width >= 25
        for pane in (screen.article_list, screen.brief_view, screen.article_view):
            assert pane.scrollable_content_region.height >= 3
        # The whole title of the newest brief's first words fit in its row.
        assert "Mayor Norma Alicia Bustamante of Mexicali" in list_rows(app)[0]


@pytest.mark.parametrize(("size", "facts"), [((120, 40), 5), ((80, 24), 2)])
async def test_the_first_facts_are_in_view_at_start(
    corpus_dir: Path, size: tuple[int, int], facts: int
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        height = brief_view.scrollable_content_region.height
        assert brief_view.scroll_offset.y == 0
        assert brief_view.fact_count >= facts
        # Every line of the first facts is among the lines the pane shows.
        assert brief_view.fact_line_range(facts - 1)[1] <= height


@pytest.mark.parametrize(("size", "whole"), [((120, 40), True), ((80, 24), False)])
async def test_a_long_title_is_whole_in_a_tall_brief_pane_and_two_lines_in_a_short_one(
    corpus_dir: Path, size: tuple[int, int], whole: bool
) -> None:
    # The pane cut every title at two lines, with thirty lines free below the facts at 120x40.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        brief = main_screen(app)._shown_brief()
        assert brief is not None
        lines = brief_view.lines
        title_lines = lines[: lines.index(pane_meta_line(brief))]  # the title, then the meta line
        if whole:
            assert len(title_lines) > 2
            assert " ".join(line.strip() for line in title_lines) == brief.title
        else:  # the rest of the title is cut where the second line ends
            assert len(title_lines) == 2
            assert len(brief.title) > 2 * brief_view.scrollable_content_region.width


async def test_a_resized_terminal_shows_the_brief_from_its_title_again(corpus_dir: Path) -> None:
    # Laid out for a moment at a size between the two, the pane scrolled down to the first
    # fact and stayed there: the title was out of view at 80x24, and again at 120x40.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        brief = main_screen(app)._shown_brief()
        assert brief is not None
        for size in ((80, 24), (120, 40), (60, 20), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            top = brief_view.scroll_offset.y
            if size == (60, 20):  # too short for both: the first fact
                assert top == brief_view.fact_line_range(0)[0]
            else:
                assert top == 0 and brief.title.startswith(brief_view.lines[0].strip())


async def test_a_brief_pane_scrolled_past_the_facts_keeps_its_text_and_fact_when_resized(
    corpus_dir: Path,
) -> None:
    # Scrolled on past the last fact, the pane kept the line number, not the text: at 80x24 the
    # current fact was out of view, or cut, as the lines above it had grown.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        await pilot.press("enter", "G", "j")
        await settle(pilot)

        def fact_in_view() -> bool:
            first, end = brief_view.fact_line_range(brief_view.fact or 0)
            top = brief_view.scroll_offset.y
            return top <= first and end <= top + brief_view.scrollable_content_region.height

        assert brief_view.fact == brief_view.fact_count - 1 and fact_in_view()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert fact_in_view()

        # Further on, the summary's heading at the top stays at the top.
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await scroll_until_on_top(pilot, brief_view, "Summary")
        for size in ((80, 24), (100, 30), (120, 40)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert brief_view.lines[brief_view.scroll_offset.y] == "Summary", size


async def test_a_fact_moved_to_stays_on_top_of_the_brief_pane_when_it_is_resized(
    corpus_dir: Path,
) -> None:
    # Back up through the facts at 80x24, fact 6 on top: at 120x40 the pane showed the end of
    # fact 3 on top, the line number kept rather than the text.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        await pilot.press("enter", "G", *"kkkkk")
        await settle(pilot)
        assert brief_view.fact == brief_view.fact_count - 6
        assert brief_view.scroll_offset.y == brief_view.fact_line_range(brief_view.fact)[0]
        for size in ((100, 30), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            top = brief_view.scroll_offset.y
            assert top == brief_view.fact_line_range(brief_view.fact)[0], size


async def scroll_until_on_top(pilot: Pilot[None], brief_view: BriefView, start: str) -> None:
    """Press j until the brief pane's top line starts with ``start``; fail if it never does."""
    for _ in brief_view.lines:
        if brief_view.lines[brief_view.scroll_offset.y].startswith(start):
            return
        await pilot.press("j")
        await settle(pilot)
    raise AssertionError(f"{start!r} never came to the top")


async def test_a_brief_pane_scrolled_to_its_names_keeps_them_on_top_whether_its_title_is_cut(
    tmp_path: Path,
) -> None:
    # The lines were known by their paragraph's place in the pane: a title cut at 80x24 is
    # given again further down, which moved every paragraph after it by one at 120x40.
    root = tmp_path / "corpus"
    write_article(root, "a.txt", "Exports rose 5% in the year.\n")
    write_brief(
        root,
        BriefSpec(
            id="a",
            title="A long title on the exports of the maquiladora industry in the border towns of"
            " the north of Mexico, and what they mean",
            source="a.txt",
            facts=[FactSpec("Exports rose.", "Exports rose 5%")],
            places=[f"Place number {i}" for i in range(40)],
            topics=[f"topic number {i}" for i in range(80)],
        ),
    )
    app = BriefingApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        await pilot.press("enter")
        await scroll_until_on_top(pilot, brief_view, "Places:")
        assert any(line.startswith("Title: ") for line in brief_view.lines)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert not any(line.startswith("Title: ") for line in brief_view.lines)
        assert brief_view.lines[brief_view.scroll_offset.y].startswith("Places:")


@pytest.mark.parametrize("size", [(60, 20), (80, 16)])
async def test_a_brief_pane_too_short_for_the_title_and_a_fact_shows_the_fact(
    corpus_dir: Path, size: tuple[int, int]
) -> None:
    # The pane showed the title and the meta line, and no fact, while the original showed the
    # first fact's quote; now and after moving to the next brief.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        for _ in range(2):
            top, height = brief_view.scroll_offset.y, brief_view.scrollable_content_region.height
            first, end = brief_view.fact_line_range(0)
            assert top <= first and end <= top + max(height, end - first)
            await pilot.press("j")
            await settle(pilot)


async def test_page_down_and_end_on_the_last_fact_go_on_to_what_follows_the_facts(
    corpus_dir: Path,
) -> None:
    # On the last fact, PgDn and End took the pane back up to it, and PgUp below it jumped to a
    # fact a page above: the summary, the names and the problems could be read only line by
    # line, with j.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        await pilot.press("end", "enter", "G")
        await settle(pilot)
        last = brief_view.fact_count - 1
        height = brief_view.scrollable_content_region.height
        on_last = brief_view.scroll_offset.y
        assert brief_view.fact == last and brief_view.max_scroll_y > on_last + height
        await pilot.press("pagedown")
        await settle(pilot)
        assert (brief_view.fact, brief_view.scroll_offset.y) == (last, on_last + height)
        await pilot.press("G")
        await settle(pilot)
        end = brief_view.max_scroll_y
        assert (brief_view.fact, brief_view.scroll_offset.y) == (last, end)
        await pilot.press("pageup")
        await settle(pilot)
        assert (brief_view.fact, brief_view.scroll_offset.y) == (last, end - height)
        while brief_view.scroll_offset.y > brief_view.fact_line_range(last)[0]:
            await pilot.press("pageup")
            await settle(pilot)
            assert brief_view.fact == last
        # Back at the last fact, a page up is one of facts again.
        await pilot.press("pageup")
        await settle(pilot)
        assert brief_view.fact is not None and brief_view.fact < last


async def test_the_selected_fact_is_shown_whole(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        brief_view = main_screen(app).brief_view
        await pilot.press("enter")
        for _ in range(brief_view.fact_count):
            await pilot.press("j")
            await settle(pilot)
            first, end = brief_view.fact_line_range(brief_view.fact or 0)
            top = brief_view.scroll_offset.y
            assert top <= first and end <= top + brief_view.scrollable_content_region.height


async def test_an_article_in_spanish_is_listed_under_its_english_title(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = [" ".join(row.split()) for row in list_rows(app)]
        assert rows[-1].startswith("Remains the leading business organization")
        assert LAST not in rows[-1]
        await pilot.press("end")
        await settle(pilot)
        # The brief keeps the article's own title.
        assert shown_title(app).startswith(LAST)


async def test_the_list_is_widened_and_narrowed_and_kept(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = main_screen(app).article_list
        before = article_list.region.width
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        wider = article_list.region.width
        assert wider > before
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert before < article_list.region.width < wider
        kept = article_list.region.width
    again = BriefingApp(corpus_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert main_screen(again).article_list.region.width == kept
    # Above the brief, in a narrow terminal, the keys change the list's height instead.
    narrow = BriefingApp(corpus_dir)
    async with narrow.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        article_list = main_screen(narrow).article_list
        before = article_list.region.height
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert article_list.region.height > before


async def test_the_narrowest_list_still_shows_each_rows_date_and_language(tmp_path: Path) -> None:
    # Ten presses of [ cut a draft's date ("draft · 2025-03-…") and its language off.
    root = draft_corpus(tmp_path / "corpus")
    brief = root / "briefs" / "tijuana-exports.yaml"
    dated = brief.read_text(encoding="utf-8").replace(
        "language: en", "language: en\npublished: 2025-03-14"
    )
    brief.write_text(dated, encoding="utf-8")
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["left_square_bracket"] * 12)
        await settle(pilot)
        (row,) = list_rows(app)
        assert row.rstrip().endswith("draft · 2025-03-14 · en")
        narrowest = main_screen(app).article_list.region.width
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert main_screen(app).article_list.region.width > narrowest  # at once


async def test_the_widest_list_leaves_the_brief_and_the_original_room_for_their_words(
    corpus_dir: Path,
) -> None:
    # Twelve presses of ] left each 16 columns at 120x40: "positioni" / "ng in the".
    def widths(app: BriefingApp) -> tuple[int, int, int]:
        screen = main_screen(app)
        panes = (screen.article_list, screen.brief_view, screen.article_view)
        return tuple(pane.outer_size.width for pane in panes)  # type: ignore[return-value]

    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["right_square_bracket"] * 12)
        await settle(pilot)
        widest, brief, original = widths(app)
        assert min(brief, original) >= DETAIL_PANE_MIN_WIDTH
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert widths(app)[0] < widest  # at once
        await pilot.press("o", *["right_square_bracket"] * 12)  # the original hidden
        await settle(pilot)
        alone_beside, brief, _ = widths(app)
        assert alone_beside > widest and brief >= DETAIL_PANE_MIN_WIDTH
        await pilot.press("o")  # shown again, it takes its room back
        await settle(pilot)
        assert widths(app)[0] <= widest
    # The share kept, taken with the original hidden, leaves them their room at the next start.
    again = BriefingApp(corpus_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, brief, original = widths(again)
        assert min(brief, original) >= DETAIL_PANE_MIN_WIDTH


async def test_a_pane_is_maximised_and_restored_and_the_choice_kept(corpus_dir: Path) -> None:
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("tab", "tab", "z")  # the original
        await settle(pilot)
        assert screen.maximized is screen.article_view
        assert screen.article_view.region.width == 120
        assert not screen.article_list.region.width
        # The key line is hidden too: how to come back is said, once, and stays in the title
        # bar while the pane fills the screen.
        assert [text for _, text in notices] == ["z or Esc puts the other panes back"]
        assert title_bar_text(app).startswith("corpus · z or Esc: all panes · 5 briefs")
        await pilot.press("z")
        await settle(pilot)
        assert screen.maximized is None and screen.article_list.region.width
        assert "all panes" not in title_bar_text(app)
        await pilot.press("shift+tab", "z")  # the brief, left of the original
        await settle(pilot)
        assert screen.maximized is screen.brief_view
        assert len(notices) == 1
    again = BriefingApp(corpus_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert screen.maximized is screen.brief_view
        await pilot.press("escape")
        await settle(pilot)
        assert screen.maximized is None
    restored = BriefingApp(corpus_dir)
    async with restored.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert main_screen(restored).maximized is None


async def test_the_maximised_panes_notice_names_the_users_key(corpus_dir: Path) -> None:
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        app.use_keys({"reader.maximize": "m"})  # as a keys file gives it
        await pilot.press("m")
        await settle(pilot)
        assert main_screen(app).maximized is not None
        assert [text for _, text in notices] == ["m or Esc puts the other panes back"]
        assert "m or Esc: all panes" in title_bar_text(app)


@pytest.mark.parametrize("tabs", [1, 2], ids=["brief", "original"])
async def test_a_pane_maximised_at_80_columns_takes_the_screen_s_width(
    corpus_dir: Path, tabs: int
) -> None:
    # Beside each other at 80 columns the brief takes 3 shares and the original 2: maximised,
    # they kept them, 240 and 160 columns wide, cut at the screen's edge.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*["tab"] * tabs, "z")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.maximized is not None
        assert screen.maximized.region.width == 80


async def test_hiding_the_maximised_original_brings_the_other_panes_back(corpus_dir: Path) -> None:
    # The screen was left blank, the keys going to the brief pane, which was not drawn.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "z", "o")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.maximized is None
        assert screen.focused is screen.brief_view and screen.brief_view.region.area


@pytest.mark.parametrize("tabs", [0, 1], ids=["list", "brief"])
async def test_the_filter_opened_over_a_maximised_pane_is_seen_and_so_is_the_list(
    corpus_dir: Path, tabs: int
) -> None:
    # Typed into a filter of no size, then Enter gave the keys to the list behind the pane; over
    # the list maximised, the filter was typed unseen, being outside the list.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*["tab"] * tabs, "z", "slash", *"mexico")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.focused is screen.filter_input and screen.filter_input.region.area
        await pilot.press("enter")
        await settle(pilot)
        assert screen.focused is screen.article_list and screen.article_list.region.area


async def test_enter_on_the_maximised_list_shows_the_facts_it_goes_to(corpus_dir: Path) -> None:
    # The list stayed maximised and the keys went to the facts behind it: j moved a fact no one
    # could see, and the list seemed frozen.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("z", "j", "enter", "j")
        await settle(pilot)
        assert screen.maximized is None
        assert screen.focused is screen.brief_view and screen.brief_view.region.area
        assert screen.brief_view.fact == 1
        assert shown_title(app).startswith(SECOND[:30])


@pytest.mark.parametrize(
    ("keys", "pane"),
    [(["tab"], "brief_view"), (["shift+tab"], "article_view"), (["ctrl+p", *"next pane"], "")],
)
async def test_tab_from_a_maximised_pane_brings_the_panes_back_and_goes_on(
    corpus_dir: Path, keys: list[str], pane: str
) -> None:
    # Tab, Shift+Tab and the palette's "Next pane" did nothing: the list stayed over the panes.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("z")
        await settle(pilot)
        await pilot.press(*keys)
        if not pane:  # the palette's command
            await until(pilot, lambda: bool(app.screen.query(OptionList).first().option_count))
            await pilot.press("enter")
            pane = "brief_view"
        await settle(pilot)
        assert screen.maximized is None
        assert screen.focused is getattr(screen, pane) and screen.focused.region.area


async def test_a_maximised_pane_keeps_the_counts_above_it(corpus_dir: Path) -> None:
    # With the filter and the title bar hidden, a filtered list maximised looked like the corpus.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mexicali", "enter", "z")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.maximized is screen.article_list
        title_bar = screen.query_one(TitleBar)
        assert title_bar.region.area and screen.article_list.region.y == title_bar.region.bottom
        assert title_bar.render_line(0).text.rstrip().endswith("· 3 shown")


async def test_the_palette_maximises_panes_only(corpus_dir: Path) -> None:
    # Textual's own "Maximize" came first, and maximised the one-line filter.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mexicali", "ctrl+p")
        await wait_for_screen(pilot, CommandPalette)
        await pilot.press(*"maximize", "enter")
        await settle(pilot)
        assert main_screen(app).maximized is not main_screen(app).filter_input


async def test_removing_a_bookmark_under_b_and_a_filter_leaves_the_cursor_on_its_row(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(5):
            await pilot.press("b", "j")
        await pilot.press("B", "slash", *"the", "enter", "g", "j", "j")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.article_list.cursor_row == 2
        await pilot.press("b")  # the brief leaves the list
        await settle(pilot)
        assert screen.article_list.cursor_row == 2


@pytest.mark.parametrize("size", [(20, 8), (12, 5), (1, 1), (60, 12)])
async def test_small_terminals_do_not_crash(corpus_dir: Path, size: tuple[int, int]) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "j", "tab", "tab", "o", "o", "slash", "m", "escape")
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press("escape", "e")
        await wait_for_screen(pilot, ExportDialog)
        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert app.is_running


async def test_a_corpus_with_no_briefs_says_so_by_its_folder_s_name(tmp_path: Path) -> None:
    # Of a folder named "corpus" it said "The corpus corpus has no briefs to show".
    root = make_corpus(tmp_path / "corpus", {})
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert brief_text(app).startswith("corpus/ has no briefs to show")


@pytest.mark.parametrize(
    "keys",
    [("end",), ("end", "pageup"), ("pagedown", "pagedown", "up", "up", "up")],
    ids=["end", "page-up-from-the-end", "back-up"],
)
async def test_the_list_scrolls_by_whole_briefs_with_the_filter_open(
    tmp_path: Path, keys: tuple[str, ...]
) -> None:
    # With the filter's line, the pane held an odd number of lines over rows of two: the list
    # came to show the date line of a brief at its top, without its title.
    root = make_large_corpus(tmp_path / "corpus", 60)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"trade", "enter")
        await settle(pilot)
        articles = main_screen(app).article_list
        assert articles.row_height == 2 and articles.scrollable_content_region.height % 2
        await pilot.press(*keys)
        await settle(pilot)
        assert articles.scroll_offset.y % 2 == 0
        assert articles.scroll_offset.y > 0


async def test_the_list_shows_whole_briefs_after_a_resize_gives_its_rows_two_lines(
    tmp_path: Path,
) -> None:
    # Scrolled by rows of one line above the brief, then given rows of two beside it: the
    # offset kept was odd, and the top row showed a date line without its title.
    root = make_large_corpus(tmp_path / "corpus", 60)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = main_screen(app).article_list
        await pilot.press("end")
        await pilot.resize_terminal(80, 23)
        await settle(pilot)
        assert articles.row_height == 1 and articles.scroll_offset.y % 2
        await pilot.resize_terminal(120, 39)
        await settle(pilot)
        assert articles.row_height == 2
        assert articles.scroll_offset.y % 2 == 0


def test_a_title_too_wide_for_its_bar_keeps_what_matters_most() -> None:
    # Cut at the right end, the bar lost "adding report.txt: step 3 of 4, 40%…" first.
    parts = summary_parts(
        briefs=10_000,
        failed=0,
        unread=9_994,
        bookmarked=1,
        bookmarks_saved=True,
        marked=9_717,
        shown=9_717,
        reading=None,
        adding="report.txt: step 3 of 4, 40%",
        restore_keys="z",
    )
    name, texts = fit_title("nearshoring-maquiladora-monitor", parts, 80)
    line = " · ".join([name, *texts])
    assert len(line) <= 80
    # The name is cut and the counts go, the least telling first: how to get the panes back
    # and how far the article being added has got stay whole.
    assert line == (
        "nearshoring-maquil… · z or Esc: all panes · adding report.txt: step 3 of 4, 40%…"
    )
    name, texts = fit_title("nearshoring-maquiladora-monitor", parts, 100)
    assert texts[1:] == ["9,717 shown", "adding report.txt: step 3 of 4, 40%…"]
    # Wide enough, all of it as it is; too narrow even for what must be seen, a short name whole.
    assert fit_title("corpus", parts, 200) == ("corpus", [part.text for part in parts])
    assert fit_title("corpus-2025", parts, 20)[0] == "corpus-2025"
    # The name keeps the room the parts left out leave: it was cut though it would fit whole.
    reading = summary_parts(
        briefs=1_234,
        failed=0,
        unread=1_200,
        bookmarked=2,
        bookmarks_saved=True,
        marked=0,
        shown=3,
        reading="10 / 1,234",
    )
    assert fit_title("maquiladoras-noticias-2024", reading, 84) == (
        "maquiladoras-noticias-2024",
        ["2 bookmarked", "0 marked", "3 shown", "reading 10 / 1,234…"],
    )
