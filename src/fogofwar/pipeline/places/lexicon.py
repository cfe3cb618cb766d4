"""Word lists and thresholds of the places component, and the ``Mention`` a detected toponym is."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Entity labels taken as toponyms.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Labels a toponym may be mislabelled with; it is recovered from them only with a context pattern.
RECOVERABLE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", ""})

#: Labels other than the place labels under which the model tags an institution whose name holds a place ("the
#: Madison County Sheriff's Office" is ORG, or even PERSON).
INSTITUTION_LABELS = frozenset({"ORG", "PERSON"})

#: Nouns that say the proper name before them is a place ("Madagiz village", "the Dashkesan region").
PLACE_NOUNS = frozenset(
    {
        "village", "town", "city", "region", "province", "district", "governorate", "oblast", "settlement",
        "area", "neighbourhood", "neighborhood", "suburb", "camp", "valley", "county", "municipality", "countryside",
    }
)  # fmt: skip

#: Plural place nouns after a list of names, and the place noun each name takes ("Jackson and Barrow counties").
PLURAL_PLACE_NOUNS = {
    "counties": "county", "parishes": "county", "provinces": "province", "districts": "district",
    "regions": "region", "villages": "village", "towns": "town", "cities": "city", "governorates": "governorate",
}  # fmt: skip

#: Prepositions that make a proper name after them a place ("near Fizuli", "around Idlib").
LOCATIVE_PREPS = frozenset({"near", "around", "outside", "towards", "toward", "in", "into", "at", "across", "from"})

#: Nouns through which a locative reaches its place ("in the directions of X", "on the outskirts of X").
LOCATIVE_NOUNS = frozenset(
    {
        "direction", "outskirts", "vicinity", "edge", "centre", "center", "east", "west", "north", "south", "part",
        "province", "region", "village", "town", "city", "area",
    }
)  # fmt: skip

#: Nouns whose "of" phrase names a place outright ("the town of X", "the streets of X", "the outskirts of X").
NAMING_NOUNS = frozenset(
    {
        "city", "town", "village", "province", "region", "district", "governorate", "capital", "street",
        "outskirts", "suburb", "countryside", "port", "area", "neighbourhood", "neighborhood", "camp", "island",
        "state", "mayor", "governor", "community", "mountain", "beach", "county", "township", "borough", "parish",
        "municipality", "coast", "shore", "resident", "citizen", "native",
    }
)  # fmt: skip

#: Compass directions whose "of" phrase is a place ("60 miles north of Moorhead").
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "downstream", "upstream"}
)

#: Words of going somewhere whose "to" phrase is a place ("drove to Lanexa", "a trip to Cancun"); not "send" or
#: "give", whose "to" takes people.
JOURNEY_LEMMAS = frozenset(
    {
        "go", "travel", "drive", "fly", "move", "return", "head", "flee", "relocate", "reroute", "divert", "march",
        "walk", "ride", "sail", "commute", "evacuate", "deport", "transfer", "spread", "trip", "journey", "flight",
        "route", "road", "way", "troop", "come", "arrive", "airlift", "bus", "escape", "retreat", "advance",
    }
)  # fmt: skip

#: Prepositions in LOCATIVE_PREPS that also take people ("from Erdogan", "in Aliyev's words"): after them a PERSON
#: entity is recovered only with a place noun.
PERSON_PREPS = frozenset({"from", "at", "in"})

#: Verbs of speech and stance whose subject, when a place, is a metonym for its government.
STANCE_VERBS = frozenset(
    {
        "say", "tell", "deny", "claim", "announce", "state", "confirm", "declare", "insist", "warn", "welcome",
        "condemn", "accuse", "reject", "urge", "call", "demand", "respond", "reply", "protest", "criticise",
        "criticize", "blame", "threaten", "vow", "pledge", "promise", "agree", "refuse", "dismiss",
        "report", "add", "stress", "note", "argue", "believe", "hope", "recognise", "recognize", "support",
        "back", "oppose", "praise", "thank", "express", "voice", "send", "sign", "sanction", "summon", "expel",
    }
)  # fmt: skip

#: Speech verbs whose place adjunct is where a statement was made.
SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "declare", "add", "speak", "warn", "insist", "confirm",
                          "deny", "claim", "note", "stress", "remark", "comment", "write"})  # fmt: skip

#: Prepositions that place a statement ("said in Brussels", "told reporters at the Dolmabahce Office in Istanbul").
STATEMENT_PREPS = frozenset({"in", "at", "from", "during"})

#: Words of fighting that the events lexicon leaves to other types or does not hold, whose place is an event place
#: ("launching counterattacks in the directions of X", "an operation near X", "advanced on X").
EVENT_LEMMAS = frozenset(
    {
        "launch", "operation", "advance", "push", "incursion", "skirmish", "battle", "fighting", "fight", "clash",
        "strike", "airstrike", "explosion", "blast", "attack", "offensive", "counterattack", "shelling", "destroy",
        "hit", "kill", "die", "wound", "injure", "capture", "seize", "retake", "liberate", "free", "occupy",
        "bomb", "shell", "shoot", "explode", "crash", "flee", "evacuate", "withdraw", "retreat", "repel",
        "patrol", "march", "deploy", "detonate", "arrest", "detain", "kidnap", "abduct", "ambush", "raid",
        "storm", "besiege", "siege", "encircle", "massacre", "execute", "torture", "riot", "protest",
    }
)  # fmt: skip

#: Verbs whose object, when the gazetteer knows it, is a place even if the model tagged it a person
#: ("shelling hit Stepanakert", "troops captured Lyman").
TAKING_VERBS = frozenset(
    {
        "shell", "bomb", "bombard", "pound", "hit", "strike", "attack", "capture", "seize", "retake", "recapture",
        "liberate", "occupy", "besiege", "storm", "enter", "reach", "encircle", "surround", "raid", "invade",
        "overrun", "target", "shake", "rock",
    }
)  # fmt: skip

#: Parse steps climbed from a toponym to find the event or speech word it belongs to.
MAX_ROLE_HOPS = 7

#: Confidence of a toponym that stays unresolved (it is a place, we do not know which).
UNRESOLVED_CONFIDENCE = 0.5

#: Subject dependencies ("fighting raged", "shelling was reported").
SUBJECTS = frozenset({"nsubj", "nsubjpass"})

#: Words for people after which a known name is where they are from ("an Alexandria woman", "Aleppo residents").
PEOPLE_NOUNS = frozenset(
    {
        "man", "woman", "men", "women", "resident", "residents", "native", "natives", "teen", "boy", "girl",
        "couple", "family", "families", "villagers", "officials", "authorities", "police", "officers", "deputies",
        "firefighters", "mayor", "voters", "government", "governor", "premier", "spokesman", "spokeswoman",
        "spokesperson",
    }
)  # fmt: skip

#: Sites named after the place they are in ("the Rafah terminal", "Randwick racecourse", "Limerick hospitals").
SITE_NOUNS = frozenset(
    {
        "hospital", "hospitals", "airport", "racecourse", "laboratory", "terminal", "crossing", "mine", "prison",
        "refinery", "harbour", "harbor", "checkpoint", "barracks",
    }
)  # fmt: skip

#: Words for a saint at the head of a name: with a possessive ("St. John's") the name is a church's, a school's or a
#: hospital's.
SAINTS = frozenset({"St.", "St", "Saint", "Ste.", "San", "Santa"})

#: Gazetteer precisions of administrative divisions, whose short names ("Clarke" for Clarke County) are fair aliases.
DIVISION_PRECISIONS = frozenset({"admin1", "admin2"})

#: Dependencies of a name that qualifies the noun after it ("the Woodstock mayor"): the article is that noun's.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})

#: Capitalised words that follow a place at the start of an organisation's name ("Alexandria Police Department").
#: Not the words of schools and universities, named after people as often as after places ("Harvard University",
#: "Kennedy High School"): a school's town is found when the article names it elsewhere (``echoes``).
INSTITUTION_WORDS = frozenset(
    {
        "Police", "Department", "County", "City", "Fire", "Sheriff", "Board", "Council",
        "Hospital", "Chamber", "Municipal", "Regional", "District", "Court", "Airport",
        "Media", "Medical", "Transit", "Housing", "Port", "Library", "Museum", "Times", "Post", "Herald", "Tribune",
        "Provincial", "Governorate", "Military", "Administration", "Health", "Water", "Symphony", "Zoo",
        "Association", "Commission", "Highway", "Patrol", "Superior", "Community", "Arts", "Public",
        "Office", "Authority", "Agency", "Bureau", "Committee", "Legislature", "Division", "Service", "Services",
        "Corps", "Guard", "Assembly", "Senate", "Club", "Society", "Foundation", "Center", "Centre", "Parks",
        "Mayor", "Jail", "Courthouse", "Coroner", "Commissioners", "Clerk", "Crimestoppers", "Ministry", "Embassy",
        "Army", "Navy", "Census", "Government", "Town", "Circuit", "Selectman", "Selectmen", "Superintendent",
        "Metropolitan",
    }
)  # fmt: skip

#: The institution words of a place's own government and services ("Huntsville Fire Chief", "Anderson County
#: Sheriff", "Avondale Mayor"): a name the model tags PERSON or FAC, or a GPE the gazetteer does not know, gives up its
#: place only before one of these. Schools, centres and halls are named after people as often as after places
#: ("Kennedy Elementary School", "the Webb Center").
CIVIC_WORDS = frozenset(
    {
        "Police", "Department", "County", "City", "Fire", "Sheriff", "Council", "Municipal", "Court", "Mayor", "Jail",
        "Courthouse", "Coroner", "Commissioners", "Clerk", "Parks", "Crimestoppers", "Highway", "Patrol",
        "Ministry", "Embassy", "Army", "Government", "Public", "Health", "Water", "Transit", "Housing", "Town",
        "Circuit", "Selectman", "Selectmen", "Superintendent", "Metropolitan",
    }
)  # fmt: skip

#: Capitalised words that make a second-level division of the name before them ("Madison County Sheriff's Office",
#: "Rapides Parish Fire"): a prefix ending in one is taken whole when the gazetteer knows it.
DIVISION_WORDS = frozenset({"County", "Parish", "Township", "Borough", "Twp.", "Co."})

#: Compass words before a place that name a part of it ("North Georgia", "Southern California", "S.E. Paris"): when
#: the whole is not a place the gazetteer knows, the place is what follows.
COMPASS_WORDS = frozenset(
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Northeast",
        "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern", "Southeastern", "Southwestern",
        "Upstate", "Downtown", "Greater", "Historic", "Metro", "N.", "S.", "E.", "W.", "S.E.", "S.W.", "N.E.", "N.W.",
    }
)  # fmt: skip

#: Heads of an "X of Y" name whose Y is the place itself ("the Province of Ontario", "the City of Norfolk").
DIVISION_HEADS = frozenset({"City", "Town", "Village", "County", "State", "Province", "Commonwealth", "Republic"})

#: Institution heads whose "of" phrase names a place ("the University of Rochester", "the Port of Los Angeles").
INSTITUTION_HEADS = frozenset({"University", "College", "Port", "Archdiocese", "Diocese"})

#: Longest place name taken from the start of an organisation's name or before a people noun, in tokens.
MAX_PREFIX_TOKENS = 3

#: A dateline at the start of a sentence (a paragraph's first, or one after a headline or byline run into the text),
#: perhaps after a byline and its date ("Advocate Reporter March 30, 2009 NEWARK --"): a place in capitals
#: (optionally ", Country" and "(Agency)"), then a dash (also the cp1252 dash that lost its encoding, U+0097), a
#: spaced hyphen or a colon ("BEIRUT: The body of").
DATELINE = re.compile(
    r"(?:[^\n]{0,80}?\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s+)?"
    r"([A-Z][A-Z'.\- ]{1,30}[A-Z])(?:,\s+[A-Z][A-Za-z.\- ]{1,30})?\s*(?:\([A-Za-z ]{1,20}\))?\s*"
    r"(?:--|—|–|\u0097|\s-\s|:\s)"
)

#: Tokens of a sentence read for a dateline: a byline, its date, the place, ", Country (Agency)" and the dash fit.
DATELINE_TOKENS = 40

#: Capitalised words the model tags as places that are not toponyms on their own (months, weekdays, compass
#: points, institutions): a town named May or University exists, but "in May" is a date.
GENERIC_WORDS = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "North", "South", "East", "West", "Earth", "University", "College", "Hall", "Center", "Centre", "City",
        "County", "State", "Street", "Road", "Court", "Church", "Hospital", "School", "Park", "Airport", "Central",
        "Cathedral", "Supreme", "Superior", "Justice", "Law", "Lions", "Democrat", "Region", "Sgt", "Eastern",
        "Western", "Northern", "Southern", "Liberal", "Conservative", "Labour", "Republican", "Democratic", "Green",
        "Old", "New",
    }
)  # fmt: skip

#: Words of address and office before a name that make it a person's ("coach Ripley", "Sen. Byrd"), compared
#: lower-cased without the final full stop.
TITLE_WORDS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "cpl", "pvt",
        "coach", "judge", "justice", "mayor", "president", "senator", "governor", "sheriff", "chief", "officer",
        "deputy", "detective", "rev", "father", "sister", "brother", "st", "saint", "prof", "professor", "lord",
        "lady", "sir", "king", "queen", "prince", "princess", "pastor", "bishop", "commissioner", "trooper",
    }
)  # fmt: skip

#: Words after a name that make it the name of a street, a school or a firm rather than the place ("Wichita Street",
#: "Franklin Elementary", "Buffalo Science Magnet School" reads "Buffalo" as a place only elsewhere).
NAMESAKE_WORDS = frozenset(
    {
        "Street", "St.", "Road", "Rd.", "Drive", "Dr.", "Avenue", "Ave.", "Ave", "Lane", "Boulevard", "Blvd.",
        "Court", "Ct.", "Way", "Place", "Pike", "Parkway", "Terrace", "Circle", "Trail", "Elementary", "Middle",
        "High", "School", "Academy", "Science", "Theatre", "Theater", "Daily", "Blue", "Red",
    }
)  # fmt: skip

#: Lower-case words inside a place's name ("Rio Grande do Sul", "Democratic Republic of the Congo").
NAME_PARTICLES = frozenset({"do", "da", "de", "del", "di", "du", "la", "le", "of", "the", "al", "el", "upon", "on"})

#: Party labels that a legislator's home follows after a hyphen ("Rep. Jerry McNerney, D-Pleasanton,"; Minnesota's
#: DFL).
PARTY_LABELS = frozenset({"D", "R", "I", "DFL"})

#: Entity labels whose words are never a toponym, however capitalised ("in mid-May", "in August 2002"): a town named
#: May exists, but a date is a date.
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})

#: Buildings that name a government and are written without the article ("White House spokesman", "Kremlin aide"):
#: never the towns that share their names.
SEAT_NAMES = frozenset({"White House", "Kremlin", "Pentagon", "Downing Street", "Elysee", "Élysée", "Quai d'Orsay"})

#: Dependencies of a conjunct list ("Fizuli, Jabrayil and Tartar").
CONJ_DEPS = frozenset({"conj", "appos"})


@dataclass(slots=True)
class Mention:
    """A toponym found in the text: its tokens [start, end), the context word beside it, and how it was found;
    ``label`` when it only qualifies a name (the country of "the U.S. Army", a legislator's "D-Pleasanton"), which
    says nothing of where anything happened."""

    start: int
    end: int
    hint: str | None
    recovered: bool
    dateline: bool = False
    label: bool = False
