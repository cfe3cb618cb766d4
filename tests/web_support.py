"""A small ledger for the web tests: two reports of one shelling in Ganja (one with a denial), a strike on Kharkiv,
and an article whose text, headline, outlet and claimant carry markup that must render inert."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fogofwar.ledger import Store, store_records
from fogofwar.record import ArticleRecord, Casualty, Claim, Event, Place, Span

from .ledger_support import REUTERS, TRT, actor, kharkiv, make_record, shelling, when, whole

ALEPPO = Place("Aleppo", "Aleppo", Span(0, 0), lat=36.2021, lon=37.1343, country="SY", precision="point", role="event")

KYIV = "Russian missiles struck Kharkiv on Tuesday, killing three Ukrainian soldiers, the General Staff said."
HOSTILE = (
    'Barrel bombs hit Aleppo <script>alert("x")</script>, killing four people, " onmouseover="alert(1)" '
    "the Observatory said."
)
HOSTILE_NAME = '<img src=x onerror=alert(2)>" onmouseover="alert(3)'


def hostile() -> ArticleRecord:
    record = make_record(
        HOSTILE,
        published="2016-08-11",
        outlet=HOSTILE_NAME,
        actors=[actor(HOSTILE_NAME, "SYR", "ngo"), actor("Syria military", "SYR")],
        claims=[Claim(0, "said", "assert", whole(HOSTILE), whole(HOSTILE, "said"))],
        places=[ALEPPO],
        casualties=[Casualty(4, 4, "killed", "any", whole(HOSTILE, "killing"), side="SYR", claim=0)],
        events=[Event("ASSAULT", (whole(HOSTILE, 'Barrel bombs hit Aleppo <script>alert("x")</script>'),),
                      mode="aerial", actor=1, places=(0,), when=when("2016-08-11"), casualties=(0,), claims=(0,),
                      status="claimed")],
    )  # fmt: skip
    article = dataclasses.replace(record.article, headline=HOSTILE_NAME, url="javascript:alert(4)")
    return dataclasses.replace(record, article=article)


def build(target: str | Path) -> None:
    """Store the four records in the ledger at ``target``."""
    with Store(str(target)) as store:
        store_records(
            store,
            [shelling(TRT, claimant=actor("Azerbaijan Defence Ministry", "AZE"), killed=10, deny=True,
                      outlet="TRT World", url="https://trt world.example/"),
             shelling(REUTERS, claimant=actor("local officials", "AZE"), killed=7, deny=False, outlet="Reuters",
                      url="https://reuters.example/"),
             kharkiv(KYIV, "struck"), hostile()],
        )  # fmt: skip
