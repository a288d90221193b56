"""One process, one port: `python -m dashboard run` serves the Streamlit dashboard and the take-away pages."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("content-type", ""), response.read().decode("utf-8")


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="the server is stopped with SIGTERM")
def test_one_process_serves_the_dashboard_and_the_figure_pages(tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "run", "--server.port", str(port),
                                    "--server.headless", "true", "--server.address", "127.0.0.1"],
                                   cwd=tmp_path, env=dict(os.environ, PYTHONPATH=ROOT), stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if _get(f"{base}/_stcore/health")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        status, kind, text = _get(f"{base}/")
        assert status == 200 and kind.startswith("text/html") and "<noscript>" in text  # Streamlit's page
        status, kind, text = _get(f"{base}/figures/zj-gdp-2024?lang=zh")
        assert status == 200 and '<html lang="zh-Hans">' in text and "application/ld+json" in text
        status, kind, _ = _get(f"{base}/assets/plotly.min.js")
        assert status == 200 and kind.startswith("text/javascript")
        os.kill(process.pid, signal.SIGTERM)  # the process started is the server: stopping it stops both faces
        assert process.wait(timeout=30) is not None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=15)
