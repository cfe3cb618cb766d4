"""Geocoding on LGL and GeoVirus (../shared/eval/lgl, ../shared/eval/geovirus): accuracy@161 km and end-to-end F1.

(a) Geocoding alone: every gold toponym's phrase is resolved with fogofwar's resolver, together with the other gold
    toponyms of its document, the countries its text names, the place written after it behind a comma ("Dublin,
    Ohio") and a town's institution written after it ("Berea Police Department") (``fogofwar.gazetteer.context``),
    as the places component resolves the toponyms it finds (which also reads a place noun after a name from the
    parse: "Idlib province"). A toponym counts when the chosen place lies within 161 km (100 miles) of
    the gold point; an unresolved toponym counts as a miss. Also reported: the mean error and the AUC of the log error
    (Gritta et al. 2018's measures) over resolved toponyms.
(b) End to end: the full pipeline reads the raw text; a predicted place (any precision but unresolved) is a true
    positive when its span overlaps a gold toponym's span and it lies within 161 km of it; P/R/F1 over spans. Also
    reported without the gold demonyms (``f_unpatched_no_demonyms``): LGL marks "Russian" or "Palestinians" as
    toponyms, and fogofwar does not record a people as a place.

Gold coordinates are corrected with the mlg ``*_patches_mlg.tsv`` files (toponym, original lat/lon, WikiData-unified
lat/lon): a gold toponym whose phrase and original point match a patch line takes the unified point. Accuracy is
reported against both (``acc161`` patched, ``acc161_unpatched`` the corpus's own points): the unified points put some
countries on their capitals ("United States" at Washington), which a centroid cannot match.

Published acc@161 for comparison (Gritta et al. 2018): CamCoder 0.76 (LGL) / 0.82 (GeoVirus), CLAVIN 0.71 / 0.79,
population baseline 0.70 / 0.80.

Usage: PYTHONPATH=src python evaluation/geocoding.py [--limit N] [--skip-e2e]
Writes evaluation/results/geocoding.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar import countries
from fogofwar.gazetteer import Gazetteer
from fogofwar.gazetteer.context import containers, countries_in, towns
from fogofwar.gazetteer.resolve import TOWN_HINT, Toponym, km_between, resolve

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RESULT = ROOT / "evaluation" / "results" / "geocoding.json"

#: The customary geocoding tolerance: 161 km = 100 miles.
TOLERANCE_KM = 161.0

#: Largest error in the AUC of log errors: half the Earth's circumference (Gritta et al. 2018).
MAX_ERROR_KM = 20_039.0

#: Misses and false positives listed in the JSON result, at most, per list (the counts cover all of them).
MAX_LISTED = 150

#: Patch lines match a gold point when both coordinates agree to this many degrees.
PATCH_EPSILON = 0.01


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A gold toponym: its span in the document text, phrase and point."""

    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    original: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text and gold toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def load_patches(path: Path) -> dict[str, list[tuple[float, float, float, float]]]:
    """phrase -> [(original lat, lon, unified lat, lon)] from an mlg patch file."""
    patches: dict[str, list[tuple[float, float, float, float]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 3:
            continue
        try:
            old = [float(x) for x in parts[1].split(",")]
            new = [float(x) for x in parts[2].split(",")]
        except ValueError:
            continue
        patches.setdefault(parts[0], []).append((old[0], old[1], new[0], new[1]))
    return patches


def patched(
    phrase: str, lat: float, lon: float, patches: dict[str, list[tuple[float, float, float, float]]]
) -> tuple[float, float]:
    """The corrected point of a gold toponym (unchanged when no patch line applies)."""
    for old_lat, old_lon, new_lat, new_lon in patches.get(phrase, ()):
        if abs(old_lat - lat) <= PATCH_EPSILON and abs(old_lon - lon) <= PATCH_EPSILON:
            return new_lat, new_lon
    return lat, lon


def load_lgl() -> list[Document]:
    """LGL articles with their toponyms that have a gold point."""
    patches = load_patches(EVAL / "lgl" / "lgl_patches_mlg.tsv")
    docs = []
    for article in ET.parse(EVAL / "lgl" / "lgl.xml").getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            phrase = t.findtext("phrase") or ""
            point = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
            lat, lon = patched(phrase, *point, patches)
            span = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            toponyms.append(GoldToponym(*span, phrase, lat, lon, point))
        docs.append(Document(article.get("docid") or "", text, tuple(toponyms)))
    return docs


def load_geovirus() -> list[Document]:
    """GeoVirus paragraphs with their locations."""
    patches = load_patches(EVAL / "geovirus" / "GeoVirus_patches_mlg.tsv")
    docs = []
    for i, article in enumerate(ET.parse(EVAL / "geovirus" / "GeoVirus.xml").getroot().iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for loc in article.iter("location"):
            phrase = loc.findtext("name") or ""
            point = float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0)
            lat, lon = patched(phrase, *point, patches)
            # GeoVirus counts offsets from 1: its "start" is one past the phrase's first character.
            span = int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1
            toponyms.append(GoldToponym(*span, phrase, lat, lon, point))
        docs.append(Document(f"geovirus-{i}", text, tuple(toponyms)))
    return docs


def auc_of_errors(errors: list[float]) -> float:
    """Area under the curve of log errors, normalised to [0, 1] (lower is better)."""
    if not errors:
        return float("nan")
    logs = sorted(math.log(1 + e) for e in errors)
    return sum(logs) / (len(logs) * math.log(MAX_ERROR_KM))


def geocode_given_spans(docs: list[Document], gazetteer: Gazetteer) -> dict[str, Any]:
    """(a) accuracy@161 km over gold toponyms."""
    right = right_original = total = unresolved = 0
    errors: list[float] = []
    misses: list[str] = []
    for doc in docs:
        if not doc.toponyms:
            continue
        spans = [(t.start, t.end) for t in doc.toponyms]
        toponyms = [
            Toponym(t.phrase, TOWN_HINT if town else None, within)
            for t, within, town in zip(doc.toponyms, containers(doc.text, spans), towns(doc.text, spans), strict=True)
        ]
        results = resolve(toponyms, gazetteer, countries_in(doc.text))
        for gold, result in zip(doc.toponyms, results, strict=True):
            total += 1
            if result.place is None:
                unresolved += 1
                misses.append(f"{doc.id} {gold.phrase}: unresolved")
                continue
            error = km_between(gold.lat, gold.lon, result.place.lat, result.place.lon)
            errors.append(error)
            right_original += km_between(*gold.original, result.place.lat, result.place.lon) <= TOLERANCE_KM
            if error <= TOLERANCE_KM:
                right += 1
            else:
                misses.append(f"{doc.id} {gold.phrase}: {result.place.name} {result.place.country} ({error:.0f} km)")
    return {
        "toponyms": total,
        "acc161": round(right / total, 4) if total else None,
        "acc161_unpatched": round(right_original / total, 4) if total else None,
        "unresolved": unresolved,
        "mean_error_km": round(sum(errors) / len(errors), 1) if errors else None,
        "auc": round(auc_of_errors(errors), 4),
        "misses": misses[:MAX_LISTED],
    }


def is_demonym(phrase: str) -> bool:
    """True for a people's or adjectival name of a country ("Russian", "Palestinians")."""
    word = countries.lookup(phrase)
    return word is not None and word.kind == "demonym"


def end_to_end(docs: list[Document]) -> dict[str, Any]:
    """(b) detection + resolution from raw text: span overlap and within 161 km (of the patched, and of the corpus's
    own gold point)."""
    from fogofwar.pipeline import Annotator
    from fogofwar.read import parse_text

    annotator = Annotator()
    counts = {"patched": [0, 0], "unpatched": [0, 0]}  # [matched predictions, matched gold]
    demonym_hits = [0]
    pred = gold = 0
    misses: list[str] = []
    extras: list[str] = []
    articles = [parse_text(d.text, path=d.id) for d in docs]
    for document, (article, doc) in zip(docs, annotator.docs(articles), strict=True):
        shift = max(article.text.find(document.text[:40]), 0) if document.text else 0
        places = [p for p in (doc._.places or ()) if p.lat is not None and p.lon is not None]
        pred += len(places)
        gold += len(document.toponyms)
        for which, tally in counts.items():

            def fits(g: GoldToponym, p: Any, which: str = which, shift: int = shift) -> bool:
                overlap = p.evidence.start < g.end + shift and g.start + shift < p.evidence.end
                lat, lon = (g.lat, g.lon) if which == "patched" else g.original
                return bool(overlap and km_between(lat, lon, p.lat, p.lon) <= TOLERANCE_KM)

            tally[1] += sum(any(fits(g, p) for p in places) for g in document.toponyms)
            if which == "unpatched":
                demonym_hits[0] += sum(
                    is_demonym(g.phrase) and any(fits(g, p) for p in places) for g in document.toponyms
                )
            tally[0] += sum(any(fits(g, p) for g in document.toponyms) for p in places)
            if which == "patched":
                misses += [
                    f"{document.id} {g.phrase}" for g in document.toponyms if not any(fits(g, p) for p in places)
                ]
                extras += [
                    f"{document.id} {p.text} -> {p.name} {p.country}"
                    for p in places
                    if not any(fits(g, p) for g in document.toponyms)
                ]
    result: dict[str, Any] = {"predicted": pred, "gold": gold}
    # Recall without the gold demonyms ("Russian", "Palestinians"): LGL marks adjectival forms as toponyms, fogofwar
    # records places, not the peoples of countries (the actors component reads demonyms).
    demonyms = sum(is_demonym(g.phrase) for d in docs for g in d.toponyms)
    found_demonyms = demonym_hits[0]
    recall = (counts["unpatched"][1] - found_demonyms) / (gold - demonyms) if gold > demonyms else 0.0
    precision = counts["unpatched"][0] / pred if pred else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result.update({"r_unpatched_no_demonyms": round(recall, 4), "f_unpatched_no_demonyms": round(f1, 4)})
    for which, (ok_pred, ok_gold) in counts.items():
        precision = ok_pred / pred if pred else 0.0
        recall = ok_gold / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        suffix = "" if which == "patched" else "_unpatched"
        result.update({f"p{suffix}": round(precision, 4), f"r{suffix}": round(recall, 4), f"f{suffix}": round(f1, 4)})
    result.update({"misses": misses[:MAX_LISTED], "false_positives": extras[:MAX_LISTED]})
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each set")
    parser.add_argument("--skip-e2e", action="store_true", help="geocoding given the gold spans only")
    args = parser.parse_args()
    gazetteer = Gazetteer(progress=lambda m: print(m, file=sys.stderr))
    results: dict[str, Any] = {}
    print(
        f"{'set':<10} {'toponyms':>8} {'acc@161':>8} {'unpatch':>8} {'unres':>6} {'AUC':>6} "
        f"{'P':>6} {'R':>6} {'F1':>6} {'F1unp':>6} {'F1unpND':>7} {'secs':>6}"
    )
    for name, loader in (("lgl", load_lgl), ("geovirus", load_geovirus)):
        docs = loader()
        if args.limit:
            docs = docs[: args.limit]
        started = time.monotonic()
        given = geocode_given_spans(docs, gazetteer)
        e2e = None if args.skip_e2e else end_to_end(docs)
        seconds = time.monotonic() - started
        results[name] = {"documents": len(docs), "given_spans": given, "end_to_end": e2e}
        keys = ("p", "r", "f", "f_unpatched", "f_unpatched_no_demonyms")
        p, r, f, fu, fnd = (f"{e2e[k]:.3f}" for k in keys) if e2e else ("-",) * 5
        print(
            f"{name:<10} {given['toponyms']:>8} {given['acc161']:>8.3f} {given['acc161_unpatched']:>8.3f} "
            f"{given['unresolved']:>6} "
            f"{given['auc']:>6.3f} {p:>6} {r:>6} {f:>6} {fu:>6} {fnd:>7} {seconds:>6.0f}"
        )
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
