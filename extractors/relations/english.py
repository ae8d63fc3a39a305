"""Rules for English sentences: word order, appositions, passives and definite descriptions.

English reports state relations in ways the Chinese-ordered rules do not read:

- the child, the work or the person comes first and its maker, parent or employer
  after a preposition ("X, set up by Y", "a gala jointly organised by A and B",
  "Kevin Sy, a presenter with GMA Network", "Quanzhou Evening News, a newspaper of QMG");
- places are chained by commas and possessives ("Nairobi, Kenya", "Kazakhstan's Khabar TV",
  "in China's Fujian province", "Novi Sad, Serbia's second-largest city", "the Serbian
  capital Belgrade", "the Sao Paulo-based daily");
- an organisation is named once, then taken up as "it / its", "the centre", "the
  Quanzhou-based group", "the association's vice-president", "the two sides".

Each sentence is read as a template: its outer mentions, plus the definite descriptions
and pronouns resolved to an earlier mention (`_refs`), become placeholders ⟦i⟧, and the
rules are regular expressions over that template, built from the "en" word lists of
extractors/data/relation_triggers.json (cue classes "en_*" and the shared "role",
"presence_noun", "account", "audience", "located_in", "promotes" lists). Every rule returns
at once for a sentence that is not English. As elsewhere, the ontology decides which
(head type, tail type) pairs are kept, so the rules propose freely.

On English sentences the rules of the other families that lean on the Chinese clause actor
(`_SUPERSEDED`: audiences, sister cities, offices, producing verbs, possessive works, accounts)
do not run: a speaker ("HICC says the programme reached …"), an agent after "by", an actor
carried from an earlier paragraph are what they misread there, and the rules here cover them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extractors import geo
from extractors.relations.base import Found, RuleBase
from extractors.relations.structure import Mention, Sentence

DEMONYMS_PATH = Path(__file__).resolve().parents[1] / "data" / "demonyms_en.tsv"
LOCATION_RANK = {"Place": 1, "Country": 2, "WorldRegion": 3}
# rules of the other families that English sentences do not run: english.py reads these relations itself
_SUPERSEDED = frozenset({"reaches", "sister", "presence", "produced", "possessive", "operates"})
_HISTORY = 400  # outer mentions of earlier sentences kept for definite descriptions

_STOP = frozenset("""
said says say told tell tells is are was were be been being has have had will would shall should can could may might must
do does did with on in of by for to at from into onto about via through under over between among across after before since
during which who whom whose that this these those where when while and or but nor as than if because it its they their them
he she his her we our you your i not also then there here so such what how why
""".split())
_WORD = r"[A-Za-z][\w'\-]*"
_STOP_RE = "|".join(sorted(_STOP, key=lambda w: (-len(w), w)))
MOD = rf"(?:(?:(?!(?:{_STOP_RE})\b){_WORD}|\d[\w.,\-]*)\s+)"  # a modifier word: no verb of speech, auxiliary or preposition
DET = r"(?:(?:the|a|an|its|their|his|her|our|this|that|these|those|some|several|two|three|four|five|all|both|new)\s+)"
PH = r"⟦\d+⟧"
END = r"(?!'s\b|-based)"  # a placeholder that is not a possessor or a "-based" modifier
ITEM = rf"(?<![\w'\-]){DET}?(?:{PH}(?:'s\s+|-based\s+))?{MOD}{{0,3}}?{PH}{END}"
ITEM_IN = rf"{ITEM}(?:\s+in\s+{PH}{END})?"  # "the Chinese Association in Hungary"
_CONJ = r"(?:and|or|as\s+well\s+as|plus|&)"
SEP = (rf"(?:\s*,\s*(?:{_CONJ}\s+)?|\s+{_CONJ}\s+)(?:with\s+)?"
       r"(?:(?:elsewhere|other\s+(?:parts|countries|places|cities|regions))\s+(?:in|of|across)\s+(?:the\s+)?)?")
ENUM = rf"{ITEM}(?:{SEP}{ITEM})*"
ENUM_IN = rf"{ITEM_IN}(?:{SEP}{ITEM_IN})*"
ADVS = (r"(?:(?:has|have|had|will|would|shall|also|recently|now|jointly|already|then|later|together|officially|formally|"
        r"further|since|to|is|are|was|were|been|be|being|not|soon|first|still|often|each|every|again|[a-z]+ly|"
        r"(?:on|in|last|this|next|early|late)\s+(?:\w+|\d{4})|\d{4})\s+){0,4}")
_PH_RE = re.compile(r"⟦(\d+)⟧")
_ENUM_RE = re.compile(ENUM, re.IGNORECASE)
_TIME = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
         r"jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}|\d{4}s|year|years|week|"
         r"weeks|month|months|decade|time|spring|summer|autumn|fall|winter|weekend|morning|evening|today|past\s+\w+|"
         r"recent\s+years|first\s+half|second\s+half|meantime|end)")
_SPEECH_RE = re.compile(r"\b(?:said|says|say|told|tells|noted|notes|added|adds|announced|announces|stated|states|reported|"
                        r"reports|explained|explains|revealed|reveals|believes|believed|hopes|hoped|according\s+to)\b", re.I)
_FLAGS = re.IGNORECASE
_CLAUSE_OPENERS = frozenset({"said", "says", "that", "and", "while", "but", "also", "then", "now"})


def _scan(rx: re.Pattern, t: str) -> Iterator[re.Match]:
    """Matches of `rx` in `t`, overlapping ones too ("… by A and B, a hub set up by C": both passives)."""
    pos = 0
    while pos <= len(t):
        hit = rx.search(t, pos)
        if hit is None:
            return
        yield hit
        pos = hit.start() + 1


def _alt(words) -> str:
    """A regex alternation of words (longest first, spaces as any blank)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@cache
def demonyms() -> dict[str, str]:
    """Demonym (lower case) → country id: "serbian" → "country:rs"."""
    out = {}
    for line in DEMONYMS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, country = line.split("\t")[:2]
        loc = geo.find_location(country)
        if loc is not None and loc.type == "Country":
            out[word.lower()] = loc.id
    return out


@cache
def ancestors(location_id: str) -> tuple[str, ...] | None:
    """Ids of the locations that contain `location_id` (its parent chain), None when the gazetteer does not know it."""
    loc = geo.get_location(location_id)
    if loc is None:
        return None
    out = []
    while loc is not None and loc.parent and len(out) < 8:
        out.append(loc.parent)
        loc = geo.get_location(loc.parent)
    regions = geo.regions_of(location_id)
    return tuple(out) + tuple(sorted(regions))


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.lower().replace("centre", "center")))


def _head(name: str) -> str:
    """The head noun of an English name: "Quanzhou Association of the Philippines" → "association"."""
    first = re.split(r"\s+(?:of|for|in|on)\s+|\s*[(（]", name)[0]
    words = re.findall(r"[A-Za-z]+", first)
    return words[-1].lower().replace("centre", "center") if words else ""


@dataclass
class EnglishView:
    """One English sentence as a template over its mentions and resolved references."""

    ms: list[Mention]
    factor: list[float]
    multi: dict[int, list[Mention]]  # placeholder → the mentions it stands for ("the two sides")
    t: str
    pronoun: set[int] = field(default_factory=set)  # placeholders that are "it / its"


@dataclass(frozen=True)
class Patterns:
    ref_class: dict
    ref_re: re.Pattern
    pair_re: re.Pattern
    patterns: dict
    subject_end: re.Pattern
    subject_like: re.Pattern
    heads: dict  # "newspaper" / "broadcaster" → head words of such names ("times", "television")


@cache
def _patterns(lex) -> "Patterns":
    """The English patterns of a lexicon, compiled once."""
    w = lex.words
    en = lambda cue: [x for x in w.get(cue, ()) if x.isascii()]  # noqa: E731
    ref_class: dict[str, str] = {}
    for cls in ("center", "association", "media", "newspaper", "broadcaster", "org", "event", "work"):
        for noun in en(f"en_ref_{cls}"):
            ref_class.setdefault(noun.lower(), cls)
    ref_re = re.compile(r"\b(?:the|this|that)\s+((?:[\w'’\-]+\s+){0,3}?)(%s)(?![\w\-])" % _alt(ref_class), _FLAGS)
    pair_re = re.compile(r"\b(?:%s|(?:both|the\s+two)\s+(?:[\w\-]+\s+){0,2}?%s)\b"
                         % (_alt(en("en_ref_pair")), _alt(en("en_pair_noun"))), _FLAGS)
    roles = _alt(en("role"))
    # a job title, or two joined ("publisher and editor-in-chief", "director-general")
    role = rf"(?:(?:{roles})(?:-[a-z]+)?s?\s*(?:,|and|&)\s+(?:{MOD}){{0,2}}?)?(?:{roles})(?:-[a-z]+)?s?"
    agree, sign = _alt(en("en_agreement")), _alt(en("en_sign"))
    withp, cov, make, byv = _alt(en("en_with_partner")), _alt(en("en_co_verb")), _alt(en("en_make")), _alt(en("en_by_verb"))
    found, parent_by, child = _alt(en("en_found")), _alt(en("en_parent_by")), _alt(en("en_child_noun"))
    member, place_noun = _alt(en("en_member")), _alt(en("en_place_noun"))
    based, office, office_verb = _alt(en("located_in")), _alt(en("presence_noun")), _alt(en("presence_verb"))
    account, stream, reach = _alt(en("account")), _alt(en("en_stream")), _alt(en("en_reach"))
    audience, feature = _alt(en("audience")), _alt(en("en_feature"))
    promote, made = _alt(en("promotes")), _alt(en("en_promote_made"))
    demonym = _alt(demonyms()) if demonyms() else r"(?!x)x"
    c = lambda p: re.compile(p, _FLAGS)  # noqa: E731
    # words between a verb and its object, commas allowed: "a four-part documentary series, "
    gap = rf"(?:{DET}?(?:(?:(?!(?:{_STOP_RE})\b){_WORD}|\d[\w.,\-]*)(?:\s+|\s*,\s*)){{0,6}}?)"
    patterns = {
        # PARTNER_OF
        "sign_with": c(rf"{sign}\s+{DET}?(?:{MOD}){{0,5}}?{agree}(?:\s+(?:of|on|for)\s+{MOD}{{0,3}}?{_WORD})"
                       rf"?\s+with\s+(?P<r>{ENUM})"),
        "agree_with": c(rf"{agree}\s+with\s+(?P<r>{ENUM})"),
        "sign_among": c(rf"(?P<l>{ENUM})\s+{ADVS}{sign}\s+{DET}?(?:{MOD}){{0,5}}?{agree}\b(?!\s+with\b)"),
        "between": c(rf"{agree}\s+between\s+(?P<l>{ENUM})"),
        "signed_by": c(rf"{agree}\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+)?(?:jointly\s+)?signed\s+"
                       rf"(?:(?:{MOD}){{0,3}}?)?by\s+(?P<l>{ENUM})"),
        "partner_poss": c(rf"(?P<a>{PH})'s\s+(?:(?:long-?time|longtime|strategic|key|main|local|media|new|foreign|overseas|"
                          rf"content|broadcast)\s+){{0,2}}partners?\s*,?\s+(?P<r>{ENUM})"),
        "co_production_of": c(rf"(?P<w>{PH}){END}\s*,\s*{DET}?(?:{MOD}){{0,3}}?(?:co-production|joint\s+production|"
                              rf"collaboration|"
                              rf"joint\s+project|partnership)\s+(?:between|of|by|from)\s+(?P<l>{ENUM})"),
        "with_partner": c(rf"\b{withp}\s+(?P<r>{ENUM})"),
        "on_work": c(rf"\s*(?:on|for|in|to\s+(?:co-)?(?:produce|create|make|launch|host|organi[sz]e|shoot|film|run|publish|"
                     rf"stage|present|develop))"
                     rf"\s+{gap}(?P<w>{ENUM})"),
        "among_with": c(rf"(?P<l>{ENUM})\s+{ADVS}(?:{withp}|partnered|teamed\s+up|joined\s+hands|joined\s+forces|"
                        rf"(?:have|has)\s+(?:long\s+)?(?:worked|cooperated|collaborated)\s+together)\b(?!\s+with\b)"),
        # PRODUCED
        "joint_subject": c(rf"(?P<l>{ITEM}\s+(?:and|&)\s+{ITEM})\s+{ADVS}(?:{make}|{cov})\b"),
        "co_make": c(rf"\b{cov}\s+{gap}(?P<w>{ENUM})"),
        "make": c(rf"\b{make}\s+{gap}(?P<w>{ENUM})"),
        "made_by": c(rf"(?P<w>{PH}){END}(?:\s*,\s*{DET}?(?:{MOD}){{0,6}}?|\s*,?\s+(?:(?:which|that|who)\s+)?(?:is|was|were|"
                     rf"are|has\s+been|"
                     rf"have\s+been|will\s+be|had\s+been|being)\s+)(?:(?P<j>jointly|co-)\s*)?(?P<v>{byv}|{parent_by})"
                     rf"\s+(?:in\s+\d{{4}}\s+)?"
                     rf"(?:jointly\s+)?by\s+(?P<by>{ENUM_IN})"),
        "lead_by": c(rf"^\s*(?:(?P<j>jointly|co-)\s*)?(?P<v>{byv}|{parent_by})\s+(?:in\s+\d{{4}}\s+)?(?:jointly\s+)?by\s+"
                     rf"(?P<by>{ENUM_IN})\s*,\s*(?P<c>{ITEM})"),
        "joint_by": c(rf"(?:jointly\s+|co-|together\s+)(?:{byv})\s+(?:in\s+\d{{4}}\s+)?by\s+(?P<by>{ENUM_IN})"),
        "dash_made": c(rf"(?P<o>{PH})-(?:produced|made|created|organi[sz]ed|hosted|backed|funded|sponsored|commissioned|"
                       rf"run)\s+"
                       rf"(?:{MOD}){{0,3}}?(?P<w>{PH}){END}"),
        "work_by": c(rf"(?P<w>{PH}){END}\s*,\s*{DET}(?:{MOD}){{0,5}}?(?:by|from)\s+(?P<by>{ENUM})"),
        "possessive_work": c(rf"(?P<o>{PH})(?:'s)?\s+(?:(?:(?!(?:{_STOP_RE})\b){_WORD}|\d[\w.,\-]*)(?:\s+|\s*,\s*))"
                             rf"{{0,4}}?(?P<w>{PH}){END}"),
        # AFFILIATED_WITH
        "person_role_of": c(rf"(?P<p>{PH}),?\s+{DET}?(?:{MOD}){{0,3}}?{role}(?:\s+(?:of|for|at)\s+{MOD}{{0,2}}?{_WORD})?"
                            rf"\s+(?:of|at|for|with|from|in)\s+(?:the\s+)?(?P<o>{PH}){END}"),
        "person_second_role": c(rf"(?P<p>{PH}),?\s+{DET}?(?:{MOD}){{0,3}}?{role}\s+(?:of|at|for|with)\s+(?:the\s+)"
                                rf"?{PH}{END}"
                                rf"(?:\s*,\s*|\s+and\s+)(?:(?:also|as\s+well\s+as)\s+)?{DET}?(?:{MOD}){{0,3}}?{role}\s+"
                                rf"(?:of|at|for|with)\s+(?:the\s+)?(?P<o>{PH}){END}"),
        "person_role_of_dept": c(rf"(?P<p>{PH}),?\s+{DET}?(?:{MOD}){{0,3}}?{role}\s+(?:of|at|in|on)\s+(?:the\s+)"
                                 rf"?(?P<o>{PH})'s\s+"
                                 rf"(?:{MOD}){{0,3}}?(?:desk|department|bureau|office|team|service|division|unit|section|"
                                 rf"channel|newsroom|studio|programme|program|project)s?\b"),
        "person_org_role": c(rf"(?P<p>{PH}),\s+{DET}?(?:(?:former|veteran|senior|longtime|long-time|chief|deputy)\s+)"
                             rf"?(?P<o>{PH})(?:'s)?\s+"
                             rf"(?:{MOD}){{0,3}}?{role}\b"),
        "org_role_person": c(rf"(?P<o>{PH})(?:'s|\s*,\s*whose)?\s+(?:{MOD}){{0,3}}?{role}\s*,?\s+(?P<p>{PH}){END}"),
        "role_person_of": c(rf"{role}\s+(?P<p>{PH})\s+(?:of|from|at)\s+(?:the\s+)?(?P<o>{PH}){END}"),
        "person_role_org": c(rf"(?P<p>{PH}),\s+{DET}?(?:{MOD}){{0,3}}?{role}\s*,\s*(?:the\s+)?(?P<o>{PH}){END}"),
        "person_verb_org": c(rf"(?P<p>{PH})(?:\s*,\s*(?:who|which)|\s+(?:who)|\s*,\s*(?:a|an|the)\s+[^,;]{{0,60}}?,)"
                             rf"?\s+{ADVS}(?:heads|headed|leads|led|runs|ran|chairs|"
                             rf"chaired|directs|directed|manages|managed|founded|co-founded|joined|represents|represented|"
                             rf"works\s+(?:for|at|with)|worked\s+(?:for|at|with)|writes\s+for|wrote\s+for|reports\s+for|"
                             rf"serves\s+(?:at|with)|served\s+(?:at|with)|is\s+with|was\s+with)\s+(?:the\s+)?(?P<o>{PH})"
                             rf"{END}"),
        "person_of_org": c(rf"(?P<p>{PH})\s+(?:of|from)\s+(?:the\s+)?(?P<o>{PH}){END}"),
        "person_is_role": c(rf"(?P<p>{PH})\s+(?:is|was|has\s+been|became|becomes|serves\s+as|served\s+as|works\s+as|"
                            rf"worked\s+as)\s+"
                            rf"{DET}?(?:{MOD}){{0,3}}?{role}\s+(?:of|at|for|with)\s+(?:the\s+)?(?P<o>{PH}){END}"),
        # LOCATED_IN
        "possessive_loc": c(rf"(?P<x>{PH})'s\s+(?:{MOD}){{0,3}}?(?:{_WORD}\s+(?:and|or)\s+)?(?P<y>{PH}){END}"),
        "apposition_in": c(rf"(?P<y>{PH}){END}\s*,\s*{DET}?(?:{MOD}){{0,3}}?{place_noun}\s+(?:in|of)\s+(?:the\s+)?(?:{MOD})"
                           rf"{{0,2}}?"
                           rf"(?P<x>{ITEM})"),
        "apposition_of": c(rf"(?P<y>{PH}){END}\s*,\s*(?:the\s+)?(?P<x>{PH})'s\s+(?:{MOD}){{0,3}}?{place_noun}\b"),
        "comma_loc": c(rf"(?P<y>{PH}){END}\s*,\s*(?P<x>{PH}){END}"),
        "based": c(rf"{based}\s+(?:the\s+)?(?:{MOD}){{0,2}}?(?:(?:city|town|province|region|county|district)\s+of\s+)"
                   rf"?(?P<y>{ITEM})"),
        "lead_based": c(rf"^\s*{based}\s+(?:the\s+)?(?:{MOD}){{0,3}}?(?P<y>{ITEM})\s*,\s*(?P<x>{ITEM})"),
        "held_in": c(rf"(?P<x>{PH}){END}(?:\s*,\s*|\s+(?:is|was|were|are|will\s+be|has\s+been|had\s+been)\s+)(?:\w+ly\s+)?"
                     rf"(?:held|staged|hosted|opened|launched|inaugurated|unveiled|took\s+place|takes\s+place|kicked\s+off|"
                     rf"kicks\s+off|"
                     rf"opens|convened|staged)\s+(?:(?:on|last|this|from)\s+[\w,\s]{{0,24}}?)?(?:in|at)\s+(?:the\s+)"
                     rf"?(?:city\s+of\s+)?"
                     rf"(?P<y>{ITEM})"),
        "dash_based": c(rf"(?P<y>{PH})-(?:based|headquartered)\s+(?:{MOD}){{0,2}}?(?P<x>{PH}){END}"),
        "apposition_based": c(rf"(?P<x>{PH}){END}\s*,\s*(?:a|an|the)\s+(?:{MOD}){{0,3}}?(?P<y>{PH})-(?:based|headquartered)"
                              rf"\b"),
        "demonym": c(rf"(?<![\w\-])(?P<d>{demonym})(?![\w\-])\s+(?:{MOD}){{0,2}}?(?:(?:city|town|province|region|capital)"
                     rf"\s+of\s+)?"
                     rf"(?P<y>{PH}){END}"),
        "demonym_apposition": c(rf"(?P<y>{PH}){END}\s*,\s*(?:the|a|an)\s+(?:{MOD}){{0,2}}?(?<![\w\-])(?P<d>{demonym})"
                                rf"(?![\w\-])\s+"
                                rf"(?:{MOD}){{0,3}}?{_WORD}\s*[,.;]"),
        # PRESENCE_IN
        "office_in": c(rf"\b{office_verb}\s+{DET}?(?:{MOD}|\w+-person\s+){{0,3}}?{office}s?\s+in\s+(?:the\s+)?"
                       rf"(?:(?P<d>{demonym})\s+)?(?:{MOD}){{0,2}}?(?P<l>{ENUM})"),
        "office_of": c(rf"(?P<l>{PH})\s+{office}s?\s+of\s+(?:the\s+)?(?P<o>{PH}){END}"),
        "owner_place_office": c(rf"(?P<o>{PH})'s\s+(?P<l>{PH})\s+(?:{MOD}){{0,1}}?{office}s?\b"),
        "owner_office": c(rf"(?P<o>{PH})(?:'s)?\s+(?:{MOD}){{0,2}}?{office}s?\s+in\s+(?:the\s+)?(?:{MOD})"
                          rf"{{0,2}}?(?P<l>{ENUM})"),
        "its_first": c(rf",\s+(?:its|{PH})\s+first\s+(?:{MOD}){{0,2}}?(?:in|outside)\s+(?:the\s+)?(?P<l>{ITEM})"),
        # OPERATES_ON
        "accounts_on": c(rf"(?:(?P<o>{PH})(?:'s)?\s+)?(?:{MOD}){{0,3}}?(?:{account}|{audience})\s+(?:on|across)"
                         rf"\s+(?P<pl>{ENUM})"),
        "stream_on": c(rf"\b{stream}\s+(?:{DET}?(?:{MOD}){{0,4}}?)?(?:live\s+)?on\s+(?P<pl>{ENUM})"),
        "platform_account": c(rf"(?P<pl>{PH})\s+(?:{MOD}){{0,2}}?{account}\b"),
        # PART_OF
        "child_of": c(rf"(?P<c>{PH}){END}\s*,\s*{DET}?(?:{MOD}){{0,3}}?{child}\s+(?:of|under|within|owned\s+by|run\s+by|"
                      rf"operated\s+by|from)\s+(?:the\s+)?(?P<p>{PH}){END}"),
        "child_poss": c(rf"(?P<c>{PH}){END}\s*,\s*(?:the\s+|a\s+)?(?P<p>{PH})'s\s+(?:{MOD}){{0,3}}?{child}\b"),
        "child_verb": c(rf"(?P<c>{PH}){END}(?:\s+(?:is|was|are|were|remains)|\s*,)\s+(?:(?:which|that)\s+(?:operates|works|"
                        rf"sits|falls|"
                        rf"comes|runs|is|was)\s+)?(?:(?:founded|set\s+up|established|created|launched|formed|operating|"
                        rf"placed|"
                        rf"set)\s+(?:in\s+\d{{4}}\s+)?)?(?:(?:also|now|still|directly|formally)\s+)?"
                        rf"(?:affiliated\s+(?:with|to)|part\s+of|a\s+(?:unit|subsidiary|division|branch|department)\s+of|"
                        rf"an\s+(?:arm|affiliate|offshoot)\s+of|under)\s+(?:the\s+)?(?P<p>{PH}){END}"),
        "member_of": c(rf"{member}\s+(?:the\s+)?(?P<p>{ITEM})"),
        "founds": c(rf"\b{found}\s+{DET}?(?:{MOD}){{0,3}}?(?P<c>{PH}){END}"),
        "run_by_dash": c(rf"(?P<p>{PH})-(?:run|owned|backed|operated|affiliated|managed)\s+(?:{MOD}){{0,2}}?(?P<c>{PH})"
                         rf"{END}"),
        "unit_at": c(rf"(?P<c>{PH}){END}\s+(?:at|of)\s+(?:the\s+)?(?P<p>{PH}){END}"),
        "org_poss_org": c(rf"(?P<p>{PH})'s\s+(?P<c>{PH}){END}"),
        # FEATURES / PROMOTES
        "named_work": c(rf"(?:{PH}(?:'s)?|\bits|\btheir)\s+(?:{MOD}){{0,4}}?{_alt(en('en_ref_work'))}\s+"
                        r"(?-i:[\"“A-Z⟦])"),
        "relative": c(rf"(?P<w>{PH}){END}\s*,?\s+(?:in\s+which|which|that|where|whose)\s+(?P<rest>[^;]*)"),
        "features": c(rf"(?P<w>{PH}){END}(?:\s*,\s*{DET}?(?:{MOD}){{0,6}}?|\s+(?:{MOD}){{0,3}}?)(?:{feature})"
                      rf"\s+{DET}?(?:{MOD}){{0,4}}?"
                      rf"(?P<ips>{ENUM})"),
        "made_core": c(rf"\b{made}\s+(?:the\s+)?(?P<ips>{ENUM})\s+(?:the|a|an|its|their)\s+(?:{MOD}){{0,4}}?(?:of|for|in)"
                       rf"\s+"),
        "promotes": c(rf"\b{promote}\s+{DET}?(?:{MOD}){{0,3}}?(?P<ips>{ENUM})"),
        # REACHES
        "audience_in": c(rf"\b{audience}(?P<gap>[^;⟦]{{0,60}}?)\b(?:in|across|throughout|from|around)\s+(?:the\s+)"
                         rf"?(?P<t>{ENUM})"),
        "reach": c(rf"\b{reach}\s+(?:(?:audiences?|viewers|readers|users|people|listeners)\s+(?:in|across|throughout)\s+|"
                   rf"(?:(?:more\s+than|over|about|around|nearly|some)\s+)?\d+\s+(?:{MOD}){{0,4}}?(?:countries|regions|"
                   rf"nations|markets|cities)"
                   rf"(?:\s+and\s+regions)?\s*,?\s+(?:including|such\s+as|notably|especially|among\s+them|in|across)\s+)"
                   rf"?(?:the\s+)?(?P<t>{ENUM})"),
        "with_most": c(rf",\s+with\s+(?:the\s+)?(?:{MOD}){{0,4}}?(?:in|across|from)\s+(?:the\s+)?(?P<t>{ENUM})"),
        "with_largest": c(rf",\s+with\s+(?P<t>{ENUM})\s+(?:the|as|its)\s+(?:{MOD}){{0,2}}?(?:audiences?|markets?|viewers)"
                          rf"\b"),
    }
    subject_end = re.compile(rf"(?P<e>{ENUM})(?:\s*,\s*(?:who|which|that)|\s+(?:who|which|that))?\s+{ADVS}$", _FLAGS)
    subject_like = re.compile(
        rf"^(?:(?:and|but|while|so|then|now|meanwhile|also|said|says|say)\s+)?(?:(?:in|on|since|last|this|next|early|late|"
        rf"until|earlier|later|by|from|over|during|for)\s+(?:the\s+)?{_TIME}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\s+)?"
        r"(?:(?:the|a|an|its|their|our|this|that)\s+)?"
        r"(?:(?:⟦\d+⟧-based|[\w\-]+-(?:based|run|owned|level|language)|local|national|provincial|municipal|official|"
        r"state|new|said|says)\s+)*$", _FLAGS)
    heads = {cls: frozenset(x.lower() for x in en(f"en_heads_{cls}")) for cls in ("newspaper", "broadcaster")}
    heads["unit"] = frozenset(x.lower() for x in en("en_unit_heads"))
    return Patterns(ref_class, ref_re, pair_re, patterns, subject_end, subject_like, heads)


class EnglishRules(RuleBase):
    """Rules for English sentences (see module docstring)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        P = _patterns(self.lex)
        self._ref_class, self._ref_re, self._pair_re = P.ref_class, P.ref_re, P.pair_re
        self.re, self._subject_end, self._subject_like = P.patterns, P.subject_end, P.subject_like
        self._heads = P.heads
        self._en_hist: list[Mention] = []
        self._en_memo: tuple[int, EnglishView] | None = None
        self._en_actor: Mention | None = None  # the organisation the last English sentence was about

    # -- discourse ------------------------------------------------------------------
    def after(self, sent: Sentence) -> None:
        super().after(sent)
        if sent.english and self._en_memo is not None and self._en_memo[0] == sent.start:
            E = self._en_memo[1]  # the actor "it / its" will stand for next: the organisation the sentence opens with
            for hit in _PH_RE.finditer(E.t):
                m = E.ms[int(hit.group(1))]
                cs = max(E.t.rfind(",", 0, hit.start()), E.t.rfind(";", 0, hit.start()), -1) + 1
                prefix = E.t[cs:hit.start()].strip()
                if self.v.is_org(m) and self._subject_like.match(prefix + " " if prefix else ""):
                    self._en_actor = m
                    break
        self._en_hist.extend(sent.mentions)
        if len(self._en_hist) > 2 * _HISTORY:
            del self._en_hist[:-_HISTORY]

    def applicable(self, sent: Sentence) -> list[str]:
        names = super().applicable(sent)
        if sent.english:  # the English rules read these with English word order, speakers and references
            names = [n for n in names if n not in _SUPERSEDED]
        return names

    def refers_back(self, sent: Sentence) -> bool:
        return super().refers_back(sent) or (sent.english and "en_anaphor" in sent.cues)

    # -- the template ---------------------------------------------------------------
    def _en(self, sent: Sentence, carried: Mention | None) -> EnglishView:
        if self._en_memo is not None and self._en_memo[0] == sent.start:
            return self._en_memo[1]
        refs = self._refs(sent, carried)
        ms = sorted([(m, 1.0, None, False) for m in sent.mentions] + refs, key=lambda r: r[0].start)
        out_ms, factor, multi, pron = [], [], {}, set()
        parts, pos = [], sent.start
        for m, f, many, is_pron in ms:
            if m.start < pos:
                continue
            i = len(out_ms)
            out_ms.append(m)
            factor.append(f)
            if many:
                multi[i] = many
            if is_pron:
                pron.add(i)
            parts.append(self.text[pos:m.start])
            parts.append(f"⟦{i}⟧")
            pos = m.end
        parts.append(self.text[pos:sent.end])
        t = "".join(parts).replace("’", "'").replace("‘", "'")
        # brackets after a name or without one: "(GICC)", "(formerly Twitter)", "(话语权)"
        t = re.sub(r"(?<=⟧)\s*\([^()]{0,80}\)|\s*\((?![^()]*⟦)[^()]{0,80}\)", "", t)
        t = re.sub(r"^\s*\((.*)\)\s*[.]?\s*$", r"\1", t)  # a sentence in brackets
        t = re.sub(r"[\"“”]\s?(⟦\d+⟧)", r"\1", t)
        t = re.sub(r"(⟦\d+⟧)\s?[\"“”]", r"\1", t)
        t = re.sub(r"(⟦\d+⟧)'(?!s\b)", r"\1", t)
        t = re.sub(r"'(⟦\d+⟧)", r"\1", t)
        t = re.sub(r"\s+[—–]\s+|\s+--\s+", ", ", t)
        view = EnglishView(out_ms, factor, multi, t, pron)
        self._en_memo = (sent.start, view)
        return view

    def _refs(self, sent: Sentence, carried: Mention | None) -> list[tuple[Mention, float, list | None, bool]]:
        """Definite descriptions, "it / its" and "the two sides" of a sentence, resolved to mentions."""
        text, out = self.text, []
        spans = [(m.start, m.end) for m in sent.mentions]

        def free(s: int, e: int) -> bool:
            return not any(a < e and s < b for a, b in spans)

        for hit in self._ref_re.finditer(text, sent.start, sent.end):
            mods, noun = hit.group(1), hit.group(2)
            ns, ne = hit.start(2), hit.end(2)
            if not free(ns, ne) or any(w.lower() in _STOP for w in mods.split()):
                continue
            rest = text[ne:ne + 4]
            named_next = self.v.mention_at(ne, ne + 3) is not None and not rest.startswith(("'", "’", ","))
            if re.match(r"\s+of\b", text[ne:ne + 5]) or named_next:
                continue  # "the capital of", "the broadcaster RTS" (the name follows: no reference)
            names = [w.group() for w in re.finditer(r"[A-Za-z][\w'’\-]*", mods) if w.group()[0].isupper()
                     and not w.group().lower().endswith("-based") and free(hit.start(1) + w.start(), hit.start(1) + w.end())]
            ante = self._antecedent(noun.lower(), mods, sent, hit.start(), names)
            if ante is None:
                continue
            start = hit.start() if free(hit.start(), ne) else ns
            out.append((Mention(start, ne, ante.type, ante.id, text[start:ne]), 0.85, None, False))
            spans.append((start, ne))
        for hit in re.finditer(r"\b(?:its|it)\b", text[sent.start:sent.end], _FLAGS):
            s, e = sent.start + hit.start(), sent.start + hit.end()
            if not free(s, e) or text[e:e + 1] in ("'", "’", "-"):
                continue
            ante, f = self._pronoun(sent, s, carried, [r[0] for r in out])
            if ante is not None:
                out.append((Mention(s, e, ante.type, ante.id, text[s:e]), f, None, True))
                spans.append((s, e))
        if self.last_pair is not None:
            for hit in self._pair_re.finditer(text, sent.start, sent.end):
                if free(hit.start(), hit.end()):
                    here = [Mention(hit.start(), hit.end(), m.type, m.id, hit.group()) for m in self.last_pair]
                    out.append((here[0], 0.85, here, False))
                    spans.append((hit.start(), hit.end()))
        return out

    def _pronoun(self, sent: Sentence, pos: int, carried: Mention | None,
                 described: list[Mention] = ()) -> tuple[Mention | None, float]:
        """"it / its": the organisation opening a clause earlier in the sentence, else the only one
        named before it there ("the centre" included), else the last English sentence's actor."""
        named_before = sorted([m for m in list(sent.mentions) + list(described) if m.end <= pos and self.v.is_org(m)],
                              key=lambda m: m.start)
        for m in reversed(named_before):
            cs = max(self.text.rfind(",", sent.start, m.start), self.text.rfind(";", sent.start, m.start),
                     sent.start - 1) + 1
            prefix = self.text[cs:m.start].strip().split()
            after = re.match(r"\s*(?:,|and\b|or\b)\s*(?:the\s+)?", self.text[m.end:sent.end])
            if not prefix and cs > sent.start and after and self.v.mention_at(m.end + after.end(), m.end + after.end() + 1):
                continue  # an item of a list
            if len(prefix) <= 2 and not (prefix and self.lex.has("object_marker", prefix[0])):
                return m, 0.8
        named = {m.id: m for m in named_before}
        if len(named) == 1:  # "Zhang Wei, who heads the Fujian centre, said it had opened …"
            return next(iter(named.values())), 0.75
        if named:
            return None, 0.0
        actor = self._en_actor or carried
        if actor is not None and self.v.is_org(actor):
            return actor, 0.7
        return None, 0.0

    def _antecedent(self, noun: str, mods: str, sent: Sentence, pos: int, names: list[str] = ()) -> Mention | None:
        """What "the centre / the Quanzhou-based group / the paper / the gala" stands for: the
        latest organisation whose name ends in that noun, or for "the paper / the broadcaster" in
        a newspaper's or broadcaster's head word ("Times", "Television"); works and events named
        or introduced with the noun. Failing that, the latest of the noun's type, unless the
        description says more than its noun ("the Sao Paulo-based daily", "the paper")."""
        cls = self._ref_class.get(noun)
        types = {"center": {"CommunicationCenter"}, "association": {"OverseasAssociation", "Organization"},
                 "media": {"MediaOutlet"}, "newspaper": {"MediaOutlet"}, "broadcaster": {"MediaOutlet"},
                 "org": {"Organization"}, "event": {"Event"}, "work": {"Work"}}.get(cls, set())
        cands = self._en_hist[-_HISTORY:] + [m for m in sent.mentions if m.end <= pos]
        if names:  # "the Guangxi center": a centre whose name says Guangxi
            cands = [m for m in cands if all(w.lower() in m.text.lower() for w in names)]
        key = "center" if noun == "centre" else noun
        content = cls in ("event", "work")
        family = self._heads.get(cls)
        for m in reversed(cands):
            if content:
                if m.type in ("Work", "Event") and (key in _words(m.text) or key in self._descriptors(m)):
                    return m
            elif m.type in self.v.orgs:
                head = _head(m.text)
                if head == key or (family is not None and m.type == "MediaOutlet" and (
                        head in family or (cls == "broadcaster" and "broadcasting" in _words(m.text)))):
                    return m
        if "-based" in mods or family is not None or (content and noun not in ("event", "activity")):
            return None
        for m in reversed(cands):
            if m.type in types:
                return m
        return None

    def _descriptors(self, m: Mention) -> set[str]:
        """Words that introduce a work or event: "the travel show "Noodle Road"", ""X", a Lunar New Year gala"."""
        before = self.text[max(0, m.start - 50):m.start]
        before = re.split(r"[.;!?。]", before)[-1]
        words = re.findall(r"[a-z\-]+", before.lower())[-4:]
        after = re.match(r"[\"”’]?\s*,\s*(?:a|an|the)\s+([^,.;]{0,50})", self.text[m.end:m.end + 60])
        if after:
            words += re.findall(r"[a-z\-]+", after.group(1).lower())
        return {w for part in words for w in part.split("-")} | set(words)

    # -- helpers ------------------------------------------------------------------
    def _items(self, E: EnglishView, s: str, kinds: frozenset[str] | set[str] | None = None) -> list[tuple[Mention, float]]:
        """Mentions named in a matched enumeration `s` (possessors and "-based" modifiers left out)."""
        out = []
        for hit in _PH_RE.finditer(s):
            tail = s[hit.end():hit.end() + 6]
            if tail.startswith(("'s", "-based")):
                continue
            i = int(hit.group(1))
            for m in E.multi.get(i, [E.ms[i]]):
                if kinds is None or m.type in kinds:
                    out.append((m, E.factor[i]))
        return out

    def _one(self, E: EnglishView, s: str) -> tuple[Mention, float] | None:
        hit = _PH_RE.search(s)
        if hit is None:
            return None
        i = int(hit.group(1))
        return E.ms[i], E.factor[i]

    def _subject(self, E: EnglishView, p: int, kinds: frozenset[str] | set[str]) -> list[tuple[Mention, float]]:
        """Who does the verb at template position `p`: the enumeration right before it ("A and B
        signed", "X, which partnered"), else the nearest earlier mention opening a clause."""
        t = E.t
        seg = max(t.rfind(";", 0, p), t.rfind(":", 0, p)) + 1
        lo = max(seg, p - 240)
        before = t[lo:p]
        m = self._subject_end.search(before)
        if m is not None:
            word = re.search(r"([A-Za-z]+)\s*$", t[max(0, lo + m.start("e") - 24):lo + m.start("e")])
            relative = re.search(r"\b(?:who|which|that)\b", m.group()[m.end("e") - m.start():], _FLAGS) is not None
            if word and word.group(1).lower() in _STOP and not relative \
                    and not self._subject_like.match(word.group(1) + " "):
                m = None  # "prepared with Al-Ahram is aimed at": an object, not the subject
        if m is not None:
            enum = m.group("e")
            if len(_PH_RE.findall(enum)) > 1 and not re.search(rf"\b{_CONJ}\b", enum, _FLAGS):
                enum = enum[list(_PH_RE.finditer(enum))[-1].start():]  # "A visited B, C signed": only C
            items = self._items(E, enum, None)
            picked = [(x, f) for x, f in items if x.type in kinds]
            if picked:
                return picked
            if items:
                return []  # the subject is something else ("Kazakhstan signed")
        rel = list(re.finditer(rf"(?P<x>{PH}){END}\s*,\s*(?:which|who|that)\b", t[seg:p], _FLAGS))
        # "the Daily Nation, which prints … and reaches readers across Kenya": the name before "which"
        if rel and "⟦" not in t[seg + rel[-1].end():p]:
            i = int(_PH_RE.search(rel[-1].group("x")).group(1))
            if E.ms[i].type in kinds:
                return [(x, E.factor[i] * 0.9) for x in E.multi.get(i, [E.ms[i]]) if x.type in kinds]
        best = None
        speech = list(_SPEECH_RE.finditer(t, seg, p))
        if speech:  # "HICC says the programme reached …": the speaker is not the subject of what is reported
            seg = speech[-1].end()
        for hit in _PH_RE.finditer(t, seg, p):
            i = int(hit.group(1))
            mention = E.ms[i]
            if mention.type not in kinds and not (i in E.multi):
                continue
            cs = max(t.rfind(",", seg, hit.start()), seg - 1) + 1
            prefix = t[cs:hit.start()].strip()
            if not prefix and cs > seg and t[:cs - 1].rstrip().endswith("⟧") and re.match(
                    rf"\s*(?:,|\b{_CONJ}\b)\s*(?:the\s+)?{PH}", t[hit.end():], _FLAGS):
                continue  # "on Facebook, X and YouTube": an item of a list, not the start of a clause
            if self._subject_like.match(prefix + " " if prefix else ""):
                best = i
                best_at = hit.start()
        if best is None:
            return []
        group = _ENUM_RE.match(t, best_at)  # the subject may open an enumeration
        if group is not None and group.end() <= p and re.search(rf"\b{_CONJ}\b", group.group(), _FLAGS):
            # "Xinhua and the Bangkok Post have partnered to launch": every member of the enumeration
            items = [(x, f * 0.85) for x, f in self._items(E, group.group(), kinds)]
            if items:
                return items
        return [(x, E.factor[best] * 0.85) for x in E.multi.get(best, [E.ms[best]]) if x.type in kinds]

    def _pairs(self, group: list[tuple[Mention, float]], base: float, rule: str = "en") -> Iterator[Found]:
        for i, (a, fa) in enumerate(group):
            for b, fb in group[i + 1:]:
                if a.id != b.id:
                    self.last_pair = (a, b)
                    yield Found("PARTNER_OF", a, b, base * min(fa, fb), rule)

    def _contained(self, inner: Mention, outer: Mention) -> bool | None:
        """Does the gazetteer put `inner` inside `outer`? None when it cannot tell: it does not
        know `inner`, or knows only its country and `outer` is a place of that country."""
        chain = ancestors(inner.id)
        if not chain:
            return None
        if outer.id in chain:
            return True
        if outer.type == "Place" and not any(c.startswith("place:") for c in chain):
            country = geo.country_of(outer.id)
            return None if country is None or country in chain else False
        return False

    def _country(self, demonym: str, sent: Sentence) -> Mention | None:
        """The country a demonym names ("Serbian" → Serbia), as a mention at the demonym, when the
        document names that country somewhere (only its entities can be related)."""
        cid = demonyms().get(demonym.lower())
        if cid is None or not any(m.id == cid for m in self.v.outer):
            return None
        country = next(m for m in self.v.outer if m.id == cid)
        hit = re.search(rf"(?<![\w\-]){re.escape(demonym)}(?![\w\-])", self.text[sent.start:sent.end])
        if hit is None:
            return Mention(country.start, country.end, country.type, country.id, country.text)
        return Mention(sent.start + hit.start(), sent.start + hit.end(), country.type, country.id, hit.group())

    # -- PARTNER_OF (+ PRODUCED of what the partners make together) --------------------
    def en_partner(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, orgs, made = self._en(sent, carried), self.v.orgs, frozenset({"Work", "Event"})
        R = self.re
        for name, base in (("sign_with", 0.85), ("agree_with", 0.7), ("with_partner", 0.75)):
            for hit in _scan(R[name], E.t):
                right = self._items(E, hit.group("r"), orgs)
                if not right:
                    continue
                left = self._subject(E, hit.start(), orgs)
                for a, fa in left:
                    for b, fb in right:
                        if a.id != b.id:
                            self.last_pair = (a, b)
                            yield Found("PARTNER_OF", a, b, base * fa * fb, "en")
                if name == "with_partner":  # "worked with X on the show Y"
                    on = R["on_work"].match(E.t, hit.end())
                    works = self._items(E, on.group("w"), made) if on else []
                    for w, fw in works[:3]:
                        for a, f in left + right:
                            yield Found("PRODUCED", a, w, 0.75 * f * fw, "en")
        for hit in _scan(R["signed_by"], E.t):  # "the memorandum was signed by A and B"
            yield from self._pairs(self._items(E, hit.group("l"), orgs), 0.8)
        for hit in _scan(R["partner_poss"], E.t):  # "RTS's long-time partner Khabar TV"
            a = self._one(E, hit.group("a"))
            if a is not None and a[0].type in orgs:
                for b, fb in self._items(E, hit.group("r"), orgs):
                    if b.id != a[0].id:
                        self.last_pair = (a[0], b)
                        yield Found("PARTNER_OF", a[0], b, 0.75 * a[1] * fb, "en")
        for hit in _scan(R["co_production_of"], E.t):  # ""River Songs", a co-production between A and B"
            w, makers = self._one(E, hit.group("w")), self._items(E, hit.group("l"), orgs)
            yield from self._pairs(makers, 0.75)
            if w is not None and w[0].type in made:
                for a, f in makers:
                    yield Found("PRODUCED", a, w[0], 0.75 * f, "en")
        for hit in _scan(R["sign_among"], E.t):
            group = self._items(E, hit.group("l"), orgs)
            yield from self._pairs(group, 0.85)
        for hit in _scan(R["between"], E.t):
            yield from self._pairs(self._items(E, hit.group("l"), orgs), 0.8)
        for hit in _scan(R["among_with"], E.t):
            yield from self._pairs(self._items(E, hit.group("l"), orgs), 0.75)

    # -- PRODUCED -----------------------------------------------------------------
    def en_produced(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, orgs, R = self._en(sent, carried), self.v.orgs, self.re
        makers = orgs | {"Person"}
        made = frozenset({"Work", "Event"})
        for name, base in (("co_make", 0.8), ("make", 0.75)):
            for hit in _scan(R[name], E.t):
                works = self._items(E, hit.group("w"), made)
                if not works:
                    continue
                subj = self._subject(E, hit.start(), makers)
                rest = E.t[hit.end():hit.end() + 80]
                co = re.match(rf"\s+(?:together\s+)?with\s+(?P<r>{ENUM})", rest, _FLAGS)
                partners = self._items(E, co.group("r"), orgs) if co else []
                for w, fw in works:
                    for a, f in subj + partners:
                        yield Found("PRODUCED", a, w, base * f * fw, "en")
                if name == "co_make":
                    yield from self._pairs(subj + partners, 0.75)
        for hit in _scan(R["joint_subject"], E.t):  # "SZICC and the University of Lisbon have released …": a joint work
            word = re.search(r"([A-Za-z]+)\W*$", E.t[max(0, hit.start() - 20):hit.start()])
            if word and word.group(1).lower() in _STOP - _CLAUSE_OPENERS:
                continue  # "… with A and B launched": not the subject
            yield from self._pairs(self._items(E, hit.group("l"), orgs), 0.65)
        for name in ("made_by", "lead_by"):
            for hit in _scan(R[name], E.t):
                by = self._items(E, hit.group("by"), makers)
                head = self._one(E, hit.group("w" if name == "made_by" else "c"))
                if head is None or not by:
                    continue
                w, fw = head
                if int(_PH_RE.search(hit.group("w" if name == "made_by" else "c")).group(1)) in E.pronoun:
                    continue  # "it was launched by X": "it" may be anything
                joint = bool(hit.group("j")) or hit.group("v").lower().startswith("co-")
                if w.type in made:
                    for a, f in by:
                        yield Found("PRODUCED", a, w, 0.8 * f * fw, "en")
                    if joint:
                        yield from self._pairs([(a, f) for a, f in by if a.type in orgs], 0.7)
                elif w.type in orgs and self.lex.has("en_parent_by", re.sub(r"\s+", " ", hit.group("v"))):
                    for a, f in by:  # "a media hub set up in 2023 by Huangshan Daily", "Operated by X, Y …"
                        yield Found("PART_OF", w, a, 0.8 * f * fw, "en")
        for hit in _scan(R["joint_by"], E.t):  # "a gala jointly organised by A and B": whatever the gala is called
            yield from self._pairs(self._items(E, hit.group("by"), orgs), 0.7)
        for hit in _scan(R["dash_made"], E.t):  # "the CGTN-produced documentary X"
            o, w = self._one(E, hit.group("o")), self._one(E, hit.group("w"))
            if o and w and w[0].type in made and o[0].type in makers:
                yield Found("PRODUCED", o[0], w[0], 0.75 * o[1], "en")
        for hit in _scan(R["work_by"], E.t):
            head = self._one(E, hit.group("w"))
            if head is not None and head[0].type in made:
                for a, f in self._items(E, hit.group("by"), makers):
                    yield Found("PRODUCED", a, head[0], 0.7 * f * head[1], "en")
        for hit in _scan(R["possessive_work"], E.t):  # "its video series X", "CGTN's documentary X"
            o, w = self._one(E, hit.group("o")), self._items(E, hit.group("w"), made)
            if o is None or not w or not (self.v.is_org(o[0]) or o[0].type == "Person"):
                continue
            i = int(_PH_RE.search(hit.group("o")).group(1))
            if E.t[hit.end("o"):hit.end("o") + 2] != "'s" and i not in E.pronoun:
                continue  # "GICC Echoes": no possessive
            yield Found("PRODUCED", o[0], w[0][0], 0.7 * o[1], "en")

    # -- AFFILIATED_WITH ------------------------------------------------------------
    def en_affiliated(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, orgs = self._en(sent, carried), self.v.orgs
        for name, base in (("person_role_of", 0.8), ("person_org_role", 0.8), ("org_role_person", 0.8),
                           ("role_person_of", 0.75), ("person_role_org", 0.7), ("person_verb_org", 0.75),
                           ("person_of_org", 0.6), ("person_is_role", 0.8), ("person_role_of_dept", 0.75),
                           ("person_second_role", 0.75)):
            for hit in _scan(self.re[name], E.t):
                p, o = self._one(E, hit.group("p")), self._one(E, hit.group("o"))
                if p is None or o is None or p[0].type != "Person" or o[0].type not in orgs:
                    continue
                yield Found("AFFILIATED_WITH", p[0], o[0], base * o[1], "en")

    # -- LOCATED_IN -------------------------------------------------------------------
    def en_located(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, v, R = self._en(sent, carried), self.v, self.re
        locs, orgs = v.locs, v.orgs
        placed = orgs | {"Place", "Event"}
        for hit in _scan(R["possessive_loc"], E.t):  # "Kazakhstan's Khabar TV", "China's Fujian province"
            x, y = self._one(E, hit.group("x")), self._one(E, hit.group("y"))
            if x and y and x[0].type in locs and y[0].type in placed and self._ranks_below(y[0], x[0]):
                yield Found("LOCATED_IN", y[0], x[0], 0.75, "en")
        # "Quanzhou, a port city in …", "Novi Sad, Serbia's second-largest city"
        for name in ("apposition_in", "apposition_of"):
            for hit in _scan(R[name], E.t):
                y = self._one(E, hit.group("y"))
                xs = self._items(E, hit.group("x"), locs)
                if y and xs and y[0].type in orgs | {"Place", "Event"} and self._ranks_below(y[0], xs[-1][0]):
                    yield Found("LOCATED_IN", y[0], xs[-1][0], 0.75, "en")
        for hit in _scan(R["comma_loc"], E.t):  # "Nairobi, Kenya", "Prato, Tuscany"
            y, x = self._one(E, hit.group("y")), self._one(E, hit.group("x"))
            if not (y and x and y[0].type in locs and x[0].type in locs) or y[0].id == x[0].id:
                continue
            inside = self._contained(y[0], x[0])
            if inside is False:
                continue
            if inside is None:
                listed = re.match(rf"\s*(?:,|\b{_CONJ}\b)\s*(?:the\s+)?{PH}", E.t[hit.end():], _FLAGS)
                if listed or LOCATION_RANK[x[0].type] <= LOCATION_RANK[y[0].type] and not re.match(
                        r"\s+(?:province|state|region|county|prefecture)\b", E.t[hit.end():], _FLAGS):
                    continue
            yield Found("LOCATED_IN", y[0], x[0], 0.75 if inside else 0.6, "en")
        for hit in _scan(R["based"], E.t):  # "GICC is based in Lanzhou", "an association headquartered in Milan"
            ys = self._items(E, hit.group("y"), locs)
            if not ys:
                continue
            head = self._based_subject(E, hit.start())
            for x, f in head:
                yield Found("LOCATED_IN", x, ys[0][0], 0.8 * f, "en")
        for hit in _scan(R["lead_based"], E.t):  # "Based in Haikou, the centre …"
            ys, xs = self._items(E, hit.group("y"), locs), self._items(E, hit.group("x"), self.locatable)
            if ys and xs:
                yield Found("LOCATED_IN", xs[0][0], ys[-1][0], 0.75 * xs[0][1], "en")
        for name in ("dash_based", "apposition_based"):  # "the Quanzhou-based group", "X, a Budapest-based weekly"
            for hit in _scan(R[name], E.t):
                y, x = self._one(E, hit.group("y")), self._one(E, hit.group("x"))
                if not (x and y) or y[0].type not in locs or x[0].type not in self.locatable:
                    continue
                i = int(_PH_RE.search(hit.group("x")).group(1))
                if i in E.pronoun:
                    continue
                yield Found("LOCATED_IN", x[0], y[0], 0.75 * x[1], "en")
        for hit in _scan(R["held_in"], E.t):  # "The forum was held in Haikou", "the expo, held in Nanning"
            x, ys = self._one(E, hit.group("x")), self._items(E, hit.group("y"), locs)
            i = int(_PH_RE.search(hit.group("x")).group(1))
            if not (x and ys) or i in E.pronoun or x[0].type not in orgs | {"Event", "Work"}:
                continue
            word = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", E.t[max(0, hit.start() - 20):hit.start()])
            if word and word.group(1).lower() in _STOP:
                continue  # "organised by the Shanghai Museum, opened in Paris": the museum is not what opened
            if x[0].type in orgs and E.t[hit.end("x"):hit.end("x") + 1] == ",":
                continue  # "X, opened in 1998, …" says when, and a comma leaves who opened unclear
            yield Found("LOCATED_IN", x[0], ys[0][0], 0.75 * x[1], "en")
        for hit in _scan(R["demonym_apposition"], E.t):  # "Khabar TV, the Kazakh national broadcaster,"
            y, country = self._one(E, hit.group("y")), self._country(hit.group("d"), sent)
            if y is not None and country is not None and y[0].type in orgs and y[0].id != country.id:
                yield Found("LOCATED_IN", y[0], country, 0.65 * y[1], "en")
        for hit in _scan(R["demonym"], E.t):  # "the Serbian capital Belgrade", "the Brazilian newspaper Folha"
            y = self._one(E, hit.group("y"))
            country = self._country(hit.group("d"), sent)
            if y is None or country is None or y[0].type not in orgs | {"Place"} or y[0].id == country.id:
                continue
            if y[0].type == "Place" and self._contained(y[0], country) is False:
                continue
            yield Found("LOCATED_IN", y[0], country, 0.65 * y[1], "en")

    def _ranks_below(self, inner: Mention, outer: Mention) -> bool:
        if inner.type not in LOCATION_RANK:
            return True
        if LOCATION_RANK[inner.type] > LOCATION_RANK[outer.type]:
            return False
        if inner.type == outer.type and inner.type != "Place":
            return False
        return self._contained(inner, outer) is not False

    def _based_subject(self, E: EnglishView, p: int) -> list[tuple[Mention, float]]:
        """What is "based in" somewhere: the mention right before (after "is", or in apposition),
        else the clause subject."""
        before = E.t[max(0, p - 120):p]
        m = re.search(rf"(?P<x>{PH}){END}(?:\s+(?:is|was|are|were|has\s+been|have\s+been|remains|is\s+now)\s+|\s*,\s*"
                      rf"(?:(?:which|that)\s+(?:is|was|are)\s+)?(?:(?:a|an|the)\s+(?:{MOD}){{0,5}}?)?|\s+)(?:{MOD})?$",
                      before, _FLAGS)
        if m is not None:
            x = self._one(E, m.group("x"))
            if x is not None and x[0].type in self.locatable and x[0].type not in self.v.locs:
                return [x]
        return self._subject(E, p, self.v.orgs)

    # -- SISTER_CITY_OF ----------------------------------------------------------------
    def en_sister(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        """"A and B have been sister cities", "twinned with B", "sister-city ties between A and B":
        the places of the cue's clause, without those that only say where another is ("Nanjing,
        the capital of Jiangsu", "Novi Sad, Serbia's second-largest city")."""
        if not sent.english:
            return
        cues = self.cues(sent, "sister_city", inside_ok=True)
        if not cues:
            return
        E, R = self._en(sent, carried), self.re
        containers = set()
        for name in ("apposition_in", "apposition_of", "comma_loc", "possessive_loc", "demonym"):
            for hit in _scan(R[name], E.t):
                x = hit.groupdict().get("x")
                if x:
                    containers |= {m.id for m, _ in self._items(E, x, self.v.locs)}
                    containers |= {E.ms[int(i)].id for i in re.findall(r"⟦(\d+)⟧'s", x)}
        last = max(e for _, e in cues)
        _, scope_end = self.v.clause_of(sent, last - 1)
        places = []
        for m in E.ms:
            if m.type == "Place" and m.start < max(scope_end, last + 60) and m.id not in containers \
                    and m.id not in {p.id for p in places}:
                places.append(m)
        for p in places[1:]:
            yield Found("SISTER_CITY_OF", places[0], p, 0.8 * self.decay(places[0], p) ** 0.5, "en")

    # -- PRESENCE_IN ------------------------------------------------------------------
    def en_presence(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, v, R = self._en(sent, carried), self.v, self.re
        for name in ("office_in", "owner_office", "office_of", "owner_place_office"):
            for hit in _scan(R[name], E.t):
                where = self._items(E, hit.group("l"), v.locs)
                if not where:
                    continue
                if name != "office_in":
                    o = self._one(E, hit.group("o"))
                    owners = [o] if o and v.is_org(o[0]) else []
                else:
                    owners = self._subject(E, hit.start(), v.orgs)
                if name == "office_in" and hit.group("d"):
                    country = self._country(hit.group("d"), sent)
                    if country is not None:
                        where.append((country, 1.0))
                first = R["its_first"].search(E.t, hit.start("l"))
                if first is not None:
                    where += self._items(E, first.group("l"), v.locs)
                for o, f in owners:
                    for loc, _ in where:
                        yield Found("PRESENCE_IN", o, loc, 0.75 * f, "en")

    # -- OPERATES_ON --------------------------------------------------------------------
    def en_operates(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, v, R = self._en(sent, carried), self.v, self.re
        plat = frozenset({"Platform"})
        for hit in _scan(R["accounts_on"], E.t):  # "Its accounts on YouTube, Instagram and TikTok"
            platforms = self._items(E, hit.group("pl"), plat)
            o = self._one(E, hit.group("o")) if hit.group("o") else None
            owners = [o] if o and v.is_org(o[0]) else self._subject(E, hit.start(), v.orgs)
            for a, f in owners:
                for p, _ in platforms:
                    yield Found("OPERATES_ON", a, p, 0.8 * f, "en")
        for hit in _scan(R["stream_on"], E.t):  # "the centre livestreamed the opening on Facebook, YouTube and TikTok"
            platforms = self._items(E, hit.group("pl"), plat)
            if not platforms:
                continue
            for a, f in self._subject(E, hit.start(), v.orgs):
                for p, _ in platforms:
                    yield Found("OPERATES_ON", a, p, 0.75 * f, "en")
        for hit in _scan(R["platform_account"], E.t):  # "its WeChat account", "… and, since July, on WhatsApp Channels"
            p = self._one(E, hit.group("pl"))
            if p is None or p[0].type != "Platform":
                continue
            lead = re.search(rf"(?P<o>{PH})(?:'s)?\s+(?:{MOD}){{0,2}}?$", E.t[max(0, hit.start() - 60):hit.start()], _FLAGS)
            o = self._one(E, lead.group("o")) if lead else None
            possessive = lead is not None and ("'s" in lead.group()
                                               or int(_PH_RE.search(lead.group()).group(1)) in E.pronoun)
            if o is not None and v.is_org(o[0]) and possessive:
                yield Found("OPERATES_ON", o[0], p[0], 0.75 * o[1], "en")
                continue
            turns = [h.end() for h in re.finditer(r",\s*(?:while|whereas|but)\b", E.t[:hit.start()])]
            seg = max(E.t.rfind(";", 0, hit.start()), *turns, 0)
            owners = [(E.ms[int(h.group(1))], E.factor[int(h.group(1))])
                      for h in re.finditer(r"⟦(\d+)⟧'s\b", E.t[seg:hit.start()]) if v.is_org(E.ms[int(h.group(1))])]
            if owners:
                yield Found("OPERATES_ON", owners[-1][0], p[0], 0.65 * owners[-1][1], "en")
            else:
                for a, f in self._subject(E, hit.start(), v.orgs):
                    yield Found("OPERATES_ON", a, p[0], 0.65 * f, "en")

    # -- PART_OF ------------------------------------------------------------------------
    def en_part_of(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, v, R = self._en(sent, carried), self.v, self.re
        orgs = v.orgs
        for name in ("child_of", "child_poss", "run_by_dash", "org_poss_org"):
            for hit in _scan(R[name], E.t):
                c, p = self._one(E, hit.group("c")), self._one(E, hit.group("p"))
                if c and p and c[0].type in orgs and p[0].type in orgs:
                    yield Found("PART_OF", c[0], p[0], (0.55 if name == "org_poss_org" else 0.75) * p[1], "en")
        for hit in _scan(R["unit_at"], E.t):  # "the Institute of Social Sciences at the University of Lisbon"
            c, p = self._one(E, hit.group("c")), self._one(E, hit.group("p"))
            if c and p and c[0].type in orgs and p[0].type in orgs and c[0].id != p[0].id \
                    and _head(c[0].text) in self._heads["unit"] and _head(p[0].text) not in self._heads["unit"]:
                yield Found("PART_OF", c[0], p[0], 0.65 * p[1], "en")
        for hit in _scan(R["child_verb"], E.t):  # "X is affiliated with Y", "X, part of Y"
            c, p = self._one(E, hit.group("c")), self._one(E, hit.group("p"))
            if c and p and p[0].type in orgs and c[0].id != p[0].id and (c[0].type in orgs or c[0].type == "Person"):
                yield Found("AFFILIATED_WITH" if c[0].type == "Person" else "PART_OF", c[0], p[0], 0.75 * c[1] * p[1], "en")
        for hit in _scan(R["member_of"], E.t):  # "X is a member of Y" (a person: AFFILIATED_WITH)
            parents = self._items(E, hit.group("p"), orgs)
            if not parents:
                continue
            before = E.t[max(0, hit.start() - 80):hit.start()]
            m = re.search(rf"(?P<x>{PH}){END}(?:\s*,\s*|\s+(?:is|was|are|became|becomes|has\s+been|remains)\s+(?:also\s+)?|"
                          rf"\s+(?:joined|became)\s+)(?:(?:a|an|the)\s+)?(?:founding\s+|full\s+)?$", before, _FLAGS)
            child = [self._one(E, m.group("x"))] if m else self._subject(E, hit.start(), orgs | {"Person"})
            for ch, f in child:
                rel = "AFFILIATED_WITH" if ch.type == "Person" else "PART_OF"
                for par, fp in parents:
                    yield Found(rel, ch, par, 0.75 * f * fp, "en")
        for hit in _scan(R["founds"], E.t):  # "X set up Y" (Y an alliance: X is a member)
            c = self._one(E, hit.group("c"))
            if c is None or c[0].type not in orgs:
                continue
            if re.search(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$", E.t[max(0, hit.start() - 20):hit.start()],
                         _FLAGS):
                continue  # passive: "was set up by" is read by made_by
            for a, f in self._subject(E, hit.start(), orgs):
                if a.id == c[0].id:
                    continue
                if self.lex.endswith("alliance_suffix", c[0].text.strip()):
                    yield Found("PART_OF", a, c[0], 0.65 * f, "en")
                else:
                    yield Found("PART_OF", c[0], a, 0.65 * f, "en")

    # -- FEATURES and PROMOTES -----------------------------------------------------------
    def en_content(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, v, R = self._en(sent, carried), self.v, self.re
        ip = frozenset({"CulturalIP"})
        made = frozenset({"Work", "Event"})
        for hit in _scan(R["relative"], E.t):  # ""Noodle Road", in which a chef … pull Lanzhou beef noodles"
            w = self._one(E, hit.group("w"))
            if w is None or w[0].type not in made:
                continue
            rest = re.split(r",\s+(?:while|but|and\s+(?:the|its|their))\b|\.\s", hit.group("rest"))[0]
            for t, _ in self._items(E, rest, ip):
                yield Found("FEATURES", w[0], t, 0.55 * w[1], "en")
        for hit in _scan(R["features"], E.t):
            w = self._one(E, hit.group("w"))
            if w is None or w[0].type not in made:
                continue
            for t, _ in self._items(E, hit.group("ips"), ip):
                yield Found("FEATURES", w[0], t, 0.65 * w[1], "en")
        actors = v.orgs | {"Place"}
        for name, base in (("made_core", 0.7), ("promotes", 0.7)):
            for hit in _scan(R[name], E.t):  # "has made Nanyin and string puppetry the core of its storytelling"
                ips = self._items(E, hit.group("ips"), ip)
                if not ips:
                    continue
                for a, f in self._subject(E, hit.start(), actors):
                    for t, _ in ips:
                        yield Found("PROMOTES", a, t, base * f, "en")

    # -- REACHES --------------------------------------------------------------------------
    def en_reaches(self, sent: Sentence, carried: Mention | None) -> Iterator[Found]:
        if not sent.english:
            return
        E, v, R = self._en(sent, carried), self.v, self.re
        where = frozenset({"Country", "WorldRegion"})
        heads = v.orgs | {"Work", "Platform"}
        found_heads: list[tuple[Mention, float]] = []
        for name, base in (("audience_in", 0.65), ("reach", 0.65)):
            for hit in _scan(R[name], E.t):
                targets = self._items(E, hit.group("t"), where)
                if not targets:
                    continue
                head = self._reach_head(E, hit.start(), heads)
                found_heads += head
                for h, f in head:
                    for t, _ in targets:
                        if not self.lex.has("home_country", t.text):
                            yield Found("REACHES", h, t, base * f, "en")
        if found_heads:  # ", with the fastest growth in Europe and Latin America"
            for name in ("with_most", "with_largest"):
                for hit in _scan(R[name], E.t):
                    for t, _ in self._items(E, hit.group("t"), where):
                        h, f = found_heads[0]
                        yield Found("REACHES", h, t, 0.6 * f, "en")

    def _reach_head(self, E: EnglishView, p: int, kinds: frozenset[str]) -> list[tuple[Mention, float]]:
        """Who reaches an audience: a work named as the clause subject ("… said the centre's series
        X was broadcast in", "its programme, X, reached"), else the organisation opening the clause
        ("HICC's accounts have followers in")."""
        t = E.t
        seg = max(t.rfind(";", 0, p), -1) + 1
        speech = list(_SPEECH_RE.finditer(t, seg, p))
        start = speech[-1].end() if speech else seg
        works = [(int(h.group(1)), h.start(), h.end()) for h in _PH_RE.finditer(t, start, p)
                 if E.ms[int(h.group(1))].type == "Work"]
        for i, at, end in reversed(works):
            prefix, between = t[start:at], t[end:p]
            if re.fullmatch(rf"\s*(?:that\s+)?(?:{PH}(?:'s)?\s+|(?:its|the|their)\s+)?(?:{MOD}){{0,4}}", prefix, _FLAGS) or (
                    "⟦" not in between and re.match(r"\s*(?:,[^,]*,\s*)?(?:is|was|were|are|has|have|had|will|would|can|"
                                                    r"could|"
                                                    r"reached|reaches|drew|draws|attracted|attracts|targets|aims|aired|"
                                                    r"airs)\b",
                                                    between, _FLAGS)):
                return [(E.ms[i], E.factor[i] * 0.9)]
        if self.re["named_work"].search(t, start, p):
            return []  # "Its video series Tea Roads to Budapest, … with most viewers in Hungary": a work not recognised
        return self._subject(E, p, kinds)
