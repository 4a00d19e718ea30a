"""Title, date and author of an article, as its text prints them, in English or Spanish."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.drafting.draft import draft_article
from tui.core.drafting.entities import shipped_gazetteer
from tui.core.drafting.language import detect_language
from tui.core.drafting.metadata import HEADER_LINES, find_author, find_published, find_title

PROSE_EN = (
    "The plant in the El Florido park will add a night shift of 240 workers, the company said,"
    " after orders from Texas doubled in the last quarter of the year.\n"
)


@pytest.mark.parametrize(
    ("header", "language", "expected"),
    [
        ("Por Eric Sanchez el enero 14, 2025", "es", dt.date(2025, 1, 14)),
        ("Por Ana Ruiz | 14 de enero de 2025", "es", dt.date(2025, 1, 14)),
        (
            "Emilio Aristegui By Emilio Aristegui | Junior Journalist - Thu, 12/16/2021 - 14:48",
            "en",
            dt.date(2021, 12, 16),
        ),
        ("Publicado: 16/12/2021 - 14:48", "es", dt.date(2021, 12, 16)),
        ("By Jo Smith, March 5, 2024", "en", dt.date(2024, 3, 5)),
        ("Updated 2024-03-05", "en", dt.date(2024, 3, 5)),
    ],
)
def test_a_date_printed_near_the_top_is_the_publication_date(
    header: str, language: str, expected: dt.date
) -> None:
    text = f"Plant Adds Night Shift in Tijuana\n\n{header}\n\n{PROSE_EN}"
    published = find_published(text, language)
    assert published is not None
    assert published.date == expected
    assert published.note is None


@pytest.mark.parametrize(
    "stamp",
    [
        "Publicado: 4 de febrero de 2025",
        "Publicado: 4 de febrero de 2025 | Actualizado: 5 de febrero de 2025",
        "Actualizado: 5 de febrero de 2025 | Publicado: 4 de febrero de 2025",
    ],
)
@pytest.mark.parametrize("where", ["top", "end"])
def test_the_publication_line_above_or_below_a_long_article_dates_it(
    stamp: str, where: str
) -> None:
    # Below an article longer than the lines a header is looked for in, it was not read.
    body = "\n\n".join(
        f"La planta {number} del parque El Florido sumará un turno nocturno de 240 trabajadores,"
        " dijo la empresa, tras duplicarse los pedidos de Texas en el último trimestre."
        for number in range(HEADER_LINES + 5)
    )
    above, below = (stamp, "") if where == "top" else ("", stamp)
    article = f"Nueva planta en Tijuana\n\n{above}\n\n{body}\n\n{below}\n"
    fields = draft_article(article, shipped_gazetteer()).fields
    assert fields.get("published") == "2025-02-04"
    assert "date_note" not in fields  # printed as the article's own
    assert not any("Actualizado" in fact["quote"] for fact in fields["key_facts"])


def test_a_weekday_and_day_without_a_year_get_the_year_they_fit_near_the_articles_years() -> None:
    text = (
        "Council Presents Plan\n\n"
        "The council unveiled the plan during a press presentation on Tuesday, October 17.\n"
        "The action plan for 2023-2024 focuses on three key areas.\n"
    )
    published = find_published(text, "en")
    assert published is not None
    assert published.date == dt.date(2023, 10, 17)
    assert published.note is not None
    assert "Tuesday, October 17" in published.note and "2023" in published.note


def test_a_spanish_weekday_date_is_worked_out_too() -> None:
    text = (
        "Anuncian planta\n\nLa empresa lo anunció el martes 17 de octubre, dentro del plan 2023.\n"
    )
    published = find_published(text, "es")
    assert published is not None and published.date == dt.date(2023, 10, 17)


@pytest.mark.parametrize(
    ("lede", "published"),
    [
        (
            "La armadora anunció este martes 12 de marzo de 2024 una inversión de 1,500 millones"
            " de dólares en Santa Catarina.",
            "2024-03-12",
        ),
        (
            "Hanwoo Motors announced on Tuesday, March 12, 2024, an investment of 1.5 billion"
            " dollars in Santa Catarina.",
            "2024-03-12",
        ),
        # A date without its weekday, or with a weekday it did not fall on, may be any day.
        (
            "The plant, opened on March 4, 2024, added 12,000 jobs in the first quarter of the"
            " year, according to INEGI.",
            None,
        ),
        (
            "Hanwoo Motors announced on Monday, March 12, 2024, an investment of 1.5 billion"
            " dollars in Santa Catarina.",
            None,
        ),
    ],
)
def test_a_full_date_with_its_weekday_in_the_first_paragraph_dates_an_undated_article(
    lede: str, published: str | None
) -> None:
    # Without a date in the page, a byline or a dateline, the draft was undated.
    article = f"Hanwoo Motors abrirá planta\n\n{lede}\n\nThe plant will hire 3,000 workers.\n"
    fields = draft_article(article, shipped_gazetteer()).fields
    assert fields.get("published") == published
    assert ("date_note" in fields) == (published is not None)  # said to be the news's day


def test_the_date_note_quotes_the_date_as_printed_without_escapes() -> None:
    # A non-breaking space came out as Python's "\\xa0" in the brief's note.
    lede = "La armadora anunció este martes\u00a012 de marzo de 2024 una inversión en la planta."
    fields = draft_article(f"Planta nueva\n\n{lede}\n", shipped_gazetteer()).fields
    assert "\u201cmartes 12 de marzo de 2024\u201d" in fields["date_note"]


def test_no_date_is_made_up_for_an_article_that_prints_none() -> None:
    assert find_published(f"Plant Adds Shift\n\n{PROSE_EN}", "en") is None


def test_the_pages_own_date_comes_first() -> None:
    text = f"Plant Adds Shift\n\nBy Jo Smith, March 5, 2024\n\n{PROSE_EN}"
    published = find_published(text, "en", "2024-03-04")
    assert published is not None and published.date == dt.date(2024, 3, 4)


def test_the_title_skips_breadcrumbs_share_labels_and_a_doubled_standfirst() -> None:
    text = (
        "fbpx\n"
        "Home / BUSINESS / Plant Adds Shift\n"
        "A standfirst that ends like a sentence.\n"
        "compartir nota\n"
        "Facebook\n"
        "Plant Adds Night Shift in Tijuana\n\n"
        f"{PROSE_EN}"
    )
    assert find_title(text) == "Plant Adds Night Shift in Tijuana"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Laura Méndez", "Laura Méndez"),
        ("Por Eric Sanchez el enero 14, 2025", "Eric Sanchez"),
        ("Emilio Aristegui By Emilio Aristegui | Junior Journalist", "Emilio Aristegui"),
    ],
)
def test_the_author_comes_from_the_byline(byline: str, author: str) -> None:
    assert find_author(f"Plant Adds Shift\n{byline}\n\n{PROSE_EN}") == author


def test_no_author_without_a_byline() -> None:
    text = f"Plant Adds Shift\nPhoto by: Image by RJ1988 from Pixabay\n\n{PROSE_EN}"
    assert find_author(text) is None


SPANISH_300 = (
    "Las exportaciones de la industria maquiladora de Tijuana crecieron durante el primer"
    " semestre del año, de acuerdo con datos dados a conocer por la Secretaría de Economía. "
) * 12
ENGLISH_300 = (
    "Exports from the maquiladora industry in Tijuana grew during the first half of the year,"
    " according to data released by the Ministry of Economy on Monday. "
) * 12


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SPANISH_300, "es"),
        (ENGLISH_300, "en"),
        # Furniture in the other language does not sway an article.
        (ENGLISH_300 + "\nContenido relacionado\nPor Eric Sanchez el enero 14, 2025\n", "en"),
        (SPANISH_300 + "\nShare it!\nYou May Like\nMost popular\n", "es"),
    ],
)
def test_the_language_of_a_long_article_is_told(
    text: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # English and Spanish are told by their common words, without loading the model.
    def no_model() -> None:
        raise AssertionError("the language model was loaded")

    monkeypatch.setattr("tui.core.drafting.language._ranker", no_model)
    assert detect_language(text) == language


OTHER_LANGUAGES = {
    "pt": "As exportações da indústria maquiladora de Tijuana cresceram no primeiro semestre do"
    " ano, segundo dados divulgados pelo governo. A empresa disse que vai investir em uma nova"
    " fábrica e que os trabalhadores serão contratados nos próximos meses. ",
    "fr": "Les exportations de l'industrie maquiladora de Tijuana ont augmenté au premier"
    " semestre de l'année, selon les données publiées par le gouvernement. L'entreprise a"
    " déclaré qu'elle investira dans une nouvelle usine dans les prochains mois. ",
    "it": "Le esportazioni dell'industria maquiladora di Tijuana sono cresciute nel primo"
    " semestre dell'anno, secondo i dati pubblicati dal governo. L'azienda ha detto che"
    " investirà in una nuova fabbrica e che i lavoratori saranno assunti nei prossimi mesi. ",
}


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_an_article_in_another_language_is_not_taken_for_english_or_spanish(
    language: str,
) -> None:
    assert detect_language(OTHER_LANGUAGES[language] * 4) == language


def test_a_short_text_is_still_told() -> None:
    assert detect_language("La planta sumará un turno nocturno de 240 trabajadores.") == "es"
    assert detect_language("The plant will add a night shift of 240 workers.") == "en"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "MEXICALI, Baja California, 14 de enero de 2025.— Las exportaciones de la industria"
            " maquiladora de Mexicali crecieron 6.7% anual entre enero y octubre de 2024.",
            dt.date(2025, 1, 14),
        ),
        (
            "TIJUANA, Baja California, March 4, 2024 — The maquiladora industry in Tijuana added"
            " 12,000 jobs in the first quarter of 2024, according to INEGI.",
            dt.date(2024, 3, 4),
        ),
        (
            "TIJUANA, B.C., 12 de marzo de 2024.- La industria maquiladora contrató a 4,500"
            " trabajadores en el primer bimestre del año.",
            dt.date(2024, 3, 12),
        ),
        (
            "The plant, opened on March 4, 2024 — the first of its kind in the region — added"
            " 12,000 jobs in the first quarter of the year, according to INEGI.",
            None,
        ),
        # Datelines not in capitals gave no date.
        (
            "Saltillo, Coahuila, 5 de febrero de 2024.- La planta contrató a 800 trabajadores.",
            dt.date(2024, 2, 5),
        ),
        (
            "Ciudad Juárez, Chih., 12 de marzo de 2024.- La industria sumó 4,500 empleos.",
            dt.date(2024, 3, 12),
        ),
        ("Tijuana, Baja California, 3 de marzo de 2024.", dt.date(2024, 3, 3)),
        (
            "However, on March 4, 2024 — a week after the vote — the plant added 1,200 jobs in"
            " the region, according to INEGI.",
            None,
        ),
        ("Washington, March 3, 2024 — The US and Mexico agreed on a plan.", dt.date(2024, 3, 3)),
        (
            "Nuevo Laredo, Tamps., a 5 de febrero de 2024.- La aduana despachó 20,000 camiones.",
            dt.date(2024, 2, 5),
        ),
        (
            "NAFTA, signed by Mexico on December 17, 1992 - was replaced by USMCA in 2020, and"
            " exports rose 40% since.",
            None,
        ),
        # Datelines with dashes between the place and the date gave no date.
        (
            "MONTERREY, Mexico — March 20, 2024 — Industrial vacancy in the metro area fell to"
            " 2.1% in the first quarter.",
            dt.date(2024, 3, 20),
        ),
        (
            "MONTERREY, Mexico – March 20, 2024 – Industrial vacancy in the metro area fell.",
            dt.date(2024, 3, 20),
        ),
        (
            "MONTERREY, Mexico-March 20, 2024-Industrial vacancy in the metro area fell.",
            dt.date(2024, 3, 20),
        ),
        (
            "MONTERREY — 12 de marzo de 2024 — La vacancia industrial bajó a 2.1% en el trimestre.",
            dt.date(2024, 3, 12),
        ),
        (
            "Monterrey, N.L. - 12 de marzo de 2024.- La vacancia industrial bajó a 2.1%.",
            dt.date(2024, 3, 12),
        ),
        (
            "MONTERREY, N.L.- Tesla pospuso la construcción de su planta en Santa Catarina.",
            None,
        ),
    ],
    ids=[
        "spanish-dateline",
        "english-dateline",
        "abbreviated-state",
        "a-date-in-prose",
        "place-as-names-are-written",
        "abbreviated-state-as-written",
        "a-dateline-alone",
        "a-sentence-opening-with-a-word-and-a-comma",
        "a-place-without-its-region",
        "a-spanish-a-before-the-date",
        "a-name-then-a-clause-with-a-date",
        "em-dashes",
        "en-dashes",
        "hyphens-without-spaces",
        "spanish-date-between-dashes",
        "a-region-a-hyphen-and-a-spanish-date",
        "a-dateline-without-a-date",
    ],
)
def test_a_dateline_opening_the_first_paragraph_gives_the_date(
    lead: str, expected: dt.date | None
) -> None:
    # Only datelines on lines of their own were read: these gave no date.
    found = find_published(f"Exports grow in the border region\n\n{lead}\n", "en")
    assert (found.date if found else None) == expected


@pytest.mark.parametrize(
    ("notice", "lead"),
    [
        (
            "We use cookies to improve your experience. By continuing you accept our cookie"
            " policy. Accept",
            "RAMOS ARIZPE, Coahuila — March 18, 2025 — Magna International will invest 120"
            " million dollars in its plant.",
        ),
        (
            "Usamos cookies para mejorar tu experiencia. Al continuar aceptas nuestra política de"
            " cookies. Aceptar",
            "RAMOS ARIZPE, Coahuila — 18 de marzo de 2025 — Magna International invertirá 120"
            " millones de dólares en su planta.",
        ),
    ],
)
def test_a_notice_above_the_first_paragraph_does_not_hide_its_datelines_date(
    notice: str, lead: str
) -> None:
    # The notice, of whole sentences, was read as the first paragraph of prose: the dateline
    # below it was not looked at, and the draft had no date.
    text = f"Magna to expand its Ramos Arizpe plant\n\n{notice}\n\nBy Daniel Ortega\n\n{lead}\n"
    fields = draft_article(text, shipped_gazetteer()).fields
    assert fields.get("published") == "2025-03-18"
    assert "date_note" not in fields  # printed as the article's own


LEDE_ES = (
    "La empresa Vexa Components informó este lunes 3 de febrero que ampliará su planta en"
    " Apodaca con una inversión de 40 millones de dólares."
)
BODY_ES = "La obra empezará en marzo y dará empleo a 300 personas de la región."


def drafted_date(*paragraphs: str) -> tuple[object, object]:
    """The publication date and date note of the brief drafted from an article of a headline
    and ``paragraphs``."""
    article = "\n\n".join(("Vexa amplía su planta en Apodaca", *paragraphs)) + "\n"
    fields = draft_article(article, shipped_gazetteer()).fields
    return fields.get("published"), fields.get("date_note")


@pytest.mark.parametrize(
    "stamp",
    [
        "Publicado el 4 de febrero de 2025.",
        "Publicado el 4 de febrero de 2025",
        "Publicado: 04/02/2025 - 10:30",
        "Fecha de publicación: 4 de febrero de 2025.",
        "Published February 4, 2025.",
    ],
)
def test_a_publication_line_at_the_end_beats_a_date_worked_out_from_a_weekday(stamp: str) -> None:
    # "Publicado el 4 de febrero de 2025." ending the article was passed over: the draft was
    # dated 2025-02-03, from "este lunes 3 de febrero", with a note on the year worked out.
    many = [BODY_ES] * 25  # far from the top, where a heading's date is read
    assert drafted_date(LEDE_ES, *many, stamp) == ("2025-02-04", None)


def test_a_publication_line_at_the_top_ending_in_a_stop_gives_the_date() -> None:
    assert drafted_date("Publicado el 4 de febrero de 2025.", LEDE_ES, BODY_ES) == (
        "2025-02-04",
        None,
    )


def test_a_publication_line_beats_an_update_line_and_an_update_line_an_inference() -> None:
    updated = "Actualizado el 6 de febrero de 2025."
    published = "Publicado el 4 de febrero de 2025."
    assert drafted_date(LEDE_ES, BODY_ES, updated, published) == ("2025-02-04", None)
    assert drafted_date(LEDE_ES, BODY_ES, updated) == ("2025-02-06", None)


@pytest.mark.parametrize(
    "last",
    [
        # A full date in the article's prose is no publication line.
        "El 4 de febrero de 2025 se firmó el acuerdo con el gobierno de Nuevo León.",
        "Publicado el 4 de febrero de 2025 en el Diario Oficial, el decreto ya rige.",
        # Nor is another story's, listed after the article's end.
        "Notas relacionadas\n\nVexa abre otra planta\n\nPublicado el 4 de febrero de 2025.",
    ],
)
def test_a_full_date_in_prose_or_after_the_article_is_no_publication_line(last: str) -> None:
    published, note = drafted_date(LEDE_ES, BODY_ES, last)
    assert published == "2025-02-03" and note is not None  # worked out from the weekday


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("MONTERREY, Mexico (Reuters) - Kia said on Tuesday it will invest.", "Reuters"),
        ("Hermosillo, Sonora (EFE).- La empresa anunció una inversión.", "EFE"),
        ("TIJUANA, B.C. (OEM-Informex).- La planta abrió sus puertas.", "OEM-Informex"),
        # "Agencias" names no agency; a date in brackets is none; nor is an agency in prose.
        ("SALTILLO, Coah. (Agencias).- La planta abrió sus puertas.", None),
        ("HERMOSILLO, Son. (05/02/2024).- La empresa anunció una inversión.", None),
        ("Kia told Reuters (Reuters) it will invest in the plant this year.", None),
    ],
)
def test_an_agency_named_in_the_dateline_is_the_drafts_outlet(
    opening: str, outlet: str | None
) -> None:
    # A wire story saved as text had no outlet, though its dateline names its agency.
    text = f"Kia to expand its plant\n\n{opening} The plant will add 1,200 jobs by 2026.\n"
    draft = draft_article(text, shipped_gazetteer())
    assert draft.fields.get("outlet") == outlet
