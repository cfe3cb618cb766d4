"""Exports: each format read back (pandas, json, pyarrow) from a small ledger built from hand-written records."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from fogofwar.cli import EXIT_OK, main
from fogofwar.errors import ExportError
from fogofwar.export import OWN_COLUMNS, export
from fogofwar.ledger import Store, store_records

from .ledger_support import REUTERS, TRT, actor, kharkiv, shelling

#: The Kharkiv report's text starts with "=" so that the exports' guard against spreadsheet formulas is exercised.
KYIV = "=Russian missiles struck Kharkiv on Tuesday, killing three Ukrainian soldiers, the General Staff said."


@pytest.fixture
def ledger(ledger_target: str) -> str:
    """The small ledger, once per backend (SQLite, and PostgreSQL when available)."""
    target = ledger_target
    with Store(target) as store:
        store_records(
            store,
            [
                shelling(TRT, claimant=actor("Azerbaijan Defence Ministry", "AZE"), killed=10, deny=True,
                         outlet="TRT World", url="https://trt.example/ganja"),
                shelling(REUTERS, claimant=actor("local officials", "AZE", "government"), killed=7, deny=False,
                         outlet="Reuters", url="https://reuters.example/ganja"),
                kharkiv(KYIV, "=Russian missiles struck"),
            ],
        )  # fmt: skip
    return target


def run(ledger: str, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", ledger, "--format", fmt, "-o", str(out), *extra]) == EXIT_OK
    return out


def test_acled_csv_reads_back(ledger: str, tmp_path: Path) -> None:
    frame = pd.read_csv(run(ledger, tmp_path, "acled"), dtype=str, keep_default_na=False)
    assert {"event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
            "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"} <= set(frame.columns)  # fmt: skip
    assert set(OWN_COLUMNS) <= set(frame.columns)
    assert len(frame) == 2
    ganja = frame[frame.location == "Ganja"].iloc[0]
    assert (ganja.event_type, ganja.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert ganja.fatalities == "7"  # ACLED's conservative figure: the lowest claimant's
    assert (ganja.event_date, ganja.time_precision, ganja.geo_precision) == ("2020-10-11", "1", "1")
    assert (ganja.country, ganja.admin1, ganja.actor1, ganja.actor2) == ("Azerbaijan", "Ganja", "Armenia military",
                                                                         "Ganja residents")  # fmt: skip
    assert ganja.source == "Reuters; TRT World"
    assert ganja.status == "disputed"
    assert ganja.denied_by == "Armenia Defence Ministry"
    figures = json.loads(ganja.figures_by_claimant)
    assert figures["Azerbaijan Defence Ministry"][0]["low"] == 10
    assert figures["local officials"][0]["low"] == 7
    kharkiv_row = frame[frame.location == "Kharkiv"].iloc[0]
    assert kharkiv_row.sub_event_type == "Air/drone strike"
    assert kharkiv_row.notes.startswith("'")  # a cell starting with '=' is not a formula in a spreadsheet


def test_ucdp_csv_best_low_high_and_sides(ledger: str, tmp_path: Path) -> None:
    frame = pd.read_csv(run(ledger, tmp_path, "ucdp"), keep_default_na=False)
    for column in ("best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "where_prec",
                   "date_prec", "date_start", "date_end", "source_article", "side_a", "side_b"):  # fmt: skip
        assert column in frame.columns
    ganja = frame[frame.where_coordinates == "Ganja"].iloc[0]
    assert (ganja.low, ganja.best, ganja.high) == (7, 8, 10)
    assert (ganja.deaths_civilians, ganja.deaths_a, ganja.deaths_b, ganja.deaths_unknown) == (8, 0, 0, 0)
    assert (ganja.where_prec, ganja.date_prec) == (1, 1)
    assert "TRT World 2020-10-11" in ganja.source_article
    war = frame[frame.where_coordinates == "Kharkiv"].iloc[0]
    assert (war.side_a, war.side_b, war.deaths_b, war.best) == ("Russia military", "Ukraine military", 3, 3)


def test_gdelt_tsv_cameo_and_counts(ledger: str, tmp_path: Path) -> None:
    frame = pd.read_csv(run(ledger, tmp_path, "gdelt"), sep="\t", dtype=str, keep_default_na=False)
    ganja = frame[frame.ActionGeo_FullName.str.startswith("Ganja")].iloc[0]
    assert (ganja.SQLDATE, ganja.EventRootCode, ganja.QuadClass) == ("20201011", "19", "4")
    assert (ganja.NumMentions, ganja.NumSources, ganja.NumArticles) == ("2", "2", "2")
    assert (ganja.Actor1CountryCode, ganja.Actor2CountryCode, ganja.ActionGeo_CountryCode) == ("ARM", "AZE", "AZ")
    assert float(ganja.ActionGeo_Lat) == pytest.approx(40.6828)
    assert ganja.SOURCEURL in {"https://trt.example/ganja", "https://reuters.example/ganja"}
    assert ganja.claimant == "Armenia Defence Ministry; Azerbaijan Defence Ministry; local officials"


def test_geojson_points_with_properties(ledger: str, tmp_path: Path) -> None:
    data = json.loads(run(ledger, tmp_path, "geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    by_place = {f["properties"]["place"]: f for f in data["features"]}
    assert by_place["Kharkiv"]["geometry"] == {"type": "Point", "coordinates": [36.2304, 49.9935]}
    assert by_place["Ganja"]["properties"]["denied_by"] == ["Armenia Defence Ministry"]
    assert by_place["Ganja"]["properties"]["fatalities_best"] == 8


def test_jsonl_full_records(ledger: str, tmp_path: Path) -> None:
    lines = run(ledger, tmp_path, "jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    ganja = next(e for e in events if e["place"] == "Ganja")
    assert len(ganja["mentions"]) == 2
    assert {c["polarity"] for c in ganja["claims"]} == {"assert", "deny"}
    assert {e["outcome"] for e in ganja["estimates"]} == {"killed"}
    assert ganja["mentions"][0]["places"][0]["admin1"] == "Ganja"


def test_parquet_reads_back(ledger: str, tmp_path: Path) -> None:
    table = pq.read_table(run(ledger, tmp_path, "parquet"))
    rows = {r["place"]: r for r in table.to_pylist()}
    assert rows["Ganja"]["denied_by"] == ["Armenia Defence Ministry"]
    assert (rows["Ganja"]["fatalities_low"], rows["Ganja"]["fatalities_high"]) == (7, 10)
    assert rows["Kharkiv"]["lat"] == pytest.approx(49.9935)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (("--country", "UKR"), {"Kharkiv"}),
        (("--country", "Azerbaijan"), {"Ganja"}),
        (("--since", "2021-01-01"), {"Kharkiv"}),
        (("--until", "2021-01-01"), {"Ganja"}),
        (("--type", "AGREE"), set()),
    ],
)
def test_filters(ledger: str, tmp_path: Path, filters: tuple[str, ...], expected: set[str]) -> None:
    lines = run(ledger, tmp_path, "jsonl", *filters).read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["place"] for line in lines} == expected


def test_unknown_format_is_an_export_error(ledger: str, tmp_path: Path) -> None:
    with Store(ledger) as store, pytest.raises(ExportError):
        export(store, "xlsx", tmp_path / "x.xlsx")


def test_export_outlet_lean_is_an_article_level_column(tmp_path):
    from fogofwar.export.gather import outlet_leans

    records = {
        "a1": {"article": {"outlet": "TRT World"}, "framing": {"lean": "AZE"}},
        "a2": {"article": {"outlet": "Reuters"}, "framing": {"lean": "neutral"}},
    }
    assert outlet_leans(records, ["a1", "a2", "a1"]) == ["TRT World: AZE", "Reuters: neutral"]
