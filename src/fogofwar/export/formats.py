"""Export formats: ACLED-style CSV, UCDP-GED-style CSV, GDELT-style TSV, GeoJSON, JSON lines, Parquet.

Each format maps the event dicts of ``fogofwar.export.gather`` to the columns analysts know from that dataset, then
appends fogofwar's own columns that none of them has (``OWN_COLUMNS``): every claimant, the event's status, who
denies it, each claimant's figures side by side, and each reporting outlet's framing lean (article-level). Where
our data cannot fill a column the way the original dataset does, the column is still there with the nearest
meaning, documented here:

- ACLED: ``fatalities`` is ACLED's conservative figure, our ``low`` estimate (the lowest claimant's figure);
  ``event_type``/``sub_event_type`` come from the PLOVER crosswalk in ``data/acled.json``.
- UCDP GED: ``best``/``low``/``high`` are our estimates; ``side_a`` is the acting side, ``side_b`` its target.
- GDELT: ``EventCode``/``EventRootCode`` hold the CAMEO root (fogofwar codes PLOVER types, not CAMEO leaves);
  ``ActionGeo_CountryCode`` is ISO 3166 alpha-2, not FIPS; ``GLOBALEVENTID`` is the cluster id (text).

Text cells starting with ``=``, ``+``, ``-``, ``@`` get a leading apostrophe in CSV/TSV so that a spreadsheet does
not run an article's words as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from fogofwar.countries import country_name
from fogofwar.crosswalk import cameo_root, quad_class
from fogofwar.errors import ExportError
from fogofwar.export.gather import iso2, iso3

#: Leading characters a spreadsheet treats as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: GDELT ActionGeo_Type codes from fogofwar place precisions: 1 country, 4 a city or point, 5 a first-order region.
GDELT_GEO_TYPE = {"country": 1, "point": 4, "admin2": 4, "admin1": 5, "region": 5}

#: UCDP GED where_prec: 1 the exact place, 3 a second-order region, 4 a first-order region, 6 the country.
UCDP_WHERE_PREC = {"point": 1, "admin2": 3, "admin1": 4, "region": 4, "country": 6}

#: UCDP GED date_prec: 1 the exact day, 3 within a week, 4 within a month, 5 a longer period.
UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5, "decade": 5}

#: fogofwar's own columns, appended to ACLED, UCDP and GDELT rows.
OWN_COLUMNS = (
    "claimant", "status", "denied_by", "asserted_by", "figures_by_claimant", "num_articles", "outlet_lean"
)  # fmt: skip

FORMATS = ("acled", "ucdp", "gdelt", "geojson", "jsonl", "parquet")


@cache
def acled_crosswalk() -> dict[str, Any]:
    """``data/acled.json``, read once."""
    text = resources.files("fogofwar").joinpath("data/acled.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def acled_type(event: dict[str, Any]) -> tuple[str, str]:
    """ACLED's event_type and sub_event_type for an event, by the documented crosswalk."""
    table = acled_crosswalk()
    kind, mode = event["type"], event.get("mode")
    if kind == "ASSAULT":
        if mode in table["assault_modes"]:
            pair = table["assault_modes"][mode]
        else:
            civilian_only = {e["population"] for e in event["estimates"] if e["outcome"] == "killed"} == {"civilian"}
            pair = table["civilian_assault"] if civilian_only else table["types"]["ASSAULT"]
    elif kind == "COERCE" and mode in table["coerce_modes"]:
        pair = table["coerce_modes"][mode]
    else:
        pair = table["types"][kind]
    return pair[0], pair[1]


def _join(values: list[str]) -> str:
    return "; ".join(values)


def own_columns(event: dict[str, Any]) -> dict[str, Any]:
    """fogofwar's columns: claimants, status, denials, each claimant's figures (JSON), articles."""
    return {
        "claimant": _join(event["claimants"]),
        "status": event["status"],
        "denied_by": _join(event["denied_by"]),
        "asserted_by": _join(event["asserted_by"]),
        "figures_by_claimant": json.dumps(event["figures_by_claimant"], ensure_ascii=False, sort_keys=True),
        "num_articles": event["num_articles"],
        "outlet_lean": _join(event["outlet_leans"]),
    }


def _name(code: str | None) -> str:
    return (country_name(code) or "") if code else ""


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row."""
    event_type, sub_type = acled_type(event)
    table = acled_crosswalk()
    return {
        "event_id_cnty": event["id"],
        "event_date": event["date_start"] or "",
        "year": (event["date_start"] or "")[:4],
        "time_precision": table["time_precision"].get(event["date_precision"] or "", 3),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": event["actor1"] or "",
        "actor2": event["actor2"] or "",
        "country": _name(event["country"]),
        "iso3": iso3(event["country"]) or "",
        "admin1": event["admin1"] or "",
        "location": event["place"] or "",
        "latitude": event["lat"],
        "longitude": event["lon"],
        "geo_precision": table["geo_precision"].get(event["geo_precision"] or "", 3),
        "source": _join(event["outlets"]),
        "notes": event["summary"],
        "fatalities": event["fatalities"]["low"] or 0,
        **own_columns(event),
    }


def ucdp_row(event: dict[str, Any]) -> dict[str, Any]:
    """One UCDP-GED-style row."""
    f, d = event["fatalities"], event["deaths"]
    return {
        "id": event["id"],
        "year": (event["date_start"] or "")[:4],
        "side_a": event["actor1"] or "",
        "side_b": event["actor2"] or "",
        "source_article": _join([f"{m['outlet'] or ''} {m['published'] or ''} {m['headline'] or ''}".strip()
                                 for m in event["mentions"]]),
        "source_office": _join(event["outlets"]),
        "source_headline": _join(list(dict.fromkeys(m["headline"] for m in event["mentions"] if m["headline"]))),
        "where_prec": UCDP_WHERE_PREC.get(event["geo_precision"] or "", 7 if event["lat"] is None else 6),
        "where_coordinates": event["place"] or "",
        "adm_1": event["admin1"] or "",
        "latitude": event["lat"],
        "longitude": event["lon"],
        "country": _name(event["country"]),
        "date_start": event["date_start"] or "",
        "date_end": event["date_end"] or "",
        "date_prec": UCDP_DATE_PREC.get(event["date_precision"] or "", 5),
        "deaths_a": d["a"],
        "deaths_b": d["b"],
        "deaths_civilians": d["civilians"],
        "deaths_unknown": d["unknown"],
        "best": f["best"] or 0,
        "high": f["high"] or 0,
        "low": f["low"] or 0,
        **own_columns(event),
    }  # fmt: skip


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One GDELT-style row (events table, 1.0/2.0 column names)."""
    day = (event["date_start"] or "").replace("-", "")
    root = cameo_root(event["type"], event.get("mode"))
    return {
        "GLOBALEVENTID": event["id"],
        "SQLDATE": day,
        "MonthYear": day[:6],
        "Year": day[:4],
        "Actor1Name": (event["actor1"] or "").upper(),
        "Actor1CountryCode": event["actor1_country"] or "",
        "Actor2Name": (event["actor2"] or "").upper(),
        "Actor2CountryCode": event["actor2_country"] or "",
        "IsRootEvent": 1,
        "EventCode": root,
        "EventBaseCode": root,
        "EventRootCode": root,
        "QuadClass": quad_class(event["type"]),
        "NumMentions": event["num_mentions"],
        "NumSources": event["num_sources"],
        "NumArticles": event["num_articles"],
        "ActionGeo_Type": GDELT_GEO_TYPE.get(event["geo_precision"] or "", 0),
        "ActionGeo_FullName": ", ".join(x for x in (event["place"], event["admin1"], _name(event["country"])) if x),
        "ActionGeo_CountryCode": iso2(event["country"]) or "",
        "ActionGeo_ADM1Code": event["admin1"] or "",
        "ActionGeo_Lat": event["lat"],
        "ActionGeo_Long": event["lon"],
        "SOURCEURL": event["urls"][0] if event["urls"] else "",
        **own_columns(event),
    }


def _safe_cell(value: Any, *, tsv: bool) -> Any:
    if not isinstance(value, str):
        return "" if value is None else value
    if tsv:
        value = value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _table(rows: list[dict[str, Any]], columns: list[str], *, tsv: bool) -> str:
    if tsv:  # GDELT's files are tab-separated without quoting: tabs and line breaks in a value became spaces
        lines = ["\t".join(columns)]
        lines += ["\t".join(str(_safe_cell(row[c], tsv=True)) for c in columns) for row in rows]
        return "\n".join(lines) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_safe_cell(row[c], tsv=tsv) for c in columns])
    return out.getvalue()


ROW_MAKERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "acled": acled_row,
    "ucdp": ucdp_row,
    "gdelt": gdelt_row,
}


def columns_of(fmt: str) -> list[str]:
    """The column names of a tabular format, in order (from a blank event)."""
    return list(ROW_MAKERS[fmt](_BLANK).keys())


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """The event as one flat row (GeoJSON properties, Parquet): scalars and lists of names, figures as JSON."""
    return {
        "id": event["id"],
        "type": event["type"],
        "mode": event["mode"],
        "date_start": event["date_start"],
        "date_end": event["date_end"],
        "date_precision": event["date_precision"],
        "place": event["place"],
        "admin1": event["admin1"],
        "country": event["country"],
        "lat": event["lat"],
        "lon": event["lon"],
        "geo_precision": event["geo_precision"],
        "actor1": event["actor1"],
        "actor1_country": event["actor1_country"],
        "actor2": event["actor2"],
        "actor2_country": event["actor2_country"],
        "status": event["status"],
        "num_mentions": event["num_mentions"],
        "num_sources": event["num_sources"],
        "num_articles": event["num_articles"],
        "summary": event["summary"],
        "outlets": event["outlets"],
        "outlet_leans": event["outlet_leans"],
        "urls": event["urls"],
        "claimants": event["claimants"],
        "asserted_by": event["asserted_by"],
        "denied_by": event["denied_by"],
        "fatalities_low": event["fatalities"]["low"],
        "fatalities_best": event["fatalities"]["best"],
        "fatalities_high": event["fatalities"]["high"],
        "figures_by_claimant": json.dumps(event["figures_by_claimant"], ensure_ascii=False, sort_keys=True),
    }


def geojson(events: list[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one Point per event (geometry null when the event has no coordinates)."""
    features = []
    for e in events:
        point = None if e["lat"] is None or e["lon"] is None else {"type": "Point", "coordinates": [e["lon"], e["lat"]]}
        features.append({"type": "Feature", "id": e["id"], "geometry": point, "properties": flat_row(e)})
    return {"type": "FeatureCollection", "features": features}


def write(events: list[dict[str, Any]], fmt: str, path: str | Path) -> int:
    """Write ``events`` to ``path`` in ``fmt``; return the number of events written."""
    target = Path(path)
    try:
        if fmt in ROW_MAKERS:
            rows = [ROW_MAKERS[fmt](e) for e in events]
            target.write_text(_table(rows, columns_of(fmt), tsv=fmt == "gdelt"), encoding="utf-8", newline="")
        elif fmt == "geojson":
            target.write_text(json.dumps(geojson(events), ensure_ascii=False), encoding="utf-8")
        elif fmt == "jsonl":
            with target.open("w", encoding="utf-8") as out:
                for e in events:
                    out.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
        elif fmt == "parquet":
            _parquet(events, target)
        else:
            raise ExportError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return len(events)


def _parquet(events: list[dict[str, Any]], target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    text, num, whole, names = pa.string(), pa.float64(), pa.int64(), pa.list_(pa.string())
    kinds = {
        "lat": num, "lon": num, "outlets": names, "outlet_leans": names, "urls": names, "claimants": names,
        "asserted_by": names,
    }  # fmt: skip
    kinds |= {"denied_by": names}
    kinds |= {k: whole for k in ("num_mentions", "num_sources", "num_articles")}
    kinds |= {k: whole for k in ("fatalities_low", "fatalities_best", "fatalities_high")}
    schema = pa.schema([(name, kinds.get(name, text)) for name in flat_row(_BLANK)])
    table = pa.Table.from_pylist([flat_row(e) for e in events], schema=schema)
    pq.write_table(table, target)


_BLANK: dict[str, Any] = {
    "id": "", "type": "ASSAULT", "mode": None, "date_start": None, "date_end": None, "date_precision": None,
    "place": None, "admin1": None, "country": None, "lat": None, "lon": None, "geo_precision": None,
    "actor1": None, "actor1_country": None, "actor2": None, "actor2_country": None, "status": "reported",
    "num_mentions": 0, "num_sources": 0, "num_articles": 0, "summary": "", "outlets": [], "outlet_leans": [],
    "urls": [], "article_ids": [], "claimants": [], "asserted_by": [], "denied_by": [],
    "fatalities": {"low": None, "best": None, "high": None},
    "deaths": {"a": 0, "b": 0, "civilians": 0, "unknown": 0}, "figures_by_claimant": {}, "estimates": [],
    "claims": [], "mentions": [],
}  # fmt: skip
