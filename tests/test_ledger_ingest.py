"""Ingest: files, folders, corpora, saved pages and feeds; idempotent, resumable, and clear about bad input."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pytest

from fogofwar.api import example_paths
from fogofwar.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main
from fogofwar.ledger import Store, ingest
from fogofwar.pipeline import Annotator
from fogofwar.record import Article, ArticleRecord

from .conftest import SHARED


def never() -> Annotator:
    raise AssertionError("the annotator must not be loaded when every article is already stored")


def test_ingest_twice_stores_each_article_once(ledger_store, corpus, annotator):
    first = ingest(ledger_store, [corpus], annotator=annotator)
    assert (len(first.stored), first.present, first.skipped) == (4, 0, [])
    again = ingest(ledger_store, [corpus, corpus / "ganja.txt"], annotator=never)
    assert (len(again.stored), again.present) == (0, 5)
    assert ledger_store.scalar("SELECT count(*) FROM articles") == 4


def test_ingest_reports_progress(ledger_store, corpus, annotator):
    seen = []
    ingest(ledger_store, [corpus], annotator=annotator, progress=seen.append, batch_size=2)
    assert [p.done for p in seen] == [2, 4]
    assert all(p.total == 4 for p in seen)
    assert seen[-1].eta == 0
    assert seen[-1].rate > 0


class Interrupting(Annotator):
    """Annotates the first ``batches`` batches, then is interrupted (Ctrl-C) in the middle of the next."""

    def __init__(self, base: Annotator, batches: int) -> None:
        super().__init__(base.nlp)
        self.left = batches

    def annotate(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        yield from super().annotate(articles)


def test_ingest_resumes_after_an_interruption(ledger_target, corpus, annotator):
    with Store(ledger_target) as store, pytest.raises(KeyboardInterrupt):
        ingest(store, [corpus], annotator=Interrupting(annotator, batches=1), batch_size=2)
    with Store(ledger_target) as store:
        assert store.scalar("SELECT count(*) FROM articles") == 2  # the finished batch was committed
        resumed = ingest(store, [corpus], annotator=annotator, batch_size=2)
        assert (len(resumed.stored), resumed.present) == (2, 2)
        assert store.scalar("SELECT count(*) FROM articles") == 4
        unclustered = store.scalar(
            "SELECT count(*) FROM events e LEFT JOIN cluster_members m "
            "ON m.article_id = e.article_id AND m.event_idx = e.idx WHERE m.cluster_id IS NULL"
        )
        assert unclustered == 0


def test_ingest_bad_input_is_skipped_with_a_reason(ledger_store, corpus, annotator, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (corpus / "broken.rss").write_text("<rss><channel><title>Broken")
    report = ingest(ledger_store, [corpus, tmp_path / "missing"], annotator=annotator)
    assert len(report.stored) == 4
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert reasons["empty.txt"] == "the file is empty"
    assert reasons["photo.jpg"].startswith("not a file type fogofwar ingests")
    assert reasons["missing"] == "no such file or folder"
    assert "broken.rss" in reasons


HTML = """<html><head><title>Shelling hits Tartar - Caucasus Wire</title>
<meta property="og:site_name" content="Caucasus Wire"><meta name="date" content="2020-10-06">
<link rel="canonical" href="https://example.org/tartar"></head>
<body><nav>Home | World | Sport</nav><article><h1>Shelling hits Tartar</h1>
<p>Azerbaijan's Defence Ministry said on Tuesday that Armenian forces shelled the town of Tartar overnight.</p>
<p>Armenia's Defence Ministry denied the claim and said its forces had not fired on Azerbaijani towns.</p>
</article><footer>Copyright 2020 Caucasus Wire</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Monitor</title>
<item><title>Air strikes on Idlib</title><link>https://example.org/idlib</link>
<pubDate>Tue, 04 Apr 2017 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Air strikes hit the town of Khan Sheikhoun in Idlib province on Tuesday, a monitor said.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://example.org/empty</link><description></description></item>
</channel></rss>"""


def test_ingest_saved_page_and_feed(ledger_store, tmp_path, annotator):
    web = tmp_path / "web"
    web.mkdir()
    (web / "tartar.html").write_text(HTML, encoding="utf-8")
    (web / "levant.rss").write_text(FEED, encoding="utf-8")
    report = ingest(ledger_store, [web], annotator=annotator)
    assert len(report.stored) == 2
    assert [s.reason for s in report.skipped] == ["the entry has no text"]
    rows = ledger_store.query("SELECT outlet, published, headline, url FROM articles ORDER BY published")
    assert rows == [
        {"outlet": "Levant Monitor", "published": "2017-04-04", "headline": "Air strikes on Idlib",
         "url": "https://example.org/idlib"},
        {"outlet": "Caucasus Wire", "published": "2020-10-06", "headline": "Shelling hits Tartar",
         "url": "https://example.org/tartar"},
    ]  # fmt: skip
    record = json.loads(ledger_store.scalar("SELECT record FROM articles WHERE outlet = 'Caucasus Wire'"))
    assert "Home | World" not in record["article"]["text"]
    assert "Copyright" not in record["article"]["text"]


def test_ingest_jsonl_corpus(ledger_store, tmp_path, annotator):
    rows = [
        {"title": "Shelling in Donetsk", "text": "Shelling hit Donetsk on Monday, local officials said.",
         "date": "2022-02-21", "source": "Donbas Daily"},
        {"title": "Shelling in Donetsk", "text": "Shelling hit Donetsk on Monday, local officials said.",
         "date": "2022-02-21", "source": "Donbas Daily"},
        {"title": "No text"},
    ]  # fmt: skip
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = ingest(ledger_store, [tmp_path / "feed.jsonl"], annotator=annotator)
    assert (len(report.stored), report.present, len(report.skipped)) == (1, 1, 1)


def test_ingest_examples_and_corpus_twice_seed_denial_is_contested(tmp_path, capsys):
    db = str(tmp_path / "seed.db")
    paths = [str(p) for p in example_paths()] + [str(SHARED / "corpus")]
    assert main(["ingest", *paths, "--db", db, "--quiet"]) == EXIT_OK
    first = capsys.readouterr().err
    assert main(["ingest", *paths, "--db", db, "--quiet"]) == EXIT_OK
    second = capsys.readouterr().err
    n = len(example_paths()) + len(list((SHARED / "corpus").glob("*.txt")))
    assert first.startswith(f"stored {n}, already present 0, skipped 0")
    assert second.startswith(f"stored 0, already present {n}, skipped 0")
    with Store(db) as store:
        assert store.scalar("SELECT count(*) FROM articles") == n
    assert main(["claims", "--contested", "--db", db, "--json", "--limit", "1000"]) == EXIT_OK
    contested = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    seed = [c for c in contested if c["outlet"] == "TRT World" and c["polarity"] == "deny"]
    assert seed, "the seed article's denial is contested"
    assert all(c["contradiction"].startswith("denial:") or "denial" in c["contradiction"] for c in seed)


def test_ingest_cli_exit_codes(tmp_path, corpus, capsys):
    db = str(tmp_path / "cli.db")
    (corpus / "empty.txt").write_text("")
    assert main(["ingest", str(corpus), "--db", db]) == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert "articles/s" in err
    assert "skipped " + str(corpus / "empty.txt") + ": the file is empty" in err
    assert main(["ingest", str(tmp_path / "nothing-here"), "--db", db]) == EXIT_FAILED
    assert "no such file or folder" in capsys.readouterr().err


def test_ingest_workers_give_the_same_ledger(tmp_path, corpus, annotator):
    """Two annotating processes and one writer store exactly what one process stores."""
    tables = []
    for workers in (1, 2):
        with Store(str(tmp_path / f"w{workers}.db")) as store:
            report = ingest(store, [corpus], annotator=annotator, workers=workers, batch_size=2)
            assert len(report.stored) == 4
            tables.append(
                (
                    store.query("SELECT id, record FROM articles ORDER BY id"),
                    store.query("SELECT id, type, num_mentions FROM event_clusters ORDER BY id"),
                )
            )
    assert [dict(r) for r in tables[0][0]] == [dict(r) for r in tables[1][0]]
    assert [dict(r) for r in tables[0][1]] == [dict(r) for r in tables[1][1]]
