"""Reported speech: cue verbs ("said", "told … that", "accused … of", "denied", "described … as"), "according to
X", and where each claim's content begins and ends."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from fogofwar.pipeline.actors import lexicon
from fogofwar.pipeline.attribution.lexicon import (
    ADDRESSEE_VERBS,
    BLAME_PREPS,
    CLAUSE_ONLY_VERBS,
    COMPLEMENT_DEPS,
    PENDING,
    QUOTED_SHARE,
    RELATIVE_CUES,
    SOURCE_PHRASE_DEPS,
    Draft,
    described_as,
    last_word,
    verbal,
)
from fogofwar.pipeline.attribution.speakers import SpeakerRules


class ReportedSpeech(SpeakerRules):
    """Claims made through a speech or denial verb, or "according to"."""

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
        if any(c.dep_ == "auxpass" for c in verb.children) and not has_agent:  # "more dead were feared to be
            return  # buried": nobody is said to have said it
        if verb.tag_ == "VBN" and verb.i == verb.sent.start:  # a byline: "Posted on July 20 by Asharq Al-Awsat"
            return
        closes = self.closed_noun(verb) if polarity == "deny" else None
        if closes is not None:
            content: tuple[int, int] | None = self.noun_phrase(closes, verb)
        elif (relativised := self.relativised(verb)) is not None:  # "an attack that Washington blamed on Assad"
            content = self.trim(relativised.left_edge.i, verb.right_edge.i)  # with its clause, as the seed gold
        else:
            content = self.content(verb, polarity)
        if content is None or content[1] <= content[0]:
            return
        source = self.speaker(verb)
        if source is None:
            return
        source_index, confidence = source
        self.used_verbs.add(verb.i)
        quote = self.mostly_quoted(content)
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

    def mostly_quoted(self, content: tuple[int, int]) -> bool:
        """Whether a claim's words are mostly the speaker's own, in quotation marks (at least ``QUOTED_SHARE`` of
        its characters): a quotation the reporter runs on into ("“…blasts” that firefighters worked to put out, the
        source said")."""
        inside = sum(max(0, min(content[1], qe) - max(content[0], qs)) for qs, qe in self.quotes)
        return inside >= QUOTED_SHARE * (content[1] - content[0])

    def content(self, verb: Token, polarity: str) -> tuple[int, int] | None:  # noqa: PLR0911 - one per form
        """What a cue verb reports: its complement clause, its object for verbs of that kind, else the rest of the
        sentence on the far side of the attribution."""
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        what = any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in children)
        early = self.what_it_was(verb) if what else self.reported_by_agent(verb)  # "in what two groups claimed was
        if what or early is not None:  # a gas attack"; "Three deaths were reported by the rescuers"
            return early
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if lemma in BLAME_PREPS and obj is None and verb.dep_ == "acl":  # "regime forces, accused by Washington
            obj = verb.head  # of using starvation": the accused is the noun the participle qualifies
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
                subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)
                if obj is not None and verb.i < obj.i < start and (obj.right_edge.i + 1 == start or subjectless):
                    # "deny Damascus carried out", "said the poison gas in that incident last week belonged to
                    # rebels": the parser took the clause's subject for the verb's object
                    start = obj.left_edge.i
                return self.trim(start, self.complement_end(verb, comp))
        if polarity == "deny" or lemma in self.cues.object_content:
            obj = next((c for c in children if c.dep_ in ("dobj", "attr")), None)
            if obj is not None and obj.pos_ != "PRON":
                return self.trim(obj.left_edge.i, obj.right_edge.i)
            if obj is not None:  # "denied it": the content is what "it" stands for, found when linking
                return self.trim(obj.i, obj.i)
        return self.content_around(verb, children)

    def reported_by_agent(self, verb: Token) -> tuple[int, int] | None:
        """The content of a passive cue verb with its speaker as agent: its subject ("Three deaths and 22 injuries
        were reported by the civil defence rescuers")."""
        children = list(verb.children)
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is None or verb.lemma_.lower() not in self.cues.object_content:
            return None
        if not any(c.dep_ == "agent" for c in children):
            return None
        return self.trim(passive.left_edge.i, passive.right_edge.i)

    def complement_end(self, verb: Token, comp: Token) -> int:
        """The last token of a complement clause; before the speaker when the parser hung the speaker's name on the
        clause ("We have seen …, Robert Mardini, ICRC regional director, told Reuters")."""
        end = comp.right_edge.i
        speaker = self.token_at(self.attribution_start(verb)) if comp.i < verb.i else None
        if speaker is not None and comp.i < speaker.i <= end and speaker.idx in self.actor_at:
            return speaker.i - 1
        return end

    def statement_clause(self, children: list[Token]) -> Token | None:
        """The "that" clause the parser hung on the statement a verb was made in ("said in a statement that up to
        10 hospitals were damaged", where the clause became the noun's complement), if there is one."""
        statement_nouns = lexicon().statement_nouns
        for prep in (c for c in children if c.dep_ == "prep"):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in statement_nouns):
                for clause in noun.rights:
                    if clause.dep_ in ("acl", "relcl", "ccomp") and clause.left_edge.lower_ == "that":
                        return clause
        return None

    def content_around(self, verb: Token, children: list[Token]) -> tuple[int, int] | None:
        """The content of a verb with no complement: a clause hung on "in a statement", else the rest of the
        sentence; none when the verb's object is an act ("declared a state of war"), unless it is who heard it ("…
        Zarif told Bonino": what was said comes before)."""
        if (clause := self.statement_clause(children)) is not None:
            return self.trim(clause.left_edge.i, clause.right_edge.i)
        if self.inverted_speaker(verb) is not None:  # "… in Ghandoura said the Syrian Observatory"
            return self.rest_of_sentence(verb)
        acts = [c for c in children if c.dep_ in ("dobj", "attr", "oprd")]
        if not acts:
            return self.rest_of_sentence(verb)
        lemma = verb.lemma_.lower()
        clause = acts[0] if len(acts) == 1 and acts[0].i > verb.i and lemma in CLAUSE_ONLY_VERBS else None
        if clause is not None and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in clause.children):
            return self.trim(clause.left_edge.i, clause.right_edge.i)  # "said The criminal gangs resorted to …"
        if verb.lemma_.lower() in ADDRESSEE_VERBS and all(c.dep_ == "dobj" for c in acts):
            before = self.rest_of_sentence(verb)
            return before if before is not None and before[0] < before[1] <= verb.idx else None
        return None

    def what_it_was(self, verb: Token) -> tuple[int, int] | None:
        """The content of "what X claimed was Y": Y, the complement of the copula after the verb."""
        after = verb.i + 1
        while after < verb.sent.end and self.doc[after].pos_ in ("ADV", "PART"):
            after += 1
        if after >= verb.sent.end or self.doc[after].lemma_.lower() != "be":
            return None
        copula = self.doc[after]
        complement = next((c for c in copula.children if c.dep_ in ("attr", "acomp") and c.i > copula.i), None)
        if complement is None:
            return None
        return self.trim(complement.left_edge.i, complement.right_edge.i)

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
            # Only adverbials (and, for "told", the hearer) after the verb: "… must be followed carefully Argentina's
            # envoy said after the council met", "… being targeted Robert Mardini told Reuters in an interview"
            rest = [c for c in verb.rights if c.i > end_token.i and not c.is_punct]
            hearer = ("dobj", "dative") if verb.lemma_.lower() in ADDRESSEE_VERBS else ()
            adjuncts = bool(rest) and all(c.dep_ in ("advcl", "prep", "npadvmod", "advmod", *hearer) for c in rest)
            ends = end_token.i >= last_word(sent).i or self.relayed_after(end_token, sent) or adjuncts
            aside = (
                end_token.i + 1 < sent.end and self.doc[end_token.i + 1].text == ","
            )  # "…, X said, a claim Y denied"
            said_before = any(t.pos_ in ("VERB", "AUX") for t in self.doc[sent.start : last + 1])
            if last >= sent.start and (ends or aside) and said_before:  # not "Meanwhile the army announced …"
                return self.trim(sent.start, last)
        after = end_token.i + 1
        while after < sent.end and self.doc[after].lower_ in ("that", ":", ","):
            after += 1
        if after < last_word(sent).i:
            return self.trim(after, sent.end - 1)
        return None

    def relayed_after(self, end: Token, sent: SpacySpan) -> bool:
        """Whether the sentence goes on after a speech verb only to its hearer and the outlet that relayed it ("…
        Zarif told Italian Foreign Minister Emma Bonino in a telephone call according to Press TV")."""
        rest = list(self.doc[end.i + 1 : sent.end])
        for i, token in enumerate(rest[:-1]):
            if token.lower_ == "according" and rest[i + 1].lower_ == "to":
                return not any(t.pos_ in ("VERB", "AUX") for t in rest[:i])
        return False

    def labelled_false(self, verb: Token) -> Token | None:
        """The word that makes "called/dismissed X as <false>" a denial, or None."""
        for child in verb.subtree:
            if child.lower_ in self.cues.deny_labels and child.i > verb.i:
                return child
        return None

    def relativised(self, verb: Token) -> Token | None:
        """The noun a relative clause with a cue verb says something of ("the attack that X blamed on Y", "an
        account backed by Iran"), when the verb has no object or clause of its own."""
        nominal = ("NOUN", "PROPN", "PRON", "DET")  # "attacks including those claimed by the Daesh group"
        if verb.dep_ not in ("relcl", "acl") or verb.head.i > verb.i or verb.head.pos_ not in nominal:
            return None
        if verb.lemma_.lower() not in RELATIVE_CUES:
            return None
        if verb.tag_ == "VBD" and verb.dep_ == "acl" and verb.head.idx in self.actor_at:
            return None  # "… on Thursday Jordanian state TV reported": the speaker, not what was reported
        own = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.tag_ != "WDT")]
        if own:
            return None
        noun = verb.head  # "a poison gas attack in the west of the country that Washington blamed on Assad": the
        while (  # attack, not the country the parser hung the clause on; not "attacks including those claimed"
            noun.dep_ == "pobj"
            and noun.head.dep_ == "prep"
            and noun.head.lower_ in ("in", "of", "on", "at", "near")
            and noun.head.head.pos_ == "NOUN"
        ):
            noun = noun.head.head
        return noun

    def closed_noun(self, verb: Token) -> Token | None:
        """The claim noun a relative-clause denial hangs on ("in a claim that Armenia denied" -> claim)."""
        head = verb.head
        if verb.dep_ in ("relcl", "acl") and head.lower_ in self.cues.claim_nouns and head.i < verb.i:
            return head
        return None

    def noun_phrase(self, noun: Token, verb: Token) -> tuple[int, int]:
        start = noun.left_edge.i
        return self.trim(start, max(verb.i, noun.right_edge.i))

    def according_to(self) -> None:
        for token in self.doc:
            if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
                continue
            to = self.doc[token.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None or self.inside_quote(token.idx):
                continue
            sent = token.sent
            phrase_end = max(  # the source's phrase, not a clause the parser hung on it ("a witness many were killed")
                [obj.i, *(c.right_edge.i for c in obj.rights if c.dep_ in SOURCE_PHRASE_DEPS)]
            )
            lead = self.doc[sent.start : token.i]  # "Thus according to …": nothing said before the phrase
            after = phrase_end + 1
            while after < sent.end and self.doc[after].is_punct:
                after += 1
            rest = self.doc[after : sent.end]
            clause_after = any(t.pos_ in ("VERB", "AUX") for t in rest)  # "Local reactions According to a witness
            clause_before = any(t.pos_ in ("VERB", "AUX") for t in lead)  # … many people were killed": a heading
            if not any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "NUM") for t in lead) or (
                clause_after and not clause_before
            ):
                content = self.trim(after, sent.end - 1) if after < sent.end - 1 else None
            else:
                content = self.trim(sent.start, token.i - 1)
            if content is None or content[1] <= content[0]:
                continue
            found = next((self.actor_at[t.idx] for t in obj.subtree if t.idx in self.actor_at), None)
            others = [a for conj in obj.conjuncts if (a := self.actor_of_phrase(conj)) is not None and a != found]
            said = [d for d in self.drafts if sent.start_char <= d.evidence[0] < sent.end_char and d.verb != token.i]
            if said:  # "X said …, according to Press TV": the outlet relayed X's claim, it is its channel
                name = self.actors[found].name if found is not None else obj.text
                for draft in said:
                    draft.channel = draft.channel or name
                continue
            if found is None and obj.lemma_.lower() in lexicon().statement_nouns and self.definite_phrase(obj):
                found = PENDING  # "according to the bulletin": whoever issued it, the speaker before
            source = found if found is not None else self.new_speaker(obj)
            for speaker in [source, *others]:  # "according to the Coalition and the Observatory": one claim each
                evidence = (sent.start_char, sent.end_char)
                self.drafts.append(Draft(speaker, "according to", "assert", content, evidence, verb=token.i))

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
                if cue and token.i in verbs and token.dep_ == "conj" and token.i > first:  # "… but said …"
                    joined = [c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
                    last = min(last, (joined[-1] if joined else token.i) - 1)
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
