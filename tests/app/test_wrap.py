"""Wrapping by offsets, which the text panes draw from: no line too wide, no text lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.wrap import wrap_text

texts = st.text(
    alphabet=st.sampled_from(list("abc de\n\u00e9\u00a0,.") + ["日", "本", "语"]), max_size=300
)


def test_words_wrap_at_spaces_and_paragraphs_stay_apart() -> None:
    wrapped = wrap_text("The plant opened in May.\n\nIt employs 500 people.", 12)
    assert [wrapped.line(i) for i in range(len(wrapped))] == [
        "The plant",
        "opened in",
        "May.",
        "",
        "It employs",
        "500 people.",
    ]


def test_a_word_longer_than_the_line_is_folded_after_a_slash_or_hyphen_near_its_end() -> None:
    wrapped = wrap_text("see https://example.com/a/very/long/path now", 10)
    assert [wrapped.line(i) for i in range(len(wrapped))] == [
        "see",
        "https://",
        "example.co",  # no break in the line's second half: cut where the line ends
        "m/a/very/",
        "long/path",
        "now",
    ]
    # A brief's file name was cut as "…-exports-20" and "24.yaml".
    wrapped = wrap_text("mexicali-maquiladora-exports-2024.yaml", 33)
    assert [wrapped.line(i) for i in range(len(wrapped))] == [
        "mexicali-maquiladora-exports-",
        "2024.yaml",
    ]
    wrapped = wrap_text("informe-pesquería-nuevo-león-ternium.yaml could not be loaded", 30)
    assert [wrapped.line(i) for i in range(len(wrapped))] == [
        "informe-pesquería-nuevo-león-",
        "ternium.yaml could not be",
        "loaded",
    ]


def test_wide_characters_count_as_two_cells() -> None:
    wrapped = wrap_text("日本語のテキスト", 5)
    assert [wrapped.line(i) for i in range(len(wrapped))] == ["日本", "語の", "テキ", "スト"]


def test_indentation_at_the_start_of_a_paragraph_is_kept() -> None:
    wrapped = wrap_text("    indented words here", 12)
    assert wrapped.line(0) == "    indented"


def test_a_run_kept_whole_moves_to_the_next_line_whole() -> None:
    text = "Exports grew. ≈ fuzzy 93"
    mark = text.index("≈")
    wrapped = wrap_text(text, 21, keep_whole=[(mark, len(text))])
    assert [wrapped.line(i) for i in range(len(wrapped))] == ["Exports grew.", "≈ fuzzy 93"]


def test_a_run_kept_whole_wider_than_the_line_is_folded() -> None:
    wrapped = wrap_text("a ≈ fuzzy 93", 5, keep_whole=[(2, 12)])
    assert [wrapped.line(i) for i in range(len(wrapped))] == ["a", "≈ fuz", "zy 93"]


@given(texts, st.integers(min_value=1, max_value=40), st.data())
def test_a_run_kept_whole_loses_no_text_and_fits_the_pane(
    text: str, width: int, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    wrapped = wrap_text(text, width, keep_whole=[(start, end)])
    position = 0
    for index in range(len(wrapped)):
        line_start, line_end = wrapped.starts[index], wrapped.ends[index]
        assert position <= line_start <= line_end
        assert text[position:line_start].strip() == ""
        assert cell_len(wrapped.line(index)) <= max(width, 2)
        position = line_end
    assert text[position:].strip() == ""


@given(texts, st.integers(min_value=2, max_value=40))
def test_no_line_is_wider_than_the_pane(text: str, width: int) -> None:
    wrapped = wrap_text(text, width)
    for index in range(len(wrapped)):
        assert cell_len(wrapped.line(index)) <= width


@given(texts, st.integers(min_value=1, max_value=40))
def test_only_white_space_is_dropped_and_lines_follow_the_text(text: str, width: int) -> None:
    wrapped = wrap_text(text, width)
    assert len(wrapped) >= text.count("\n") + 1
    position = 0
    for index in range(len(wrapped)):
        start, end = wrapped.starts[index], wrapped.ends[index]
        assert position <= start <= end
        assert text[position:start].strip() == ""
        position = end
    assert text[position:].strip() == ""


@given(texts, st.integers(min_value=1, max_value=40), st.data())
def test_an_offset_is_found_on_its_line(text: str, width: int, data: st.DataObject) -> None:
    wrapped = wrap_text(text, width)
    if not text.strip():
        return
    offset = data.draw(st.sampled_from([i for i, ch in enumerate(text) if not ch.isspace()]))
    line = wrapped.line_of(offset)
    assert wrapped.starts[line] <= offset < wrapped.ends[line]
