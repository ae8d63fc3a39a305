"""Relation rules: trigger cues + clause scope + argument roles, one function per relation family.

Each rule yields `Found(type, head, tail, confidence)` for one sentence. Types
are not checked here: the component keeps only pairs the ontology accepts, so a
rule may propose a pair freely (e.g. "X在Y设立办事处" with X a place) and the
ontology decides. Confidence = cue strength x distance decay (x 0.6 when the
actor had to be carried over from an earlier sentence).
"""
from __future__ import annotations

from extractors.relations.base import Found
from extractors.relations.content import ContentRules
from extractors.relations.english import EnglishRules
from extractors.relations.organisations import OrganisationRules
from extractors.relations.places import PlaceRules

__all__ = ["Found", "Rules"]


class Rules(OrganisationRules, PlaceRules, ContentRules, EnglishRules):
    """Every rule family over one `DocView`; `applicable(sentence)` names the rules to run on it."""
