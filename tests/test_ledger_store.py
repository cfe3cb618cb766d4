"""The ledger's ledger_store: migrations, idempotent storage by article id, rows keyed by the record's own indices."""

from __future__ import annotations

import sqlite3

import pytest

from fogofwar.errors import LedgerError, RecordError
from fogofwar.ledger import Store, store_records
from fogofwar.ledger.schema import LATEST
from fogofwar.ledger.store import date_range, event_dates, resolve_target
from fogofwar.record import Claim, Event, Span

from .ledger_support import actor, make_record, whole

GANJA = "Azerbaijan's Defence Ministry said Armenian forces shelled Ganja on Sunday. Armenia denied the shelling."


def ganja_record(text: str = GANJA) -> object:
    return make_record(
        text,
        actors=[actor("Azerbaijan Defence Ministry", "AZE"), actor("Armenia", "ARM", "government")],
        claims=[
            Claim(0, "say", "assert", whole(text, "Armenian forces shelled Ganja on Sunday"), whole(text)),
            Claim(1, "deny", "deny", whole(text, "the shelling"), whole(text), denies=0),
        ],
        events=[Event("ASSAULT", (whole(text, "shelled Ganja"),), actor=1, claims=(0, 1), status="disputed")],
    )


def test_store_migrates_a_new_ledger(ledger_store):
    assert ledger_store.version() == LATEST
    assert ledger_store.scalar("SELECT count(*) FROM articles") == 0


def test_store_reopens_without_migrating_again(ledger_target):
    with Store(ledger_target) as first:
        first.add_records([ganja_record()])
    with Store(ledger_target) as again:
        assert again.version() == LATEST
        assert again.scalar("SELECT count(*) FROM schema_version") == LATEST
        assert again.scalar("SELECT count(*) FROM articles") == 1


def test_store_refuses_a_newer_ledger(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="upgrade fogofwar"):
        Store(path)


def test_store_refuses_a_file_that_is_not_a_ledger(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(LedgerError, match="not a fogofwar ledger"):
        Store(path)


def test_store_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(LedgerError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "ledger.db")


def test_store_target_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("FOGOFWAR_DB", str(tmp_path / "env.db"))
    assert resolve_target(None) == str(tmp_path / "env.db")
    assert resolve_target("given.db") == "given.db"
    monkeypatch.delenv("FOGOFWAR_DB")
    assert resolve_target(None) == "fogofwar.db"


def test_store_is_idempotent_by_article_id(ledger_store):
    record = ganja_record()
    assert ledger_store.add_records([record]) == [record.article.id]
    before = {t: ledger_store.scalar(f"SELECT count(*) FROM {t}") for t in ("articles", "actors", "claims", "events")}
    assert ledger_store.add_records([record, record]) == []
    after = {t: ledger_store.scalar(f"SELECT count(*) FROM {t}") for t in ("articles", "actors", "claims", "events")}
    assert before == after == {"articles": 1, "actors": 3, "claims": 2, "events": 1}


def test_store_keeps_the_records_cross_indices(ledger_store):
    record = ganja_record()
    ledger_store.add_records([record])
    row = ledger_store.query(
        "SELECT claimant, denies, content FROM claims WHERE article_id = ? AND idx = 1", (record.article.id,)
    )
    assert row == [{"claimant": "Armenia", "denies": 0, "content": "the shelling"}]
    assert ledger_store.record(record.article.id) == record
    linked = ledger_store.query(
        "SELECT claim_idx FROM event_claims WHERE article_id = ? ORDER BY claim_idx", (record.article.id,)
    )
    assert [r["claim_idx"] for r in linked] == [0, 1]


def test_store_rejects_references_out_of_range_and_keeps_the_rest(ledger_store):
    text = "Israeli aircraft struck Gaza City overnight, the army said."
    broken = make_record(text, claims=[Claim(7, "say", "assert", whole(text), whole(text))])
    report = store_records(ledger_store, [ganja_record(), broken])
    assert len(report.stored) == 1
    assert [s.reason for s in report.skipped] == [
        f"article {broken.article.id}: references out of range: claim 0 source 7"
    ]
    with pytest.raises(RecordError):
        ledger_store.add_records([broken])
    assert ledger_store.scalar("SELECT count(*) FROM articles") == 1


def test_store_failed_batch_leaves_nothing_half_written(ledger_store):
    good = ganja_record()
    text = "Russian missiles hit Kharkiv, the regional governor said."
    bad = make_record(text, claims=[Claim(0, "say", "assert", whole(text), whole(text), denies=9)])
    with pytest.raises(RecordError):
        ledger_store.add_records([good, bad])
    assert ledger_store.scalar("SELECT count(*) FROM articles") == 0
    assert ledger_store.scalar("SELECT count(*) FROM claims") == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-09-27", ("2020-09-27", "2020-09-27")),
        ("2020-09-28/2020-09-29", ("2020-09-28", "2020-09-29")),
        ("2020-09", ("2020-09-01", "2020-09-30")),
        ("2020-02", ("2020-02-01", "2020-02-29")),
        ("2016", ("2016-01-01", "2016-12-31")),
        ("2020-W40", ("2020-09-28", "2020-10-04")),
        ("Sunday", None),
        (None, None),
    ],
)
def test_store_date_range(value, expected):
    got = date_range(value)
    assert (None if got is None else (got[0].isoformat(), got[1].isoformat())) == expected


def test_store_undated_event_takes_the_days_before_publication():
    assert event_dates(None, "2020-10-04") == ("2020-10-03", "2020-10-04", "published")
    assert event_dates("2020-10-01", "2020-10-04") == ("2020-10-01", "2020-10-01", "when")
    assert event_dates(None, None) == (None, None, "none")


def test_store_span_offsets_are_stored_as_text(ledger_store):
    text = "Ukraine's army said it shot down 12 drones over Kyiv overnight."
    record = make_record(
        text,
        actors=[actor("Ukraine military", "UKR")],
        claims=[Claim(0, "say", "assert", Span(20, 62), whole(text))],
    )
    ledger_store.add_records([record])
    assert ledger_store.scalar("SELECT content FROM claims") == "it shot down 12 drones over Kyiv overnight"


def test_store_upgrades_an_older_ledger(tmp_path):
    from fogofwar.ledger.schema import MIGRATIONS, statements

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, 'before')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.version() == LATEST
        assert store.scalar("SELECT count(*) FROM contested_claims") == 0
        applied = store.query("SELECT version FROM schema_version ORDER BY version")
        assert [r["version"] for r in applied] == list(range(1, LATEST + 1))


def test_store_may_be_used_and_closed_from_other_threads(ledger_target):
    from concurrent.futures import ThreadPoolExecutor

    store = Store(ledger_target)  # opened here, used and closed in a worker thread, as the web app's requests do
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(store.scalar, "SELECT count(*) FROM articles").result() == 0
        pool.submit(store.close).result()


def test_store_upgrade_fills_the_country_index_from_existing_clusters(tmp_path):
    # A version-3 ledger holding clusters gains their cluster_countries rows when version 4 is applied.
    from fogofwar.ledger.schema import MIGRATIONS, statements

    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path)
    for number, migration in enumerate(MIGRATIONS[:3], start=1):
        for statement in statements(migration):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, 'before')", (number,))
    conn.executemany(
        "INSERT INTO event_clusters (id, type, date_start, date_end, countries, summary, status, num_mentions, "
        "num_sources, num_articles) VALUES (?, 'ASSAULT', ?, ?, ?, '', 'reported', 1, 1, ?)",
        [
            ("k1", "2020-10-04", "2020-10-05", "ARM AZE", 2),
            ("k2", "2022-03-01", "2022-03-01", "UKR", 1),
            ("k3", None, None, "", 1),
        ],
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        rows = store.query("SELECT cluster_id, country, date_start, num_articles FROM cluster_countries")
        assert sorted(tuple(r.values()) for r in rows) == [
            ("k1", "ARM", "2020-10-04", 2),
            ("k1", "AZE", "2020-10-04", 2),
            ("k2", "UKR", "2022-03-01", 1),
        ]
