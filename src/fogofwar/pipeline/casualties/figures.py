"""Figure detection: number runs, ranges, vague quantities and counted phrases, with the qualifier before them."""

from __future__ import annotations

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from fogofwar.pipeline import numbers
from fogofwar.pipeline.casualties.lexicon import MAX_YEAR, MIN_YEAR, NOT_COUNTS, lexicon
from fogofwar.pipeline.casualties.mention import Found, Mention, date_like, longest, qualified


class FigureRules:
    """Finds every figure of a doc with the component's matchers (built in ``CasualtiesComponent.__init__``)."""

    numbers: Matcher
    phrases: PhraseMatcher
    qualifiers: PhraseMatcher
    singles: Matcher
    family: Matcher

    def find(self, doc: Doc) -> list[Mention]:
        """Every figure in the doc: number runs, ranges, vague quantities and counted phrases, longest first,
        each with the qualifier just before it."""
        found = longest([*self.number_figures(doc), *self.phrase_figures(doc)])
        qualifier_ends = {end: (start, doc[start:end].text.lower()) for _, start, end in self.qualifiers(doc)}
        rules = lexicon()["numbers"]["qualifiers"]
        mentions = []
        for start, end, figure, counted in found:
            first, stated = start, figure
            if start in qualifier_ends and figure.qualifier in (None, "vague"):
                first, cue = qualifier_ends[start]
                stated = qualified(figure, rules[cue])
            span = doc[first:end]
            number = next((t for t in reversed(span) if t.like_num or t.lower_ in numbers.vague()), span[-1])
            if counted or stated.qualifier == "range":
                number = span.root  # "a family of five": the family; "between 10 and 15": the first number
            mentions.append(Mention(span=span, number=number, figure=stated))
        return mentions

    def number_figures(self, doc: Doc) -> list[Found]:
        """Number runs and ranges, leaving out dates, times, money, percentages, measures and ages."""
        found: list[Found] = []
        for match_id, start, end in self.numbers(doc):
            span = doc[start:end]
            if any(t.ent_type_ in NOT_COUNTS and date_like(t) for t in span) or not self.countable(span):
                continue
            if doc.vocab.strings[match_id] == "RANGE":
                figure = numbers.parse_figure(span.text)
            else:
                value = numbers.word_value([t.text for t in span if t.text != "-"])
                figure = None if value is None else numbers.Figure(low=value, high=value, value=value)
            if figure is not None:
                found.append((start, end, figure, False))
        return found

    def phrase_figures(self, doc: Doc) -> list[Found]:
        """Vague quantities ("dozens") and counted phrases ("a woman and child", "a family of five", "a soldier")."""
        found: list[Found] = []
        for match_id, start, end in self.phrases(doc):
            text = doc[start:end].text.lower()
            if doc.vocab.strings[match_id] == "PAIR":
                value = lexicon()["numbers"]["pairs"][text]
                found.append((start, end, numbers.Figure(low=value, high=value, value=value), True))
            elif (vague := numbers.vague_figure(text)) is not None:
                found.append((start, end, vague, False))
        one = numbers.Figure(low=1, high=1, value=1)
        found.extend(  # "a soldier was killed"; not "an Islamist rebel group", "a soldier's funeral"
            (start, end, one, True)
            for _, start, end in self.singles(doc)
            if doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss")
        )
        for _, start, end in self.family(doc):
            value = numbers.word_value([doc[end - 1].text])
            if value is not None:
                found.append((start, end, numbers.Figure(low=value, high=value, value=value), True))
        return found

    def countable(self, span: SpacySpan) -> bool:
        """Numbers that can be counts: not years in a date, not ages ("12-year-old"), not times or measures, not a
        part of a numeric date ("06-06-2016")."""
        doc = span.doc
        joined = [
            (doc[i], doc[j])
            for i, j in ((span.start - 1, span.start - 2), (span.end, span.end + 1))
            if 0 <= j < len(doc) and 0 <= i < len(doc)
        ]
        if any(sep.text in ("-", "/", ".") and other.like_num for sep, other in joined):
            chain = doc[max(span.start - 4, 0) : min(span.end + 4, len(doc))]
            if any(t.is_digit and len(t.text) == 4 for t in chain) or len(span) == 1:
                return False  # a date "06-06-2016"; a lone number of a range is counted by the range itself
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ in ("%", "percent", "per", "km", "kilometres", "kilometers", "miles"):
            return False
        if after is not None and after.text == "-" and span.end + 1 < len(span.doc):
            return span.doc[span.end + 1].lower_ not in ("year", "month", "day", "hour", "week", "minute", "km")
        if after is not None and after.lower_ in ("year", "years") and span.end + 1 < len(span.doc):
            return span.doc[span.end + 1].lower_ != "old"
        year = len(span) == 1 and span[0].text.isascii() and span[0].text.isdecimal() and len(span[0].text) == 4
        return not (year and MIN_YEAR <= int(span[0].text) <= MAX_YEAR)
