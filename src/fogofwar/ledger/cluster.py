"""Annotation on a Dask cluster: ``fogofwar ingest --scheduler tcp://HOST:8786`` sends each batch of articles to the
cluster's workers and stores what comes back, this process being the ledger's one writer.

Workers need only ``pip install fogofwar`` (the pipeline and its gazetteer load once per worker process, on its first
batch); articles travel to them and records travel back as pickled frozen dataclasses. ``local:N`` starts a
``LocalCluster`` of N worker processes on this machine instead, to try the same path without a cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from fogofwar.errors import SchedulerError

#: Seconds to wait for the scheduler to answer before giving up: a cluster on a local network answers within a
#: second or two; longer means a wrong address, a firewall or a scheduler that is not running.
CONNECT_TIMEOUT = 20

#: The prefix of a scheduler address that asks for a cluster of worker processes on this machine ("local:2").
LOCAL_PREFIX = "local:"


class Submitter(Protocol):
    """What ingest needs of an executor: ``submit(fn, *args)`` returning a future with ``result()``."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any: ...


@contextmanager
def dask_client(address: str) -> Iterator[tuple[Submitter, int]]:
    """A connected Dask client and its number of workers; ``local:N`` starts N local worker processes.

    Raises SchedulerError when dask.distributed is not installed, the address is malformed, the scheduler does not
    answer within ``CONNECT_TIMEOUT`` seconds, or the cluster has no worker."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise SchedulerError(
            "Dask is not installed: install it with `pip install 'fogofwar[dask]'` (or `pip install distributed`)"
        ) from exc
    cluster = None
    try:
        if address.startswith(LOCAL_PREFIX):
            count = address.removeprefix(LOCAL_PREFIX)
            if not count.isdigit() or int(count) < 1:
                raise SchedulerError(f"{address}: write local:N with N the number of worker processes, e.g. local:2")
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()  # type: ignore[no-untyped-call]
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        if workers < 1:
            raise SchedulerError(
                f"the Dask scheduler at {address} has no worker: start one with `dask worker {address}`"
            )
        yield client, workers
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()  # type: ignore[no-untyped-call]
