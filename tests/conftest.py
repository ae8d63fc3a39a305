"""Fixtures shared by the whole suite.

- `store`: an empty real store, parametrised by kind. Add a kind by adding a
  factory to `STORE_FACTORIES` (a context manager taking the pytest request and
  a tmp path), e.g. "bolt" starting or reusing a FalkorDB server fixture.
- `make_graph`: hand-built `DocumentGraph`s, so store tests never depend on extraction.
- `sample_store`: examples/reports ingested once per session into an embedded store.
- `shared_dir`: ../shared (the dev corpus and spec), skipped when absent.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from graph.model import Document, DocumentGraph, Entity, Evidence, Mention, Quantity, Relation, content_hash, entity_id

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "reports"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = ROOT.parent / "shared"
    if not (path / "corpus" / "dev").is_dir():
        pytest.skip(f"shared material not found at {path} (the dev corpus lives outside the repository)")
    return path


# -- stores -------------------------------------------------------------------
@contextlib.contextmanager
def _sqlite_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path / "store.db")
    try:
        yield store
    finally:
        store.close()


STORE_FACTORIES: dict[str, Callable[[pytest.FixtureRequest, Path], contextlib.AbstractContextManager]] = {
    "sqlite": _sqlite_store,
}
from bolt_server import BOLT_STORE_FACTORIES, bolt_server  # noqa: E402,F401  (FalkorDB; Neo4j if NEO4J_URI)

STORE_FACTORIES.update(BOLT_STORE_FACTORIES)


@pytest.fixture(params=list(STORE_FACTORIES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """An empty store of each kind in `STORE_FACTORIES`."""
    with STORE_FACTORIES[request.param](request, tmp_path) as opened:
        yield opened


# -- hand-built document graphs -------------------------------------------------
EntitySpec = tuple  # (type, name) or (type, name, [aliases]) or (type, name, [aliases], {attrs})
RelationSpec = tuple  # (type, head name, tail name) or (..., confidence)
QuantitySpec = tuple  # (entity name, metric, value, unit)


def build_graph(
    doc: str,
    entities: Sequence[EntitySpec],
    relations: Sequence[RelationSpec] = (),
    quantities: Sequence[QuantitySpec] = (),
    *,
    text: str | None = None,
    source: str | None = None,
    lang: str = "zh",
) -> DocumentGraph:
    """A DocumentGraph from names: ids come from `entity_id(type, name)`, each
    entity gets a mention where its name occurs in the text, each relation an
    evidence sentence. `doc` is a short label that makes the text unique."""
    names: dict[str, Entity] = {}
    for spec in entities:
        type_, name, *rest = spec
        aliases = rest[0] if rest else []
        attrs = rest[1] if len(rest) > 1 else {}
        names[name] = Entity(entity_id(type_, name), type_, name, list(aliases), dict(attrs))
    sentences = [f"{h}与{t}：{r}。" for r, h, t, *_ in relations] + [f"{e}的{m}为{v}{u}。" for e, m, v, u in quantities]
    body = text if text is not None else f"【{doc}】" + "".join(sentences) + "".join(f"{n}。" for n in names)
    doc_id = content_hash(body)
    mentions = {}
    for name, ent in names.items():
        at = body.find(name)
        if at >= 0:
            mentions[ent.id] = [Mention(at, at + len(name), name)]

    def evidence(sentence: str, confidence: float) -> Evidence:
        at = max(body.find(sentence), 0)
        return Evidence(doc_id, at, at + len(sentence), body[at: at + len(sentence)], confidence)

    rels = []
    for i, (type_, head, tail, *conf) in enumerate(relations):
        rels.append(Relation(type_, names[head].id, names[tail].id, [evidence(sentences[i], conf[0] if conf else 0.8)]))
    quants = [
        Quantity(names[e].id, m, float(v), u, evidence(sentences[len(relations) + i], 0.9))
        for i, (e, m, v, u) in enumerate(quantities)
    ]
    return DocumentGraph(
        Document(doc_id=doc_id, source=source or f"{doc}.txt", title=doc, lang=lang, text=body),
        list(names.values()),
        mentions,
        rels,
        quants,
    )


@pytest.fixture
def make_graph() -> Callable[..., DocumentGraph]:
    return build_graph


# -- the sample reports, ingested once ------------------------------------------
@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """examples/reports extracted into an embedded store (read-only for tests)."""
    try:
        from extractors import extract_file  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the extractor is not available yet: {exc}")
    from graph.ingest import ingest_paths
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("sample") / "sample.db")
    report = ingest_paths(store, [EXAMPLES])
    assert report.ok, [f"{r.path}: {r.reason}" for r in report.failed]
    try:
        yield store
    finally:
        store.close()
