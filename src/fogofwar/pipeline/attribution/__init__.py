"""Attribution: every statement the article attributes, with its source, cue, polarity, content and denial links.

``fogofwar_attribution`` reads the parse, doc._.actors and the paragraph spans; writes doc._.claims (record.Claim)
and may add actors to doc._.actors (the outlet itself, and speakers the actors component did not know). In order:

1. direct quotes with their attribution before or after ("“…,” Erdogan said", "X said: “…”"), over several
   sentences when the quote runs on; a paragraph that is only a quote continues the quote before it;
2. cue verbs from ``data/cues.json`` ("said", "told … that", "reported", "accused … of", "denied"), their
   speaker (the subject; a pronoun continues a speaker; "the statement said" is its author) and content (the
   complement clause or object; the rest of the sentence when the parse leaves the speaker dangling: "…, X said");
3. "according to X";
4. denials: "Armenia denied the shelling" points to the earlier claim by another party that it shares most words
   with; "in a claim that Armenia denied" to the claim it closes; "called the reports fabricated" is a denial;
5. every sentence no claim covers is the outlet's own narration (source = the outlet, kind ``media``).
"""

from fogofwar.pipeline.attribution.component import AttributionComponent, Attributor
from fogofwar.pipeline.attribution.lexicon import PENDING, Cues, Draft, cues

__all__ = ["PENDING", "AttributionComponent", "Attributor", "Cues", "Draft", "cues"]
