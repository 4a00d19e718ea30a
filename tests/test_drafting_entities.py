"""Places, organizations, people and topics from the gazetteer and from capitalised names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.drafting.entities import (
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
    assert "USMCA" in entities.organizations  # T-MEC
    assert "INEGI" in entities.organizations
    assert {"Tijuana", "Ciudad Juárez", "Los Angeles"} <= set(entities.places)
    assert "exports" in entities.topics


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
