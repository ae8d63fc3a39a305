"""The extraction pipeline: spaCy components, and text → `DocumentGraph`.

The pipeline is a spaCy `Language` assembled from `pipeline.cfg`:
tokenizer (`qiao.Tokenizer.v1`) → `qiao_sentences` → `qiao_entities` →
`qiao_model_ner` (a user's spaCy model, when configured) → `qiao_resolver` →
`qiao_relations` (extractors/relations). The Doc is made over the normalised
text; `build_graph` maps every offset back to the text as read.
"""
from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

import extractors.relations  # noqa: F401  (registers the qiao_relations factory)
from extractors.extensions import SPANS_KEY, register, set_span_info, text_of
from extractors.gazetteer import get_gazetteer
from extractors.normalise import NormalisedText, normalise
from extractors.quantities import find_quantities
from extractors.recognisers import ORG_TYPES, Candidate, get_recogniser
from extractors.resolver import Resolution, Resolver, link_to_store
from extractors.tokenizer import CANDIDATES_KEY  # also registers qiao.Tokenizer.v1
from graph.model import Document, DocumentGraph, Entity, Evidence, Mention, Quantity, Relation, content_hash
from ontology import load_ontology

if TYPE_CHECKING:
    from graph.store import GraphStore

register()
CONFIG_PATH = Path(__file__).with_name("pipeline.cfg")
RESOLUTION_KEY = "qiao_resolution"
MODEL_ENV = "QIAO_SPACY_MODEL"
_SENT_BREAK = re.compile(r"[。！？!?；;…]+[”’」』）)】》\"']*|\n\s*|\.(?=\s)\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
# Figures belong to what can have an audience.
_QUANTITY_OWNERS = ORG_TYPES | {"Work", "Platform"}


# -- components -------------------------------------------------------------------
@Language.component("qiao_sentences")
def set_sentences(doc: Doc) -> Doc:
    """Sentences end at 。！？；… (with any closing quotes) and at line breaks (the
    normaliser has rejoined hard wraps). Computed on the text and written as one
    array: setting `token.is_sent_start` token by token costs more than tokenising."""
    n = len(doc)
    if not n:
        return doc
    starts = {m.end() for m in _SENT_BREAK.finditer(text_of(doc))}
    idx = doc.to_array(IDX)
    flags = numpy.fromiter((1 if i in starts else -1 for i in idx.tolist()), dtype="int64", count=n)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(n, 1))  # -1 wraps, as spaCy's own cast does
    return doc


@Language.component("qiao_entities")
def find_candidates(doc: Doc) -> Doc:
    """Entity candidates; the Qiao tokenizer has found them already, another tokenizer has not."""
    if CANDIDATES_KEY not in doc.user_data:
        doc.user_data[CANDIDATES_KEY] = get_recogniser()(text_of(doc))
    return doc


class ModelNER:
    """Adds the entities of a user's spaCy model (PERSON, ORG, GPE…) as low-confidence
    candidates; the resolver keeps them only where Qiao's own rules found nothing."""

    def __init__(self, model: str, confidence: float) -> None:
        self.model_name = model or os.environ.get(MODEL_ENV, "")
        self.confidence = confidence
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language | None:
        if self._nlp is None and self.model_name:
            self._nlp = spacy.load(self.model_name)
        return self._nlp

    def __call__(self, doc: Doc) -> Doc:
        if self.nlp is None:
            return doc
        found = doc.user_data.setdefault(CANDIDATES_KEY, [])
        for ent in self.nlp(text_of(doc)).ents:
            etype = self.type_of(ent.label_, ent.text)
            if etype:
                found.append(Candidate(ent.start_char, ent.end_char, etype, ent.text, self.confidence, "model"))
        return doc

    @staticmethod
    def type_of(label: str, text: str) -> str | None:
        if label in ("PERSON", "PER"):
            return "Person"
        if label in ("ORG", "NORP_ORG"):
            return "Organization"
        if label in ("GPE", "LOC"):
            entry = get_gazetteer().get(text)
            return entry.type if entry is not None and entry.type in ("Country", "Place", "WorldRegion") else "Place"
        if label == "FAC":
            return "Place"
        if label == "EVENT":
            return "Event"
        if label == "WORK_OF_ART":
            return "Work"
        return None


@Language.factory("qiao_model_ner", default_config={"model": "", "confidence": 0.4})
def make_model_ner(nlp: Language, name: str, model: str, confidence: float) -> ModelNER:
    return ModelNER(model, confidence)


class ResolverComponent:
    """Selects, merges and ids the candidates; writes `doc.spans["qiao"]` and `doc._.qiao_entities`."""

    def __init__(self) -> None:
        self.resolve = Resolver(get_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        res = self.resolve(text_of(doc), doc.user_data.pop(CANDIDATES_KEY, []))
        offsets = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        by_start = {start: i for i, (start, _) in enumerate(offsets)}
        by_end = {start + size: i for i, (start, size) in enumerate(offsets)}
        spans = []
        for s in res.spans:
            i, j = by_start.get(s.start), by_end.get(s.end)
            if i is not None and j is not None and j >= i:
                span = Span(doc, i, j + 1, label=s.type)
            else:
                span = doc.char_span(s.start, s.end, label=s.type, alignment_mode="expand")
                if span is None:
                    continue
            set_span_info(doc, span.start_char, span.end_char, s.entity_id, s.confidence, s.anaphor)
            spans.append(span)
        group = SpanGroup(doc, name=SPANS_KEY, spans=spans)
        doc.spans[SPANS_KEY] = group
        doc._.qiao_entities = res.entities
        doc.user_data[RESOLUTION_KEY] = res
        return doc


@Language.factory("qiao_resolver")
def make_resolver(nlp: Language, name: str) -> ResolverComponent:
    return ResolverComponent()


# -- building and running ---------------------------------------------------------
def build_pipeline(model: str | None = None) -> Language:
    """A new pipeline from the shipped config; `model` overrides the spaCy model whose NER joins in."""
    overrides = {"components.qiao_model_ner.model": model} if model is not None else {}
    config = spacy.util.load_config(CONFIG_PATH, overrides=overrides)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


@cache
def get_pipeline() -> Language:
    """The pipeline from the shipped config, built once per process."""
    return build_pipeline()


def detect_lang(text: str) -> str:
    cjk = len(_CJK.findall(text[:20000]))
    latin = len(_LATIN.findall(text[:20000]))
    return "zh" if cjk * 3 >= latin else "en"


def extract_text(text: str, *, doc_id: str | None = None, source: str = "", title: str = "",
                 store: "GraphStore | None" = None) -> DocumentGraph:
    """Entities, mentions, relations and figures of one text (offsets into `text` as given)."""
    norm = normalise(text)
    doc = get_pipeline()(norm.text)
    return build_graph(doc, norm, doc_id=doc_id, source=source, title=title, store=store)


def extract_file(path: str | Path, *, store: "GraphStore | None" = None) -> DocumentGraph:
    """Load a file (any supported format) and extract it; `source` is the path as given."""
    from extractors.loaders import load_path

    loaded = load_path(path)
    return extract_text(loaded.text, source=str(path), title=loaded.title, store=store)


class ExtractionError(Exception):
    """The pipeline failed on a document; the message names the original error (which
    may not survive the trip back from a worker process)."""


def extract_many(texts_or_paths: Iterable[str | Path], *, n_process: int = 1,
                 store: "GraphStore | None" = None,
                 return_exceptions: bool = False) -> Iterator["DocumentGraph | Exception"]:
    """Extract many documents in order. A `Path` is loaded from disk, a `str` is text.

    With `n_process > 1` the documents are shared out over worker processes, each
    with its own pipeline; graphs (plain records) come back, not Docs, whose
    Python-object extensions cannot cross spaCy's own process boundary. Linking to
    `store` happens here, in the calling process. With `return_exceptions` a document
    that cannot be loaded or extracted yields its exception in its place (as
    `asyncio.gather` does), so one bad file does not end a batch."""
    items = list(texts_or_paths)
    if n_process <= 1 or len(items) < 2:
        outcomes: Iterable[DocumentGraph | Exception] = map(_extract_item, items)
        pool = None
    else:
        if os.name == "posix":
            get_pipeline()  # built once here, inherited by the forked workers
        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        pool = ctx.Pool(n_process)
        outcomes = pool.imap(_extract_item, items, chunksize=max(1, len(items) // (n_process * 8)))
    try:
        for outcome in outcomes:
            if isinstance(outcome, Exception):
                if not return_exceptions:
                    raise outcome
            elif store is not None:
                _link(outcome, store)
            yield outcome
    finally:
        if pool is not None:
            pool.terminate()


def _extract_item(item: str | Path) -> "DocumentGraph | Exception":
    """One document, its failure returned rather than raised: an exception raised in a
    worker would end the whole pool's iteration."""
    from extractors.loaders import LoadError

    try:
        if isinstance(item, Path):
            return extract_file(item)
        return extract_text(item)
    except (LoadError, OSError) as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - handed back to extract_many, which decides
        return ExtractionError(f"{type(exc).__name__}: {exc}")


# -- Doc → DocumentGraph ------------------------------------------------------------
def build_graph(doc: Doc, norm: NormalisedText, *, doc_id: str | None = None, source: str = "",
                title: str = "", store: "GraphStore | None" = None) -> DocumentGraph:
    original = norm.original
    doc_id = doc_id or content_hash(norm.text)
    res: Resolution = doc.user_data[RESOLUTION_KEY]
    document = Document(doc_id=doc_id, source=source, title=title, lang=detect_lang(norm.text), text=original)
    mentions: dict[str, list[Mention]] = {}
    seen: set[tuple[str, int, int]] = set()
    for s in res.spans:
        ent = res.entities[s.entity_id]
        if s.anaphor and norm.text[s.start:s.end] not in ent.aliases:
            continue
        start, end = norm.span_to_original(s.start, s.end)
        if (s.entity_id, start, end) in seen:
            continue
        seen.add((s.entity_id, start, end))
        surface = original[start:end]
        mentions.setdefault(s.entity_id, []).append(Mention(start, end, surface))
        written = _unwrap(surface)
        if written != ent.name and written not in ent.aliases and not s.anaphor:
            ent.aliases.append(written)  # 王曇 as written, 王昙 as matched
    entities = [e for eid, e in res.entities.items() if eid in mentions]
    graph = DocumentGraph(document=document, entities=entities, mentions=mentions)
    graph.relations = _relations(doc, norm, doc_id, set(mentions), res)
    graph.quantities = _quantities(doc, norm, doc_id, res, set(mentions))
    if store is not None:
        _link(graph, store)
    return graph


def _unwrap(surface: str) -> str:
    """A mention as a name: line breaks gone (with a space between Latin words)."""
    if "\n" not in surface:
        return surface.strip()
    parts = [p.strip() for p in surface.split("\n") if p.strip()]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += (" " if out[-1:].isascii() and part[:1].isascii() else "") + part
    return out


def _evidence(norm: NormalisedText, doc_id: str, start: int, end: int, confidence: float) -> Evidence:
    o_start, o_end = norm.span_to_original(start, end)
    return Evidence(doc_id, o_start, o_end, norm.original[o_start:o_end], confidence)


def _relations(doc: Doc, norm: NormalisedText, doc_id: str, known: set[str], res: Resolution) -> list[Relation]:
    ontology = load_ontology()
    out: dict[tuple[str, str, str], Relation] = {}
    for cand in doc._.qiao_relations or []:
        if cand.head_id not in known or cand.tail_id not in known or cand.head_id == cand.tail_id:
            continue
        rtype = ontology.relation_types.get(cand.type)
        head, tail = res.entities[cand.head_id], res.entities[cand.tail_id]
        if rtype is None or not rtype.accepts(head.type, tail.type):
            continue
        rel = Relation(cand.type, cand.head_id, cand.tail_id)
        rel = out.setdefault(rel.key, rel)
        rel.evidence.append(_evidence(norm, doc_id, cand.start_char, cand.end_char, cand.confidence))
    return list(out.values())


def _quantities(doc: Doc, norm: NormalisedText, doc_id: str, res: Resolution, known: set[str]) -> list[Quantity]:
    """Each figure belongs to the nearest organisation, work or platform named before it in its sentence."""
    text = text_of(doc)
    bounds = [0] + [m.end() for m in _SENT_BREAK.finditer(text)] + [len(text)]
    sents = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    owners = [s for s in res.spans if s.type in _QUANTITY_OWNERS and s.entity_id in known]
    out = []
    si = 0
    for q in find_quantities(text):
        while si < len(sents) and sents[si][1] <= q.start:
            si += 1
        if si >= len(sents):
            break
        s_start, s_end = sents[si]
        owner = None
        for span in owners:
            if span.start >= q.start:
                break
            if span.start >= s_start:
                owner = span
        if owner is None:
            continue
        out.append(Quantity(owner.entity_id, q.metric, q.value, q.unit, _evidence(norm, doc_id, s_start, s_end, 0.7)))
    return out


def _link(graph: DocumentGraph, store: "GraphStore") -> None:
    """Reuse the store's ids for entities it already knows (by name, alias or near-identical name)."""
    remap = link_to_store({e.id: e for e in graph.entities}, store)
    if not remap:
        return
    merged: dict[str, Entity] = {}
    for ent in graph.entities:
        ent.id = remap.get(ent.id, ent.id)
        kept = merged.setdefault(ent.id, ent)
        if kept is not ent:  # two names of this document are one entity of the store
            kept.aliases.extend(a for a in (ent.name, *ent.aliases) if a != kept.name and a not in kept.aliases)
    graph.entities = list(merged.values())
    mentions: dict[str, list[Mention]] = {}
    for k, v in graph.mentions.items():
        mentions.setdefault(remap.get(k, k), []).extend(v)
    graph.mentions = mentions
    relations: dict[tuple[str, str, str], Relation] = {}
    for r in graph.relations:
        new = Relation(r.type, remap.get(r.head, r.head), remap.get(r.tail, r.tail), list(r.evidence))
        if new.head != new.tail:
            relations.setdefault(new.key, Relation(new.type, new.head, new.tail)).evidence.extend(new.evidence)
    graph.relations = list(relations.values())
    graph.quantities = [Quantity(remap.get(q.entity, q.entity), q.metric, q.value, q.unit, q.evidence) for q in graph.quantities]
