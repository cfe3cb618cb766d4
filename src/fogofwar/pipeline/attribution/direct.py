"""Direct speech: a quotation with its speech verb just before or after it ("“…,” Erdogan said", "X said: “…”"),
and a paragraph that is only a quotation continuing the quote before it."""

from __future__ import annotations

from spacy.tokens import Token

from fogofwar.pipeline.attribution.lexicon import (
    CONTINUATION_CONFIDENCE,
    CONTINUATION_SHARE,
    MIN_QUOTE_WORDS,
    PARTIAL_QUOTE_LEAD,
    PENDING,
    QUOTE_VERB_WINDOW,
    Draft,
)
from fogofwar.pipeline.attribution.speakers import SpeakerRules
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.pipeline.quotes import inner

#: Parts of speech that may stand between a closing quotation mark and its speech verb besides the verb's subject:
#: adverbs, auxiliaries, and the words of a name and title the parser did not join to the subject ("Colonel John
#: Dorrian a coalition spokesman"); never a verb or a conjunction ("…”, but his spokesman said").
SPEAKER_GAP_POS = frozenset({"ADV", "AUX", "PROPN", "NOUN", "DET", "ADJ", "ADP", "X"})


class DirectSpeech(SpeakerRules):
    """Claims made in quotation marks."""

    def quoted_speech(self) -> None:
        for start, end in self.quotes:
            content = inner(self.text, start, end)
            if len(self.text[content[0] : content[1]].split()) < MIN_QUOTE_WORDS:
                continue
            verb = self.verb_after(end) or self.verb_before(start)
            if verb is None or self.partial(start, verb):
                continue
            source = self.speaker(verb)
            if source is None:
                continue
            source_index, confidence = source
            named = self.person_between(end, verb)
            if named is not None and source_index != PENDING and self.actors[source_index].kind != "person":
                source_index = named  # "“…” Ahmet Uzumcu the head of the OPCW said": the person, not the body
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

    def person_between(self, end: int, verb: Token) -> int | None:
        """A person named between a closing quotation mark and its speech verb, if one is."""
        first = self.token_at(end)
        if first is None or verb.i <= first.i:
            return None
        for token in self.doc[first.i : verb.i]:
            found = self.actor_at.get(token.idx)
            if found is not None and self.actors[found].kind == "person":
                return found
        return None

    def partial(self, start: int, verb: Token) -> bool:
        """A quotation that closes a sentence begun in the reporter's words ("… they intervened “in support of the
        army” General X said"): part of an indirect statement, which the verb's own claim holds whole."""
        first = self.token_at(start)
        if first is None or verb.i < first.i:
            return False
        lead = [t for t in self.doc[first.sent.start : first.i] if not t.is_punct]
        return len(lead) >= PARTIAL_QUOTE_LEAD

    def verb_after(self, end: int) -> Token | None:
        """A speech verb just after a closing quotation mark, in the same sentence ("…,” he added")."""
        first, closing = self.token_at(end), self.token_at(end - 1)
        if first is None or closing is None:
            return None
        closed = self.text[:end].rstrip("\"”’' ").endswith((".", "!", "?"))
        if first.sent.start != closing.sent.start and closed:
            return None  # the quote ends its sentence: the next sentence's verb is not its cue
        # (a quote with no full stop does not: the splitter cut before a speaker the commas no longer set off,
        # "“These reports are of great concern” Ahmet Uzumcu the head of the OPCW said")
        sent = first.sent
        between = self.doc[first.i : min(first.i + QUOTE_VERB_WINDOW, sent.end)]
        for token in between:
            if self.inside_quote(token.idx):
                return None
            if token.pos_ == "VERB" and token.lemma_.lower() in self.cues.assert_verbs:
                # Only the speaker may stand between the quote and its verb (not "…”, but his spokesman said").
                subject = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                gap = self.doc[first.i : token.i]
                # A name before the subject belongs to it when the commas were lost ("…” U.S. Air Force Colonel
                # John Dorrian a coalition spokesman told"), whatever the parser attached it to.
                if all(t.i in subject or t.is_punct or t.pos_ in SPEAKER_GAP_POS for t in gap):
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
