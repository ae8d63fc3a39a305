"""The `qiao_relations` spaCy component: relations between the entity mentions of a Doc.

Reads `doc.spans["qiao"]` (typed, resolved mentions; see extractors/README-pipeline.md)
and writes `doc._.qiao_relations`, a list of `RelationCandidate`. Rules (cue words x
clause scope x argument roles) live in `organisations.py`, `places.py` and `content.py` (English
word order, appositions and definite descriptions in `english.py`),
their shared machinery (actors, discourse state) in `base.py`, sentences and clauses in
`structure.py`, the cue words in `extractors/data/relation_triggers.json` (scanned once
per document by `lexicon.py`). Which (head type, tail type) pairs a relation admits comes
from the ontology only, so a rule never needs to know the signature of what it proposes.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from extractors.extensions import SPAN_DEFAULTS, SPANS_KEY, RelationCandidate, span_info, text_of
from extractors.relations.lexicon import Lexicon, load_lexicon
from extractors.relations.rules import Found, Rules
from extractors.relations.structure import DocView, Mention, Sentence
from ontology import load_ontology

__all__ = ["RelationExtractor", "extract_relations", "mentions_of"]
MAX_EVIDENCE = 400  # characters: evidence reaching back further keeps its own sentence only


def mentions_of(doc: Doc) -> list[Mention]:
    """The entity mentions of a Doc as plain records.

    Spans without an id are skipped, and so is an anaphor written directly before
    another name or spelled like a verb ("组织新华社等媒体", "组织策划采访"): there
    the word is a verb or a modifier, not a noun standing for an earlier organisation.
    """
    if SPANS_KEY not in doc.spans:
        return []
    lex = load_lexicon()
    text = text_of(doc)
    info = span_info(doc)  # read directly: `span._` and `span.text` cost more than the rules
    rows = []
    for span in doc.spans[SPANS_KEY]:
        start, end = span.start_char, span.end_char
        eid, _, anaphor, _ = info.get((start, end), SPAN_DEFAULTS)
        if eid:
            rows.append((Mention(start, end, span.label_, eid, text[start:end]), anaphor))
    starts = {m.start for m, anaphor in rows if not anaphor}
    return [m for m, anaphor in rows if not (anaphor and (m.end in starts or lex.has("verb_anaphor", m.text)))]


def extract_relations(text: str, mentions: Iterable[Mention], threshold: float = 0.35,
                      max_pairs: int = 400, lexicon: Lexicon | None = None) -> list[RelationCandidate]:
    """Relations stated in `text` between `mentions` (character offsets into `text`).

    One candidate per (type, head, tail), with the best-scoring sentence as evidence.
    A sentence yields at most `max_pairs` proposals and an enumeration counts at most
    `structure.MAX_GROUP` members, so a list-like sentence of hundreds of names stays
    linear in practice instead of making every rule quadratic.
    """
    ontology = load_ontology()
    rtypes = ontology.relation_types
    view = DocView(text, mentions, lexicon or load_lexicon(),
                   ontology.members("Organisation"), ontology.members("Location"))
    rules = Rules(view)
    best: dict[tuple[str, str, str], RelationCandidate] = {}
    nested: set[tuple[str, str]] = set()
    carried: Mention | None = None
    employer: dict[str, Mention] = {}  # person id → the organisation named first for them
    prev_end = 0
    for sent in view.sentences:
        if "\n\n" in text[prev_end:sent.start].replace(" ", ""):
            carried = None
        prev_end = sent.end
        if not sent.mentions or (len(sent.mentions) == 1 and not sent.nested and not view.is_org(sent.mentions[0])
                                 and text[sent.start:sent.start + 1] not in "“\""
                                 and not view.cues.first("both_sides", sent.start, sent.end)
                                 and not view.cues.first("work_anaphor", sent.start, sent.end)
                                 and not view.cues.first("en_anaphor", sent.start, sent.end)):
            rules.after(sent)  # a lone work can still be "该片" later
            continue  # nothing to relate and nothing that changes the actor carried over
        view.prepare(sent)
        if carried is None and rules.opens_with_anaphor(sent):
            carried = rules.antecedent(sent)
        speaker = _speaker_org(view, sent, employer)
        actor = speaker or carried
        if len(sent.mentions) + len(sent.nested) >= 2 or speaker is not None or rules.refers_back(sent):
            rules.sentence = sent
            found = (f for name in rules.applicable(sent) for f in getattr(rules, name)(sent, actor))
            for f in islice(found, max_pairs):
                _keep(best, f, sent, rtypes, nested, view)
                if f.type == "AFFILIATED_WITH" and f.tail.type in view.orgs:
                    known = employer.get(f.head.id)
                    if known is None or (f.tail.start < known.start and f.tail.start >= sent.start):
                        employer[f.head.id] = f.tail
        rules.after(sent)
        subjects = view.subjects(sent)
        if subjects:
            carried = subjects[-1]
        elif any(view.is_org(m) for m in sent.mentions) and not rules.opens_with_anaphor(sent):
            carried = None
    _propagate_affiliations(best, nested)
    return sorted((c for c in best.values() if c.confidence >= threshold),
                  key=lambda c: (c.start_char, c.type, c.head_id, c.tail_id))


def _speaker_org(view: DocView, sent: Sentence, employer: dict[str, Mention]) -> Mention | None:
    """“我们……打造了《X》”王亚说: inside a quotation without an actor of its own, "we" is
    the organisation of the person the quotation is attributed to right after it."""
    text = view.text
    if text[sent.start:sent.start + 1] not in "“\"" or view.subjects(sent):
        return None
    close = text.find("”", sent.start + 1, sent.end + 400)
    if close < 0:
        return None
    nxt = view.mention_at(close + 1, close + 3)
    if nxt is not None and view.is_org(nxt):  # ”海南国际传播中心主任某某说
        person = view.mention_at(nxt.end, nxt.end + 12)
        if person is not None and person.type == "Person" and view.lex.endswith("role", text[nxt.end:person.start]) \
                and view.lex.startswith("speech", text[person.end:person.end + 4]):
            return nxt
        return None
    if nxt is None or nxt.type != "Person" or not view.lex.startswith("speech", text[nxt.end:nxt.end + 4]):
        return None
    return employer.get(nxt.id)


def _keep(best: dict, f: Found, sent: Sentence, rtypes: dict, nested: set, view: DocView) -> None:
    rt = rtypes.get(f.type)
    if rt is None or f.head.id == f.tail.id or not rt.accepts(f.head.type, f.tail.type):
        return
    head, tail = f.head.id, f.tail.id
    if rt.symmetric and head > tail:
        head, tail = tail, head
    key = (f.type, head, tail)
    if f.rule == "nested":
        nested.add((head, tail))
    conf = round(min(1.0, max(0.01, f.confidence)), 3)
    old = best.get(key)
    if old is None or conf > old.confidence:
        start = sent.start
        first = min(f.head.start, f.tail.start)
        if first < start:  # an actor carried over: the evidence reaches back to where it is named
            named = view.sentence_start(first)
            start = named if sent.end - named <= MAX_EVIDENCE else start
        best[key] = RelationCandidate(f.type, head, tail, start, sent.end, conf)


def _propagate_affiliations(best: dict, nested: set[tuple[str, str]]) -> None:
    """Someone at 复旦大学全球传播全媒体研究院 is also at 复旦大学: follow a PART_OF read off
    a nested name one step from a person's organisation (the affiliation's evidence, lowered).
    Looser PART_OF (a centre run by a newspaper) does not make its staff the newspaper's."""
    parents: dict[str, list[RelationCandidate]] = {}
    for c in best.values():
        if c.type == "PART_OF" and (c.head_id, c.tail_id) in nested:
            parents.setdefault(c.head_id, []).append(c)
    for c in list(best.values()):
        if c.type != "AFFILIATED_WITH":
            continue
        for p in parents.get(c.tail_id, []):
            key = ("AFFILIATED_WITH", c.head_id, p.tail_id)
            if key not in best:
                best[key] = RelationCandidate("AFFILIATED_WITH", c.head_id, p.tail_id, c.start_char, c.end_char,
                                              round(c.confidence * p.confidence, 3))


class RelationExtractor:
    """spaCy pipeline component; see module docstring."""

    def __init__(self, nlp: Language, name: str, threshold: float, max_pairs: int) -> None:
        self.name = name
        self.threshold = threshold
        self.max_pairs = max_pairs
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.qiao_relations = extract_relations(text_of(doc), mentions_of(doc), self.threshold,
                                                 self.max_pairs, self.lexicon)
        return doc


@Language.factory("qiao_relations", default_config={"threshold": 0.35, "max_pairs": 400})
def make_relation_extractor(nlp: Language, name: str, threshold: float, max_pairs: int) -> RelationExtractor:
    return RelationExtractor(nlp, name, threshold, max_pairs)
