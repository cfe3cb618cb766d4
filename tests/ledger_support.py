"""Shared helpers for the ledger tests: a ledger on each backend, and records built by hand from short passages.

The PostgreSQL backend is tested when ``FOGOFWAR_TEST_PG`` names a server (``.ci/run`` starts one); without it the
PostgreSQL cases are skipped, except under CI (``CI=true``), where a missing server is a failure.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from fogofwar.ledger import Store
from fogofwar.record import (
    Actor,
    Article,
    ArticleRecord,
    Casualty,
    Claim,
    Event,
    Paragraph,
    Place,
    Span,
    When,
    article_id,
)

PG_ENV = "FOGOFWAR_TEST_PG"
BACKENDS = ("sqlite", "postgres")


def reset_postgres(url: str) -> None:
    """Drop every table of the test database so each test starts from an empty ledger."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


def target_for(backend: str, tmp_path: Path) -> str:
    """A fresh, empty ledger on ``backend``: a SQLite file under tmp_path or the emptied PostgreSQL test database."""
    if backend == "sqlite":
        return str(tmp_path / "ledger.db")
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test PostgreSQL: {PG_ENV} is not set (see .ci/run)")
        pytest.skip(f"PostgreSQL not available: set {PG_ENV} to a postgresql:// URL")
    reset_postgres(url)
    return url


@pytest.fixture(params=BACKENDS)
def ledger_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The target of an empty ledger, once per backend."""
    return target_for(str(request.param), tmp_path)


@pytest.fixture
def ledger_store(ledger_target: str) -> Iterator[Store]:
    """An open, empty ledger, once per backend."""
    with Store(ledger_target) as opened:
        yield opened


def whole(text: str, phrase: str | None = None) -> Span:
    """The span of ``phrase`` in ``text`` (the whole text when None)."""
    if phrase is None:
        return Span(0, len(text))
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def make_record(
    text: str,
    *,
    published: str | None = "2020-10-04",
    outlet: str = "Test Wire",
    actors: Sequence[Actor] = (),
    claims: Sequence[Claim] = (),
    places: Sequence[Place] = (),
    events: Sequence[Event] = (),
    casualties: Sequence[Casualty] = (),
) -> ArticleRecord:
    """An ArticleRecord over ``text`` with the items given (the outlet is appended as the last actor)."""
    article = Article(
        id=article_id(text),
        text=text,
        published=published,
        outlet=outlet,
        headline=text.split(".", maxsplit=1)[0],
        paragraphs=(Paragraph("body", 0, len(text)),),
    )
    return ArticleRecord(
        article=article,
        actors=(*actors, Actor(outlet, outlet, "media", (Span(0, 0),))),
        claims=tuple(claims),
        places=tuple(places),
        events=tuple(events),
        casualties=tuple(casualties),
    )


def actor(name: str, country: str | None, kind: str = "military") -> Actor:
    """An actor with no evidence of its own (tests do not check actor offsets)."""
    return Actor(name, name, kind, (Span(0, 0),), country=country)  # type: ignore[arg-type]


def place(name: str, lat: float | None, lon: float | None, country: str | None, precision: str = "point") -> Place:
    """An event place."""
    return Place(name, name, Span(0, 0), lat=lat, lon=lon, country=country, precision=precision, role="event")  # type: ignore[arg-type]


def when(value: str) -> When:
    """A resolved date."""
    return When(value, value, "day", Span(0, 0))


GANJA = Place("Ganja", "Ganja", Span(0, 0), lat=40.6828, lon=46.3606, country="AZ", admin1="Ganja", precision="point",
              role="event")  # fmt: skip
KHARKIV = Place("Kharkiv", "Kharkiv", Span(0, 0), lat=49.9935, lon=36.2304, country="UA", admin1="Kharkiv Oblast",
                precision="point", role="event")  # fmt: skip

TRT = "Armenian artillery shelled Ganja, killing ten civilians, Azerbaijan's Defence Ministry said. Armenia denied it."
REUTERS = "Rockets struck Ganja overnight, killing seven residents, local officials said."


def shelling(text: str, *, claimant: Actor, killed: int, deny: bool, outlet: str, url: str) -> ArticleRecord:
    """One report of the Ganja shelling (the export and web tests store two: one with a denial, one without)."""
    claims = [Claim(0, "said", "assert", whole(text), whole(text, "said"))]
    if deny:
        claims.append(Claim(3, "denied", "deny", whole(text, "Armenia denied it"), whole(text, "denied"), denies=0))
    record = make_record(
        text,
        published="2020-10-11",
        outlet=outlet,
        actors=[claimant, actor("Armenia military", "ARM"), actor("Ganja residents", "AZE", "civilians"),
                actor("Armenia Defence Ministry", "ARM")],
        claims=claims,
        places=[GANJA],
        casualties=[Casualty(killed, killed, "killed", "civilian", whole(text, "killing"), side="AZE", claim=0)],
        events=[Event("ASSAULT", (whole(text, "shelled" if deny else "struck"),), mode="heavy-weapons", actor=1,
                      recipient=(2,), places=(0,), when=when("2020-10-11"), casualties=(0,),
                      claims=tuple(range(len(claims))), status="disputed" if deny else "claimed")],
    )  # fmt: skip
    return dataclasses.replace(record, article=dataclasses.replace(record.article, url=url))


def kharkiv(text: str, trigger: str) -> ArticleRecord:
    """A Kyiv Independent report of a missile strike on Kharkiv (``text`` names the General Staff as claimant)."""
    return make_record(
        text,
        published="2022-03-01",
        outlet="Kyiv Independent",
        actors=[actor("Ukraine General Staff", "UKR"), actor("Russia military", "RUS"), actor("Ukraine military", "UKR")],
        claims=[Claim(0, "said", "assert", whole(text), whole(text, "said"))],
        places=[KHARKIV],
        casualties=[Casualty(3, 3, "killed", "military", whole(text, "killing"), side="UKR", claim=0)],
        events=[Event("ASSAULT", (whole(text, trigger),), mode="aerial", actor=1, recipient=(2,), places=(0,),
                      when=when("2022-03-01"), casualties=(0,), claims=(0,), status="claimed")],
    )  # fmt: skip


#: Four short reports from four wars, the corpus of the ingest tests (``corpus`` fixture in conftest.py).
PASSAGES = {
    "ganja.txt": "Rockets hit Ganja\n\nAzerbaijan's Defence Ministry said on Sunday that Armenian forces fired rockets "
    "at Ganja, killing one civilian. Armenia's Defence Ministry denied the claim.\n",
    "aleppo.txt": "Barrel bombs hit Aleppo\n\nSyrian government helicopters dropped barrel bombs on eastern Aleppo on "
    "Thursday, killing 11 children, the Syrian Observatory for Human Rights said.\n",
    "kharkiv.txt": "Missiles strike Kharkiv\n\nRussian missiles struck the centre of Kharkiv on Tuesday, the regional "
    "governor said. Moscow denied targeting civilians.\n",
    "gaza.txt": "Strike on Rafah\n\nAn Israeli air strike hit a house in Rafah overnight, killing six people, the Gaza "
    "health ministry said. The Israeli military said it struck a militant target.\n",
}


def write_corpus(folder: Path) -> Path:
    """Write PASSAGES under ``folder`` (one in a sub-folder, as a real archive nests them); return the folder."""
    (folder / "2022").mkdir(parents=True)
    for name, text in PASSAGES.items():
        sub = folder / "2022" if name == "kharkiv.txt" else folder
        (sub / name).write_text(text, encoding="utf-8")
    return folder
