"""Relation-only development harness: gold entities in, `qiao_relations` out, scored like the scorer.

Entity errors are taken out of the picture: every gold entity's name and aliases
are found in the normalised text of its document (overlaps kept, as the entity
pipeline keeps them), "该中心 / 中心 / 集团" at a clause start is attached to the
nearest preceding name ending that way (what the resolver does), the mentions
become `doc.spans["qiao"]` of a blank Chinese Doc, and the registered component
runs. Scoring reuses ../shared/tools/score_extraction.py so the numbers match
the joint scorer's relation matching exactly.

    .venv/bin/python tools/relation_dev.py [--gold DIR] [-v] [--doc ID] [--threshold T]

DIR holds gold files in the format of ../shared/corpus/dev (any directory: write
your own annotated reports there to check rules on text nobody tuned for).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import spacy

from extractors.extensions import SPANS_KEY
from extractors.normalise import normalise
from extractors.relations import RelationExtractor  # noqa: F401  (registers the factory)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_ANAPHOR_RE = re.compile(r"该中心|该集团|该台|该社|中心|集团")


def load_scorer(shared: Path = SHARED):
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_mentions(text: str, entities: list[dict]) -> list[tuple[int, int, str, str]]:
    """(start, end, type, id) of every occurrence of every gold name or alias (one-character aliases skipped)."""
    out = set()
    for e in entities:
        eid = f"{e['type']}:{e['name']}"
        for name in {e["name"], *e.get("aliases", [])}:
            name = normalise(name).text
            if len(name) < 2:
                continue
            for m in re.finditer(re.escape(name), text):
                out.add((m.start(), m.end(), e["type"], eid))
    mentions = sorted(out)
    return mentions + _anaphora(text, mentions)


def _anaphora(text: str, mentions: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _ANAPHOR_RE.finditer(text):
        s, e = m.span()
        if any(a <= s < b for a, b, _, _ in mentions):
            continue
        if s > 0 and text[s - 1] not in "，,。；;：:“\n" and not m.group().startswith("该"):
            continue
        suffix = m.group().removeprefix("该")
        prior = [x for x in mentions if x[1] <= s and text[x[0]:x[1]].endswith(suffix)]
        if prior:
            _, _, typ, eid = prior[-1]
            out.append((s, e, typ, eid))
    return out


def build_doc(nlp, text: str, mentions: list[tuple[int, int, str, str]]):
    doc = nlp.make_doc(text)
    spans = []
    for s, e, typ, eid in mentions:
        span = doc.char_span(s, e, label=typ, alignment_mode="expand")
        if span is None:
            continue
        span._.entity_id = eid
        spans.append(span)
    doc.spans[SPANS_KEY] = spans
    return doc


def run(gold_dir: Path, verbose: bool = False, only: str | None = None, threshold: float | None = None) -> dict:
    scorer = load_scorer()
    nlp = spacy.blank("zh")
    cfg = {} if threshold is None else {"threshold": threshold}
    component = nlp.add_pipe("qiao_relations", config=cfg)
    stats = {"ent": defaultdict(lambda: defaultdict(int)), "rel": defaultdict(lambda: defaultdict(int))}
    for path in sorted(gold_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        if only and g["doc_id"] != only:
            continue
        text = normalise(g["text"]).text
        doc = component(build_doc(nlp, text, gold_mentions(text, g["entities"])))
        pred = {
            "entities": [{"id": f"{e['type']}:{e['name']}", "type": e["type"], "name": e["name"],
                          "aliases": e.get("aliases", [])} for e in g["entities"]],
            "relations": [{"type": r.type, "head": r.head_id, "tail": r.tail_id, "confidence": r.confidence,
                           "evidence": {"start": r.start_char, "end": r.end_char}} for r in doc._.qiao_relations],
        }
        scorer.score_doc(g, pred, stats)
        if verbose:
            report(g, pred, text, scorer)
    return stats


def report(g: dict, pred: dict, text: str, scorer) -> None:
    """Print false positives (with confidence and evidence) and false negatives of one document."""
    name = {e["id"]: e["name"] for e in pred["entities"]}
    gold = {(r["type"], r["head"], r["tail"]) for r in g["relations"]}
    sym = scorer.SYMMETRIC
    got = set()
    print(f"== {g['doc_id']}")
    for r in pred["relations"]:
        key = (r["type"], name[r["head"]], name[r["tail"]])
        rev = (r["type"], key[2], key[1])
        ok = key in gold or (r["type"] in sym and rev in gold)
        got.add(key if key in gold else rev)
        ev = text[r["evidence"]["start"]:r["evidence"]["end"]]
        if not ok:
            print(f"  FP {key[0]:15s} {key[1]} -> {key[2]}  ({r['confidence']})  | {ev[:90]}")
    for key in sorted(gold - got):
        print(f"  FN {key[0]:15s} {key[1]} -> {key[2]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--doc")
    ap.add_argument("--threshold", type=float)
    a = ap.parse_args()
    if not a.gold.is_dir():
        sys.exit(f"no gold corpus at {a.gold}")
    stats = run(a.gold, a.verbose, a.doc, a.threshold)
    scorer = load_scorer()
    tot = defaultdict(int)
    for t in sorted(stats["rel"]):
        c = stats["rel"][t]
        for k in ("tp", "fp", "fn"):
            tot[k] += c[k]
        p, r, f = scorer.prf(c)
        print(f"  {t:16s} P={p:.3f} R={r:.3f} F1={f:.3f}  tp={c['tp']} fp={c['fp']} fn={c['fn']}")
    p, r, f = scorer.prf(tot)
    print(f"relation P={p:.3f} R={r:.3f} F1={f:.3f}  tp={tot['tp']} fp={tot['fp']} fn={tot['fn']}")


if __name__ == "__main__":
    main()
