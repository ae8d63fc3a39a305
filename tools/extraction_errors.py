"""Full-pipeline errors against gold files: the entities and relations each document misses or invents.

The shared scorer prints counts; this prints what is behind them, matched the same
way (its own `names`/`norm`), so a rule can be checked against reports nobody tuned
for. Gold files are in the format of ../shared/corpus/dev (tests/heldout holds ours).

    .venv/bin/python tools/extraction_errors.py [--gold DIR] [--doc ID] [--only entities|relations]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import extract_text  # noqa: E402
from tools.relation_dev import SHARED, load_scorer  # noqa: E402


def errors(gold: dict, scorer) -> tuple[list[str], list[str]]:
    """Lines for entity errors and relation errors of one gold document."""
    pred = extract_text(gold["text"], doc_id=gold["doc_id"]).to_json()
    gnames = {e["name"]: (e["type"], scorer.names(e)) for e in gold["entities"]}
    pid: dict[str, set[str]] = {}
    matched: dict[str, str] = {}
    ent_lines = []
    for e in pred["entities"]:
        pn = scorer.names(e, scorer.MAX_ALIASES)
        pid[e["id"]] = pn
        hit = next((g for g, (t, gs) in gnames.items() if g not in matched.values() and t == e["type"] and pn & gs), None)
        if hit is None:
            typed = [g for g, (t, gs) in gnames.items() if pn & gs]
            note = f"  (gold type {gnames[typed[0]][0]})" if typed else ""
            ent_lines.append(f"  FP {e['type']:20s} {e['name']}{note}")
        else:
            matched[e["id"]] = hit
    for g, (t, _) in gnames.items():
        if g not in matched.values():
            ent_lines.append(f"  FN {t:20s} {g}")
    name_of = {e["id"]: e["name"] for e in pred["entities"]}
    text = gold["text"]
    grels = list(gold["relations"])
    used = [False] * len(grels)
    rel_lines = []

    def ends(pnames: set[str], gname: str) -> bool:
        return bool(pnames & gnames.get(gname, ("", {scorer.norm(gname)}))[1])

    for r in pred["relations"]:
        h, t = pid.get(r["head"], set()), pid.get(r["tail"], set())
        hit = False
        for i, gr in enumerate(grels):
            if used[i] or gr["type"] != r["type"]:
                continue
            ok = ends(h, gr["head"]) and ends(t, gr["tail"])
            if not ok and gr["type"] in scorer.SYMMETRIC:
                ok = ends(h, gr["tail"]) and ends(t, gr["head"])
            if ok:
                used[i] = hit = True
                break
        if not hit:
            ev = r["evidence"]
            sentence = text[ev["start"]:ev["end"]].replace("\n", " ")
            rel_lines.append(f"  FP {r['type']:15s} {name_of[r['head']]} -> {name_of[r['tail']]} "
                             f"({r['confidence']:.2f}) | {sentence[:100]}")
    for i, gr in enumerate(grels):
        if not used[i]:
            missing = [end for end in (gr["head"], gr["tail"]) if end not in matched.values()]
            note = f"  (no entity {', '.join(missing)})" if missing else f"  | {_sentence_with(text, gold, gr)}"
            rel_lines.append(f"  FN {gr['type']:15s} {gr['head']} -> {gr['tail']}{note}")
    return ent_lines, rel_lines


def _sentence_with(text: str, gold: dict, rel: dict) -> str:
    """The first sentence naming both ends of a gold relation (by any of their names)."""
    forms = {e["name"]: [n for n in (e["name"], *e.get("aliases", [])) if len(n) >= 2] or [e["name"]]
             for e in gold["entities"]}
    for sentence in re.split(r"(?<=[。！？!?\n])", text):
        if all(any(f in sentence for f in forms.get(end, [end])) for end in (rel["head"], rel["tail"])):
            return sentence.strip().replace("\n", " ")[:110]
    return "(no sentence names both)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--doc", help="only this doc_id")
    ap.add_argument("--only", choices=["entities", "relations"])
    a = ap.parse_args()
    if not a.gold.is_dir():
        sys.exit(f"no gold corpus at {a.gold}")
    scorer = load_scorer()
    for path in sorted(a.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if a.doc and gold["doc_id"] != a.doc:
            continue
        ent_lines, rel_lines = errors(gold, scorer)
        print(f"== {gold['doc_id']}")
        if a.only != "relations":
            print("\n".join(ent_lines))
        if a.only != "entities":
            print("\n".join(rel_lines))


if __name__ == "__main__":
    main()
