"""The custom attributes our components read and write on a spaCy Doc (``doc._.NAME``), declared in one place.

Each extractor writes a list of records from ``fogofwar.record`` into its attribute; an attribute left at ``None``
means the component that fills it did not run. The runner sets ``article`` before any component runs; a component
used in someone else's pipeline reads the publication date from ``doc._.published`` instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Doc attributes, each with the component that writes it ("runner" for what the runner sets before the pipeline).
DOC_ATTRIBUTES: dict[str, str] = {
    "article": "runner",  # fogofwar.record.Article being annotated
    "published": "runner",  # ISO publication date, or None when unknown
    "dates": "fogofwar_dates",
    "places": "fogofwar_places",
    "actors": "fogofwar_actors",
    "claims": "fogofwar_attribution",
    "casualties": "fogofwar_casualties",
    "losses": "fogofwar_casualties",
    "events": "fogofwar_events",
    "framing": "fogofwar_framing",
}

#: Key of ``doc.spans`` holding one span per paragraph, labelled with its kind (headline, caption, heading, body).
PARAGRAPHS_KEY = "fogofwar_paragraphs"


def register_extensions() -> None:
    """Declare every ``doc._`` attribute fogofwar uses (idempotent)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
