"""Ingest throughput of the embedded store vs the Bolt store (FalkorDB) on one synthetic corpus.

The corpus is hand-built `DocumentGraph`s (no extraction, so only the stores are
timed): a shared vocabulary of entities per ontology type, where countries,
regions and platforms are hubs (Zipf-weighted picks), and documents of 10-30
entities and 10-30 ontology-valid relations, each with an evidence sentence.

    .venv/bin/python bench/ingest.py            # 10 000 documents
    .venv/bin/python bench/ingest.py --docs 500 # a quick run

"facts" = entities + pieces of evidence + figures a document brings.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bolt_server import falkordb_server  # noqa: E402  (the test fixture's server starter)
from graph.bolt_store import BoltStore  # noqa: E402
from graph.model import (  # noqa: E402
    Document, DocumentGraph, Entity, Evidence, Mention, Quantity, Relation, content_hash, entity_id,
)
from graph.sqlite_store import SQLiteStore  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ontology import load_ontology  # noqa: E402

# entities per type in the shared vocabulary; small counts make hubs
VOCABULARY = {
    "CommunicationCenter": 120, "MediaOutlet": 500, "OverseasAssociation": 150, "Organization": 400,
    "Country": 60, "Place": 300, "WorldRegion": 12, "CulturalIP": 200, "Work": 400, "Platform": 8,
    "Event": 250, "Person": 400,
}
SYLLABLES = "华 海 丝 路 云 川 江 湘 渝 桂 闽 粤 陇 蜀 滇 黔 晋 冀 豫 鲁 燕 赵 秦 楚 吴 越 明 光 新 远".split()
SUFFIX = {
    "CommunicationCenter": "国际传播中心", "MediaOutlet": "日报", "OverseasAssociation": "华侨华人联合会",
    "Organization": "研究院", "Country": "国", "Place": "市", "WorldRegion": "地区", "CulturalIP": "非遗",
    "Work": "纪录片", "Platform": "视频", "Event": "文化节", "Person": "",
}


def vocabulary(rng: random.Random) -> dict[str, list[Entity]]:
    out: dict[str, list[Entity]] = {}
    for type_, n in VOCABULARY.items():
        load_ontology().entity_type(type_)
        names: set[str] = set()
        while len(names) < n:
            names.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) + SUFFIX[type_])
        out[type_] = [
            Entity(entity_id(type_, name), type_, name, [f"{name[:2]}{i}"] if i % 5 == 0 else [])
            for i, name in enumerate(sorted(names))
        ]
    return out


def corpus(n_docs: int, seed: int = 7) -> list[DocumentGraph]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    onto = load_ontology()
    signatures = [
        (rt.name, sorted(rt.domain & set(vocab)), sorted(rt.range & set(vocab)))
        for rt in onto.relation_types.values()
    ]
    weights = {t: [1.0 / (i + 1) ** 0.8 for i in range(len(es))] for t, es in vocab.items()}

    def pick(types: list[str]) -> Entity:
        type_ = rng.choice(types)
        return rng.choices(vocab[type_], weights[type_])[0]

    docs = []
    for d in range(n_docs):
        rels: list[tuple[str, Entity, Entity]] = []
        for _ in range(rng.randint(10, 30)):
            name, domain, range_ = rng.choice(signatures)
            head, tail = pick(domain), pick(range_)
            if head.id != tail.id:
                rels.append((name, head, tail))
        entities = {e.id: e for _, h, t in rels for e in (h, t)}
        while len(entities) < 10:
            extra = pick(sorted(vocab))
            entities[extra.id] = extra
        sentences = [f"据报道，{h.name}与{t.name}在{rng.randint(2015, 2025)}年开展合作。" for _, h, t in rels]
        text = f"第{d}号报告。" + "".join(sentences)
        doc_id = content_hash(text)
        mentions, relations, at = {}, [], len(f"第{d}号报告。")
        for (name, head, tail), sentence in zip(rels, sentences):
            for ent in (head, tail):
                start = text.index(ent.name, at)
                mentions.setdefault(ent.id, []).append(Mention(start, start + len(ent.name), ent.name))
            relations.append(Relation(name, head.id, tail.id,
                                      [Evidence(doc_id, at, at + len(sentence), sentence, rng.uniform(0.5, 0.95))]))
            at += len(sentence)
        quantities = []
        if rels and rng.random() < 0.3:
            q_ent = rels[0][1]
            quantities.append(Quantity(q_ent.id, "followers", float(rng.randint(1, 900)) * 10_000, "people",
                                       relations[0].evidence[0]))
        docs.append(DocumentGraph(
            Document(doc_id=doc_id, source=f"synthetic/{d:05d}.txt", title=f"报告{d}", text=text),
            [Entity(e.id, e.type, e.name, list(e.aliases)) for e in entities.values()],
            mentions, relations, quantities,
        ))
    return docs


def facts(graph: DocumentGraph) -> int:
    return len(graph.entities) + sum(len(r.evidence) for r in graph.relations) + len(graph.quantities)


def run(name: str, open_store: Callable[[], GraphStore], docs: list[DocumentGraph]) -> tuple[float, float]:
    store = open_store()
    try:
        started = time.perf_counter()
        for graph in docs:
            store.add_document(graph)
        elapsed = time.perf_counter() - started
        stats = store.stats()
    finally:
        store.close()
    n_facts = sum(facts(g) for g in docs)
    print(f"{name:<10} {len(docs) / elapsed:9.1f} docs/s {n_facts / elapsed:10.0f} facts/s "
          f"({elapsed:.1f}s; {sum(stats['entities'].values())} entities, "
          f"{sum(stats['relations'].values())} relations, {stats['evidence']} evidence)")
    return len(docs) / elapsed, n_facts / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic corpus")
    args = parser.parse_args()
    built = time.perf_counter()
    docs = corpus(args.docs)
    print(f"corpus: {len(docs)} documents, {sum(facts(g) for g in docs)} facts "
          f"(built in {time.perf_counter() - built:.1f}s)")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_docs, sqlite_facts = run("sqlite", lambda: SQLiteStore(Path(tmp) / "bench.db"), docs)
        with falkordb_server(Path(tmp)) as uri:
            bolt_docs, bolt_facts = run("falkordb", lambda: BoltStore(uri), docs)
    print(f"ratio sqlite/falkordb: {sqlite_docs / bolt_docs:.2f}x docs/s, {sqlite_facts / bolt_facts:.2f}x facts/s")


if __name__ == "__main__":
    main()
