"""Human-readable report of an article record (what ``fogofwar read`` prints without ``--json``)."""

from __future__ import annotations

from collections import Counter

from fogofwar.record import NARRATION_CUE, ArticleRecord, Span

#: Characters of a claim's content or an event's evidence shown before it is cut with an ellipsis.
SNIPPET = 90


def format_record(record: ArticleRecord) -> str:
    """Render one record as plain text: the article's metadata, then each extracted section that has items."""
    article = record.article
    kinds = Counter(p.kind for p in article.paragraphs)
    lines = [
        article.headline or "(no headline)",
        f"  id {article.id}  published {article.published or 'unknown'}  outlet {article.outlet or 'unknown'}"
        f"  section {article.section or '-'}",
        "  paragraphs: " + ", ".join(f"{n} {kind}" for kind, n in kinds.items()),
    ]
    for section in (format_claims, format_casualties, format_events, format_places, format_dates, format_framing):
        lines.extend(section(record))
    return "\n".join(lines)


def snippet(record: ArticleRecord, span: Span) -> str:
    """The text of a span, cut to ``SNIPPET`` characters."""
    text = " ".join(span.text(record.article.text).split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def actor_label(record: ArticleRecord, index: int | None) -> str:
    """An actor as "name (country kind)", with the body a person speaks for."""
    if index is None or not 0 <= index < len(record.actors):
        return "?"
    actor = record.actors[index]
    label = f"{actor.name} ({actor.country or '-'} {actor.kind})"
    if actor.affiliation is not None and 0 <= actor.affiliation < len(record.actors):
        label += f" for {record.actors[actor.affiliation].name}"
    return label


def format_claims(record: ArticleRecord) -> list[str]:
    """Who says what: every attributed claim with its source and cue, denials pointing at what they deny."""
    attributed = [(i, c) for i, c in enumerate(record.claims) if c.cue != NARRATION_CUE]
    if not attributed:
        return []
    narrated = len(record.claims) - len(attributed)
    lines = [f"Claims ({len(attributed)} attributed, {narrated} sentences of the outlet's own narration):"]
    for i, claim in attributed:
        marks = [m for m in ("quote" if claim.quote else "", f"via {claim.channel}" if claim.channel else "") if m]
        if claim.denies is not None:
            marks.append(f"denies #{claim.denies}")
        extra = f" [{', '.join(marks)}]" if marks else ""
        verb = "DENIES" if claim.polarity == "deny" else claim.cue
        lines.append(f"  #{i} {actor_label(record, claim.source)} {verb}{extra}: «{snippet(record, claim.content)}»")
    return lines


def format_casualties(record: ArticleRecord) -> list[str]:
    """Human tolls and materiel losses with their figures, side, scope and claimant."""
    lines = []
    if record.casualties:
        lines.append(f"Casualties ({len(record.casualties)}):")
    for item in record.casualties:
        figure = f"{item.low}" if item.low == item.high else f"{item.low or '?'}-{item.high or ''}"
        who = actor_label(record, record.claims[item.claim].source) if item.claim is not None else "narration"
        past = " historical" if item.historical else ""
        lines.append(
            f"  {figure} {item.outcome} {item.population} side {item.side or '-'} {item.scope}{past}, per {who}: "
            f"«{snippet(record, item.evidence)}»"
        )
    if record.losses:
        lines.append(f"Losses ({len(record.losses)}):")
    for loss in record.losses:
        figure = f"{loss.low}" if loss.low == loss.high else f"{loss.low or '?'}-{loss.high or ''}"
        lines.append(
            f"  {figure} {loss.item} {loss.outcome} side {loss.side or '-'}: «{snippet(record, loss.evidence)}»"
        )
    return lines


def format_events(record: ArticleRecord) -> list[str]:
    """Events: type, who did it to whom, where and when, status and modality, and the words that tell it."""
    if not record.events:
        return []
    lines = [f"Events ({len(record.events)}):"]
    for event in record.events:
        recipients = ", ".join(actor_label(record, r) for r in event.recipient) or "-"
        places = ", ".join(record.places[p].name or record.places[p].text for p in event.places) or "-"
        when = event.when.value if event.when is not None and event.when.value else "-"
        mode = f"/{event.mode}" if event.mode else ""
        lines.append(
            f"  {event.type}{mode} {actor_label(record, event.actor) if event.actor is not None else '-'} -> "
            f"{recipients} at {places} on {when} [{event.status}, {event.modality}]: "
            f"«{snippet(record, event.evidence[0])}»"
        )
    return lines


def format_places(record: ArticleRecord) -> list[str]:
    """Places with their resolution and role, one line per distinct name."""
    if not record.places:
        return []
    seen: dict[tuple[str, str], int] = Counter((p.text, p.role) for p in record.places)
    lines = [f"Places ({len(record.places)}):"]
    shown = set()
    for place in record.places:
        key = (place.text, place.role)
        if key in shown:
            continue
        shown.add(key)
        where = f"{place.lat:.3f},{place.lon:.3f}" if place.lat is not None and place.lon is not None else "no point"
        count = f" x{seen[key]}" if seen[key] > 1 else ""
        resolved = f"{place.name or '?'} {place.country or ''} {where} {place.precision}"
        lines.append(f"  {place.text}{count} -> {resolved} ({place.role})")
    return lines


def format_dates(record: ArticleRecord) -> list[str]:
    """Time expressions with their resolved values."""
    if not record.dates:
        return []
    lines = [f"Dates ({len(record.dates)}):"]
    for when in record.dates:
        detail = f"{when.value} ({when.precision})" if when.type == "date" else f"{when.value} (duration)"
        lines.append(f"  {' '.join(when.text.split())!r} -> {detail}")
    return lines


def format_framing(record: ArticleRecord) -> list[str]:
    """The framing section: the lean with its score, then each marker with the side it favours and its voice."""
    framing = record.framing
    if not framing.markers:
        return []
    lines = [f"Framing: leans {framing.lean} (score {framing.score:.2f})"]
    for marker in framing.markers:
        lines.append(f"  {marker.text!r} favours {marker.favours} ({marker.voice})")
    return lines
