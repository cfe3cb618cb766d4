"""Score an ArticleRecord against a Gold file, section by section (DESIGN.md, "Gold files").

Matching rules, per section:
- places: a predicted place counts when its text or name equals the gold text or an alias (case-insensitive) and it
  lies within ``tolerance_km``; an ``unresolved_ok`` gold place also counts when predicted with precision
  ``unresolved`` and no coordinates. Predictions are grouped by text (one group per distinct place name); groups at
  country level and names in ``places_neutral`` are not judged. Precision = matching groups / groups; recall =
  gold places found / gold places.
- dates: predicted expressions of type ``date``, grouped by (text, value); a gold date matches a group with the same
  value whose text equals, contains or lies inside the gold text.
- claims: strict: the anchor lies inside the claim's content, polarity agrees, the source agrees (country + kind, and
  name where given, on the speaker or the actor it speaks for), ``quote`` agrees where the gold gives it, and a gold
  ``denies_anchor`` lies inside the content of the claim the prediction denies. Claims whose source is the outlet
  itself (narration) are not judged.
- casualties: strict: the anchor lies inside the evidence and low, high, outcome (one of the accepted), population,
  side, scope, claimant (``source``: null = narration) and ``as_of`` (where given) agree.
- events: an event matches when its type is one of the accepted types and the anchor lies inside one of its evidence
  spans; actor, recipient, places, date, status, modality and reported_by are scored as accuracies over the matched
  events (``events_actor_acc``...), because one wrong participant should not hide a correctly found event.
- framing: markers match when one text contains the other; the lean is scored as an accuracy.
Every section also reports, for the items whose anchor was found, how often each attribute was right
(``claims_source_acc``, ``casualties_side_acc``...), and lists every miss and every false positive with its text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fogofwar.evaluate.gold import Gold, GoldClaim, GoldPlace, GoldSource
from fogofwar.pipeline.actors.lexicon import lexicon
from fogofwar.record import Actor, ArticleRecord, Claim, Place, Span

#: Mean Earth radius in km (the IUGG value) for great-circle distances.
EARTH_RADIUS_KM = 6371.0088

#: Sections scored, in report order.
SECTIONS = ("places", "dates", "claims", "casualties", "events", "framing")

#: Words left out when an organisation's initials are compared with an abbreviation ("OIC").
INITIALS_SKIP = frozenset({"of", "the", "for", "and", "on", "in"})


@dataclass(slots=True)
class Tally:
    """Counts of one section: matched predictions, predictions, matched gold items, gold items; misses and extras."""

    pred_ok: int = 0
    pred: int = 0
    gold_ok: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, judged]

    @property
    def p(self) -> float:
        return self.pred_ok / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.gold_ok / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def judge(self, attribute: str, right: bool) -> None:
        """Count one judgement of an attribute on an item whose anchor was found."""
        counts = self.attributes.setdefault(attribute, [0, 0])
        counts[0] += int(right)
        counts[1] += 1

    def add(self, other: Tally) -> None:
        """Fold another article's tally of the same section into this one."""
        self.pred_ok += other.pred_ok
        self.pred += other.pred
        self.gold_ok += other.gold_ok
        self.gold += other.gold
        self.misses.extend(other.misses)
        self.false_positives.extend(other.false_positives)
        for name, (right, judged) in other.attributes.items():
            counts = self.attributes.setdefault(name, [0, 0])
            counts[0] += right
            counts[1] += judged


@dataclass(slots=True)
class Scores:
    """Scores of one or more articles: a Tally per section plus the article-metadata check."""

    sections: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in SECTIONS})
    article_right: int = 0
    article_judged: int = 0
    article_misses: list[str] = field(default_factory=list)
    articles: int = 0

    def add(self, other: Scores) -> None:
        """Fold another article's scores into these."""
        for name, tally in other.sections.items():
            self.sections[name].add(tally)
        self.article_right += other.article_right
        self.article_judged += other.article_judged
        self.article_misses.extend(other.article_misses)
        self.articles += other.articles

    def flat(self) -> dict[str, float]:
        """spaCy-style flat keys: ``places_p``, ``places_r``, ``places_f``, ``claims_source_acc``, ``article_acc``."""
        out: dict[str, float] = {}
        for name, tally in self.sections.items():
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f"] = tally.p, tally.r, tally.f
            for attribute, (right, judged) in sorted(tally.attributes.items()):
                out[f"{name}_{attribute}_acc"] = right / judged if judged else 0.0
        out["article_acc"] = self.article_right / self.article_judged if self.article_judged else 0.0
        return out

    def to_dict(self) -> dict[str, Any]:
        """Flat scores plus every miss and false positive, per section."""
        misses = {name: t.misses for name, t in self.sections.items() if t.misses}
        if self.article_misses:
            misses["article"] = self.article_misses
        return {
            "articles": self.articles,
            "scores": {k: round(v, 4) for k, v in self.flat().items()},
            "misses": misses,
            "false_positives": {name: t.false_positives for name, t in self.sections.items() if t.false_positives},
        }


def fold(text: str) -> str:
    """Case-, accent-, quote- and whitespace-insensitive form used for every text comparison."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def inside(anchor: str, text: str) -> bool:
    """True when the anchor phrase lies inside the text (after folding)."""
    return fold(anchor) in fold(text)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def initials(name: str) -> str:
    """Initials of an organisation's name, skipping small words ("Organisation of Islamic Cooperation" -> "oic")."""
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w and w not in INITIALS_SKIP]
    return "".join(w[0] for w in words)


def same_name(gold: str, predicted: str | None) -> bool:
    """Names agree when equal after folding, when one is the initials of the other (EU, OIC, UN), or when both are
    spellings the actor lexicon gives for one person or one organisation (Rami Abdel Rahman, Rami Abdulrahman;
    Doctors Without Borders, Medecins Sans Frontieres)."""
    if not predicted:
        return False
    g, p = fold(gold).replace("united nations", "un"), fold(predicted).replace("united nations", "un")
    if g == p or g.replace(".", "") in (initials(p), p.replace(".", "")) or p == initials(g):
        return True
    persons = known_spellings()
    return persons.get(g, g) == persons.get(p, p)


@cache
def known_spellings() -> dict[str, str]:
    """Every folded spelling of a well-known person or organisation in the actor lexicon -> its canonical name."""
    lex = lexicon()
    persons = {fold(alias): known.name for alias, known in lex.persons.items()} | {
        fold(known.name): known.name for known in lex.persons.values()
    }
    bodies = {fold(alias): org.name for alias, org in lex.organisations.items() if len(alias) > 3}
    return bodies | {fold(org.name): org.name for org in lex.organisations.values()} | persons


def speakers(actor_index: int | None, actors: Sequence[Actor]) -> list[Actor]:
    """The actor at an index and, for a person, the actor they speak for."""
    if actor_index is None or not 0 <= actor_index < len(actors):
        return []
    actor = actors[actor_index]
    found = [actor]
    if actor.affiliation is not None and 0 <= actor.affiliation < len(actors):
        found.append(actors[actor.affiliation])
    return found


def source_matches(gold: GoldSource, actor_index: int | None, actors: Sequence[Actor]) -> bool:
    """A gold source matches the actor (or the actor it speaks for) on country, kind and, where given, name. Gold
    gives a source the kind of the body it speaks for, and ``organisation`` to a person who speaks for none (a
    hospital manager, a resident named by the text): a person the extractor found no body for is read so."""
    candidates = speakers(actor_index, actors)
    names = [a.name for a in candidates]
    return any(
        c.country == gold.country
        and source_kind(c) == gold.kind
        and (gold.name is None or any(same_name(gold.name, n) for n in names))
        for c in candidates
    )


def source_kind(actor: Actor) -> str:
    """The kind a source is scored as: a person's body decides; a person with none is an ``organisation``, and so
    are civilians who speak ("residents said"), as the claims guidelines code unnamed sources (the actor keeps the
    kind ``civilians``, which events need for their victims)."""
    if actor.kind == "civilians" or (actor.kind == "person" and actor.affiliation is None):
        return "organisation"
    return actor.kind


def actor_matches(gold: str, actor_index: int | None, actors: Sequence[Actor]) -> bool:
    """A gold participant (an ISO3 code or an organisation's name or initials) matches a predicted actor."""
    return any(
        (len(gold) == 3 and gold.isupper() and c.country == gold) or same_name(gold, c.name)
        for c in speakers(actor_index, actors)
    )


def is_narration(claim: Claim, record: ArticleRecord) -> bool:
    """A claim whose source is the outlet itself (the outlet's own narration)."""
    actors = record.actors
    if not 0 <= claim.source < len(actors):
        return False
    source = actors[claim.source]
    return source.kind == "media" and (record.article.outlet is None or same_name(record.article.outlet, source.name))


def _text(span: Span, record: ArticleRecord) -> str:
    return span.text(record.article.text)


def _pair(
    tally: Tally,
    golds: Sequence[Any],
    preds: Sequence[Any],
    *,
    describe_gold: Callable[[Any], str],
    describe_pred: Callable[[Any], str],
    anchor_ok: Callable[[Any, Any], bool],
    attributes: dict[str, Callable[[Any, Any], bool]],
    required: frozenset[str] | None = None,
) -> None:
    """Match gold items to predictions: an anchor match first, then the ``required`` attributes (all by default).

    Each prediction serves one gold item. For each gold item the anchored candidate agreeing on most attributes is
    judged attribute by attribute (the ``*_acc`` keys); a match with a wrong optional attribute is listed too.
    """
    used: set[int] = set()
    tally.gold += len(golds)
    tally.pred += len(preds)
    for g in golds:
        candidates = [i for i, p in enumerate(preds) if i not in used and anchor_ok(g, p)]
        if not candidates:
            tally.misses.append(f"{describe_gold(g)} (no prediction at its anchor)")
            continue
        best = max(candidates, key=lambda i: sum(check(g, preds[i]) for check in attributes.values()))
        wrong = [name for name, check in attributes.items() if not check(g, preds[best])]
        for name in attributes:
            tally.judge(name, name not in wrong)
        matched = not set(wrong) & (set(attributes) if required is None else required)
        if wrong:
            state = "found" if matched else "not matched"
            tally.misses.append(f"{describe_gold(g)} ({state}; wrong {', '.join(wrong)}: {describe_pred(preds[best])})")
        if not matched:
            continue
        used.add(best)
        tally.gold_ok += 1
        tally.pred_ok += 1
    tally.false_positives.extend(describe_pred(p) for i, p in enumerate(preds) if i not in used)


def score_places(record: ArticleRecord, gold: Gold) -> Tally:
    """Places, grouped by predicted text (see the module docstring)."""
    tally = Tally()
    neutral = {fold(n) for n in gold.places_neutral}
    groups: dict[str, list[Place]] = {}
    for place in record.places:
        if place.precision == "country" or place.feature == "country":
            continue
        if fold(place.text) in neutral or (place.name and fold(place.name) in neutral):
            continue
        groups.setdefault(fold(place.text), []).append(place)

    def fits(g: GoldPlace, place: Place) -> bool:
        names = {fold(n) for n in g.names}
        if fold(place.text) not in names and not (place.name and fold(place.name) in names):
            return False
        if place.lat is not None and place.lon is not None and g.lat is not None and g.lon is not None:
            return bool(km_between(place.lat, place.lon, g.lat, g.lon) <= g.tolerance_km)
        return bool(g.unresolved_ok and place.precision == "unresolved")

    matched_groups: set[str] = set()
    tally.gold, tally.pred = len(gold.places), len(groups)
    for g in gold.places:
        hits = [key for key, places in groups.items() if any(fits(g, p) for p in places)]
        if hits:
            tally.gold_ok += 1
            matched_groups.update(hits)
        else:
            near = [p for key, ps in groups.items() for p in ps if fold(p.text) in {fold(n) for n in g.names}]
            detail = f"predicted at {near[0].lat},{near[0].lon} ({near[0].precision})" if near else "not found"
            tally.misses.append(f"{g.text} ({detail})")
    tally.pred_ok = len(matched_groups)
    tally.false_positives.extend(
        f"{ps[0].text} -> {ps[0].name} {ps[0].country} ({ps[0].precision})"
        for key, ps in groups.items()
        if key not in matched_groups
    )
    return tally


def score_dates(record: ArticleRecord, gold: Gold) -> Tally:
    """Dates by value, anchored on overlapping text."""
    groups = {(fold(d.text), d.value): d for d in record.dates if d.type == "date"}
    preds = list(groups.values())
    # Exact text matches are paired first, so "on Tuesday" does not take the prediction "later on Tuesday".
    golds = sorted(gold.dates, key=lambda g: not any(fold(p.text) == fold(g.text) for p in preds))
    tally = Tally()
    _pair(
        tally,
        golds,
        preds,
        describe_gold=lambda g: f"{g.text!r} = {g.value}",
        describe_pred=lambda p: f"{p.text!r} = {p.value}",
        anchor_ok=lambda g, p: fold(p.text) in fold(g.text) or fold(g.text) in fold(p.text),
        attributes={"value": lambda g, p: p.value == g.value},
    )
    return tally


def score_claims(record: ArticleRecord, gold: Gold) -> Tally:
    """Claims, strict (see the module docstring)."""
    claims = record.claims
    preds = [c for c in claims if not is_narration(c, record)]

    def denies_ok(g: GoldClaim, p: Claim) -> bool:
        if g.denies_anchor is None:
            return True
        return (
            p.denies is not None
            and 0 <= p.denies < len(claims)
            and inside(g.denies_anchor, _text(claims[p.denies].content, record))
        )

    def describe(p: Claim) -> str:
        who = ", ".join(f"{a.name} ({a.country}/{a.kind})" for a in speakers(p.source, record.actors)) or "?"
        return f"{who} {p.polarity} {p.cue!r}: {_text(p.content, record)[:80]!r}"

    tally = Tally()
    _pair(
        tally,
        gold.claims,
        preds,
        describe_gold=lambda g: f"{g.source} {g.polarity} {g.anchor!r}",
        describe_pred=describe,
        anchor_ok=lambda g, p: inside(g.anchor, _text(p.content, record)),
        attributes={
            "source": lambda g, p: source_matches(g.source, p.source, record.actors),
            "polarity": lambda g, p: p.polarity == g.polarity,
            "quote": lambda g, p: g.quote is None or p.quote == g.quote,
            "denies": denies_ok,
        },
    )
    return tally


def score_casualties(record: ArticleRecord, gold: Gold) -> Tally:
    """Casualties, strict (see the module docstring)."""
    claims = record.claims

    def claimant_ok(g: Any, p: Any) -> bool:
        if g.source is None:
            return p.claim is None or (0 <= p.claim < len(claims) and is_narration(claims[p.claim], record))
        return (
            p.claim is not None
            and 0 <= p.claim < len(claims)
            and source_matches(g.source, claims[p.claim].source, record.actors)
        )

    tally = Tally()
    _pair(
        tally,
        gold.casualties,
        list(record.casualties),
        describe_gold=lambda g: (
            f"{g.anchor!r} {g.low}-{g.high} {'/'.join(g.outcomes)} {g.population} {g.side} {g.scope}"
        ),
        describe_pred=lambda p: (
            f"{_text(p.evidence, record)!r} {p.low}-{p.high} {p.outcome} {p.population} {p.side} {p.scope}"
        ),
        anchor_ok=lambda g, p: inside(g.anchor, _text(p.evidence, record)),
        attributes={
            "low": lambda g, p: p.low == g.low,
            "high": lambda g, p: p.high == g.high,
            "outcome": lambda g, p: p.outcome in g.outcomes,
            "population": lambda g, p: p.population == g.population,
            "side": lambda g, p: p.side == g.side,
            "scope": lambda g, p: p.scope == g.scope,
            "source": claimant_ok,
            "as_of": lambda g, p: g.as_of is None or (p.as_of is not None and p.as_of.value == g.as_of),
        },
    )
    return tally


def score_events(record: ArticleRecord, gold: Gold) -> Tally:
    """Events: type + anchor decide the match; participants, place, date, status and modality are accuracies."""
    actors, places, claims = record.actors, record.places, record.claims
    aliases = {fold(g.text): {fold(n) for n in g.names} for g in gold.places}

    def place_names(p: Any) -> set[str]:
        names: set[str] = set()
        for i in p.places:
            if 0 <= i < len(places):
                names.update(fold(n) for n in (places[i].text, places[i].name) if n)
        return names

    def places_ok(g: Any, p: Any) -> bool:
        predicted = place_names(p)
        return len(g.places) == len(p.places) and all(aliases.get(fold(t), {fold(t)}) & predicted for t in g.places)

    def recipients_ok(g: Any, p: Any) -> bool:
        if len(g.recipients) != len(p.recipient):
            return False
        return all(any(actor_matches(r, i, actors) for i in p.recipient) for r in g.recipients)

    def reported_ok(g: Any, p: Any) -> bool:
        if g.reported_by is None:
            return True
        return any(0 <= c < len(claims) and source_matches(g.reported_by, claims[c].source, actors) for c in p.claims)

    tally = Tally()
    _pair(
        tally,
        gold.events,
        list(record.events),
        describe_gold=lambda g: f"{'/'.join(g.types)} {g.anchor!r}",
        describe_pred=lambda p: f"{p.type} {_text(p.evidence[0], record)[:80]!r}" if p.evidence else p.type,
        anchor_ok=lambda g, p: any(inside(g.anchor, _text(s, record)) for s in p.evidence),
        attributes={
            "type": lambda g, p: p.type in g.types,
            "actor": lambda g, p: (p.actor is None) if g.actor is None else actor_matches(g.actor, p.actor, actors),
            "recipient": recipients_ok,
            "places": places_ok,
            "date": lambda g, p: (p.when.value if p.when else None) == g.date,
            "status": lambda g, p: p.status == g.status,
            "modality": lambda g, p: p.modality == g.modality,
            "reported_by": reported_ok,
        },
        required=frozenset({"type"}),
    )
    tally.attributes.pop("type", None)
    return tally


def score_framing(record: ArticleRecord, gold: Gold) -> Tally:
    """Framing markers, grouped by predicted text and matched when one text contains the other; the lean as an
    accuracy. Precision = marker groups matching a gold marker / groups; recall = gold markers found / gold markers."""
    tally = Tally()
    if gold.framing is None:
        return tally
    groups: dict[str, str] = {}
    for marker in record.framing.markers:
        groups.setdefault(fold(marker.text), f"{marker.text!r} favours {marker.favours} ({marker.voice})")
    matched: set[str] = set()
    tally.gold, tally.pred = len(gold.framing.markers), len(groups)
    for g in gold.framing.markers:
        hits = [key for key in groups if inside(g, key) or inside(key, g)]
        matched.update(hits)
        if hits:
            tally.gold_ok += 1
        else:
            tally.misses.append(repr(g))
    tally.pred_ok = len(matched)
    tally.false_positives.extend(text for key, text in groups.items() if key not in matched)
    tally.judge("lean", record.framing.lean == gold.framing.lean)
    if record.framing.lean != gold.framing.lean:
        tally.misses.append(f"lean {gold.framing.lean} (predicted {record.framing.lean})")
    return tally


SCORERS: dict[str, Callable[[ArticleRecord, Gold], Tally]] = {
    "places": score_places,
    "dates": score_dates,
    "claims": score_claims,
    "casualties": score_casualties,
    "events": score_events,
    "framing": score_framing,
}


def score(record: ArticleRecord, gold: Gold) -> Scores:
    """Score one article's record against its gold file."""
    scores = Scores(sections={name: scorer(record, gold) for name, scorer in SCORERS.items()}, articles=1)
    article, expected = record.article, gold.article
    checks = {
        "published": expected.published is None or article.published == expected.published,
        "section": expected.section is None or article.section == expected.section,
        "outlet": expected.outlet is None or article.outlet == expected.outlet,
        "headline": expected.headline_anchor is None or inside(expected.headline_anchor, article.headline or ""),
    }
    scores.article_right, scores.article_judged = sum(checks.values()), len(checks)
    scores.article_misses = [f"{name} (in {gold.path})" for name, ok in checks.items() if not ok]
    return scores


def combine(all_scores: Iterable[Scores]) -> Scores:
    """Micro-average several articles' scores."""
    total = Scores()
    for s in all_scores:
        total.add(s)
    return total
