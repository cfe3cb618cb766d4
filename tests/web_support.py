"""A small ledger for the web tests: two reports of one shelling in Ganja (one with a denial), a strike on Kharkiv,
and an article whose text, headline, outlet and claimant carry markup that must render inert."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fogofwar.ledger import Store, store_records
from fogofwar.record import ArticleRecord, Casualty, Claim, Event, Place, Span

from .ledger_support import actor, make_record, when, whole

GANJA = Place("Ganja", "Ganja", Span(0, 0), lat=40.6828, lon=46.3606, country="AZ", admin1="Ganja", precision="point",
              role="event")  # fmt: skip
KHARKIV = Place("Kharkiv", "Kharkiv", Span(0, 0), lat=49.9935, lon=36.2304, country="UA", admin1="Kharkiv Oblast",
                precision="point", role="event")  # fmt: skip
ALEPPO = Place("Aleppo", "Aleppo", Span(0, 0), lat=36.2021, lon=37.1343, country="SY", precision="point", role="event")

TRT = "Armenian artillery shelled Ganja, killing ten civilians, Azerbaijan's Defence Ministry said. Armenia denied it."
REUTERS = "Rockets struck Ganja overnight, killing seven residents, local officials said."
KYIV = "Russian missiles struck Kharkiv on Tuesday, killing three Ukrainian soldiers, the General Staff said."
HOSTILE = (
    'Barrel bombs hit Aleppo <script>alert("x")</script>, killing four people, " onmouseover="alert(1)" '
    "the Observatory said."
)
HOSTILE_NAME = '<img src=x onerror=alert(2)>" onmouseover="alert(3)'


def shelling(text: str, *, claimant: str, country: str, killed: int, deny: bool, outlet: str) -> ArticleRecord:
    claims = [Claim(0, "said", "assert", whole(text), whole(text, "said"))]
    if deny:
        claims.append(Claim(3, "denied", "deny", whole(text, "Armenia denied it"), whole(text, "denied"), denies=0))
    record = make_record(
        text,
        published="2020-10-11",
        outlet=outlet,
        actors=[actor(claimant, country), actor("Armenia military", "ARM"), actor("Ganja residents", "AZE", "civilians"),
                actor("Armenia Defence Ministry", "ARM")],
        claims=claims,
        places=[GANJA],
        casualties=[Casualty(killed, killed, "killed", "civilian", whole(text, "killing"), side="AZE", claim=0)],
        events=[Event("ASSAULT", (whole(text, "shelled" if deny else "struck"),), mode="heavy-weapons", actor=1,
                      recipient=(2,), places=(0,), when=when("2020-10-11"), casualties=(0,),
                      claims=tuple(range(len(claims))), status="disputed" if deny else "claimed")],
    )  # fmt: skip
    return dataclasses.replace(
        record, article=dataclasses.replace(record.article, url=f"https://{outlet.lower()}.example/")
    )


def kharkiv() -> ArticleRecord:
    return make_record(
        KYIV,
        published="2022-03-01",
        outlet="Kyiv Independent",
        actors=[actor("Ukraine General Staff", "UKR"), actor("Russia military", "RUS"), actor("Ukraine military", "UKR")],
        claims=[Claim(0, "said", "assert", whole(KYIV), whole(KYIV, "said"))],
        places=[KHARKIV],
        casualties=[Casualty(3, 3, "killed", "military", whole(KYIV, "killing"), side="UKR", claim=0)],
        events=[Event("ASSAULT", (whole(KYIV, "struck"),), mode="aerial", actor=1, recipient=(2,), places=(0,),
                      when=when("2022-03-01"), casualties=(0,), claims=(0,), status="claimed")],
    )  # fmt: skip


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
            [shelling(TRT, claimant="Azerbaijan Defence Ministry", country="AZE", killed=10, deny=True,
                      outlet="TRT World"),
             shelling(REUTERS, claimant="local officials", country="AZE", killed=7, deny=False, outlet="Reuters"),
             kharkiv(), hostile()],
        )  # fmt: skip
