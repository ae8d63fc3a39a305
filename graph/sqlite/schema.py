"""Tables of the embedded store.

Integer keys (`eid`, `rid`, `seq`) keep the walk indexes small at a million
entities; the public string ids live in one unique column. Provenance tables
(`entity_docs`, `aliases`, `mentions`, `evidence`, `quantities`) hang off a
document and cascade with it, so removing a document is one DELETE plus a sweep
of what it alone supported. Triggers keep `entities.degree` (which
the walks read to spot hubs), the per-type counts and the trigram index in step; the store sets
`relations.n_evidence` itself, once per relation per document.
"""
from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3

DDL = """
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE entities (
    eid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    degree INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_type ON entities(type);

-- what each document said about an entity: the name it used and its attrs
CREATE TABLE entity_docs (
    eid INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    name TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (eid, seq)
) WITHOUT ROWID;
CREATE INDEX entity_docs_seq ON entity_docs(seq);

CREATE TABLE aliases (
    eid INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (eid, alias, seq)
) WITHOUT ROWID;
CREATE INDEX aliases_seq ON aliases(seq);

-- every distinct name or alias of an entity: what search and lookup read
CREATE TABLE labels (
    lid INTEGER PRIMARY KEY,
    eid INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    slug TEXT NOT NULL,
    UNIQUE (eid, text)
);
CREATE INDEX labels_slug ON labels(slug);
CREATE INDEX labels_norm ON labels(norm);
CREATE VIRTUAL TABLE labels_fts USING fts5(norm, content='labels', content_rowid='lid', tokenize='trigram');
CREATE TRIGGER labels_ai AFTER INSERT ON labels BEGIN
    INSERT INTO labels_fts(rowid, norm) VALUES (new.lid, new.norm);
END;
CREATE TRIGGER labels_ad AFTER DELETE ON labels BEGIN
    INSERT INTO labels_fts(labels_fts, rowid, norm) VALUES ('delete', old.lid, old.norm);
END;

CREATE TABLE mentions (
    eid INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_eid ON mentions(eid);
CREATE INDEX mentions_seq ON mentions(seq);

CREATE TABLE relations (
    rid INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    head INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    tail INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    n_evidence INTEGER NOT NULL DEFAULT 0,
    UNIQUE (type, head, tail)
);
CREATE INDEX relations_head ON relations(head, n_evidence DESC);
CREATE INDEX relations_tail ON relations(tail, n_evidence DESC);
CREATE TRIGGER relations_ai AFTER INSERT ON relations BEGIN
    UPDATE entities SET degree = degree + 1 WHERE eid IN (new.head, new.tail);
END;
CREATE TRIGGER relations_ad AFTER DELETE ON relations BEGIN
    UPDATE entities SET degree = degree - 1 WHERE eid IN (old.head, old.tail);
END;

CREATE TABLE evidence (
    rid INTEGER NOT NULL REFERENCES relations(rid) ON DELETE CASCADE,
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX evidence_rid ON evidence(rid);
CREATE INDEX evidence_seq ON evidence(seq);

-- per-type counts for stats(), so it does not scan a million rows
CREATE TABLE type_counts (
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, type)
) WITHOUT ROWID;
CREATE TRIGGER entities_count_ai AFTER INSERT ON entities BEGIN
    INSERT OR IGNORE INTO type_counts VALUES ('entities', new.type, 0);
    UPDATE type_counts SET n = n + 1 WHERE kind = 'entities' AND type = new.type;
END;
CREATE TRIGGER entities_count_ad AFTER DELETE ON entities BEGIN
    UPDATE type_counts SET n = n - 1 WHERE kind = 'entities' AND type = old.type;
END;
CREATE TRIGGER relations_count_ai AFTER INSERT ON relations BEGIN
    INSERT OR IGNORE INTO type_counts VALUES ('relations', new.type, 0);
    UPDATE type_counts SET n = n + 1 WHERE kind = 'relations' AND type = new.type;
END;
CREATE TRIGGER relations_count_ad AFTER DELETE ON relations BEGIN
    UPDATE type_counts SET n = n - 1 WHERE kind = 'relations' AND type = old.type;
END;

CREATE TABLE quantities (
    eid INTEGER NOT NULL REFERENCES entities(eid) ON DELETE CASCADE,
    seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    metric TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX quantities_eid ON quantities(eid);
CREATE INDEX quantities_seq ON quantities(seq);
"""


def connect(path: str) -> sqlite3.Connection:
    """A connection with WAL, foreign keys and a busy timeout, schema ensured."""
    conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30.0)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                for statement in _statements(DDL):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    elif version != SCHEMA_VERSION:
        conn.close()
        raise RuntimeError(
            f"{path}: store schema version {version}, this Qiao reads version {SCHEMA_VERSION}; "
            "the file was made by another version of Qiao: move it away and ingest the reports again"
        )
    return conn


def _statements(script: str) -> list[str]:
    """Split the DDL at statement ends (trigger bodies hold inner semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]
