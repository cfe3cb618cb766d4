"""The web page in a real browser: Debian's headless Chromium driven by Playwright (no browser download).

The test builds a ledger from the bundled example articles, serves it on a loopback port, opens the page, checks the
map's markers, clicks an event that someone denies, sees its claims board with the denial, and saves a screenshot
(``build/screenshots/``). Without Chromium the test is skipped, except under CI (``CI=true``), where it must run.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fogofwar.api import example_paths
from fogofwar.ledger import Store, ingest
from fogofwar.pipeline import Annotator
from fogofwar.web import Settings, create_app

#: Where the screenshots are saved (a build artifact, ignored by git).
SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"

#: Seconds to wait for the server to start and for a page to load.
START_TIMEOUT_S, PAGE_TIMEOUT_MS = 20.0, 30_000


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser test: Chromium is missing (apt-get install chromium, see .ci/run)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, annotator: Annotator) -> Iterator[str]:
    import uvicorn

    target = str(tmp_path_factory.mktemp("browser") / "ledger.db")
    with Store(target) as store:
        report = ingest(store, example_paths(), annotator=annotator)
    assert report.stored
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db=target)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_map_click_event_shows_claims_and_denial(server: str) -> None:
    executable = chromium()
    import httpx
    from playwright.sync_api import sync_playwright

    events = httpx.get(f"{server}/clusters", params={"limit": 500}).json()["items"]
    denied = [e for e in events if e["lat"] is not None and e["denied_by"]]
    assert denied, "the bundled examples hold a located event that someone denies"
    target = denied[0]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(server + "/", timeout=PAGE_TIMEOUT_MS)
            located = sum(1 for e in events if e["lat"] is not None)
            assert page.locator("#map a.marker").count() == located
            assert page.locator("#map path.country").count() >= 3
            assert page.locator("#timeline a.marker").count() >= 1
            page.screenshot(path=str(SCREENSHOTS / "web-page.png"), full_page=False)
            marker = page.locator(f'#map a.marker[data-event="{target["id"]}"]')
            assert marker.count() == 1
            marker.locator("circle").click(force=True)
            page.wait_for_url(f"**/page/clusters/{target['id']}", timeout=PAGE_TIMEOUT_MS)
            board = page.locator("#claims-board")
            for name in target["denied_by"]:
                assert page.locator("#claims-board .claimant.denies h3", has_text=name).count() >= 1
            assert "denies" in board.inner_text()
            page.screenshot(path=str(SCREENSHOTS / "claims-board.png"), full_page=True)
            assert errors == []  # the pages load no script, and the CSP blocks nothing they need
        finally:
            browser.close()
