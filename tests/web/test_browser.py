"""The real app in headless Chromium (Debian's chromium, driven by Playwright) against a uvicorn server.

Runs twice where it can: over the stand-in gazetteer and extractor of webfakes (always), and over the full
gazetteer index with the real pipeline (when the suite's session fixture `gazetteer` is available).
Screenshots of each page go to test-artifacts/web/. Skips, saying why, without chromium or playwright.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from webfakes import OMSK_QUOTE, TOKEN, StandInGazetteer, fill, settings_for, stand_in_extract

from twinatlas.atlas import Atlas
from twinatlas.atlas.web_support import WebSupport
from twinatlas.ingest import read_text
from twinatlas.store import open_store
from twinatlas.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
# Our own sentence (not from any evaluation text): Omsk and Vitebsk twinned on a date.
RU_TEXT = "Омск и Витебск подписали соглашение о побратимстве 19 июня 2025 года в Витебске."
NEW_TEXT = "Новость дня. Омск и Брест стали побратимами 3 марта 2020 года. Подробности позже."
REAL_NEW_TEXT = "Гродно и Казань подписали соглашение о побратимстве 5 мая 2021 года."

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make test installs it)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make test does so when run as root)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Live:
    url: str
    kind: str  # 'stand-in' or 'real'

    def shot(self, page: object, name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"{self.kind}-{name}.png"), full_page=True)  # type: ignore[attr-defined]


@pytest.fixture(params=["stand-in", "real"])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Live]:
    settings = settings_for(tmp_path)
    store = open_store(settings.db)
    if request.param == "stand-in":
        atlas = Atlas(settings, store=store, gazetteer=StandInGazetteer())  # type: ignore[arg-type]
        fill(store)
        app = create_app(settings, atlas, extract=stand_in_extract)
    else:
        try:
            gazetteer = request.getfixturevalue("gazetteer")
        except pytest.FixtureLookupError:
            pytest.skip("the full gazetteer index (session fixture `gazetteer`) is not available in this suite")
        atlas = Atlas(settings, store=store, gazetteer=gazetteer)
        WebSupport(atlas).save(read_text(RU_TEXT, "omsk-vitebsk-ru.txt", url="https://news.example/omsk"))
        app = create_app(settings, atlas)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield Live(f"http://127.0.0.1:{port}", request.param)
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def test_search_vitebsk_see_omsk_on_the_map_and_read_the_quote(browser, live: Live):
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(live.url + "/")
    page.fill("#q", "Витеб")
    suggestion = page.locator("#suggestions a").first
    suggestion.wait_for()
    assert "Vitebsk" in suggestion.inner_text() or "Витебск" in suggestion.inner_text()
    page.fill("#q", "Витебск")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    live.shot(page, "1-search")
    page.locator("ul.results a").first.click()
    page.wait_for_url(re.compile(r"/place/"))
    partners = page.locator("table#partners")
    assert "Omsk" in partners.inner_text()
    omsk_row = page.locator("table#partners tr", has_text="Omsk")
    assert omsk_row.locator(".badge").inner_text() == "signed"
    page.wait_for_function("document.querySelectorAll('#map path.partner-line').length > 0")
    omsk_id = omsk_row.get_attribute("data-partner")
    line_class = "line-" + re.sub(r"[^A-Za-z0-9_-]", "_", omsk_id)
    assert page.locator(f"#map path.partner-line.status-signed.{line_class}").count() == 1
    page.wait_for_function("document.querySelectorAll('#map path').length > 100")  # the country outlines
    live.shot(page, "2-place")
    omsk_row.locator("a.pair-link").click()
    page.wait_for_url(re.compile(r"/pair\?"))
    quote = page.locator("blockquote.quote p").first.inner_text()
    assert "Омск и Витебск" in quote and (quote == OMSK_QUOTE or quote in RU_TEXT)
    live.shot(page, "3-pair")
    page.close()


def test_ingest_a_pasted_text_and_see_its_relation(browser, live: Live):
    text, place, partner = (NEW_TEXT, "gn:3", "Omsk") if live.kind == "stand-in" else (REAL_NEW_TEXT, "Гродно", "Kazan")
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(live.url + "/ingest")
    page.fill("#ingest-text", text)
    page.click("button[value=preview]")
    page.wait_for_selector("#preview")
    assert partner in page.locator("table.found").inner_text()
    assert page.locator(".doc-text mark").count() >= 1
    live.shot(page, "4-ingest-preview")
    page.fill("input[name=token]", TOKEN)
    page.click("#save")
    page.wait_for_selector("#saved")
    live.shot(page, "5-ingest-saved")
    page.goto(f"{live.url}/place/{place}")
    assert partner in page.locator("table#partners").inner_text()
    page.close()


def test_accept_a_pending_assertion(browser, live: Live):
    if live.kind != "stand-in":
        pytest.skip("the pending assertion is part of the stand-in registry only")
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(live.url + "/review")
    article = page.locator("article.pending").first
    assert "Тула" in article.locator("mark").inner_text()
    live.shot(page, "6-review")
    article.locator("input[name=token]").fill(TOKEN)
    article.locator("button.accept").click()
    page.wait_for_selector("#done")
    assert page.locator("article.pending").count() == 0
    page.goto(live.url + "/place/gn:33")
    assert "Mogilev" in page.locator("table#partners").inner_text()
    live.shot(page, "7-accepted")
    page.close()
