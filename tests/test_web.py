"""The web app in a real browser: Debian's Chromium driven by Playwright.

The app is served by the real API (`create_app`, as `qiao serve` runs it) on a
copy of the sample store, on a free localhost port. Every request the page makes
to anywhere but that server is refused and recorded: the app must need nothing
from the internet. Screenshots land in tests/screenshots/ (gitignored) for a look.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
TIMEOUT_MS = 15_000
NEW_REPORT = """西安皮影戏登上阿拉木图舞台

本报讯 西安国际传播中心与哈萨克斯坦《阿拉木图晚报》签署合作协议，双方将联合推出皮影戏系列短视频。
西安国际传播中心在阿拉木图设立海外工作站，负责面向中亚观众的内容发布。
"""
DROPPED_REPORT = """洛阳牡丹亮相布鲁塞尔

洛阳国际传播中心与比利时《布鲁塞尔时报》合作，在布鲁塞尔举办牡丹文化图片展。
"""


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"playwright is not importable ({exc}); pip install playwright")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing and tests/setup_browser.py could not install it "
                    "(needs root and apt: `apt-get install chromium`)")
    return sync_playwright


@pytest.fixture(scope="module")
def base_url(sample_store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app on a private copy of the sample store (the upload test writes to it)."""
    import uvicorn

    from api.app import create_app

    copy = tmp_path_factory.mktemp("web") / "web.db"
    source = sqlite3.connect(sample_store.uri)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    server = uvicorn.Server(uvicorn.Config(create_app(str(copy)), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """One headless Chromium per module; Playwright gives it a fresh, empty profile."""
    sync_playwright = _playwright()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str):
    """A fresh context (own storage) whose tab may talk to the app's server only;
    `page.outside` lists what else it tried."""
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN", accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    allowed = urlsplit(base_url).netloc
    outside: list[str] = []
    errors: list[str] = []

    def guard(route):
        url = route.request.url
        if urlsplit(url).netloc == allowed or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    tab.route("**/*", guard)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.outside = outside
    tab.errors = errors
    tab.base = base_url
    yield tab
    context.close()
    assert outside == [], f"the app tried to reach outside localhost: {outside}"
    assert errors == [], f"uncaught errors in the page: {errors}"


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_view(page, hash_: str) -> None:
    page.goto(f"{page.base}/{hash_}")
    page.wait_for_selector("#view[data-ready]")


def test_map_shows_countries_and_who_reaches_them(page):
    open_view(page, "#/map")
    countries = page.locator("svg.worldmap path.country")
    assert countries.count() > 150  # world-atlas 110m has 177 shapes
    linked = page.locator("svg.worldmap path.country.linked")
    assert linked.count() >= 1, page.locator("#map-summary").inner_text()
    # Kazakhstan appears in several sample reports: select it from the accessible list.
    page.locator(".country-list button[data-iso2=KZ]").click()
    panel = page.locator("aside.side")
    assert "哈萨克斯坦" in panel.locator("h2").inner_text()
    assert panel.locator(".reach li a.entity").count() >= 1
    assert panel.locator("blockquote").count() >= 1
    assert "country=KZ" in page.url
    shot(page, "map")
    # The filter by relation type narrows what is drawn.
    before = int(page.locator(".country-list button[data-iso2=KZ]").inner_text().split("·")[-1])
    page.locator("input[name=types][value=SISTER_CITY_OF]").check()
    page.locator(".filters button[type=submit]").click()
    page.wait_for_function("() => location.hash.includes('types=SISTER_CITY_OF')")
    page.wait_for_selector("svg.worldmap")
    after = page.locator(".country-list button[data-iso2=KZ]")
    assert after.count() == 0 or int(after.inner_text().split("·")[-1]) <= before


def test_story_router_ranks_carriers_and_draws_paths(page):
    open_view(page, "#/route")
    # The story box suggests entities as one types; picking one sends its id.
    page.locator("#story").press_sequentially("熊猫")
    page.locator("#story-list li", has_text="大熊猫").first.click()
    assert page.locator("#story").input_value() == "大熊猫"
    assert page.locator("#story").get_attribute("data-entity-id")
    page.fill("#target", "哈萨克斯坦")
    page.locator(".route-form button[type=submit]").click()
    page.wait_for_selector(".carriers > li")
    carriers = page.locator(".carriers > li")
    assert carriers.count() >= 1
    scores = [float(s) for s in page.locator(".carriers .score").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)
    assert page.locator(".carriers .reasons li").count() >= 1
    graph = page.locator("svg.pathgraph")
    assert graph.locator("g.node").count() >= 2
    assert graph.locator("g.node[data-id='country:kz'], g.node:has-text('哈萨克斯坦')").count() >= 1
    graph.locator("g.edge").first.locator("text.edge-label").click()  # the label: the middle of a curve may be empty
    evidence = page.locator(".edge-evidence blockquote")
    assert evidence.count() >= 1 and evidence.first.inner_text().strip()
    shot(page, "route")
    # The export comes from the exports route, seeded with the entities drawn.
    page.wait_for_selector("#export-format option[value=graphml]", state="attached")
    page.select_option("#export-format", "json")
    with page.expect_download() as download:
        page.locator("#export-subgraph").click()
    assert download.value.suggested_filename == "qiao-export.json"
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    drawn = set(graph.locator("g.node").evaluate_all("nodes => nodes.map(n => n.dataset.id)"))
    assert drawn <= {node["id"] for node in exported["nodes"]}


def test_entity_page_shows_aliases_relations_and_evidence(page):
    open_view(page, "#/route?story=大熊猫&to=哈萨克斯坦")
    first = page.locator(".carriers > li").first.locator("a.entity")
    name = first.inner_text()
    first.click()
    page.wait_for_selector("#view[data-view=entity][data-ready]")
    assert page.locator("h1").inner_text() == name
    assert page.locator(".relations > li").count() >= 1
    assert page.locator(".relations blockquote").count() >= 1
    source = page.locator(".side .docs a").first
    shot(page, "entity")
    source.click()
    page.wait_for_selector("#view[data-view=document][data-ready]")
    assert page.locator(".doctext").inner_text().strip()


def test_search_finds_chinese_and_english_names(page):
    open_view(page, "#/map")
    page.fill("#search-input", "Kazakhstan")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#view[data-view=search][data-ready]")
    assert "哈萨克斯坦" in page.locator(".results").inner_text()


def test_upload_reports_shows_progress_errors_and_the_new_document(page, tmp_path: Path):
    open_view(page, "#/documents")
    total_before = page.locator("#doc-total").inner_text()
    good = tmp_path / "xian_shadow_play_almaty.txt"
    good.write_text(NEW_REPORT, encoding="utf-8")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    page.set_input_files("#file-input", [str(good), str(bad)])
    page.wait_for_selector(f".uploads li[data-file='{good.name}'][data-status]")
    page.wait_for_selector(f".uploads li[data-file='{bad.name}'][data-status]")
    assert page.locator(f".uploads li[data-file='{good.name}']").get_attribute("data-status") == "added"
    failed = page.locator(f".uploads li[data-file='{bad.name}']")
    assert failed.get_attribute("data-status") == "failed"
    assert failed.locator(".state").inner_text().strip() != "失败"  # the error says why
    page.wait_for_function(f"() => document.querySelector('#doc-list').innerText.includes({good.name!r})")
    assert page.locator("#doc-total").inner_text() != total_before
    # Dropping a file on the drop zone uploads it the same way.
    page.locator("#dropzone").dispatch_event("drop", {"dataTransfer": page.evaluate_handle(
        """(text) => { const dt = new DataTransfer();
                   dt.items.add(new File([text], 'dropped.txt', {type: 'text/plain'})); return dt; }""", DROPPED_REPORT)})
    page.wait_for_selector(".uploads li[data-file='dropped.txt'][data-status]")
    assert page.locator(".uploads li[data-file='dropped.txt']").get_attribute("data-status") == "added"
    page.wait_for_function("() => document.querySelector('#doc-list').innerText.includes('dropped.txt')")
    shot(page, "upload")


def test_language_toggle_switches_interface_text(page):
    open_view(page, "#/map")
    assert page.locator("#nav a[data-route=map]").inner_text() == "伙伴地图"
    page.locator("#lang-toggle").click()
    page.wait_for_selector("#view[data-ready]")
    assert page.locator("#nav a[data-route=map]").inner_text() == "Partner map"
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, "map-en")
    page.locator("#lang-toggle").click()
    assert page.locator("#nav a[data-route=map]").inner_text() == "伙伴地图"
