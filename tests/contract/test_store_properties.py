"""Order independence of the store, checked on random document sets (hypothesis).

Whatever order documents arrive or leave in, the store ends in the same state:
the same counts, entity names, aliases and evidence per relation.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ORGS = [("CommunicationCenter", "浙江省国际传播中心", "ZICC"), ("CommunicationCenter", "西部国际传播中心", "西部中心"),
        ("MediaOutlet", "重庆日报报业集团", "重报集团"), ("MediaOutlet", "哈巴尔电视台", "Khabar")]
TAILS = {
    "REACHES": [("Country", "哈萨克斯坦", "Kazakhstan"), ("Country", "比利时", "Belgium")],
    "PROMOTES": [("CulturalIP", "大熊猫", "熊猫"), ("CulturalIP", "牡丹", "Peony")],
    "OPERATES_ON": [("Platform", "Facebook", "脸书")],
    "PARTNER_OF": ORGS,
}

SHORT = {name: alias for _, name, alias in ORGS + [spec for specs in TAILS.values() for spec in specs]}

relation = st.sampled_from(sorted(TAILS)).flatmap(
    lambda t: st.tuples(st.just(t), st.sampled_from(ORGS), st.sampled_from(TAILS[t]))
).filter(lambda r: r[1][1] != r[2][1])
document = st.tuples(st.lists(relation, min_size=1, max_size=4), st.lists(st.booleans(), min_size=8, max_size=8))


def _graph(make_graph, n: int, spec) -> object:
    rels, flags = spec
    ents: dict[str, tuple] = {}
    for i, (_, head, tail) in enumerate(rels):
        for j, (type_, name, alias) in enumerate((head, tail)):
            # some documents give the alias, some use the short form as the name
            aliases = [alias] if flags[(2 * i + j) % 8] else []
            ents.setdefault(name, (type_, name, aliases))
    graph = make_graph(f"p{n}", list(ents.values()), [(t, h[1], tl[1]) for t, h, tl in rels])
    if flags[7]:  # this document calls its first entity by the short form
        first = graph.entities[0]
        first.aliases = [first.name]
        first.name = SHORT[first.name]
    return graph


def _snapshot(store) -> tuple:
    entities = sorted((e.id, e.name, tuple(sorted(e.aliases)), tuple(sorted(e.attrs.items()))) for e in store.iter_entities())
    relations = sorted((r.key, len(r.evidence)) for r in store.iter_relations())
    return store.stats(), entities, relations


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(document, min_size=1, max_size=6), order=st.randoms(use_true_random=False))
def test_any_order_of_adds_and_removes_gives_the_same_store(store, make_graph, docs, order):
    graphs = [_graph(make_graph, n, spec) for n, spec in enumerate(docs)]
    try:
        for g in graphs:
            store.add_document(g)
        expected = _snapshot(store)

        shuffled = graphs[:]
        order.shuffle(shuffled)
        for g in shuffled:
            store.remove_document(g.document.doc_id)
        assert store.stats() == {
            "documents": 0, "entities": {}, "relations": {}, "evidence": 0, "mentions": 0, "quantities": 0,
        }
        assert store.search("国际") == []

        order.shuffle(shuffled)
        for g in shuffled:
            store.add_document(g)
        assert _snapshot(store) == expected
    finally:  # the store fixture lives across examples: leave it empty
        for g in graphs:
            store.remove_document(g.document.doc_id)
