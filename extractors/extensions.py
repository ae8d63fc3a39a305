"""The custom attributes Qiao's spaCy components read and write.

Every component registers nothing itself: importing this module once registers
all of them, so the entity components and the relation component (written
separately) agree on names and defaults by construction.

Contract (see README-pipeline.md):
- ``doc.spans["qiao"]``: a SpanGroup of entity mentions over the normalised text,
  overlaps allowed; ``span.label_`` is an ontology entity type and
  ``span._.entity_id`` the resolved stable id (anaphora such as 该中心 carry the id
  of their antecedent and ``span._.anaphor = True``).
- sentence boundaries: ``doc.sents`` (``token.is_sent_start`` is set by the
  ``qiao_sentences`` component).
- ``doc._.qiao_relations``: list of `RelationCandidate`, offsets in the normalised text.
- ``text_of(doc)``: the Doc's text without rebuilding it from the tokens.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

SPANS_KEY = "qiao"
TEXT_KEY = "qiao_text"


def text_of(doc: Doc) -> str:
    """The Doc's text. `doc.text` rebuilds it from every token in Python on each call
    (as costly as tokenising again); the Qiao tokenizer keeps the string it was given."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


@dataclass(frozen=True)
class RelationCandidate:
    """One relation a component believes in; offsets are the evidence span
    (usually the sentence or clause) in the normalised text of the Doc."""

    type: str
    head_id: str
    tail_id: str
    start_char: int
    end_char: int
    confidence: float


SPAN_INFO_KEY = "qiao_span_info"
_SPAN_FIELDS = ("entity_id", "confidence", "anaphor", "source")
SPAN_DEFAULTS = (None, 1.0, False, "")


def _span_field(i: int):
    """Getter/setter of one span attribute, kept in `doc.user_data` by character offsets.
    The resolver writes thousands of these per report; an Underscore object per write
    would cost more than finding the entities did."""
    def get(span: Span):
        row = span.doc.user_data.get(SPAN_INFO_KEY, {}).get((span.start_char, span.end_char))
        return SPAN_DEFAULTS[i] if row is None else row[i]

    def set_(span: Span, value) -> None:
        table = span.doc.user_data.setdefault(SPAN_INFO_KEY, {})
        key = (span.start_char, span.end_char)
        row = list(table.get(key, SPAN_DEFAULTS))
        row[i] = value
        table[key] = tuple(row)

    return get, set_


def set_span_info(doc: Doc, start_char: int, end_char: int, entity_id: str, confidence: float = 1.0,
                  anaphor: bool = False, source: str = "") -> None:
    """All span attributes of one mention at once (what the resolver calls)."""
    doc.user_data.setdefault(SPAN_INFO_KEY, {})[(start_char, end_char)] = (entity_id, confidence, anaphor, source)


def span_info(doc: Doc) -> dict[tuple[int, int], tuple]:
    """(start_char, end_char) → (entity_id, confidence, anaphor, source) of every mention
    the resolver wrote: what the span extensions read, without a Span per lookup."""
    return doc.user_data.get(SPAN_INFO_KEY, {})


def register() -> None:
    """Idempotent: safe to call from every module that needs the attributes."""
    for i, name in enumerate(_SPAN_FIELDS):
        if not Span.has_extension(name):
            get, set_ = _span_field(i)
            Span.set_extension(name, getter=get, setter=set_)
    if not Doc.has_extension("qiao_relations"):
        Doc.set_extension("qiao_relations", default=None)
    if not Doc.has_extension("qiao_entities"):
        # entity id → graph.model.Entity, filled by the resolver
        Doc.set_extension("qiao_entities", default=None)


register()
