"""Annotation on a Dask cluster (``ingest --scheduler``): the same ledger as one process, resumable, clear errors."""

from __future__ import annotations

import pytest

from fogofwar.cli import EXIT_FAILED, main
from fogofwar.errors import SchedulerError
from fogofwar.ledger import Store, ingest

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each on this machine, as a real cluster's workers would run."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def ledger_rows(store: Store) -> tuple[list[dict], list[dict]]:
    articles = store.query("SELECT id, record FROM articles ORDER BY id")
    clusters = store.query("SELECT id, type, num_mentions FROM event_clusters ORDER BY id")
    return [dict(r) for r in articles], [dict(r) for r in clusters]


def test_ledger_dask_two_workers_give_the_same_ledger(tmp_path, corpus, annotator, cluster):
    with Store(str(tmp_path / "one.db")) as store:
        ingest(store, [corpus], annotator=annotator, batch_size=2)
        expected = ledger_rows(store)
    with Store(str(tmp_path / "dask.db")) as store:
        report = ingest(store, [corpus], scheduler=cluster.scheduler_address, batch_size=2)
        assert len(report.stored) == 4 and not report.skipped
        assert ledger_rows(store) == expected
        again = ingest(store, [corpus], scheduler=cluster.scheduler_address, batch_size=2)
        assert again.stored == [] and again.present == 4
        assert ledger_rows(store) == expected


def test_ledger_dask_unreachable_scheduler_is_a_clear_error(tmp_path, corpus, capsys):
    db = str(tmp_path / "none.db")
    # Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
    assert main(["ingest", str(corpus), "--db", db, "--scheduler", "tcp://127.0.0.1:9", "--quiet"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("workers", "scheduler", "message"),
    [
        (2, "local:2", "not both"),
        (1, "local:zero", "write local:N"),
    ],
)
def test_ledger_dask_bad_options(tmp_path, corpus, workers, scheduler, message):
    with Store(str(tmp_path / "bad.db")) as store, pytest.raises(SchedulerError, match=message):
        ingest(store, [corpus], workers=workers, scheduler=scheduler)
