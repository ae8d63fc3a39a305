"""Write the sample reports that are not plain UTF-8 text: a GBK-encoded .txt,
an .html page with site navigation around the article, and a .docx.

They exist so that ingest and the loaders meet the formats real reports come in;
run `python examples/make_binary_reports.py` after editing the texts below and
commit the generated files.
"""
from __future__ import annotations

import html
from pathlib import Path

from docx import Document

OUT = Path(__file__).with_name("reports")

GBK_REPORT = """西安国际传播中心：皮影戏和美食走进俄罗斯与中亚

西安广播电视台组建的西安国际传播中心近日在俄罗斯社交平台VK开设俄语频道“长安来信”，主打皮影戏、秦腔等非遗内容和肉夹馍、羊肉泡馍等西安美食。频道上线半年，粉丝突破40万，其中超过一半来自俄罗斯和哈萨克斯坦。

西安国际传播中心与俄罗斯远东时报签署了合作协议，双方共同制作的纪录片《长安有戏》以华县皮影戏传承人的故事为主线，已在俄罗斯、哈萨克斯坦、吉尔吉斯斯坦三国播出。中心负责人韩卫东表示，皮影戏讲故事的方式不需要太多翻译，中亚观众一看就懂。

西安市与哈萨克斯坦阿拉木图州是友好城市。韩卫东介绍，中心正筹划借助友城渠道，组织皮影戏艺人赴中亚巡演，并同步进行网络直播。
"""

HTML_TITLE = "湖南国际传播中心携醴陵陶瓷亮相肯尼亚"
HTML_PARAGRAPHS = [
    "湖南国际传播中心日前与肯尼亚民族日报（Daily Nation）在内罗毕联合举办“湘瓷非洲行”文化展，"
    "百余件醴陵釉下五彩瓷和湘绣作品首次集中亮相东非。",
    "湖南国际传播中心隶属湖南广播影视集团（湖南广电）。中心副主任周文斌介绍，"
    "双方合作拍摄的系列短片《泥与火》聚焦醴陵陶瓷的千年技艺，已在肯尼亚、坦桑尼亚、乌干达等非洲国家播出。",
    "依托芒果TV国际APP，湖南国际传播中心的节目覆盖全球195个国家和地区。"
    "周文斌说，陶瓷既是湖南的名片，也是中非交流最早的见证之一，中心将与肯尼亚民族日报长期合作，"
    "每年在非洲举办一次湖湘文化主题活动。",
    "肯尼亚民族日报总编辑詹姆斯·穆图表示，报社将在其网站和脸书账号上连续刊发《泥与火》的图文报道。",
]
HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{title} - 湘江国际传播网</title></head>
<body>
<header><nav><ul>
<li><a href="/">首页</a></li><li><a href="/news">要闻</a></li><li><a href="/culture">文化</a></li>
<li><a href="/video">视频</a></li><li><a href="/en">English</a></li><li><a href="/login">登录</a></li>
</ul></nav><div class="search"><input placeholder="搜索"></div></header>
<main><article>
<h1>{title}</h1>
<p class="meta">来源：湘江国际传播网　编辑：李想　2024-05-18 09:30</p>
{paragraphs}
</article>
<aside><h3>相关阅读</h3><ul><li><a href="/a/1">更多精彩内容请关注我们</a></li><li><a href="/a/2">扫码下载客户端</a></li></ul></aside>
</main>
<footer><p>版权所有 © 湘江国际传播网　备案号：湘ICP备00000000号</p><p>关于我们 | 联系我们 | 网站地图</p></footer>
</body>
</html>
"""

DOCX_TITLE = "江西国际传播中心《瓷上中国》走进比利时"
DOCX_PARAGRAPHS = [
    "江西日报社主管的江西国际传播中心与欧洲江西总商会在布鲁塞尔联合举办《瓷上中国》主题展映活动，"
    "向比利时观众展示景德镇陶瓷的制作工艺。",
    "《瓷上中国》是江西国际传播中心出品的系列纪录片，以陶瓷为主线讲述景德镇匠人的生活，"
    "此前已在法国、比利时、荷兰等欧洲国家的电视台播出。江西国际传播中心副主任邓晓燕介绍，"
    "影片在优兔上的播放量已超过300万次。",
    "欧洲江西总商会会长朱永明表示，商会会员遍布欧洲12个国家，愿意为江西国际传播中心的内容落地提供渠道。"
    "景德镇市与比利时布鲁日市于2016年缔结为友好城市，双方计划明年互办陶瓷艺术周。",
    "邓晓燕说，江西国际传播中心还将在TikTok上推出法语和荷兰语短视频，让更多比利时年轻人了解景德镇。",
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "08_zh_xian_shadow_play_gbk.txt").write_bytes(GBK_REPORT.encode("gbk"))

    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in HTML_PARAGRAPHS)
    page = HTML_PAGE.format(title=html.escape(HTML_TITLE), paragraphs=paragraphs)
    (OUT / "09_zh_hunan_ceramics.html").write_text(page, encoding="utf-8")

    doc = Document()
    doc.core_properties.title = DOCX_TITLE
    doc.core_properties.author = "Qiao examples"
    doc.add_heading(DOCX_TITLE, level=1)
    for paragraph in DOCX_PARAGRAPHS:
        doc.add_paragraph(paragraph)
    doc.save(OUT / "10_zh_jiangxi_ceramics.docx")


if __name__ == "__main__":
    main()
