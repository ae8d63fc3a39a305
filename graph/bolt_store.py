"""The Bolt store: the same graph as the embedded store, in Neo4j (or FalkorDB) over Bolt.

Graph model (labels and relationship types come from the ontology only):

- `(:Document {doc_id, source, title, lang, text, ingested_at, seq})`
- `(:Entity:<Type> {id, type, name, attrs, labels, norms, slugs, search, degree})`: `labels`
  are every name and alias documents gave it, `norms`/`slugs` their search and
  lookup keys, `search` the norms joined for the full-text index, `degree` its
  number of relations (kept up to date by writes; walks avoid crossing hubs).
- `(:Document)-[:MENTIONS {name, aliases, attrs, starts, ends, texts, seq}]->(:Entity)`:
  what one document said about the entity, so removing it can recompute the rest.
- `(:Entity)-[:<RELATION_TYPE> {key, evidence, seq, pos}]->(:Entity)`: one per
  (type, head, tail), symmetric ones in canonical order; `evidence` counts its
  evidence and ranks walks.
- `(:Evidence {rel, type, head, tail, doc_id, span_start, span_end, text, confidence, seq, pos})`
  and `(:Quantity {entity, metric, value, unit, doc_id, …})`, found by the indexed
  `rel` / `doc_id` / `entity` keys.

A document is written by ONE statement (atomic on Neo4j and on FalkorDB, which
has no multi-statement transactions); names, aliases and attrs are merged in
Python with the embedded store's rules, so both stores answer alike. The
server-specific parts live in `graph.cypher_dialect`.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import neo4j

from graph.cypher_dialect import DIALECTS, Dialect, Runner, detect, identifier
from graph.model import Document, DocumentGraph, Entity, Evidence, Mention, Path, Quantity, Relation, Subgraph, slug
from graph.sqlite_store import name_rank, normalise_label
from graph.store import Direction
from graph.validation import validate_document_graph
from ontology import load_ontology

_ENTITY_FIELDS = "e.id AS id, e.type AS type, e.name AS name, e.attrs AS attrs, e.labels AS labels"
_EVIDENCE_ORDER = "ORDER BY v.seq, v.span_start, v.pos"
_MAX_PATH_LENGTH = 6


def rel_key(type_: str, head: str, tail: str) -> str:
    """The string that ties a relationship to its evidence nodes."""
    return json.dumps([type_, head, tail], ensure_ascii=False)


def parse_bolt_uri(uri: str) -> dict[str, Any]:
    """Driver URL, auth, database and dialect from `scheme://user:pass@host:port/db?dialect=…`."""
    parts = urlsplit(uri)
    if not parts.hostname:
        raise ValueError(f"no host in store URI {uri!r}")
    query = parse_qs(parts.query)
    unknown = set(query) - {"dialect"}
    if unknown:
        raise ValueError(f"unknown option(s) {sorted(unknown)} in store URI; known: dialect")
    dialect = query.get("dialect", [None])[0]
    if dialect is not None and dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; known: {sorted(DIALECTS)}")
    port = parts.port or 7687
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if user is None:
        user = os.environ.get("NEO4J_USER") or ("falkordb" if dialect == "falkordb" else "neo4j")
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD", "")
    database = unquote(parts.path.strip("/")) or None
    return {
        "url": f"{parts.scheme}://{parts.hostname}:{port}",
        "address": (parts.hostname, port),
        "auth": (user, password),
        "database": database,
        "dialect": dialect,
    }


def redact(uri: str) -> str:
    """The URI without its password, for messages."""
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


class BoltStore:
    """`graph.store.GraphStore` on a Bolt server; safe to share between threads."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        conf = parse_bolt_uri(uri)
        self._address: tuple[str, int] = conf["address"]
        self._database: str | None = conf["database"]
        self._plain_bolt = conf["url"].startswith("bolt://")
        self._ontology = load_ontology()
        self._write_lock = threading.Lock()
        self._last_seq = 0
        # Until the server is known, connect as cautiously as FalkorDB needs.
        settle_at = self._address if self._plain_bolt else None
        self.dialect: Dialect = DIALECTS[conf["dialect"] or "falkordb"](settle_at)
        self._driver: neo4j.Driver | None = self._connect(conf)
        try:
            if conf["dialect"] is None:
                found = detect(self._driver, self._database, settle_at)
                if found.driver_options() != self.dialect.driver_options():
                    self.close()
                    self.dialect = found
                    self._driver = self._connect(conf)
                self.dialect = found
            self._database = self.dialect.database(self._database)
            self._ensure_schema()
        except BaseException:
            self.close()
            raise

    def _connect(self, conf: Mapping[str, Any]) -> neo4j.Driver:
        if self._plain_bolt:
            self.dialect.before_connect(self._address)
        return neo4j.GraphDatabase.driver(conf["url"], auth=conf["auth"], **self.dialect.driver_options())

    def __enter__(self) -> BoltStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"BoltStore({redact(self.uri)!r}, dialect={self.dialect.name!r})"

    def close(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            driver.close()
            if self._plain_bolt:
                self.dialect.after_close(self._address)

    def clear(self) -> None:
        """Delete every node and relationship Qiao wrote (indexes stay): the test fixtures start from here."""
        with self._write_lock:
            self._transact(
                lambda run: run(
                    "MATCH (n) WHERE n:Document OR n:Entity OR n:Evidence OR n:Quantity DETACH DELETE n", {}
                ),
                write=True,
            )

    # -- plumbing -------------------------------------------------------------
    def _session(self) -> neo4j.Session:
        if self._driver is None:
            raise RuntimeError(f"{self!r} is closed")
        return self._driver.session(database=self._database)

    def _read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        with self._session() as session:
            return self.dialect.transaction(session, lambda run: run(query, params or {}), write=False)

    def _transact(self, work: Any, *, write: bool) -> Any:
        with self._session() as session:
            return self.dialect.transaction(session, work, write=write)

    def _ensure_schema(self) -> None:
        types = sorted(self._ontology.entity_types)
        for statement in self._transact(lambda run: self.dialect.schema_statements(run, types), write=False):
            self._transact(lambda run, ddl=statement: run(ddl, {}), write=True)

    def _next_seq(self) -> int:
        """Ingestion order across processes: microseconds, strictly increasing in this one."""
        seq = max(time.time_ns() // 1000, self._last_seq + 1)
        self._last_seq = seq
        return seq

    def _relation_types(self, types: Iterable[str] | None) -> list[str]:
        known = self._ontology.relation_types
        wanted = sorted(set(types)) if types else sorted(known)  # none or empty: every type
        for t in wanted:
            self._ontology.relation_type(t)  # KeyError names the unknown type
        return wanted

    def _type_pattern(self, types: Sequence[str]) -> str:
        """`:A|B|C` for a relationship pattern; names validated against the ontology first."""
        return ":" + "|".join(identifier(t) for t in self._relation_types(types))

    # -- documents ------------------------------------------------------------
    def add_document(self, graph: DocumentGraph) -> bool:
        validate_document_graph(graph)
        doc = graph.document
        with self._write_lock:
            existing = self._read(
                f"OPTIONAL MATCH (d:Document {{doc_id: $doc_id}}) WITH count(d) AS docs "
                f"OPTIONAL MATCH (e:Entity) WHERE e.id IN $ids RETURN docs, {_ENTITY_FIELDS}",
                {"doc_id": doc.doc_id, "ids": [e.id for e in graph.entities]},
            )
            if existing and existing[0]["docs"]:
                return False
            stored = {row["id"]: row for row in existing if row["id"] is not None}
            for ent in graph.entities:
                if ent.id in stored and stored[ent.id]["type"] != ent.type:
                    raise ValueError(
                        f"entity {ent.id!r} is stored as {stored[ent.id]['type']}, this document says {ent.type}"
                    )
            query, params = self._add_statement(graph, stored)
            created = self._transact(lambda run: run(query, params), write=True)
        return bool(created and created[0]["created"])

    def _add_statement(self, graph: DocumentGraph, stored: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]]:
        doc = graph.document
        seq = self._next_seq()
        params: dict[str, Any] = {
            "doc": {"doc_id": doc.doc_id, "source": doc.source, "title": doc.title, "lang": doc.lang,
                    "text": doc.text, "ingested_at": doc.ingested_at, "seq": seq},
        }
        parts = [
            "OPTIONAL MATCH (x:Document {doc_id: $doc.doc_id}) WITH x WHERE x IS NULL",
            "CREATE (d:Document) SET d = $doc",
        ]
        # Blocks are `UNWIND $rows AS row …` and exist only for non-empty lists, so the
        # single row carrying `d` is never lost between them.
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for ent in graph.entities:
            own = sorted({a for a in ent.aliases if a and a.strip()})
            old = stored.get(ent.id)
            if old is None:
                name, attrs, labels = ent.name, dict(ent.attrs), set(own) | {ent.name}
            else:
                name = min(old["name"], ent.name, key=lambda n, i=ent.id: name_rank(i, n))
                attrs = {**ent.attrs, **json.loads(old["attrs"])}
                labels = set(old["labels"]) | set(own) | {ent.name}
            mentions = graph.mentions.get(ent.id, [])
            props = _entity_props(name, attrs, labels)
            # Rewriting an unchanged node would still re-index it (full-text included).
            changed = old is None or any(old[k] != props[k] for k in ("name", "attrs", "labels"))
            by_type[ent.type].append({
                "id": ent.id, "type": ent.type, "changed": changed, **props,
                "doc_name": ent.name, "doc_aliases": own, "doc_attrs": _json(ent.attrs),
                "starts": [m.start for m in mentions], "ends": [m.end for m in mentions],
                "texts": [m.text for m in mentions],
            })
        for i, (type_, rows) in enumerate(sorted(by_type.items())):
            self._ontology.entity_type(type_)
            params[f"e{i}"] = rows
            parts.append(
                f"WITH d UNWIND $e{i} AS row MERGE (e:Entity {{id: row.id}}) "
                f"ON CREATE SET e:{identifier(type_)}, e.type = row.type, e.degree = 0 "
                "FOREACH (_ IN CASE WHEN row.changed THEN [1] ELSE [] END | "
                "SET e.name = row.name, e.attrs = row.attrs, e.labels = row.labels, e.norms = row.norms, "
                "e.slugs = row.slugs, e.search = row.search) "
                "CREATE (d)-[:MENTIONS {name: row.doc_name, aliases: row.doc_aliases, attrs: row.doc_attrs, "
                "starts: row.starts, ends: row.ends, texts: row.texts, seq: $doc.seq}]->(e) "
                "WITH d, count(*) AS _"
            )

        rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
        firsts: dict[str, dict[str, Any]] = {}
        evidence = []
        for pos, rel in enumerate(graph.relations):
            key = rel_key(*rel.key)
            if key not in firsts:
                firsts[key] = {"key": key, "head": rel.head, "tail": rel.tail, "pos": pos, "n": 0}
                rels[rel.type].append(firsts[key])
            firsts[key]["n"] += len(rel.evidence)
            evidence += [
                {"rel": key, "type": rel.type, "head": rel.head, "tail": rel.tail, "doc_id": doc.doc_id,
                 "span_start": ev.start, "span_end": ev.end, "text": ev.text, "confidence": float(ev.confidence),
                 "seq": seq, "pos": len(evidence) + j}
                for j, ev in enumerate(rel.evidence)
            ]
        for i, (type_, rows) in enumerate(sorted(rels.items())):
            params[f"r{i}"] = rows
            parts.append(
                f"WITH d UNWIND $r{i} AS row MATCH (h:Entity {{id: row.head}}) MATCH (t:Entity {{id: row.tail}}) "
                f"MERGE (h)-[r:{identifier(self._relation_types([type_])[0])}]->(t) "
                "ON CREATE SET r.key = row.key, r.seq = $doc.seq, r.pos = row.pos, r.evidence = 0, "
                "h.degree = h.degree + 1, t.degree = t.degree + 1 "
                "SET r.evidence = r.evidence + row.n WITH d, count(*) AS _"
            )
        if evidence:
            params["evidence"] = evidence
            parts.append("WITH d UNWIND $evidence AS row CREATE (v:Evidence) SET v = row WITH d, count(*) AS _")
        if graph.quantities:
            params["quantities"] = [
                {"entity": q.entity, "metric": q.metric, "value": float(q.value), "unit": q.unit,
                 "doc_id": doc.doc_id, "span_start": q.evidence.start, "span_end": q.evidence.end,
                 "text": q.evidence.text, "confidence": float(q.evidence.confidence), "seq": seq, "pos": pos}
                for pos, q in enumerate(graph.quantities)
            ]
            parts.append("WITH d UNWIND $quantities AS row CREATE (q:Quantity) SET q = row WITH d, count(*) AS _")
        parts.append("RETURN count(d) AS created")
        return "\n".join(parts), params

    def remove_document(self, doc_id: str) -> bool:
        with self._write_lock:
            return bool(self._transact(lambda run: self._remove(run, doc_id), write=True))

    def _remove(self, run: Runner, doc_id: str) -> bool:
        if not run("MATCH (d:Document {doc_id: $id}) RETURN d.seq AS seq", {"id": doc_id}):
            return False
        counts = run(
            "MATCH (v:Evidence {doc_id: $id}) WITH v.rel AS key, v.head AS head, v.tail AS tail, count(v) AS n "
            "MATCH (h:Entity {id: head})-[r]->(t:Entity {id: tail}) WHERE r.key = key "
            "RETURN key, head, tail, r.evidence - n AS left",
            {"id": doc_id},
        )
        drop = [{"key": c["key"], "head": c["head"], "tail": c["tail"]} for c in counts if c["left"] <= 0]
        recount = [{"key": c["key"], "head": c["head"], "tail": c["tail"], "n": c["left"]}
                   for c in counts if c["left"] > 0]
        contributions = run(
            "MATCH (:Document {doc_id: $id})-[:MENTIONS]->(e:Entity) "
            "OPTIONAL MATCH (e)<-[m:MENTIONS]-(o:Document) WHERE o.doc_id <> $id "
            "RETURN e.id AS id, collect([m.seq, m.name, m.aliases, m.attrs]) AS rest",
            {"id": doc_id},
        )
        gone, resettle = [], []
        for row in contributions:
            rest = sorted((c for c in row["rest"] if c[0] is not None), key=lambda c: c[0])
            if not rest:
                gone.append(row["id"])
                continue
            name = min((c[1] for c in rest), key=lambda n, i=row["id"]: name_rank(i, n))
            attrs: dict[str, Any] = {}
            for c in rest:
                attrs = {**json.loads(c[3]), **attrs}
            labels = {c[1] for c in rest} | {a for c in rest for a in c[2]}
            resettle.append({"id": row["id"], **_entity_props(name, attrs, labels)})
        run(
            "MATCH (d:Document {doc_id: $id}) "
            "OPTIONAL MATCH (v:Evidence {doc_id: $id}) WITH d, collect(v) AS vs FOREACH (v IN vs | DELETE v) "
            "WITH d OPTIONAL MATCH (q:Quantity {doc_id: $id}) WITH d, collect(q) AS qs FOREACH (q IN qs | DELETE q) "
            "WITH d OPTIONAL MATCH (d)-[m:MENTIONS]->() WITH d, collect(m) AS ms FOREACH (m IN ms | DELETE m) "
            "DELETE d WITH count(*) AS _ "
            "UNWIND $drop AS k MATCH (h:Entity {id: k.head})-[r]->(t:Entity {id: k.tail}) WHERE r.key = k.key "
            "SET h.degree = h.degree - 1, t.degree = t.degree - 1 DELETE r WITH count(*) AS _ "
            "UNWIND $recount AS k MATCH (:Entity {id: k.head})-[r]->(:Entity {id: k.tail}) WHERE r.key = k.key "
            "SET r.evidence = k.n WITH count(*) AS _ "
            "UNWIND $gone AS gid MATCH (e:Entity {id: gid}) DETACH DELETE e WITH count(*) AS _ "
            "UNWIND $resettle AS row MATCH (e:Entity {id: row.id}) "
            "SET e.name = row.name, e.attrs = row.attrs, e.labels = row.labels, e.norms = row.norms, "
            "e.slugs = row.slugs, e.search = row.search "
            "RETURN count(*) AS n",
            {"id": doc_id, "drop": drop, "recount": recount, "gone": gone, "resettle": resettle},
        )
        return True

    def has_document(self, doc_id: str) -> bool:
        return bool(self._read("MATCH (d:Document {doc_id: $id}) RETURN d.doc_id AS id", {"id": doc_id}))

    def get_document(self, doc_id: str) -> Document | None:
        rows = self._read(
            "MATCH (d:Document {doc_id: $id}) RETURN d.doc_id AS doc_id, d.source AS source, d.title AS title, "
            "d.lang AS lang, d.text AS text, d.ingested_at AS ingested_at",
            {"id": doc_id},
        )
        return Document(**rows[0]) if rows else None

    def list_documents(self, offset: int = 0, limit: int = 50) -> list[Document]:
        rows = self._read(
            "MATCH (d:Document) WITH d ORDER BY d.seq SKIP $offset LIMIT $limit "
            "RETURN d.doc_id AS doc_id, d.source AS source, d.title AS title, d.lang AS lang, "
            "d.ingested_at AS ingested_at",
            {"offset": max(offset, 0), "limit": max(limit, 0)},
        )
        return [Document(text="", **row) for row in rows]

    def document_graph(self, doc_id: str) -> DocumentGraph | None:
        document = self.get_document(doc_id)
        if document is None:
            return None
        entities, mentions = [], {}
        for row in self._read(
            "MATCH (:Document {doc_id: $id})-[m:MENTIONS]->(e:Entity) RETURN e.id AS id, e.type AS type, "
            "m.name AS name, m.aliases AS aliases, m.attrs AS attrs, m.starts AS starts, m.ends AS ends, "
            "m.texts AS texts ORDER BY id",
            {"id": doc_id},
        ):
            entities.append(Entity(row["id"], row["type"], row["name"], list(row["aliases"]), json.loads(row["attrs"])))
            if row["starts"]:
                mentions[row["id"]] = [Mention(s, e, t) for s, e, t in zip(row["starts"], row["ends"], row["texts"])]
        relations: dict[str, Relation] = {}
        for row in self._read(
            "MATCH (v:Evidence {doc_id: $id}) RETURN v.rel AS key, v.type AS type, v.head AS head, v.tail AS tail, "
            "v.span_start AS start, v.span_end AS end, v.text AS text, v.confidence AS confidence ORDER BY v.pos",
            {"id": doc_id},
        ):
            rel = relations.setdefault(row["key"], Relation(row["type"], row["head"], row["tail"]))
            rel.evidence.append(
                Evidence(doc_id, row["start"], row["end"], row["text"], row["confidence"], document.source)
            )
        quantities = [
            Quantity(row["entity"], row["metric"], row["value"], row["unit"],
                     Evidence(doc_id, row["start"], row["end"], row["text"], row["confidence"], document.source))
            for row in self._read(
                "MATCH (q:Quantity {doc_id: $id}) RETURN q.entity AS entity, q.metric AS metric, q.value AS value, "
                "q.unit AS unit, q.span_start AS start, q.span_end AS end, q.text AS text, "
                "q.confidence AS confidence ORDER BY q.pos",
                {"id": doc_id},
            )
        ]
        return DocumentGraph(document, entities, mentions, list(relations.values()), quantities)

    # -- entities and facts ---------------------------------------------------
    def _entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._read(f"MATCH (e:Entity) WHERE e.id IN $ids RETURN {_ENTITY_FIELDS}", {"ids": sorted(set(ids))})
        return {row["id"]: _entity(row) for row in rows}

    def get_entity(self, entity_id: str) -> Entity | None:
        return self._entities([entity_id]).get(entity_id)

    def search(self, text: str, *, types: Iterable[str] | None = None, limit: int = 20) -> list[Entity]:
        query = normalise_label(text)
        if not query or limit <= 0:
            return []
        type_list = sorted(set(types or ()))
        type_filter = " AND e.type IN $types" if type_list else ""
        cap = max(10 * limit, 200)
        params = {"q": query, "slug": slug(text), "types": type_list, "n": cap}
        rows = self._read(
            f"MATCH (e:Entity) WHERE (any(l IN e.norms WHERE l CONTAINS $q) OR $slug IN e.slugs){type_filter} "
            f"RETURN {_ENTITY_FIELDS}, e.norms AS norms, e.slugs AS slugs LIMIT $n",
            params,
        )
        found = {row["id"]: row for row in rows}
        fulltext = self.dialect.fulltext(query)
        if fulltext is not None and len(found) < cap:
            statement, extra = fulltext
            hits = [r["id"] for r in self._read(statement, {**extra, "n": cap}) if r["id"] not in found]
            if hits:
                for row in self._read(
                    f"MATCH (e:Entity) WHERE e.id IN $ids{type_filter} "
                    f"RETURN {_ENTITY_FIELDS}, e.norms AS norms, e.slugs AS slugs",
                    {"ids": hits, "types": type_list},
                ):
                    found[row["id"]] = row
        key_slug = slug(text)
        ranked = []
        for row in found.values():
            tiers = [
                (0 if (s == key_slug or n == query) else 1 if n.startswith(query) else 2, len(n))
                for n, s in zip(row["norms"], row["slugs"])
                if s == key_slug or query in n
            ]
            if tiers:
                tier, length = min(tiers)
                ranked.append(((tier, length, row["name"], row["id"]), row))
        ranked.sort(key=lambda pair: pair[0])
        return [_entity(row) for _, row in ranked[:limit]]

    def lookup(self, name: str) -> list[Entity]:
        key = slug(name)
        if not key:
            return []
        rows = self._read(f"MATCH (e:Entity) WHERE $key IN e.slugs RETURN {_ENTITY_FIELDS}", {"key": key})
        rows.sort(key=lambda row: (row["name"] != name, row["id"]))
        return [_entity(row) for row in rows]

    def relations(
        self,
        entity_id: str,
        *,
        types: Iterable[str] | None = None,
        direction: Direction = "both",
        limit: int | None = None,
    ) -> list[Relation]:
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
        symmetric = sorted(n for n, rt in self._ontology.relation_types.items() if rt.symmetric)
        rows = self._read(
            f"MATCH (e:Entity {{id: $id}})-[r{self._type_pattern(types)}]-(m:Entity) "
            "WITH r, startNode(r).id = $id AS outgoing "
            "WHERE $dir = 'both' OR type(r) IN $symmetric OR outgoing = ($dir = 'out') "
            "RETURN DISTINCT r.key AS key, r.evidence AS evidence, r.seq AS seq, r.pos AS pos "
            "ORDER BY evidence DESC, seq, pos" + (" LIMIT $limit" if limit is not None else ""),
            {"id": entity_id, "dir": direction, "symmetric": symmetric, "limit": limit},
        )
        return self._relations([row["key"] for row in rows])

    def _relations(self, keys: Sequence[str]) -> list[Relation]:
        """Relations by key, in the given order, each with all its evidence and sources."""
        if not keys:
            return []
        out = {key: Relation(*json.loads(key)) for key in keys}
        for row in self._read(
            "UNWIND $keys AS key MATCH (v:Evidence {rel: key}) OPTIONAL MATCH (d:Document {doc_id: v.doc_id}) "
            "RETURN v.rel AS key, v.doc_id AS doc_id, d.source AS source, v.span_start AS start, v.span_end AS end, "
            f"v.text AS text, v.confidence AS confidence {_EVIDENCE_ORDER}",
            {"keys": list(out)},
        ):
            out[row["key"]].evidence.append(
                Evidence(row["doc_id"], row["start"], row["end"], row["text"], row["confidence"], row["source"] or "")
            )
        return [out[key] for key in keys]

    def quantities(self, entity_id: str) -> list[Quantity]:
        return [
            Quantity(entity_id, row["metric"], row["value"], row["unit"],
                     Evidence(row["doc_id"], row["start"], row["end"], row["text"], row["confidence"],
                              row["source"] or ""))
            for row in self._read(
                "MATCH (v:Quantity {entity: $id}) OPTIONAL MATCH (d:Document {doc_id: v.doc_id}) "
                "RETURN v.metric AS metric, v.value AS value, v.unit AS unit, v.doc_id AS doc_id, d.source AS source, "
                "v.span_start AS start, v.span_end AS end, v.text AS text, v.confidence AS confidence "
                + _EVIDENCE_ORDER,
                {"id": entity_id},
            )
        ]

    # -- walks ----------------------------------------------------------------
    def _expand(self, frontier: Sequence[str], types: Sequence[str], fanout: int) -> list[dict[str, Any]]:
        """Edges touching the frontier: every edge of a node, or a hub's `fanout` best-supported ones."""
        if not frontier:
            return []
        return self._read(
            f"UNWIND $frontier AS fid MATCH (n:Entity {{id: fid}})-[r{self._type_pattern(types)}]-(m:Entity) "
            "WITH n, r ORDER BY r.evidence DESC, r.seq, r.pos "
            "WITH n, collect([r.key, startNode(r).id, endNode(r).id, r.evidence, r.seq, r.pos])[..$fanout] AS edges "
            "UNWIND edges AS e RETURN DISTINCT e[0] AS key, e[1] AS head, e[2] AS tail, e[3] AS evidence, "
            "e[4] AS seq, e[5] AS pos",
            {"frontier": list(frontier), "fanout": max(fanout, 0)},
        )

    def neighbourhood(
        self,
        entity_ids: Iterable[str],
        *,
        hops: int = 1,
        entity_types: Iterable[str] | None = None,
        relation_types: Iterable[str] | None = None,
        fanout: int = 50,
    ) -> Subgraph:
        types = self._relation_types(relation_types)
        ent_types = sorted(set(entity_types or ()))
        seeds = self._entities(entity_ids)
        visited = set(seeds)
        frontier = sorted(visited)
        keys: dict[str, tuple] = {}
        for _ in range(max(hops, 0)):
            edges = self._expand(frontier, types, fanout)
            fresh = {end for e in edges for end in (e["head"], e["tail"])} - visited
            if ent_types and fresh:
                fresh = {row["id"] for row in self._read(
                    "MATCH (e:Entity) WHERE e.id IN $ids AND e.type IN $types RETURN e.id AS id",
                    {"ids": sorted(fresh), "types": ent_types},
                )}
            allowed = visited | fresh
            for e in edges:
                if e["head"] in allowed and e["tail"] in allowed:
                    keys.setdefault(e["key"], (e["seq"], e["pos"]))
            visited |= fresh
            frontier = sorted(fresh)
            if not frontier:
                break
        entities = {**seeds, **self._entities(visited - set(seeds))}
        ordered = sorted(keys, key=keys.__getitem__)
        return Subgraph(entities={i: entities[i] for i in sorted(entities)}, relations=self._relations(ordered))

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
        """Shortest simple paths found by one bounded variable-length match in the database.

        Nodes along the way (not the ends) with more than `fanout` relations are
        not crossed, which bounds the walk on hub-heavy graphs.
        """
        if source == target or k <= 0 or max_length < 1:
            return []
        length = min(int(max_length), _MAX_PATH_LENGTH)
        rows = self._read(
            "MATCH (a:Entity {id: $source}), (b:Entity {id: $target}) "
            f"MATCH p = (a)-[{self._type_pattern(relation_types)}*1..{length}]-(b) "
            "WHERE all(n IN nodes(p)[1..-1] WHERE n.degree <= $fanout) "
            "WITH p, nodes(p) AS ns, relationships(p) AS rs "
            "WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..]) "
            "WITH [n IN ns | n.id] AS ids, [r IN rs | r.key] AS keys, [r IN rs | r.evidence] AS weights, "
            "size(rs) AS len "
            "RETURN ids, keys, weights, len ORDER BY len LIMIT $cap",
            {"source": source, "target": target, "fanout": max(fanout, 0), "cap": max(50 * k, 500)},
        )
        best: dict[tuple[str, ...], tuple[int, int, list[str]]] = {}
        for row in rows:
            nodes = tuple(row["ids"])
            weight = sum(row["weights"])
            if nodes not in best or weight > best[nodes][1]:
                best[nodes] = (row["len"], weight, row["keys"])
        chosen = sorted(best.items(), key=lambda item: (item[1][0], -item[1][1], item[0]))[:k]
        rels = dict(zip(keys := sorted({key for _, (_, _, ks) in chosen for key in ks}), self._relations(keys)))
        return [Path(nodes=list(nodes), relations=[rels[key] for key in ks]) for nodes, (_, _, ks) in chosen]

    # -- whole graph ----------------------------------------------------------
    def stats(self) -> dict[str, object]:
        def one(query: str) -> int:
            rows = self._read(query)
            return int(rows[0]["n"] or 0) if rows else 0

        entities = self._read("MATCH (e:Entity) RETURN e.type AS t, count(e) AS n")
        relations = self._read(
            f"MATCH (:Entity)-[r{self._type_pattern(None)}]->(:Entity) RETURN type(r) AS t, count(r) AS n"
        )
        return {
            "documents": one("MATCH (d:Document) RETURN count(d) AS n"),
            "entities": {row["t"]: row["n"] for row in sorted(entities, key=lambda r: r["t"])},
            "relations": {row["t"]: row["n"] for row in sorted(relations, key=lambda r: r["t"])},
            "evidence": one("MATCH (v:Evidence) RETURN count(v) AS n"),
            "mentions": one("MATCH (:Document)-[m:MENTIONS]->(:Entity) RETURN sum(size(m.starts)) AS n"),
            "quantities": one("MATCH (q:Quantity) RETURN count(q) AS n"),
        }

    def iter_entities(self, batch_size: int = 1000) -> Iterator[Entity]:
        after = ""
        while True:
            rows = self._read(
                f"MATCH (e:Entity) WHERE e.id > $after WITH e ORDER BY e.id LIMIT $n RETURN {_ENTITY_FIELDS}",
                {"after": after, "n": batch_size},
            )
            if not rows:
                return
            yield from (_entity(row) for row in rows)
            after = rows[-1]["id"]

    def iter_relations(self, batch_size: int = 1000) -> Iterator[Relation]:
        after = ""
        while True:
            rows = self._read(
                f"MATCH (:Entity)-[r{self._type_pattern(None)}]->(:Entity) WHERE r.key > $after "
                "WITH r.key AS key ORDER BY key LIMIT $n RETURN key",
                {"after": after, "n": batch_size},
            )
            if not rows:
                return
            yield from self._relations([row["key"] for row in rows])
            after = rows[-1]["key"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _entity_props(name: str, attrs: Mapping[str, Any], labels: Iterable[str]) -> dict[str, Any]:
    """The stored, derived fields of an entity node."""
    ordered = sorted(set(labels))
    norms = [normalise_label(label) for label in ordered]
    return {
        "name": name, "attrs": _json(dict(attrs)), "labels": ordered, "norms": norms,
        "slugs": [slug(label) for label in ordered], "search": "\n".join(norms),
    }


def _entity(row: Mapping[str, Any]) -> Entity:
    return Entity(
        id=row["id"], type=row["type"], name=row["name"],
        aliases=[label for label in row["labels"] if label != row["name"]], attrs=json.loads(row["attrs"]),
    )
