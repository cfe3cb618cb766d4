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

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar import countries
from fogofwar.pipeline.actors import actor_spans, lexicon
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.pipeline.quotes import inner, quoted_ranges
from fogofwar.record import NARRATION_CUE, Actor, ActorKind, Claim, Span

#: How many tokens after a closing quotation mark (or before an opening one) the speech verb may lie:
#: '” U.S. Air Force Colonel John Dorrian, a coalition spokesman, told' puts it 12 tokens after; the search also
#: stops at the end of the sentence and at the next quotation.
QUOTE_VERB_WINDOW = 15

#: A quotation shorter than this many words is a scare quote or a term ("destroyed"), not a statement.
MIN_QUOTE_WORDS = 4

#: Share of a paragraph a quotation must fill to continue the previous paragraph's quote when unattributed.
CONTINUATION_SHARE = 0.9

#: Confidence of claims resolved by weaker rules: a continued quote, a speaker found by its position only.
CONTINUATION_CONFIDENCE = 0.7
POSITIONAL_CONFIDENCE = 0.8

#: Confidence of a denial linked by shared words rather than by syntax.
LINK_CONFIDENCE = 0.8

#: A wire dateline at the start of a lead sentence: "GAZA, Oct 18 (Reuters) - ", "KYIV (AP) — ".
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^()\n]{0,30})?\s*\([A-Za-z][\w .&-]*\)\s*[-–—]+\s*")

#: Reflexive objects: "describes itself as" is a self-description, not a claim about the world.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})

#: Source of a claim whose speaker is "it", "they" or "the statement": the source of the claim before it, filled in
#: once every claim is known.
PENDING = -1

#: Confidence of a speaker the actors component did not know (a new actor made from the subject's words).
NEW_SPEAKER_CONFIDENCE = 0.5

#: Prepositions that name the body a speaker speaks for ("a spokesman for", "officials of").
OWNER_PREPS = frozenset({"for", "of", "at", "from", "with"})

#: Cue verbs whose relative clause says something of its noun ("the attack that Washington blamed on Assad").
RELATIVE_CUES = frozenset({"blame", "claim", "report", "allege", "confirm", "attribute"})

#: Verbs whose content is their object and a prepositional phrase ("accused rebels of using gas", "blamed the
#: attack on Assad", "blamed Assad for the attack").
BLAME_PREPS = {"accuse": ("of", "over"), "blame": ("on", "for"), "charge": ("with",)}

#: Dependency labels of a speech verb's complement, in order of preference.
COMPLEMENT_DEPS = ("ccomp", "xcomp")

#: Children of a speech verb that are part of the attribution, not of what is claimed ("said on Tuesday",
#: "said in a statement").
ATTRIBUTION_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "aux", "neg", "cc", "agent", "dative", "prt"})

#: Kinds that speak for a state (in a civil war, its armed groups are the other side).
STATE_KINDS = frozenset({"state", "government", "military", "person"})

#: Subjects that stand for the last party to speak ("it said", "they added").
CONTINUING_PRONOUNS = frozenset({"it", "they"})

#: Word stems shorter than this do not count when a denial is matched to the claim it denies.
MIN_STEM = 4
STEM_LENGTH = 5

#: Paragraph kinds whose sentences are narration when nobody is said to have said them (not subheadings).
NARRATED_KINDS = frozenset({"headline", "caption", "body"})


@dataclass(frozen=True, slots=True)
class Cues:
    """The contents of ``data/cues.json``."""

    assert_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    negated_deny: frozenset[str]
    object_content: frozenset[str]
    deny_labels: frozenset[str]
    label_verbs: frozenset[str]
    claim_nouns: frozenset[str]


@cache
def cues() -> Cues:
    """Load the attribution cues shipped with the package."""
    data = json.loads(resources.files("fogofwar").joinpath("data/cues.json").read_text(encoding="utf-8"))
    return Cues(
        assert_verbs=frozenset(data["assert"]),
        deny_verbs=frozenset(data["deny"]),
        negated_deny=frozenset(data["negated_deny"]),
        object_content=frozenset(data["object_content"]),
        deny_labels=frozenset(data["deny_labels"]),
        label_verbs=frozenset(data["label_verbs"]),
        claim_nouns=frozenset(data["claim_nouns"]),
    )


@dataclass(slots=True)
class Draft:
    """A claim being built; ``denies`` points to another draft until indices are known."""

    source: int
    cue: str
    polarity: str
    content: tuple[int, int]
    evidence: tuple[int, int]
    quote: bool = False
    channel: str | None = None
    confidence: float = 1.0
    denies: Draft | None = None
    closes: Token | None = None  # the noun a relative-clause denial hangs on ("a claim that X denied")
    verb: int | None = None


@dataclass(slots=True)
class Attributor:
    """Finds the claims of one document."""

    doc: Doc
    actors: list[Actor]
    cues: Cues = field(default_factory=cues)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    used_verbs: set[int] = field(default_factory=set)
    actor_at: dict[int, int] = field(default_factory=dict)
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.doc.text  # Doc.text joins every token: read it once
        self.quotes = list(quoted_ranges(self.text))
        for start, end, i in actor_spans(self.actors):
            for offset in range(start, end):
                self.actor_at.setdefault(offset, i)

    def run(self) -> list[Claim]:
        self.quoted_speech()
        self.speech_verbs()
        self.according_to()
        self.continued_quotes()
        self.cut_contents()
        self.resolve_pending()
        self.link_denials()
        self.narration()
        return self.freeze()

    # -- 1. direct quotes --------------------------------------------------------------------------------------

    def quoted_speech(self) -> None:
        for start, end in self.quotes:
            content = inner(self.text, start, end)
            if len(self.text[content[0] : content[1]].split()) < MIN_QUOTE_WORDS:
                continue
            verb = self.verb_after(end) or self.verb_before(start)
            if verb is None:
                continue
            source = self.speaker(verb)
            if source is None:
                continue
            source_index, confidence = source
            self.used_verbs.add(verb.i)
            evidence = (min(start, verb.idx), max(end, self.attribution_end(verb)))
            self.drafts.append(
                Draft(
                    source_index,
                    verb.lemma_.lower(),
                    "assert",
                    content,
                    evidence,
                    quote=True,
                    channel=self.channel(verb),
                    confidence=confidence,
                    verb=verb.i,
                )
            )

    def verb_after(self, end: int) -> Token | None:
        """A speech verb just after a closing quotation mark, in the same sentence ("…,” he added")."""
        first = self.token_at(end)
        if first is None:
            return None
        sent = first.sent
        between = self.doc[first.i : min(first.i + QUOTE_VERB_WINDOW, sent.end)]
        for token in between:
            if self.inside_quote(token.idx):
                return None
            if token.pos_ == "VERB" and token.lemma_.lower() in self.cues.assert_verbs:
                # Only the speaker may stand between the quote and its verb (not "…”, but his spokesman said").
                subject = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                gap = self.doc[first.i : token.i]
                if all(t.i in subject or t.is_punct or t.pos_ in ("ADV", "AUX") for t in gap):
                    return token
                return None
        return None

    def verb_before(self, start: int) -> Token | None:
        """A speech verb just before an opening quotation mark ("X said: “…”")."""
        first = self.token_at(start)
        if first is None or first.i == 0:
            return None
        previous = self.doc[first.i - 1]
        if previous.text not in (":", ",") and previous.lemma_.lower() not in self.cues.assert_verbs:
            return None
        low = max(first.sent.start, first.i - QUOTE_VERB_WINDOW)
        for token in reversed(self.doc[low : first.i]):
            if (
                token.pos_ == "VERB"
                and token.lemma_.lower() in self.cues.assert_verbs
                and not self.inside_quote(token.idx)
            ):
                return token
        return None

    # -- 2. speech verbs ---------------------------------------------------------------------------------------

    def speech_verbs(self) -> None:
        lemmas = self.cues.assert_verbs | self.cues.deny_verbs | self.cues.label_verbs
        for token in self.doc:
            lemma = token.lemma_.lower()
            if lemma not in lemmas or token.i in self.used_verbs or not verbal(token) or self.inside_quote(token.idx):
                continue
            labelled = lemma in self.cues.label_verbs and self.labelled_false(token) is not None
            if lemma in self.cues.deny_verbs or labelled:
                self.verb_claim(token, "deny")
            elif lemma in self.cues.label_verbs and described_as(token):
                self.verb_claim(token, "assert")  # "Russia described the attack as an aggression"
            elif lemma in self.cues.assert_verbs:
                negated = any(c.dep_ == "neg" for c in token.children)
                if negated and lemma in self.cues.negated_deny:
                    self.verb_claim(token, "deny")
                elif not negated:
                    self.verb_claim(token, "assert")

    def verb_claim(self, verb: Token, polarity: str) -> None:
        """The claim a cue verb makes, when it has both a speaker and a content."""
        has_agent = any(c.dep_ == "agent" for c in verb.children)
        if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN" and not has_agent:  # "the reported attack"
            return
        closes = self.closed_noun(verb) if polarity == "deny" else None
        if closes is not None:
            content: tuple[int, int] | None = self.noun_phrase(closes, verb)
        elif (relativised := self.relativised(verb)) is not None:  # "an attack that Washington blamed on Assad"
            content = self.trim(relativised.left_edge.i, verb.left_edge.i - 1)
        else:
            content = self.content(verb, polarity)
        if content is None or content[1] <= content[0]:
            return
        source = self.speaker(verb)
        if source is None:
            return
        source_index, confidence = source
        self.used_verbs.add(verb.i)
        quote = any(qs <= content[0] and content[1] <= qe for qs, qe in self.quotes)
        sent = verb.sent
        evidence = (min(content[0], self.attribution_start(verb)), max(content[1], self.attribution_end(verb)))
        evidence = (max(evidence[0], sent.start_char), min(evidence[1], sent.end_char))
        cue = verb.lemma_.lower() if not any(c.dep_ == "neg" for c in verb.children) else f"not {verb.lemma_.lower()}"
        for speaker in [source_index, *self.co_speakers(verb, source_index)]:
            self.drafts.append(
                Draft(
                    speaker,
                    cue,
                    polarity,
                    content,
                    evidence,
                    quote=quote,
                    channel=self.channel(verb),
                    confidence=confidence,
                    closes=closes,
                    verb=verb.i,
                )
            )

    def content(self, verb: Token, polarity: str) -> tuple[int, int] | None:  # noqa: PLR0911 - one per form
        """What a cue verb reports: its complement clause, its object for verbs of that kind, else the rest of the
        sentence on the far side of the attribution."""
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if lemma in BLAME_PREPS and obj is not None:  # "accused rebels of using toxic gas", "blamed it on Assad"
            preps = [c for c in [*children, *obj.children] if c.dep_ == "prep" and c.lower_ in BLAME_PREPS[lemma]]
            if preps:
                return self.trim(obj.left_edge.i, max(p.right_edge.i for p in preps))
        if lemma in self.cues.label_verbs and obj is not None:  # "described the attack as an aggression"
            as_phrase = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if as_phrase is not None:
                return self.trim(obj.left_edge.i, as_phrase.right_edge.i)
        for dep in COMPLEMENT_DEPS:
            comp = next((c for c in children if c.dep_ == dep), None)
            if comp is not None and (dep == "ccomp" or lemma in self.cues.object_content or polarity == "deny"):
                start = comp.left_edge.i
                if obj is not None and obj.right_edge.i + 1 == start:  # "deny Damascus carried out": the
                    start = obj.left_edge.i  # parser took the clause's subject for the verb's object
                return self.trim(start, comp.right_edge.i)
        if polarity == "deny" or lemma in self.cues.object_content:
            obj = next((c for c in children if c.dep_ in ("dobj", "attr")), None)
            if obj is not None and obj.pos_ != "PRON":
                return self.trim(obj.left_edge.i, obj.right_edge.i)
            if obj is not None:  # "denied it": the content is what "it" stands for, found when linking
                return self.trim(obj.i, obj.i)
        if any(c.dep_ in ("dobj", "attr", "oprd") for c in children):  # "declared a state of war": an act
            return None
        return self.rest_of_sentence(verb)

    def rest_of_sentence(self, verb: Token) -> tuple[int, int] | None:
        """The content of a speech verb whose complement the parser lost: the sentence before "…, X said", or
        after "X said (that)"."""
        sent = verb.sent
        start = self.attribution_start(verb)
        end_token = self.doc[max(verb.i, self.attribution_end_token(verb).i)]
        if start > sent.start_char:  # "…, Azerbaijan's ministry said on Tuesday."
            first = self.token_at(start)
            assert first is not None
            last = first.i - 1
            while last >= sent.start and self.doc[last].is_punct:
                last -= 1
            if last >= sent.start and end_token.i >= last_word(sent).i:
                return self.trim(sent.start, last)
        after = end_token.i + 1
        while after < sent.end and self.doc[after].lower_ in ("that", ":", ","):
            after += 1
        if after < last_word(sent).i:
            return self.trim(after, sent.end - 1)
        return None

    def labelled_false(self, verb: Token) -> Token | None:
        """The word that makes "called/dismissed X as <false>" a denial, or None."""
        for child in verb.subtree:
            if child.lower_ in self.cues.deny_labels and child.i > verb.i:
                return child
        return None

    def relativised(self, verb: Token) -> Token | None:
        """The noun a relative clause with a cue verb says something of ("the attack that X blamed on Y", "an
        account backed by Iran"), when the verb has no object or clause of its own."""
        if verb.dep_ not in ("relcl", "acl") or verb.head.i > verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
            return None
        if verb.lemma_.lower() not in RELATIVE_CUES:
            return None
        own = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.tag_ != "WDT")]
        return None if own else verb.head

    def closed_noun(self, verb: Token) -> Token | None:
        """The claim noun a relative-clause denial hangs on ("in a claim that Armenia denied" -> claim)."""
        head = verb.head
        if verb.dep_ in ("relcl", "acl") and head.lower_ in self.cues.claim_nouns and head.i < verb.i:
            return head
        return None

    def noun_phrase(self, noun: Token, verb: Token) -> tuple[int, int]:
        start = noun.left_edge.i
        return self.trim(start, max(verb.i, noun.right_edge.i))

    # -- speakers ----------------------------------------------------------------------------------------------

    def speaker(self, verb: Token) -> tuple[int, float] | None:  # noqa: PLR0911 - one return per way to find one
        """The actor who says it (``PENDING`` for "it said", resolved once every claim is known), and how sure we
        are."""
        subject = self.own_subject(verb) or self.quoted_as_saying(verb)
        if subject is None:
            found = self.adjacent_actor(verb)
            if found is not None:
                return found, POSITIONAL_CONFIDENCE
            subject = self.subject(verb)
            if subject is None:
                return None
        relative = subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and subject.idx not in self.actor_at
        if relative:  # "the RSF, which denied involvement" (but "WHO said" is the organisation)
            subject = verb.head
        if subject.lower_ in CONTINUING_PRONOUNS:
            return PENDING, POSITIONAL_CONFIDENCE
        found = self.actor_of_phrase(subject)
        if found is not None:
            return found, self.actors[found].confidence
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in subject.children)
        if subject.lemma_.lower() in lexicon().statement_nouns and definite:  # "the statement said"
            return PENDING, POSITIONAL_CONFIDENCE
        if subject.pos_ in ("PRON", "DET", "NUM"):
            return None
        return self.new_speaker(subject), NEW_SPEAKER_CONFIDENCE

    def quoted_as_saying(self, verb: Token) -> Token | None:
        """The speaker of "Reuters quoted the State Department as saying that …": the object of "quoted"."""
        if verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.head.lemma_.lower() != "quote":
            return None
        quoted = verb.head.head  # "… quoted X as saying", or "X was quoted as saying"
        return next((c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")), None)

    def actor_of_phrase(self, head: Token) -> int | None:
        """The actor a noun phrase names: at its head, its modifiers, or the body after "for"/"of" ("a spokesman
        for the White Helmets") — not actors named deeper inside it ("the centre for reconciliation in Syria")."""
        tokens = [head] + [t for child in head.lefts for t in child.subtree]
        tokens += [t for child in head.rights if child.dep_ == "appos" for t in child.subtree]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        tokens += [obj] + [t for child in obj.lefts for t in child.subtree]
        for token in tokens:
            found = self.actor_at.get(token.idx)
            if found is not None:
                return found
        return None

    def co_speakers(self, verb: Token, first: int) -> list[int]:
        """Other actors joined to the subject by "and" ("Government and opposition forces denied ..."), each a
        speaker of its own claim."""
        subject = self.own_subject(verb)
        if subject is None and self.adjacent_actor(verb) is None:
            subject = self.subject(verb)
        found: list[int] = []
        if subject is None:
            return found
        for conj in subject.conjuncts:
            other = self.actor_of_phrase(conj)
            if other is not None and other != first and other not in found:
                found.append(other)
        return found

    def own_subject(self, verb: Token) -> Token | None:
        """The verb's own subject (or the agent of a passive), without looking at verbs it is joined to."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None:
            return subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject; a verb joined to another by "and"/"but" shares its subject."""
        token: Token | None = verb
        while token is not None:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
            if subject is not None:
                return subject
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            joined = token.dep_ in ("conj", "xcomp") or (
                token.dep_ == "advcl" and (token.tag_ == "VBG" or infinitive(token))
            )
            token = token.head if joined and token.head.i != token.i else None  # "…, adding that …", "went on to say"
        return None

    def adjacent_actor(self, verb: Token) -> int | None:
        """An actor named right before the verb ("…, Azerbaijan's ministry said") or right after ("said Erdogan")."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ in ("ADV", "AUX", "PART") and self.doc[i].tag_ != "POS":
            i -= 1
        if i >= 0 and (found := self.actor_at.get(self.doc[i].idx)) is not None:
            return found
        if verb.i == 0 or not self.doc[verb.i - 1].is_punct:  # inversion only after a quote or comma: ', said X.'
            return None
        j = verb.i + 1
        while j < len(self.doc) and self.doc[j].pos_ == "DET":
            j += 1
        if j < len(self.doc) and (found := self.actor_at.get(self.doc[j].idx)) is not None:
            return found
        return None

    def new_speaker(self, subject: Token) -> int:
        """An actor for a speaker the actors component did not know ("sources", "a Reuters witness")."""
        tokens = [
            t for t in subject.subtree if t.i <= subject.i and not (t.i == subject.left_edge.i and t.pos_ == "DET")
        ]
        text = "".join(t.text_with_ws for t in tokens).strip()
        country = next((w.iso3 for t in tokens if (w := countries.lookup(t.text)) is not None), None)
        ents = [e for e in subject.doc.ents if e.start <= subject.i < e.end]
        kind: ActorKind = "person" if ents and ents[0].label_ == "PERSON" else "organisation"
        return self.add_actor(
            Actor(text=text, name=text, kind=kind, evidence=(self.span_of(tokens),), country=country, confidence=0.5)
        )

    def add_actor(self, actor: Actor) -> int:
        for i, known in enumerate(self.actors):
            if (known.name, known.kind, known.country) == (actor.name, actor.kind, actor.country):
                if actor.evidence and actor.evidence[0] not in known.evidence:
                    self.actors[i] = Actor(
                        known.text,
                        known.name,
                        known.kind,
                        known.evidence + actor.evidence,
                        known.country,
                        known.affiliation,
                        known.confidence,
                    )
                return i
        self.actors.append(actor)
        for span in actor.evidence:
            for offset in range(span.start, span.end):
                self.actor_at.setdefault(offset, len(self.actors) - 1)
        return len(self.actors) - 1

    def channel(self, verb: Token) -> str | None:
        """The outlet a statement was given to ("told Russia's Interfax news agency" -> Interfax)."""
        if verb.lemma_.lower() != "tell":
            return None
        target = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if target is None:
            return None
        for token in target.subtree:
            found = self.actor_at.get(token.idx)
            if found is not None and self.actors[found].kind == "media":
                return self.actors[found].name
        ents = [e for e in verb.doc.ents if e.label_ == "ORG" and target.left_edge.i <= e.start <= target.i]
        return ents[0].text if ents else None

    # -- 3. according to ---------------------------------------------------------------------------------------

    def according_to(self) -> None:
        for token in self.doc:
            if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
                continue
            to = self.doc[token.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None or self.inside_quote(token.idx):
                continue
            sent = token.sent
            phrase_end = obj.right_edge.i
            if token.i == sent.start or (token.i - sent.start <= 1 and self.doc[sent.start].is_punct):
                after = phrase_end + 1
                while after < sent.end and self.doc[after].is_punct:
                    after += 1
                content = self.trim(after, sent.end - 1) if after < sent.end - 1 else None
            else:
                content = self.trim(sent.start, token.i - 1)
            if content is None or content[1] <= content[0]:
                continue
            found = next((self.actor_at[t.idx] for t in obj.subtree if t.idx in self.actor_at), None)
            said = [d for d in self.drafts if sent.start_char <= d.evidence[0] < sent.end_char and d.verb != token.i]
            if said:  # "X said …, according to Press TV": the outlet relayed X's claim, it is its channel
                name = self.actors[found].name if found is not None else obj.text
                for draft in said:
                    draft.channel = draft.channel or name
                continue
            source = found if found is not None else self.new_speaker(obj)
            self.drafts.append(
                Draft(source, "according to", "assert", content, (sent.start_char, sent.end_char), verb=token.i)
            )

    def cut_contents(self) -> None:
        """End a claim's content before what is not part of it: a participle that starts another claim ("…,
        reiterating that …"), the outlet it was told to ("told Reuters that …"), "in a statement on its channel"."""
        doc = self.doc
        verbs = {d.verb for d in self.drafts if d.verb is not None}
        for draft in self.drafts:
            if draft.quote:
                continue
            span = doc.char_span(draft.content[0], draft.content[1], alignment_mode="expand")
            if span is None or not len(span):
                continue
            first, last = span.start, span.end - 1
            for token in span:
                cue = token.i in verbs or token.lemma_.lower() in self.cues.assert_verbs
                if cue and token.dep_ == "advcl" and token.tag_ == "VBG" and token.i > first:
                    last = min(last, token.i - 1)
                if (
                    token.dep_ == "prep"
                    and token.lower_ == "in"
                    and token.i > first
                    and any(c.dep_ == "pobj" and c.lemma_.lower() in lexicon().statement_nouns for c in token.children)
                ):
                    last = min(last, token.i - 1)
            if draft.verb is not None and doc[draft.verb].lemma_.lower() == "tell":
                told = [c for c in doc[draft.verb].children if c.dep_ in ("dobj", "dative")]
                if told and told[0].left_edge.i <= first <= told[0].right_edge.i:  # "told AFP that …"
                    first = told[0].right_edge.i + 1
            if (first, last) != (span.start, span.end - 1) and last >= first:
                draft.content = self.trim(first, last)

    def resolve_pending(self) -> None:
        """ "It said", "the statement said": the source of the nearest claim before, in text order."""
        ordered = sorted(self.drafts, key=lambda d: d.evidence[0])
        last: int | None = None
        for draft in ordered:
            if draft.source == PENDING and last is not None:
                draft.source = last
            if draft.source != PENDING:
                last = draft.source
        self.drafts = [d for d in self.drafts if d.source != PENDING]

    # -- continued quotes --------------------------------------------------------------------------------------

    def continued_quotes(self) -> None:
        """A paragraph that is only an unattributed quote continues the quote of the paragraph before it."""
        text = self.text
        for paragraph in self.doc.spans.get(PARAGRAPHS_KEY, ()):
            start, end = paragraph.start_char, paragraph.end_char
            for qs, qe in self.quotes:
                if not (start <= qs < end) or (qe - qs) < CONTINUATION_SHARE * len(text[start:end].strip()):
                    continue
                if any(d.content[0] >= qs and d.content[1] <= qe for d in self.drafts):
                    continue
                before = [d for d in self.drafts if d.quote and d.evidence[1] <= qs]
                if not before:
                    continue
                last = max(before, key=lambda d: d.evidence[1])
                if text.count("\n\n", last.evidence[1], qs) > 1:  # only the next paragraph continues a quote
                    continue
                content = inner(text, qs, qe)
                self.drafts.append(
                    Draft(
                        last.source,
                        last.cue,
                        "assert",
                        content,
                        (qs, qe),
                        quote=True,
                        confidence=CONTINUATION_CONFIDENCE,
                    )
                )

    # -- 4. denials --------------------------------------------------------------------------------------------

    def link_denials(self) -> None:
        for draft in self.drafts:
            if draft.polarity != "deny":
                continue
            if draft.closes is not None:
                draft.denies = self.closed_claim(draft)
            else:
                draft.denies = self.denied_by_words(draft)

    def closed_claim(self, denial: Draft) -> Draft | None:
        """The claim a relative-clause denial closes: the one whose content holds its claim noun; that claim's
        content ends before the phrase that carries the denial."""
        assert denial.closes is not None
        noun = denial.closes
        holders = [d for d in self.drafts if d is not denial and d.content[0] <= noun.idx < d.content[1]]
        if not holders:  # "…, an accusation dismissed by the government": the claim just before, same sentence
            sent = noun.sent
            before = [
                d
                for d in self.drafts
                if d is not denial and sent.start_char <= d.evidence[0] and d.content[1] <= noun.idx
            ]
            if before:
                return max(before, key=lambda d: d.content[1])
            return self.denied_by_words(denial)
        holder = min(holders, key=lambda d: d.content[1] - d.content[0])
        cut = noun.head if noun.head.dep_ == "prep" else noun.left_edge
        cut_at = self.trim(self.token_at(holder.content[0]).i, cut.i - 1) if cut.idx > holder.content[0] else None  # type: ignore[union-attr]
        if cut_at is not None and cut_at[1] > cut_at[0]:
            holder.content = cut_at
        return holder

    def denied_by_words(self, denial: Draft) -> Draft | None:
        """The earlier claim by another party that shares most content words with the denial (the most recent
        one when the denial names no content: "denied it", "rejected the claims")."""
        denier = self.actors[denial.source]
        inside = [d for d in self.drafts if d is not denial and denial.content[0] <= d.evidence[0] < denial.content[1]]
        if inside:  # "Russia claims capture of Bakhmut, Kyiv denies": the claim is what is denied
            return inside[0]
        words = self.stems(denial.content)
        # A denial in a relative clause ("the RSF, which denied involvement") is the outlet's aside, not reported
        # inside the claim around it: that claim may be the one denied.
        aside = denial.verb is not None and self.doc[denial.verb].dep_ == "relcl"
        candidates = [
            d
            for d in self.drafts
            if d is not denial
            and d.polarity == "assert"
            and (aside or not d.content[0] <= denial.evidence[0] < d.content[1])  # the claim reporting the denial
            and d.evidence[0] < denial.evidence[0]
            and not self.same_side(self.actors[d.source], denier)
        ]
        if not candidates:
            return None
        if not words:
            denial.confidence = min(denial.confidence, LINK_CONFIDENCE)
            return max(candidates, key=lambda d: d.evidence[0])
        scored = [(len(words & self.stems(d.content)), d.evidence[0], d) for d in candidates]
        best = max(scored, key=lambda item: (item[0], item[1]))
        if best[0] > 0:
            return best[2]
        if aside:  # "…, blaming the RSF, which denied involvement": the claim of the same sentence
            sent = self.doc[denial.verb].sent if denial.verb is not None else None
            same = [d for d in candidates if sent is not None and sent.start_char <= d.evidence[0] < sent.end_char]
            return same[-1] if same else None
        return None

    def stems(self, span: tuple[int, int]) -> set[str]:
        """Content-word stems of a span (a crude stemmer: the first letters of each long word)."""
        found = set()
        for token in self.doc.char_span(span[0], span[1], alignment_mode="expand") or ():
            word = token.lower_
            if token.is_alpha and not token.is_stop and len(word) >= MIN_STEM and word not in self.cues.claim_nouns:
                found.add(word[:STEM_LENGTH])
        return found

    def same_side(self, a: Actor, b: Actor) -> bool:
        """One party: the same actor, or the same country on the same side of a civil war (its state organs, or
        its armed groups)."""
        if a is b:
            return True
        return a.country is not None and a.country == b.country and (a.kind in STATE_KINDS) == (b.kind in STATE_KINDS)

    # -- 5. narration ------------------------------------------------------------------------------------------

    def narration(self) -> None:
        """Each sentence that no claim covers is the outlet speaking in its own voice."""
        article = self.doc._.article
        outlet = article.outlet if article is not None and article.outlet else "the outlet"
        covered = [(min(d.evidence[0], d.content[0]), max(d.evidence[1], d.content[1])) for d in self.drafts]
        source: int | None = None
        for paragraph in self.doc.spans.get(PARAGRAPHS_KEY, ()):
            if paragraph.label_ not in NARRATED_KINDS:
                continue
            for sent in paragraph.sents:
                start, end = self.trim(sent.start, sent.end - 1) if len(sent) else (0, 0)
                if end <= start or not any(t.pos_ in ("VERB", "AUX") for t in sent):
                    continue
                if any(s < end and start < e for s, e in covered):
                    continue
                if source is None:
                    known = lexicon().organisations.get(outlet)
                    country = known.country if known is not None else None
                    source = self.add_actor(Actor(text=outlet, name=outlet, kind="media", evidence=(), country=country))
                self.drafts.append(Draft(source, NARRATION_CUE, "assert", (start, end), (start, end)))

    # -- output ------------------------------------------------------------------------------------------------

    def freeze(self) -> list[Claim]:
        ordered = sorted(self.drafts, key=lambda d: (d.evidence[0], d.content[0]))
        position = {id(d): i for i, d in enumerate(ordered)}
        return [
            Claim(
                source=d.source,
                cue=d.cue,
                polarity=d.polarity,  # type: ignore[arg-type]
                content=Span(*d.content),
                evidence=Span(*d.evidence),
                quote=d.quote,
                denies=position.get(id(d.denies)) if d.denies is not None else None,
                channel=d.channel,
                confidence=d.confidence,
            )
            for d in ordered
        ]

    # -- helpers -----------------------------------------------------------------------------------------------

    def trim(self, first: int, last: int) -> tuple[int, int]:
        """Character range of tokens ``first..last`` without edge punctuation, quotation marks, "that" or a wire
        dateline ("GAZA, Oct 18 (Reuters) -")."""
        doc = self.doc
        if first <= last and first < len(doc):
            dateline = DATELINE.match(self.text, doc[first].idx)
            if dateline is not None:
                after = doc.char_span(dateline.end(), doc[last].idx + len(doc[last]), alignment_mode="contract")
                if after is not None and len(after):
                    first = after.start
        while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].lower_ == "that"):
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            if doc[last].text == ")" and "(" in doc[first:last].text:
                break
            last -= 1
        if last < first:
            edge = doc[first].idx if first < len(doc) else len(self.text)
            return edge, edge
        return doc[first].idx, doc[last].idx + len(doc[last])

    def attribution_start(self, verb: Token) -> int:
        subject = self.own_subject(verb)
        if subject is not None and subject.i < verb.i:
            return subject.left_edge.idx
        if (found := self.adjacent_actor(verb)) is not None:
            before = [s.start for s in self.actors[found].evidence if s.start < verb.idx and s.end >= verb.idx - 2]
            if before:
                return min(before)
        if (subject := self.subject(verb)) is not None and subject.i < verb.i:
            return subject.left_edge.idx
        i = verb.i
        while i > verb.sent.start and not self.doc[i - 1].is_punct:
            i -= 1
        return self.doc[i].idx

    def attribution_end_token(self, verb: Token) -> Token:
        last = verb
        for child in verb.rights:
            if child.dep_ in ATTRIBUTION_DEPS and not child.is_punct:
                last = child.right_edge if child.right_edge.i > last.i else last
            else:
                break
        return last

    def attribution_end(self, verb: Token) -> int:
        last = self.attribution_end_token(verb)
        return last.idx + len(last)

    def token_at(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, min(offset + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def inside_quote(self, offset: int) -> bool:
        return any(s < offset < e - 1 for s, e in self.quotes)

    def span_of(self, tokens: Iterable[Token]) -> Span:
        tokens = list(tokens)
        return Span(min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def described_as(verb: Token) -> bool:
    """ "Russia described the attack as an aggression": a characterisation of something else (not "describes
    itself as a neutral group", a self-description)."""
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    reflexive = any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)
    return has_as and not reflexive


def infinitive(token: Token) -> bool:
    """A word after infinitival "to" ("went on to state"), whatever the tagger called it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def verbal(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun in a verb's place ("to state that")."""
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and infinitive(token))


def last_word(sent: SpacySpan) -> Token:
    """The sentence's last token that is neither punctuation nor space."""
    for token in reversed(sent):
        if not (token.is_punct or token.is_space):
            return token
    return sent[-1]


class AttributionComponent:
    """``fogofwar_attribution``: reads the parse, doc._.actors and paragraphs; writes doc._.claims (and adds the
    outlet and unknown speakers to doc._.actors)."""

    def __init__(self, nlp: Language) -> None:
        self.cues = cues()

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc._.actors or ())
        attributor = Attributor(doc, actors, self.cues)
        doc._.claims = attributor.run()
        doc._.actors = attributor.actors
        return doc
