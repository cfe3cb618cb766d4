"""Events: PLOVER type and mode, actor -> recipient, places, date, the claims behind them, status and modality.

Reads the parse, doc._.dates, doc._.places, doc._.actors, doc._.claims, doc._.casualties and doc._.losses (each
optional: a missing one leaves its part of the event empty) and writes doc._.events, one Event per happening in the
article: mentions of the same happening (the headline and the lead telling one attack) are merged, keeping every
evidence span.
"""

from fogofwar.pipeline.events.component import EventsComponent
from fogofwar.pipeline.events.participants import modality

__all__ = ["EventsComponent", "modality"]
