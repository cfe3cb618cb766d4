"""Human-readable report of an article record (what ``fogofwar read`` prints without ``--json``)."""

from __future__ import annotations

from collections import Counter

from fogofwar.record import ArticleRecord

#: Width the report's wrapped lines keep to.
WIDTH = 100


def format_record(record: ArticleRecord) -> str:
    """Render one record as plain text: the article's metadata, then each section that has items."""
    article = record.article
    kinds = Counter(p.kind for p in article.paragraphs)
    lines = [
        article.headline or "(no headline)",
        f"  id {article.id}  published {article.published or 'unknown'}  outlet {article.outlet or 'unknown'}"
        f"  section {article.section or '-'}",
        "  paragraphs: " + ", ".join(f"{n} {kind}" for kind, n in kinds.items()),
    ]
    if record.entities:
        counts = Counter((e.label, e.text) for e in record.entities)
        lines.append(f"Entities ({len(record.entities)}):")
        labels = sorted({label for label, _ in counts})
        for label in labels:
            items = [f"{text} x{n}" if n > 1 else text for (lab, text), n in counts.items() if lab == label]
            lines.append(f"  {label:<12}" + "; ".join(items))
    lines.extend(format_framing(record))
    return "\n".join(lines)


def format_framing(record: ArticleRecord) -> list[str]:
    """The framing section: the lean with its score, then each marker with the side it favours and its voice."""
    framing = record.framing
    if not framing.markers:
        return []
    lines = [f"Framing: leans {framing.lean} (score {framing.score:.2f})"]
    for marker in framing.markers:
        lines.append(f"  {marker.text!r} favours {marker.favours} ({marker.voice})")
    return lines
