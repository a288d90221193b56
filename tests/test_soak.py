"""Soak: 20,000 script runs on one server, sessions opening and closing; memory stays flat and comes back, no error.

The server runs with the repo's settings, post-run garbage collection off included (`runner.postScriptGC = false`):
this is the test that shows that setting costs no memory over time.
"""

from __future__ import annotations

import dataclasses
import time

import pytest

from benchmarks import servers
from benchmarks.loadgen import Plan, load

pytestmark = pytest.mark.slow

RUNS = 20_000
WARM_RUNS = 5_000  # enough that the 128 closed sessions Streamlit keeps for reconnection, and the built charts
# (at most 128), are in the baseline: what is left after the soak is then what its sessions left
GROWTH_MB = 30
PLAN = Plan(sessions=40, changes=5, think=0, ramp=2, duration=900, max_runs=WARM_RUNS, timeout=60, seed=7)


def settled_rss(pid: int, seconds: float = 3.0) -> float:
    """Resident memory once the server is idle: the lowest of a few samples over a few seconds."""
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        samples.append(servers.rss_mb(pid))
        time.sleep(0.25)
    return min(samples)


def test_soak_memory_is_flat_and_comes_back(tmp_path):
    server = servers.start(servers.APP, log_dir=tmp_path)
    try:
        warm = load(server.url, PLAN, server.pid)
        assert warm.error_count == 0, warm.examples
        baseline = settled_rss(server.pid)
        soak = load(server.url, dataclasses.replace(PLAN, max_runs=RUNS, seed=8), server.pid)
        after = settled_rss(server.pid)
    finally:
        server.stop()
    summary = (f"{soak.runs} runs in {soak.sessions} sessions, {soak.wall:.0f} s; RSS MB: after warm-up {baseline:.0f}, "
               f"peak {soak.rss_peak:.0f}, after the sessions closed {after:.0f}; errors {dict(soak.errors)}")
    print(summary)
    assert soak.error_count == 0, f"{summary}: {soak.examples}"
    assert soak.runs >= RUNS, f"the soak stopped at its time bound: {summary}"
    assert soak.sessions > RUNS // (PLAN.changes + 1), summary
    assert soak.rss_peak - baseline <= GROWTH_MB, summary
    # What stays is bounded: the charts built for the soak's selections (at most 128), not the closed sessions.
    assert after - baseline <= GROWTH_MB / 2, f"memory did not come back when the sessions closed: {summary}"
