"""Servers on free loopback ports, started as `python -m dashboard run` starts its own and stopped by PID, and their
CPU and memory from /proc."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from dashboard.cli import server_command

ROOT = Path(__file__).resolve().parent.parent
APP = "dashboard.serve:app"  # what `python -m dashboard run` serves: the pages and the take-away routes
MINIMAL = "benchmarks.minimal_server:app"  # the minimal app, served the same way, with a route of fixed bytes
MINIMAL_CHOICES = "benchmarks.minimal_server:choices"  # the minimal app with a sidebar multiselect for its slider
MINIMAL_LINES = "benchmarks.minimal_server:lines"  # the minimal app with as many elements as the Sectors page
MINIMAL_FEATURES = "benchmarks.minimal_server:features"  # the minimal app with every page's pages, filters, address
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def free_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running server process and its address."""

    process: subprocess.Popen
    url: str
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM by PID, then SIGKILL if it does not exit in time."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)


def start(app: str = APP, *, defaults: bool = False, port: int | None = None, args: tuple[str, ...] = (),
          log_dir: Path | None = None, wait: float = 90) -> Server:
    """Serve `app` on 127.0.0.1; from the repo root (its .streamlit/config.toml applies) or, with defaults, from an
    empty folder so that only Streamlit's defaults apply. Returns once /_stcore/health answers."""
    port = port or free_port()
    cwd = Path(tempfile.mkdtemp(prefix="streamlit-defaults-")) if defaults else ROOT
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="streamlit-log-"))
    log = log_dir / f"server-{port}.log"
    command, settings = server_command(app, ["--server.port", str(port), "--server.address", "127.0.0.1", *args])
    env = dict(os.environ, PYTHONPATH=str(ROOT), **settings)
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + wait
    while not healthy(server.url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"the server on port {port} did not start: {log.read_text()[-2000:]}")
        time.sleep(0.3)
    return server


def healthy(url: str) -> bool:
    """Whether GET /_stcore/health answers 200."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds the process has used, all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    """Resident memory of the process now, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
