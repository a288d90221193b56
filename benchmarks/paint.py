"""Time from navigation to the first Plotly chart visible in headless Chromium, for the dashboard and the minimal app.

Usage: python3 benchmarks/paint.py [--tries 5]

Each app runs in its own `streamlit run` server on a free port; each try opens a fresh browser context (a new
session) after one untimed warm-up visit, so what is timed is a visitor's page load with the server already up.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.report import Row, table  # noqa: E402
from benchmarks.rerun import APP, MINIMAL, PAINT_LIMIT  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
CHART = ".js-plotly-plot .main-svg"
PAGE = "sectors"  # the dashboard's first page with charts (Overview shows cards and text only)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(script: Path, env: dict[str, str] | None = None):
    """A headless `streamlit run` of `script` on a free port; yields its base URL and stops it afterwards."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")} | (env or {})
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.port",
             str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"streamlit server for {script.name} did not start:\n"
                                       f"{log.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def time_to_chart(browser, url: str, timeout_ms: int = 60_000) -> float:
    """Seconds from navigation start to the first Plotly chart's SVG being visible, in a fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(CHART, state="visible", timeout=timeout_ms)
        return time.perf_counter() - start
    finally:
        context.close()


def median_paint(browser, url: str, tries: int) -> float:
    time_to_chart(browser, url)  # warm-up: the server's first session fills its caches
    return statistics.median(time_to_chart(browser, url) for _ in range(tries))


def measure(app: Path, minimal: Path, tries: int, limit: float, data: dict[str, dict[str, str]] | None = None) -> list[Row]:
    """Rows for the minimal app and the dashboard's first page, each a median of `tries` page loads."""
    from playwright.sync_api import sync_playwright

    data = data or {"real": {}}
    rows: list[Row] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with server(minimal) as url:
                floor = median_paint(browser, url, tries)
            rows.append(Row(f"Minimal app: first chart painted (median of {tries})", "-", floor))
            for label, env in data.items():
                if not app.exists():
                    break
                with server(app, env) as url:
                    seconds = median_paint(browser, f"{url}/{PAGE}", tries)
                rows.append(Row(f"App {PAGE} page: first chart painted (median of {tries})", label, seconds, floor,
                                limit if label == "real" else None))
        finally:
            browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=5)
    args = parser.parse_args(argv)
    print(table(measure(APP, MINIMAL, args.tries, PAINT_LIMIT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
