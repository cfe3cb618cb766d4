"""JSON-lines and CSV corpora: default column names, a column mapping, dates, and bad rows skipped with reasons."""

from __future__ import annotations

import csv
import json

import pytest

from fogofwar.read import Skipped, iter_source


def rows_of(items):
    return [i for i in items if not isinstance(i, Skipped)], [i for i in items if isinstance(i, Skipped)]


def test_read_corpus_jsonl_default_columns(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {
            "title": "Shelling in Donetsk",
            "text": "Shelling hit Donetsk on Monday, officials said.",
            "date": "2022-05-02",
            "url": "https://example.org/1",
            "source": "Wire",
        },
        {
            "headline": "Truce in Yemen",
            "content": "The truce took hold, the UN envoy said.",
            "published": "2022-04-02T10:00:00Z",
        },
        "not an object",
        {"title": "no text here"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    articles, skipped = rows_of(list(iter_source(path)))
    assert [a.published for a in articles] == ["2022-05-02", "2022-04-02"]
    assert articles[0].headline == "Shelling in Donetsk" and articles[0].outlet == "Wire"
    assert articles[0].url == "https://example.org/1"
    assert articles[0].text.startswith("Shelling in Donetsk\n\nShelling hit Donetsk")
    reasons = [s.reason for s in skipped]
    assert any("not an object" in r for r in reasons)
    assert any("no text" in r for r in reasons)
    assert any("not JSON" in r for r in reasons)
    assert all(":" in s.path and "line" in s.path for s in skipped)


def test_read_corpus_csv_with_mapping_and_us_dates(tmp_path):
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["story", "hed", "day", "outlet_name"])
        writer.writerow(["Barrel bombs hit Aleppo, a monitor said.", "Aleppo raids", "4/5/17", "Monitor"])
        writer.writerow(["Fighting in Marib.", "Marib", "someday", "Wire"])
    items = list(iter_source(path, columns={"text": "story", "title": "hed", "date": "day", "source": "outlet_name"}))
    articles, skipped = rows_of(items)
    assert len(articles) == 1 and articles[0].published == "2017-04-05" and articles[0].outlet == "Monitor"
    assert len(skipped) == 1 and "row 3" in skipped[0].path and "'someday' is not a date" in skipped[0].reason


def test_read_corpus_title_not_repeated_when_text_starts_with_it(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"title": "Raid on Raqqa", "text": "Raid on Raqqa. Jets struck the city."}), encoding="utf-8"
    )
    (article,) = list(iter_source(path))
    assert article.text == "Raid on Raqqa. Jets struck the city."


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_read_corpus_empty_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_text("", encoding="utf-8")
    (item,) = list(iter_source(path))
    assert isinstance(item, Skipped) and item.reason == "the file is empty"
