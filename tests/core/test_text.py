"""Quote matching, line numbers, cleaning text for display and folding it for search."""

from __future__ import annotations

import re
import tracemalloc
import unicodedata

import pytest

from tests.kit.corpus import REPO
from tui.core.quotes import FoldedArticle, Span, find_quote
from tui.core.text import clean_text, expand_tabs, fold_search, fold_words, line_range

TYPOGRAPHIC = "\u201c\u201d\u2018\u2019\u2013\u2014"
PLAIN = "\"\"''--"


def seed(name: str) -> str:
    return (REPO / "seeds" / name).read_text(encoding="utf-8")


def passages_around(text: str, characters: str, width: int = 40) -> list[str]:
    """Passages of ``text`` around each occurrence of any of ``characters``, cut at word ends."""
    found = []
    for match in re.finditer(f"[{characters}]", text):
        start = text.rfind(" ", 0, max(match.start() - width, 0)) + 1
        end = text.find(" ", match.end() + width)
        passage = text[start : end if end > 0 else len(text)].strip()
        if passage:
            found.append(passage)
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
def test_quotes_typed_plainly_match_the_typography_of_the_real_articles(name: str) -> None:
    article = seed(name)
    passages = passages_around(article, "\u00a0" + TYPOGRAPHIC)
    for passage in passages:
        typed = passage.translate(str.maketrans(TYPOGRAPHIC + "\u00a0", PLAIN + " "))
        span = find_quote(article, typed)
        assert span is not None, typed
        assert article[span.start : span.end] == passage


def test_the_shipped_articles_hold_the_cases_quote_matching_must_handle() -> None:
    everything = "".join(seed(p.name) for p in (REPO / "seeds").glob("*.txt"))
    assert "\u00a0" in everything
    assert any(mark in everything for mark in TYPOGRAPHIC)


@pytest.mark.parametrize(
    ("article", "quote", "expected"),
    [
        ("He said \u201cyes\u201d twice.", 'said "yes" twice', "said \u201cyes\u201d twice"),
        ("It\u2019s 240\u00a0workers.", "It's 240 workers", "It\u2019s 240\u00a0workers"),
        ("2023\u20132024 plan", "2023-2024 plan", "2023\u20132024 plan"),
        ("one\n\n   two\tthree", "one two three", "one\n\n   two\tthree"),
        ("a  b  c  d", "b c", "b  c"),
        ("  lead", " lead ", "lead"),
    ],
)
def test_a_match_spans_the_original_text(article: str, quote: str, expected: str) -> None:
    span = find_quote(article, quote)
    assert span is not None
    assert article[span.start : span.end] == expected


@pytest.mark.parametrize(
    "quote",
    ["YES", "said yes", "", "   ", "Ibanez"],
    ids=["case", "marks", "empty", "blank", "accent"],
)
def test_nothing_else_is_forgiven(quote: str) -> None:
    assert find_quote("He said \u201cyes\u201d to Ib\u00e1\u00f1ez.", quote) is None


def test_line_range_counts_the_lines_a_span_covers() -> None:
    text = "first\nsecond line\nthird\nfourth"
    start = text.index("line")
    assert line_range(text, Span(start, text.index("third") + 5)) == (2, 3)
    assert line_range(text, Span(0, 5)) == (1, 1)


def test_folding_a_large_article_stays_small() -> None:
    # Prose with single spaces needs no offset table; only runs of white space do.
    article = "Trucks crossed at Otay with parts for the plant. " * 100_000  # about 5 MB
    tracemalloc.start()
    try:
        folded = FoldedArticle.of(article)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(article)
    span = folded.find("the plant. Trucks")
    assert span is not None and article[span.start : span.end] == "the plant. Trucks"


def test_the_search_words_of_a_large_article_stay_small() -> None:
    # A filter keeps each distinct word once; finding them must not make an object of every word.
    article = "Trucks crossed at Otay with parts for the plant. " * 100_000  # about 5 MB
    tracemalloc.start()
    try:
        words = fold_words(article)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(article)
    assert words == "trucks crossed at otay with parts for the plant."


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("clear\x1b[2J\x1b[Hscreen", "clearscreen"),
        ("title\x1b]0;pwned\x07 set", "title set"),
        ("clip\x1b]52;c;aGVsbG8=\x1b\\board", "clipboard"),
        ("c1\x9b31mred", "c1red"),
        ("bell\x07back\x08null\x00", "bellbacknull"),
        ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
        ("\u202eevil\u202c \u2066iso\u2069", "evil iso"),
        ("tab\there", "tab here"),
        ("crlf\r\nline\rend", "crlf\nline\nend"),
        ("8-bit\x9d0;title\x07 osc", "8-bit osc"),
        # The mark a closing quote decoded from the wrong code page leaves: the rest is kept.
        (
            "said \u00e2\u0080\u009dorders doubled\u00e2\u0080\u009d.\nNext line.",
            "said \u00e2orders doubled\u00e2.\nNext line.",
        ),
        ("lone\x1b]0;no end\nnext", "lone0;no end\nnext"),
    ],
)
def test_clean_text_removes_what_a_terminal_would_act_on(raw: str, shown: str) -> None:
    assert clean_text(raw) == shown


def test_clean_text_cleans_a_value_of_one_line_as_it_cleans_a_text_of_several() -> None:
    # A value of one line (a title, a name, a fact) takes a quicker way than a summary does.
    for code in range(0x10000):
        character = chr(code)
        one_line = clean_text(f"a{character}b")
        several = clean_text(f"a\n{character}b").replace("\n", "")
        assert one_line.replace("\n", "") == several, f"U+{code:04X}"


@pytest.mark.parametrize(
    "text",
    ["[bold red]x[/]", "[@click=app.quit]q[/]", "\U0001f389 emoji", "مرحبا שלום", "<b>&amp;</b>"],
)
def test_clean_text_keeps_markup_and_scripts_literally(text: str) -> None:
    assert clean_text(text) == text


def test_search_folding_ignores_case_accents_typography_and_spacing() -> None:
    assert fold_search("Ib\u00e1\u00f1ez  \u201cM\u00c9XICO\u201d\u00a0\u2013 x") == (
        fold_search('IBANEZ "mexico" - x')
    )


def test_search_folding_folds_a_folded_text_to_itself() -> None:
    # Where the order of the steps matters: characters that decompose (into a typographic mark,
    # "‴" into three "′", or into an accent) and the marks themselves.
    decomposing = [
        chr(code)
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000 and unicodedata.decomposition(chr(code))
    ]
    assert len(decomposing) > 5000
    for character in [*decomposing, "\u2019", "\u2032", "\u02bc"]:
        once = fold_search(f"co{character}x")
        assert fold_search(once) == once, repr(character)


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("a\tb", "a   b"),
        ("abcd\tb", "abcd    b"),
        # Counted in a terminal's columns: a combining accent takes none, a wide character two.
        ("Leo\u0301n\tx", "Leo\u0301n    x"),
        ("東京\t900", "東京    900"),
        # Each line from its own start, whatever ends it.
        ("ab\r\n\tc\rd\te", "ab\n    c\nd   e"),
        ("no tab\r\n", "no tab\n"),
    ],
)
def test_tabs_are_expanded_to_the_columns_a_terminal_shows(text: str, expanded: str) -> None:
    assert expand_tabs(text, 4) == expanded
