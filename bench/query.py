"""Query latency on synthetic graphs in the embedded store: carry, paths, neighbourhood.

    .venv/bin/python bench/query.py                 # 10k and 100k entities
    .venv/bin/python bench/query.py --sizes 1m      # the 1M graph (builds in minutes)
    .venv/bin/python bench/query.py --sizes 10k --queries 100 --keep /tmp/q10k.db
    .venv/bin/python bench/query.py --sizes 1m --keep /tmp/q1m.db --reuse   # query a kept store again

The graph has the skew of real reports: ~200 countries and ~20 platforms are hubs
(most REACHES / LOCATED_IN / OPERATES_ON edges point at a handful of them, Zipf),
while most organisations, works and people have a few edges each. Every relation has
an evidence sentence. It is written through `add_document` in batches of about a
thousand entities, the path real ingestion takes. Queries pick random stories
(cultural IPs, works) and targets (countries, Zipf-weighted so the biggest hubs are
asked often), and report p50 / p95 / max latency; peak memory is the process's
maximum resident set size (resource.getrusage).
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.model import Document, DocumentGraph, Entity, Evidence, Relation, content_hash  # noqa: E402
from graph.query import carry  # noqa: E402
from graph.sqlite_store import SQLiteStore  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
BATCH = 1000
N_COUNTRIES, N_REGIONS, N_PLATFORMS = 200, 12, 20
# share of non-hub entities by type
MIX = [("MediaOutlet", 0.14), ("CommunicationCenter", 0.04), ("OverseasAssociation", 0.04),
       ("Organization", 0.14), ("Place", 0.08), ("CulturalIP", 0.06), ("Work", 0.2), ("Event", 0.05),
       ("Person", 0.25)]
ORGS = ("MediaOutlet", "CommunicationCenter", "OverseasAssociation", "Organization")


def zipf_pick(rng: random.Random, items: list[str], s: float = 1.1) -> str:
    """Rank-r item with probability ∝ 1/r^s: the first few are hubs."""
    weights = _zipf_weights(len(items), s)
    return rng.choices(items, cum_weights=weights, k=1)[0]


_ZIPF: dict[tuple[int, float], list[float]] = {}


def _zipf_weights(n: int, s: float) -> list[float]:
    if (n, s) not in _ZIPF:
        total, cum = 0.0, []
        for r in range(1, n + 1):
            total += 1 / r**s
            cum.append(total)
        _ZIPF[n, s] = cum
    return _ZIPF[n, s]


class Synth:
    """Generates document graphs of about BATCH new entities each, plus the hubs they touch."""

    def __init__(self, n: int, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.n = n
        self.regions = [Entity(f"region:r{i}", "WorldRegion", f"区域{i}") for i in range(N_REGIONS)]
        self.countries = [Entity(f"country:c{i}", "Country", f"国家{i}", [f"C{i:03d}"]) for i in range(N_COUNTRIES)]
        self.platforms = [Entity(f"platform:p{i}", "Platform", f"平台{i}") for i in range(N_PLATFORMS)]
        self.hubs = {e.id: e for e in self.regions + self.countries + self.platforms}
        self.by_type: dict[str, list[str]] = {t: [] for t, _ in MIX}
        self.made = 0

    def first(self) -> DocumentGraph:
        """Hubs and their own facts: countries in regions, platforms reaching countries."""
        doc = _Doc("hubs")
        for e in self.hubs.values():
            doc.entity(e)
        for i, c in enumerate(self.countries):
            doc.fact("LOCATED_IN", c, self.regions[i % N_REGIONS], f"{c.name}位于{self.regions[i % N_REGIONS].name}")
        for p in self.platforms:
            for c in self.rng.sample(self.countries, 60):
                doc.fact("REACHES", p, c, f"{p.name}在{c.name}拥有用户")
        self.made += len(self.hubs)
        return doc.build()

    def batches(self):
        yield self.first()
        k = 0
        while self.made < self.n:
            yield self.batch(k, min(BATCH, self.n - self.made))
            k += 1

    def batch(self, k: int, size: int) -> DocumentGraph:
        rng, doc = self.rng, _Doc(f"b{k}")
        fresh: dict[str, list[Entity]] = {t: [] for t, _ in MIX}
        types = rng.choices([t for t, _ in MIX], weights=[w for _, w in MIX], k=size)
        for i, t in enumerate(types):
            e = Entity(f"{_PREFIX[t]}:b{k}-{i}", t, f"{_LABEL[t]}{k}-{i}")
            fresh[t].append(e)
            doc.entity(e)
        self.made += size

        def known(t: str) -> Entity | None:
            """A fresh entity of type t, or sometimes an older one (links across documents)."""
            if self.by_type[t] and rng.random() < 0.3:
                return doc.entity(Entity(rng.choice(self.by_type[t]), t, "_"))
            return rng.choice(fresh[t]) if fresh[t] else None

        def country() -> Entity:
            return doc.entity(self.hubs[zipf_pick(rng, [c.id for c in self.countries])])

        for p in fresh["Place"]:
            doc.fact("LOCATED_IN", p, country(), f"{p.name}是{{t}}的城市")
            if rng.random() < 0.05:
                other = known("Place")
                if other is not None and other.id != p.id:
                    doc.fact("SISTER_CITY_OF", p, other, f"{p.name}与{other.name}结为友好城市")
        for t in ORGS:
            for o in fresh[t]:
                place = known("Place")
                if place is not None:
                    doc.fact("LOCATED_IN", o, place, f"{o.name}位于{place.name}")
                for _ in range(rng.choice((0, 1, 1, 2, 3))):
                    doc.fact(rng.choice(("REACHES", "PRESENCE_IN")), o, country(), f"{o.name}覆盖{{t}}受众")
                if rng.random() < 0.5:
                    plat = doc.entity(self.hubs[zipf_pick(rng, [p.id for p in self.platforms])])
                    doc.fact("OPERATES_ON", o, plat, f"{o.name}在{plat.name}运营账号")
                if rng.random() < 0.4:
                    partner = known(rng.choice(ORGS))
                    if partner is not None and partner.id != o.id:
                        doc.fact("PARTNER_OF", o, partner, f"{o.name}与{partner.name}签署合作协议")
                if rng.random() < 0.4:
                    ip = known("CulturalIP")
                    if ip is not None:
                        doc.fact("PROMOTES", o, ip, f"{o.name}推广{ip.name}")
        for w in fresh["Work"] + fresh["Event"]:
            org = known(rng.choice(ORGS))
            if org is not None:
                doc.fact("PRODUCED", org, w, f"{org.name}出品了{w.name}")
            ip = known("CulturalIP")
            if ip is not None:
                doc.fact("FEATURES", w, ip, f"{w.name}讲述{ip.name}")
            if w.type == "Work" and rng.random() < 0.3:
                doc.fact("REACHES", w, country(), f"{w.name}在{{t}}播出")
        for person in fresh["Person"]:
            org = known(rng.choice(ORGS))
            if org is not None:
                doc.fact("AFFILIATED_WITH", person, org, f"{person.name}任职于{org.name}")
        for t, es in fresh.items():
            self.by_type[t].extend(e.id for e in es)
        return doc.build()


_PREFIX = {"MediaOutlet": "media", "CommunicationCenter": "center", "OverseasAssociation": "assoc",
           "Organization": "org", "Place": "place", "CulturalIP": "ip", "Work": "work", "Event": "event",
           "Person": "person"}
_LABEL = {"MediaOutlet": "媒体", "CommunicationCenter": "传播中心", "OverseasAssociation": "侨团",
          "Organization": "机构", "Place": "城市", "CulturalIP": "文化", "Work": "作品", "Event": "活动",
          "Person": "人物"}


class _Doc:
    """Sentences appended to one text; each fact's evidence points at its sentence."""

    def __init__(self, label: str) -> None:
        self.parts: list[str] = [f"【{label}】"]
        self.length = len(self.parts[0])
        self.entities: dict[str, Entity] = {}
        self.facts: list[tuple[str, str, str, int, int, str]] = []

    def entity(self, e: Entity) -> Entity:
        if e.name == "_":  # an older entity: the store already knows its name
            e = Entity(e.id, e.type, e.id.split(":", 1)[1])
        return self.entities.setdefault(e.id, e)

    def fact(self, rtype: str, head: Entity, tail: Entity, sentence: str) -> None:
        sentence = sentence.replace("{t}", tail.name) + "。"
        self.facts.append((rtype, head.id, tail.id, self.length, self.length + len(sentence), sentence))
        self.parts.append(sentence)
        self.length += len(sentence)

    def build(self) -> DocumentGraph:
        text = "".join(self.parts)
        doc_id = content_hash(text)
        rng_conf = (0.6, 0.7, 0.8, 0.9)
        relations = [Relation(t, h, tl, [Evidence(doc_id, s, e, sent, rng_conf[(s + e) % 4])])
                     for t, h, tl, s, e, sent in self.facts]
        return DocumentGraph(Document(doc_id=doc_id, source=f"synthetic/{doc_id[:8]}.txt", text=text),
                             list(self.entities.values()), {}, relations)


def build(path: Path, n: int) -> tuple[SQLiteStore, dict[str, list[str]], float]:
    """Write the synthetic graph; entity ids by type (hubs under Country / Platform)."""
    store = SQLiteStore(path)
    synth = Synth(n)
    start = time.perf_counter()
    for i, graph in enumerate(synth.batches()):
        store.add_document(graph)
        if i % 100 == 99:
            print(f"  … {synth.made:,} entities, {time.perf_counter() - start:.0f} s", flush=True)
    ids = dict(synth.by_type)
    ids["Country"] = [c.id for c in synth.countries]
    ids["Platform"] = [p.id for p in synth.platforms]
    return store, ids, time.perf_counter() - start


def reopen(path: Path) -> tuple[SQLiteStore, dict[str, list[str]]]:
    """A store kept by an earlier run (--keep … --reuse): its ids by type, hubs in rank order."""
    store = SQLiteStore(path)
    ids: dict[str, list[str]] = {}
    for entity in store.iter_entities(batch_size=20_000):
        ids.setdefault(entity.type, []).append(entity.id)
    for hub in ("Country", "Platform"):
        ids[hub].sort(key=lambda i: int(i.rsplit(":", 1)[1][1:]))
    return store, ids


def timed(fn, args_list) -> list[float]:
    out = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(name: str, ms: list[float]) -> str:
    p95 = statistics.quantiles(ms, n=20)[18] if len(ms) >= 20 else max(ms)
    return f"  {name:<14} n={len(ms):<4} p50 {statistics.median(ms):8.1f} ms   p95 {p95:8.1f} ms   max {max(ms):8.1f} ms"


def run(size: str, queries: int, keep: Path | None, reuse: bool) -> None:
    n = SIZES[size]
    with tempfile.TemporaryDirectory(prefix="qiao-bench-") as tmp:
        path = keep or Path(tmp) / f"bench-{size}.db"
        print(f"\n== {size}: {n:,} entities ==", flush=True)
        if reuse and path.exists():
            store, ids = reopen(path)
            print(f"  reusing {path} (built by an earlier run)")
        else:
            for stale in path.parent.glob(path.name + "*"):
                stale.unlink()
            store, ids, seconds = build(path, n)
            print(f"  build: {seconds:.1f} s ({n / seconds:,.0f} entities/s), file {path.stat().st_size / 2**20:.0f} MB")
        stats = store.stats()
        print(f"  {sum(stats['entities'].values()):,} entities, {sum(stats['relations'].values()):,} relations, "
              f"{stats['evidence']:,} evidence")
        rng = random.Random(11)
        countries = ids["Country"]
        stories = ids["CulturalIP"] + ids["Work"]
        orgs = [e for t in ORGS for e in ids.get(t, [])]
        hub = countries[:3]
        targets = hub + [zipf_pick(rng, countries, 0.8) for _ in range(queries - len(hub))]
        carry_args = [(store, rng.choice(stories), t, 10) for t in targets]
        path_args = [(rng.choice(orgs), t) for t in targets]
        nb_args = [[ids["Platform"][0]], [countries[0]]] + [[rng.choice(orgs + stories)] for _ in range(queries - 2)]
        carry(store, stories[0], countries[0])  # warm the ontology and the first pages
        print(summary("carry", timed(carry, carry_args)))
        print(summary("carry (again)", timed(carry, carry_args)) + "   ← same queries, pages now cached")
        print(summary("paths", timed(lambda s, t: store.paths(s, t, max_length=4, k=5), path_args)))
        print(summary("neighbourhood", timed(lambda ids_: store.neighbourhood(ids_, hops=2), [(a,) for a in nb_args])))
        hub_ms = timed(carry, [(store, rng.choice(stories), countries[0], 10) for _ in range(10)])
        print(f"  carry into the biggest hub ({countries[0]}): "
              f"p50 {statistics.median(hub_ms):.1f} ms, max {max(hub_ms):.1f} ms")
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (max RSS so far): {peak:,.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k", help="comma list of 10k, 100k, 1m")
    parser.add_argument("--queries", type=int, default=60, help="queries per kind (≥ 50)")
    parser.add_argument("--keep", type=Path, help="write the store here and keep it (one size only)")
    parser.add_argument("--reuse", action="store_true", help="with --keep: query the kept store, do not rebuild")
    args = parser.parse_args()
    for size in args.sizes.lower().split(","):
        run(size.strip(), max(args.queries, 50), args.keep, args.reuse)


if __name__ == "__main__":
    main()
