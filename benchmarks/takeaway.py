"""The take-away face against the Streamlit pages it replaces, measured in one run, the two taking turns.

1. A figure's page (`/figures/zj-gdp-2024`) first painted in a fresh Chromium context: time from `page.goto` until
   the page's `h1` is visible, against the Streamlit page at `/figure?figure=zj-gdp-2024` until its `h1` is visible
   and the script state is `notRunning`. Goal: at most 0.3 s and at least 7x faster (ratio at most 1/7).
2. `/figures/{id}` under 50 concurrent HTTP/1.1 keep-alive clients cycling through every figure id in both
   languages, against Streamlit runs a second (loadgen, readers back to back) on the same process, taking turns.
   Goal: at least 20x the runs a second (as time per answer: at most 1/20 of the time per run), p95 under 50 ms,
   no error. For reference, the same load on a route beside Streamlit that answers fixed bytes (minimal_server.py): what
   Streamlit's HTTP stack serves on this machine when the route itself costs nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import servers
from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, turns
from benchmarks.loadgen import Plan, load, percentile
from benchmarks.report import Row, machine, table

FIGURE = "zj-gdp-2024"
PAINT_LIMIT = 0.3  # s
PAINT_RATIO = 1 / 7
THROUGHPUT_RATIO = 1 / 20  # time per answer over time per Streamlit run
P95_LIMIT = 0.050
CLIENTS = 50


def paths(ids: list[str], langs: tuple[str, ...] = ("en", "zh")) -> list[str]:
    """Every figure's page in every language, in a fixed order."""
    return [f"/figures/{fid}?lang={lang}" for fid in ids for lang in langs]


def figure_ids(payload: dict) -> list[str]:
    """The figure ids of /data/figures.json's answer, once each, in order."""
    seen: dict[str, None] = {}
    for row in payload.get("figures", []):
        if row.get("figure_id"):
            seen[str(row["figure_id"])] = None
    return list(seen)


def request_bytes(host: str, path: str) -> bytes:
    """A keep-alive GET for path."""
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/html\r\nConnection: keep-alive\r\n\r\n".encode()


def parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    """Status and lower-cased headers of an HTTP/1.1 response head."""
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return status, headers


@dataclass
class HttpResult:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    examples: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readline()).split(b";")[0].strip(), 16)
            if size == 0:
                await reader.readline()
                return body
            body += await reader.readexactly(size)
            await reader.readline()
    return await reader.readexactly(int(headers.get("content-length", "0")))


async def _client(index: int, url: str, targets: list[str], deadline: float, limit: int, result: HttpResult) -> None:
    parts = urlsplit(url)
    reader = writer = None
    i = index
    while time.monotonic() < deadline and len(result.latencies) + result.errors < limit:
        path = targets[i % len(targets)]
        i += CLIENTS
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
            start = time.perf_counter()
            writer.write(request_bytes(parts.netloc, path))
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            status, headers = parse_head(head)
            await asyncio.wait_for(_read_body(reader, headers), 10)
            elapsed = time.perf_counter() - start
            if status != 200:
                raise RuntimeError(f"{path}: HTTP {status}")
            result.latencies.append(elapsed)
            if headers.get("connection", "").lower() == "close":
                writer.close()
                reader = writer = None
        except Exception as error:  # noqa: BLE001 - every failure counts as an error
            result.errors += 1
            if len(result.examples) < 5:
                result.examples.append(f"{type(error).__name__}: {error}")
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def http_load(url: str, targets: list[str], duration: float, limit: int = 1_000_000) -> HttpResult:
    """CLIENTS keep-alive clients, each cycling through targets from its own offset, for `duration` seconds."""
    assert urlsplit(url).hostname == "127.0.0.1", "loopback only"
    result = HttpResult()
    start = time.monotonic()
    await asyncio.gather(*(_client(i, url, targets, start + duration, limit, result) for i in range(CLIENTS)))
    result.wall = time.monotonic() - start
    return result


STREAMLIT_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'  # a Streamlit page's run has ended


def paint(browser, url: str, streamlit: bool) -> float:
    """Seconds from navigating a fresh context to the page's h1 shown (and, on a Streamlit page, its run ended)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector("h1", state="visible", timeout=60_000)
        if streamlit:
            page.wait_for_selector(STREAMLIT_IDLE, timeout=60_000)
        return time.perf_counter() - start
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tries", type=int, default=7, help="browser tries per page, and load rounds (2 = S,H,S,H)")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per load turn")
    args = parser.parse_args(argv)
    loadavg_start = Path("/proc/loadavg").read_text().split()[:3]
    server = servers.start(servers.APP)
    notes = []
    try:
        with urllib.request.urlopen(f"{server.url}/data/figures.json", timeout=60) as response:  # noqa: S310
            ids = figure_ids(json.load(response))
        targets = paths(ids)
        # 1. paint
        from playwright.sync_api import sync_playwright
        times: dict[str, list[float]] = {"streamlit": [], "takeaway": []}
        urls = {"streamlit": f"{server.url}/figure?figure={FIGURE}", "takeaway": f"{server.url}/figures/{FIGURE}"}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for name in urls:  # warm-up
                    paint(browser, urls[name], name == "streamlit")
                for name in turns(args.tries, ("streamlit", "takeaway")):
                    times[name].append(paint(browser, urls[name], name == "streamlit"))
            finally:
                browser.close()
        paint_s, paint_t = statistics.median(times["streamlit"]), statistics.median(times["takeaway"])
        notes.append("paint tries, Streamlit: " + ", ".join(f"{t * 1000:.0f}" for t in times["streamlit"]) + " ms")
        notes.append("paint tries, take-away: " + ", ".join(f"{t * 1000:.0f}" for t in times["takeaway"]) + " ms")
        # 2. load, taking turns: Streamlit, HTTP, Streamlit, HTTP
        load(server.url, Plan(sessions=12, changes=3, ramp=0, repeat=False, seed=0))  # warm-up
        asyncio.run(http_load(server.url, targets, 2))
        st_rates, http_results = [], []
        for _ in range(max(2, args.tries // 3)):
            res = load(server.url, Plan(sessions=CLIENTS, changes=10, think=0, ramp=0, duration=args.duration,
                                        max_runs=100_000), pid=server.pid)
            st_rates.append(res.runs / res.wall if res.wall else 0.0)
            notes.append(f"Streamlit load: {res.runs} runs in {res.wall:.1f} s, {res.error_count} errors")
            cpu_server, cpu_client = servers.cpu_seconds(server.pid), time.process_time()
            hr = asyncio.run(http_load(server.url, targets, args.duration))
            http_results.append(hr)
            notes.append(f"HTTP load CPU: server {servers.cpu_seconds(server.pid) - cpu_server:.1f} s, "
                         f"load generator {time.process_time() - cpu_client:.1f} s (same 2 cores)")
            notes.append(f"HTTP load: {len(hr.latencies)} answers in {hr.wall:.1f} s, {hr.errors} errors "
                         f"{hr.examples}")
    finally:
        server.stop()
    ceiling = servers.start(servers.MINIMAL)
    try:
        asyncio.run(http_load(ceiling.url, targets, 2))
        ceiling_rates = [asyncio.run(http_load(ceiling.url, targets, args.duration)).rate
                         for _ in range(max(2, args.tries // 3))]
    finally:
        ceiling.stop()
    st_rate = statistics.median(st_rates)
    lat = [x for r in http_results for x in r.latencies]
    errors = sum(r.errors for r in http_results)
    rate = statistics.median([r.rate for r in http_results])
    rows = [
        Row("Figure page painted (goto to h1 visible)", "take-away vs Streamlit /figure", paint_t, paint_s,
            PAINT_RATIO),
        Row("Figure page painted (goto to h1 visible)", "take-away, absolute", paint_t, None, PAINT_LIMIT),
        Row(f"Time per answer, {CLIENTS} clients (1 / rate)", "take-away answers vs Streamlit runs",
            1 / rate if rate else None, 1 / st_rate if st_rate else None, THROUGHPUT_RATIO),
        Row("HTTP p95", f"/figures/{{id}}, {len(targets)} pages", percentile(lat, 95), None, P95_LIMIT),
        Row("HTTP p50", "", percentile(lat, 50)),
        Row("HTTP p99", "", percentile(lat, 99)),
        Row("HTTP errors", "", float(errors), None, 0, unit="errors"),
    ]
    print(table(rows))
    print()
    print(f"Take-away {rate:,.0f} requests/s, Streamlit {st_rate:,.1f} runs/s: {rate / st_rate if st_rate else 0:.1f}x"
          " (goal at least 20x)")
    ceiling_rate = statistics.median(ceiling_rates)
    print(f"Fixed bytes beside Streamlit (the ceiling): {ceiling_rate:,.0f} requests/s, "
          f"{ceiling_rate / st_rate if st_rate else 0:.1f}x the Streamlit runs; the take-away answers "
          f"{rate / ceiling_rate if ceiling_rate else 0:.0%} of it")
    for note in notes:
        print(f"- {note}")
    print(f"- machine: {machine()}; nproc {len(__import__('os').sched_getaffinity(0))}; load average "
          f"{' '.join(loadavg_start)} at start, {' '.join(Path('/proc/loadavg').read_text().split()[:3])} at end")
    failed = any(row.passed is False for row in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
