"""Choose the place each toponym of a text denotes, or none: population, the article's countries, and proximity.

Every candidate of a toponym gets a score (see the weights below): the log of its population, a bonus when the name
is the place's main name rather than one of its aliases, a bonus for countries (a bare "Armenia" is the country), a
bonus in proportion to how much the article is about the candidate's country, and a bonus when it lies near the
other places of the text. A toponym written before the place that holds it ("Dublin, Ohio") is kept inside it. The
first pass ranks without proximity and gives the article's countries and its confident places (anchors); further
rounds rank again with the latest choices. A toponym is left unresolved, with no coordinates,
when its best candidate is weak (a small place, known only by an alias, far from the article's countries and places)
rather than put on a far-away namesake.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fogofwar import countries
from fogofwar.gazetteer.fold import fold
from fogofwar.gazetteer.lookup import Candidate, Gazetteer

#: Mean Earth radius in km.
EARTH_RADIUS_KM = 6371.0088

#: Bonus when the toponym is the candidate's main name (an alias match is weaker: GeoNames aliases are noisy).
PRIMARY_BONUS = 2.0

#: Bonus for a country (and a further one for a first-level subdivision or region) whose main name the toponym
#: is: "Armenia" the country outranks Armenia, Colombia (a city of 300,000).
COUNTRY_BONUS = 4.0
REGION_BONUS = 1.0

#: Bonus for a first-level division (by its main name) of a country another toponym of the text is a division of:
#: "from the Kentucky border to the Georgia state line" names two US states, not a state and a country.
PEER_BONUS = 2.0

#: Bonus for a national capital: news names capitals far more often than their namesakes ("Moscow" in a local paper
#: is still Russia's capital unless the article's places say otherwise).
CAPITAL_BONUS = 1.5

#: Bonus, times the share of the article's country evidence that names the candidate's country.
FOCUS_WEIGHT = 5.0

#: Bonus, times the share (see ``LOCAL_EXPONENT``) of the article's confident places that lie in the candidate's
#: first-level subdivision (a local paper's "Alexandria" is the one in its state).
ADMIN1_WEIGHT = 6.0

#: The subdivision share is raised to this power: evidence concentrated on one state (a local paper) counts fully,
#: evidence spread over several ("Texas" and "New York" in a national story) much less, so Boston, New York (8,000)
#: does not beat Boston, Massachusetts (LGL 0.813 -> 0.814, GeoVirus 0.764 -> 0.765; 3 lost LGL's local pull).
LOCAL_EXPONENT = 2.0

#: Bonus for a candidate within ``NEAR_KM`` of an anchor (a confident place of the same text), and the distance.
NEAR_BONUS = 2.0
NEAR_KM = 250.0

#: Bonus, times the share of the text's other toponyms that some town or county of the candidate's first-level
#: subdivision bears as its main name, for a candidate in a focus country: a local paper's "Paris and Henry
#: County" are both in Tennessee. Kept below the gap between a capital and a namesake town of 10,000 (about 4) so
#: "Paris and London" stay in Europe even though Kentucky has both.
SUPPORT_WEIGHT = 3.0

#: A toponym that towns of many subdivisions bear ("Springfield") supports each of them less: its vote is divided
#: by the square root of their number (dividing by the number itself starved county names, which many states share,
#: of all weight: LGL 0.812 with the root, 0.808 with the number or with no support at all).
SPREAD_EXPONENT = 0.5

#: Bonus when the toponym's context word agrees with the candidate's kind ("the X region" and a region; "X village"
#: and a populated place), and the penalty when it disagrees.
HINT_BONUS = 1.5
HINT_PENALTY = 1.5

#: A first- or second-level subdivision named like a city inside it ("Idlib", "Füzuli", "Homs District") yields to
#: the city unless the context says region: news writes "the Idlib province" when it means the province.
SUBDIVISION_PENALTY = 2.5

#: A subdivision also yields to a namesake city of at least this population anywhere: a bare "Gaza" is the city, not
#: Mozambique's Gaza province, whose summed population would otherwise outrank it (the city rule above, widened to
#: cities news names without their country).
NAMESAKE_CITY_POPULATION = 50_000

#: Score below which a candidate is not trusted: the toponym stays unresolved. A village of 500 known by its main
#: name scores about 4.7; a hamlet known only by an alias, about 2.7.
MIN_SCORE = 3.5

#: A candidate outside the article's countries and their neighbours, and farther than ``NEAR_KM`` from every anchor,
#: needs this population to be chosen when the article has a clear focus (so Long Beach does not land in Australia).
STRAY_POPULATION = 100_000

#: Share of country evidence at or above which a country is one the article is about.
FOCUS_SHARE = 0.15

#: Confidence of a first-pass choice needed for it to be an anchor for its neighbours.
ANCHOR_CONFIDENCE = 0.75

#: Precisions of an anchor: a town or a county lies somewhere; a state's or a region's centre says little of what is
#: near it (a state's centre made the small town California, Pennsylvania "near" Pennsylvania in a list of states).
ANCHOR_PRECISIONS = frozenset({"point", "admin2"})

#: Rounds of ranking again with the other toponyms' latest choices after the first pass. One round let a first
#: pass mistake spread ("Georgia" taken for the country kept Gainesville out of the state); a second corrects it.
REFINEMENTS = 2

#: Candidates within this distance of the best are the same place for the margin (GeoNames lists a city twice).
SAME_PLACE_KM = 50.0

#: Context words that say what kind of place a toponym is.
REGION_HINTS = frozenset({"region", "province", "district", "governorate", "oblast", "state", "county", "area"})
POINT_HINTS = frozenset({"city", "town", "village", "settlement", "capital", "suburb", "neighbourhood", "camp"})

#: The context word given to a toponym followed by a town's institution ("Berea Police Department").
TOWN_HINT = "town"


#: Precisions of a place that can hold the place written before it: "Dublin, Ohio", "Athens, Greece".
CONTAINER_PRECISIONS = frozenset({"country", "admin1"})

#: Bonus for a candidate inside the larger place the text writes after it ("Dublin, Ohio"): the writer said which
#: one. It lifts a hamlet known by an alias (about 2.7) over ``MIN_SCORE``.
CONTAINED_BONUS = 3.0


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym to resolve: its name as written, the context word beside it ("region", "village"), if any, and the
    index (in the same list) of the toponym written right after it behind a comma ("Dublin, Ohio"), if any."""

    name: str
    hint: str | None = None
    within: int | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place a toponym denotes (None when unresolved) and the confidence of the choice."""

    place: Candidate | None
    confidence: float


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def hint_kind(hint: str | None) -> str | None:
    """'region' or 'point' for a context word, None for none."""
    if hint is None:
        return None
    word = hint.lower()
    if word in REGION_HINTS:
        return "region"
    return "point" if word in POINT_HINTS else None


def agrees(kind: str, candidate: Candidate) -> bool:
    """True when the candidate is of the kind a context word says: an area for 'region', a populated place for
    'point' (a country is neither: "the city of X" is not the country X)."""
    if kind == "point":
        return candidate.precision == "point"
    return candidate.precision in ("admin1", "admin2", "region")


def score(
    candidate: Candidate,
    toponym: Toponym,
    *,
    focus: Mapping[str, float],
    anchors: Sequence[Candidate],
    towns: frozenset[tuple[str | None, str | None]] = frozenset(),
    region: frozenset[str] = frozenset(),
    hinted: bool = False,
    local: Mapping[tuple[str | None, str | None], float] | None = None,
    support: Mapping[tuple[str | None, str | None], float] | None = None,
    peers: frozenset[str | None] = frozenset(),
) -> tuple[float, bool]:
    """The candidate's score and whether it strays (outside the focus countries and far from every anchor).

    ``towns`` are the (country, admin1) of the populated places among the candidates that bear the name as their
    main name: a subdivision named like a town inside it yields to the town unless the context says region.
    ``region`` holds the focus countries and their neighbours: a candidate there never strays. ``hinted`` says some
    candidate agrees with the toponym's context word; only then do the others lose ``HINT_PENALTY``.
    """
    value = math.log10(candidate.population + 10)
    if candidate.primary:
        value += PRIMARY_BONUS
        if candidate.precision == "country":
            value += COUNTRY_BONUS
        elif candidate.precision in ("admin1", "region"):
            value += REGION_BONUS
            citied = (candidate.country, candidate.admin1) in towns
            if candidate.precision == "admin1" and candidate.country in peers and not citied:
                value += PEER_BONUS  # not to a province named like its city ("Idlib, Hama"): the city rule holds
    if candidate.feature == "capital":
        value += CAPITAL_BONUS
    share = focus.get(candidate.country or "", 0.0)
    value += FOCUS_WEIGHT * share
    if local and candidate.admin1:
        value += ADMIN1_WEIGHT * local.get((candidate.country, candidate.admin1), 0.0) ** LOCAL_EXPONENT
    if support and candidate.admin1 and share >= FOCUS_SHARE:
        value += SUPPORT_WEIGHT * support.get((candidate.country, candidate.admin1), 0.0)
    near = any(
        a.place_id != candidate.place_id and km_between(a.lat, a.lon, candidate.lat, candidate.lon) <= NEAR_KM
        for a in anchors
    )
    if near:
        value += NEAR_BONUS
    kind = hint_kind(toponym.hint)
    if kind is not None:
        if agrees(kind, candidate):
            value += HINT_BONUS
        elif hinted:
            value -= HINT_PENALTY
    elif candidate.precision in ("admin1", "admin2") and (candidate.country, candidate.admin1) in towns:
        value -= SUBDIVISION_PENALTY
    focused = bool(focus) and max(focus.values()) >= FOCUS_SHARE
    strays = focused and (candidate.country or "") not in region and not near and candidate.precision != "country"
    return value, strays


def choose(
    candidates: Sequence[Candidate],
    toponym: Toponym,
    *,
    focus: Mapping[str, float],
    anchors: Sequence[Candidate],
    region: frozenset[str] = frozenset(),
    local: Mapping[tuple[str | None, str | None], float] | None = None,
    held: bool = False,
    support: Mapping[tuple[str | None, str | None], float] | None = None,
    peers: frozenset[str | None] = frozenset(),
) -> Resolution:
    """The best candidate, or an unresolved Resolution when none is trustworthy. ``held`` says the candidates are
    those inside the larger place the text writes after the toponym ("Dublin, Ohio"): they never stray."""
    if any(c.primary and c.precision == "country" for c in candidates):
        # A country's main name is no other place's nickname: "Mexico" is not Mexico City.
        candidates = [c for c in candidates if c.primary]
    if not candidates:
        return Resolution(None, 0.0)
    points = [c for c in candidates if c.primary and c.precision == "point"]
    towns = frozenset((c.country, c.admin1) for c in points)
    # A subdivision the name is only an alias of yields to a town inside it the name is also an alias of: "Hama" is
    # the city, not the Ḩamāh governorate.
    named = {(c.country, c.admin1) for c in candidates if c.primary and c.precision in ("admin1", "admin2")}
    towns |= {(c.country, c.admin1) for c in candidates if c.precision == "point" and not c.primary} - named
    if any(c.population >= NAMESAKE_CITY_POPULATION for c in points):
        towns |= {(c.country, c.admin1) for c in candidates if c.precision in ("admin1", "admin2")}
    kind = hint_kind(toponym.hint)
    hinted = kind is not None and any(agrees(kind, c) for c in candidates)
    scored = sorted(
        (
            (
                *score(
                    c,
                    toponym,
                    focus=focus,
                    anchors=anchors,
                    towns=towns,
                    region=region,
                    hinted=hinted,
                    local=local,
                    support=support,
                    peers=peers,
                ),
                c,
            )
            for c in candidates
        ),
        key=lambda s: -s[0],
    )
    best_score, strays, best = scored[0]
    if held:
        best_score, strays = best_score + CONTAINED_BONUS, False
    if best_score < MIN_SCORE or (strays and best.population < STRAY_POPULATION):
        return Resolution(None, 0.0)
    rivals = [s for s, _, c in scored[1:] if km_between(c.lat, c.lon, best.lat, best.lon) > SAME_PLACE_KM]
    margin = best_score - rivals[0] if rivals else 3.0
    confidence = round(1 / (1 + math.exp(-1.5 * margin)), 3)
    return Resolution(best, confidence)


def focus_shares(countries: Mapping[str, float]) -> dict[str, float]:
    """Each country's share of the article's country evidence."""
    total = sum(countries.values())
    return {c: n / total for c, n in countries.items()} if total else {}


def surroundings(focus: Mapping[str, float], gazetteer: Gazetteer) -> frozenset[str]:
    """The focus countries (share at least ``FOCUS_SHARE``) and their land neighbours."""
    core = {c for c, share in focus.items() if share >= FOCUS_SHARE}
    return frozenset(core.union(*(gazetteer.neighbours(c) for c in core)))


def resolve(
    toponyms: Sequence[Toponym],
    gazetteer: Gazetteer,
    countries: Mapping[str, float] | None = None,
) -> list[Resolution]:
    """Resolve the toponyms of one text together.

    ``countries`` counts the ISO alpha-2 countries the text names in other ways (demonyms, "Azerbaijan's army").
    The first pass ranks each toponym with that evidence alone (and the other toponyms' namesakes, ``supports``); a
    toponym written before the place that holds it ("Dublin, Ohio") is then kept to the candidates inside it, and so
    are the text's other mentions of its name; then ``REFINEMENTS`` rounds rank every toponym again with the other
    toponyms' latest choices (``refine``). A toponym's own mentions never count as evidence for it (or "Athens" would
    confirm itself in Greece).
    """
    pools: list[Sequence[Candidate]] = [gazetteer.candidates(t.name) for t in toponyms]
    base, counties = text_evidence(toponyms, pools, gazetteer, countries or {})
    focus = focus_shares(base)
    region = surroundings(focus, gazetteer)
    backing = supports(toponyms, pools)

    def first_pass(held: Sequence[bool]) -> list[Resolution]:
        return [
            choose(pool, t, focus=focus, anchors=(), region=region, local=shares(counties), held=h, support=backing[i])
            for i, (pool, t, h) in enumerate(zip(pools, toponyms, held, strict=True))
        ]

    held = hold(toponyms, pools, first_pass([False] * len(toponyms)))
    results = first_pass(held)
    for _ in range(REFINEMENTS):
        results = refine(pools, toponyms, results, gazetteer, base=base, counties=counties, held=held, support=backing)
    return results


def text_evidence(
    toponyms: Sequence[Toponym],
    pools: Sequence[Sequence[Candidate]],
    gazetteer: Gazetteer,
    countries: Mapping[str, float],
) -> tuple[dict[str, float], dict[tuple[str | None, str | None], float]]:
    """The text's country evidence (its country words and the countries of the US counties it names) and its
    state evidence (those counties' states)."""
    base: dict[str, float] = defaultdict(float, countries)
    counties: dict[tuple[str | None, str | None], float] = defaultdict(float)
    for t, pool in zip(toponyms, pools, strict=True):
        # A county the text names (unresolvable: no coordinates) still tells which state the text is about.
        states = gazetteer.counties(t.name) if not pool or "county" in fold(t.name) else ()
        for state in states:
            counties[state] += 1 / len(states)
        if states:
            base[states[0][0]] += 1
    return base, counties


def hold(toponyms: Sequence[Toponym], pools: list[Sequence[Candidate]], first: Sequence[Resolution]) -> list[bool]:
    """Keep each toponym written before the place that holds it ("Dublin, Ohio") to the candidates inside that
    place, and that place to the sense that holds them (``holder``); the text's other mentions of the name follow
    (one sense per text: "Athens, Greece ... in Athens"). ``pools`` is changed in place; returns which are held."""
    held = [False] * len(toponyms)
    for i, t in enumerate(toponyms):
        j = t.within
        found = holder(pools[i], pools[j], first[j].place) if j is not None and not held[j] else None
        if found is not None and j is not None:
            container, inside = found
            pools[i], pools[j], held[i], held[j] = inside, (container,), True, True
    placed = {fold(t.name): pools[i] for i, t in enumerate(toponyms) if held[i] and t.within is not None}
    for i, t in enumerate(toponyms):
        key = fold(t.name)
        if not held[i] and pools[i] and key in placed:
            pools[i], held[i] = placed[key], True
    return held


def refine(
    pools: Sequence[Sequence[Candidate]],
    toponyms: Sequence[Toponym],
    previous: Sequence[Resolution],
    gazetteer: Gazetteer,
    *,
    base: Mapping[str, float],
    counties: Mapping[tuple[str | None, str | None], float],
    held: Sequence[bool],
    support: Sequence[Mapping[tuple[str | None, str | None], float]],
) -> list[Resolution]:
    """Each toponym ranked again with the other toponyms' previous choices as evidence: their countries, their
    first-level subdivisions, and the confident ones as anchors for proximity."""
    keys = [fold(t.name) for t in toponyms]
    results = []
    for i, (pool, t) in enumerate(zip(pools, toponyms, strict=True)):
        evidence = defaultdict(float, base)
        # The text's own country words include this toponym when it is one ("Georgia"): they are no evidence for it.
        own = country_of_word(t.name)
        if own is not None:
            evidence[own] = max(0.0, evidence[own] - keys.count(keys[i]))
        local = defaultdict(float, counties)
        anchors: list[Candidate] = []
        peers: set[str | None] = set()
        for j, r in enumerate(previous):
            if keys[j] == keys[i] or r.place is None:
                continue
            if r.place.country:
                evidence[r.place.country] += r.confidence
            if r.confidence >= ANCHOR_CONFIDENCE and r.place.precision != "country":
                if r.place.precision in ANCHOR_PRECISIONS:
                    anchors.append(r.place)
                if r.place.admin1:
                    local[(r.place.country, r.place.admin1)] += 1
                if r.place.precision == "admin1":
                    peers.add(r.place.country)
        own_focus = focus_shares(evidence)
        region = surroundings(own_focus, gazetteer)
        results.append(
            choose(
                pool,
                t,
                focus=own_focus,
                anchors=anchors,
                region=region,
                local=shares(local),
                held=held[i],
                support=support[i],
                peers=frozenset(peers),
            )
        )
    return results


def supports(
    toponyms: Sequence[Toponym], pools: Sequence[Sequence[Candidate]]
) -> list[dict[tuple[str | None, str | None], float]]:
    """For each toponym, each first-level subdivision's share of the text's other toponyms that some town or
    county of that subdivision bears as its main name ("Paris and Henry County": Tennessee has both)."""
    keys = [fold(t.name) for t in toponyms]
    areas: dict[str, frozenset[tuple[str | None, str | None]]] = {}
    for key, pool in zip(keys, pools, strict=True):
        areas[key] = frozenset(
            (c.country, c.admin1) for c in pool if c.primary and c.admin1 and c.precision in ("point", "admin2")
        )
    found = []
    for key in keys:
        others = [area for other, area in areas.items() if other != key and area]
        counts: dict[tuple[str | None, str | None], float] = defaultdict(float)
        for area in others:
            for place in area:
                counts[place] += 1 / len(others) / len(area) ** SPREAD_EXPONENT
        found.append(dict(counts))
    return found


def holder(
    pool: Sequence[Candidate], outer: Sequence[Candidate], chosen: Candidate | None
) -> tuple[Candidate, tuple[Candidate, ...]] | None:
    """The place the toponym written after this one denotes when it holds one of this toponym's candidates, with
    those candidates: its own first choice if that holds any, else its likeliest sense that does ("Atlanta,
    Georgia": the US state, not the country). None when no sense of it holds any, or when its first choice is no
    country or division (a town in a list of towns)."""
    if chosen is not None and chosen.precision not in CONTAINER_PRECISIONS:
        return None  # "Avdiivka, Donetsk and Horlivka": a list of towns, not a town in the Donetsk oblast
    for container in (chosen, *outer) if chosen is not None else outer:
        inside = contained(pool, container)
        if inside:
            return container, inside
    return None


def contained(pool: Sequence[Candidate], container: Candidate | None) -> tuple[Candidate, ...]:
    """The candidates inside the place the text writes after the toponym ("Dublin, Ohio"), or none when that place
    is no country or first-level division, or the toponym is itself one outside it ("Texas, Oklahoma" is a list)."""
    if container is None or container.precision not in CONTAINER_PRECISIONS:
        return ()
    inside = tuple(
        c
        for c in pool
        if c.country == container.country and (container.precision == "country" or c.admin1 == container.admin1)
    )
    peers = any(c.primary and c.precision in CONTAINER_PRECISIONS and c not in inside for c in pool)
    return () if peers else inside


def country_of_word(name: str) -> str | None:
    """ISO alpha-2 of the country a country name or capital denotes ("Georgia" -> GE), else None."""
    word = countries.lookup(name)
    if word is None or word.kind == "demonym":
        return None
    return countries.iso3_to_iso2(word.iso3)


def shares(counts: Mapping[tuple[str | None, str | None], float]) -> dict[tuple[str | None, str | None], float]:
    """Each subdivision's share of the subdivision evidence."""
    total = sum(v for v in counts.values() if v > 0)
    return {k: v / total for k, v in counts.items() if v > 0} if total else {}
