"""The embedded store: one SQLite file (WAL) holding the whole graph.

Each document is merged in one transaction; facts are keyed so that the same
relation from three reports is one row with three evidence rows, and every
piece of provenance cascades with its document, which makes `remove_document`
a delete plus a sweep of what nothing supports any more. Walks run here too
(`graph.sqlite.walks`), one indexed query per BFS level.
"""
from __future__ import annotations

import json
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path as FsPath
from typing import Any

from graph.model import (
    Document,
    DocumentGraph,
    Entity,
    Evidence,
    Mention,
    Path,
    Quantity,
    Relation,
    Subgraph,
    slug,
)
from graph.sqlite import walks
from graph.sqlite.schema import connect
from graph.store import Direction
from graph.validation import validate_document_graph
from ontology import load_ontology

# Search needs this many characters for the trigram index; shorter queries use
# the b-tree on the normalised label (exact and prefix) plus a bounded scan.
_TRIGRAM = 3


def normalise_label(text: str) -> str:
    """What search compares: NFKC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def name_rank(entity_id: str, name: str) -> tuple[int, int, str]:
    """Order of preference among the names documents give one entity.

    The name the id was made from is canonical; otherwise the longest (the full
    form beats 重报集团 or ZICC), then the smallest string. A total order, so the
    chosen name does not depend on the order documents arrive in.
    """
    key = entity_id.split(":", 1)[-1]
    return (0 if slug(name) == key else 1, -len(name), name)


def _ids(values: Iterable[Any]) -> str:
    """A JSON array for `IN (SELECT value FROM json_each(?))`: one parameter, any length."""
    return json.dumps(list(values), ensure_ascii=False)


class SQLiteStore:
    """`graph.store.GraphStore` over one SQLite file; safe to share between threads."""

    def __init__(self, path: str | FsPath) -> None:
        self.path = FsPath(path)
        self.uri = str(self.path)
        if self.path.parent != FsPath(""):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = connect(str(self.path))
        self._lock = threading.RLock()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- documents ------------------------------------------------------------
    def add_document(self, graph: DocumentGraph) -> bool:
        validate_document_graph(graph)
        with self._lock:
            if self.has_document(graph.document.doc_id):
                return False
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                # checked again under the write lock: another process may have added it meanwhile
                if self.has_document(graph.document.doc_id):
                    conn.execute("ROLLBACK")
                    return False
                self._write(graph)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return True

    def _write(self, graph: DocumentGraph) -> None:
        conn = self._conn
        doc = graph.document
        seq = conn.execute(
            "INSERT INTO documents(doc_id, source, title, lang, text, ingested_at) VALUES (?,?,?,?,?,?)",
            (doc.doc_id, doc.source, doc.title, doc.lang, doc.text, doc.ingested_at),
        ).lastrowid

        conn.executemany(
            "INSERT INTO entities(id, type, name, attrs) VALUES (?,?,?,?) ON CONFLICT(id) DO NOTHING",
            [(e.id, e.type, e.name, json.dumps(e.attrs, ensure_ascii=False, sort_keys=True)) for e in graph.entities],
        )
        stored = {
            row[1]: row
            for row in conn.execute(
                "SELECT eid, id, type, name, attrs FROM entities WHERE id IN (SELECT value FROM json_each(?))",
                (_ids(e.id for e in graph.entities),),
            )
        }
        eid: dict[str, int] = {}
        updates, aliases, labels = [], [], []
        for ent in graph.entities:
            row_eid, _, row_type, row_name, row_attrs = stored[ent.id]
            if row_type != ent.type:
                raise ValueError(f"entity {ent.id!r} is stored as {row_type}, this document says {ent.type}")
            eid[ent.id] = row_eid
            attrs = json.loads(row_attrs)
            merged = {**ent.attrs, **attrs}
            name = min(row_name, ent.name, key=lambda n: name_rank(ent.id, n))
            if name != row_name or merged != attrs:
                updates.append((name, json.dumps(merged, ensure_ascii=False, sort_keys=True), row_eid))
            own = {a for a in ent.aliases if a and a.strip()}
            aliases += [(row_eid, seq, a) for a in sorted(own)]
            labels += [(row_eid, t, normalise_label(t), slug(t)) for t in sorted(own | {ent.name})]
        conn.executemany(
            "INSERT INTO entity_docs(eid, seq, name, attrs) VALUES (?,?,?,?)",
            [(eid[e.id], seq, e.name, json.dumps(e.attrs, ensure_ascii=False, sort_keys=True)) for e in graph.entities],
        )
        conn.executemany("UPDATE entities SET name = ?, attrs = ? WHERE eid = ?", updates)
        conn.executemany("INSERT OR IGNORE INTO aliases(eid, seq, alias) VALUES (?,?,?)", aliases)
        conn.executemany("INSERT OR IGNORE INTO labels(eid, text, norm, slug) VALUES (?,?,?,?)", labels)
        conn.executemany(
            'INSERT INTO mentions(eid, seq, start, "end", text) VALUES (?,?,?,?,?)',
            [(eid[e], seq, m.start, m.end, m.text) for e, ms in graph.mentions.items() for m in ms],
        )

        symmetric = {n for n, rt in load_ontology().relation_types.items() if rt.symmetric}
        keys = []
        for rel in graph.relations:
            head, tail = eid[rel.head], eid[rel.tail]
            if rel.type in symmetric and rel.head > rel.tail:
                head, tail = tail, head
            keys.append((rel.type, head, tail))
        # n_evidence is set here rather than by a trigger: one write per relation, not per sentence.
        counts: dict[tuple[str, int, int], int] = defaultdict(int)
        for key, rel in zip(keys, graph.relations):
            counts[key] += len(rel.evidence)
        rid = self._rids(list(counts))
        conn.executemany(
            "UPDATE relations SET n_evidence = n_evidence + ? WHERE rid = ?",
            [(n, rid[key]) for key, n in counts.items() if key in rid],
        )
        conn.executemany(
            "INSERT INTO relations(type, head, tail, n_evidence) VALUES (?,?,?,?)",
            [(*key, n) for key, n in counts.items() if key not in rid],
        )
        if len(rid) < len(counts):
            rid = self._rids(list(counts))
        conn.executemany(
            'INSERT INTO evidence(rid, seq, start, "end", text, confidence) VALUES (?,?,?,?,?,?)',
            [
                (rid[key], seq, ev.start, ev.end, ev.text, float(ev.confidence))
                for key, rel in zip(keys, graph.relations)
                for ev in rel.evidence
            ],
        )

        conn.executemany(
            'INSERT INTO quantities(eid, seq, metric, value, unit, start, "end", text, confidence) '
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (eid[q.entity], seq, q.metric, float(q.value), q.unit, q.evidence.start, q.evidence.end,
                 q.evidence.text, float(q.evidence.confidence))
                for q in graph.quantities
            ],
        )

    def _rids(self, keys: list[tuple[str, int, int]]) -> dict[tuple[str, int, int], int]:
        """Keys of the relations among `keys` that exist, in one indexed join."""
        return {
            (type_, head, tail): rid
            for rid, type_, head, tail in self._conn.execute(
                "SELECT r.rid, r.type, r.head, r.tail FROM json_each(?) j JOIN relations r "
                "ON r.type = j.value ->> 0 AND r.head = j.value ->> 1 AND r.tail = j.value ->> 2",
                (_ids(keys),),
            )
        }

    def remove_document(self, doc_id: str) -> bool:
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT seq FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
                if row is None:
                    conn.execute("ROLLBACK")
                    return False
                seq = row[0]
                eids = [r[0] for r in conn.execute("SELECT eid FROM entity_docs WHERE seq = ?", (seq,))]
                counts = conn.execute("SELECT rid, count(*) FROM evidence WHERE seq = ? GROUP BY rid", (seq,)).fetchall()
                rids = [rid for rid, _ in counts]
                conn.executemany("UPDATE relations SET n_evidence = n_evidence - ? WHERE rid = ?", [(n, r) for r, n in counts])
                conn.execute("DELETE FROM documents WHERE seq = ?", (seq,))
                conn.execute(
                    "DELETE FROM relations WHERE rid IN (SELECT value FROM json_each(?)) AND n_evidence = 0",
                    (_ids(rids),),
                )
                conn.execute(
                    "DELETE FROM entities WHERE eid IN (SELECT value FROM json_each(?)) "
                    "AND NOT EXISTS (SELECT 1 FROM entity_docs d WHERE d.eid = entities.eid)",
                    (_ids(eids),),
                )
                self._resettle(eids)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return True

    def _resettle(self, eids: list[int]) -> None:
        """Name, attrs and labels of entities that lost a document, from what remains."""
        conn = self._conn
        rows = conn.execute(
            "SELECT e.eid, e.id, e.name, e.attrs, d.name, d.attrs FROM entities e "
            "JOIN entity_docs d ON d.eid = e.eid WHERE e.eid IN (SELECT value FROM json_each(?)) "
            "ORDER BY e.eid, d.seq",
            (_ids(eids),),
        ).fetchall()
        contributions: dict[int, list[tuple]] = defaultdict(list)
        for row in rows:
            contributions[row[0]].append(row)
        for eid, contrib in contributions.items():
            entity_id, old_name, old_attrs = contrib[0][1], contrib[0][2], contrib[0][3]
            name = min((c[4] for c in contrib), key=lambda n: name_rank(entity_id, n))
            attrs: dict[str, Any] = {}
            for c in contrib:
                attrs = {**json.loads(c[5]), **attrs}
            attrs_json = json.dumps(attrs, ensure_ascii=False, sort_keys=True)
            if name != old_name or attrs_json != old_attrs:
                conn.execute("UPDATE entities SET name = ?, attrs = ? WHERE eid = ?", (name, attrs_json, eid))
            wanted = {c[4] for c in contrib} | {
                r[0] for r in conn.execute("SELECT DISTINCT alias FROM aliases WHERE eid = ?", (eid,))
            }
            have = {r[0] for r in conn.execute("SELECT text FROM labels WHERE eid = ?", (eid,))}
            conn.executemany("DELETE FROM labels WHERE eid = ? AND text = ?", [(eid, t) for t in sorted(have - wanted)])

    def has_document(self, doc_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)))

    def get_document(self, doc_id: str) -> Document | None:
        rows = self._q("SELECT doc_id, source, title, lang, text, ingested_at FROM documents WHERE doc_id = ?", (doc_id,))
        return Document(*rows[0]) if rows else None

    def list_documents(self, offset: int = 0, limit: int = 50) -> list[Document]:
        rows = self._q(
            "SELECT doc_id, source, title, lang, '', ingested_at FROM documents ORDER BY seq LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [Document(*row) for row in rows]

    def document_graph(self, doc_id: str) -> DocumentGraph | None:
        with self._lock:
            rows = self._q(
                "SELECT seq, doc_id, source, title, lang, text, ingested_at FROM documents WHERE doc_id = ?", (doc_id,)
            )
            if not rows:
                return None
            seq, *fields = rows[0]
            document = Document(*fields)
            aliases: dict[int, list[str]] = defaultdict(list)
            for eid, alias in self._q("SELECT eid, alias FROM aliases WHERE seq = ? ORDER BY eid, alias", (seq,)):
                aliases[eid].append(alias)
            entities = [
                Entity(id=entity_id, type=type_, name=name, aliases=aliases[eid], attrs=json.loads(attrs))
                for eid, entity_id, type_, name, attrs in self._q(
                    "SELECT e.eid, e.id, e.type, d.name, d.attrs FROM entity_docs d JOIN entities e ON e.eid = d.eid "
                    "WHERE d.seq = ? ORDER BY e.id",
                    (seq,),
                )
            ]
            mentions: dict[str, list[Mention]] = defaultdict(list)
            for entity_id, start, end, text in self._q(
                'SELECT e.id, m.start, m."end", m.text FROM mentions m JOIN entities e ON e.eid = m.eid '
                "WHERE m.seq = ? ORDER BY e.id, m.start, m.rowid",
                (seq,),
            ):
                mentions[entity_id].append(Mention(start, end, text))
            relations: dict[int, Relation] = {}
            for rid, type_, head, tail, start, end, text, conf in self._q(
                'SELECT r.rid, r.type, h.id, t.id, v.start, v."end", v.text, v.confidence FROM evidence v '
                "JOIN relations r ON r.rid = v.rid JOIN entities h ON h.eid = r.head JOIN entities t ON t.eid = r.tail "
                "WHERE v.seq = ? ORDER BY r.rid, v.rowid",
                (seq,),
            ):
                rel = relations.setdefault(rid, Relation(type_, head, tail))
                rel.evidence.append(Evidence(document.doc_id, start, end, text, conf, document.source))
            quantities = [
                Quantity(entity_id, metric, value, unit, Evidence(document.doc_id, start, end, text, conf, document.source))
                for entity_id, metric, value, unit, start, end, text, conf in self._q(
                    'SELECT e.id, q.metric, q.value, q.unit, q.start, q."end", q.text, q.confidence FROM quantities q '
                    "JOIN entities e ON e.eid = q.eid WHERE q.seq = ? ORDER BY q.rowid",
                    (seq,),
                )
            ]
        return DocumentGraph(document, entities, dict(mentions), list(relations.values()), quantities)

    # -- entities and facts ---------------------------------------------------
    def _entities(self, eids: Iterable[int]) -> dict[int, Entity]:
        """Entities by internal key, aliases filled, in one round trip each."""
        keys = _ids(eids)
        out = {
            eid: Entity(id=entity_id, type=type_, name=name, attrs=json.loads(attrs))
            for eid, entity_id, type_, name, attrs in self._q(
                "SELECT eid, id, type, name, attrs FROM entities WHERE eid IN (SELECT value FROM json_each(?))", (keys,)
            )
        }
        for eid, text in self._q(
            "SELECT eid, text FROM labels WHERE eid IN (SELECT value FROM json_each(?)) ORDER BY eid, text", (keys,)
        ):
            if text != out[eid].name:
                out[eid].aliases.append(text)
        return out

    def _eid(self, entity_id: str) -> int | None:
        rows = self._q("SELECT eid FROM entities WHERE id = ?", (entity_id,))
        return rows[0][0] if rows else None

    def get_entity(self, entity_id: str) -> Entity | None:
        eid = self._eid(entity_id)
        return None if eid is None else self._entities([eid]).get(eid)

    def search(self, text: str, *, types: Iterable[str] | None = None, limit: int = 20) -> list[Entity]:
        query = normalise_label(text)
        if not query or limit <= 0:
            return []
        type_list = sorted(set(types or ()))
        type_sql = " AND e.type IN (SELECT value FROM json_each(:types))" if type_list else ""
        # Each tier is read from an index and capped, so a query that matches
        # half a million labels still costs a bounded number of rows.
        params = {
            "q": query, "slug": slug(text), "hi": query + "\U0010ffff", "types": _ids(type_list),
            "cap": max(10 * limit, 200), "match": '"' + query.replace('"', '""') + '"',
        }
        select = "SELECT l.eid, length(l.norm), e.name, e.id FROM labels l JOIN entities e ON e.eid = l.eid WHERE "
        contains = (
            "l.lid IN (SELECT rowid FROM labels_fts WHERE labels_fts MATCH :match)"
            if len(query) >= _TRIGRAM
            else "instr(l.norm, :q) > 1"
        )
        tiers = [
            "(l.slug = :slug OR l.norm = :q)",
            "l.norm >= :q AND l.norm < :hi",
            contains,
        ]
        best: dict[int, tuple] = {}
        for rank, where in enumerate(tiers):
            if len(best) >= limit:  # a later tier ranks below every entity already found
                break
            for eid, length, name, entity_id in self._q(f"{select}{where}{type_sql} LIMIT :cap", params):
                key = (rank, length, name, entity_id)
                if eid not in best or key < best[eid]:
                    best[eid] = key
        chosen = sorted(best, key=best.__getitem__)[:limit]
        found = self._entities(chosen)
        return [found[eid] for eid in chosen if eid in found]

    def lookup(self, name: str) -> list[Entity]:
        key = slug(name)
        if not key:
            return []
        eids = [
            r[0]
            for r in self._q(
                "SELECT DISTINCT l.eid FROM labels l JOIN entities e ON e.eid = l.eid WHERE l.slug = ? "
                "ORDER BY (e.name = ?) DESC, e.id",
                (key, name),
            )
        ]
        found = self._entities(eids)
        return [found[eid] for eid in eids]

    def relations(
        self,
        entity_id: str,
        *,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        limit: int | None = None,
    ) -> list[Relation]:
        eid = self._eid(entity_id)
        if eid is None:
            return []
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
        symmetric = sorted(n for n, rt in load_ontology().relation_types.items() if rt.symmetric)
        wanted = sorted(set(types or ()))
        # Each side is one range of the (node, n_evidence DESC) index, so a hub
        # with 100k edges costs `limit` rows, not a scan.
        sides = []
        for column, own in (("head", "out"), ("tail", "in")):
            if direction in (own, "both"):
                sides.append((column, wanted))
            elif not wanted or set(wanted) & set(symmetric):
                sides.append((column, sorted(set(wanted) & set(symmetric)) if wanted else symmetric))
        rows: set[tuple[int, int]] = set()
        for column, only in sides:
            type_sql = " AND type IN (SELECT value FROM json_each(:types))" if only else ""
            rows.update(
                self._q(
                    f"SELECT rid, n_evidence FROM relations WHERE {column} = :e{type_sql} "
                    "ORDER BY n_evidence DESC, rid" + (" LIMIT :n" if limit is not None else ""),
                    {"e": eid, "types": _ids(only), "n": limit},
                )
            )
        ranked = sorted(rows, key=lambda r: (-r[1], r[0]))
        return self._relations([rid for rid, _ in ranked[:limit]])

    def _relations(self, rids: Sequence[int]) -> list[Relation]:
        """Relations by internal key, in the given order, with all their evidence."""
        keys = _ids(rids)
        by_rid = {
            rid: Relation(type_, head, tail)
            for rid, type_, head, tail in self._q(
                "SELECT r.rid, r.type, h.id, t.id FROM relations r JOIN entities h ON h.eid = r.head "
                "JOIN entities t ON t.eid = r.tail WHERE r.rid IN (SELECT value FROM json_each(?))",
                (keys,),
            )
        }
        for rid, doc_id, source, start, end, text, conf in self._q(
            'SELECT v.rid, d.doc_id, d.source, v.start, v."end", v.text, v.confidence FROM evidence v '
            "JOIN documents d ON d.seq = v.seq WHERE v.rid IN (SELECT value FROM json_each(?)) "
            "ORDER BY v.rid, v.seq, v.start, v.rowid",
            (keys,),
        ):
            by_rid[rid].evidence.append(Evidence(doc_id, start, end, text, conf, source))
        return [by_rid[rid] for rid in rids if rid in by_rid]

    def quantities(self, entity_id: str) -> list[Quantity]:
        return [
            Quantity(entity_id, metric, value, unit, Evidence(doc_id, start, end, text, conf, source))
            for metric, value, unit, doc_id, source, start, end, text, conf in self._q(
                'SELECT q.metric, q.value, q.unit, d.doc_id, d.source, q.start, q."end", q.text, q.confidence '
                "FROM quantities q JOIN entities e ON e.eid = q.eid JOIN documents d ON d.seq = q.seq "
                "WHERE e.id = ? ORDER BY q.seq, q.start, q.rowid",
                (entity_id,),
            )
        ]

    # -- walks ----------------------------------------------------------------
    def neighbourhood(
        self,
        entity_ids: Iterable[str],
        *,
        hops: int = 1,
        entity_types: Iterable[str] | None = None,
        relation_types: Iterable[str] | None = None,
        fanout: int = 50,
    ) -> Subgraph:
        with self._lock:
            seeds = self._eids(entity_ids)
            nodes, rids = walks.neighbourhood(
                self._conn, list(seeds.values()), hops=hops, entity_types=entity_types,
                relation_types=relation_types, fanout=fanout,
            )
            entities = self._entities(nodes)
            relations = self._relations(rids)
        return Subgraph(entities={entities[n].id: entities[n] for n in sorted(entities)}, relations=relations)

    def paths(
        self,
        source: str,
        target: str,
        *,
        max_length: int = 3,
        relation_types: Iterable[str] | None = None,
        k: int = 5,
        fanout: int = 50,
    ) -> list[Path]:
        with self._lock:
            ends = self._eids([source, target])
            if source not in ends or target not in ends or source == target:
                return []
            found = walks.paths(
                self._conn, ends[source], ends[target], max_length=max_length,
                relation_types=relation_types, k=k, fanout=fanout,
            )
            ids = {eid: e.id for eid, e in self._entities({n for nodes, _ in found for n in nodes}).items()}
            rels = dict(zip(all_rids := sorted({r for _, rs in found for r in rs}), self._relations(all_rids)))
        return [Path(nodes=[ids[n] for n in nodes], relations=[rels[r] for r in rs]) for nodes, rs in found]

    def _eids(self, entity_ids: Iterable[str]) -> dict[str, int]:
        return dict(
            self._q(
                "SELECT id, eid FROM entities WHERE id IN (SELECT value FROM json_each(?))", (_ids(set(entity_ids)),)
            )
        )

    # -- whole graph ----------------------------------------------------------
    def stats(self) -> dict[str, object]:
        with self._lock:
            return {
                "documents": self._q("SELECT count(*) FROM documents")[0][0],
                "entities": dict(self._q("SELECT type, n FROM type_counts WHERE kind = 'entities' AND n > 0 ORDER BY type")),
                "relations": dict(self._q("SELECT type, n FROM type_counts WHERE kind = 'relations' AND n > 0 ORDER BY type")),
                "evidence": self._q("SELECT count(*) FROM evidence")[0][0],
                "mentions": self._q("SELECT count(*) FROM mentions")[0][0],
                "quantities": self._q("SELECT count(*) FROM quantities")[0][0],
            }

    def iter_entities(self, batch_size: int = 1000) -> Iterator[Entity]:
        after = 0
        while True:
            eids = [r[0] for r in self._q("SELECT eid FROM entities WHERE eid > ? ORDER BY eid LIMIT ?", (after, batch_size))]
            if not eids:
                return
            batch = self._entities(eids)
            yield from (batch[eid] for eid in eids if eid in batch)
            after = eids[-1]

    def iter_relations(self, batch_size: int = 1000) -> Iterator[Relation]:
        after = 0
        while True:
            rids = [r[0] for r in self._q("SELECT rid FROM relations WHERE rid > ? ORDER BY rid LIMIT ?", (after, batch_size))]
            if not rids:
                return
            yield from self._relations(rids)
            after = rids[-1]
