"""Weights that turn graph evidence into scores, shared by every query and both stores.

Why weights live in one table: the planners who read a score need the same
relation to count the same everywhere (a REACHES edge is worth as much in
`carry` as in `angles`), and tuning happens here only.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from graph.model import Quantity, Relation

# How directly a relation puts a carrier in front of an audience in the target.
CHANNEL_WEIGHT = {"REACHES": 1.0, "PRESENCE_IN": 1.0, "LOCATED_IN": 0.8, "SISTER_CITY_OF": 0.9}
# Second hops: the carrier stands behind an intermediary that has a channel itself.
# (relation type, carrier is head?) → weight; None as head-flag means either end.
RELAY_WEIGHT: dict[tuple[str, bool | None], float] = {
    ("PRODUCED", True): 0.8,  # its work or event reached / took place there
    ("SISTER_CITY_OF", None): 0.8,  # twinned with a city there
    ("PARTNER_OF", None): 0.7,  # partner of an organisation there
    ("PART_OF", False): 0.6,  # parent of a unit there
    ("OPERATES_ON", True): 0.5,  # runs accounts on a platform that reaches there
    ("AFFILIATED_WITH", True): 0.5,  # works for an organisation there
    ("PART_OF", True): 0.4,  # unit of an organisation there
}
# How strongly a relation ties a carrier to the story (owner relations first).
STORY_WEIGHT = {
    "PROMOTES": 1.0, "PRODUCED": 1.0, "FEATURES": 0.9, "PART_OF": 0.7, "PARTNER_OF": 0.6,
    "AFFILIATED_WITH": 0.6, "OPERATES_ON": 0.5, "LOCATED_IN": 0.5, "SISTER_CITY_OF": 0.5,
}
# Relations that make an entity the owner of a story it PROMOTES or PRODUCED.
OWNER_RELATIONS = ("PROMOTES", "PRODUCED")

LINK_FACTOR = 1.5  # a carrier tied to the story outranks one that only reaches the target
TARGET_WEIGHT = {"target": 1.0, "place": 0.9, "member": 0.9, "region": 0.4, "country": 0.5}
FOLLOW_ON = (1.0, 0.5, 0.25)  # the 2nd and 3rd channel add less: breadth helps, but saturates


@dataclass
class Reason:
    """One term of a score, readable by a planner: what it is, and how much it added."""

    kind: str  # channel | story | evidence | audience | target
    weight: float
    text: str


def edge_strength(relation: Relation, weight: float) -> float:
    """A relation's weight times the belief in it (noisy-or of its evidence)."""
    return weight * (relation.confidence if relation.evidence else 0.5)


def evidence_bonus(relations: Iterable[Relation]) -> tuple[float, int]:
    """More independent sentences, more trust, with diminishing returns."""
    count = sum(len(r.evidence) for r in relations)
    return 0.1 * math.log2(1 + count), count


def audience_bonus(quantities: Iterable[Quantity]) -> tuple[float, Quantity | None]:
    """An audience of 10⁷ adds 0.35; the largest figure counts, not the sum of overlapping ones."""
    best = max((q for q in quantities if q.value > 0), key=lambda q: q.value, default=None)
    if best is None:
        return 0.0, None
    return round(0.05 * math.log10(1 + best.value), 4), best


def contributions(values: Iterable[float]) -> list[float]:
    """What each value adds, best first: the best counts fully, the next ones less (FOLLOW_ON)."""
    return [v * f for v, f in zip(sorted(values, reverse=True), FOLLOW_ON)]


def combine(values: Iterable[float]) -> float:
    return sum(contributions(values))
