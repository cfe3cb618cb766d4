"""Places: detection rules for toponyms the small model misses, mistypes or buries in a longer name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fogofwar.record import ArticleRecord

Annotate = Callable[..., ArticleRecord]


def found(record: ArticleRecord) -> set[str]:
    """The texts of the places that were resolved to coordinates."""
    return {p.text for p in record.places if p.lat is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was delayed until mid-May, the council said in a statement.", "May"),
        ("Elections are held in May, and the mayor is not running again.", "May"),
        ("She studied history at the University of Rochester before moving to Ohio.", "University"),
    ],
)
def test_places_dates_and_generic_words_are_not_places(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A deputy from the Madison County Sheriff's Office found the car on Tuesday.", "Madison County"),
        ("The Henrico County Police said the road would stay closed overnight.", "Henrico County"),
        ("Alachua County Sheriff's Office spokesman Art Forgey said the house was empty.", "Alachua County"),
        ("Firefighters were called out, Huntsville Fire Chief Tom Grisham said.", "Huntsville"),
        ("Funding has been cut before, Tillsonburg Mayor Stephen Molnar said on Monday.", "Tillsonburg"),
        ("A Charleston man admitted in Kanawha Circuit Court on Monday that he shot her.", "Kanawha"),
    ],
)
def test_places_civic_institution_gives_up_its_place(annotate: Annotate, text: str, expected: str) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parents gathered outside Kennedy Elementary School on Friday morning.", "Kennedy"),
        ("The Webb Center will close next month unless donors step in.", "Webb"),
        ("Traffic was diverted along North Street after the water main broke.", "Street"),
    ],
)
def test_places_names_of_people_and_streets_stay_out(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heavy rain is expected across North Georgia through the weekend.", "Georgia"),
        ("The fires have burned thousands of acres in Southern California this week.", "California"),
        ("Officials of the Province of Ontario announced new funding on Monday.", "Ontario"),
    ],
)
def test_places_compass_and_division_heads_yield_the_place(annotate: Annotate, text: str, expected: str) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A man was arrested in Torrington on Friday night. Torrington police said he had been drinking.",
            ["Torrington", "Torrington"],
        ),
        (
            "The Gainesville City Commission met in Gainesville on Tuesday. Gainesville approved the budget 5-2.",
            ["Gainesville", "Gainesville", "Gainesville"],
        ),
        # A title, a street and a person of the same name keep their names
        ("Coach Ripley praised the team after the win in Ripley on Saturday.", ["Ripley"]),
        ("Rain fell across Wichita overnight. Residents of Wichita Street said their basements flooded.", ["Wichita"]),
        (
            "Police in Clinton arrested two men on Sunday. Bill Clinton, who owns the store, said they broke in. "
            "Clinton said the men had broken in before.",
            ["Clinton"],
        ),
    ],
)
def test_places_name_found_once_is_a_place_again(annotate: Annotate, text: str, expected: list[str]) -> None:
    places = annotate(text).places
    assert sorted(p.text for p in places if p.lat is not None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enrollment has slowed in Jackson and Barrow counties, the state said.", {"Jackson", "Barrow"}),
        ("The man was arrested by Danbury police on Monday night.", {"Danbury"}),
        ("The anthrax was produced in Utah, a Dugway spokesperson said on Friday.", {"Dugway"}),
        ("The bill was introduced by Rep. Jerry McNerney, D-Pleasanton, on Tuesday.", {"Pleasanton"}),
        ("Sen. Byron Dorgan, D-N.D., questioned the contract.", {"N.D."}),
        ("Rep. Nick Rahall, D-W. Va., chairman of the committee, praised the bill.", {"W. Va."}),
    ],
)
def test_places_lists_people_nouns_and_party_labels_give_places(
    annotate: Annotate, text: str, expected: set[str]
) -> None:
    assert expected <= found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only a few Georgia cities have zoning rules for the farms.", "country"),
        ("Only a few Texas towns have zoning rules for the farms.", "admin1"),
    ],
)
def test_places_a_lone_name_before_a_plural_place_noun_keeps_its_kind(
    annotate: Annotate, text: str, expected: str
) -> None:
    places = annotate(text).places
    assert [p.precision for p in places] == [expected]


@pytest.mark.parametrize(("text", "expected"), [("SWAT officers surrounded the home on Sunday.", "SWAT")])
def test_places_acronyms_before_people_nouns_are_not_places(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in {p.text for p in annotate(text).places}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Samples were sent to the U.S. Centers for Disease Control and Prevention on Friday.", "U.S."),
        ("Governor Ted Strickland said Texas and the Ohio National Guard would send help.", "Ohio"),
    ],
)
def test_places_country_or_state_that_begins_an_organisation(annotate: Annotate, text: str, expected: str) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sister Mary Agnes said the money came from the health fund.", "Mary"),
        ("Power was restored to the Central Business District by noon.", "Central"),
        ("A crash on Rivers Avenue in Charleston, South Carolina, killed a passenger.", "Rivers"),
    ],
)
def test_places_people_and_foreign_namesakes_do_not_begin_with_a_state(
    annotate: Annotate, text: str, expected: str
) -> None:
    assert expected not in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. Army helicopters bombed the village near Kandahar on Sunday.", "U.S."),
        ("Rep. Jerry McNerney, D-Pleasanton, was shot at during the protest in Stockton.", "Pleasanton"),
    ],
)
def test_places_place_that_only_labels_a_name_is_mentioned(annotate: Annotate, text: str, expected: str) -> None:
    roles = {p.text: p.role for p in annotate(text).places}
    assert roles.get(expected) == "mentioned"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The driver, Theresa Pilkington of Jeannette, was taken to hospital.", "Jeannette"),
        ("Authorities said Rebecca Sears, 41, of Grovetown, was arrested on Sunday.", "Grovetown"),
        ("The farm is about 45 miles southeast of Champaign near the state line.", "Champaign"),
        ("The plane was headed to Bozeman but was rerouted suddenly to Butte.", "Butte"),
        ("The mayor of Sligo, Veronica Cawley, stood by her decision.", "Sligo"),
    ],
)
def test_places_hometowns_directions_and_journeys_give_places(annotate: Annotate, text: str, expected: str) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She handed the letter to Jackson before the meeting.", "Jackson"),
        ("The son of Jackson Browne spoke at the event.", "Jackson"),
    ],
)
def test_places_to_and_of_take_people_too(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The state Supreme Court denied the request on Monday.", "Supreme"),
        ("The money went to the Lions Club and the Arlington Chamber of Commerce.", "Lions"),
        ("The governor was twice rebuffed by the White House over the cash.", "White House"),
        ("White House spokesman Josh Earnest said the report was credible.", "White House"),
        ('"It was a big win," comments coach Ripley. "Ripley teams always fight," he added.', "Ripley"),
    ],
)
def test_places_qualifiers_seats_and_titled_names_are_not_places(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in {p.text for p in annotate(text).places}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cases were reported in Angola, Chad, and Democratic Republic of the Congo.",
            "Democratic Republic of the Congo",
        ),
        ("Outbreaks hit Gambia, Ghana, Guinea-Bissau, Niger and Togo last year.", "Guinea-Bissau"),
        ("Kansas City Power & Light was reporting 2,300 customers in the dark.", "Kansas City"),
    ],
)
def test_places_name_cut_short_is_widened(annotate: Annotate, text: str, expected: str) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She taught journalism at Columbia University for a decade.", "Columbia"),
        ("He spent three years at McGill University doing his residency.", "McGill"),
    ],
)
def test_places_schools_do_not_give_their_namesake(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reopening the crossings, especially the Rafah terminal, would help the traders.", "Rafah"),
        ("Eight race horses at Randwick racecourse in Sydney have been infected.", "Randwick"),
    ],
)
def test_places_site_named_after_its_place(annotate: Annotate, text: str, expected: str) -> None:
    assert expected in found(annotate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Chad Smith Advocate Reporter March 30, 2009 NEWARK -- City officials say the plan works.", "NEWARK"),
        ("Mourners gather for teen. XENIA — The girlfriend of the suspect spoke on Monday.", "XENIA"),
        ("Fire destroys home. TEGA CAY \u0097 Local fire departments battled a blaze on Sunday.", "TEGA CAY"),
    ],
)
def test_places_dateline_after_a_byline_or_headline(annotate: Annotate, text: str, expected: str) -> None:
    roles = {p.text: p.role for p in annotate(text).places if p.lat is not None}
    assert roles.get(expected) == "mentioned"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli jets struck Khan Younis. Hamas officials said 20 people were killed there.", "Hamas"),
        ("Students at UF in Gainesville, Florida, and officials of HHS said the plan would fail.", "UF"),
    ],
)
def test_places_organisation_named_like_a_far_alias_is_not_a_place(
    annotate: Annotate, text: str, expected: str
) -> None:
    assert expected not in {p.text for p in annotate(text).places}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks between Israel and Hamas collapsed on Sunday, officials in Gaza said.", "Hamas"),
        ("Students at St. John's Lutheran School in Lombard won the contest.", "St. John"),
        ("She earned a distinction at the College of Law in York last year.", "Law"),
    ],
)
def test_places_organisations_saints_and_subjects_are_not_places(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in {p.text for p in annotate(text).places}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ad ran in South Florida in English and Spanish for two months.", "Spanish"),
        ("The format includes Russian, North Ossetian and Georgian representatives.", "Russian"),
    ],
)
def test_places_demonyms_in_a_list_stay_peoples(annotate: Annotate, text: str, expected: str) -> None:
    assert expected not in {p.text for p in annotate(text).places}
