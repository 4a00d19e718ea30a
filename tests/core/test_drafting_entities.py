"""Places, organizations, people and topics from the gazetteer and from capitalised names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.kit.corpus import REPO
from tests.kit.special import named_pipe, needs_pipes, without_waiting
from tui.core.drafting.draft import draft_article
from tui.core.drafting.entities import (
    _STATES,
    CORPUS_GAZETTEER,
    MAX_GAZETTEER_BYTES,
    GazetteerError,
    find_entities,
    gazetteer_for,
    read_gazetteer,
    shipped_gazetteer,
)

TEXT = (
    "La Secretaría de Economía y el INEGI informaron que las exportaciones de Tijuana y"
    " Ciudad Juarez crecieron gracias al T-MEC. La alcaldesa Karen Bass recibió a la"
    " delegación en Los Ángeles, y la US-Mexico Chamber of Commerce organizó el encuentro.\n"
)


def test_aliases_lead_to_the_names_a_brief_lists() -> None:
    entities = find_entities(TEXT, shipped_gazetteer())
    assert "SE" in entities.organizations  # Secretaría de Economía
    assert "USMCA" in entities.topics and "USMCA" not in entities.organizations  # T-MEC
    assert "INEGI" in entities.organizations
    assert {"Tijuana", "Ciudad Juárez", "Los Angeles"} <= set(entities.places)
    assert "exports" in entities.topics


@pytest.mark.parametrize(
    ("text", "places", "people"),
    [
        # A city's name that is also a surname, after a given name, is the person's.
        (
            "El director Carlos León dijo que la planta abrirá en Monterrey.",
            ("Monterrey",),
            ("Carlos León",),
        ),
        ("La calle Benito Juárez de Tijuana se cerró.", ("Tijuana",), ()),
        # The city still, where no given name comes before it.
        ("En el Bajío, Silao y León sumaron empleos.", ("Silao", "León"), ()),
        ("León creció 5% en el año.", ("León",), ()),
    ],
)
def test_a_city_named_as_a_surname_is_not_listed_as_the_city(
    text: str, places: tuple[str, ...], people: tuple[str, ...]
) -> None:
    found = find_entities(text, shipped_gazetteer())
    assert (found.places, found.people) == (places, people)


@pytest.mark.parametrize(
    ("text", "organization", "place"),
    [
        (
            "La Secretaría de Desarrollo Económico de Nuevo León anunció la inversión.",
            "Secretaría de Desarrollo Económico de Nuevo León",
            "Nuevo León",
        ),
        (
            "La Cámara de Comercio de Tijuana dijo que crecerá.",
            "Cámara de Comercio de Tijuana",
            "Tijuana",
        ),
        (
            "El Consejo de Desarrollo de Tijuana anunció.",
            "Consejo de Desarrollo de Tijuana",
            "Tijuana",
        ),
    ],
)
def test_an_organization_named_for_its_place_keeps_the_place_in_its_name(
    text: str, organization: str, place: str
) -> None:
    # The name was cut before the place ("Secretaría de Desarrollo Económico"), or not listed.
    found = find_entities(text, shipped_gazetteer())
    assert found.organizations == (organization,)
    assert found.places == (place,)


def test_a_known_name_in_capitals_is_that_name_not_an_acronym() -> None:
    found = find_entities(
        "CIUDAD JUÁREZ, Chihuahua, 12 de marzo de 2024.- La industria maquiladora creció.\n",
        shipped_gazetteer(),
    )
    assert found.places[:2] == ("Ciudad Juárez", "Chihuahua")
    assert found.organizations == ()


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # "colorado" is also Spanish for red: a heading in capitals does not make it the state.
        ("ALERTA POR SEMÁFORO COLORADO\n\nLa planta cerró por la contingencia.\n", ()),
        (
            "ALERTA EN COLORADO\n\nLas plantas de Colorado cerraron por la nevada.\n",
            ("Colorado",),
        ),
        ("TIJUANA, B.C. — La planta abrió un turno más.\n", ("Tijuana", "Baja California")),
        ("MEXICALI.- La planta abrió un turno más.\n", ("Mexicali",)),
        ("Las exportaciones de SONORA crecieron 5% en mayo.\n", ("Sonora",)),
        ("Las plantas de TIJUANA y MEXICALI contrataron.\n", ("Tijuana", "Mexicali")),
    ],
)
def test_a_one_word_name_in_capitals_counts_outside_a_heading_or_where_the_text_also_names_it(
    text: str, places: tuple[str, ...]
) -> None:
    found = find_entities(text, shipped_gazetteer())
    assert found.places == places
    # Nor are the other words of a heading in capitals taken for a name ("ALERTA POR").
    assert found.organizations == found.people == ()


def test_other_capitalised_names_are_sorted_by_what_surrounds_them() -> None:
    entities = find_entities(TEXT, shipped_gazetteer())
    assert "Karen Bass" in entities.people
    assert "US-Mexico Chamber of Commerce" in entities.organizations
    # Words that begin a sentence are not names.
    assert not any(name.startswith("La ") for name in entities.organizations + entities.people)


def test_the_author_can_be_left_out() -> None:
    text = "The Mayor Norma Alicia Bustamante spoke. Mayor Jo Smith listened.\n"
    entities = find_entities(text, shipped_gazetteer(), skip=["Jo Smith"])
    assert entities.people == ("Norma Alicia Bustamante",)


def test_a_corpus_extends_the_gazetteer_with_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "gazetteer.yaml").write_text(
        "places:\n  - {name: El Florido, aliases: [Parque El Florido]}\n"
        "topics:\n  - name: night shifts\n    aliases: [turno nocturno]\n",
        encoding="utf-8",
    )
    gazetteer = gazetteer_for(tmp_path)
    entities = find_entities("En el Parque El Florido abrió un turno nocturno.\n", gazetteer)
    assert "El Florido" in entities.places
    assert "night shifts" in entities.topics
    # The shipped names are still known.
    assert "Tijuana" in find_entities("Llegó a Tijuana.\n", gazetteer).places


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("places:\n  - {name: A}\nrivers:\n  - {name: Bravo}\n", 3, "rivers"),
        ("places:\n  - {name: A}\n  - {aliases: [B]}\n", 3, "places[1]"),
        ("places: [unclosed\n", 1, ""),
        ("places:\n  - {name: A, state: [B]}\n", 2, "places[0]"),
        ("organizations:\n  - {name: A}\n  - {name: B, state: C}\n", 3, "organizations[1]"),
        # A name of spaces alone: every draft was refused, as if its own list were wrong.
        ('places:\n  - {name: A}\n  - {name: " "}\n', 3, "places[1]"),
        ('places:\n  - " "\n', 2, "places[0]"),
    ],
)
def test_a_bad_gazetteer_is_refused_with_its_file_line_and_field(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        read_gazetteer(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    assert f":{line}:" in message or line == 1
    assert words in message


@needs_pipes
def test_a_named_pipe_for_a_corpus_gazetteer_is_refused_without_waiting(tmp_path: Path) -> None:
    # Passed over by the corpus, and read (waiting for a writer) when named directly.
    pipe = named_pipe(tmp_path / CORPUS_GAZETTEER)
    for read in (lambda: read_gazetteer(pipe), lambda: gazetteer_for(tmp_path)):
        with pytest.raises(GazetteerError) as caught:
            without_waiting(read)
        assert str(caught.value).startswith(f"{pipe}: ")
        assert "not a regular file" in str(caught.value)


def test_a_gazetteer_over_its_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / CORPUS_GAZETTEER
    path.write_text("# a comment\n" * (MAX_GAZETTEER_BYTES // 12 + 1), encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        gazetteer_for(tmp_path)
    assert str(caught.value).startswith(f"{path}: ") and "larger than" in str(caught.value)


def test_the_shipped_gazetteer_knows_the_fields_names() -> None:
    gazetteer = shipped_gazetteer()
    for group, name in [
        ("places", "Nuevo León"),
        ("places", "Texas"),
        ("places", "Reynosa"),
        ("organizations", "Banxico"),
        ("organizations", "IMMEX"),
        ("organizations", "CCE"),
        ("organizations", "SRE"),
    ]:
        assert name in gazetteer.names[group].values()


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        (
            "Vice President of the United States Kamala Harris and Mexico’s Minister of Foreign"
            " Affairs Marcelo Ebrard shared the plan.",
            ["Kamala Harris", "Marcelo Ebrard"],
        ),
        ("Secretary of Economy Raquel Buenrostro announced the plan.", ["Raquel Buenrostro"]),
        (
            "Los Angeles Mayor Karen Bass and Governor Gavin Newsom met.",
            ["Karen Bass", "Gavin Newsom"],
        ),
        ("Karen Bass, the mayor of Los Angeles, welcomed the convoy.", ["Karen Bass"]),
        ("The plant hired Juan Pérez, the director of operations.", ["Juan Pérez"]),
        (
            "Yesterday Karen Bass, the mayor of Los Angeles, spoke. She spoke yesterday.",
            ["Karen Bass"],
        ),
        ("El alcalde Armando Ayala Robles inauguró la planta.", ["Armando Ayala Robles"]),
        (
            "La gobernadora de Baja California, Marina del Pilar Ávila, firmó el acuerdo.",
            ["Marina del Pilar Ávila"],
        ),
        (
            "La presidenta municipal de Mexicali, Norma Alicia Bustamante, informó.",
            ["Norma Alicia Bustamante"],
        ),
        (
            "El Lic. Luis Manuel Hernández presentó el informe y el Sr. Carlos Slim Helú asistió.",
            ["Luis Manuel Hernández", "Carlos Slim Helú"],
        ),
        ("Luis Manuel Hernández, presidente de Index Zona Costa, dijo.", ["Luis Manuel Hernández"]),
        (
            "El presidente de la Asociación de Maquiladoras (AMAC), Jorge Salas, dijo que sí.",
            ["Jorge Salas"],
        ),
    ],
)
def test_personal_names_are_found_by_a_title_before_or_a_role_after(
    sentence: str, people: list[str]
) -> None:
    assert list(find_entities(sentence + "\n", shipped_gazetteer()).people) == people


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("Foxconn spokesperson Linda Chen said the plant will open in 2025.", ["Linda Chen"]),
        ("Spokesman John Smith declined to comment on the plant.", ["John Smith"]),
        (
            "Según el director general de Hanwoo Motors México, Kim Jae-won, la planta generará"
            " 3,000 empleos.",
            ["Kim Jae-won"],
        ),
        ("Kim Jae-won, director general de Hanwoo Motors, dijo que crecerá.", ["Kim Jae-won"]),
        ("El vocero de la empresa, Juan Pérez, dijo que la planta abrirá.", ["Juan Pérez"]),
        ("La gerente de la planta, Ana López, dijo que crecerá.", ["Ana López"]),
        # A company's name joined by a hyphen is no person's.
        ("El vocero Hewlett-Packard Enterprise dijo que la planta abrirá.", []),
        ("Rolls-Royce Holdings, director of engines, said it will grow.", []),
    ],
)
def test_a_person_is_found_by_a_role_for_a_company_or_with_a_hyphenated_given_name(
    sentence: str, people: list[str]
) -> None:
    # "Foxconn spokesperson Linda Chen" and "Kim Jae-won" were no one.
    assert list(find_entities(sentence + "\n", shipped_gazetteer()).people) == people


@pytest.mark.parametrize(
    ("sentence", "people", "organizations"),
    [
        # A title shortened, as the US press writes it.
        ("Gov. Samuel García said the project was the third.", ["Samuel García"], []),
        ("Gov. Greg Abbott ordered more inspections at the bridges.", ["Greg Abbott"], []),
        ("Sen. Ted Cruz said the tariffs would hurt the state.", ["Ted Cruz"], []),
        ("Rep. Henry Cuellar said the bridge would open in May.", ["Henry Cuellar"], []),
        # An office of the government it does not name.
        (
            "La gobernadora del estado, María Eugenia Campos Galván, inauguró el parque.",
            ["María Eugenia Campos Galván"],
            [],
        ),
        (
            "The governor of the state, Samuel García, said the plant would open.",
            ["Samuel García"],
            [],
        ),
        # An office of two areas joined by "e".
        (
            "El secretario de Economía e Innovación de Baja California, Kurt Honold Morales,"
            " dijo que el estado espera más inversiones.",
            ["Kurt Honold Morales"],
            [],
        ),
        # A role after "a": one of a company's spokespeople.
        (
            "Thomas Leung, a spokesperson for Hon Hai, said the plant will grow.",
            ["Thomas Leung"],
            ["Foxconn"],
        ),
        (
            "Ana Ruiz, una vocera de Vexa Components, dijo que crecerá.",
            ["Ana Ruiz"],
            ["Vexa Components"],
        ),
    ],
)
def test_an_official_is_found_after_a_short_title_an_unnamed_government_or_a_role_after_a(
    sentence: str, people: list[str], organizations: list[str]
) -> None:
    # Each named no one: "Gov." was no title, "del estado" no office, "e" no office's word, and
    # "a spokesperson" no role.
    found = find_entities(sentence + "\n", shipped_gazetteer())
    assert (list(found.people), list(found.organizations)) == (people, organizations)


@pytest.mark.parametrize(
    ("sentence", "people", "organizations"),
    [
        # The name's "de la" was where it ended: "Rogelio Ramírez", and no Adrián de la Garza.
        (
            "El secretario de Hacienda, Rogelio Ramírez de la O, dijo que crecerá.",
            ["Rogelio Ramírez de la O"],
            [],
        ),
        (
            "Finance Minister Rogelio Ramírez de la O said it would grow.",
            ["Rogelio Ramírez de la O"],
            [],
        ),
        ("Adrián de la Garza, alcalde de Monterrey, habló.", ["Adrián de la Garza"], []),
        ("Ana de los Santos, directora de la planta, dijo que sí.", ["Ana de los Santos"], []),
        # Where a person works is not their name.
        (
            "El director Juan Pérez de la Secretaría de Economía habló.",
            ["Juan Pérez"],
            ["SE"],  # as the gazetteer names the Secretaría de Economía
        ),
        # An organization's "de la" is its name's too.
        (
            "La empresa Grupo Industrial de la Frontera invertirá.",
            [],
            ["Grupo Industrial de la Frontera"],
        ),
        (
            "La Cámara de la Industria de Transformación anunció.",
            [],
            ["Cámara de la Industria de Transformación"],
        ),
    ],
)
def test_a_name_holding_de_la_or_de_los_is_found_whole(
    sentence: str, people: list[str], organizations: list[str]
) -> None:
    found = find_entities(sentence + "\n", shipped_gazetteer())
    assert list(found.people) == people
    assert set(organizations) <= set(found.organizations)


@pytest.mark.parametrize(
    "sentence",
    [
        # Organizations.
        "President Biden Administration officials met in El Paso.",
        "Ford Motor Company, the president of which resigned, said so.",
        "El presidente de la Cámara Nacional de Comercio habló con la prensa.",
        # Places.
        "In San Quintín, the mayor of the town met investors.",
        "The Governor of Texas signed the bill.",
        "Durante la reunión en Ciudad Obregón, el gobernador firmó.",
        # A place the office ends with that the gazetteer does not know.
        "Mayor of Puerto Peñasco Jorge Pivac spoke.",
        # Sentence starts.
        "Foreign Investment, the minister said, grew in Tijuana.",
        "It was a record year. Record Growth, the president of Index said, came from Texas.",
        "Asimismo, Nuevas Inversiones llegaron a Tijuana.",
    ],
)
def test_organizations_places_and_sentence_starts_are_no_people(sentence: str) -> None:
    assert find_entities(sentence + "\n", shipped_gazetteer()).people == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Integramos Grupo de Trabajo con 50 alcaldes.",
        "The Working Group met on Tuesday.",
        "El Comité Técnico y la Comisión Mixta se reunieron.",
        "The Steering Committee and the Advisory Board approved it.",
        "the working group on the film industry met.",
    ],
)
def test_a_group_named_only_for_what_it_does_is_no_organization(sentence: str) -> None:
    assert find_entities(sentence + "\n", shipped_gazetteer()).organizations == ()


def test_a_group_with_a_name_of_its_own_is_an_organization() -> None:
    text = "El Consejo Directivo de Grupo Lamosa y el Working Group on Nearshoring se reunieron.\n"
    organizations = find_entities(text, shipped_gazetteer()).organizations
    assert organizations == ("Consejo Directivo de Grupo Lamosa", "Working Group on Nearshoring")


@pytest.mark.parametrize("brief", sorted((REPO / "briefs").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_people_of_each_shipped_article_are_those_its_brief_lists(brief: Path) -> None:
    fields = yaml.safe_load(brief.read_text(encoding="utf-8"))
    article = (REPO / "seeds" / fields["source"]).read_text(encoding="utf-8")
    people = find_entities(article, shipped_gazetteer()).people
    assert list(people) == fields.get("people", [])


def test_each_edit_of_a_corpus_gazetteer_is_used_by_the_next_draft(tmp_path: Path) -> None:
    # What finds names was kept by the gazetteer's id, which the gazetteer read after the next
    # edit could be given once the last one was freed: an open reader's `a` then missed the
    # names just added.
    missed = []
    for number in range(50):
        (tmp_path / "gazetteer.yaml").write_text(
            f"places: [{{name: Parque Foo{number}}}]\n", encoding="utf-8"
        )
        found = find_entities(f"Workers at Parque Foo{number} said so.", gazetteer_for(tmp_path))
        if f"Parque Foo{number}" not in found.places:
            missed.append(number)
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "Wintek will invest $200 million in a new plant in Ciudad Juárez, the company said."
        " The plant is the third that Wintek opens in Mexico.",
        "La taiwanesa Wintek invertirá 200 millones de dólares en Ciudad Juárez.",
        "Workers at Wintek’s plant in Ciudad Juárez will number 1,500 by the end of 2025.",
        # Named twice, each time opening a sentence: as the README says.
        "Wintek will invest 200 million dollars in Ciudad Juárez. Wintek's plant will employ"
        " 1,500 workers.",
        # After a word a sentence opens with, which is no given name.
        "Wintek invertirá 200 millones en Ciudad Juárez. Pero Wintek no ha dicho cuándo.",
    ],
)
def test_a_company_named_by_its_brand_alone_is_told_by_what_it_does(text: str) -> None:
    # A page about "Wintek will invest $200 million" listed no Wintek.
    entities = find_entities(text, shipped_gazetteer())
    assert "Wintek" in entities.organizations
    assert "Ciudad Juárez" in entities.places


@pytest.mark.parametrize(
    "text",
    [
        "Carlos Slim will invest $1 billion in Sonora, he told reporters.",
        "Companies will invest $1 billion in Sonora this year, the council said.",
        "Automakers invested $2 billion in Coahuila in 2023.",
        "Hoy invertirá el gobierno 500 millones en Sonora, dijo el gobernador.",
        "Foreign Minister Marcelo Ebrard met investors. Ebrard will invest his time in Sonora.",
        "Industry will invest $3 billion in Nuevo León this year, the council said.",
        "Gobierno invertirá 500 millones en la aduana de Nogales, dijo el secretario.",
        "Guatemala will invest $50 million in its crossings with Chiapas, the minister said.",
    ],
    ids=[
        "a-person",
        "a-plural",
        "a-sector",
        "a-spanish-word",
        "a-surname",
        "a-common-noun",
        "a-spanish-common-noun",
        "a-country",
    ],
)
def test_who_invests_is_no_organization_unless_named_as_one(text: str) -> None:
    organizations = find_entities(text, shipped_gazetteer()).organizations
    assert organizations == (), organizations


def test_the_countries_of_the_region_and_of_its_investors_are_places() -> None:
    text = (
        "Guatemala y Honduras firmaron con México; Japón, Corea del Sur y Alemania invierten en"
        " el Bajío, y Brazil will buy more parts from Coahuila."
    )
    places = find_entities(text, shipped_gazetteer()).places
    expected = {"Guatemala", "Honduras", "Mexico", "Japan", "South Korea", "Germany", "Brazil"}
    assert expected <= set(places), places


@pytest.mark.parametrize(
    ("sentences", "language", "places"),
    [
        (
            "La armadora exportará 80% de su producción a EU, principalmente a Texas. Las"
            " exportaciones de la planta crecieron 7% en el año, según la empresa.",
            "es",
            ["United States", "Texas"],
        ),
        (
            "La armadora exportará 80% de su producción a E.U., principalmente a Texas. Las"
            " exportaciones de la planta crecieron 7% en el año, según la empresa.",
            "es",
            ["United States", "Texas"],
        ),
        # Named first as "EU", later as the gazetteer writes it: listed where first named.
        (
            "Las exportaciones de Coahuila a EU crecieron 7% en el año; las que cruzan a EE. UU."
            " por Laredo, 9%, según la empresa.",
            "es",
            ["Coahuila", "United States", "Laredo"],
        ),
        (
            "La armadora exportará 20% de su producción a la UE y 80% a EU, informó la empresa"
            " el martes en un comunicado.",
            "es",
            ["European Union", "United States"],
        ),
        (
            "The automaker will export 80% of its output to the EU, mainly to Germany. Exports"
            " from the plant grew 7% in the year, the company said.",
            "en",
            ["European Union", "Germany"],
        ),
        (
            "The automaker will export 80% of its output to the E.U., mainly to Germany."
            " Exports from the plant grew 7% in the year, the company said.",
            "en",
            ["European Union", "Germany"],
        ),
    ],
    ids=["es-eu", "es-e.u.", "es-eu-then-ee.-uu.", "es-ue", "en-eu", "en-e.u."],
)
def test_eu_is_the_united_states_in_spanish_and_the_european_union_in_english(
    sentences: str, language: str, places: list[str]
) -> None:
    # Spanish "EU", as the Mexican press writes Estados Unidos, was listed as an organization,
    # and so were English "EU" and Spanish "UE", the European Union the gazetteer lists as a
    # place; "E.U." was not listed at all.
    draft = draft_article(f"Nueva planta\n\n{sentences}\n", shipped_gazetteer())
    assert draft.language == language
    assert draft.fields["places"] == places
    assert "organizations" not in draft.fields


def test_a_spanish_article_names_its_company_and_the_united_states_as_the_press_writes_them() -> (
    None
):
    # Drafted with the organizations "S.A. de C.V." and "EU", and Mexico as a place from inside
    # the company's name.
    article = (
        "Ternium México invertirá en Nuevo León\n\n"
        "MONTERREY, N.L.- Ternium México, S.A. de C.V. invertirá 500 millones de dólares en su"
        " planta de Pesquería, Nuevo León, para abastecer a armadoras que exportan a EU, informó"
        " la empresa el 5 de junio de 2024.\n\n"
        "La compañía indicó que el 70 por ciento del acero se destinará a clientes de la"
        " industria automotriz en NL y Coahuila.\n"
    )
    fields = draft_article(article, shipped_gazetteer()).fields
    assert fields["places"] == ["Monterrey", "Nuevo León", "Pesquería", "United States", "Coahuila"]
    assert fields["organizations"] == ["Ternium México, S.A. de C.V."]


@pytest.mark.parametrize(
    "text",
    [
        "Wintek will invest 500 million dollars in Jalisco, the governor said.\n\n"
        "The plant will employ 2,000 people.",
        "Wintek invertirá 500 millones de dólares en Jalisco, dijo el gobernador.",
        "Wintek invests 500 million dollars a year in Jalisco, the governor said.",
        "Rivian pospuso la construcción de su planta en Santa Catarina, Nuevo León.",
        "Rivian postponed the construction of its plant in Santa Catarina, Nuevo León.",
        "Rivian's planned gigafactory in Nuevo León was put on hold, the governor said.",
        "Wintek's investment in Jalisco is the largest of the year, the governor said.",
        "MONTERREY, N.L.- Rivian pospuso la construcción de su planta en Santa Catarina.",
    ],
    ids=[
        "will-invest",
        "invertirá",
        "invests",
        "pospuso",
        "postponed",
        "a-possessive-and-an-adjective",
        "a-possessive-before-a-topic",
        "after-a-dateline",
    ],
)
def test_a_company_named_once_at_a_sentence_start_is_told_by_what_it_does(text: str) -> None:
    # Named once, opening a sentence, it was taken for an ordinary word with a capital.
    organizations = find_entities(text + "\n", shipped_gazetteer()).organizations
    assert organizations in (("Wintek",), ("Rivian",)), organizations


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Exports will grow 5% in Jalisco this year, the governor said.", ("Jalisco",)),
        (
            "Mexico will invest 500 million dollars in Jalisco, the governor said.",
            ("Mexico", "Jalisco"),
        ),
        ("Nuevo León invertirá 500 millones de dólares en su red eléctrica.", ("Nuevo León",)),
        ("The company will invest 500 million dollars in Jalisco.", ("Jalisco",)),
        ("Investors postponed 500 million dollars of projects in Jalisco.", ("Jalisco",)),
        ("He will invest 500 million dollars in Jalisco, the governor said.", ("Jalisco",)),
        ("They postponed the plant in Jalisco, the governor said.", ("Jalisco",)),
        ("Pero pospuso la construcción de la planta en Jalisco hasta 2025.", ("Jalisco",)),
        ("También invirtió 200 millones de dólares en Jalisco, dijo.", ("Jalisco",)),
        (
            "Today's investment in Jalisco is the largest of the year, the governor said.",
            ("Jalisco",),
        ),
        (
            "Monday's investment in Jalisco was the largest of the year, the governor said.",
            ("Jalisco",),
        ),
        (
            "March's investment in Jalisco was the largest of the year, the governor said.",
            ("Jalisco",),
        ),
        (
            "Lo dijo el canciller Marcelo Ebrard en Jalisco. Ebrard pospuso su visita a la planta.",
            ("Jalisco",),
        ),
        (
            "La planta abrirá en 2025, dijo Marcelo Ebrard en Jalisco. Ebrard pospuso su visita.",
            ("Jalisco",),
        ),
        (
            "The state will match it, and Governor Alfaro postponed the vote in Jalisco.",
            ("Jalisco",),
        ),
        ("I will invest 500 million dollars in Jalisco, the governor said.", ("Jalisco",)),
    ],
    ids=[
        "a-plural-noun-and-another-verb",
        "a-place",
        "a-place-of-two-words",
        "the",
        "a-plural-noun",
        "he",
        "they",
        "a-spanish-conjunction",
        "a-spanish-adverb",
        "today",
        "a-weekday",
        "a-month",
        "a-surname",
        "a-surname-after-a-given-name",
        "a-surname-after-a-title",
        "i",
    ],
)
def test_a_sentence_start_before_what_a_company_does_need_not_be_one(
    text: str, places: tuple[str, ...]
) -> None:
    found = find_entities(text + "\n", shipped_gazetteer())
    assert found.organizations == (), found.organizations
    assert found.places == places


def test_an_acronym_the_text_introduces_is_found_though_also_written_as_a_word() -> None:
    # "bid" in small letters took away BID, the Inter-American Development Bank. Its initials,
    # it is listed once, by the name it stands for, wherever the text writes it.
    text = (
        "El Banco Interamericano de Desarrollo (BID) aprobó un préstamo para el parque. The BID"
        " approved it after the state made a bid for it in 2024."
    )
    organizations = find_entities(text, shipped_gazetteer()).organizations
    assert organizations == ("Banco Interamericano de Desarrollo",)


def test_a_word_in_capitals_for_emphasis_is_no_organization() -> None:
    text = (
        "UPDATE: The company said it will NOT close its plant in Ciudad Juárez.\n\n"
        "The update came after it said it will not cut jobs."
    )
    assert find_entities(text, shipped_gazetteer()).organizations == ()


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Empresas de Monterrey, NL, encabezaron la lista de inversionistas.", "Nuevo León"),
        ("The plant in Santa Catarina, N.L., is on hold, the governor said.", "Nuevo León"),
        ("MONTERREY, N.L.- Tesla pospuso la construcción de su planta.", "Nuevo León"),
        ("Saltillo, Coah.- La planta sumará 2,000 empleos en Ramos Arizpe.", "Coahuila"),
        ("Ramos Arizpe, Coahuila de Zaragoza, recibió la inversión.", "Coahuila"),
        ("Nuevo Laredo, Tamps. — La aduana despachó 20,000 camiones.", "Tamaulipas"),
    ],
    ids=["nl", "n.l.", "n.l.-dateline", "coah.-dateline", "official-name", "tamps."],
)
def test_a_state_written_short_is_listed_by_its_name(text: str, state: str) -> None:
    # "Monterrey, NL" listed NL as an organization and no state: a filter or a facet of
    # Nuevo León missed the brief.
    entities = find_entities(text + "\n", shipped_gazetteer())
    assert state in entities.places, entities
    assert not {"NL", "N.L.", "Coah", "Tamps"} & set(entities.organizations), entities


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        (
            "Monterrey, NL. Kia Motors México, S.A. de C.V. anunció una inversión adicional.",
            ["Kia", "Kia Motors México, S.A. de C.V."],
        ),
        ("Monterrey, NL. Grupo Lamosa SAB de CV abrió una planta.", ["Grupo Lamosa SAB de CV"]),
        ("Monterrey, N.L. Vexa Components anunció una inversión.", ["Vexa Components"]),
        ("Hermosillo, Son. Vexa Components anunció una inversión.", ["Vexa Components"]),
    ],
    ids=["nl.-legal-name", "nl.-sab-de-cv", "n.l.", "son."],
)
def test_a_datelines_state_written_short_is_no_part_of_the_company_after_it(
    text: str, organizations: list[str]
) -> None:
    # Listed as "NL. Kia Motors México, S.A. de C.V." (a facet showed "NL. Kia Motors"), and
    # the dateline's state not at all: the state's stop, short of a sentence's, ran it on.
    entities = find_entities(text + "\n", shipped_gazetteer())
    assert list(entities.organizations) == organizations
    assert entities.places[:2] in (("Monterrey", "Nuevo León"), ("Hermosillo", "Sonora"))


@pytest.mark.parametrize(
    "text",
    [
        "Nexteer Inc. y TPI destacaron entre los inversionistas.",
        "Among the investors were Nexteer Inc. and TPI, the ministry said.",
    ],
)
def test_two_companies_joined_by_and_are_two_names(text: str) -> None:
    # Listed as one organization, "Nexteer Inc. y TPI", found by neither company's facet.
    organizations = find_entities(text + "\n", shipped_gazetteer()).organizations
    assert organizations == ("Nexteer Inc.", "TPI"), organizations


def test_a_legal_form_keeps_its_period() -> None:
    # "Nexteer Inc" in a draft and "Nexteer Inc." in a brief written by hand were two facets.
    text = "Los inversionistas fueron Grupo Lamosa S.A.B. de C.V. y Nexteer Inc.\n"
    organizations = find_entities(text, shipped_gazetteer()).organizations
    assert organizations == ("Grupo Lamosa S.A.B. de C.V.", "Nexteer Inc."), organizations


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        (
            "El Gobierno de EE. UU. impondrá un arancel de 25% al acero.",
            "Gobierno de EE. UU.",
        ),
        (
            "El Departamento de Comercio de EE. UU. publicó la medida.",
            "Departamento de Comercio de EE. UU.",
        ),
        ("Lo anunció el Gobierno de EE. UU.", "Gobierno de EE. UU."),
    ],
    ids=["before-its-verb", "of-a-ministry", "ending-the-sentence"],
)
def test_a_name_ending_in_ee_uu_keeps_its_last_stop(text: str, organization: str) -> None:
    # Listed as "Gobierno de EE. UU": the stop of "UU." was taken for the sentence's alone.
    organizations = find_entities(text + "\n", shipped_gazetteer()).organizations
    assert organizations == (organization,), organizations


@pytest.mark.parametrize(
    "text",
    [
        "General Motors will invest $1 billion in its plant in Ramos Arizpe, Coahuila.",
        "GM invertirá 1,000 millones de dólares en su planta de Ramos Arizpe, Coahuila.",
        "La planta de General Motors Co. en Ramos Arizpe sumará un turno.",
    ],
)
def test_a_company_the_region_knows_is_listed_by_one_name_in_either_language(text: str) -> None:
    # "General Motors" was never listed (two capitalised words, read as a person's name), and
    # "GM" listed as itself: a facet and a filter found one language's articles only.
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == ("General Motors",)


def test_a_known_company_whose_name_ends_in_s_is_listed_for_what_it_does() -> None:
    # Read as a plural ("Companies will invest"), it was left out.
    text = "Siemens will invest $150 million in a plant in Querétaro, the company said.\n"
    assert find_entities(text, shipped_gazetteer()).organizations == ("Siemens",)


def test_a_known_organization_of_a_known_place_is_listed_once() -> None:
    # "Mexico's Ministry of Economy" was listed beside SE, the name it goes by in either language.
    text = "Mexico's Ministry of Economy welcomed the announcement, the Mexicali council said.\n"
    entities = find_entities(text, shipped_gazetteer())
    assert entities.organizations == ("SE",), entities
    assert entities.places == ("Mexico", "Mexicali"), entities


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        ("The Bank of Mexico (Banxico) cut its rate to 10%.", ("Banxico",)),
        ("El Banco de México (Banxico) recortó la tasa a 10%.", ("Banxico",)),
        ("La Secretaría de Economía (SE) informó que la inversión creció.", ("SE",)),
        ("The Ministry of Economy (SE) said investment grew.", ("SE",)),
        # Written otherwise than the gazetteer does, before its abbreviation or after it.
        ("The Bank of México (Banxico) cut its rate. The Bank of México said so.", ("Banxico",)),
        ("The Economy Ministry (SE) said investment grew, with Ford.", ("SE", "Ford")),
        ("Mexico's Economy Ministry (SE) said investment grew.", ("SE",)),
        ("La Secretaría de Economía (SECON) informó. La SECON dijo más.", ("SE",)),
        # A word in the plural shared with a way the gazetteer writes it ("Maquiladora").
        ("La Asociación de Maquiladoras (Index) Juárez informó que creció.", ("INDEX",)),
        # A state's ministry goes by the federal one's abbreviation too.
        (
            "La Secretaría de Economía de Nuevo León (SE) informó.",
            ("Secretaría de Economía de Nuevo León",),
        ),
        # Another organization in brackets, its owner say, is not another way of writing it.
        (
            "Motional Group (Hyundai) will invest in Nuevo León.",
            ("Motional Group", "Hyundai"),
        ),
    ],
)
def test_a_name_and_its_abbreviation_in_brackets_are_one_organization(
    text: str, organizations: tuple[str, ...]
) -> None:
    # "Bank of México (Banxico)" was listed as two organizations, "Bank of México" and Banxico.
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        # Known to the gazetteer, by either of the names of one entry.
        ("The Federal Electricity Commission (CFE) will supply the park.", ("CFE",)),
        ("La Comisión Federal de Electricidad (CFE) abastecerá el parque.", ("CFE",)),
        ("Petróleos Mexicanos (Pemex) y la CFE abastecerán el parque.", ("Pemex", "CFE")),
        (
            "The Mexican Association of Industrial Parks (AMPIP) said occupancy rose.",
            ("AMPIP",),
        ),
        # Unknown, its abbreviation made of its words' initials, or of their beginnings: listed
        # by its name, there and where the text writes the abbreviation alone.
        (
            "El Consejo de Desarrollo Económico de Mexicali (CDEM) informó. El CDEM dijo más.",
            ("Consejo de Desarrollo Económico de Mexicali",),
        ),
        (
            "The North American Development Bank (NADBank) will lend 50 million dollars.",
            ("North American Development Bank",),
        ),
        ("Hanwoo Motors (HM) invertirá 1,500 millones de dólares.", ("Hanwoo Motors",)),
        # An abbreviation of other words is listed beside the name.
        (
            "La Asociación de Maquiladoras (AMAC) dijo que la AMAC crecerá.",
            ("Asociación de Maquiladoras", "AMAC"),
        ),
    ],
)
def test_a_name_and_the_abbreviation_of_its_words_in_brackets_are_listed_once(
    text: str, organizations: tuple[str, ...]
) -> None:
    # "Federal Electricity Commission (CFE)" was listed as two organizations.
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        (
            "Grupo Industrial Saltillo, S.A.B. de C.V. (GIS) vendió 500 millones de dólares; GIS"
            " crecerá en 2025.",
            ("Grupo Industrial Saltillo, S.A.B. de C.V.",),
        ),
        (
            "Industrias Monterrey, S.A. (IMSA) abrió una planta en Saltillo.",
            ("Industrias Monterrey, S.A.",),
        ),
        (
            "The U.S. Chamber of Commerce (USCC) said exports grew.",
            ("U.S. Chamber of Commerce",),
        ),
    ],
    ids=["without-its-legal-form", "with-its-legal-form", "with-periods"],
)
def test_a_companys_abbreviation_in_brackets_is_read_with_its_legal_form_or_without(
    text: str, organizations: tuple[str, ...]
) -> None:
    # "GIS", "IMSA" and "USCC" were listed beside the names they abbreviate: the letters of "S.A.
    # de C.V." or "S.A." were looked for in them, with their periods.
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        ("El anuncio se hizo en el Palacio de Gobierno, con la CFE.", ("CFE",)),
        ("El anuncio se hizo en el Palacio de Gobierno de Nuevo León.", ()),
        ("The deal was signed at the Palace of Government in Monterrey.", ()),
        ("The deal was signed at the Government Palace in Monterrey.", ()),
        # An English name whose noun comes last is what that noun says.
        (
            "The Building Owners Association said rents rose.",
            ("Building Owners Association",),
        ),
        # The US presidency, as the press names it, is who acts.
        ("La Casa Blanca anunció aranceles de 25% a México.", ("White House",)),
        ("The White House announced 25% tariffs on Mexico.", ("White House",)),
    ],
)
def test_a_seat_of_government_is_a_building_not_an_organization(
    text: str, organizations: tuple[str, ...]
) -> None:
    # "Palacio de Gobierno" was listed as an organization for its word "Gobierno".
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


@pytest.mark.parametrize(
    "text",
    [
        "Banxico recortó la tasa de interés a 10%.",
        "Coparmex pidió más inversión en la frontera.",
    ],
)
def test_a_known_organization_of_one_word_is_listed_wherever_it_stands(text: str) -> None:
    # Named once, opening a sentence, and doing nothing a company is known by, it was dropped.
    organizations = find_entities(text + "\n", shipped_gazetteer()).organizations
    assert organizations in (("Banxico",), ("COPARMEX",)), organizations


@pytest.mark.parametrize(
    ("text", "bank"),
    [
        ("Analysts at Banorte said the tariff could shave 0.2 points off growth.", "Banorte"),
        ("Según Grupo Financiero Banorte, la economía crecerá 1%.", "Banorte"),
        ("Analysts at BBVA Mexico said growth would slow.", "BBVA México"),
        ("BBVA Bancomer recortó su pronóstico de crecimiento.", "BBVA México"),
        ("Los analistas de Citibanamex estiman que la economía crecerá 1%.", "Banamex"),
        ("Los analistas de Banamex estiman que la economía crecerá 1%.", "Banamex"),
        ("Santander México elevó su pronóstico de crecimiento.", "Santander México"),
    ],
)
def test_mexicos_largest_banks_are_known_by_each_of_their_names(text: str, bank: str) -> None:
    # Their analysts, quoted on the economy, were of no organization ("Analysts at Banorte
    # said"), or of another ("BBVA" alone, and Mexico a place).
    found = find_entities(text + "\n", shipped_gazetteer())
    assert (found.organizations, found.places) == ((bank,), ())


def test_a_company_of_the_corpus_gazetteer_is_listed_in_either_language(tmp_path: Path) -> None:
    (tmp_path / "gazetteer.yaml").write_text(
        "organizations:\n  - {name: Rivian, aliases: [Rivian Inc.]}\n", encoding="utf-8"
    )
    gazetteer = gazetteer_for(tmp_path)
    for text in (
        "Rivian Inc. y GM destacaron entre los inversionistas.",
        "Rivian Inc. put its plant on hold, the governor said.",
    ):
        assert "Rivian" in find_entities(text + "\n", gazetteer).organizations, text


def test_a_dateline_in_capitals_and_a_city_before_its_state_are_places() -> None:
    # "RAMOS ARIZPE" was listed as an organization, and neither city as a place.
    article = (
        "GM to invest in Silao\n\n"
        "RAMOS ARIZPE, Coahuila — May 7, 2024 — General Motors will invest $1 billion in its"
        " plant in Silao, Guanajuato, according to INEGI data.\n\n"
        "The plant will employ 2,000 more workers by 2025.\n"
    )
    fields = draft_article(article, shipped_gazetteer()).fields
    assert fields["places"] == ["Ramos Arizpe", "Coahuila", "Silao", "Guanajuato"]
    assert fields["organizations"] == ["General Motors", "INEGI"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "SAN NICOLÁS DE LOS GARZA, N.L.- La planta sumará 500 empleos.",
            "San Nicolás de los Garza",
        ),
        (
            "VILLA DE REYES, San Luis Potosí, 7 de mayo de 2024.— BMW amplió su planta.",
            "Villa de Reyes",
        ),
        ("HUEHUETOCA, Edomex — La planta abrió un turno.", "Huehuetoca"),
        ("LERMA — March 3, 2024 — The plant will add a shift.", "Lerma"),
        ("SALINAS VICTORIA.- La planta abrió un turno.", "Salinas Victoria"),
        ("The plant in Villa de Reyes, San Luis Potosí, will add a shift.", "Villa de Reyes"),
        ("La planta de Ciénega de Flores, Nuevo León, sumará un turno.", "Ciénega de Flores"),
        ("Su nave en Salinas Victoria, N.L., abrirá en mayo.", "Salinas Victoria"),
        ("Toyota will invest $500 million in Georgetown, Kentucky.", "Georgetown"),
    ],
    ids=[
        "capitals-a-region-shortened",
        "capitals-a-region-and-a-date",
        "capitals-a-region-known-by-its-alias",
        "capitals-a-date-between-dashes",
        "capitals-alone",
        "a-city-and-its-mexican-state",
        "a-city-of-three-words",
        "a-city-and-its-state-shortened",
        "a-city-and-its-us-state",
    ],
)
def test_a_place_the_gazetteer_does_not_know_is_told_by_its_dateline_or_its_state(
    text: str, place: str
) -> None:
    entities = find_entities(text + "\n", shipped_gazetteer())
    assert place in entities.places, entities
    assert not any(name.isupper() and " " in name for name in entities.organizations), entities
    assert place.upper() not in entities.organizations, entities


@pytest.mark.parametrize(
    "text",
    [
        "Greg Abbott, Texas governor, signed the bill in Austin.",
        "Ternium, Nuevo León's largest steelmaker, will hire 500 workers.",
        "La Cámara de Comercio de Silao, Guanajuato, pidió más seguridad.",
        "For Wintek, Jalisco is the state that grew most in 2024.",
        "Currently, Texas, Ohio and Michigan lead the list.",
        "NAFTA — the pact signed in 1992 — was replaced in 2020.",
    ],
    ids=[
        "a-person-and-a-role",
        "a-possessive",
        "an-organization",
        "a-clause-of-the-state",
        "an-adverb",
        "capitals-between-dashes",
    ],
)
def test_a_name_before_a_state_or_a_dash_that_is_no_city_is_no_place(text: str) -> None:
    places = find_entities(text + "\n", shipped_gazetteer()).places
    no_cities = {"Greg Abbott", "Ternium", "Cámara de Comercio de Silao", "Wintek", "Currently"}
    assert not (no_cities | {"Nafta", "NAFTA"}) & set(places), places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "La planta en Juárez, Nuevo León, sumará 500 empleos.",
            ("Juárez, Nuevo León", "Nuevo León"),
        ),
        ("The plant in Juárez, N.L. is on hold.", ("Juárez, Nuevo León", "Nuevo León")),
        ("JUÁREZ, Nuevo León.- La planta sumará un turno.", ("Juárez, Nuevo León", "Nuevo León")),
        ("Nogales, Arizona, is a port of entry.", ("Nogales, Arizona", "Arizona")),
        # The known city in its own state, or with none named.
        ("La planta de Ciudad Juárez, Chihuahua, crece.", ("Ciudad Juárez", "Chihuahua")),
        ("La planta de Juárez, Chih., crece.", ("Ciudad Juárez", "Chihuahua")),
        ("La planta de Juárez crece.", ("Ciudad Juárez",)),
        # A list of places, not a city and its state.
        (
            "Las plantas de Tijuana, Sonora y Chihuahua crecieron.",
            ("Tijuana", "Sonora", "Chihuahua"),
        ),
        (
            "Hay plantas en Tijuana, Sonora, y en Chihuahua.",
            ("Tijuana", "Sonora", "Chihuahua"),
        ),
        ("Plants in Tijuana, Sonora, and in Chihuahua grew.", ("Tijuana", "Sonora", "Chihuahua")),
    ],
)
def test_a_known_citys_name_before_another_state_is_a_place_of_that_state(
    text: str, places: tuple[str, ...]
) -> None:
    # "Juárez, Nuevo León", a town of the Monterrey area, was listed as Ciudad Juárez.
    assert find_entities(text + "\n", shipped_gazetteer()).places == places


def test_the_states_of_the_gazetteers_cities_are_its_states() -> None:
    assert set(shipped_gazetteer().states.values()) <= _STATES


def test_a_corpus_gazetteer_can_give_a_citys_state(tmp_path: Path) -> None:
    (tmp_path / "gazetteer.yaml").write_text(
        "places:\n  - {name: Guadalupe, state: N.L.}\n", encoding="utf-8"
    )
    gazetteer = gazetteer_for(tmp_path)
    text = "Guadalupe, Zacatecas, y Guadalupe, Nuevo León, crecen.\n"
    places = find_entities(text, gazetteer).places
    assert places == ("Guadalupe, Zacatecas", "Zacatecas", "Guadalupe", "Nuevo León")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("En Washington, el secretario dijo que el acuerdo sigue.", ("Washington, D.C.",)),
        ("Officials in Washington, led by the USTR, said the talks go on.", ("Washington, D.C.",)),
        ("WASHINGTON — The USTR said Mexico agreed.", ("Washington, D.C.", "Mexico")),
        ("Talks in Washington, D.C., ended on Monday.", ("Washington, D.C.",)),
        # The state, where the text says so: then its "Washington" is the state throughout.
        ("The Washington state plant will add 300 jobs.", ("Washington",)),
        ("Microsoft, based in Washington State, will invest.", ("Washington",)),
        (
            "En el estado de Washington, la planta creció. Washington aprobó la ley.",
            ("Washington",),
        ),
        # A city's state, after the city and a comma; not in a list of known places.
        ("Microsoft opened a lab in Redmond, Washington, last year.", ("Redmond", "Washington")),
        ("Seattle, Washington, will add jobs.", ("Seattle", "Washington")),
        (
            "Ebrard flew from Mexico City, Washington and Monterrey.",
            ("Ciudad de México", "Washington, D.C.", "Monterrey"),
        ),
    ],
)
def test_washington_is_the_us_capital_unless_the_text_says_the_state(
    text: str, places: tuple[str, ...]
) -> None:
    # "En Washington," was listed as the state.
    assert find_entities(text + "\n", shipped_gazetteer()).places == places


def test_the_states_a_city_is_named_before_are_places_of_the_gazetteer() -> None:
    # A state missing from the gazetteer, or named otherwise there, tells no city.
    assert set(_STATES) <= set(shipped_gazetteer().names["places"].values())


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        (
            "La Secretaría de Economía del estado informó que la inversión creció 12%.",
            "Secretaría de Economía del estado",
        ),
        (
            "La Secretaría de Economía del Estado de Coahuila informó que la inversión creció.",
            "Secretaría de Economía del Estado de Coahuila",
        ),
        (
            "La Secretaría de Economía de Nuevo León informó que la inversión creció 12%.",
            "Secretaría de Economía de Nuevo León",
        ),
        (
            "La Secretaría de Economía estatal informó que la inversión creció 12%.",
            "Secretaría de Economía estatal",
        ),
        (
            "La Secretaría de Economía del Gobierno de Nuevo León firmó el convenio.",
            "Secretaría de Economía del Gobierno de Nuevo León",
        ),
        (
            "La Secretaría de Hacienda de Coahuila recaudó 5% más que en 2023.",
            "Secretaría de Hacienda de Coahuila",
        ),
        ("The state Ministry of Economy said investment grew 12%.", "state Ministry of Economy"),
        (
            "Nuevo León's Ministry of Economy said investment grew 12%.",
            "Nuevo León Ministry of Economy",
        ),
        (
            "The Ministry of Economy of Nuevo León said investment grew 12%.",
            "Ministry of Economy of Nuevo León",
        ),
    ],
    ids=[
        "del-estado",
        "del-estado-de-coahuila",
        "de-nuevo-leon",
        "estatal",
        "del-gobierno-de",
        "hacienda",
        "the-state-ministry",
        "a-states-ministry",
        "ministry-of-a-state",
    ],
)
def test_a_states_own_ministry_is_listed_by_its_name_not_as_the_federal_one(
    text: str, ministry: str
) -> None:
    # "la Secretaría de Economía del estado" was listed as SE, found by a filter of the
    # federal ministry.
    organizations = find_entities(text + "\n", shipped_gazetteer()).organizations
    assert organizations == (ministry,), organizations


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        (
            "La Secretaría de Economía del estado informó que Nuevo León creció 12%.",
            "Secretaría de Economía de Nuevo León",
        ),
        (
            "La Secretaría de Economía estatal dijo que Sonora y Arizona crecen.",
            "Secretaría de Economía de Sonora",
        ),
        ("The state Ministry of Economy said Coahuila grew.", "Coahuila Ministry of Economy"),
        (
            "The Ministry of Economy of the state said Coahuila grew.",
            "Ministry of Economy of Coahuila",
        ),
        (
            "SALTILLO, Coah.- La planta abrió.\nLa Secretaría de Economía del estado informó.",
            "Secretaría de Economía de Coahuila",
        ),
        # A ministry the gazetteer does not know: listed bare, it was counted with another
        # state's of the same name.
        (
            "GUADALAJARA, Jalisco.- La planta crece.\nLo informó la Secretaría de Desarrollo"
            " Económico del estado.",
            "Secretaría de Desarrollo Económico de Jalisco",
        ),
        # Two states named, or none: which state is not told.
        (
            "La Secretaría de Economía del estado informó que Nuevo León y Coahuila crecieron.",
            "Secretaría de Economía del estado",
        ),
        (
            "Nuevo León creció. La Secretaría de Economía del estado informó más.",
            "Secretaría de Economía del estado",
        ),
    ],
)
def test_a_states_ministry_is_named_with_the_one_state_its_sentence_or_dateline_names(
    text: str, ministry: str
) -> None:
    # "la Secretaría de Economía del estado" did not say which state, the sentence naming it.
    organizations = find_entities(text + "\n", shipped_gazetteer()).organizations
    assert organizations == (ministry,), organizations


@pytest.mark.parametrize(
    "text",
    [
        "La Secretaría de Economía federal informó que la inversión creció 12%.",
        "La Secretaría de Economía en Nuevo León abrió una oficina.",
        "La Secretaría de Economía y el gobierno de Nuevo León firmaron el convenio.",
        "Mexico's Ministry of Economy said investment grew 12% in the state.",
    ],
)
def test_the_federal_ministry_named_near_a_state_is_still_the_federal_one(text: str) -> None:
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == ("SE",)


def test_a_states_ministry_and_the_federal_one_are_two_names() -> None:
    text = (
        "La Secretaría de Economía de Coahuila y la Secretaría de Economía firmaron un"
        " convenio con General Motors.\n"
    )
    entities = find_entities(text, shipped_gazetteer())
    assert entities.organizations == (
        "Secretaría de Economía de Coahuila",
        "SE",
        "General Motors",
    )
    assert entities.places == ("Coahuila",)


def test_the_industrial_cities_of_the_north_and_the_bajio_are_known() -> None:
    text = (
        "Las plantas de Ramos Arizpe, Torreón, Gómez Palacio, Apodaca, Santa Catarina, General"
        " Escobedo y San Pedro Garza García crecieron, como las de Ciudad Obregón y Guaymas. En"
        " el Bajío, Silao, León, Irapuato y Celaya sumaron empleos.\n"
    )
    places = find_entities(text, shipped_gazetteer()).places
    assert places == (
        "Ramos Arizpe",
        "Torreón",
        "Gómez Palacio",
        "Apodaca",
        "Santa Catarina",
        "General Escobedo",
        "San Pedro Garza García",
        "Ciudad Obregón",
        "Guaymas",
        "Silao",
        "León",
        "Irapuato",
        "Celaya",
    )


@pytest.mark.parametrize(
    ("city", "state"),
    [
        ("Guadalajara", "Jalisco"),
        ("Zapopan", "Jalisco"),
        ("El Salto", "Jalisco"),
        ("Querétaro", None),
        ("San Juan del Río", "Querétaro"),
        ("San Luis Potosí", None),
        ("Villa de Reyes", "San Luis Potosí"),
        ("Aguascalientes", None),
        ("León", "Guanajuato"),
        ("Celaya", "Guanajuato"),
        ("Silao", "Guanajuato"),
        ("Irapuato", "Guanajuato"),
        ("Salamanca", "Guanajuato"),
        ("Puebla", None),
        ("San José Chiapa", "Puebla"),
        ("Toluca", "Estado de México"),
        ("Pachuca", "Hidalgo"),
        ("Morelia", "Michoacán"),
        ("Hermosillo", "Sonora"),
        ("Nogales", "Sonora"),
        ("Chihuahua", None),
        ("Saltillo", "Coahuila"),
        ("Ramos Arizpe", "Coahuila"),
        ("Torreón", "Coahuila"),
        ("Monclova", "Coahuila"),
        ("Apodaca", "Nuevo León"),
        ("Salinas Victoria", "Nuevo León"),
        ("Reynosa", "Tamaulipas"),
        ("Matamoros", "Tamaulipas"),
        ("Nuevo Laredo", "Tamaulipas"),
        ("Altamira", "Tamaulipas"),
        ("Durango", None),
        ("Culiacán", "Sinaloa"),
        ("Ensenada", "Baja California"),
        ("Tecate", "Baja California"),
        ("Mérida", "Yucatán"),
        ("Manzanillo", "Colima"),
    ],
)
def test_the_industrial_cities_and_state_capitals_are_known_with_their_states(
    city: str, state: str | None
) -> None:
    # Guadalajara, where a plant was to grow, was no place of the draft.
    text = f"Una proveedora abrirá una planta en {city} el próximo año, dijo la empresa.\n"
    assert find_entities(text, shipped_gazetteer()).places == (city,)
    # A city named as its state goes by the state's entry; the others know their state.
    assert shipped_gazetteer().states.get(city) == state


@pytest.mark.parametrize(
    ("text", "places", "organizations"),
    [
        (
            "Vacancy in the Saltillo-Ramos Arizpe corridor rose to 6%.",
            ("Saltillo", "Ramos Arizpe"),
            (),
        ),
        (
            "La ocupación del corredor Saltillo-Ramos Arizpe subió.",
            ("Saltillo", "Ramos Arizpe"),
            (),
        ),
        ("The Tijuana-San Diego region added 3,000 jobs.", ("Tijuana", "San Diego"), ()),
        ("U.S.-Mexico trade grew 5% in 2024.", ("United States", "Mexico"), ()),
        # Before a capitalised word they open a name of their own.
        ("The US-Mexico Chamber of Commerce met in May.", (), ("US-Mexico Chamber of Commerce",)),
        ("A Chihuahua-based supplier will add 300 jobs.", (), ()),
    ],
)
def test_two_known_places_joined_by_a_hyphen_are_both_listed(
    text: str, places: tuple[str, ...], organizations: tuple[str, ...]
) -> None:
    # Written with an en dash, "Saltillo–Ramos Arizpe" named both cities; with a hyphen, neither.
    found = find_entities(text + "\n", shipped_gazetteer())
    assert (found.places, found.organizations) == (places, organizations)


@pytest.mark.parametrize(
    ("abbreviation", "state"),
    [
        ("Ags.", "Aguascalientes"),
        ("B.C.", "Baja California"),
        ("B.C.S.", "Baja California Sur"),
        ("Camp.", "Campeche"),
        ("Chis.", "Chiapas"),
        ("Chih.", "Chihuahua"),
        ("CDMX", "Ciudad de México"),
        ("Coah.", "Coahuila"),
        ("Dgo.", "Durango"),
        ("Edomex", "Estado de México"),
        ("Edo. Méx.", "Estado de México"),
        ("Gto.", "Guanajuato"),
        ("Gro.", "Guerrero"),
        ("Hgo.", "Hidalgo"),
        ("Jal.", "Jalisco"),
        ("Mor.", "Morelos"),
        ("Nay.", "Nayarit"),
        ("N.L.", "Nuevo León"),
        ("Oax.", "Oaxaca"),
        ("Pue.", "Puebla"),
        ("Qro.", "Querétaro"),
        ("Q. Roo", "Quintana Roo"),
        ("S.L.P.", "San Luis Potosí"),
        ("Sin.", "Sinaloa"),
        ("Son.", "Sonora"),
        ("Tab.", "Tabasco"),
        ("Tamps.", "Tamaulipas"),
        ("Tlax.", "Tlaxcala"),
        ("Ver.", "Veracruz"),
        ("Yuc.", "Yucatán"),
        ("Zac.", "Zacatecas"),
    ],
)
def test_a_mexican_state_abbreviated_as_datelines_write_it_is_listed_by_its_name(
    abbreviation: str, state: str
) -> None:
    # "TIJUANA, B.C." and "HERMOSILLO, Son." listed the city but not its state.
    text = f"PLAYA ALTA, {abbreviation} (EFE).- La planta sumará 2,000 empleos en 2024.\n"
    assert state in find_entities(text, shipped_gazetteer()).places


@pytest.mark.parametrize(
    "text",
    [
        "Los trabajadores que llegaron son. Son muchos y viven en la Col. Centro.",
        "His son runs the plant. Son of a welder, he opened it with 200 workers.",
        "Ford opened its plant in Dearborn, Mich., in 2023, with 2,000 workers.",
    ],
)
def test_words_written_as_a_states_abbreviation_are_no_mexican_state(text: str) -> None:
    places = find_entities(text + "\n", shipped_gazetteer()).places
    assert not {"Sonora", "Colima", "Michoacán"} & set(places), places


def test_the_mexican_ministry_of_economy_is_se_alone() -> None:
    # Listed as "Mexican Ministry of Economy" beside SE: one ministry, two facets.
    text = "The Mexican Ministry of Economy said exports grew 5% in 2023.\n"
    assert find_entities(text, shipped_gazetteer()).organizations == ("SE",)


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        (
            "La proveedora Autopartes del Norte S.A. de C.V. abrirá una planta en Saltillo.",
            ("Autopartes del Norte S.A. de C.V.",),
        ),
        (
            "Los proveedores son Autopartes del Norte S.A. de C.V. y Componentes Regios S.A. de"
            " C.V., dijo la empresa.",
            ("Autopartes del Norte S.A. de C.V.", "Componentes Regios S.A. de C.V."),
        ),
        (
            "Luxshare Precision Industry Co., Ltd. will build a plant in the state.",
            ("Luxshare Precision Industry Co., Ltd.",),
        ),
        (
            "La empresa Aceros del Norte, S. A. de C. V. será proveedora de la planta.",
            ("Aceros del Norte, S. A. de C. V.",),
        ),
    ],
    ids=["s-a-de-c-v", "two-of-them", "co-ltd", "spaced-after-a-comma"],
)
def test_a_company_is_named_with_its_whole_legal_form(
    text: str, organizations: tuple[str, ...]
) -> None:
    # Named as a person's name would be, the first two were no organization; the legal form
    # after a comma was cut ("Luxshare Precision Industry Co.") or taken apart ("C. V.").
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


LEGAL_FORMS = (
    "S.A. de C.V.",
    "S. A. de C. V.",
    "SA de CV",
    "S.A.B. de C.V.",
    "SAB de CV",
    "S.A.P.I. de C.V.",
    "S. de R.L. de C.V.",
    "S de RL de CV",
    "S.A.",
    "Inc.",
    "LLC",
    "Ltd.",
    "Co., Ltd.",
)


@pytest.mark.parametrize("form", LEGAL_FORMS)
@pytest.mark.parametrize("comma", [",", ""], ids=["comma", "no-comma"])
@pytest.mark.parametrize(
    "company", ["Ternium México", "Industrias Monterrey", "Tiendas Tijuana", "Aceros Nuevo León"]
)
def test_a_companys_legal_name_holding_a_place_is_listed_whole_and_names_no_place(
    company: str, comma: str, form: str
) -> None:
    # The place was taken out of the name and listed ("México", "Monterrey"), and the legal
    # form alone listed as the organization ("S.A. de C.V.").
    legal_name = f"{company}{comma} {form}"
    text = f"{legal_name} abrirá una planta en Saltillo, informó la empresa.\n"
    entities = find_entities(text, shipped_gazetteer())
    assert (entities.organizations, entities.places) == ((legal_name,), ("Saltillo",))


@pytest.mark.parametrize(
    ("text", "organizations", "places"),
    [
        # A known company in the name is listed too: a facet of Kia finds its Mexican company.
        (
            "Kia Motors México, S.A. de C.V. anunció una ampliación en Pesquería.",
            ("Kia", "Kia Motors México, S.A. de C.V."),
            ("Pesquería",),
        ),
        (
            "Kia Motors México, S. de R.L. de C.V. anunció una ampliación en Pesquería.",
            ("Kia", "Kia Motors México, S. de R.L. de C.V."),
            ("Pesquería",),
        ),
        (
            "General Motors y Kia Motors México, S.A. de C.V. invertirán en Coahuila.",
            ("General Motors", "Kia", "Kia Motors México, S.A. de C.V."),
            ("Coahuila",),
        ),
        (
            "Foxconn Mexico, LLC will build a plant in Nuevo León.",
            ("Foxconn", "Foxconn Mexico, LLC"),
            ("Nuevo León",),
        ),
        (
            "Texas Instruments Inc. opened a plant in Aguascalientes.",
            ("Texas Instruments Inc.",),
            ("Aguascalientes",),
        ),
        # A known company with its legal form is that company, listed by its one name.
        (
            "Ford Motor Company, S.A. de C.V. abrirá una planta en Saltillo.",
            ("Ford",),
            ("Saltillo",),
        ),
        (
            "Volkswagen de México, S.A. de C.V. anunció una inversión en Puebla.",
            ("Volkswagen",),
            ("Puebla",),
        ),
        # Foxconn by its legal name: Foxconn is the name Hon Hai Precision Industry trades by.
        (
            "Hon Hai Precision Industry Co., Ltd. will hire 3,000 workers in Ciudad Juárez.",
            ("Foxconn",),
            ("Ciudad Juárez",),
        ),
    ],
    ids=[
        "kia-s-a",
        "kia-s-de-r-l",
        "after-another-company",
        "llc",
        "inc",
        "ford",
        "vw",
        "foxconn-hon-hai",
    ],
)
def test_a_legal_name_holding_a_known_company_lists_no_legal_form_alone(
    text: str, organizations: tuple[str, ...], places: tuple[str, ...]
) -> None:
    # Listed were "México, S.A. de C.V." beside Kia, "S.A. de C.V." beside Ford, "Instruments
    # Inc." and the place Texas.
    entities = find_entities(text + "\n", shipped_gazetteer())
    assert (entities.organizations, entities.places) == (organizations, places)


def test_a_corpus_company_with_its_legal_form_is_listed_by_its_name(tmp_path: Path) -> None:
    # "Ternium" was listed with "S.A. de C.V." beside it.
    (tmp_path / CORPUS_GAZETTEER).write_text(
        "organizations:\n  - {name: Ternium, aliases: [Ternium México]}\n", encoding="utf-8"
    )
    text = "Ternium México, S.A. de C.V. invertirá 500 millones de dólares en Pesquería.\n"
    entities = find_entities(text, gazetteer_for(tmp_path))
    assert (entities.organizations, entities.places) == (("Ternium",), ("Pesquería",))


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        ("La empresa estadounidense Moog inauguró su planta en Baja California.", ("Moog",)),
        ("La empresa Moog inauguró su planta en Baja California.", ("Moog",)),
        ("Chinese automaker Chery opened its first plant in Monterrey.", ("Chery",)),
        ("The plant was sold to the company Tuesday, the ministry said.", ()),
    ],
    ids=["la-empresa-estadounidense", "la-empresa", "chinese-automaker", "a-day-after"],
)
def test_a_name_of_one_word_said_to_be_a_company_is_one(
    text: str, organizations: tuple[str, ...]
) -> None:
    # Moog was listed only for what it did ("Moog invertirá"), not for what it was said to be.
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        (
            "Ternium, which operates its largest Mexican plant in Pesquería, said exports fell."
            " Máximo Vedoya, Ternium's chief executive, said the company would review it.",
            ("Ternium",),
        ),
        (
            "Ternium, que opera su mayor planta en Pesquería, dijo que revisará el plan.",
            ("Ternium",),
        ),
        (
            "Kia adquirirá autopartes de Vexa Components y Hyundai Mobis, que opera en Apodaca.",
            ("Kia", "Vexa Components", "Hyundai Mobis"),
        ),
        (
            "Hyundai Mobis, which also operates a plant in Apodaca, supplies Kia.",
            ("Hyundai Mobis", "Kia"),
        ),
    ],
    ids=["which-operates", "que-opera", "a-known-ones-name-que-opera", "which-also-operates"],
)
def test_a_name_said_to_operate_as_a_company_does_is_a_companys(
    text: str, organizations: tuple[str, ...]
) -> None:
    # Ternium was listed nowhere, naming neither an investment nor a plant, and "Hyundai Mobis"
    # as Hyundai, another company.
    assert find_entities(text + "\n", shipped_gazetteer()).organizations == organizations


@pytest.mark.parametrize(
    ("sentence", "organization"),
    [
        ("Ayer, la empresa japonesa Tornel Hidráulica confirmó la compra.", "Tornel Hidráulica"),
        ("La empresa de empaques Brisco Norteña anunció un segundo turno.", "Brisco Norteña"),
        ("Canadian auto-parts maker Pellham Forge will hire 300 people.", "Pellham Forge"),
        ("German industrial pump producer Aldrow Kessel opened a site.", "Aldrow Kessel"),
        # A word of what the company makes tells its name from a person's.
        ("Quintar Electronics invertirá 40 millones en Mexicali.", "Quintar Electronics"),
        ("Brevan Automotive will invest $20 million in a new line.", "Brevan Automotive"),
    ],
)
def test_a_company_of_two_words_is_found_by_what_it_is_said_to_be_or_do(
    sentence: str, organization: str
) -> None:
    found = find_entities(sentence + "\n", shipped_gazetteer())
    assert organization in found.organizations and organization not in found.people


@pytest.mark.parametrize(
    "sentence",
    [
        # A person investing is no company; nor is one the company's owner after "the company".
        "Carlos Ortega Vidal invertirá 40 millones de dólares en Mexicali.",
        "The company Laura Benítez founded will open a plant.",
        "The U.S. company Laura Benítez backed will open a plant.",
        # An industry doing what a company does names none.
        "Most plants hire more. Aerospace Manufacturing will invest $40 million this year.",
        "Medical Devices will invest more than cars.",
        # A trade agreement is a topic.
        "Las reglas del TLCAN y del NAFTA cambiaron.",
    ],
)
def test_people_and_agreements_are_no_organizations(sentence: str) -> None:
    found = find_entities(sentence + "\n", shipped_gazetteer())
    assert found.organizations == ()


def test_an_old_trade_agreement_is_a_topic_as_the_new_one_is() -> None:
    found = find_entities("El TLCAN fue sustituido por el T-MEC en 2020.\n", shipped_gazetteer())
    assert found.topics == ("NAFTA", "USMCA")


@pytest.mark.parametrize(
    "sentence",
    [
        # Spanish "nafta" is naphtha, a fuel: it was listed as the trade agreement.
        "La planta produce nafta y diésel para la región.",
        "Nafta y gasolina subieron de precio en Reynosa.",
        "Fdi rose and usmca rules apply.",
    ],
)
def test_an_acronym_topic_is_found_only_in_capitals(sentence: str) -> None:
    found = find_entities(sentence + "\n", shipped_gazetteer())
    assert not {"NAFTA", "foreign direct investment", "USMCA"} & set(found.topics)


def test_a_capitalised_topic_word_ending_a_company_name_lists_both() -> None:
    found = find_entities("Lanvor Automotive invertirá 9 millones.\n", shipped_gazetteer())
    assert found.organizations == ("Lanvor Automotive",)
    assert found.topics == ("automotive industry",)


@pytest.mark.parametrize(
    "sentence",
    [
        "El subsecretario de Industria y Servicios de la Secretaría de Economía habló.",
        "The Undersecretary of the Trade Office of the Ministry of Economy spoke.",
    ],
)
def test_an_office_named_in_a_title_is_its_ministry_not_an_organization_of_its_own(
    sentence: str,
) -> None:
    assert find_entities(sentence + "\n", shipped_gazetteer()).organizations == ("SE",)


def test_an_organization_after_a_title_is_listed_when_no_ministry_follows() -> None:
    text = "El presidente de Cámara Textil del Norte dijo que sí.\n"
    assert find_entities(text, shipped_gazetteer()).organizations == ("Cámara Textil del Norte",)


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("Canada's Trade Minister Laura Dubeau spoke on Monday.", ["Laura Dubeau"]),
        ("Then Foreign Affairs Secretary Omar Lindqvist left.", ["Omar Lindqvist"]),
        ("U.S. Trade Representative Helen Marsh met them.", ["Helen Marsh"]),
        ("Prices rose, said Nora Vidal, chief economist at Banco Ficticio.", ["Nora Vidal"]),
        ("Tomás Rivas, analista de Grupo Financiero Sur, dijo que no.", ["Tomás Rivas"]),
        (
            "El subsecretario de Minas de la Secretaría de Economía, Raúl Treviño Lara, habló.",
            ["Raúl Treviño Lara"],
        ),
        (
            "El secretario de Turismo del estado, Elena Garza Ibarra, dijo que crecerá.",
            ["Elena Garza Ibarra"],
        ),
    ],
)
def test_a_person_is_found_after_an_office_and_title_or_before_an_economists_role(
    sentence: str, people: list[str]
) -> None:
    assert list(find_entities(sentence + "\n", shipped_gazetteer()).people) == people


@pytest.mark.parametrize(
    "sentence",
    [
        "El secretario de Economía del estado, Monterrey Industrial, dijo que sí.",
        "Economy Minister Nuevo León officials met.",
        "The Trade Representative Office said so.",
        "Growth, the economist said, was slow in Tijuana.",
        "Finance Minister Tijuana Council members met.",
    ],
)
def test_a_title_before_a_place_or_organization_names_no_person(sentence: str) -> None:
    assert find_entities(sentence + "\n", shipped_gazetteer()).people == ()


def drafted_names(sentence: str) -> dict[str, object]:
    """The fields of the brief drafted from an article of a headline and ``sentence``."""
    return draft_article(f"Nueva planta\n\n{sentence}\n", shipped_gazetteer()).fields


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        (
            "El secretario de Economía estatal, Iván Rivas, dijo que la planta abrirá en 2026.",
            ["Iván Rivas"],
        ),
        (
            "La secretaria de Desarrollo Económico federal, Ana Ruiz Treviño, dijo que crecerá.",
            ["Ana Ruiz Treviño"],
        ),
        ("Lo anunció el director de Comercio local, Pedro Salas.", ["Pedro Salas"]),
        ("El secretario de Economía estatal Iván Rivas dijo que sí.", ["Iván Rivas"]),
        (
            "The state economy secretary, Iván Rivas, said the plant would open in 2026.",
            ["Iván Rivas"],
        ),
        ("The federal Economy Secretary, Iván Rivas, said it would grow.", ["Iván Rivas"]),
        # The apposition closed by the next of a list of people.
        (
            "El secretario de Economía estatal, Iván Rivas y el alcalde Juan Pérez firmaron.",
            ["Iván Rivas", "Juan Pérez"],
        ),
        (
            "El secretario de Economía, Iván Rivas y el alcalde Juan Pérez firmaron.",
            ["Iván Rivas", "Juan Pérez"],
        ),
        # The closing comma left out, as news copy often does: the name was lost.
        (
            "El gobernador de Coahuila, Manolo Jiménez Salinas anunció la planta.",
            ["Manolo Jiménez Salinas"],
        ),
        ('Dijo el alcalde, Héctor Ortiz Villegas "habrá más plantas".', ["Héctor Ortiz Villegas"]),
    ],
)
def test_a_name_after_a_title_with_its_level_of_government_is_a_person(
    sentence: str, people: list[str]
) -> None:
    # "El secretario de Economía estatal, Iván Rivas" named no one: the level after the office.
    assert drafted_names(sentence).get("people", []) == people


@pytest.mark.parametrize(
    "sentence",
    [
        # A place, not named in apposition but opening the clause.
        "Según el secretario de Economía estatal, Villa Hidalgo atrae más inversión.",
        "According to the state economy secretary, Villa Hidalgo draws more investment.",
        "Para el secretario de Economía federal, Ciénega de Flores es clave.",
        "Para el secretario de Economía, Villa Hidalgo es clave.",
        # An organization after the comma.
        "Según el secretario de Economía estatal, Grupo Lamosa invertirá 50 millones.",
        "El secretario de Economía estatal, Monterrey Industrial, dijo que sí.",
    ],
)
def test_a_place_or_organization_after_a_title_and_a_comma_names_no_person(
    sentence: str,
) -> None:
    # "Según el secretario de Economía, Villa Hidalgo atrae" listed the town as a person.
    assert "people" not in drafted_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        (
            "Ternium México, S.A. de C.V. abrirá una planta en Pesquería. Ternium invertirá 500"
            " millones de dólares.",
            ["Ternium México, S.A. de C.V."],
        ),
        # Named short first, the company is listed by its legal name from there.
        (
            "Ternium invertirá 500 millones de dólares en Pesquería, informó Lanvor Holding Inc."
            " y Ternium México, S.A. de C.V.",
            ["Ternium México, S.A. de C.V.", "Lanvor Holding Inc."],
        ),
        (
            "Valmora Automotive, Inc. will open a plant in Saltillo. Valmora Automotive will"
            " invest $50 million.",
            ["Valmora Automotive, Inc."],
        ),
        (
            "Grupo México, S.A.B. de C.V. anunció una mina. Grupo México invertirá 9 millones.",
            ["Grupo México, S.A.B. de C.V."],
        ),
    ],
    ids=["es", "short-name-first", "en", "grupo-mexico"],
)
def test_a_company_named_by_its_legal_name_and_its_short_name_is_listed_once(
    sentence: str, organizations: list[str]
) -> None:
    # "Ternium" was listed after "Ternium México, S.A. de C.V.", as another organization.
    assert drafted_names(sentence)["organizations"] == organizations


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Ternium México invertirá 500 millones de dólares en Pesquería.", ["Pesquería"]),
        ("Ternium Mexico will invest $500 million in Pesquería.", ["Pesquería"]),
        ("Ternium Nuevo León invertirá 500 millones de dólares en Pesquería.", ["Pesquería"]),
        # Where a company invests, or who invests, is a place still.
        ("Ternium invertirá 500 millones de dólares en México.", ["Mexico"]),
        ("Hoy México invertirá en carreteras hacia Pesquería.", ["Mexico", "Pesquería"]),
        (
            "Canada and Mexico will invest in the road to Pesquería.",
            ["Canada", "Mexico", "Pesquería"],
        ),
        # After an adverb opening the sentence, no company's name.
        ("Así México invertirá en carreteras hacia Pesquería.", ["Mexico", "Pesquería"]),
        ("Finalmente México invertirá en Pesquería.", ["Mexico", "Pesquería"]),
        ("Eventually Mexico will invest in the road to Pesquería.", ["Mexico", "Pesquería"]),
    ],
    ids=["es", "en", "a-state", "where", "who-es", "who-en", "asi", "finalmente", "eventually"],
)
def test_a_place_ending_the_name_of_a_company_said_to_invest_is_no_place(
    sentence: str, places: list[str]
) -> None:
    # "Ternium México invertirá" listed Mexico as a place the article names.
    assert drafted_names(sentence).get("places", []) == places


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Ternium México invertirá 500 millones de dólares en Pesquería.", "Ternium México"),
        ("Ternium Mexico will invest $500 million in Pesquería.", "Ternium Mexico"),
    ],
)
def test_a_company_named_for_its_business_in_mexico_said_to_invest_is_listed(
    sentence: str, company: str
) -> None:
    # Two capitalised words said to invest may be a person's name, but none ends in "México".
    assert drafted_names(sentence)["organizations"] == [company]


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        (
            "Grupo México, S.A.B. de C.V. anunció una mina. Grupo Lamosa invertirá 9 millones"
            " y el Banco de México recortó la tasa.",
            ["Grupo México, S.A.B. de C.V.", "Grupo Lamosa", "Banxico"],
        ),
        (
            "Aceros Monterrey, S.A. de C.V. abrirá una planta. La empresa Aceros Laguna"
            " invertirá 9 millones.",
            ["Aceros Monterrey, S.A. de C.V.", "Aceros Laguna"],
        ),
        (
            "Ternium México, S.A. de C.V. abrirá una planta. La empresa Ternium Internacional"
            " invertirá 9 millones.",
            ["Ternium México, S.A. de C.V.", "Ternium Internacional"],
        ),
    ],
    ids=["same-first-word", "same-trade", "more-words"],
)
def test_companies_sharing_a_word_with_a_legal_name_are_listed_apart(
    sentence: str, organizations: list[str]
) -> None:
    assert drafted_names(sentence)["organizations"] == organizations


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        ("Lo anunció la secretaría de Economía en Saltillo.", ["SE"]),
        ("La secretaría de Relaciones Exteriores firmó el acuerdo.", ["SRE"]),
        ("The ministry of Economy announced the investment.", ["SE"]),
        # A ministerio is another country's: Mexico's are secretarías.
        (
            "El Ministerio de Economía de Argentina anunció medidas.",
            ["Ministerio de Economía de Argentina"],
        ),
        # A state's, as a state's written with a capital is.
        (
            "La secretaría de Economía de Coahuila anunció la inversión.",
            ["Secretaría de Economía de Coahuila"],
        ),
        # "secretaria" in small letters is a title: she is the secretary, named after it.
        ("La secretaria de Economía, Raquel Buenrostro, firmó el acuerdo.", []),
    ],
    ids=["small-letters", "sre-small-letters", "en", "ministerio", "a-states", "a-title"],
)
def test_a_ministry_written_in_small_letters_is_the_known_one(
    sentence: str, organizations: list[str]
) -> None:
    # "la secretaría de Economía" named no organization.
    assert drafted_names(sentence).get("organizations", []) == organizations


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        (
            "Las secretarías de Economía y de Relaciones Exteriores firmaron el acuerdo.",
            ["SE", "SRE"],
        ),
        ("Las Secretarías de Economía y Relaciones Exteriores firmaron.", ["SE", "SRE"]),
        ("The Ministries of Economy and Foreign Affairs signed the agreement.", ["SE", "SRE"]),
        ("The ministries of Economy, Finance and Foreign Affairs signed.", ["SE", "SHCP", "SRE"]),
        # A ministry's name holding "y" is one ministry.
        (
            "Las secretarías de Hacienda y Crédito Público y de Economía firmaron.",
            ["SHCP", "SE"],
        ),
        # One the gazetteer does not know is written as one alone is.
        (
            "Las secretarías de Economía y del Trabajo firmaron.",
            ["SE", "Secretaría del Trabajo"],
        ),
        (
            "The Departments of Commerce and of the Treasury signed.",
            ["Department of Commerce", "Department of the Treasury"],
        ),
        # A state's, as a state's one alone is.
        (
            "Las secretarías de Economía y de Turismo de Coahuila firmaron.",
            ["Secretaría de Economía de Coahuila", "Secretaría de Turismo de Coahuila"],
        ),
        (
            "Las secretarías de Economía y de Turismo del estado firmaron en Saltillo, Coahuila.",
            ["Secretaría de Economía de Coahuila", "Secretaría de Turismo de Coahuila"],
        ),
        (
            "Nuevo León's Ministries of Economy and Labor signed.",
            ["Nuevo León Ministry of Economy", "Nuevo León Ministry of Labor"],
        ),
        # "secretarías de Estado" are the cabinet's ministries, no one of them.
        (
            "Las secretarías de Estado y de Relaciones Exteriores firmaron el acuerdo.",
            ["SRE"],
        ),
        (
            "Las secretarías de Economía, de Estado y de Turismo firmaron.",
            ["SE", "Secretaría de Turismo"],
        ),
    ],
    ids=[
        "es",
        "es-one-de",
        "en",
        "en-three",
        "a-name-holding-y",
        "unknown-es",
        "unknown-en",
        "a-states",
        "del-estado",
        "a-states-en",
        "of-state-first",
        "of-state-between",
    ],
)
def test_ministries_joined_by_and_are_each_listed_as_one_alone_is(
    sentence: str, organizations: list[str]
) -> None:
    # "las secretarías de Economía y de Relaciones Exteriores" named no organization.
    assert drafted_names(sentence)["organizations"] == organizations


@pytest.mark.parametrize(
    "sentence",
    [
        "Las secretarías de Estado y los gobiernos estatales firmaron.",
        "Las secretarías de Economía firmaron.",
        "The ministries and agencies of Mexico signed.",
        # Places, not offices.
        "The departments of Sonora and Chihuahua grew.",
        "Los departamentos de Tijuana y Mexicali subieron de precio.",
    ],
)
def test_ministries_not_joined_by_and_to_another_name_no_organization(sentence: str) -> None:
    assert "organizations" not in drafted_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        # The names after the list were taken for ministries' offices.
        (
            "Los titulares de las secretarías de Economía y de Hacienda, Marcelo Ebrard y Edgar"
            " Amador, firmaron.",
            ["SE", "SHCP"],
        ),
        ("The Ministries of Economy and Foreign Affairs and Pemex signed.", ["SE", "SRE", "Pemex"]),
        ("Las secretarías de Economía y Hacienda y Kia firmaron.", ["SE", "SHCP", "Kia"]),
        ("The Ministries of Economy, Finance and Foreign Affairs met.", ["SE", "SHCP", "SRE"]),
    ],
)
def test_a_list_of_ministries_ends_before_a_name_that_is_no_ministry_s_office(
    sentence: str, organizations: list[str]
) -> None:
    assert drafted_names(sentence)["organizations"] == organizations


@pytest.mark.parametrize(
    "sentence",
    [
        "El director de operaciones de Vexa Components, Mark Halloway, explicó que la planta"
        " crecerá.",
        "El director de operaciones, Mark Halloway, explicó que la planta crecerá.",
        "El director de finanzas de Vexa, Mark Halloway, dijo que la planta crecerá.",
        "Lo anunció el gerente de ventas de la empresa, Mark Halloway.",
        "El director de recursos humanos, Mark Halloway, dijo que contratarán a 300 personas.",
        "El director de administración y finanzas, Mark Halloway, dijo que sí.",
        "El director comercial de Vexa, Mark Halloway, dijo que la planta crecerá.",
        "The director of operations at Vexa, Mark Halloway, said the plant will grow.",
        "Vexa's director of operations, Mark Halloway, said the plant will grow.",
        "The operations director, Mark Halloway, said the plant will grow.",
        "The vice president of human resources at Vexa, Mark Halloway, said it will hire 300"
        " workers.",
        # Where the office is, and a head of one: these named no one.
        "El director de operaciones en México, Mark Halloway, explicó que la planta crecerá.",
        "The head of human resources at Vexa, Mark Halloway, said it will hire 300 workers.",
    ],
)
def test_a_name_after_a_title_with_its_office_in_a_firm_and_a_comma_is_a_person(
    sentence: str,
) -> None:
    # "El director de operaciones de Vexa Components, Mark Halloway, explicó" named no one.
    assert drafted_names(sentence).get("people") == ["Mark Halloway"]


@pytest.mark.parametrize(
    "sentence",
    [
        # A place opening the clause after the title's phrase.
        "Según el director de operaciones, Villa Hidalgo atrae más inversión.",
        "Para la directora de finanzas de Vexa, Ciénega de Flores es clave.",
        "According to the director of operations at Vexa, Villa Hidalgo draws more investment.",
        # An organization after the comma.
        "Según el director de ventas, Grupo Lamosa invertirá 50 millones.",
        "El director de operaciones de la empresa, Valmora Automotive, dijo que sí.",
        # No title: a word of an office alone.
        "Las operaciones de Vexa, Villa Hidalgo y Apodaca crecieron.",
        # A place after where the office is.
        "Lo dijo el director de operaciones en Saltillo, Coahuila, este martes.",
        "At the head of the valley, Monterrey grows.",
        # "head" the verb is no title.
        "Shipments head Villa Unión, Coahuila, every week.",
    ],
)
def test_a_place_or_organization_after_an_office_in_a_firm_and_a_comma_names_no_person(
    sentence: str,
) -> None:
    assert "people" not in drafted_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "people", "organizations", "places"),
    [
        # Its office after the name, of a company, at it, or with the company's possessive.
        (
            '"Demand is strong," said Seetarama Kotagiri, Magna\'s chief executive officer, in a'
            " statement.",
            ["Seetarama Kotagiri"],
            ["Magna"],
            [],
        ),
        (
            "John Miller, chief executive officer of Magna, said sales rose.",
            ["John Miller"],
            [],
            [],
        ),
        (
            "John Miller, the chief executive officer of Magna, said sales rose.",
            ["John Miller"],
            [],
            [],
        ),
        # The company's possessive before its executive office says it is one.
        ("John Miller, Magna's chief executive, said sales rose.", ["John Miller"], ["Magna"], []),
        (
            "John Miller, chief operating officer at Magna, said sales rose.",
            ["John Miller"],
            [],
            [],
        ),
        (
            "Ana Ruiz, chief financial officer of Nemak, said sales rose.",
            ["Ana Ruiz"],
            ["Nemak"],
            [],
        ),
        ("Ana Ruiz, the company's chief financial officer, said it grew.", ["Ana Ruiz"], [], []),
        (
            "Ana Ruiz, executive vice president of operations at Nemak, said sales rose.",
            ["Ana Ruiz"],
            ["Nemak"],
            [],
        ),
        (
            "John Miller, president and chief executive of Magna, said sales rose.",
            ["John Miller"],
            [],
            [],
        ),
        # Its office before the name, after the company.
        (
            "Magna chief executive Seetarama Kotagiri said sales rose.",
            ["Seetarama Kotagiri"],
            [],
            [],
        ),
        (
            "Foxconn president and chief executive Young Liu said sales rose.",
            ["Young Liu"],
            ["Foxconn"],
            [],
        ),
        (
            "Nemak chief operating officer Ana Ruiz visited Monterrey.",
            ["Ana Ruiz"],
            ["Nemak"],
            ["Monterrey"],
        ),
    ],
)
def test_a_person_is_found_by_an_executive_office_in_a_firm_in_english(
    sentence: str, people: list[str], organizations: list[str], places: list[str]
) -> None:
    # "John Miller, chief executive officer of Magna" named no one: only "chief executive" was
    # a role, and only before "of" or a comma, never after the company's possessive.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.people), list(found.organizations), list(found.places)) == (
        people,
        organizations,
        places,
    )


@pytest.mark.parametrize(
    ("sentence", "people", "organizations", "places"),
    [
        # Where the office is, after the company.
        (
            "El director de operaciones de Lear en México, Roberto Salinas Treviño, explicó que"
            " la planta crecerá.",
            ["Roberto Salinas Treviño"],
            [],
            ["Mexico"],
        ),
        (
            "El director general de Magna en México, Juan Pérez, dijo que la planta crecerá.",
            ["Juan Pérez"],
            [],
            ["Mexico"],
        ),
        (
            "La directora de recursos humanos de Lear en Juárez, Ana López, dijo que contratarán"
            " a 300 personas.",
            ["Ana López"],
            [],
            ["Ciudad Juárez"],
        ),
        (
            "La gerente de planta de Nemak en Saltillo, Ana López, dijo que crecerá.",
            ["Ana López"],
            ["Nemak"],
            ["Saltillo"],
        ),
        (
            "El presidente y director general de Nemak en México, Juan Pérez, dijo que crecerá.",
            ["Juan Pérez"],
            ["Nemak"],
            ["Mexico"],
        ),
        # Or after the office alone, in a place of two words.
        (
            "El director de operaciones en Nuevo León, Mark Halloway, dijo que crecerá.",
            ["Mark Halloway"],
            [],
            ["Nuevo León"],
        ),
        # A vice president, before the name or after it.
        (
            "El vicepresidente de operaciones de Lear, Juan Pérez, dijo que crecerá.",
            ["Juan Pérez"],
            [],
            [],
        ),
        (
            "Juan Pérez, vicepresidente de operaciones de Lear, dijo que crecerá.",
            ["Juan Pérez"],
            [],
            [],
        ),
    ],
)
def test_a_person_is_found_by_an_office_in_a_firm_in_spanish(
    sentence: str, people: list[str], organizations: list[str], places: list[str]
) -> None:
    # "El vicepresidente de operaciones de Lear, Juan Pérez" and "El director general de Magna
    # en México, Juan Pérez" named no one: where the office is was read only after the title,
    # as one word.
    found = find_entities(sentence, shipped_gazetteer(), language="es")
    assert (list(found.people), list(found.organizations), list(found.places)) == (
        people,
        organizations,
        places,
    )


@pytest.mark.parametrize(
    ("sentence", "people", "organizations"),
    [
        (
            "General Motors Chief Executive Mary Barra said sales rose.",
            ["Mary Barra"],
            ["General Motors"],
        ),
        ("Foxconn Spokesman John Smith said sales rose.", ["John Smith"], ["Foxconn"]),
        (
            "Magna Chief Executive Officer Seetarama Kotagiri said sales rose.",
            ["Seetarama Kotagiri"],
            [],
        ),
        (
            "Nemak President and Chief Executive Ana Ruiz said sales rose.",
            ["Ana Ruiz"],
            ["Nemak"],
        ),
        ("Chief Operating Officer Ana Ruiz said sales rose.", ["Ana Ruiz"], []),
        # A title ending an organization's name, or before one, names no one.
        ("The Trade Representative Office said so.", [], ["Trade Representative Office"]),
        (
            "President Biden Administration officials met in El Paso.",
            [],
            ["Biden Administration"],
        ),
    ],
)
def test_a_person_is_found_after_a_companys_name_and_a_title_in_capitals(
    sentence: str, people: list[str], organizations: list[str]
) -> None:
    # "General Motors Chief Executive Mary Barra said" was listed as a company of its own, and
    # "Magna Chief Executive Officer Seetarama Kotagiri" as no one.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.people), list(found.organizations)) == (people, organizations)


def test_a_known_company_before_a_title_in_capitals_stays_listed() -> None:
    # "Grupo Bimbo Chief Executive Daniel Servitje" was taken for a company of its own, so
    # that Grupo Bimbo was no longer listed.
    sentence = "Grupo Bimbo Chief Executive Daniel Servitje said it will grow."
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert "Grupo Bimbo" in found.organizations


@pytest.mark.parametrize(
    ("sentence", "people", "organizations"),
    [
        (
            "Vexa Components Managing Director Ana Ruiz said the plant will open in May.",
            ["Ana Ruiz"],
            ["Vexa Components"],
        ),
        ("Acme Robotics President Ana Ruiz said sales rose.", ["Ana Ruiz"], ["Acme Robotics"]),
        (
            "Vexa Components Director General Ana Ruiz said sales rose.",
            ["Ana Ruiz"],
            ["Vexa Components"],
        ),
        # Read as the same name is without a title after it: as no one's.
        ("Valmora Holt Chief Executive Ana Ruiz said sales rose.", ["Ana Ruiz"], []),
    ],
)
def test_a_company_unknown_to_the_gazetteer_before_a_title_in_capitals_is_listed(
    sentence: str, people: list[str], organizations: list[str]
) -> None:
    # "Vexa Components Managing Director Ana Ruiz said" named Ana Ruiz and no company, where
    # "Vexa Components chief executive Ana Ruiz" names both.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.people), list(found.organizations)) == (people, organizations)


@pytest.mark.parametrize(
    ("sentence", "language", "company", "person"),
    [
        (
            "Grupo México Chief Executive Germán Larrea said the mine will grow.",
            "en",
            "Grupo México",
            "Germán Larrea",
        ),
        (
            "Grupo México Chief Executive Officer Germán Larrea said the mine will grow.",
            "en",
            "Grupo México",
            "Germán Larrea",
        ),
        (
            "Grupo México President Germán Larrea said the mine will grow.",
            "en",
            "Grupo México",
            "Germán Larrea",
        ),
        (
            "Grupo México Director General Germán Larrea dijo que la mina crecerá.",
            "es",
            "Grupo México",
            "Germán Larrea",
        ),
        # A known company, in the same words.
        (
            "Grupo Bimbo Chief Executive Daniel Servitje said it will grow.",
            "en",
            "Grupo Bimbo",
            "Daniel Servitje",
        ),
    ],
)
def test_a_title_in_capitals_and_its_holder_are_no_part_of_a_companys_name_holding_a_known_one(
    sentence: str, language: str, company: str, person: str
) -> None:
    # "Grupo México Chief Executive Germán Larrea said" was drafted as one organization of all
    # those words, and no person: a name holding a known place (or company) was listed whole.
    found = find_entities(sentence, shipped_gazetteer(), language=language)
    assert (list(found.organizations), list(found.people)) == ([company], [person])


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        ("Lear, the seat maker, said it would hire 500 workers.", ["Lear"]),
        ("Nemak, the aluminum parts supplier, said it would grow.", ["Nemak"]),
        # A company whose name opens with a known place is listed whole, and the place is not.
        ("Texas Instruments, the chip maker, said it would grow.", ["Texas Instruments"]),
    ],
)
def test_the_thing_a_company_makes_after_its_name_says_it_is_one(
    sentence: str, organizations: list[str]
) -> None:
    # "Lear, the seat maker," named no one: only "a" or "an" before what a company makes was
    # read; with "the", "Texas Instruments, the chip maker," was drafted as "Instruments".
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.places), list(found.people)) == (
        organizations,
        [],
        [],
    )


@pytest.mark.parametrize(
    "company",
    [
        "Acme Holdings",
        "Acme Holding",
        "Acme Enterprises",
        "Acme Ventures",
        "Acme Group",
        "Acme Corp",
        "Acme Inc.",
        "Aceros Ruiz S.A. de C.V.",
    ],
)
def test_a_name_ending_in_a_companys_word_is_no_person_though_a_role_follows(company: str) -> None:
    # "Acme Holdings, Magna's chief executive officer, said" was drafted as a person.
    sentence = f"{company}, Magna's chief executive officer, said sales rose."
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.people), list(found.organizations)) == ([], [company, "Magna"])


@pytest.mark.parametrize(
    ("sentence", "people", "places"),
    [
        ("Magna International, the Canadian supplier, said sales rose.", [], []),
        (
            "The chief executive of Nuevo León's economic development agency said the plant"
            " would open.",
            [],
            ["Nuevo León"],
        ),
        (
            "Nuevo León Governor Samuel García said the plant would open.",
            ["Samuel García"],
            ["Nuevo León"],
        ),
        # A role followed by its verb, or a place opening the sentence.
        ("Vexa Components, the company's chief executive said, will grow.", [], []),
        ("In Ramos Arizpe, Magna's chief executive opened the plant.", [], ["Ramos Arizpe"]),
        # A place or a company after the office, where it is and a comma.
        (
            "Según el director general de Magna en México, Villa Hidalgo atrae más inversión.",
            [],
            ["Mexico"],
        ),
        (
            "According to the chief executive of Vexa in Mexico, Villa Hidalgo draws investment.",
            [],
            ["Mexico"],
        ),
        (
            "Lo dijo el director de operaciones de Lear en Saltillo, Coahuila, este martes.",
            [],
            ["Saltillo", "Coahuila"],
        ),
        ("El director general de Vexa en México, Valmora Automotive, dijo que sí.", [], ["Mexico"]),
    ],
)
def test_a_company_or_place_beside_an_executive_office_names_no_person(
    sentence: str, people: list[str], places: list[str]
) -> None:
    found = find_entities(sentence, shipped_gazetteer())
    assert (list(found.people), list(found.places)) == (people, places)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp will invest US$50 million in a new plant in Saltillo.",
        "FINSA invertirá US$ 200 millones en Monterrey; el peso cerró en MX$17.10.",
        "Acme will invest US $50 million in Saltillo.",
    ],
)
def test_a_currency_written_with_a_countrys_letters_names_no_country(text: str) -> None:
    # "US$50" is an amount in dollars, not news of the United States.
    places = find_entities(text + "\n", shipped_gazetteer()).places
    assert "United States" not in places and "Mexico" not in places
    assert places[0] in ("Saltillo", "Monterrey")


@pytest.mark.parametrize(
    ("sentence", "organizations", "people"),
    [
        # A company said to be one after its name, or said to invest after "said".
        (
            "Vexa Components, a U.S. maker of wiring harnesses, said it will invest US$145"
            " million.",
            ["Vexa Components"],
            [],
        ),
        ("Corvane, una empresa estadounidense de autopartes, abrirá una planta.", ["Corvane"], []),
        ("Vexa Components said on Tuesday it will invest US$145 million.", ["Vexa Components"], []),
        ("Vexa Components, a wiring-harness maker, said it grows.", ["Vexa Components"], []),
        # A name no person has: it ends as companies' do.
        ("Magna International, a Canadian supplier, said it grows.", ["Magna International"], []),
        # A fund manager's trade before a name is no title: the company, and no person.
        (
            "Fund manager Fidelity Investments said exports rose.",
            ["Fidelity Investments"],
            [],
        ),
        # A manager, and a director of a region, named after the title and a comma.
        ('"We are hiring now," said the plant manager, Jorge Ramírez.', [], ["Jorge Ramírez"]),
        ("The plant manager, Jorge Ramírez, said they are hiring.", [], ["Jorge Ramírez"]),
        (
            "The park will open in May, said FINSA's director for the northeast region, Jorge"
            " Salinas.",
            ["FINSA"],
            ["Jorge Salinas"],
        ),
        ("Lo dijo el director para la región noreste, Jorge Salinas.", [], ["Jorge Salinas"]),
        # A chamber of two industries, its abbreviation its own way of writing it.
        (
            "La Cámara Nacional de la Industria del Hierro y del Acero (Canacero) rechazó el"
            " arancel. Canacero pidió diálogo.",
            ["Cámara Nacional de la Industria del Hierro y del Acero"],
            [],
        ),
        # Not so: people who said something or are described, two organizations, and a
        # currency's letters.
        ("Marcelo Ebrard said it will invest in the border.", [], []),
        ("Sheinbaum dijo que abrirá una oficina comercial en Texas.", [], []),
        ("Chen, a spokeswoman for the company, said hiring starts in May.", [], []),
        ("Crossings at the Pharr International Bridge rose, the company said.", [], []),
        ("Ramírez, a former auto supplier executive, said it grew.", [], []),
        (
            "Asistieron funcionarios de la Secretaría de Hacienda y de Banxico.",
            ["SHCP", "Banxico"],
            [],
        ),
        ("The fund will invest US$50 million.", [], []),
        ("The fund will invest US $50 million.", [], []),
    ],
)
def test_a_company_described_or_said_to_invest_and_a_manager_named_after_a_comma_are_found(
    sentence: str, organizations: list[str], people: list[str]
) -> None:
    # From an analyst's drafts: the company of the news, and the people quoted, were missing.
    found = find_entities(sentence + "\n", shipped_gazetteer())
    assert (list(found.organizations), list(found.people)) == (organizations, people)


@pytest.mark.parametrize(
    ("sentence", "ministry"),
    [
        (
            "The Japanese Ministry of Economy, Trade and Industry said suppliers may follow.",
            "Japanese Ministry of Economy, Trade and Industry",
        ),
        (
            "Japan's Ministry of Economy, Trade and Industry said suppliers may follow.",
            "Japan's Ministry of Economy, Trade and Industry",
        ),
        (
            "The Ministry of Economy of South Korea welcomed the decision.",
            "Ministry of Economy of South Korea",
        ),
        ("The US Ministry of Finance said rates would hold.", "US Ministry of Finance"),
    ],
)
def test_another_countrys_ministry_is_not_mexicos(sentence: str, ministry: str) -> None:
    # The gazetteer's English names of Mexico's ministries are every country's: Japan's
    # ministry was listed as SE, and cut at its comma.
    found = find_entities(sentence, shipped_gazetteer(), language="en").organizations
    assert found == (ministry,)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Mexican Ministry of Economy said exports grew.",
        "Mexico's Ministry of Economy said exports grew.",
        "The Ministry of Economy said exports grew.",
    ],
)
def test_mexicos_ministry_named_in_english_is_still_the_known_one(sentence: str) -> None:
    assert find_entities(sentence, shipped_gazetteer(), language="en").organizations == ("SE",)


def test_known_names_listed_with_and_are_no_name_of_their_own() -> None:
    # "Ministry of Economy and Toyota" was listed as a third organization.
    text = "The Ministry of Economy and Toyota met in Mexico City with Japanese suppliers.\n"
    found = find_entities(text, shipped_gazetteer(), language="en").organizations
    assert sorted(found) == ["SE", "Toyota"]


@pytest.mark.parametrize(
    ("sentence", "language", "ministry"),
    [
        (
            "Según el Ministerio de Comercio, Industria y Energía de Corea del Sur, las empresas"
            " de ese país invirtieron en México.",
            "es",
            "Ministerio de Comercio, Industria y Energía de Corea del Sur",
        ),
        (
            "Korea's Ministry of Trade, Industry and Energy said suppliers may follow.",
            "en",
            "Korea's Ministry of Trade, Industry and Energy",
        ),
    ],
)
def test_a_ministry_named_with_the_areas_it_is_for_is_listed_whole(
    sentence: str, language: str, ministry: str
) -> None:
    # Cut at its comma, the ministry was listed as "Industria y Energía de Corea del Sur".
    found = find_entities(sentence, shipped_gazetteer(), language=language).organizations
    assert found == (ministry,)


def test_names_listed_after_a_ministry_are_names_of_their_own() -> None:
    text = "La Secretaría de Economía, Pemex y CFE firmaron el acuerdo de suministro.\n"
    found = find_entities(text, shipped_gazetteer(), language="es").organizations
    assert sorted(found) == ["CFE", "Pemex", "SE"]


@pytest.mark.parametrize(
    ("sentence", "language", "company"),
    [
        ("Hyundai Mobis invertirá 200 millones de dólares en Coahuila.", "es", "Hyundai Mobis"),
        ("La empresa surcoreana Hyundai Mobis anunció una planta.", "es", "Hyundai Mobis"),
        ("Toyota Tsusho will invest in a plant in Guanajuato.", "en", "Toyota Tsusho"),
        # "LG" is LG Electronics to the gazetteer; LG Chem is another company.
        ("South Korean chemical maker LG Chem will invest $400 million.", "en", "LG Chem"),
        # Said to be another's part, and ending in a known place ("America").
        (
            "Toyota Tsusho America, a unit of the Japanese trading house, will open a warehouse.",
            "en",
            "Toyota Tsusho America",
        ),
        ("Hyundai Mobis, filial surcoreana de un grupo, abrirá una planta.", "es", "Hyundai Mobis"),
    ],
)
def test_a_company_whose_name_opens_with_a_known_one_is_listed_whole_and_alone(
    sentence: str, language: str, company: str
) -> None:
    # Listed as the known company and the rest of its name alone: "Hyundai" and "Mobis".
    found = find_entities(sentence, shipped_gazetteer(), language=language).organizations
    assert found == (company,)


@pytest.mark.parametrize(
    ("sentence", "organizations", "places"),
    [
        (
            "Carlyle Capital will invest US$50 million in Monterrey.",
            ["Carlyle Capital"],
            ["Monterrey"],
        ),
        (
            "Fidelity Investments will invest US$50 million in Monterrey.",
            ["Fidelity Investments"],
            ["Monterrey"],
        ),
        # Money named by words of the field alone, or after a place, is no company.
        ("Foreign Investments will rise, Fidelity Investments said.", ["Fidelity Investments"], []),
        ("Capital Markets cooled, Carlyle Capital said.", ["Carlyle Capital"], []),
        ("Mexico City Capital will invest in housing.", [], ["Ciudad de México"]),
    ],
)
def test_a_name_ending_in_capital_or_investments_is_a_companys(
    sentence: str, organizations: list[str], places: list[str]
) -> None:
    # "Carlyle Capital will invest" was read as a person's name and listed as no one, where
    # "Valmora Holdings will invest" is a company.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.places), list(found.people)) == (
        organizations,
        places,
        [],
    )


@pytest.mark.parametrize(
    ("sentence", "organizations", "places"),
    [
        (
            "Texas Instruments will invest $200 million in a plant in Aguascalientes.",
            ["Texas Instruments"],
            ["Aguascalientes"],
        ),
        ("U.S. Steel will invest in a mill in Coahuila.", ["U.S. Steel"], ["Coahuila"]),
        # The place named on its own elsewhere is listed from there.
        (
            "Texas Instruments will invest in a second plant in Texas.",
            ["Texas Instruments"],
            ["Texas"],
        ),
        # A title after the place is of the place, and no company's name.
        ("Texas Governor Greg Abbott will invest in roads.", [], ["Texas"]),
    ],
)
def test_a_company_whose_name_opens_with_a_known_place_is_listed_whole(
    sentence: str, organizations: list[str], places: list[str]
) -> None:
    # "Texas Instruments will invest" was drafted as the place Texas and a company "Instruments".
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.places)) == (organizations, places)


@pytest.mark.parametrize(
    ("sentence", "language", "organizations", "places"),
    [
        ("Texas Instruments said exports rose.", "en", ["Texas Instruments"], []),
        (
            "Texas Instruments dijo que las exportaciones crecieron.",
            "es",
            ["Texas Instruments"],
            [],
        ),
        (
            "Texas Instruments reported higher sales in Mexico.",
            "en",
            ["Texas Instruments"],
            ["Mexico"],
        ),
        ("Mexico Pacific announced a second terminal.", "en", ["Mexico Pacific"], []),
    ],
)
def test_a_company_whose_name_opens_with_a_known_place_is_listed_whole_when_reported_on(
    sentence: str, language: str, organizations: list[str], places: list[str]
) -> None:
    # "Texas Instruments said exports rose", the company named nowhere else, was drafted as
    # the place Texas: only its investing told it a company.
    found = find_entities(sentence, shipped_gazetteer(), language=language)
    assert (list(found.organizations), list(found.places), list(found.people)) == (
        organizations,
        places,
        [],
    )


@pytest.mark.parametrize(
    ("sentence", "organizations", "places"),
    [
        (
            "The bill stalled after the Texas Legislature said it would not vote this session.",
            ["Texas Legislature"],
            ["Texas"],
        ),
        (
            "La Legislatura de Nuevo León aprobó la reforma.",
            ["Legislatura de Nuevo León"],
            ["Nuevo León"],
        ),
    ],
)
def test_a_states_legislature_is_its_body_and_no_company_named_after_it(
    sentence: str, organizations: list[str], places: list[str]
) -> None:
    # "the Texas Legislature said" was drafted as a company named after Texas, as "Texas
    # Instruments said" is, and the state was not listed.
    found = find_entities(sentence, shipped_gazetteer())
    assert (list(found.organizations), list(found.places), list(found.people)) == (
        organizations,
        places,
        [],
    )


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        ("El PIB de México creció 3.2% en el segundo trimestre, informó el INEGI.", ["GDP"]),
        ("Mexico's GDP grew 3.2% in the second quarter, INEGI said.", ["GDP"]),
    ],
)
def test_gdp_is_a_topic_and_its_spanish_acronym_no_organization(
    sentence: str, topics: list[str]
) -> None:
    # "El PIB de México creció" was drafted with "PIB" among the organizations, as an acronym.
    found = find_entities(sentence, shipped_gazetteer())
    assert (list(found.organizations), list(found.topics)) == (["INEGI"], topics)


@pytest.mark.parametrize(
    ("article", "outlet"),
    [
        (
            "Crece la economía\n\nMONTERREY, N.L. (EFE).- La economía de Nuevo León creció 3%,"
            " según el INEGI, y la planta de Kia sumará 500 empleos.\n",
            "EFE",
        ),
        (
            "Plant grows\n\nWASHINGTON (AP) — Kia will hire 500 workers in Nuevo León, INEGI"
            " data show.\n",
            "AP",
        ),
    ],
)
def test_a_news_agency_a_dateline_credits_is_the_outlet_and_no_organization(
    article: str, outlet: str
) -> None:
    # "MONTERREY, N.L. (EFE).- …" was drafted with EFE among the organizations the article is
    # about, as well as its outlet.
    fields = draft_article(article, shipped_gazetteer()).fields
    assert (fields["outlet"], sorted(fields["organizations"])) == (outlet, ["INEGI", "Kia"])


@pytest.mark.parametrize(
    "text",
    [
        "La planta de Kia sumará 500 empleos. (Con información de EFE)",
        "Kia will hire 500 workers, the company said. (AP)",
        "Kia will hire 500 workers, the company said (With information from AFP).",
    ],
)
def test_a_news_agency_credited_after_the_article_is_no_organization(text: str) -> None:
    assert find_entities(text, shipped_gazetteer()).organizations == ("Kia",)


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Grupo México said it will invest $500 million in a smelter in Sonora.", ["Sonora"]),
        ("Grupo México dijo que ampliará su fundición en Sonora.", ["Sonora"]),
        (
            "Grupo México Chief Executive Germán Larrea said the mine will grow.",
            [],
        ),
        # The country named on its own is listed from there.
        ("Grupo México said exports from Mexico rose.", ["Mexico"]),
    ],
)
def test_a_groups_name_holding_a_place_names_no_place(sentence: str, places: list[str]) -> None:
    # "Grupo México said", opening a sentence, was drafted with the place Mexico: only the
    # company's investing ("Grupo México invertirá") told the country part of its name.
    found = find_entities(sentence, shipped_gazetteer())
    assert (list(found.organizations), list(found.places)) == (["Grupo México"], places)


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Texas Instruments Chief Executive Haviv Ilan said demand for chips was weak.", []),
        ("Texas Instruments chief executive Haviv Ilan said demand for chips was weak.", []),
        (
            "Texas Instruments Chief Executive Officer Haviv Ilan said the Sherman plant, in"
            " Texas, would open first.",
            ["Texas"],
        ),
    ],
)
def test_a_firms_executive_after_a_name_opening_with_a_place_says_it_is_the_firms(
    sentence: str, places: list[str]
) -> None:
    # "Texas Instruments Chief Executive Haviv Ilan said" was drafted as the place Texas and
    # the person, and no company: a title after the name kept it from being read as one.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.people), list(found.places)) == (
        ["Texas Instruments"],
        ["Haviv Ilan"],
        places,
    )


@pytest.mark.parametrize(
    ("sentence", "organization", "person"),
    [
        (
            "Banco de México Governor Victoria Rodríguez said inflation eased.",
            "Banxico",
            "Victoria Rodríguez",
        ),
        (
            "Bank of Mexico Governor Victoria Rodriguez said inflation eased.",
            "Banxico",
            "Victoria Rodriguez",
        ),
        (
            "Secretaría de Economía Undersecretary Vidal Llerenas said exports rose.",
            "SE",
            "Vidal Llerenas",
        ),
    ],
)
def test_a_title_in_capitals_after_a_known_name_with_de_or_of_is_its_holders(
    sentence: str, organization: str, person: str
) -> None:
    # "Banco de México Governor Victoria Rodríguez said" was drafted as Banxico and an
    # organization of all those words, and no person: the known name's "de" was read as an
    # office's, which may go on past a place ("Mayor of Puerto Peñasco Jorge Pivac").
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.people)) == ([organization], [person])


@pytest.mark.parametrize(
    ("sentence", "organizations", "people"),
    [
        ("Ternium's chief executive said the Pesquería plant will grow.", ["Ternium"], []),
        (
            "Ternium's chief executive officer, Máximo Vedoya, said the plant will grow.",
            ["Ternium"],
            ["Máximo Vedoya"],
        ),
        ("Nemak's CEO said the plant will grow.", ["Nemak"], []),
        ("John Miller, Magna's chief executive, said sales rose.", ["Magna"], ["John Miller"]),
        # A place's office is no firm's.
        ("Mexico's president said tariffs would hurt.", [], []),
    ],
)
def test_a_name_with_an_executive_office_after_its_possessive_is_a_companys(
    sentence: str, organizations: list[str], people: list[str]
) -> None:
    # "Ternium's chief executive said" named no company: a name of one word that opens a
    # sentence is one only for what a company is said to do, and heading one was not read.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.people)) == (organizations, people)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Texas Republicans will invest in roads.", "Texas"),
        ("Texas Democrats will invest in schools.", "Texas"),
        ("Nuevo León Lawmakers will invest in roads.", "Nuevo León"),
        ("Arizona Officials will invest in water.", "Arizona"),
        ("Sonora Farmers will invest in wells.", "Sonora"),
    ],
)
def test_a_place_before_a_group_of_its_people_is_the_place_and_no_company(
    sentence: str, place: str
) -> None:
    # "Texas Republicans will invest" was drafted as a company "Texas Republicans", and the
    # place Texas was lost: a party's members are no company.
    found = find_entities(sentence, shipped_gazetteer(), language="en")
    assert (list(found.organizations), list(found.places), list(found.people)) == (
        [],
        [place],
        [],
    )


@pytest.mark.parametrize(
    ("sentence", "organizations"),
    [
        ("Toyota Tsusho Corp will open a warehouse in Guanajuato.", ["Toyota Tsusho Corp"]),
        (
            "Toyota Tsusho México, S.A. de C.V. abrió una oficina en Monterrey.",
            ["Toyota Tsusho México, S.A. de C.V."],
        ),
        # The known company's own foundation goes by its name, and the company is listed too.
        ("The Toyota Foundation gave grants to schools.", ["Toyota", "Toyota Foundation"]),
        # The known company's own legal or group name is the known company's: it stays listed.
        ("Toyota Motor Corp will invest in Guanajuato.", ["Toyota", "Toyota Motor Corp"]),
        ("Honda Motor Co. said it would grow.", ["Honda", "Honda Motor Co."]),
        ("Hyundai Motor Group said it would grow.", ["Hyundai", "Hyundai Motor Group"]),
        ("Foxconn Technology Group said it would grow.", ["Foxconn", "Foxconn Technology Group"]),
    ],
)
def test_a_company_of_its_own_with_a_legal_form_lists_no_known_company_it_opens_with(
    sentence: str, organizations: list[str]
) -> None:
    # "Toyota Tsusho Corp" was drafted with Toyota beside it.
    found = find_entities(sentence, shipped_gazetteer())
    assert sorted(found.organizations) == organizations


def test_the_known_company_named_alone_too_is_listed_too() -> None:
    text = "Hyundai Mobis invertirá 200 millones de dólares. Hyundai también invertirá.\n"
    found = find_entities(text, shipped_gazetteer(), language="es").organizations
    assert sorted(found) == ["Hyundai", "Hyundai Mobis"]


@pytest.mark.parametrize("sentence", ["LEGO Group will invest.", "Lego will invest."])
def test_a_known_company_named_as_its_group_is_the_company(sentence: str) -> None:
    # Counted twice in a facet: "Lego" and "LEGO Group".
    found = find_entities(sentence, shipped_gazetteer(), language="en").organizations
    assert found == ("Lego",)


def test_a_known_company_and_a_word_after_it_not_said_to_be_a_company_stay_apart() -> None:
    # A model, and a known place in a plant's name ("Nissan Aguascalientes"): no company more.
    text = "The Toyota Tacoma is built in Tijuana, and Nissan Aguascalientes will add a shift.\n"
    found = find_entities(text, shipped_gazetteer(), language="en")
    assert sorted(found.organizations) == ["Nissan", "Toyota"]


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("General Motors de México invertirá 1,000 millones de dólares.", "General Motors"),
        ("Kia México invertirá en una nueva línea.", "Kia"),
        ("Toyota Mexico will invest more in its plant.", "Toyota"),
    ],
)
def test_a_known_companys_branch_said_to_invest_names_the_company_and_no_place(
    sentence: str, company: str
) -> None:
    # "General Motors de México" listed Mexico as a place the article names.
    found = find_entities(sentence, shipped_gazetteer())
    assert (found.organizations, found.places) == ((company,), ())


def test_a_known_company_in_a_country_still_names_the_country() -> None:
    found = find_entities("Toyota in Mexico will invest more.\n", shipped_gazetteer())
    assert found.places == ("Mexico",)


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        (
            "Exports go to Texas. Canada's Ministry of Economy said talks continue.",
            "Canada's Ministry of Economy",
        ),
        (
            "Plants supply Alabama and Georgia.\n\nJapan's Ministry of Economy, Trade and"
            " Industry said suppliers may follow.",
            "Japan's Ministry of Economy, Trade and Industry",
        ),
    ],
)
def test_a_name_after_a_sentence_ending_in_a_name_starts_anew(text: str, ministry: str) -> None:
    # Listed as "Texas. Canada's Ministry of Economy", with SE beside it.
    found = find_entities(text, shipped_gazetteer(), language="en").organizations
    assert found == (ministry,)


@pytest.mark.parametrize(
    ("text", "organizations", "places"),
    [
        ("LG Chem said separately it would decide on the plant.", ["LG Chem"], []),
        ("LG Chem y Hyundai Mobis evalúan ampliar sus plantas.", ["Hyundai Mobis", "LG Chem"], []),
        (
            "Toyota Tsusho México abrió una oficina en Monterrey.",
            ["Toyota Tsusho México"],
            ["Monterrey"],
        ),
        ("GM Financial de México amplió su cartera.", ["GM Financial de México"], []),
        ("General Motors de México producirá más camionetas.", ["General Motors"], []),
        # A model is no company.
        ("The Toyota Tacoma is built in Tijuana.", ["Toyota"], ["Tijuana"]),
    ],
)
def test_a_company_named_with_a_known_ones_name_is_read_by_what_it_does(
    text: str, organizations: list[str], places: list[str]
) -> None:
    # "LG Chem said" was drafted as LG Electronics; "Toyota Tsusho México abrió" as Toyota.
    found = find_entities(text, shipped_gazetteer())
    assert (sorted(found.organizations), list(found.places)) == (organizations, places)


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        # Models, said to be made: the maker, not a company of their own.
        ("The Toyota Tacoma will be produced in Tijuana.", ["Toyota"]),
        ("Nissan Kicks will be assembled in Aguascalientes.", ["Nissan"]),
        ("El Kia Rio se produce en Pesquería.", ["Kia"]),
        # An abbreviation within a company's name does not end the name.
        ("Warner Bros. Discovery opened an office in Monterrey.", ["Warner Bros. Discovery"]),
    ],
)
def test_a_model_is_its_maker_and_bros_stays_within_a_name(
    text: str, organizations: list[str]
) -> None:
    assert list(find_entities(text, shipped_gazetteer()).organizations) == organizations
