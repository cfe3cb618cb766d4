"""Ingest: read sources, skip what the ledger already holds, annotate the rest, store it in batches, then merge.

Already-stored articles are recognised by id *before* annotation, so re-running an ingest over the same folders is
cheap and changes nothing; each batch is one transaction, so an interrupted ingest keeps every finished batch and a
re-run resumes after it. The library never prints: progress goes to an optional callback.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from fogofwar.errors import FogOfWarError, ReadError, RecordError, SchedulerError
from fogofwar.ledger import merge, tally
from fogofwar.ledger.cluster import Submitter, dask_client
from fogofwar.ledger.store import Store, check_indices
from fogofwar.pipeline import Annotator
from fogofwar.read import ARTICLE_SUFFIXES, CORPUS_SUFFIXES, Skipped, iter_source
from fogofwar.read.web import FEED_SUFFIXES, HTML_SUFFIXES, iter_feed, read_html
from fogofwar.record import Article, ArticleRecord

#: Articles annotated and committed together: large enough to keep spaCy's batches full and the commits few, small
#: enough that an interruption loses at most a minute or so of annotation.
ARTICLES_PER_BATCH = 32

#: Batches each worker process may have queued beyond the one it annotates: enough to keep it busy while the writer
#: stores, few enough that memory stays flat on a corpus of any size.
IN_FLIGHT_PER_WORKER = 2

#: Every suffix ingest reads.
INGEST_SUFFIXES = ARTICLE_SUFFIXES + CORPUS_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class Progress:
    """Where an ingest stands: articles handled so far (of ``total`` when counted), and the rate."""

    done: int
    total: int | None
    stored: int
    present: int
    skipped: int
    elapsed: float

    @property
    def rate(self) -> float:
        """Articles handled per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate (None when the total is unknown or nothing is done yet)."""
        if self.total is None or self.rate <= 0:
            return None
        return max(self.total - self.done, 0) / self.rate


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: ids stored, how many were already present, what was skipped and why."""

    stored: list[str] = field(default_factory=list)
    present: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    annotated_seconds: float = 0.0
    clusters: int = 0

    @property
    def articles_per_second(self) -> float:
        """Stored articles per second of annotation and storage."""
        return len(self.stored) / self.annotated_seconds if self.annotated_seconds > 0 else 0.0


def _files(path: Path) -> Iterator[Path | Skipped]:
    if not path.exists():
        yield Skipped(str(path), "no such file or folder")
        return
    if path.is_file():
        yield path
        return
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in file.relative_to(path).parts):
            continue
        if file.suffix.lower() in INGEST_SUFFIXES:
            yield file
        else:
            yield Skipped(str(file), f"not a file type fogofwar ingests ({', '.join(INGEST_SUFFIXES)})")


def iter_articles(
    paths: Iterable[str | Path], *, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[Article | Skipped]:
    """Every article under ``paths`` (files, folders, corpora, saved pages, feeds), or a Skipped with the reason."""
    for path in paths:
        for file in _files(Path(path)):
            if isinstance(file, Skipped):
                yield file
                continue
            suffix = file.suffix.lower()
            try:
                if suffix in HTML_SUFFIXES:
                    yield read_html(file)
                elif suffix in FEED_SUFFIXES:
                    yield from iter_feed(file)
                else:
                    yield from iter_source(file, published=published, columns=columns)
            except ReadError as exc:
                yield Skipped(exc.path, exc.reason)


def _batches(items: Iterable[Article | Skipped], size: int) -> Iterator[list[Article | Skipped]]:
    batch: list[Article | Skipped] = []
    for item in items:
        batch.append(item)
        if sum(isinstance(i, Article) for i in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    annotator: Annotator | Callable[[], Annotator] | None = None,
    progress: Callable[[Progress], None] | None = None,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
    batch_size: int = ARTICLES_PER_BATCH,
    count_first: bool = True,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``; return the report (the store is merged and tallied).

    With ``workers`` above 1, batches are annotated in that many processes (each loads the pipeline once) while this
    process alone writes, in input order, so the ledger is the same as with one process. With ``scheduler`` (a Dask
    scheduler address, or ``local:N``), batches are annotated on that cluster's workers instead, this process still
    the one writer (``fogofwar.ledger.cluster``)."""
    with executor(workers, scheduler) as (pool, parallel):
        return _ingest(
            store,
            list(paths),
            annotator=annotator,
            progress=progress,
            published=published,
            columns=columns,
            batch_size=batch_size,
            count_first=count_first,
            pool=pool,
            workers=parallel,
        )


@contextmanager
def executor(workers: int, scheduler: str | None) -> Iterator[tuple[Submitter | None, int]]:
    """Where batches are annotated: nowhere else (None), a pool of ``workers`` processes, or a Dask cluster; with the
    number of batches that can run at once."""
    if scheduler is not None and workers > 1:
        raise SchedulerError("choose --workers (processes on this machine) or --scheduler (a Dask cluster), not both")
    if scheduler is not None:
        with dask_client(scheduler) as (client, count):
            yield client, count
    elif workers > 1:
        pool = Pool(workers)
        try:
            yield pool, workers
        finally:
            pool.shutdown()
    else:
        yield None, 1


def _ingest(
    store: Store,
    paths: list[str | Path],
    *,
    annotator: Annotator | Callable[[], Annotator] | None,
    progress: Callable[[Progress], None] | None,
    published: str | None,
    columns: Mapping[str, str] | None,
    batch_size: int,
    count_first: bool,
    pool: Submitter | None,
    workers: int,
) -> IngestReport:
    started = time.perf_counter()
    total = None
    if count_first:
        total = sum(
            1 for item in iter_articles(paths, published=published, columns=columns) if isinstance(item, Article)
        )
    report = IngestReport()
    loaded: Annotator | None = annotator if isinstance(annotator, Annotator) else None
    seen: set[str] = set()
    done = 0

    def tick() -> None:
        if progress is not None:
            progress(
                Progress(
                    done, total, len(report.stored), report.present, len(report.skipped), time.perf_counter() - started
                )
            )

    pool_started = time.perf_counter()
    in_flight: deque[tuple[int, Any]] = deque()  # (articles, future of (records, skipped)), in input order

    def drain(limit: int) -> None:
        nonlocal done
        while len(in_flight) > limit:
            count, future = in_flight.popleft()
            records, skipped = future.result()
            report.skipped.extend(skipped)
            report.stored.extend(store.add_records(records))
            report.annotated_seconds = time.perf_counter() - pool_started  # batches overlap: wall time, not a sum
            done += count
            tick()

    for batch in _batches(iter_articles(paths, published=published, columns=columns), batch_size):
        articles = [item for item in batch if isinstance(item, Article)]
        report.skipped.extend(item for item in batch if isinstance(item, Skipped))
        known = store.known_ids(a.id for a in articles) | seen
        fresh: list[Article] = []
        for article in articles:
            if article.id in known:
                report.present += 1
            else:
                fresh.append(article)
                known.add(article.id)
        seen.update(a.id for a in articles)
        if pool is not None:
            in_flight.append((len(articles), submit(pool, fresh)))
            drain(IN_FLIGHT_PER_WORKER * workers)
            continue
        if fresh:
            if loaded is None:
                loaded = annotator() if callable(annotator) else Annotator()
            t0 = time.perf_counter()
            records = _annotate(loaded, fresh, report)
            report.stored.extend(store.add_records(records))
            report.annotated_seconds += time.perf_counter() - t0
        done += len(articles)
        tick()
    drain(0)
    report.clusters = merge.update(store)
    tally.refresh(store)
    report.seconds = time.perf_counter() - started
    return report


#: The pipeline of a worker process, loaded once by ``_load_worker``.
_WORKER_ANNOTATOR: list[Annotator] = []


def Pool(workers: int) -> ProcessPoolExecutor:  # noqa: N802 - reads as the constructor it wraps
    """Worker processes for annotation, started fresh (spawn: no copy of this process's state), each loading the
    pipeline once."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_load_worker)


#: Guards the load of a worker's pipeline (a Dask worker may run batches in several threads).
_WORKER_LOCK = threading.Lock()


def _load_worker() -> None:
    with _WORKER_LOCK:
        if not _WORKER_ANNOTATOR:
            _WORKER_ANNOTATOR.append(Annotator())


def submit(pool: Submitter, articles: list[Article]) -> Any:
    """Send a batch to the process pool or the Dask cluster (told the task is not pure: two equal batches are two
    tasks, and none is served from a cache)."""
    if isinstance(pool, ProcessPoolExecutor):
        return pool.submit(annotate_batch, articles)
    return pool.submit(annotate_batch, articles, pure=False)


def annotate_batch(articles: list[Article]) -> tuple[list[ArticleRecord], list[Skipped]]:
    """Annotate a batch in a worker process, loading its pipeline on the first batch; return the records and what
    was skipped (records pickle as data)."""
    if not articles:
        return [], []
    if not _WORKER_ANNOTATOR:
        _load_worker()
    report = IngestReport()
    records = _annotate(_WORKER_ANNOTATOR[0], articles, report)
    return records, report.skipped


def _annotate(annotator: Annotator, articles: list[Article], report: IngestReport) -> list[ArticleRecord]:
    """Annotate a batch; if the batch fails, annotate one by one so a single bad article is skipped alone."""
    try:
        records = list(annotator.annotate(articles))
    except FogOfWarError:
        records = []
        for article in articles:
            try:
                records.extend(annotator.annotate([article]))
            except FogOfWarError as exc:
                report.skipped.append(Skipped(_where(article), f"annotation failed: {exc}"))
    good = []
    for record in records:
        try:
            check_indices(record)
        except RecordError as exc:
            report.skipped.append(Skipped(_where(record.article), str(exc)))
            continue
        good.append(record)
    return good


def _where(article: Article) -> str:
    return article.source_path or article.id


def store_records(store: Store, records: Iterable[ArticleRecord]) -> IngestReport:
    """Store already-annotated records (e.g. from ``fogofwar read --json``), then merge and tally."""
    report = IngestReport()
    batch: list[ArticleRecord] = []

    def flush() -> None:
        ids = store.add_records(batch)
        report.stored.extend(ids)
        report.present += len(batch) - len(ids)
        batch.clear()

    for record in records:
        try:
            check_indices(record)
        except RecordError as exc:
            report.skipped.append(Skipped(_where(record.article), str(exc)))
            continue
        batch.append(record)
        if len(batch) >= ARTICLES_PER_BATCH:
            flush()
    flush()
    report.clusters = merge.update(store)
    tally.refresh(store)
    return report
