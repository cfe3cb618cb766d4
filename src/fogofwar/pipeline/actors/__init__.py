"""Actors: canonical actors from their mentions, with country (ISO alpha-3), kind and, for a person, affiliation.

``fogofwar_actors`` reads the parse and entities and writes ``doc._.actors`` (a list of record.Actor, in order of first
mention; each actor's ``evidence`` holds every mention, so later components map a token to its actor). Mentions:

- named organisations from ``data/actors.json`` (IGOs, armed groups, monitors, news agencies, "the Kremlin");
- countries and their organs: "Azerbaijan's Defence Ministry", "Armenian forces", "Azerbaijani military officials",
  "Karabakh forces" (a breakaway region's forces take the country given in ``regions``); officials and authorities of
  a country are the country's government, one actor with it;
- a country or its capital as the subject of a verb ("Armenia denied", "Baku welcomed") is its government; a
  country named anywhere else is the state;
- persons with their titles and affiliations ("European Commission spokesman Peter Stano", "Hikmet Hajiyev, assistant
  to the president ... for Azerbaijan's Presidency", "his Turkish counterpart Recep Tayyip Erdogan"); a later
  "Erdogan" is the same person;
- coreference by rule (no offline coreference model exists on the registry): "the ministry" is the last ministry
  named, "the organisation" the last organisation, "he"/"she" the last person who spoke or acted.
"""

from fogofwar.pipeline.actors.component import ActorsComponent, ActorTable
from fogofwar.pipeline.actors.lexicon import Lexicon, actor_spans, lexicon

__all__ = ["ActorTable", "ActorsComponent", "Lexicon", "actor_spans", "lexicon"]
