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
    NegationDifference,
    anchor_quote,
    find_quote,
    fold_quote,
    numbers_differ,
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
    # A quote cutting into a word is refused, and the words it cut into are given whole, also
    # where the cut is inside a letter that folds to two.
    for quote, words in [
        ("e se cruzan", "Stra\u00dfe se cruzan"),
        ("und stras", "und Stra\u00dfe"),
        ("se se cruzan", "Stra\u00dfe se cruzan"),
    ]:
        cut = anchor_quote(article, quote).cut
        assert cut is not None
        assert article[cut.span.start : cut.span.end] == words


def test_a_one_letter_slip_is_fuzzy_with_its_score_and_the_articles_passage() -> None:
    status, text, score = passage(ARTICLE, "will add a night shfit of 240 workers in March")
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


# Numbers ----------------------------------------------------------------------------------------

FIGURES = (
    "Tijuana. Al cierre de 2024 la industria maquiladora de Baja California empleaba a\n"
    "331.200 personas, 6,2% m\u00e1s que un a\u00f1o antes, en 25 parques industriales.\n"
)


def differs(article: str, quote: str) -> tuple[str, int | None, tuple[str, ...], tuple[str, ...]]:
    """For a quote refused for a number: the article's passage, its score, and the numbers that
    differ, the quote's and the article's."""
    anchor = anchor_quote(article, quote)
    assert (anchor.status, anchor.span, anchor.score) == ("missing", None, None)
    refused = anchor.differs
    assert refused is not None
    passage = article[refused.span.start : refused.span.end]
    return passage, refused.score, refused.quoted, refused.written


@pytest.mark.parametrize(
    ("quote", "quoted", "written"),
    [
        ("de Baja California empleaba a 313.200 personas", "313.200", "331.200"),
        ("empleaba a 331.200 personas, 6,7% m\u00e1s que un a\u00f1o antes", "6,7", "6,2"),
        ("m\u00e1s que un a\u00f1o antes, en 35 parques industriales", "35", "25"),
        ("331.200 personas, 6,2% m\u00e1s que un a\u00f1o antes, en 250 parques", "250", "25"),
        ("empleaba a 331.2 personas, 6,2% m\u00e1s que un a\u00f1o antes", "331.2", "331.200"),
    ],
    ids=["thousands", "decimal", "percent-like count", "a digit added", "a point moved"],
)
def test_a_passage_that_differs_from_its_quote_in_a_number_is_not_its_anchor(
    quote: str, quoted: str, written: str
) -> None:
    # Each scores 90 or more: a fuzzy anchor, but for the number.
    text, score, in_quote, in_article = differs(FIGURES, quote)
    assert score is not None and score >= FUZZY_THRESHOLD
    assert (in_quote, in_article) == ((quoted,), (written,))
    assert quote.split()[0] in text and text.split()[-1] == quote.split()[-1]


def test_a_number_the_quote_lacks_or_adds_is_a_number_that_differs() -> None:
    text, _, in_quote, in_article = differs(
        FIGURES, "empleaba a 331.200 personas, m\u00e1s que un a\u00f1o antes, en 25 parques"
    )
    assert (
        text == "empleaba a\n331.200 personas, 6,2% m\u00e1s que un a\u00f1o antes, en 25 parques"
    )
    assert (in_quote, in_article) == ((), ("6,2",))
    _, _, in_quote, in_article = differs(
        FIGURES, "Al cierre de 2024 la industria maquiladora de 3 Baja California empleaba a"
    )
    assert (in_quote, in_article) == (("3",), ())


@pytest.mark.parametrize(
    "quote",
    [
        "la industria maquiladora de Baja California empleaba a 331,200 personas",
        "la industria maquiladora de Baja California empleaba a 331200 personas",
        "la industria maquiladora de Baja California empleaba a 331\u00a0200 personas",
        "331.200 personas, 6.2 % mas que un ano antes, en 25 parques",
        "la industria maquiladora de Baja Califronia empleaba a 331.200 personas",
    ],
    ids=["comma", "no separator", "space", "point and space", "a slip in a word"],
)
def test_the_same_number_written_another_way_is_still_a_fuzzy_anchor(quote: str) -> None:
    status, text, _ = passage(FIGURES, quote)
    assert status == "fuzzy"
    assert "331.200 personas" in text


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("1.500", "1,500", True),  # a thousand and a half in Spanish, in English
        ("1.500", "1500", True),
        ("1.500.000", "1,500,000", True),
        ("1.500,5", "1,500.5", True),
        ("331 200", "331.200", True),
        ("6,2%", "6.2 %", True),
        ("6.7%", "6.7 %", True),
        ("12/05/2024", "12.05.2024", True),
        ("\uff13\uff11", "31", True),  # full-width digits
        ("331.200", "313.200", False),
        ("6,2", "6,7", False),
        ("25%", "35%", False),
        ("1.5", "15", False),  # a decimal point gone
        ("1.5", "1.500", False),  # other digits, whatever the reading
        ("en 2024", "en 2025", False),
        ("3 de 12", "12 de 3", False),  # the same numbers, not in the same order
        ("de 12 plantas", "de plantas", False),
        ("57 billion pesos", "57 million pesos", False),  # a scale word is part of its number
        ("15 mil mdd", "15 mdd", False),
        ("57 mil millones", "57 millones", False),
        ("US$1 billion", "US$1 billón", False),  # the Spanish billón is a million millions
        ("veinticinco empleos", "25 empleos", True),  # a number in words is a number
        ("the first pillar", "the 1st pillar", True),
        ("el tercer turno", "el 3er turno", True),
        ("three key areas", "four key areas", False),
        ("first pillar", "second pillar", False),
        ("the third pillar", "three pillars", False),  # a place in an order is no count
        ("the 2nd plant", "2 plants", False),
        ("treinta y cinco naves", "treinta y seis naves", False),
        # A scale word or the digits it stands for: the same value.
        ("57 mil empleos", "57.000 empleos", True),
        ("57 mil empleos", "57,000 empleos", True),
        ("57 mil millones", "57.000 millones", True),
        ("1.5 millones", "1,500,000", True),
        ("1,5 millones", "1.500.000", True),
        ("mil millones de pesos", "1.000 millones de pesos", True),
        ("331.2 mil personas", "331.200 personas", True),
        ("57 mil empleos", "58.000 empleos", False),
        ("57 mil millones", "57.000 mil millones", False),
        ("1.5 millones", "1,500", False),
        ("miles de empleos", "1.000 empleos", False),  # thousands, how many not told
        ("hundreds of jobs", "100 jobs", False),
    ],
)
def test_numbers_are_the_same_whatever_their_separators_but_never_with_other_digits(
    one: str, other: str, same: bool
) -> None:
    assert (numbers_differ(one, other) is None) is same
    assert (numbers_differ(other, one) is None) is same


AMOUNTS = (
    "Exports exceeded 57 billion pesos in the first months of the year.\n"
    "El intercambio comercial de 15 mil mdd anuales con Los \u00c1ngeles crece.\n"
    "Se invirtieron 1 mill\u00f3n de d\u00f3lares en la nave de Mexicali en 2024.\n"
)


@pytest.mark.parametrize(
    ("quote", "quoted", "written", "slipped"),
    [
        (
            "Exports exceeded 57 million pesos in the first months of the year",
            "57 million",
            "57 billion",
            "Exports exceded 57 billion pesos in the first months of the year",
        ),
        (
            "el intercambio comercial de 15 mdd anuales con Los \u00c1ngeles",
            "15 mdd",
            "15 mil mdd",
            "el intercambio comercial de 15 mil mdd anules con Los \u00c1ngeles",
        ),
        (
            "Se invirtieron 1 mil millones de d\u00f3lares en la nave de Mexicali",
            "1 mil millones",
            "1 mill\u00f3n",
            "Se invirtieron 1 millon de dolares en la nave de Mexicalli",
        ),
    ],
    ids=["billion for million", "mil mdd for mdd", "millón for mil millones"],
)
def test_a_scale_word_is_part_of_its_number(
    quote: str, quoted: str, written: str, slipped: str
) -> None:
    # "57 million" for the article's "57 billion" is another figure, a thousand times smaller,
    # named with its scale words as each side writes them.
    text, score, in_quote, in_article = differs(AMOUNTS, quote)
    assert score is not None and score >= FUZZY_THRESHOLD
    assert (in_quote, in_article) == ((quoted,), (written,))
    assert written in text
    # With the article's scale word, a slip elsewhere is still only a slip.
    assert passage(AMOUNTS, slipped)[0] == "fuzzy"


def test_a_scale_written_another_way_is_the_same_and_one_alone_is_a_figure() -> None:
    assert numbers_differ("57 billion pesos", "57bn pesos") is None
    assert numbers_differ("15 mil millones de d\u00f3lares", "15 mil mdd") is None
    assert numbers_differ("drove 200 miles", "drove 200 km") is None  # a distance
    # A scale word without a number before it is an amount of its own.
    assert numbers_differ("miles de empleos", "empleos") == (("miles",), ())
    assert numbers_differ("a million jobs", "a billion jobs") == (("million",), ("billion",))


AS_DIGITS = (
    "Monterrey. La inversi\u00f3n de 57.000 millones de pesos en Nuevo Le\u00f3n crear\u00e1"
    " 57.000 empleos y 1,500,000 metros cuadrados de naves industriales hasta 2027.\n"
    "The border region has 1,500,000 factory workers, and 2.5 million residents.\n"
)


@pytest.mark.parametrize(
    ("quote", "status", "found"),
    [
        (
            "La inversi\u00f3n de 57 mil millones de pesos en Nuevo Le\u00f3n",
            "fuzzy",
            "La inversi\u00f3n de 57.000 millones de pesos en Nuevo Le\u00f3n",
        ),
        ("57 mil millones de pesos", "loose", "57.000 millones de pesos"),
        ("crear\u00e1 57 mil empleos", "loose", "crear\u00e1 57.000 empleos"),
        (
            "The border region has 1.5 million factory workers",
            "loose",
            "The border region has 1,500,000 factory workers",
        ),
        (
            "has 1,500,000 factory workers, and 2,500,000 residents",
            "loose",
            "has 1,500,000 factory workers, and 2.5 million residents",
        ),
    ],
    ids=["long, with a slip's score", "mil millones", "mil", "million", "digits for million"],
)
def test_a_number_written_with_a_scale_word_for_the_articles_digits_is_found(
    quote: str, status: str, found: str
) -> None:
    # The same figure written another way: found, neither refused for it nor left missing
    # for being too short or too far from the article's wording for the fuzzy step.
    assert passage(AS_DIGITS, quote)[:2] == (status, found)


@pytest.mark.parametrize(
    ("quote", "score"),
    [
        ("en Nuevo Le\u00f3n crear\u00e1 58 mil empleos y 1,500,000 metros cuadrados", True),
        ("crear\u00e1 58 mil empleos", False),
    ],
    ids=["fuzzy", "loose"],
)
def test_a_number_with_a_scale_word_worth_another_value_is_still_refused(
    quote: str, score: bool
) -> None:
    _, fuzzy_score, in_quote, in_article = differs(AS_DIGITS, quote)
    assert (fuzzy_score is not None) is score
    assert (in_quote, in_article) == (("58 mil",), ("57.000",))


WORDED = (
    "The action plan for 2023-2024 focuses on three key areas of the region.\n"
    "Both countries are working on supply chains, which is the first pillar of the plan.\n"
    "La planta de Tecate sumar\u00e1 veinticinco empleos en el tercer turno de junio.\n"
    "El parque industrial tendr\u00e1 treinta y cinco naves nuevas para el a\u00f1o 2026.\n"
)


@pytest.mark.parametrize(
    ("quote", "quoted", "written"),
    [
        ("The action plan for 2023-2024 focuses on four key areas", "four", "three"),
        ("working on supply chains, which is the second pillar of the plan", "second", "first"),
        (
            "La planta de Tecate sumar\u00e1 veinte empleos en el tercer turno",
            "veinte",
            "veinticinco",
        ),
        (
            "La planta de Tecate sumar\u00e1 veinticinco empleos en el cuarto turno",
            "cuarto",
            "tercer",
        ),
        (
            "tendr\u00e1 treinta y seis naves nuevas para el a\u00f1o 2026",
            "treinta y seis",
            "treinta y cinco",
        ),
    ],
    ids=["count", "ordinal", "spanish count", "spanish ordinal", "words in a row"],
)
def test_a_number_written_in_words_is_a_number(quote: str, quoted: str, written: str) -> None:
    text, score, in_quote, in_article = differs(WORDED, quote)
    assert score is not None and score >= FUZZY_THRESHOLD
    assert (in_quote, in_article) == ((quoted,), (written,))
    assert written in text


def test_a_number_in_words_the_quote_lacks_is_a_number_that_differs() -> None:
    _, _, in_quote, in_article = differs(
        WORDED, "The action plan for 2023-2024 focuses on key areas of the region"
    )
    assert (in_quote, in_article) == ((), ("three",))
    # The article's own words, with a slip elsewhere or in the number word itself, are still a
    # slip: "thre" leaves no figure out, it misspells the article's.
    for quote in (
        "The action plan for 2023-2024 focuses on three key aeras",
        "The action plan for 2023-2024 focuses on thre key areas",
        "which is the first pilar of the plan",
        "which is the frist pillar of the plan",
        "sumar\u00e1 veinticinco empleos en el tecer turno de junio",
    ):
        assert passage(WORDED, quote)[0] == "fuzzy", quote


def test_one_and_un_are_no_numbers_alone_but_are_after_tens() -> None:
    # "One of the", "the one" and the articles "un" and "una" count nothing.
    assert numbers_differ("one of the three plants", "of the three plants") is None
    assert numbers_differ("una planta y un parque", "la planta y el parque") is None
    # After a tens word they are a number's units.
    assert numbers_differ("twenty-one plants", "twenty-two plants") == (
        ("twenty-one",),
        ("twenty-two",),
    )
    assert numbers_differ("treinta y un socios", "treinta socios") == (
        ("treinta y un",),
        ("treinta",),
    )


@pytest.mark.parametrize(
    ("one", "other", "quoted", "written"),
    [
        ("one plant", "two plants", "one", "two"),
        ("una planta", "dos plantas", "una", "dos"),
        ("un parque y 3 naves", "2 parques y 3 naves", "un", "2"),
        ("one of the plants", "two of the plants", "one", "two"),
        (
            "un mill\u00f3n de d\u00f3lares",
            "dos millones de d\u00f3lares",
            "un mill\u00f3n",
            "dos millones",
        ),
    ],
)
def test_one_and_un_are_a_number_where_the_other_side_has_another_in_their_place(
    one: str, other: str, quoted: str, written: str
) -> None:
    # Both figures are named, not only the other side's as a number the first lacks.
    assert numbers_differ(one, other) == ((quoted,), (written,))
    assert numbers_differ(other, one) == ((written,), (quoted,))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("1 planta", "una planta"),
        ("one plant", "1 plant"),
        ("un mill\u00f3n de d\u00f3lares", "1.000.000 de d\u00f3lares"),
        ("one hundred jobs", "100 jobs"),
        ("una planta y 2 naves", "la planta y 2 naves"),
        ("un aumento de 1 planta y 5 naves", "el aumento de 1 planta y 5 naves"),
        ("uno de los 3 parques", "los 3 parques"),
        ("con un 5% m\u00e1s", "con 5% m\u00e1s"),
    ],
)
def test_one_and_un_with_no_other_number_in_their_place_never_differ(one: str, other: str) -> None:
    assert numbers_differ(one, other) is None
    assert numbers_differ(other, one) is None


COUNTED_ONE = (
    "La empresa abrir\u00e1 dos plantas en Nuevo Le\u00f3n el pr\u00f3ximo a\u00f1o, dijo el"
    " gobernador.\nThe company will open one plant in Coahuila next year, the governor said.\n"
    "Se abri\u00f3 una planta nueva en Ramos Arizpe durante el primer semestre.\n"
)


@pytest.mark.parametrize(
    ("quote", "quoted", "written"),
    [
        (
            "La empresa abrir\u00e1 una planta en Nuevo Le\u00f3n el pr\u00f3ximo a\u00f1o",
            "una",
            "dos",
        ),
        ("The company will open two plants in Coahuila next year", "two", "one"),
    ],
    ids=["quote's una", "article's one"],
)
def test_one_plant_for_two_is_refused_naming_both(quote: str, quoted: str, written: str) -> None:
    _, score, in_quote, in_article = differs(COUNTED_ONE, quote)
    assert score is not None and score >= FUZZY_THRESHOLD
    assert (in_quote, in_article) == ((quoted,), (written,))


def test_one_written_in_digits_for_the_articles_una_is_found() -> None:
    status, text, _ = passage(COUNTED_ONE, "Se abri\u00f3 1 planta nueva en Ramos Arizpe durante")
    assert (status, text) == ("fuzzy", "Se abri\u00f3 una planta nueva en Ramos Arizpe durante")


ARTICLES_UN = (
    "Se trata de un proyecto que generar\u00e1 300 empleos en la regi\u00f3n fronteriza.\n"
    "La inversi\u00f3n representa un aumento de 15% respecto al a\u00f1o anterior.\n"
    "Una de las empresas instalar\u00e1 una nave de 20.000 metros cuadrados en Apodaca.\n"
    "El gobernador dijo que es uno de los proyectos m\u00e1s importantes de 2024.\n"
    "La planta contar\u00e1 con un centro de distribuci\u00f3n y una l\u00ednea de ensamble.\n"
    "Fue un a\u00f1o r\u00e9cord para la industria, con 331.200 empleos en Baja California.\n"
    "Un grupo de 12 empresas anunci\u00f3 una inversi\u00f3n conjunta en Saltillo.\n"
    "Las exportaciones crecieron un 5% m\u00e1s que el a\u00f1o anterior, dijo la SE.\n"
    "It is one of the two plants the company runs in Coahuila, the governor said.\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        "Se trata del proyecto que generar\u00e1 300 empleos en la regi\u00f3n fronteriza",
        "La inversi\u00f3n representa aumento de 15% respecto al a\u00f1o anterior",
        "Una de las empresas instalar\u00e1 la nave de 20.000 metros cuadrados en Apodaca",
        "Una de las empresas instalar\u00e1 nave de 20.000 metros cuadrados en Apodaca",
        "El gobernador dijo que es de los proyectos m\u00e1s importantes de 2024",
        "La planta contar\u00e1 con centro de distribuci\u00f3n y una l\u00ednea de ensamble",
        "La planta contar\u00e1 con el centro de distribuci\u00f3n y la l\u00ednea de ensamble",
        "Fue el a\u00f1o r\u00e9cord para la industria, con 331.200 empleos en Baja California",
        "El grupo de 12 empresas anunci\u00f3 la inversi\u00f3n conjunta en Saltillo",
        "Las exportaciones crecieron 5% m\u00e1s que el a\u00f1o anterior, dijo la SE",
        "Las exportaciones crecieron un 5 % m\u00e1s que el a\u00f1o anterior, dijo la SE",
        "It is of the two plants the company runs in Coahuila, the governor said",
        "It is the one of the two plants the company runs in Coahuila",
    ],
)
def test_un_and_una_as_articles_never_refuse_a_quote(quote: str) -> None:
    # An article added, left out or changed, beside a figure or not: a slip, no figure.
    assert passage(ARTICLES_UN, quote)[0] == "fuzzy", quote


# Negation --------------------------------------------------------------------------------------

NEGATED = (
    "En este per\u00edodo tambi\u00e9n se increment\u00f3 la membres\u00eda con 60 socios nuevos.\n"
    "The plant will not close before March, the company said on Tuesday.\n"
    "Sin embargo, la planta no cerrar\u00e1 en marzo, dijo la empresa.\n"
    "Exports have never fallen below the record set in 2019.\n"
)


@pytest.mark.parametrize(
    ("quote", "quoted", "written", "slipped"),
    [
        (
            "en este per\u00edodo tambi\u00e9n no se increment\u00f3 la membres\u00eda",
            ("no",),
            (),
            "en este periodo tambien se incremento la membresia con 60 socios nuevso",
        ),
        (
            "The plant will close before March, the company said",
            (),
            ("not",),
            "The plant will not clsoe before March, the company said",
        ),
        (
            "Sin embargo, la planta cerrar\u00e1 en marzo, dijo la empresa",
            (),
            ("no",),
            # Misspelt, "sin embargo" (however) is still no negation.
            "Sin embrago, la planta no cerrar\u00e1 en marzo, dijo la empresa",
        ),
        (
            "Exports have ever fallen below the record set in 2019",
            (),
            ("never",),
            "Exports have nevr fallen below the record set in 2019",
        ),
    ],
    ids=["spanish no added", "not left out", "spanish no left out", "never for ever"],
)
def test_a_passage_negating_what_its_quote_says_is_not_its_anchor(
    quote: str, quoted: tuple[str, ...], written: tuple[str, ...], slipped: str
) -> None:
    # Each scores 90 or more, and says the opposite of the article.
    anchor = anchor_quote(NEGATED, quote)
    assert (anchor.status, anchor.span) == ("missing", None)
    refused = anchor.differs
    assert isinstance(refused, NegationDifference)
    assert refused.score is not None and refused.score >= FUZZY_THRESHOLD
    assert (refused.quoted, refused.written) == (quoted, written)
    # The article's negation, with a slip elsewhere or in the negating word, is still a slip.
    assert passage(NEGATED, slipped)[0] == "fuzzy"


@pytest.mark.parametrize(
    ("article", "quote", "status", "passage"),
    [
        # Cut where it first stands, whole further on in other case: found there, loosely.
        (
            "Es ilegal seg\u00fan la norma. Dijo que es Legal seg\u00fan la norma.",
            "legal seg\u00fan la norma",
            "loose",
            "Legal seg\u00fan la norma",
        ),
        # An accent written as a character of its own after the letter the quote ends with.
        ("Se tom\u00f3 un cafe\u0301 con leche.", "un cafe", "loose", "un cafe\u0301"),
        # A slip in the quote's last word: the whole word is the passage, not a word cut.
        (
            "the government announced new tariffs on steel imports today",
            "the government announced new tariffs on steek",
            "fuzzy",
            "the government announced new tariffs on steel",
        ),
        # Where a script has no spaces between words, a quote starts at any character.
        (
            "\u636e\u62a5\u9053\uff0c\u4e2d\u56fd\u7ecf\u6d4e\u4eca\u5e74\u589e\u957f\u4e86\u3002",
            "\u7ecf\u6d4e\u4eca\u5e74\u589e\u957f\u4e86",
            "exact",
            "\u7ecf\u6d4e\u4eca\u5e74\u589e\u957f\u4e86",
        ),
        ("del periodo 2020-2021 crecieron", "2021 crecieron", "exact", "2021 crecieron"),
    ],
    ids=["whole further on", "accent of its own", "slip in the last word", "no spaces", "range"],
)
def test_a_quote_standing_whole_somewhere_is_found_there(
    article: str, quote: str, status: str, passage: str
) -> None:
    assert passage_of(article, quote) == (status, passage)


@pytest.mark.parametrize(
    ("article", "quote", "words"),
    [
        ("Llegaron 331 200 personas", "200 personas", "331 200 personas"),
        ("Llegaron 331\u00a0200 personas", "200 personas", "331\u00a0200 personas"),
        ("La econom\u00eda creci\u00f3 \u22120.5% en mayo", "0.5% en mayo", "\u22120.5% en mayo"),
        ("La econom\u00eda creci\u00f3 -0,5% en mayo", "0,5% en mayo", "-0,5% en mayo"),
    ],
    ids=["space", "no-break space", "minus", "hyphen as minus"],
)
def test_a_quote_starting_inside_a_spaced_or_signed_number_is_not_found(
    article: str, quote: str, words: str
) -> None:
    # Found word for word: "200 personas" of 331,200, and a fall of 0.5% read as a rise.
    cut = anchor_quote(article, quote).cut
    assert cut is not None and cut.at_start
    assert article[cut.span.start : cut.span.end] == words


def passage_of(article: str, quote: str) -> tuple[str, str]:
    anchor = anchor_quote(article, quote)
    return anchor.status, article[anchor.span.start : anchor.span.end] if anchor.span else ""


def test_a_passage_inside_a_longer_number_is_held_to_the_whole_number() -> None:
    # Found within "331.200", the quote's "1.200" is not the article's figure.
    for quote in ("1.200 PERSONAS, 6,2% MAS", "1.200 personas, 6,2% m\u00e1s"):
        cut = anchor_quote(FIGURES, quote).cut
        assert cut is not None and (cut.at_start, cut.at_end) == (True, False)
        assert FIGURES[cut.span.start : cut.span.end] == "331.200 personas, 6,2% m\u00e1s"
    # Where the same words stand again with the whole number, they are the anchor.
    article = FIGURES + "De ellas, 1.200 personas, 6,2% m\u00e1s, trabajan de noche.\n"
    assert passage(article, "1.200 PERSONAS, 6,2% MAS")[:2] == (
        "loose",
        "1.200 personas, 6,2% m\u00e1s",
    )


def test_of_two_passages_with_other_figures_the_quotes_own_is_the_anchor() -> None:
    # An article giving two counts in the same words: a quote with a slip anchors on its own.
    article = (
        "En marzo la planta de Tecate empleaba a 1.240 personas en dos turnos.\n"
        "En junio la planta de Tecate empleaba a 1.420 personas en dos turnos.\n"
    )
    for count in ("1.240", "1.420"):
        status, text, _ = passage(article, f"la planta de Tecate empleba a {count} personas")
        assert (status, text) == ("fuzzy", f"la planta de Tecate empleaba a {count} personas")


def test_a_quote_with_the_articles_numbers_word_for_word_is_exact() -> None:
    assert passage(FIGURES, "331.200 personas, 6,2% m\u00e1s")[0] == "exact"


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
    assert at("la planta de Tecate anuncio 140 emplesos nuevos para el turno nocturno") == (
        "fuzzy",
        ending,
    )
    # A figure other than the article's is not a slip.
    assert at("la planta de Tecate anuncio 14 empleos nuevos para el turno nocturno") == (
        "missing",
        "",
    )
    assert folded.anchor("la planta de Tecate anuncio 14 empleos nuevos").differs is not None
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
    start, end = whole_words(article, *drawn_slice(article, data))
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
    start, end = whole_words(article, *drawn_slice(article, data))
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
    # A quote starting or ending within a number is held to the whole number (see below).
    assume(not next_to_a_number(article, start, end))
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


@settings(max_examples=300, deadline=None)
@given(article=article_text, data=st.data())
def test_a_quote_cutting_into_a_word_is_never_found_so(article: str, data: st.DataObject) -> None:
    start, end = drawn_slice(article, data)
    quote = article[start:end]
    assume(quote.strip())
    anchor = anchor_quote(article, quote)
    if anchor.span is not None:
        # Found as whole words: the slice itself, or the same words standing whole elsewhere.
        assert whole_words(article, *anchor.span) == tuple(anchor.span)
    else:
        # Else refused, and the words it cut into are given whole.
        assert anchor.cut is not None
        words = article[anchor.cut.span.start : anchor.cut.span.end]
        assert whole_words(article, *anchor.cut.span) == tuple(anchor.cut.span)
        assert fold_quote(quote) in fold_quote(words)


def drawn_slice(article: str, data: st.DataObject) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(article) - 1), label="start")
    return start, data.draw(st.integers(start + 1, len(article)), label="end")


def whole_words(article: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved out of any word or number they fall within: a letter, digit
    or accent on both sides (of a script written with spaces), a digit on both sides of a point
    or comma, a group of three digits after white space and a digit, or a digit after a minus
    sign that follows no letter or digit."""
    text = fold_marks(article)  # one for one: a dash may be read as a minus sign

    def of_a_word(char: str) -> bool:
        if not (char.isalnum() or unicodedata.category(char).startswith("M")):
            return False
        code = ord(char)
        return unicodedata.east_asian_width(char) not in "WF" and not (
            0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF
        )

    def group_of_thousands(at: int) -> bool:
        return bool(re.match(r"\d{3}(?!\d)", text[at:]))

    def inside(at: int) -> bool:
        if not 0 < at < len(text):
            return False
        before, after = text[at - 1], text[at]
        if of_a_word(before) and of_a_word(after):
            return True
        if before in ".," and after.isdigit():
            return at >= 2 and text[at - 2].isdigit()
        if after in ".," and before.isdigit():
            return text[at + 1 : at + 2].isdigit()
        if before.isspace() or after.isspace():
            # Within or at the edge of white space between a digit and a group of thousands.
            first = at - 1
            while first >= 0 and text[first].isspace():
                first -= 1
            last = at
            while last < len(text) and text[last].isspace():
                last += 1
            spaced = first < at - 1 or last > at
            return spaced and first >= 0 and text[first].isdigit() and group_of_thousands(last)
        if before in "-\u2212" and after.isdigit():
            return at < 2 or not text[at - 2].isalnum()
        return False

    while inside(start):
        start -= 1
    while inside(end):
        end += 1
    return start, end


def next_to_a_number(article: str, start: int, end: int) -> bool:
    """Whether the quote at ``start`` to ``end`` of ``article``, white space aside, starts or
    ends with a digit, or stands next to one (its compatibility forms, "\u00b2", included)."""
    quote = article[start:end]
    inner_start = start + len(quote) - len(quote.lstrip())
    inner_end = start + len(quote.rstrip())
    edges = (
        article[:inner_start].rstrip()[-1:]
        + article[inner_start : inner_start + 1]
        + article[inner_end - 1 : inner_end]
        + article[inner_end:].lstrip()[:1]
    )
    return any(c.isdecimal() for c in unicodedata.normalize("NFKD", edges))


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


# Words looked for in the original, as a reader finds a name -----------------------------------


def found_in(text: str, words: str, limit: int = 100) -> list[str]:
    return [text[start:end] for start, end in FoldedArticle.of(text).find_all(words, limit)]


def test_words_are_found_in_any_case_and_accents_where_they_start_a_word() -> None:
    assert found_in(ARTICLE, "economia") == ["Econom\u00eda"]
    assert found_in(ARTICLE, "SECRETARÍA DE") == ["Secretar\u00eda de"]
    # "alicia  bustamante" across two spaces; "lant" starts no word ("plant").
    assert found_in(ARTICLE, "alicia bustamante") == ["Alicia Bustamante"]
    assert found_in(ARTICLE, "lant") == []
    assert found_in(ARTICLE, "240 workers") == ["240\u00a0workers"]


def test_every_place_is_found_in_order_up_to_the_limit() -> None:
    text = "Otay, otay; OTAY and Coyotay. " * 3
    assert found_in(text, "otay") == ["Otay", "otay", "OTAY"] * 3
    assert found_in(text, "otay", limit=4) == ["Otay", "otay", "OTAY", "Otay"]
    assert found_in(text, "  ") == []


def test_a_number_is_found_with_its_thousands_apart_or_together_as_the_filter_finds_it() -> None:
    text = "Kia will add 1,200 jobs; 1.200 empleos; 1200 plazas; 6,7% more; 12,000 units."
    for typed in ("1200", "1,200", "1 200"):
        assert found_in(text, typed) == ["1,200", "1.200", "1200"]
    # A decimal is no thousands: "6,7" is not 67.
    assert found_in(text, "6,7") == ["6,7"] and found_in(text, "67") == []
    assert found_in(text, "12000") == ["12,000"]


@pytest.mark.parametrize(("typed", "written"), [("6.2%", "6,2%"), ("6,7", "6.7"), ("0.5", "0,5")])
def test_a_decimal_is_found_with_a_point_or_a_comma_as_the_filter_finds_it(
    typed: str, written: str
) -> None:
    # "6.2" typed over a Spanish article's "6,2" was not found, where the filter finds it.
    text = f"Las exportaciones crecieron {written} en marzo; 1.500,5 millones."
    assert found_in(text, typed) == [written]
    assert found_in(text, "1,500.5") == found_in(text, "1500,5") == ["1.500,5"]


# Where an article starts and ends on its web page ---------------------------------------------

PAGE = (
    "Home > Industria > Nearshoring en Mexicali\n"
    "  Nearshoring en Mexicali   \n"
    "El CCE pidió más agua para los parques.\n"
    "Más noticias: Nearshoring en Mexicali\n"
    "Nearshoring en Mexicali"
)


def edges_of(text: str, passage: str, *, starts: bool) -> list[tuple[int, int]]:
    """The lines ``passage`` starts (or ends) in ``text``, with each place's offset in its line."""
    found = []
    for start, end in FoldedArticle.of(text).line_edges(text, passage, starts=starts):
        line = text.count("\n", 0, start)
        found.append((line, start - (text.rfind("\n", 0, start) + 1)))
        assert fold_quote(text[start:end]) == fold_quote(passage)
    return found


def test_a_passage_is_at_a_lines_edge_only_with_nothing_but_spaces_beside_it() -> None:
    # Line 0 holds it after a breadcrumb, line 3 after a teaser's label: neither starts with it.
    assert edges_of(PAGE, "Nearshoring en Mexicali", starts=True) == [(1, 2), (4, 0)]
    # Every line ends with it, spaces after it aside, the last one without a line feed too.
    assert edges_of(PAGE, "Nearshoring en Mexicali", starts=False) == [
        (0, 19),
        (1, 2),
        (3, 14),
        (4, 0),
    ]
    assert edges_of(PAGE, "para los parques.", starts=False) == [(2, 22)]
    assert edges_of(PAGE, "para los parques.", starts=True) == []
    assert edges_of(PAGE, "  ", starts=True) == []
