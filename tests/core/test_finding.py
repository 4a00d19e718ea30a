"""Finding words in an article as they are typed: the places, the one gone to, and what is said."""

from __future__ import annotations

import re

import pytest

import tui.core.finding as finding_module
from tui.core.finding import MAX_WORDS_LENGTH, Finding
from tui.core.text import cells

TEXT = "Otay opens. The gate at OTAY closes; Coyotay does not. Otáy again, and otay once more."
""""otay" starts a word four times (case and accents aside), and stands within "Coyotay"."""
PLACES = [place.start() for place in re.finditer(r"(?<![a-z])ot[aá]y", TEXT, re.IGNORECASE)]


def found(words: str, near: int = 0, text: str = TEXT) -> Finding:
    finding = Finding()
    finding.add(words)
    finding.look_in(text, near)
    return finding


def test_every_place_the_words_start_a_word_is_found_and_the_first_from_near_gone_to() -> None:
    finding = found("otay", near=30)

    assert finding.starts == PLACES
    assert finding.position == (3, 4)
    assert len(PLACES) == 4
    assert finding.place is not None and TEXT[finding.place.start : finding.place.end] == "Otáy"


def test_going_on_rounds_the_ends() -> None:
    finding = found("otay")

    assert finding.step(-1) and finding.position == (4, 4)
    assert finding.step(+1) and finding.position == (1, 4)
    assert not found("zzz").step(+1)


def test_past_the_last_place_the_first_is_gone_to() -> None:
    assert found("otay", near=len(TEXT)).position == (1, 4)


def test_typing_on_keeps_the_place_while_the_words_stand_there_else_goes_to_the_next() -> None:
    finding = found("ot")
    finding.step(+2)
    assert finding.place is not None and finding.place.start == 55

    finding.add("ay a")  # "otay a" stands only at 55 ("Otáy again")
    finding.look_in(TEXT, 0)
    assert finding.position == (1, 1) and finding.starts == [55]

    finding.erase()
    finding.erase()  # "otay": the place kept, among all four again
    finding.look_in(TEXT, 0)
    assert finding.position == (3, 4)


def test_the_words_of_before_are_found_again_until_a_character_takes_their_place() -> None:
    finding = Finding("otay")
    finding.look_in(TEXT, 0)
    assert finding.position == (1, 4)

    finding.add("g")
    assert finding.words == "g"
    again = Finding("otay")
    again.erase()
    assert again.words == ""


def test_words_are_kept_to_their_limit() -> None:
    finding = Finding()
    finding.add("x" * (MAX_WORDS_LENGTH + 50))
    assert len(finding.words) == MAX_WORDS_LENGTH


def test_past_the_most_places_kept_the_nearest_found_is_gone_to_and_more_is_said(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(finding_module, "MAX_FOUND", 2)

    finding = found("otay", near=60)

    assert finding.starts == PLACES[:2] and finding.more
    assert finding.position == (2, 2)
    assert finding.status(80) == "Find: otay · 2 of 2+"
    assert not found("otay once").more


@pytest.mark.parametrize(
    ("words", "width", "shown"),
    [
        ("otay", 80, "Find: otay · 1 of 4"),
        ("zzz", 80, "Find: zzz · not found"),
        ("", 80, "Find: type words"),
        # Spaces between and after the words, as Ctrl+W leaves them, are one space or none.
        ("otay  once ", 80, "Find: otay once · 1 of 1"),
        # Cut at the start: the end is where the user types.
        ("the gate at otay closes", 28, "Find: …otay closes · 1 of 1"),
        ("the gate at otay closes", 12, "1 of 1"),
    ],
)
def test_what_is_said_fits_its_width_cutting_the_words_first(
    words: str, width: int, shown: str
) -> None:
    said = found(words).status(width)
    assert said == shown and len(said) <= width


def test_a_word_or_all_the_words_can_be_taken_off_at_once() -> None:
    finding = found("otay mesa")
    finding.erase_word()
    assert finding.words == "otay "
    finding.add("ga")
    finding.erase_word()
    finding.erase_word()
    assert finding.words == ""
    finding.add("gate at otay")
    finding.erase_all()
    assert finding.words == "" and finding.status(80) == "Find: type words"


def test_while_words_are_looked_for_elsewhere_the_pane_says_so() -> None:
    finding = found("otay")
    finding.add(" o")
    finding.searching = True

    assert finding.status(80) == "Find: otay o · finding…"
    finding.take(finding.search(TEXT), 0)
    assert finding.status(80) == "Find: otay o · 1 of 2"  # "Otay opens", "otay once"


def test_wide_characters_take_two_columns_of_the_width() -> None:
    finding = Finding()
    finding.add("墨西哥城的工厂")  # seven characters, fourteen columns

    said = finding.status(24)

    assert said == "Find: …工厂 · not found"
    assert cells(said) <= 24


def test_going_on_from_what_is_in_view_after_scrolling_away() -> None:
    finding = found("otay")  # at the first place

    assert finding.step_from(30, +1) and finding.starts[finding.position[0] - 1] == PLACES[2]
    assert finding.step_from(30, -1) and finding.starts[finding.position[0] - 1] == PLACES[1]
    assert finding.step_from(len(TEXT), +1) and finding.position == (1, 4)  # round the end
    assert finding.step_from(0, -1) and finding.position == (4, 4)
    assert not found("zzz").step_from(0, +1)


NEARSHORING = (
    "Kia abrió en Pesquería, N.L., una planta que exporta a EE.UU. y a EE. UU. más que a EEUU; "
    "la de S.L.P. sigue. Kia invested in. The plant is in Nuevo Leon. Nl."
)


def passages(words: str, text: str = NEARSHORING) -> list[str]:
    return [text[place.start : place.end] for place in found(words, text=text).places]


def test_an_abbreviation_with_periods_is_found_by_its_letters_as_written_whole() -> None:
    assert passages("nl") == ["N.L.", "Nl"]
    assert passages("eeuu") == ["EE.UU.", "EE. UU.", "EEUU"]
    assert passages("slp") == ["S.L.P."]
    # With the words around it, the periods after it taken in too.
    assert passages("pesqueria, nl, una") == ["Pesquería, N.L., una"]
    assert passages("a eeuu y a eeuu mas") == ["a EE.UU. y a EE. UU. más"]


@pytest.mark.parametrize("typed", ["ee.uu.", "ee. uu.", "ee.uu"])
def test_an_abbreviation_typed_with_its_periods_is_found_however_the_article_writes_it(
    typed: str,
) -> None:
    # Typed with periods, it was found only as typed: "EE. UU." and "EEUU" were not found, where
    # the filter finds all three.
    assert passages(typed) == ["EE.UU.", "EE. UU.", "EEUU"]
    assert passages("n. l.") == passages("n.l.") == ["N.L.", "Nl"]


def test_an_abbreviation_typed_in_part_is_found_up_to_the_letter_typed() -> None:
    assert passages("eeu") == ["EE.U", "EE. U", "EEU"]
    assert passages("ee") == ["EE", "EE", "EE"]


def test_words_ending_a_sentence_or_within_an_abbreviation_are_not_read_as_one() -> None:
    assert passages("inthe") == []
    assert passages("in the") == []
    assert passages("sigue kia") == []
    assert passages("eeuuy") == []  # "EE.UU. y": the abbreviation ends at its last period
    assert passages("lp") == []  # the end of S.L.P., whose letters start with "s"


def test_marks_typed_around_an_abbreviation_and_periods_of_no_abbreviation_are_found() -> None:
    # Typed as the article writes them, these found nothing once abbreviations were read.
    text = "Kia abrió en Monterrey, N.L., una planta y se reunió con Mr. Xi. Then (EE.UU.) dijo."
    assert passages("monterrey, n.l., una", text) == ["Monterrey, N.L., una"]
    assert passages("mr. xi.", text) == ["Mr. Xi."]
    assert passages("(ee.uu.)", text) == ["(EE.UU.)"]
