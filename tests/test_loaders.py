"""Every loader on real files the tests write: encodings, HTML, PDF, DOCX, bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.loaders import SUPPORTED_SUFFIXES, LoadError, load_bytes, load_path

REPORT = "浙江省国际传播中心与哈萨克斯坦国家通讯社签署合作协议，双方将在新闻交流、人员培训等方面开展合作。"
REPORT_TRADITIONAL = "浙江省國際傳播中心與哈薩克斯坦國家通訊社簽署合作協議，雙方將在新聞交流、人員培訓等方面開展合作。"
CJK_FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", REPORT),
        ("utf-8-sig", REPORT),
        ("gbk", REPORT),
        ("gb18030", REPORT + "𠀀"),
        ("big5", REPORT_TRADITIONAL),
        ("utf-16", REPORT),
        ("utf-16-le", REPORT * 3),  # no BOM
        ("gbk", "西部国际传播中心在重庆成立。"),  # short text: GB18030 beats a weak guess
        ("big5", "西部國際傳播中心在重慶正式掛牌成立，中國日報社、新華社等簽約。"),
    ],
)
def test_text_in_any_common_encoding_decodes_exactly(tmp_path, encoding, text):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    doc = load_path(path)
    assert doc.text == text
    assert doc.source == str(path)
    assert doc.media_type == "text/plain"
    assert doc.title == text.strip().splitlines()[0]


def test_latin1_text_is_not_read_as_hanzi(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Le Centre a signé un accord avec le café de Zürich, très apprécié. ".encode("cp1252") * 4)
    text = load_path(path).text
    assert "signé" in text and "Zürich" in text and "apprécié" in text
    # Here every accented byte pairs with the next into valid GB18030: still Latin.
    path.write_bytes("Die Zürcher Müller aus Köln lesen Bücher über Grünflächen. ".encode("cp1252") * 4)
    assert "Müller aus Köln lesen Bücher über" in load_path(path).text


def test_utf8_cut_mid_character_stays_utf8(tmp_path):
    text = REPORT * 3
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode("utf-8")[:-1])
    doc = load_path(path)
    assert doc.text == text[:-1] + "\ufffd"


def test_text_is_kept_exactly_as_read(tmp_path):
    text = "\n\n  标题\r\n正文第一行\n正文第二行  \n"
    path = tmp_path / "raw.txt"
    path.write_bytes(text.encode("utf-8"))
    assert load_path(path).text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_empty_or_binary_input_is_a_clear_error(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert info.value.path == str(path)
    assert reason in info.value.reason
    assert str(path) in str(info.value)


def test_missing_file_and_directory_are_errors(tmp_path):
    with pytest.raises(LoadError, match="cannot be read"):
        load_path(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="directory"):
        load_path(tmp_path)


def test_unsupported_binary_type_names_the_type(tmp_path):
    with pytest.raises(LoadError, match=r"unsupported file type \.png"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.png")
    import zipfile

    archive = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(LoadError, match=r"unsupported file type \.xlsx"):
        load_path(archive)


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>西部国际传播中心迎来海外媒体访问团 - 新闻网</title></head>
<body>
<header><nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li>
<li><a href="/about">关于我们</a></li><li><a href="/login">登录注册</a></li></ul></nav></header>
<div class="sidebar"><h3>热门推荐</h3><ul><li><a href="/a">今日天气晴转多云</a></li><li><a href="/b">广告招商热线</a></li></ul></div>
<article>
<h1>六国媒体人走进西部国际传播中心</h1>
<p>9月3日，来自六个国家的二十余名媒体人走进西部国际传播中心，先后参观了融媒体演播室和多语种编辑部，并现场体验了短视频的拍摄与剪辑流程。</p>
<p>在随后举行的座谈会上，云南日报报业集团的代表分享了面向东南亚开设社交账号的做法，几位外国记者也就双语字幕和本地化选题提出了建议。</p>
<p>访问团一行还前往解放碑、洪崖洞等地采风，用镜头记录山城的夜景和街头小吃，相关作品将陆续在各自所在国家的媒体上刊发。</p>
</article>
<footer><p>版权所有 2023 某某新闻网 备案号：渝ICP备00000000号</p><p>联系我们 | 网站地图</p></footer>
</body></html>"""


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_html_gives_main_text_only(tmp_path, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.format(charset=encoding).encode(encoding))
    doc = load_path(path)
    assert doc.media_type == "text/html"
    assert "二十余名媒体人走进西部国际传播中心" in doc.text
    assert "云南日报报业集团" in doc.text
    for chrome in ("首页", "登录注册", "广告招商热线", "版权所有", "网站地图"):
        assert chrome not in doc.text
    assert "西部国际传播中心" in doc.title


def test_html_is_sniffed_without_extension():
    doc = load_bytes(HTML_PAGE.format(charset="utf-8").encode(), "upload")
    assert doc.media_type == "text/html"
    assert "首页" not in doc.text


def _pdf_bytes(text: str, font: Path | None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if font is not None:
        pdf.add_font("cjk", fname=str(font))
        pdf.set_font("cjk", size=12)
    else:
        pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def test_pdf_text_is_extracted(tmp_path):
    """Chinese when the system has a CJK font for fpdf2 to embed, Latin otherwise."""
    font = next((f for f in CJK_FONTS if f.exists()), None)
    text = REPORT if font else "The Zhejiang International Communication Center signed an agreement with Kazinform."
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf_bytes(text, font))
    doc = load_path(path)
    assert doc.media_type == "application/pdf"
    assert "".join(doc.text.split()) == "".join(text.split())


def test_corrupt_pdf_is_an_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n")
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert "PDF" in info.value.reason
    assert str(path) in str(info.value)


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "合作报告"
    document.add_paragraph("湖南国际传播中心与芒果TV共同出品纪录片。")
    document.add_paragraph("该片在YouTube平台播放量超2500万次。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "合作方"
    table.cell(0, 1).text = "国家"
    table.cell(1, 0).text = "哈萨克斯坦国家通讯社"
    table.cell(1, 1).text = "哈萨克斯坦"
    path = tmp_path / "report.docx"
    document.save(path)
    doc = load_path(path)
    assert doc.title == "合作报告"
    assert "湖南国际传播中心与芒果TV共同出品纪录片。" in doc.text
    assert "哈萨克斯坦国家通讯社\t哈萨克斯坦" in doc.text
    assert doc.media_type.endswith("wordprocessingml.document")
    upload = load_bytes(path.read_bytes(), "upload-without-extension")
    assert upload.text == doc.text


def test_corrupt_docx_is_an_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LoadError, match="DOCX"):
        load_path(path)


def test_supported_suffixes_cover_every_loader():
    assert {".txt", ".html", ".htm", ".pdf", ".docx"} <= SUPPORTED_SUFFIXES


def test_pdf_column_wrapped_lines_rejoin_after_normalising(tmp_path):
    """A narrow PDF column wraps mid-word; loader + normaliser give the sentence back."""
    from fpdf import FPDF

    from extractors.normalise import normalise

    font = next((f for f in CJK_FONTS if f.exists()), None)
    if font is None:
        pytest.skip("no CJK TrueType font on this system for fpdf2 to embed")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(60, 6, REPORT)
    pdf.ln(9)
    pdf.multi_cell(60, 6, "第二段：双方还将互派记者。")
    path = tmp_path / "column.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = load_path(path)
    assert REPORT not in doc.text  # the layout did wrap it
    normalised = normalise(doc.text)
    assert REPORT in normalised.text
    assert "\n\n第二段" in normalised.text
    start = normalised.text.index("哈萨克斯坦国家通讯社")
    ostart, oend = normalised.span_to_original(start, start + len("哈萨克斯坦国家通讯社"))
    assert "".join(doc.text[ostart:oend].split()) == "哈萨克斯坦国家通讯社"
