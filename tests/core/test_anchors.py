"""Anchoring a quote in its article in steps: exact, loose (case and accents), fuzzy, not found."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.kit.corpus import REPO
from tui.core.quotes import (
    FUZZY_MIN_LENGTH,
    FUZZY_THRESHOLD,
    FoldedArticle,
    anchor_quote,
    find_quote,
    fold_quote,
)
from tui.core.text import fold_marks

ARTICLE = (
    "Mexicali, B.C. \u2014 La Secretar\u00eda de Econom\u00eda (SE) inform\u00f3 que las"
    " exportaciones\nde la industria maquiladora crecieron 6.7%  entre enero y octubre.\n"
    "\u201cEl nearshoring lleg\u00f3 para quedarse\u201d, dijo  Norma  Alicia Bustamante.\n"
    "The plant in the El Florido park will add a night shift of 240\u00a0workers in March.\n"
)


def passage(article: str, quote: str) -> tuple[str, str, int | None]:
    """The status, the article's own text where the quote was anchored, and the score."""
    anchor = anchor_quote(article, quote)
    assert (anchor.span is None) == (anchor.status == "missing")
    text = article[anchor.span.start : anchor.span.end] if anchor.span else ""
    return anchor.status, text, anchor.score


# The steps, one by one -------------------------------------------------------------------------


def test_a_quote_found_as_typed_is_exact() -> None:
    assert passage(ARTICLE, "crecieron 6.7% entre enero") == (
        "exact",
        "crecieron 6.7%  entre enero",
        None,
    )


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("LA SECRETARÍA DE ECONOMÍA (se)", "La Secretar\u00eda de Econom\u00eda (SE)"),
        ("la Secretaria de Economia", "La Secretar\u00eda de Econom\u00eda"),  # accents left out
        ("DIJO norma alicia", "dijo  Norma  Alicia"),  # across runs of spaces
        ('"el nearshoring llego', "\u201cEl nearshoring lleg\u00f3"),  # marks, case and accent
        ("SECRETAR\u00cdA", "Secretar\u00eda"),  # a capital accented letter
    ],
    ids=["case", "missing accents", "spaces", "all at once", "accented capital"],
)
def test_a_quote_differing_in_case_or_accents_is_loose_on_the_articles_own_words(
    quote: str, found: str
) -> None:
    assert passage(ARTICLE, quote) == ("loose", found, None)


def test_loose_spans_hold_accents_written_as_characters_of_their_own() -> None:
    # A text can write "é" as "e" and a combining accent; the span keeps the accent with its
    # letter, and what follows maps back to the right place.
    article = "Ante el Cafe\u0301  de la Frontera, STRASSE und Stra\u00dfe se cruzan."
    assert passage(article, "café de la frontera") == ("loose", "Cafe\u0301  de la Frontera", None)
    assert passage(article, "frontera, strasse")[1] == "Frontera, STRASSE"
    assert passage(article, "und strasse se")[1] == "und Stra\u00dfe se"
    assert passage(article, "e se cruzan")[1] == "e se cruzan"
    # A quote ending or starting inside a letter that folds to two takes the whole letter.
    assert passage(article, "und stras")[1] == "und Stra\u00df"
    assert passage(article, "se se cruzan")[1] == "\u00dfe se cruzan"


def test_a_one_letter_slip_is_fuzzy_with_its_score_and_the_articles_passage() -> None:
    status, text, score = passage(ARTICLE, "will add a night shift of 204 workers in March")
    assert (status, text) == ("fuzzy", "will add a night shift of 240\u00a0workers in March")
    assert score is not None and FUZZY_THRESHOLD <= score < 100


def test_a_dropped_letter_is_fuzzy_and_the_passage_is_whole() -> None:
    status, text, _ = passage(ARTICLE, "las exportaciones de la industria maquildora crecieron")
    assert status == "fuzzy"
    assert text == "las exportaciones\nde la industria maquiladora crecieron"


def test_a_reextracted_article_with_other_line_breaks_still_anchors() -> None:
    quote = "the plant in the El Florido park will add a night shift of 240 workers"
    rewrapped = "The plant in the El\nFlorido park will add a night\nshift of 240 workers.\n"
    assert passage(rewrapped, quote)[:2] == (
        "loose",
        "The plant in the El\nFlorido park will add a night\nshift of 240 workers",
    )
    # A word broken across a line with a hyphen is no longer the same word: only fuzzy.
    hyphenated = "The plant in the El Flo-\nrido park will add a night shift of 240 workers.\n"
    status, text, score = passage(hyphenated, quote)
    assert status == "fuzzy"
    assert text == "The plant in the El Flo-\nrido park will add a night shift of 240 workers"
    assert score is not None and score >= FUZZY_THRESHOLD


@pytest.mark.parametrize(
    "quote",
    [
        "Monterrey steel output fell sharply in the second quarter",
        "la industria automotriz de Coahuila",
        "",
        "   ",
    ],
    ids=["another sentence", "another subject", "empty", "blank"],
)
def test_a_quote_the_article_does_not_hold_is_not_found(quote: str) -> None:
    assert passage(ARTICLE, quote) == ("missing", "", None)


def test_a_short_quote_is_never_anchored_fuzzily() -> None:
    # One letter off in a couple of words is another word as often as a slip.
    quote = "night shaft of 240"
    assert len(quote) < FUZZY_MIN_LENGTH
    assert passage(ARTICLE, quote) == ("missing", "", None)
    assert passage(ARTICLE, "NIGHT SHIFT of 240")[0] == "loose"


def test_finding_a_quote_exactly_still_forgives_nothing_but_white_space_and_marks() -> None:
    # find_quote is the exact step alone, for what needs no more.
    assert find_quote(ARTICLE, "la secretaria de economia") is None
    assert find_quote(ARTICLE, "La Secretar\u00eda de  Econom\u00eda") is not None


def test_the_first_steps_win_over_a_closer_looking_later_step() -> None:
    # The same words stand twice: once with other case, once with a slip. The loose one is the
    # anchor, whatever comes first in the article.
    article = "a night shaft of 240 workers in March. Then A NIGHT SHIFT OF 240 WORKERS IN MARCH."
    assert passage(article, "a night shift of 240 workers in March")[:2] == (
        "loose",
        "A NIGHT SHIFT OF 240 WORKERS IN MARCH",
    )


# The shipped articles ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
def test_every_sentence_of_the_shipped_articles_anchors_lowercased_and_unaccented(
    name: str,
) -> None:
    article = (REPO / "seeds" / name).read_text(encoding="utf-8")
    folded = FoldedArticle.of(article)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", article) if len(s.split()) >= 4]
    assert sentences
    for sentence in sentences:
        decomposed = unicodedata.normalize("NFD", sentence.lower())
        typed = "".join(c for c in decomposed if not unicodedata.combining(c))
        anchor = folded.anchor(typed)
        assert anchor.status in ("exact", "loose"), sentence
        assert anchor.span is not None
        found = article[anchor.span.start : anchor.span.end]
        assert " ".join(found.split()).casefold() == " ".join(sentence.split()).casefold()


# A long article ---------------------------------------------------------------------------------


def test_a_five_megabyte_article_anchors_each_step_at_the_right_place() -> None:
    # Speed is measured in benchmarks/anchors.py; this checks that a long article gives the
    # right anchors, with the passages near its end and accents throughout.
    seeds = [(REPO / "seeds" / p).read_text(encoding="utf-8") for p in sorted(
        p.name for p in (REPO / "seeds").glob("*.txt"))]  # fmt: skip
    body = "\n\n".join(seeds)
    article = "\n\n".join([body] * (5_000_000 // len(body) + 1)) + (
        "\n\nAl cierre, la planta de Tecate anunci\u00f3 140 empleos  nuevos para el turno"
        " nocturno de junio.\n"
    )
    assert len(article) >= 5_000_000
    folded = FoldedArticle.of(article)

    def at(quote: str) -> tuple[str, str]:
        anchor = folded.anchor(quote)
        span = anchor.span
        return anchor.status, article[span.start : span.end] if span else ""

    ending = "la planta de Tecate anunci\u00f3 140 empleos  nuevos para el turno nocturno"
    assert at("la planta de Tecate anunció 140 empleos nuevos para el turno nocturno") == (
        "exact",
        ending,
    )
    assert at("LA PLANTA DE TECATE ANUNCIO 140 EMPLEOS NUEVOS para el turno nocturno") == (
        "loose",
        ending,
    )
    assert at("la planta de Tecate anuncio 14 empleos nuevos para el turno nocturno") == (
        "fuzzy",
        ending,
    )
    assert at("Ciudad Juárez suma 300 plantas de autopartes con capital asiático") == (
        "missing",
        "",
    )


# Properties -------------------------------------------------------------------------------------

# Prose-like pieces, with what folding must map back through: runs of white space, typographic
# marks, accented capitals, letters that fold to two (ß, ﬁ, İ) and accents written on their own.
article_text = st.lists(
    st.one_of(
        st.sampled_from([*"abcdeABCDE .,\n\t", "  ", "\u00a0", "\u201c", "\u2014"]),
        st.sampled_from(["\u00e1", "\u00c9", "\u00f1", "\u00df", "e\u0301", "\ufb01", "\u0130"]),
        st.characters(codec="utf-8"),
    ),
    min_size=1,
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(article=article_text, data=st.data())
def test_a_quote_taken_verbatim_anchors_exact_at_its_own_place(
    article: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(article) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(article)), label="end")
    quote = article[start:end]
    assume(quote.strip())
    anchor = anchor_quote(article, quote)
    assert anchor.status == "exact" and anchor.span is not None and anchor.score is None
    found = article[anchor.span.start : anchor.span.end]
    assert fold_quote(found) == fold_quote(quote)
    # Its own place, or the same words (marks and white space folded) earlier on.
    own_start = start + len(quote) - len(quote.lstrip())
    assert anchor.span.start <= own_start
    if anchor.span.start == own_start:
        assert anchor.span.end == start + len(quote.rstrip())
    else:
        assert fold_quote(article[own_start:]).startswith(fold_quote(found))


@settings(max_examples=300, deadline=None)
@given(article=article_text, data=st.data())
def test_a_quote_retyped_in_other_case_without_accents_anchors_on_the_same_words(
    article: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(article) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(article)), label="end")
    quote = article[start:end]
    # An accent standing as a character of its own (the spacing "´" of "Mexico´s") decomposes to
    # a space and the accent: retyped this way it would become a space, which no one types.
    assume(not any(spacing_accent(c) for c in quote))
    # So would a typographic mark that decomposes to others (the double prime to two primes):
    # retyped, it is folded as those, where the article's is folded as itself.
    assume(all(folds_alike(c) for c in quote))
    retyped = "".join(
        c for c in unicodedata.normalize("NFKD", quote.swapcase()) if not unicodedata.combining(c)
    )
    assume(retyped.strip())
    anchor = anchor_quote(article, retyped)
    assert anchor.status in ("exact", "loose")
    assert anchor.span is not None
    found = article[anchor.span.start : anchor.span.end]
    # The passage found reads as the quote does once case and accents are set aside: word for
    # word, or a little more where the quote begins or ends inside a letter that folds to
    # several (the "i" of "ﬁ", at most two more of "ﬃ" at each end).
    quoted, passage_read = " ".join(loose_words(retyped)), " ".join(loose_words(found))
    assert quoted in passage_read
    assert len(passage_read) <= len(quoted) + 4


def folds_alike(char: str) -> bool:
    """Whether ``char`` folds the same with its marks folded before it is decomposed as after."""
    decomposed = unicodedata.normalize("NFKD", char)
    return fold_marks(decomposed) == unicodedata.normalize("NFKD", fold_marks(char))


def spacing_accent(char: str) -> bool:
    """Whether ``char`` is an accent written on its own, which decomposes to a space and the
    accent (U+00B4, U+00B8 and the like)."""
    parts = unicodedata.normalize("NFKD", char)
    return len(parts) > 1 and parts[0] == " " and all(map(unicodedata.combining, parts[1:]))


def loose_words(text: str) -> list[str]:
    """``text``'s words with case, accents and compatibility forms set aside, written out here
    on their own."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = unicodedata.normalize("NFKD", plain)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return plain.translate(str.maketrans("\u201c\u201d\u2014", '""-')).split()
