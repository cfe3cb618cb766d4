"""Every fogofwar pipeline component, registered with spaCy under its name, in pipeline order.

Importing this module registers the factories, so ``nlp.add_pipe("fogofwar_dates")`` works in any spaCy pipeline.
Each component is a ``Doc -> Doc`` callable that says what it reads and writes (``DOC_ATTRIBUTES``).
"""

from __future__ import annotations

from spacy.language import Language

from fogofwar.pipeline.actors import ActorsComponent
from fogofwar.pipeline.attribution import AttributionComponent
from fogofwar.pipeline.dates import DatesComponent
from fogofwar.pipeline.events import EventsComponent
from fogofwar.pipeline.extensions import register_extensions
from fogofwar.pipeline.framing import FramingComponent
from fogofwar.pipeline.places import PlacesComponent

register_extensions()

#: Our components, in the order they run: each may read what an earlier one wrote (DESIGN.md, "The flow of data").
COMPONENTS: tuple[str, ...] = (
    "fogofwar_dates",
    "fogofwar_places",
    "fogofwar_actors",
    "fogofwar_attribution",
    "fogofwar_events",
    "fogofwar_framing",
)


@Language.factory("fogofwar_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    """Canonical actors: reads the parse and entities; writes doc._.actors."""
    return ActorsComponent(nlp)


@Language.factory("fogofwar_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    """Claims: reads the parse, doc._.actors and paragraphs; writes doc._.claims (and adds speakers to actors)."""
    return AttributionComponent(nlp)


@Language.factory("fogofwar_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    """Time expressions resolved against the publication date: reads the parse, entities and doc._.published;
    writes doc._.dates."""
    return DatesComponent(nlp)


@Language.factory("fogofwar_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    """Toponyms resolved offline, with precision and role: reads the parse and entities; writes doc._.places."""
    return PlacesComponent(nlp)


@Language.factory("fogofwar_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    """PLOVER events: reads the parse, dates, places, actors, claims, casualties, losses; writes doc._.events."""
    return EventsComponent(nlp)


@Language.factory("fogofwar_framing")
def make_framing(nlp: Language, name: str) -> FramingComponent:
    """Framing markers and the outlet's lean: reads the parse and doc._.claims; writes doc._.framing."""
    return FramingComponent(nlp)
