"""Choose the place each toponym of a text denotes, or none: population, the article's countries, and proximity.

Every candidate of a toponym gets a score (see the weights below): the log of its population, a bonus when the name
is the place's main name rather than one of its aliases, a bonus for countries (a bare "Armenia" is the country), a
bonus in proportion to how much the article is about the candidate's country, and a bonus when it lies near the
other places of the text. Two passes: the first ranks without proximity and gives the article's countries and its
confident places (anchors); the second ranks again with them. A toponym is left unresolved, with no coordinates,
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

#: Bonus for a national capital: news names capitals far more often than their namesakes ("Moscow" in a local paper
#: is still Russia's capital unless the article's places say otherwise).
CAPITAL_BONUS = 1.5

#: Bonus, times the share of the article's country evidence that names the candidate's country.
FOCUS_WEIGHT = 5.0

#: Bonus, times the share of the article's confident places that lie in the candidate's first-level subdivision
#: (a local paper's "Alexandria" is the one in its state).
ADMIN1_WEIGHT = 6.0

#: Bonus for a candidate within ``NEAR_KM`` of an anchor (a confident place of the same text), and the distance.
NEAR_BONUS = 2.0
NEAR_KM = 250.0

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

#: Candidates within this distance of the best are the same place for the margin (GeoNames lists a city twice).
SAME_PLACE_KM = 50.0

#: Context words that say what kind of place a toponym is.
REGION_HINTS = frozenset({"region", "province", "district", "governorate", "oblast", "state", "county", "area"})
POINT_HINTS = frozenset({"city", "town", "village", "settlement", "capital", "suburb", "neighbourhood", "camp"})


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym to resolve: its name as written and the context word beside it ("region", "village"), if any."""

    name: str
    hint: str | None = None


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
    if candidate.feature == "capital":
        value += CAPITAL_BONUS
    share = focus.get(candidate.country or "", 0.0)
    value += FOCUS_WEIGHT * share
    if local and candidate.admin1:
        value += ADMIN1_WEIGHT * local.get((candidate.country, candidate.admin1), 0.0)
    near = any(
        a.place_id != candidate.place_id and km_between(a.lat, a.lon, candidate.lat, candidate.lon) <= NEAR_KM
        for a in anchors
    )
    if near:
        value += NEAR_BONUS
    kind = hint_kind(toponym.hint)
    is_area = candidate.precision in ("admin1", "admin2", "region")
    if kind is not None:
        if (kind == "region") == is_area:
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
) -> Resolution:
    """The best candidate, or an unresolved Resolution when none is trustworthy."""
    if not candidates:
        return Resolution(None, 0.0)
    points = [c for c in candidates if c.primary and c.precision == "point"]
    towns = frozenset((c.country, c.admin1) for c in points)
    if any(c.population >= NAMESAKE_CITY_POPULATION for c in points):
        towns |= {(c.country, c.admin1) for c in candidates if c.precision in ("admin1", "admin2")}
    kind = hint_kind(toponym.hint)
    hinted = any((kind == "region") == (c.precision in ("admin1", "admin2", "region")) for c in candidates)
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
                    hinted=hinted and kind is not None,
                    local=local,
                ),
                c,
            )
            for c in candidates
        ),
        key=lambda s: -s[0],
    )
    best_score, strays, best = scored[0]
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
    The first pass ranks each toponym with that evidence alone; the second adds the other toponyms' first-pass
    choices: their countries, their first-level subdivisions, and the confident ones as anchors for proximity. A
    toponym's own mentions never count as evidence for it (or "Athens" would confirm itself in Greece).
    """
    pools = [gazetteer.candidates(t.name) for t in toponyms]
    keys = [fold(t.name) for t in toponyms]
    base: dict[str, float] = defaultdict(float, countries or {})
    counties: dict[tuple[str | None, str | None], float] = defaultdict(float)
    for t, pool in zip(toponyms, pools, strict=True):
        # A county the text names (unresolvable: no coordinates) still tells which state the text is about.
        states = gazetteer.counties(t.name) if not pool or "county" in fold(t.name) else ()
        for state in states:
            counties[state] += 1 / len(states)
        if states:
            base[states[0][0]] += 1
    focus = focus_shares(base)
    first = [
        choose(pool, t, focus=focus, anchors=(), region=surroundings(focus, gazetteer), local=shares(counties))
        for pool, t in zip(pools, toponyms, strict=True)
    ]
    results = []
    for i, (pool, t) in enumerate(zip(pools, toponyms, strict=True)):
        evidence = defaultdict(float, base)
        # The text's own country words include this toponym when it is one ("Georgia"): they are no evidence for it.
        own = country_of_word(t.name)
        if own is not None:
            evidence[own] = max(0.0, evidence[own] - keys.count(keys[i]))
        local = defaultdict(float, counties)
        anchors: list[Candidate] = []
        for j, r in enumerate(first):
            if keys[j] == keys[i] or r.place is None:
                continue
            if r.place.country:
                evidence[r.place.country] += r.confidence
            if r.confidence >= ANCHOR_CONFIDENCE and r.place.precision != "country":
                anchors.append(r.place)
                if r.place.admin1:
                    local[(r.place.country, r.place.admin1)] += 1
        own_focus = focus_shares(evidence)
        region = surroundings(own_focus, gazetteer)
        results.append(choose(pool, t, focus=own_focus, anchors=anchors, region=region, local=shares(local)))
    return results


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
