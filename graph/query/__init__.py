"""The query engine: who can carry a story where, which angles work there, and the walks
behind them. Written once over the `GraphStore` protocol, so both stores give the same
answers; the stores run the walks (`neighbourhood`, `paths`) where the data is."""
from graph.query.angles import Angle, AnglesResult, angles
from graph.query.carry import Carrier, CarryResult, Owner, Pairing, carry
from graph.query.edges import Edge
from graph.query.geojson import partner_map
from graph.query.partners import CountryGroup, Partner, PartnersResult, partners
from graph.query.ranking import Reason
from graph.query.resolve import UnknownEntity, resolve_entity, resolve_location, resolve_story
from graph.query.target import TargetLocation
from graph.query.walks import NeighbourhoodResult, PathsResult, PathView, neighbourhood, paths, search

__all__ = [
    "Angle", "AnglesResult", "Carrier", "CarryResult", "CountryGroup", "Edge", "NeighbourhoodResult", "Owner",
    "Pairing", "Partner", "PartnersResult", "PathView", "PathsResult", "Reason", "TargetLocation", "UnknownEntity",
    "angles", "carry", "neighbourhood", "partner_map", "partners", "paths", "resolve_entity", "resolve_location",
    "resolve_story", "search",
]
