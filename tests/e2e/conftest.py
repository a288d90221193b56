"""Fixtures for the browser test: Debian's Chromium (installed when missing) and the real Streamlit server."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.cli import SERVED, server_command

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP, PHONE = {"width": 1400, "height": 1000}, {"width": 390, "height": 844}
TIMEOUT = 60_000
CHART_PAGES = ("sectors", "timeline")  # pages whose first view draws charts
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


def _unavailable(reason: str):
    """Skip with the reason, except in CI, where the browser test must run."""
    if os.environ.get("CI"):
        pytest.fail(f"Chromium is needed for the browser test in CI: {reason}")
    pytest.skip(f"Chromium cannot be had here: {reason}")


@pytest.fixture(scope="session")
def chromium_path(debian_program) -> str:
    return debian_program("chromium", "chromium", "chromium-browser", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def cjk_font(debian_program) -> str:
    """A font with Chinese glyphs (Debian's fonts-noto-cjk), installed before the browser starts, which reads its fonts
    once."""
    return debian_program("fonts-noto-cjk", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.fixture(scope="session")
def browser(chromium_path, cjk_font):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(log_name: str = "server.log"):
    """Start the server as `python -m dashboard run` does (the pages and the take-away routes) on a free loopback
    port and yield its address; always stop it."""
    port = _free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / log_name
    command, settings = server_command(SERVED, ["--server.address", "127.0.0.1", "--server.port", str(port),
                                                "--server.headless", "true"])
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **settings}, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server exited with {process.returncode}: {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer /_stcore/health within 90 s: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where the browser tests leave screenshots and server logs."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def start_server():
    """A fresh server of its own: `with start_server("name.log") as url: ...`."""
    return streamlit_server


@pytest.fixture(scope="session")
def server_url():
    """The real server, shared by the browser tests."""
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def served_url(server_url):
    """The server `python -m dashboard run` starts: the pages and the take-away routes (the shared one)."""
    return server_url


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's axe.min.js, installed from the npm registry into tests/e2e/node_modules when missing."""
    if not AXE.exists():
        if not shutil.which("npm"):
            _unavailable("npm is needed to install axe-core")
        done = subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(AXE.parents[2]),
                               "axe-core@4"], capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not AXE.exists():
            _unavailable(f"npm install axe-core failed: {done.stderr.strip()[-300:]}")
    return AXE


def settle_page(page) -> None:
    """Wait until Streamlit has finished the current run and the fonts are in."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=TIMEOUT,
    )
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_timeout(600)


@pytest.fixture(scope="session")
def settle():
    """settle(page): wait until Streamlit has finished the current run."""
    return settle_page


@pytest.fixture()
def open_page(browser):
    """open_page(viewport, theme, locale, bypass_csp): a page in a fresh browser context, closed after the test.

    viewport is DESKTOP (default) or PHONE (a touch screen); theme "light" or "dark" is the system's colour scheme,
    which the app's theme follows; locale is the browser's language ("en-US" by default, "zh-CN" for a Chinese one);
    bypass_csp lets a test add its own script (axe) to a page whose Content-Security-Policy allows only the site's.
    """
    contexts = []

    def make(viewport: dict = DESKTOP, theme: str = "light", locale: str = "en-US", bypass_csp: bool = False):
        phone = viewport["width"] < 600
        context = browser.new_context(viewport=viewport, accept_downloads=True, is_mobile=phone, has_touch=phone,
                                      color_scheme=theme, locale=locale, bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        return page

    yield make
    for context in contexts:
        context.close()


def visit_page(page, url: str) -> None:
    """Open an address and wait until the page is drawn, its charts included."""
    page.goto(url)
    page.locator("h1").first.wait_for()  # a fresh server loads the data before it draws the first page
    settle_page(page)
    if urlparse(url).path.strip("/") in CHART_PAGES:
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.wait_for_timeout(800)


@pytest.fixture(scope="session")
def visit():
    """visit(page, url): open an address and wait until the page is drawn."""
    return visit_page
