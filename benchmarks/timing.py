"""Timing helpers of the benchmark: reruns with AppTest, load + validate, peak memory."""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best(func, repeats: int) -> float:
    """Shortest of `repeats` timed calls (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def load_time(folder: Path, repeats: int, young: int | None = None) -> float:
    """Best time of load_catalog + build_frame on a synthetic data folder, the file size limit lifted; with `young`,
    Python's youngest generation collected after that many allocations, as the server has it while it serves."""
    from dashboard.data import load, raw
    from dashboard.table.tidy import build_frame

    saved, threshold = raw.MAX_BYTES, gc.get_threshold()
    raw.MAX_BYTES = 1 << 34
    gc.set_threshold(young or threshold[0], *threshold[1:])
    try:
        return best(lambda: build_frame(*load.load_catalog(folder / "indicators.yaml", folder / "sources")), repeats)
    finally:
        raw.MAX_BYTES = saved
        gc.set_threshold(*threshold)


PEAK_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dashboard.data import load, raw
from dashboard.table.tidy import build_frame
raw.MAX_BYTES = 1 << 34
if sys.argv[2] != "-":
    folder = Path(sys.argv[2])
    frame = build_frame(*load.load_catalog(folder / "indicators.yaml", folder / "sources"))
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def peak_memory(folder: Path | None) -> float | None:
    """Peak resident memory in MB of a fresh process that imports the loader and loads `folder` (None: only imports).

    Read from /proc/self/status (VmHWM), which starts afresh in the new process; ru_maxrss would carry the
    benchmark's own peak over from the fork. None where /proc is not there.
    """
    if not Path("/proc/self/status").exists():
        return None
    out = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(ROOT), str(folder) if folder else "-"],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def timed_rerun(at, key: str, value) -> float:
    """Seconds one rerun takes after setting session_state[key] to `value`."""
    at.session_state[key] = value
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"{key}={value!r}: {at.exception[0].message}")
    return elapsed


def median_rerun(at, key: str, values: list, repeats: int) -> float:
    """Median time of `repeats` reruns, each after setting session_state[key] to the next of `values`."""
    return statistics.median(timed_rerun(at, key, values[i % len(values)]) for i in range(repeats))


def paired_reruns(at, key: str, values: list, floor, repeats: int, turn: int = 4) -> tuple[float, float]:
    """Median reruns of `at` and of the minimal app `floor`, taken in turns of `turn` each.

    Taking turns lets both meet the same load on a shared machine; a few reruns a turn keep each app's own
    working set warm, as it is for a user who moves a filter several times.
    """
    mine, floors = [], []
    for start in range(0, repeats, turn):
        count = min(turn, repeats - start)
        floors += [timed_rerun(floor, "bars", 10 + 20 * (i % 2)) for i in range(count)]
        mine += [timed_rerun(at, key, values[(start + i) % len(values)]) for i in range(count)]
    return statistics.median(mine), statistics.median(floors)


def first_run(path: Path):
    """A fresh AppTest of `path` run once with every Streamlit cache cleared; returns (AppTest, seconds)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    st.cache_resource.clear()
    start = time.perf_counter()
    at = AppTest.from_file(str(path), default_timeout=300)
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"{path.name}: {at.exception[0].message}")
    return at, elapsed
