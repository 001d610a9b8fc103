"""End-to-end: a real ``marsad serve`` over the ingested examples, driven in headless Chromium.

Debian's ``chromium`` and its own ``chromedriver`` are used (nothing is downloaded: no Selenium
Manager, no Playwright browsers); without them these tests skip and say how to install them.
Each view is loaded, checked for right-to-left Arabic, clicked through, checked for console
errors, and photographed into ``out/screenshots/``.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api_support import EMOJI_ID, EMOJI_TEXT, emoji_document, store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "out" / "screenshots"
CHROMIUM = Path(os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("MARSAD_CHROMEDRIVER", "/usr/bin/chromedriver"))
ARABIC = re.compile(r"[\u0600-\u06FF]{3,}")


def _need_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(
            f"headless Chromium is absent ({', '.join(missing)}): run 'bash scripts/install-browser.sh' "
            "(Debian chromium + chromium-driver) to run the browser tests"
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples ingested with the store's ingest function, plus the emoji article."""
    _need_browser()
    from marsad.engines.local import LocalEngine
    from marsad.settings import Settings
    from marsad.store.loader import ingest
    from marsad.store.repository import Repository

    db = tmp_path_factory.mktemp("web") / "examples.db"
    with Repository(db) as repo, LocalEngine(workers=1) as engine:
        summary = ingest(
            [str(ROOT / "examples")],
            repo,
            engine,
            Settings(quiet=True),
            factory="api_support:oracle_pipeline",
        )
    assert summary.stored >= 11, summary
    store(db, [emoji_document()])
    return db


@pytest.fixture(scope="module")
def server(corpus_db: Path) -> Iterator[str]:
    """``marsad serve`` in a subprocess on a free loopback port."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("MARSAD_TOKEN", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "marsad.cli",
            "serve",
            "--db",
            str(corpus_db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/api/stats", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
            pytest.fail(f"marsad serve did not start: {out[-2000:]}")
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--lang=ar",
        "--force-device-scale-factor=1",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
    ):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    """The browser, with console errors checked after each test."""
    browser.get_log("browser")  # drop what earlier tests left
    yield browser
    problems = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert not problems, (
        f"browser console errors: {json.dumps(problems, ensure_ascii=False)[:2000]}"
    )


def go(driver, base: str, hash_: str) -> None:
    """Open ``base/#hash`` and wait until the view has rendered."""
    before = (
        driver.execute_script("return document.body ? document.body.dataset.generation || '' : ''")
        if driver.current_url.startswith(base)
        else None
    )
    if before is None:
        driver.get(f"{base}/{hash_}")
    else:
        driver.execute_script(
            "if (location.hash === arguments[0]) window.dispatchEvent(new HashChangeEvent('hashchange'));"
            "else location.hash = arguments[0];",
            hash_,
        )
    wait_rendered(driver, hash_.split("?")[0].split("/")[1] or "articles", before)


def wait_rendered(driver, route: str, before: str | None = None, timeout: float = 20) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    def ready(d) -> bool:
        state = d.execute_script(
            "return [document.body.dataset.ready || '', document.body.dataset.generation || '']"
        )
        return state[0] == route and state[1] != (before or "")

    WebDriverWait(driver, timeout).until(ready)


def generation(driver) -> str:
    return driver.execute_script("return document.body.dataset.generation || ''")


def shot(driver, name: str, full: bool = True) -> Path:
    path = SHOTS / f"{name}.png"
    if full:
        height = driver.execute_script(
            "return Math.min(4000, document.documentElement.scrollHeight)"
        )
        driver.set_window_size(1400, max(1000, int(height) + 20))
    driver.save_screenshot(str(path))
    driver.set_window_size(1400, 1000)
    assert path.stat().st_size > 10_000
    return path


def assert_rtl_arabic(driver) -> None:
    html = driver.find_element("tag name", "html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    visible = driver.find_element("id", "view").text
    assert ARABIC.search(visible), visible[:200]
    for junk in ("null", "undefined", "NaN", "[object Object]"):
        assert not re.search(rf"\b{re.escape(junk)}\b", visible), f"{junk!r} shown on the page"


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as resp:
        return json.loads(resp.read().decode("utf-8"))


def afp_id(server: str) -> str:
    """The id the ingest gave examples/afp-ar-2024-02-27-south-lebanon.txt (a content hash)."""
    head = (ROOT / "examples" / "afp-ar-2024-02-27-south-lebanon.txt").read_text(encoding="utf-8")[
        :40
    ]
    items = api(server, "/api/articles?page_size=200")["items"]
    return next(a["id"] for a in items if a["title"].startswith(head[:30]))


# -- views --------------------------------------------------------------------------------------


def test_articles_view_lists_the_examples(page, server: str) -> None:
    go(page, server, "#/articles")
    assert_rtl_arabic(page)
    hits = page.find_elements("css selector", "#article-list .hit")
    total = api(server, "/api/stats")["articles"]
    assert len(hits) == min(20, total) and total >= 12
    titles = [h.find_element("css selector", "h3").text for h in hits]
    assert all(ARABIC.search(t) for t in titles)
    footer = page.find_element("id", "footer").text
    assert "للقراءة فقط" in footer
    shot(page, "01-articles")


def test_search_highlights_hits(page, server: str) -> None:
    go(page, server, "#/articles")
    before = generation(page)
    box = page.find_element("id", "search-box")
    box.clear()
    box.send_keys("حزب الله")
    page.find_element("css selector", "#search-form button").click()
    wait_rendered(page, "articles", before)
    marks = page.find_elements("css selector", "#article-list mark")
    assert marks and all("حزب" in m.text or "الله" in m.text for m in marks)
    ids = [
        h.get_attribute("data-id") for h in page.find_elements("css selector", "#article-list .hit")
    ]
    assert afp_id(server) in ids
    assert_rtl_arabic(page)
    shot(page, "02-search")


def test_article_events_round_trip(page, server: str) -> None:
    """Article list → article → its events in the events table → back to the evidence → back."""
    go(page, server, "#/articles")
    doc_id = afp_id(server)
    before = generation(page)
    page.execute_script("location.hash = arguments[0]", f"#/article/{doc_id}")
    wait_rendered(page, "article", before)
    assert_rtl_arabic(page)
    doc = api(server, f"/api/articles/{doc_id}")
    items = page.find_elements("css selector", "#event-list .ev-item")
    assert len(items) == len(doc["events"]) > 0
    # every layer is highlighted in place; boilerplate is dimmed
    for cls in ("m", "tr", "q", "bp"):
        assert page.find_elements("css selector", f"#doc-text .seg.{cls}"), cls
    opacity = page.execute_script(
        "return getComputedStyle(document.querySelector('#doc-text .seg.bp')).opacity"
    )
    assert float(opacity) < 0.6
    # the highlighted trigger of each event quotes the stored trigger text
    for ev in doc["events"]:
        segs = page.find_elements("css selector", f'#doc-text .seg[data-ev="{ev["id"]}"]')
        assert "".join(s.text for s in segs) == ev["trigger"]["text"]
    # hover a trigger: the tooltip names the event type and its CAMEO code
    from selenium.webdriver.common.action_chains import ActionChains

    first = doc["events"][0]
    seg = page.find_element("css selector", f'#doc-text .seg[data-ev="{first["id"]}"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", seg)
    ActionChains(page).move_to_element(seg).perform()
    tip = page.find_element("id", "tip")
    assert tip.is_displayed()
    assert "حدث" in tip.text and first["plover"] in tip.text
    if first["cameo"]:
        assert first["cameo"] in tip.text
    # the evidence link flashes the trigger in the text
    link = page.find_element("css selector", f'#event-list .evidence[data-ev="{first["id"]}"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert page.find_elements("css selector", f'#doc-text .seg.flash[data-ev="{first["id"]}"]')
    shot(page, "03-article", full=False)
    shot(page, "03-article-full")
    # to the events table filtered to this article
    before = generation(page)
    page.find_element("id", "article-events-link").click()
    wait_rendered(page, "events", before)
    rows = page.find_elements("css selector", "#events-table tbody tr")
    assert len(rows) == len(doc["events"])
    assert {r.get_attribute("data-article") for r in rows} == {doc_id}
    # and from a row back to the article, at that event's evidence
    target = rows[-1]
    ev_id = target.get_attribute("data-ev")
    before = generation(page)
    target.find_element("css selector", ".event-article-link").click()
    wait_rendered(page, "article", before)
    assert f"ev={ev_id}" in page.current_url
    page.implicitly_wait(0)
    flashed = page.find_elements("css selector", f'#doc-text .seg.flash[data-ev="{ev_id}"]')
    assert flashed, "the event's trigger is flashed"
    active = page.find_element("css selector", "#event-list .ev-item.active")
    assert active.get_attribute("data-ev") == ev_id
    # browser back returns to the events table
    before = generation(page)
    page.back()
    wait_rendered(page, "events", before)
    assert len(page.find_elements("css selector", "#events-table tbody tr")) == len(doc["events"])


def test_emoji_offsets_are_converted_to_utf16(page, server: str) -> None:
    go(page, server, f"#/article/{EMOJI_ID}")
    doc = emoji_document()
    text = page.find_element("id", "doc-text").text
    assert "قصفت" in text and "🙏" in text

    def joined(selector: str) -> list[str]:
        return page.execute_script(
            """
            const out = []; let last = null, cur = '';
            for (const s of document.querySelectorAll(arguments[0])) {
              if (last && last.nextSibling === s) cur += s.textContent;
              else { if (last) out.push(cur); cur = s.textContent; }
              last = s;
            }
            if (last) out.push(cur);
            return out;
            """,
            selector,
        )

    for ent in doc.entities:
        assert joined(f'#doc-text .seg[data-ent="{ent.id}"]') == [m.text for m in ent.mentions]
    for ev in doc.events:
        assert joined(f'#doc-text .seg[data-ev="{ev.id}"]') == [ev.trigger.text]
    assert joined("#doc-text .seg.q") == [doc.quotes[0].text]
    assert EMOJI_TEXT.startswith("🇱🇧")
    shot(page, "04-article-emoji", full=False)


def test_events_view_charts(page, server: str) -> None:
    go(page, server, "#/events")
    assert_rtl_arabic(page)
    summary = api(server, "/api/events/summary")
    assert page.find_element("id", "events-total").text  # Arabic-Indic digits
    bars = page.find_elements("css selector", "#timeline g.bar rect")
    assert len(bars) >= len(summary["timeline"]["periods"])
    nodes = page.find_elements("css selector", "#network g.node")
    edges = page.find_elements("css selector", "#network path.edge")
    assert len(nodes) == len(summary["network"]["nodes"]) > 2
    assert len(edges) == len(summary["network"]["edges"]) > 0
    colors = {e.get_attribute("stroke") for e in edges}
    assert len(colors) >= 2, "edges are coloured by PLOVER quad"
    # every node lies inside the drawing
    for n in nodes:
        x, y = map(float, re.findall(r"[-\d.]+", n.get_attribute("transform")))
        assert 0 <= x <= 900 and 0 <= y <= 600
    assert page.find_elements("css selector", "#map path.land")
    places = page.find_elements("css selector", "#map g.place circle")
    assert len(places) == len(summary["places"]) > 0  # those outside the frame too
    rows = page.find_elements("css selector", "#events-table tbody tr")
    assert len(rows) == min(50, summary["total"])
    shot(page, "05-events")
    page.find_element("id", "network").screenshot(str(SHOTS / "05-events-network.png"))
    page.find_element("id", "map").screenshot(str(SHOTS / "05-events-map.png"))
    # filter by type through the form
    from selenium.webdriver.support.ui import Select

    Select(page.find_element("css selector", "#event-filters select[name=plover]")).select_by_value(
        "ASSAULT"
    )
    before = generation(page)
    page.find_element("css selector", "#event-filters button[type=submit]").click()
    wait_rendered(page, "events", before)
    assert "plover=ASSAULT" in page.current_url
    expected = api(server, "/api/events?plover=ASSAULT")["total"]
    rows = page.find_elements("css selector", "#events-table tbody tr")
    assert len(rows) == min(50, expected) > 0
    assert all("ASSAULT" in r.text for r in rows)
    shot(page, "06-events-assault")


def test_entities_view(page, server: str) -> None:
    go(page, server, "#/entities")
    assert_rtl_arabic(page)
    rows = page.find_elements("css selector", "#entities-table tbody tr")
    assert len(rows) > 10
    first = api(server, "/api/entities?page_size=1")["items"][0]
    assert first["canonical"] in rows[0].text
    shot(page, "07-entities")


def test_analyze_view(page, server: str) -> None:
    go(page, server, "#/analyze")
    assert_rtl_arabic(page)
    stored = api(server, "/api/stats")["articles"]
    area = page.find_element("id", "analyze-text")
    area.send_keys(
        "بيروت - قال رئيس الحكومة اللبنانية نجيب ميقاتي إن لبنان يرفض التصعيد في الجنوب."
    )
    page.find_element("id", "analyze-run").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(page, 30).until(
        lambda d: d.find_elements("css selector", "#analyze-out #doc-text")
    )
    assert "ميقاتي" in page.find_element("css selector", "#analyze-out #doc-text").text
    assert page.find_elements("css selector", "#analyze-out #event-list, #analyze-out .empty")
    assert api(server, "/api/stats")["articles"] == stored  # analysis stores nothing
    shot(page, "08-analyze")


def test_unknown_route_and_no_network(page, server: str) -> None:
    go(page, server, "#/nowhere")
    assert "غير موجودة" in page.find_element("id", "view").text
    # every resource the page loaded came from this server
    urls = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(server) for u in urls), urls


# -- offsets: code points (Python) vs UTF-16 (JavaScript), as a property -------------------------

# one character each: the regional indicators 🇱 and 🇧 pair into a flag; 𝔸 and 😀 are astral
ALPHABET = [
    *"بيروت قال إن لبنان",
    "😀",
    "\U0001f1f1",
    "\U0001f1e7",
    "𝔸",
    "\u200f",
    "\u0651",
    "\n",
    "é",
]


@st.composite
def annotated(draw) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet=ALPHABET, max_size=40))
    bound = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bound, bound).map(sorted).map(tuple), max_size=6))
    return text, [s for s in spans if s[0] < s[1]]


RENDER = """
const [text, spans, done] = arguments;
import("/static/js/article.js").then((m) => {
  const anns = spans.map(([start, end]) => ({ kind: "q", start, end }));
  const box = document.createElement("div");
  m.renderAnnotated(box, text, anns);
  const pieces = anns.map(() => "");
  for (const seg of box.querySelectorAll(".seg")) for (const i of seg.dataset.a.split(",")) pieces[+i] += seg.textContent;
  done([box.textContent, pieces]);
}, (err) => done(["error", String(err)]));
"""


def test_highlights_quote_python_slices_whatever_the_characters(browser, server: str) -> None:
    """Random texts with emoji, flags, math letters and marks: every highlight shows exactly
    ``text[start:end]`` (Python code points), and the text itself is unchanged."""
    if not browser.current_url.startswith(server):
        browser.get(server + "/#/articles")
        wait_rendered(browser, "articles")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(annotated())
    def check(case: tuple[str, list[tuple[int, int]]]) -> None:
        text, spans = case
        shown, pieces = browser.execute_async_script(RENDER, text, [list(s) for s in spans])
        assert shown == text
        assert pieces == [text[s:e] for s, e in spans]

    check()
