"""Drafts of the five shipped articles, given as raw text, measured against the shipped briefs.

Coverage, as these tests define it: a fact of a shipped brief is covered when the quote of one of
the draft's first ten facts overlaps, in the article, the passage the shipped fact quotes. A
draft that quoted the whole article would cover everything, so the quotes are also held to be
clauses, not paragraphs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from tests.kit.corpus import REPO
from tui.core.drafting.draft import draft_article
from tui.core.drafting.entities import shipped_gazetteer
from tui.core.drafting.facts import candidate_facts
from tui.core.drafting.sentences import sentences
from tui.core.quotes import Span, find_quote

SHIPPED = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "briefs").glob("*.yaml"))
}
COVERAGE_TARGET = 0.8


def article_of(brief: dict[str, Any]) -> str:
    return (REPO / "seeds" / brief["source"]).read_text(encoding="utf-8")


def overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


@pytest.mark.parametrize("ident", sorted(SHIPPED))
def test_the_first_ten_draft_facts_cover_most_facts_of_the_shipped_brief(ident: str) -> None:
    brief = SHIPPED[ident]
    article = article_of(brief)
    drafted = candidate_facts(article)[:10]
    draft_spans = [find_quote(article, candidate.quote) for candidate in drafted]
    assert None not in draft_spans
    covered = []
    for fact in brief["key_facts"]:
        shipped = find_quote(article, fact["quote"])
        assert shipped is not None
        covered.append(any(overlaps(shipped, span) for span in draft_spans if span))
    assert sum(covered) / len(covered) >= COVERAGE_TARGET, [
        f["quote"][:60] for f, hit in zip(brief["key_facts"], covered, strict=True) if not hit
    ]


@pytest.mark.parametrize("ident", sorted(SHIPPED))
def test_draft_quotes_are_clauses_found_in_the_article(ident: str) -> None:
    article = article_of(SHIPPED[ident])
    candidates = candidate_facts(article)
    assert 1 <= len(candidates) <= 15
    for candidate in candidates:
        span = find_quote(article, candidate.quote)
        assert span is not None
        # A clause, not a paragraph: no line break inside and no more than a long sentence.
        assert "\n" not in article[span.start : span.end]
        assert len(candidate.quote.split()) <= 70
        assert candidate.kind in ("figure", "plan", "actor", "event", "context")


def furniture_of(source: str, article: str) -> list[Span]:
    """The passages of page furniture in the shipped articles, as the brief format names them."""
    if source.startswith("000_"):
        start = article.index("Check Also")
        return [Span(start, len(article))]
    if source.startswith("002_"):
        start = article.index("compartir nota")
        end = article.index("Marcelo Ebrard encabeza")
        tail = article.index("Scroll al inicio")
        return [Span(0, article.index("\n")), Span(start, end), Span(tail, len(article))]
    return []


@pytest.mark.parametrize(
    "ident", ["mexicali-cce-nearshoring", "ebrard-municipal-convoy-los-angeles"]
)
def test_no_draft_fact_comes_from_the_page_furniture(ident: str) -> None:
    brief = SHIPPED[ident]
    article = article_of(brief)
    furniture = furniture_of(brief["source"], article)
    assert furniture
    for candidate in candidate_facts(article):
        span = find_quote(article, candidate.quote)
        assert span is not None
        assert not any(overlaps(span, passage) for passage in furniture), candidate.quote
    texts = " ".join(c.sentence for c in candidate_facts(article))
    for word in ("San Diego Regional Chamber", "Facebook", "WhatsApp", "Leave a Reply"):
        assert word not in texts


@pytest.mark.parametrize("ident", sorted(SHIPPED))
def test_the_language_is_told_right(ident: str) -> None:
    brief = SHIPPED[ident]
    draft = draft_article(article_of(brief), shipped_gazetteer())
    assert draft.language == brief["language"]


@pytest.mark.parametrize("ident", sorted(SHIPPED))
def test_dates_are_right_where_the_article_prints_them(ident: str) -> None:
    brief = SHIPPED[ident]
    draft = draft_article(article_of(brief), shipped_gazetteer())
    expected = brief.get("published")
    if expected is None:
        assert draft.published is None
    else:
        assert isinstance(expected, dt.date)
        assert draft.published == expected.isoformat()
    assert ("date_note" in draft.fields) == ("date_note" in brief)


@pytest.mark.parametrize("ident", sorted(SHIPPED))
def test_title_and_author_are_the_articles(ident: str) -> None:
    brief = SHIPPED[ident]
    draft = draft_article(article_of(brief), shipped_gazetteer())
    assert draft.title == brief["title"]
    assert draft.fields.get("author") == brief.get("author")


def test_a_spanish_draft_keeps_its_sentences_marked_for_an_english_rendering() -> None:
    brief = SHIPPED["index-zona-costa-first-half-report"]
    article = article_of(brief)
    draft = draft_article(article, shipped_gazetteer())
    facts = draft.fields["key_facts"]
    assert all(fact["needs_english"] is True and fact["reviewed"] is False for fact in facts)
    # The fact is the article's own sentence, which holds its quote.
    for fact in facts:
        assert find_quote(fact["fact"], fact["quote"]) is not None


def test_an_english_draft_states_each_fact_as_its_quoted_sentence_cleaned() -> None:
    brief = SHIPPED["mexicali-maquiladora-exports-2024"]
    draft = draft_article(article_of(brief), shipped_gazetteer())
    facts = draft.fields["key_facts"]
    assert all("needs_english" not in fact for fact in facts)
    for fact in facts:
        first_letter = next(char for char in fact["fact"] if char.isalnum())
        assert first_letter.isupper() or first_letter.isdigit()
        assert fact["fact"].rstrip('”"').endswith((".", "!", "?"))
        # The quote, less its first letter (now a capital) and any quote marks, is in the fact.
        words = fact["quote"].replace("“", "").replace("”", "").split()[1:]
        assert " ".join(words) in fact["fact"].replace("“", "").replace("”", "")
    assert "57 billion pesos" in " ".join(fact["fact"] for fact in facts)


def test_the_summary_says_it_is_a_draft_and_quotes_the_lede() -> None:
    brief = SHIPPED["mexicali-cce-nearshoring"]
    draft = draft_article(article_of(brief), shipped_gazetteer())
    summary = draft.fields["summary"]
    assert summary.startswith("Draft")
    assert "unveiled its ambitious Nearshoring project" in summary
    assert "Check Also" not in summary


WRAPPED = """Tijuana maquiladoras add 12,000 jobs

TIJUANA, Baja California -- The maquiladora industry in Tijuana added
12,000 jobs in the first quarter of 2024, according to INEGI data
released on Monday by the institute.

The Secretaría de Economía said exports from Baja California grew 8.5%
year on year, reaching 3.2 billion dollars in January alone, the highest
figure on record.

Mayor Montserrat Caballero said the city plans to build two new
industrial parks by 2026 to attract nearshoring investment from Asian
and American companies.
"""
"""An article as e-mails and plain-text exports give it: wrapped at 72 columns."""


def test_a_text_wrapped_at_a_fixed_width_is_drafted_from_whole_sentences() -> None:
    # Each line was taken for a paragraph, and each without a full stop for a heading: the
    # draft had one fact, "released on Monday by the institute.", and no place.
    draft = draft_article(WRAPPED, shipped_gazetteer())
    quotes = [fact["quote"] for fact in draft.fields["key_facts"]]
    assert len(quotes) == 3
    assert all("\n" not in quote and quote[0].isupper() for quote in quotes)
    assert any("added 12,000 jobs in the first quarter of 2024" in quote for quote in quotes)
    assert {"Tijuana", "Baja California"} <= set(draft.fields["places"])
    assert "SE" in draft.fields["organizations"]  # the Secretaría, named over a line break
    assert all(find_quote(WRAPPED, quote) is not None for quote in quotes)  # found exactly


def test_a_dateline_alone_on_its_line_is_no_fact() -> None:
    # "Tijuana, Baja California, 3 de marzo de 2024." was the draft's first fact, a figure.
    article = (
        "Crece la inversión en Tijuana\n\n"
        "Tijuana, Baja California, 3 de marzo de 2024.\n\n"
        "La industria maquiladora registró una inversión de 1,200 millones de dólares en 2023,"
        " un aumento de 18% anual.\n"
    )
    (first,) = candidate_facts(article)
    assert first.sentence.startswith("La industria maquiladora registró")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tesla, Ford and GM announced plans to invest 2 billion dollars on March 3, 2024.",
        "Coahuila, México y Texas firmaron un acuerdo de 500 millones el 5 de febrero de 2024.",
        "Meanwhile, Tesla said on March 3, 2024 - it would invest 2 billion dollars in a plant.",
        # A name, then words between dashes: no dateline, though it opens the paragraph.
        "NAFTA — the pact signed in 1992 — was replaced by USMCA, and exports rose 40% since.",
        "Foxconn — the Taiwanese assembler — will invest 200 million dollars in Jalisco.",
        # A name and words in brackets before a dash: no agency's dateline.
        "Foxconn (Hon Hai) — the Taiwanese assembler — will invest 200 million dollars.",
        "NAFTA (North American Free Trade Agreement) - replaced in 2020 by USMCA.",
        "U.S.-Mexico trade grew 5% in 2023, to 798 billion dollars, the Census Bureau said.",
        "U.S. - Mexico trade grew 5% in 2023, to 798 billion dollars, the Census Bureau said.",
    ],
)
def test_a_sentence_shaped_like_a_dateline_keeps_its_words(sentence: str) -> None:
    # A first word and a comma, then a date: taken for a dateline, the fact was cut or lost.
    article = f"Nearshoring news\n\nThe region grew in 2023.\n\n{sentence}\n"
    assert any(candidate.sentence == sentence for candidate in candidate_facts(article))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A plan whose only figure is when it is to happen.
        (
            "Foxconn spokesperson Linda Chen said the company plans to begin production in the"
            " second half of 2026.",
            "plan",
        ),
        ("La compañía prevé iniciar operaciones en el primer trimestre de 2026.", "plan"),
        ("The council will open its office in Austin in March.", "plan"),
        ("La empresa planea ampliar la planta el 15 de marzo.", "plan"),
        ("Kia plans to expand the plant on March 15, 2025.", "plan"),
        ("The plant will hire 300 workers on March 15.", "figure"),
        # A plan with a figure of its own is a figure.
        ("The company plans to hire 1,200 workers in 2026.", "figure"),
        ("La empresa prevé invertir 85 millones de dólares en 2025.", "figure"),
        # A year in a sentence that plans nothing is still a figure.
        ("Exports reached a record in 2024, the chamber said.", "figure"),
    ],
)
def test_a_plan_dated_by_a_year_or_a_month_is_a_plan(sentence: str, kind: str) -> None:
    (fact,) = candidate_facts(f"Nearshoring news\n\n{sentence}\n")
    assert fact.kind == kind


@pytest.mark.parametrize("region", ["Chihuahua", "Chih.", "B.C.", "N.L."])
def test_a_dateline_is_left_out_of_the_fact_it_opens(region: str) -> None:
    article = (
        "Crece la inversión en Ciudad Juárez\n\n"
        f"CIUDAD JUÁREZ, {region}, 12 de marzo de 2024.- La industria maquiladora registró una"
        " inversión de 1,200 millones de dólares en 2023, un aumento de 18% anual.\n"
    )
    (first,) = candidate_facts(article)
    assert first.quote.startswith("La industria maquiladora registró una inversión de 1,200")
    assert first.sentence.startswith("La industria")


@pytest.mark.parametrize(
    ("paragraph", "fact_opening"),
    [
        (
            "MONTERREY, Mexico — March 20, 2024 — Industrial vacancy in the metro area fell to"
            " 2.1% in the first quarter, the association said.",
            "Industrial vacancy in the metro area fell",
        ),
        (
            "MONTERREY, N.L.- Tesla pospuso la construcción de su planta de 5,000 millones de"
            " dólares en Santa Catarina.",
            "Tesla pospuso la construcción",
        ),
        (
            "TIJUANA.- Incremento de la membresía de la asociación a 300 empresas en 2024,"
            " informó su presidente.",
            "Incremento de la membresía",
        ),
        (
            "TIJUANA, B.C. — La planta sumará 240 trabajadores en el turno nocturno.",
            "La planta sumará",
        ),
        (
            "Saltillo, Coah.- General Motors invertirá 1,000 millones de dólares en su planta.",
            "General Motors invertirá",
        ),
        (
            "Nuevo Laredo, Tamps. — La aduana despachó 20,000 camiones en enero.",
            "La aduana despachó",
        ),
    ],
    ids=[
        "dashes-around-the-date",
        "a-region-without-a-date",
        "a-place-alone",
        "a-spaced-dash",
        "a-place-as-names-are-written",
        "a-place-of-two-words-and-a-spaced-dash",
    ],
)
def test_a_dateline_with_dashes_or_without_a_date_is_left_out_of_the_fact_it_opens(
    paragraph: str, fact_opening: str
) -> None:
    # The fact and its quote began with "MONTERREY, Mexico — March 20, 2024 —".
    article = f"Nearshoring in the north\n\n{paragraph}\n"
    (first,) = candidate_facts(article)
    assert first.sentence.startswith(fact_opening)
    assert first.quote.startswith(fact_opening)
    assert find_quote(article, first.quote) is not None  # still the article's own words


@pytest.mark.parametrize(
    ("dateline", "places"),
    [
        ("MONTERREY, NL.-", ["Monterrey", "Nuevo León"]),
        ("Monterrey, NL.", ["Monterrey", "Nuevo León"]),
        ("Monterrey, N.L.", ["Monterrey", "Nuevo León"]),
        ("SALTILLO, Coah.", ["Saltillo", "Coahuila"]),
        ("Nuevo Laredo, Tamps.", ["Nuevo Laredo", "Tamaulipas"]),
    ],
)
def test_a_dateline_of_a_place_and_its_state_shortened_without_a_dash_names_its_place(
    dateline: str, places: list[str]
) -> None:
    # "Monterrey, NL." was a sentence of its own, too short to be prose: Monterrey was no place
    # of the draft, where "MONTERREY, NL.-" gave it.
    article = (
        "Una armadora amplía su planta\n\n"
        f"{dateline} La empresa Valmora invertirá 185 millones de dólares en una planta de"
        " frenos, informó el gobierno estatal.\n\n"
        "La planta empleará a 1,200 personas desde 2026.\n"
    )
    draft = draft_article(article, shipped_gazetteer())
    assert draft.fields["places"] == places
    first = draft.fields["key_facts"][0]
    assert first["quote"].startswith("La empresa Valmora invertirá 185 millones")
    assert find_quote(article, first["quote"]) is not None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Monterrey, Saltillo y Ramos Arizpe - la región sumó 40 naves industriales en 2024.",
        "Tesla, Ford y GM - las tres armadoras - invertirán 9,000 millones de dólares.",
    ],
)
def test_names_before_a_dash_are_no_dateline_without_a_region_shortened(paragraph: str) -> None:
    (first,) = candidate_facts(f"Nearshoring in the north\n\n{paragraph}\n")
    assert first.sentence == paragraph


@pytest.mark.parametrize(
    ("paragraph", "fact"),
    [
        (
            "MEXICALI — El gobierno estatal dijo que 30 empresas llegaron en 2024.",
            "El gobierno estatal dijo que 30 empresas llegaron en 2024.",
        ),
        (
            "CIUDAD JUÁREZ - Siemens will invest 50 million dollars in a new plant.",
            "Siemens will invest 50 million dollars in a new plant.",
        ),
        # Capitals that name no known place are no dateline.
        (
            "NAFTA — The pact of 1994 — set the rules for 30 years of trade.",
            "NAFTA — The pact of 1994 — set the rules for 30 years of trade.",
        ),
    ],
)
def test_a_known_place_in_capitals_before_a_dash_is_a_dateline(paragraph: str, fact: str) -> None:
    # "MEXICALI — " was kept in the fact and its quote: without a region or a date, capitals
    # before a dash were taken for a name.
    draft = draft_article(f"Nearshoring in the north\n\n{paragraph}\n", shipped_gazetteer())
    (drafted,) = draft.fields["key_facts"]
    assert drafted["fact"] == fact
    assert drafted["quote"] == fact.rstrip(".")


def test_a_draft_reads_the_date_of_a_dateline_with_dashes_and_keeps_its_place() -> None:
    article = (
        "Industrial vacancy falls in Monterrey\n\n"
        "MONTERREY, Mexico — March 20, 2024 — Industrial vacancy in the metro area fell to 2.1%"
        " in the first quarter, the association said.\n\n"
        "Developers plan to build 1.2 million square meters of new space this year.\n"
    )
    draft = draft_article(article, shipped_gazetteer())
    assert draft.published == "2024-03-20"
    facts = draft.fields["key_facts"]
    assert facts[0]["fact"].startswith("Industrial vacancy in the metro area fell to 2.1%")
    assert not any("MONTERREY" in fact["quote"] for fact in facts)
    assert {"Monterrey", "Mexico"} <= set(draft.fields["places"])


@pytest.mark.parametrize(
    "lines",
    [
        [
            '"We expect twenty new plants in Ciudad Juárez by 2026," the mayor said.',
            '"Investment in the city grew 20% in 2024."',
            '"We have the land, the water and the people."',
            '"The border crossings will open longer hours."',
            '"Jobs will follow the plants."',
        ],
        [
            "-- ¿Cuántas empresas llegarán a Saltillo este año?",
            "-- Unas veinte, con una inversión de 800 millones de dólares.",
            "-- ¿Y el agua para los parques industriales?",
            "-- Es suficiente para los próximos diez años.",
            "-- ¿Y la energía eléctrica?",
        ],
        [
            "(Reuters) Foxconn will invest 200 million dollars in a plant in Ciudad Juárez.",
            "(Photo: Cuartoscuro)",
            "The plant will employ 1,500 workers by the end of 2025.",
            "(With information from EFE)",
            "(Reporting by Daina Beth Solomon)",
        ],
        [
            "Requisitos para el programa IMMEX:",
            "a) contar con domicilio fiscal en México;",
            "b) estar al corriente en sus obligaciones fiscales;",
            "c) contar con un programa de maquila autorizado;",
            "d) acreditar una inversión de 500 mil dólares;",
            "La Secretaría de Economía informó que el programa creció 12% en 2024.",
        ],
    ],
    ids=["interview", "dialogue-dashes", "agency-credits", "list-ending-in-semicolons"],
)
def test_an_article_of_quotes_dashes_or_credits_is_no_code(lines: list[str]) -> None:
    # Each was refused as "code or settings".
    draft = draft_article(
        "Nearshoring in the north\n\n" + "\n\n".join(lines) + "\n", shipped_gazetteer()
    )
    assert draft.fact_count >= 1


@pytest.mark.parametrize("united_states", ["EE. UU.", "EE.UU.", "EEUU", "EE UU"])
def test_the_united_states_abbreviated_in_spanish_ends_no_sentence_and_is_a_place(
    united_states: str,
) -> None:
    # "EE. UU." was cut after "EE.": one fact ended "a EE", another was "UU., principalmente a
    # Texas y Michigan", and "EE" and "UU" were listed as organizations.
    sentence = (
        "La armadora invertirá 1,500 millones de dólares en una planta que exportará 80% de su"
        f" producción a {united_states}, principalmente a Texas y Michigan."
    )
    draft = draft_article(f"Nueva planta en Nuevo León\n\n{sentence}\n", shipped_gazetteer())
    assert [fact["fact"] for fact in draft.fields["key_facts"]] == [sentence]
    assert draft.fields["places"] == ["United States", "Texas", "Michigan"]
    assert "organizations" not in draft.fields


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "Most of the parts are shipped to the U.S.",
            "Most of the parts are shipped to the U.S.",
        ),
        (
            "Los vehículos de la planta llegan hoy a EE. UU.",
            "Los vehículos de la planta llegan hoy a EE. UU.",
        ),
        (
            "The plant will supply parts to Foxconn Inc.",
            "The plant will supply parts to Foxconn Inc.",
        ),
        (
            "Most of the output of the plant is sold in the US.",
            "Most of the output of the plant is sold in the US",
        ),
    ],
    ids=["u-s", "ee-uu", "inc", "us-alone"],
)
def test_a_quote_ending_in_an_abbreviation_keeps_its_stop(sentence: str, quote: str) -> None:
    # The quote ended "to the U.S", "a EE. UU": the sentence's stop was taken off as any
    # sentence's is, though it is also the abbreviation's.
    draft = draft_article(f"Nearshoring in the north\n\n{sentence}\n", shipped_gazetteer())
    assert [fact["quote"] for fact in draft.fields["key_facts"]] == [quote]


@pytest.mark.parametrize(
    ("paragraph", "facts"),
    [
        # The last stop of an abbreviation of capitals ends the sentence where the next word is
        # one a sentence opens with, not a name's.
        (
            "Los vehículos de la planta llegan a EE. UU. El gobierno estatal otorgará incentivos"
            " fiscales a la empresa.",
            [
                "Los vehículos de la planta llegan a EE. UU.",
                "El gobierno estatal otorgará incentivos fiscales a la empresa.",
            ],
        ),
        (
            "Most of the parts are shipped to the U.S. In 2023 the plant built 200,000 cars.",
            ["Most of the parts are shipped to the U.S.", "In 2023 the plant built 200,000 cars."],
        ),
        (
            "The plant ships to the U.S. Trade Representative Katherine Tai visited it in 2023.",
            ["The plant ships to the U.S. Trade Representative Katherine Tai visited it in 2023."],
        ),
        (
            "La empresa Aceros del Norte, S. A. de C. V. será proveedora de la planta con 200"
            " empleos nuevos.",
            [
                "La empresa Aceros del Norte, S. A. de C. V. será proveedora de la planta con 200"
                " empleos nuevos."
            ],
        ),
        # A word of capitals alone is a word like any other: its stop ends the sentence.
        (
            "Most of the output of the plant is sold in the US. Foxconn will build a second"
            " plant in Apodaca.",
            [
                "Most of the output of the plant is sold in the US.",
                "Foxconn will build a second plant in Apodaca.",
            ],
        ),
        (
            "Los vehículos de la planta llegan a EE. UU. ¿Qué pasará con los aranceles este año?",
            [
                "Los vehículos de la planta llegan a EE. UU.",
                "¿Qué pasará con los aranceles este año?",
            ],
        ),
        (
            "Los vehículos de la planta llegan a EE. UU. No obstante, la empresa exporta menos.",
            [
                "Los vehículos de la planta llegan a EE. UU.",
                "No obstante, la empresa exporta menos.",
            ],
        ),
        (
            "Most of the parts are made for the EU. U.S. officials visited the plant in May.",
            [
                "Most of the parts are made for the EU.",
                "U.S. officials visited the plant in May.",
            ],
        ),
    ],
    ids=[
        "ee-uu-then-el",
        "us-then-in",
        "us-then-a-name",
        "s-a-de-c-v",
        "us-alone",
        "ee-uu-then-a-question",
        "ee-uu-then-no",
        "eu-then-u-s",
    ],
)
def test_an_abbreviation_of_capitals_ends_a_sentence_only_before_an_opening_word(
    paragraph: str, facts: list[str]
) -> None:
    draft = draft_article(f"Nearshoring in the north\n\n{paragraph}\n", shipped_gazetteer())
    assert sorted(fact["fact"] for fact in draft.fields["key_facts"]) == sorted(facts)


RUN_ON = "the ports of the border region keep moving trucks and goods day and night "


@pytest.mark.parametrize(
    ("cue", "kind"),
    [("Foxconn invested 200 million dollars", "figure"), ("Foxconn plans to build", "plan")],
)
def test_a_sentence_that_runs_on_is_quoted_by_its_words_around_what_carries_it(
    cue: str, kind: str
) -> None:
    # The quote was the whole sentence however long, and the English fact with it: a text
    # without full stops gave a quote and a fact as long as itself.
    article = f"Nearshoring news\n\n{RUN_ON * 40}{cue} {RUN_ON * 40}\n"
    draft = draft_article(article, shipped_gazetteer())
    (fact,) = draft.fields["key_facts"]
    assert fact["kind"] == kind
    assert cue in fact["quote"] and fact["quote"] in article
    assert len(fact["quote"].split()) <= 60
    assert fact["fact"].rstrip(".").lower() == fact["quote"].lower()


@pytest.mark.parametrize(
    ("paragraph", "facts"),
    [
        (
            "The plant is run by Acme Industries Inc. The company will hire 700 workers in 2024.",
            [
                "The plant is run by Acme Industries Inc.",
                "The company will hire 700 workers in 2024.",
            ],
        ),
        (
            "The parts come from Hyundai Motor Co. In 2024 the plant built 200,000 cars.",
            ["The parts come from Hyundai Motor Co.", "In 2024 the plant built 200,000 cars."],
        ),
        (
            "The plant makes cables, harnesses, etc. The company will hire 700 workers in 2024.",
            [
                "The plant makes cables, harnesses, etc.",
                "The company will hire 700 workers in 2024.",
            ],
        ),
        (
            "Shipments resumed at 6 a.m. Trucks waited 14 hours at the border.",
            ["Shipments resumed at 6 a.m.", "Trucks waited 14 hours at the border."],
        ),
        (
            "La aduana cerró a las 10 p.m. Los camiones esperaron 14 horas en la garita.",
            ["La aduana cerró a las 10 p.m.", "Los camiones esperaron 14 horas en la garita."],
        ),
        (
            "The fund will invest $2 bn. The plant will employ 700 workers in 2024.",
            ["The fund will invest $2 bn.", "The plant will employ 700 workers in 2024."],
        ),
        # What goes on from an hour, and a title before a name, end nothing.
        (
            "The plant opens at 9 a.m. Monday with 700 workers.",
            ["The plant opens at 9 a.m. Monday with 700 workers."],
        ),
        (
            "The plant opens at 7 a.m. Mexico City time with 700 workers.",
            ["The plant opens at 7 a.m. Mexico City time with 700 workers."],
        ),
        (
            "Gov. Samuel García said the plant will hire 700 workers.",
            ["Gov. Samuel García said the plant will hire 700 workers."],
        ),
    ],
    ids=["inc", "co", "etc", "a-m", "p-m", "bn", "a-m-monday", "a-m-city-time", "gov"],
)
def test_an_abbreviation_ending_a_name_or_an_hour_ends_a_sentence_before_an_opening_word(
    paragraph: str, facts: list[str]
) -> None:
    # "Inc.", "Co.", "etc.", "a.m." and "p.m." never ended a sentence: the two sentences were one
    # fact.
    draft = draft_article(f"Nearshoring in the north\n\n{paragraph}\n", shipped_gazetteer())
    assert sorted(fact["fact"] for fact in draft.fields["key_facts"]) == sorted(facts)


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        (
            "U.S. lawmakers question Mexican steel surge",
            "Imports of Mexican steel rose 40% in 2023, according to the Commerce Department.\n\n"
            "Lawmakers asked the trade office to review the rules on steel.",
        ),
        (
            "Crece la exportación de acero mexicano a EE. UU.",
            "Las exportaciones de acero crecieron 40% en 2023, según la Secretaría de Economía.\n\n"
            "La industria pidió revisar las reglas del acuerdo comercial.",
        ),
        (
            "Grupo Acme, S.A. de C.V. abre planta en Saltillo",
            "La planta de Grupo Acme empleará a 700 personas desde marzo de 2024.\n\n"
            "La empresa pidió apoyo al gobierno estatal para la obra.",
        ),
    ],
    ids=["u-s-inside", "ee-uu-last", "s-a-de-c-v"],
)
def test_a_headline_with_an_abbreviation_of_capitals_is_the_title_and_no_fact(
    headline: str, body: str
) -> None:
    # Its abbreviation's stops were taken for a sentence's end: the headline was a paragraph of
    # prose, a fact and the summary's opening.
    draft = draft_article(f"{headline}\n\n{body}\n", shipped_gazetteer())
    first_paragraph = body.split("\n", 1)[0]
    assert draft.title == headline
    assert draft.fields["summary"].split(" opens: ", 1)[1].startswith(first_paragraph)
    assert not any(headline in fact["fact"] for fact in draft.fields["key_facts"])
    assert len(draft.fields["key_facts"]) == 2


def test_a_subheading_with_the_u_s_inside_is_no_fact() -> None:
    article = (
        "Steel imports under review\n\n"
        "Imports of Mexican steel rose 40% in 2023, according to the Commerce Department.\n\n"
        "Tariffs on U.S. steel in question\n\n"
        "Lawmakers asked the trade office to review the rules on steel.\n"
    )
    facts = draft_article(article, shipped_gazetteer()).fields["key_facts"]
    assert [fact["fact"] for fact in facts] == [
        "Imports of Mexican steel rose 40% in 2023, according to the Commerce Department.",
        "Lawmakers asked the trade office to review the rules on steel.",
    ]


FORD = "La empresa Ford invertirá 500 millones de dólares en una planta de motores."


@pytest.mark.parametrize(
    ("paragraph", "fact", "place"),
    [
        (
            "WASHINGTON (Reuters) - U.S. lawmakers questioned a surge of Mexican steel imports,"
            " which rose 40% in 2023.",
            "U.S. lawmakers questioned a surge of Mexican steel imports, which rose 40% in 2023.",
            "Washington, D.C.",
        ),
        (f"Ciudad de México, 7 de febrero (EFE).- {FORD}", FORD, "Ciudad de México"),
        (f"TIJUANA, B.C. (OEM-Informex).- {FORD}", FORD, "Tijuana"),
        (f"HERMOSILLO, Sonora (EFE).- {FORD}", FORD, "Hermosillo"),
        (f"REYNOSA, Tamaulipas, Feb. 5, 2024 — {FORD}", FORD, "Reynosa"),
        (f"HERMOSILLO, Son. (05/02/2024).- {FORD}", FORD, "Hermosillo"),
        (f"RAMOS ARIZPE (EFE).- {FORD}", FORD, "Ramos Arizpe"),
    ],
    ids=[
        "agency-after-capitals",
        "agency-after-a-date-without-its-year",
        "agency-after-a-region-abbreviated",
        "agency-after-a-region",
        "a-month-abbreviated",
        "a-date-in-figures-in-brackets",
        "an-unknown-place-and-an-agency",
    ],
)
def test_a_dateline_with_an_agency_or_a_date_in_brackets_or_a_month_shortened_is_left_out(
    paragraph: str, fact: str, place: str
) -> None:
    # The dateline was kept in the fact and its quote ("5, 2024 — La empresa Ford": "Feb." was
    # taken for a sentence's end, and its place was lost with it).
    article = f"Nearshoring en el norte\n\n{paragraph}\n"
    draft = draft_article(article, shipped_gazetteer())
    (drafted,) = draft.fields["key_facts"]
    assert drafted["fact"] == fact
    assert drafted["quote"] == fact.rstrip(".")
    assert place in draft.fields["places"]


def test_the_date_a_dateline_gives_in_figures_in_brackets_is_the_publication_date() -> None:
    article = f"Nearshoring en el norte\n\nHERMOSILLO, Son. (05/02/2024).- {FORD}\n"
    assert draft_article(article, shipped_gazetteer()).published == "2024-02-05"


@pytest.mark.parametrize(
    "sentence",
    [
        '"Las naves no se vacían; se llenan más despacio que antes", dijo el director del parque.',
        "«Hay demanda. Falta energía en los parques del norte», afirmó la presidenta de la"
        " asociación.",
        "“We are not leaving; we are waiting to see what the review brings,” the manager said.",
    ],
)
def test_a_quotation_is_not_cut_at_its_semicolon_or_stop(sentence: str) -> None:
    # A quotation was cut at its semicolon into two facts, with one mark each and the speaker
    # in the second only.
    draft = draft_article(f"Parques en espera\n\n{sentence}\n", shipped_gazetteer())
    facts = draft.fields["key_facts"]
    assert len(facts) == 1
    assert facts[0]["quote"] == sentence.rstrip(".")


@pytest.mark.parametrize(
    ("paragraph", "figure", "speaker"),
    [
        (
            '"We chose Nuevo León because the supplier base is already here," said Mark'
            " Halloway, Vexa's chief operating officer. \"About 35% of our components will be"
            ' sourced locally in the first year."',
            "35%",
            "Mark Halloway",
        ),
        (
            "«Elegimos Nuevo León por sus proveedores», señaló la directora de Vexa, Ana Ruiz."
            " «El 35% de los componentes se comprará en la región el primer año».",
            "35%",
            "Ana Ruiz",
        ),
    ],
)
def test_a_quotation_standing_alone_is_drafted_with_the_sentence_naming_its_speaker(
    paragraph: str, figure: str, speaker: str
) -> None:
    # "About 35% of our components will be sourced locally in the first year." was a fact of
    # its own, marks and all, as if the article said so: its speaker is named only in the
    # sentence before it.
    facts = drafted_facts(
        "Vexa Components invertirá 450 millones de dólares en Salinas Victoria.", paragraph
    )
    (quoted,) = [fact for fact in facts if figure in fact["quote"]]
    assert speaker in quoted["fact"] and speaker in quoted["quote"]
    assert quoted["kind"] == "figure"
    assert quoted["quote"].startswith(paragraph[:20])


@pytest.mark.parametrize(
    "paragraphs",
    [
        # Opening its paragraph, the quotation's speaker is not told beside it.
        (
            "La directora de Vexa, Ana Ruiz, habló con los proveedores de la región.",
            "«El 35% de los componentes se comprará en la región el primer año».",
        ),
        # After a sentence that says nothing of who speaks.
        (
            "La planta abrirá en Salinas Victoria en 2026. «El 35% de los componentes se"
            " comprará en la región el primer año».",
        ),
    ],
)
def test_a_quotation_whose_speaker_is_not_told_beside_it_is_no_fact(
    paragraphs: tuple[str, ...],
) -> None:
    # Such a quotation was a fact of its own, as if the article said so; the sentence naming
    # the speaker, where one does, stands for it.
    facts = drafted_facts(*paragraphs)
    assert facts
    assert not any("35%" in fact["quote"] for fact in facts)


def test_semicolons_and_stops_outside_a_quotation_still_part_clauses() -> None:
    text = (
        "Parques en espera\n\n"
        'La vacancia subió a 8% en el primer trimestre del año; la renta "bajó un poco" en'
        " marzo y abril. El parque contrató a 300 personas más durante este mismo año.\n"
    )
    quotes = [
        fact["quote"] for fact in draft_article(text, shipped_gazetteer()).fields["key_facts"]
    ]
    assert quotes == [
        "La vacancia subió a 8% en el primer trimestre del año",
        'la renta "bajó un poco" en marzo y abril',
        "El parque contrató a 300 personas más durante este mismo año",
    ]


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        # A quotation going on into the next paragraph, as English prints it: its mark is left
        # out of the quote, the words as printed.
        (
            "“The border plants will hire 2,000 more workers in the coming year.",
            "The border plants will hire 2,000 more workers in the coming year",
        ),
        (
            "«Los parques de Saltillo contratarán a 2,000 personas más el año que viene.",
            "Los parques de Saltillo contratarán a 2,000 personas más el año que viene",
        ),
    ],
)
def test_a_fact_and_its_quote_have_no_quotation_mark_without_its_partner(
    paragraph: str, quote: str
) -> None:
    text = f"Parques en espera\n\n{paragraph}\n\n«Y los salarios subirán también», dijo ella.\n"
    facts = draft_article(text, shipped_gazetteer()).fields["key_facts"]
    assert facts[0]["quote"] == quote
    assert not any(mark in facts[0]["fact"] for mark in "“”«»")


def test_a_quotation_mark_not_closed_in_its_paragraph_keeps_its_sentences_apart() -> None:
    paragraph = "“Plants will grow here. Wages will rise as well. Parks will fill up soon.\n"
    assert [s.text for s in sentences(paragraph)] == [
        "“Plants will grow here.",
        "Wages will rise as well.",
        "Parks will fill up soon.",
    ]


def drafted_facts(*paragraphs: str) -> list[dict[str, Any]]:
    """The key facts of the brief drafted from an article of a headline and ``paragraphs``."""
    article = "\n\n".join(("Nearshoring en el norte", *paragraphs)) + "\n"
    facts: list[dict[str, Any]] = draft_article(article, shipped_gazetteer()).fields["key_facts"]
    return facts


@pytest.mark.parametrize(
    "sentence",
    [
        "El Consejo Coordinador Empresarial pidió a los tres niveles de gobierno invertir en"
        " infraestructura para la región.",
        "Los dos países firmaron un acuerdo para ampliar la cooperación en la frontera norte.",
        "The two countries signed an agreement to widen cooperation along the border.",
        "Both countries signed an agreement on supply chains with the business chambers.",
        "Monterrey is one of the cities that drew the most investment from Asian firms.",
        "La estrategia del consejo se divide en cuatro ejes que guían el trabajo con el gobierno.",
        # English "once" and "miles" are no Spanish eleven nor thousands.
        "Once the plant opens, the city expects more suppliers to arrive from Texas.",
        "The plant sits just miles from the Otay Mesa crossing, the busiest of the region.",
    ],
)
def test_a_number_word_counting_no_amount_makes_no_figure(sentence: str) -> None:
    # "pidió a los tres niveles de gobierno invertir" was a figure for "tres", drafted ahead of
    # the article's real figures.
    (fact,) = drafted_facts(sentence)
    assert fact["kind"] != "figure"


@pytest.mark.parametrize(
    "sentence",
    [
        "La empresa abrirá tres nuevas plantas en Nuevo León durante el próximo año.",
        "Cinco empresas estadounidenses anunciaron inversiones en Querétaro este mes.",
        "Dos mil trabajadores se sumarán a la planta de Saltillo con el nuevo turno.",
        "Miles de empleos dependen de la industria maquiladora en Tijuana y Mexicali.",
        "La inversión supera los dos millones de dólares, según la Secretaría de Economía.",
        "The company will add two shifts at its plant in Ciudad Juárez, the mayor said.",
        "Three suppliers of the automaker will open plants in Santa Catarina, Nuevo León.",
        "Dozens of suppliers followed the automaker to the Bajío over the last decade.",
        "Exports from Mexicali grew twenty percent over the year, the chamber said.",
        "Two-thirds of the region's exports go to the United States, the chamber said.",
        # Money in words, as a headline's amount is often written.
        "Kia Motors México anunció una inversión adicional de mil millones de dólares.",
        "The automaker announced an investment of one billion dollars in Pesquería.",
        "El gobierno federal destinará un billón de pesos a obras en la frontera norte.",
        "La empresa invertirá medio millón de dólares en capacitar a sus técnicos.",
        "Ford invertirá quinientos millones de dólares en su planta de Chihuahua.",
        "The state expects half a million visitors at the industrial fair this year.",
    ],
)
def test_a_number_word_counting_an_amount_is_a_figure(sentence: str) -> None:
    (fact,) = drafted_facts(sentence)
    assert fact["kind"] == "figure"


@pytest.mark.parametrize(
    ("lead", "counted"),
    [
        (
            "Kia invertirá mil millones de dólares en su planta de Pesquería, Nuevo León,"
            " informó la empresa.",
            "En el municipio número {n} se registraron {jobs} nuevos empleos durante 2024.",
        ),
        (
            "Kia will invest one billion dollars in its plant in Pesquería, Nuevo León, the"
            " company said.",
            "Town number {n} added {jobs} new jobs in the industry during 2024.",
        ),
    ],
    ids=["spanish", "english"],
)
def test_a_lead_giving_its_amount_in_words_is_drafted_among_more_figures_than_facts_hold(
    lead: str, counted: str
) -> None:
    # "mil millones de dólares" was no figure: the lead, a plan, came after sixteen figures and
    # was left out of the fifteen facts.
    figures = [counted.format(n=n, jobs=37 * n) for n in range(1, 17)]
    facts = drafted_facts(lead, *figures)
    assert len(facts) == 15
    assert facts[0]["quote"] == lead.rstrip(".")
    assert facts[0]["kind"] == "figure"


def test_a_sentence_counting_no_amount_is_drafted_after_the_figures() -> None:
    facts = drafted_facts(
        "El Consejo Coordinador Empresarial pidió a los tres niveles de gobierno invertir en"
        " infraestructura para la región.",
        "Las exportaciones de Mexicali crecieron 6.7% anual entre enero y octubre de 2024.",
    )
    assert [fact["kind"] for fact in facts][0] == "figure"
    assert facts[0]["quote"].startswith("Las exportaciones de Mexicali crecieron 6.7%")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A plan named only as the cause of what is reported is no plan: the sentence explains.
        (
            "Los empresarios explicaron que el aumento se debe a la estrategia de relocalización"
            " de las empresas estadounidenses.",
            "context",
        ),
        (
            "Los empresarios explicaron que el aumento se debe a que más empresas buscan"
            " instalarse en la región.",
            "context",
        ),
        (
            "Executives said the rise is due to the strategy of moving plants closer to their"
            " customers.",
            "context",
        ),
        (
            "Executives consulted by Banxico explained some of the reasons for this boom in"
            " Mexicali.",
            "context",
        ),
        # A plan stated before its cause is a plan; a figure is a figure whatever explains it.
        (
            "The company will expand the plant, a decision that is due to demand from Texas.",
            "plan",
        ),
        ("The rise in exports, of 6.7%, is due to the demand for pickup trucks.", "figure"),
        # An action told with its cause is news, not an explanation.
        ("Tesla aplazó su planta en Nuevo León debido a los aranceles de Estados Unidos.", "event"),
    ],
)
def test_a_sentence_explaining_what_the_news_is_due_to_is_context(sentence: str, kind: str) -> None:
    # "el aumento se debe a la estrategia de …" was drafted as a plan.
    (fact,) = drafted_facts(sentence)
    assert fact["kind"] == kind
