"""The web UI in headless Chromium (Playwright, the system's /usr/bin/chromium) against a real server
on 127.0.0.1: a story page (and its screenshot for the README), the compare form, and hostile article
text that must never execute."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from blickwinkel.config import load_settings
from blickwinkel.store import Store, open_store
from blickwinkel.store.ingest import Ingestor
from blickwinkel.web import ServiceOptions, create_app

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = ROOT / "docs" / "img" / "story-page.png"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]

HOSTILE_TEXT = (
    "Gala night <script>window.__pwned = 1; alert(1)</script> at the Osterlin harbour\n\n"
    '<img src=x onerror="window.__pwned = 2; alert(2)"> The Osterlin harbour gala drew 400 guests '
    "on Friday, the organisers said.\n\n"
    'A guest wrote <a href="javascript:window.__pwned=3;alert(3)">click here</a> and '
    '"><svg onload="window.__pwned=4">.\n\n'
    "</textarea><script>window.__pwned = 5</script> The mayor called the evening a success."
)

HOSTILE_RECORD = {
    "title": "Harbour gala <iframe src=javascript:alert(6)></iframe> recap",
    "text": "The Osterlin harbour gala had 400 guests on Friday. "
    "<b onmouseover=alert(7)>Hover</b> over the fireworks.",
    "outlet": "<img src=x onerror=alert(8)>Evil Gazette",
    "url": "javascript:alert(9)",
    "date": "2031-05-02",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    import uvicorn

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "gala-night.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (hostile / "gala-recap.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    store = open_store(f"sqlite:///{folder / 'browser.db'}")
    ingestor = Ingestor(store)
    examples = [
        str(ROOT / "examples" / name)
        for name in ("brueckensperrung", "ferry-grounding", "wahl-mischsprachig")
    ]
    counts = ingestor.ingest([*examples, str(hostile)])
    assert counts.failed == 0 and counts.stored == 12
    app = create_app(store, load_settings({}), options=ServiceOptions())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", store
    server.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert errors == [], f"script errors: {errors}"


def _story_with(store: Store, words: str) -> int:
    hits = store.search(words)
    assert hits and hits[0].story_id is not None
    return hits[0].story_id


def _compared(page: Any, url: str) -> None:
    """Open a story page and wait until it shows its comparison: a page whose comparison takes longer
    than a moment says "being compared" and reloads until it is in."""
    for _ in range(120):
        page.goto(url)
        page.wait_for_load_state("load")
        if page.locator("meta[http-equiv=refresh]").count() == 0:
            return
        time.sleep(2)
    raise AssertionError(f"{url} was not compared")


def test_story_page_shows_the_comparison(served: tuple[str, Store], page: Any) -> None:
    base, store = served
    story_id = _story_with(store, "Lindachbrücke")
    _compared(page, f"{base}/stories/{story_id}?lang=en")
    assert page.locator("article.column").count() == 4
    assert page.locator("table.matrix tbody tr").count() > 3
    assert page.locator("#h-con").is_visible() and page.locator("#h-om").is_visible()
    assert page.evaluate("document.documentElement.dataset.js") == "ready"  # our static script ran
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    # Keyboard: the skip link is the first stop and leads to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    # A phone-sized window still shows the articles (scrolling sideways), without page overflow.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/?lang=de")
    assert page.locator(".story-card").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_compare_form(served: tuple[str, Store], page: Any) -> None:
    base, _ = served
    page.goto(f"{base}/compare")
    page.fill(
        "#text_1",
        "Mill fire in Osterlin\n\nA fire destroyed the old mill in Osterlin on Monday. "
        "Ten people were evacuated.",
    )
    page.fill("#outlet_1", "Osterlin Post")
    page.fill(
        "#text_2",
        "Osterlin mill burns\n\nThe old mill in Osterlin burned down on Monday. "
        "Twelve people were evacuated.",
    )
    page.fill("#outlet_2", "Valley Courier")
    page.click("button[type=submit]")
    page.wait_for_selector("#result article.column")
    assert page.locator("#result article.column").count() == 2
    assert "Osterlin Post" in page.inner_text("#result")
    # The answer opens at the result (it opened at the top, the result below four boxes of text).
    assert page.url.endswith("#result") and page.evaluate("window.scrollY") > 0


def test_hostile_article_text_never_executes(served: tuple[str, Store], page: Any) -> None:
    base, store = served
    for words in ("gala guests organisers", "fireworks hover"):
        story_id = _story_with(store, words)
        _compared(page, f"{base}/stories/{story_id}")
        page.mouse.move(300, 300)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("script:not([src='/static/app.js'])").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert page.locator("iframe, svg[onload], img[onerror], [onmouseover]").count() == 0
    text = page.inner_text("main")
    # The JSON reader reads markup inside "text" as the page would show it (the tag is dropped, its words
    # kept); what stays must be plain text, never live markup (the locators above).
    assert "Hover over the fireworks" in text
    assert "onmouseover" not in page.content()
    page.goto(f"{base}/search?q=gala")
    assert "<script>" in page.inner_text("main") or "gala" in page.inner_text("main").lower()
    assert page.evaluate("window.__pwned") is None
    page.goto(f"{base}/search?q=%3Cscript%3Ewindow.__pwned%3D6%3C%2Fscript%3E")
    assert page.evaluate("window.__pwned") is None
