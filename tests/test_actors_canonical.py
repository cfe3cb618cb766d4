"""fogofwar_actors: canonical actors with country, kind and affiliation, across conflicts."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources

import pytest

from fogofwar.record import Actor, ArticleRecord

Annotate = Callable[..., ArticleRecord]


def actor_named(record: ArticleRecord, phrase: str) -> Actor:
    """The actor with the tightest mention that holds ``phrase``."""
    text = record.article.text
    found = [
        (s.end - s.start, actor) for actor in record.actors for s in actor.evidence if phrase in text[s.start : s.end]
    ]
    if not found:
        raise AssertionError(f"no actor mentioned as {phrase!r}: {[(a.name, a.kind) for a in record.actors]}")
    return min(found, key=lambda item: item[0])[1]


@pytest.mark.parametrize(
    ("text", "phrase", "country", "kind"),
    [
        (
            "Azerbaijan's Defence Ministry said the attack was repelled.",
            "Azerbaijan's Defence Ministry",
            "AZE",
            "military",
        ),
        ("Armenia denied the shelling of the village.", "Armenia", "ARM", "government"),
        ("Baku welcomed the statement on Monday.", "Baku", "AZE", "government"),
        ("Armenian forces shelled the town overnight.", "Armenian forces", "ARM", "military"),
        (
            "Azerbaijani military officials told reporters the convoy was hit.",
            "Azerbaijani military officials",
            "AZE",
            "military",
        ),
        ("Karabakh forces said they repelled attacks.", "Karabakh forces", "ARM", "armed_group"),
        ("The Kremlin said the talks would go on.", "The Kremlin", "RUS", "government"),
        ("Ukraine's General Staff said 12 drones were shot down.", "Ukraine's General Staff", "UKR", "military"),
        ("Syrian rebels said they had taken the hill.", "Syrian rebels", "SYR", "armed_group"),
        ("Hamas said it fired rockets at Ashkelon.", "Hamas", "PSE", "armed_group"),
        (
            "The Syrian Observatory for Human Rights said 12 people died.",
            "The Syrian Observatory for Human Rights",
            None,
            "ngo",
        ),
        ("The UN Security Council will meet on Tuesday.", "The UN Security Council", None, "igo"),
        ("Russias Defence Ministry said the base was hit.", "Russias Defence Ministry", "RUS", "military"),
        # a faction nobody lists, named before a word for an armed unit: an armed group of the story's country
        (
            "Clashes went on near Idlib and Saraqeb. The Sawaiq al-Rahman brigade announced it killed six fighters.",
            "The Sawaiq al-Rahman brigade",
            "SYR",
            "armed_group",
        ),
        ("Rebels in Aleppo said al-Nusra had shelled the town.", "al-Nusra", "SYR", "armed_group"),
        # a name before "Army" makes a faction; a country word before it, the state's army
        (
            "Fighting went on near Hama. Meanwhile Al-Izza Army announced that the battle will continue.",
            "Al-Izza Army",
            "SYR",
            "armed_group",
        ),
        (
            "Fighting went on near Hama. The Syrian Arab Army said it took the town.",
            "Syrian Arab Army",
            "SYR",
            "military",
        ),
        (
            "Clashes near Hama. Al-Izza Army said the battle goes on. The army said it took the town.",
            "The army",
            "SYR",
            "military",
        ),
        # the Islamic State's news agency speaks for the group
        ("The Amaq news agency said three bombers carried out the attack.", "Amaq news agency", None, "armed_group"),
        # a qualified organ is not the organ with the same head named before ("the border guard service")
        (
            "Ukraine's State Emergency Service said nine people were rescued. The border guard service said drones "
            "crossed from Belarus.",
            "The border guard service",
            "UKR",
            "military",
        ),
        # broadcasters, NGOs and forces of the wars the lexicon covers
        ("Press TV reported that the army had entered the town.", "Press TV", "IRN", "media"),
        (
            "The Syrian American Medical Society said two hospitals were hit.",
            "Syrian American Medical Society",
            None,
            "ngo",
        ),
        ("The Tiger Forces advanced on the town, state media said.", "Tiger Forces", "SYR", "military"),
        # "official" makes an organ the story's country's, like "state"
        ("Clashes near Hama and Homs. Official news agency said 14 civilians died.", "news agency", "SYR", "media"),
        # a state organ's seat gives its country; an unnamed spokesman somewhere speaks for no state
        ("An official at the governors office in Homs said rockets hit Zahra.", "An official", "SYR", "government"),
        ("A spokesman at the hospital in Idlib said a strike hit its courtyard.", "A spokesman", None, "organisation"),
        # the office of an organisation's officer is the organisation
        ("U.N. Secretary General Ban Ki-moons office said he was shocked.", "Ban Ki-moons office", None, "igo"),
        # a group noun after a bracketed short name is the organisation named before it
        ("IS claims attack The Islamic State [IS] group on Tuesday claimed the attack.", "group", None, "armed_group"),
        # a police source in a story about Syria speaks for the Syrian state
        (
            "Gunmen attacked Khatab near Hama at dawn. A police source in the city said 14 people were killed.",
            "A police source",
            "SYR",
            "government",
        ),
    ],
)
def test_actors_country_and_kind(annotate: Annotate, text: str, phrase: str, country: str | None, kind: str) -> None:
    actor = actor_named(annotate(text), phrase)
    assert (actor.country, actor.kind) == (country, kind)


@pytest.mark.parametrize(
    ("text", "person", "affiliation", "country"),
    [
        (
            "European Commission spokesman Peter Stano said in Brussels that talks must resume.",
            "Peter Stano",
            "European Commission",
            None,
        ),
        (
            "Turkish President Recep Tayyip Erdogan said Ankara stands with Baku.",
            "Recep Tayyip Erdogan",
            "Turkey",
            "TUR",
        ),
        (
            "Hikmet Hajiyev, assistant to the president and foreign policy chief for Azerbaijan's Presidency, said the "
            "city was shelled.",
            "Hikmet Hajiyev",
            "Azerbaijan Presidency",
            "AZE",
        ),
        (
            "Ukrainian Defence Minister Oleksii Reznikov said the shells had arrived.",
            "Oleksii Reznikov",
            "Ukraine military",
            "UKR",
        ),
        (
            "State Department spokesman John Kirby said the reports were being checked.",
            "John Kirby",
            "State Department",
            "USA",
        ),
        (  # one name the recogniser missed, made a person by "a" and a title after it
            'Bombers hit a police station in Damascus. "We resisted the attack" said Rami a police officer.',
            "Rami",
            "Syria",
            "SYR",
        ),
        ("A Russian diplomat Ivan Petrov said the talks failed.", "Ivan Petrov", "Russia", "RUS"),
        ("US Congressman Adam Kinzinger said the strikes must go on.", "Adam Kinzinger", "United States", "USA"),
        (  # a faction nobody lists, named after the person
            '"The advance will be from the north" said Omar al-Hamid of the Noureddin al-Zinki rebel faction.',
            "Omar al-Hamid",
            "Noureddin al-Zinki rebel faction",
            None,
        ),
        (  # a faction nobody lists, named in the title
            "Fighting went on near Hama. Al-Izza Army military spokesman Captain Jamil al-Saleh said the battle goes on.",
            "Jamil al-Saleh",
            "Al-Izza Army",
            "SYR",
        ),
        (  # the apostrophe and commas lost: the name, the body's possessive, the title in apposition to it
            "Before the raid the clinic had an emergency room and inpatient department and provided general and "
            "orthopedic surgery. Giulia Marchetti MSFs head of mission in northern Syria said that the loss of the "
            "surgeon leaves just two surgeons for a population of 90000.",
            "Giulia Marchetti",
            "Medecins Sans Frontieres",
            None,
        ),
    ],
)
def test_actors_person_affiliation(
    annotate: Annotate, text: str, person: str, affiliation: str, country: str | None
) -> None:
    record = annotate(text)
    found = next(a for a in record.actors if a.name == person)
    assert found.kind == "person" and found.affiliation is not None
    assert record.actors[found.affiliation].name == affiliation
    assert found.country == country


def test_actors_coreference_by_rule(annotate: Annotate) -> None:
    record = annotate(
        "Battle for Fizuli\n\nAzerbaijan's Defence Ministry said its troops advanced. The ministry said 10 soldiers "
        "were killed.\n\nTurkish President Recep Tayyip Erdogan spoke on Tuesday. Erdogan said Turkey stands with "
        "Azerbaijan, and he added that the talks had failed."
    )
    ministry = actor_named(record, "Azerbaijan's Defence Ministry")
    assert actor_named(record, "The ministry") == ministry
    erdogan = actor_named(record, "Recep Tayyip Erdogan")
    assert actor_named(record, "Erdogan") == erdogan
    assert actor_named(record, "he") == erdogan


def test_actors_coordinated_demonyms_are_two_actors(annotate: Annotate) -> None:
    record = annotate("Azerbaijani and Armenian forces have deployed heavy artillery.")
    countries = {a.country for a in record.actors if a.kind == "military"}
    assert countries == {"AZE", "ARM"}


def test_actors_place_tagged_as_person_is_not_an_actor(annotate: Annotate) -> None:
    record = annotate("Armenian forces attacked in the directions of Fizuli, Jabrayil, Aghdara and Tartar.")
    assert not [a for a in record.actors if a.kind == "person"]


def test_actors_its_troops_belong_to_the_speaker(annotate: Annotate) -> None:
    record = annotate("Armenia's Defence Ministry reported that 26 of its troops were killed.")
    assert actor_named(record, "its troops").country == "ARM"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Ganja\n\nHikmet Hajiyev, an aide to President Ilham Aliyev, said the strikes targeted homes.",
            "Hikmet Hajiyev",
            ("AZE", "person"),
        ),
        (
            "Ganja\n\nSeparatist officials in Stepanakert said the city was shelled.",
            "Separatist officials",
            ("ARM", "armed_group"),
        ),
        ("Syria\n\nPutin said Russia would keep its bases in Syria.", "Putin", ("RUS", "person")),
        ("Syria\n\nJaafari said the inspectors were welcome.", "Jaafari", ("SYR", "person")),
        ("Syria\n\nDorrian said the coalition conducted no strikes there.", "Dorrian", ("USA", "person")),
        (
            "Deir Ezzor\n\nThe jets struck the base Russian General Vladimir Savchenko said.",
            "Vladimir Savchenko",
            ("RUS", "person"),
        ),
        (
            "Ghouta\n\nMohammed Saeed an activist in the area told reporters that shells hit Douma near Damascus.",
            "Mohammed Saeed",
            ("SYR", "person"),
        ),
    ],
)
def test_actors_principals_and_known_leaders(
    annotate: Annotate, text: str, phrase: str, expected: tuple[str | None, str]
) -> None:
    actor = actor_named(annotate(text), phrase)
    assert (actor.country, actor.kind) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (  # the story's country is where it happens, not the country that only leads or backs a party
            "Raqqa\n\nA US-led coalition strike killed 18 people in Raqqa. The US-backed forces advanced in Tabqa. "
            "But activists say the strikes have killed hundreds.",
            "activists",
            ("SYR", "organisation"),
        ),
        (
            "Aleppo\n\nRebels said barrel bombs were dropped on Aleppo and Idlib.",
            "Rebels",
            ("SYR", "armed_group"),
        ),
        (
            "Ghouta\n\nOpponents of Bashar al-Assad said 1300 people were killed near Damascus.",
            "Opponents",
            ("SYR", "organisation"),
        ),
        (
            "Raqqa\n\nA US-led coalition strike hit Raqqa. The coalitions spokesman Colonel Ryan Dillon said every "
            "allegation is assessed. The coalition acknowledged 735 deaths.",
            "The coalition",
            ("USA", "military"),
        ),
        (
            "Yemen\n\nThe Saudi-led coalition bombed Sanaa on Monday. The coalition said it hit a weapons depot.",
            "The coalition",
            ("SAU", "military"),
        ),
    ],
)
def test_actors_home_country_and_coalition(
    annotate: Annotate, text: str, phrase: str, expected: tuple[str | None, str]
) -> None:
    actor = actor_named(annotate(text), phrase)
    assert (actor.country, actor.kind) == expected


def test_actors_surname_continues_a_person_the_tagger_missed(annotate: Annotate) -> None:
    record = annotate(
        "Chemical attack\n\nFrench Foreign Minister Laurent Fabius said on Saturday that the regime was behind the "
        "attack. We ask that the team be deployed quickly Fabius said."
    )
    fabius = actor_named(record, "Laurent Fabius")
    text = record.article.text
    assert fabius.country == "FRA" and [text[s.start : s.end] for s in fabius.evidence][-1] == "Fabius"


def test_actors_country_word_inside_a_name_is_no_country(annotate: Annotate) -> None:
    record = annotate("Saraqeb\n\nPosted on August 3 2016 by Jordan Dakamseh. Toxic gas was dropped on Saraqeb.")
    assert "JOR" not in {a.country for a in record.actors}


def test_actors_the_organisations_spokesman_speaks_for_it(annotate: Annotate) -> None:
    record = annotate(
        "Saraqeb\n\nThe White Helmets said 33 people were affected by the gas. The organisations spokesman said that "
        "barrels fell containing toxic gases."
    )
    assert actor_named(record, "The organisations spokesman").name == "White Helmets"


def test_actors_lexicon_alias_names_one_organisation() -> None:
    data = json.loads(resources.files("fogofwar").joinpath("data/actors.json").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for entry in data["organisations"]:
        for alias in entry["aliases"]:
            assert seen.setdefault(alias, entry["name"]) == entry["name"], alias


def test_actors_the_group_is_not_the_agency_that_reported_it(annotate: Annotate) -> None:
    record = annotate(
        "A bomb hit a police station in Damascus, AFP reported. The Islamic State group claimed the attack in a "
        "statement. The group said three of its fighters were involved in the attack."
    )
    assert actor_named(record, "The group").name == "Islamic State"
