"""Lexicon look-up: every known name of the domain in one Aho-Corasick pass.

Locations come from `extractors.geo` (countries by ISO code, world regions,
provinces and cities); platforms, media, organisations, cultural IPs, events,
places and persons come from the TSV files in `extractors/data/`. One automaton
over all surface forms scans a report in a single pass (FACTS.md: ~18 MB/s),
which is what keeps the whole pipeline faster than spaCy's own tokeniser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from graph.model import entity_id

DATA_DIR = Path(__file__).with_name("data")
LEXICON_FILES = ("platforms", "media", "organisations", "cultural_ip", "events", "places", "persons")

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{1,5}$")


@dataclass(frozen=True)
class Entry:
    """One known entity: its stable id, type, canonical name and every other name."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # Names worth matching in running text, when not all of them are (ISO codes are not).
    match: tuple[str, ...] | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        return self.match if self.match is not None else (self.name, *self.aliases)


class GazMatch(NamedTuple):
    start: int
    end: int
    entry: Entry


def fold(text: str) -> str:
    """Case-fold without changing length, so offsets in the folded text are offsets in `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def exact_case_free(entry: Entry) -> bool:
    """Lower-case mentions count only for lower-case names (bilibili)."""
    return any(s[:1].islower() for s in entry.surfaces)


def read_lexicon(path: Path) -> list[Entry]:
    """`name<TAB>type<TAB>alias|alias<TAB>k=v;k=v` lines; `#` starts a comment line."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", "", ""]
        name, etype, aliases, attrs = cols[0].strip(), cols[1].strip(), cols[2], cols[3]
        attr_map = dict(kv.split("=", 1) for kv in attrs.split(";") if "=" in kv)
        alias_list = tuple(dict.fromkeys(a.strip() for a in aliases.split("|") if a.strip() and a.strip() != name))
        entries.append(Entry(entity_id(etype, name), etype, name, alias_list, attr_map))
    return entries


def geo_entries() -> list[Entry]:
    from extractors.geo import locations, text_names

    out = []
    for loc in locations():
        attrs = {k: v for k, v in (("iso2", loc.iso2), ("lat", loc.lat), ("lon", loc.lon), ("parent", loc.parent)) if v}
        aliases = tuple(a for a in loc.aliases if a != loc.name)
        out.append(Entry(loc.id, loc.type, loc.name, aliases, attrs, match=text_names(loc)))
    return out


class Gazetteer:
    """All entries, searchable by any of their names in one pass."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._by_surface: dict[str, Entry] = {}
        self._automaton = ahocorasick.Automaton()
        for entry in entries:
            for surface in (entry.name, *entry.aliases):
                # The first entry to claim a surface keeps it: lexicon files are
                # read before geo so that 中国日报 stays a newspaper.
                self._by_surface.setdefault(fold(surface), entry)
            for surface in entry.surfaces:
                key = fold(surface)
                if len(surface) < 2 or self._by_surface.get(key) is not entry or self._automaton.exists(key):
                    continue  # 日, 渝, 湘: aliases to print, too ambiguous to match
                latin_start = _ASCII_ALNUM.match(surface[0]) is not None
                latin_end = _ASCII_ALNUM.match(surface[-1]) is not None
                exact = surface if _ACRONYM.match(surface) else None
                self._automaton.add_word(key, (len(surface), entry, latin_start, latin_end, exact))
        self._automaton.make_automaton()

    def get(self, name: str) -> Entry | None:
        return self._by_surface.get(fold(name))

    def find(self, text: str) -> list[GazMatch]:
        """Every occurrence of every name (overlapping); Latin names only on word boundaries."""
        folded = fold(text)
        out = []
        n = len(text)
        for end_idx, (size, entry, latin_start, latin_end, exact) in self._automaton.iter(folded):
            end = end_idx + 1
            start = end - size
            if latin_start and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
                continue
            if latin_end and end < n and text[end].isascii() and text[end].isalnum():
                continue
            if exact is not None and text[start:end] != exact:
                continue  # WHO is not "who"
            if latin_start and text[start].islower() and not exact_case_free(entry) \
                    and not (entry.type == "CulturalIP" and " " in text[start:end]):
                continue  # "threads", "northern": words; Threads, Northern: names; "lion dance" is one
            out.append(GazMatch(start, end, entry))
        return out


@cache
def get_gazetteer() -> Gazetteer:
    """Built once per process: lexicon files first (they win shared surfaces), then geo."""
    entries: list[Entry] = []
    for name in LEXICON_FILES:
        entries.extend(read_lexicon(DATA_DIR / f"{name}.tsv"))
    entries.extend(geo_entries())
    return Gazetteer(entries)
