"""Time the dashboard against a minimal Streamlit app and print a markdown table with ratios and goals.

Usage: python3 benchmarks/rerun.py [--quick] [--no-browser] [--output FILE]

In one process, with AppTest: the first run and the median filter-change rerun of every page, for the real data
and for 1,000 and 10,000 synthetic figures (benchmarks/synth.py), against benchmarks/minimal_app.py (one slider,
one Plotly chart: the floor Streamlit itself sets). Also load + validate at 10,000 and 100,000 figures, the
peak memory of a process that loads them, and (unless --no-browser) the first chart painted in headless Chromium
(benchmarks/paint.py). Timing is noisy on a shared machine: medians and bests of several tries, never one.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MINIMAL = ROOT / "benchmarks" / "minimal_app.py"
APP = ROOT / "dashboard" / "app.py"
LIMITS = {"real": 2.0, "10,000": 4.0}  # filter-change rerun, as a multiple of the minimal app's
LOAD_LIMIT = 1.0  # seconds to load and validate 10,000 figures
CACHED_LIMIT = 0.05  # seconds for a second, cached, load
PAINT_LIMIT = 1.5  # first chart painted, as a multiple of the minimal app's


@dataclass
class Row:
    """One line of the table: a measure, its value, the minimal app's where there is one, and the goal."""

    measure: str
    data: str
    value: float | None
    floor: float | None = None
    limit: float | None = None  # a ratio to the floor when floor is set, else an absolute bound in `unit`
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def passed(self) -> bool | None:
        if self.limit is None or self.value is None:
            return None
        return (self.ratio if self.floor else self.value) <= self.limit


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"
    return f"{value:,.0f} {unit}"


def table(rows: list[Row]) -> str:
    """The rows as a markdown table: absolute values, ratio to the minimal app, goal, pass or fail."""
    lines = ["| Measure | Data | Time | Minimal app | Ratio | Goal | Result |", "|---|---|---:|---:|---:|---|---|"]
    for row in rows:
        ratio = f"{row.ratio:.1f}x" if row.ratio is not None else ""
        if row.limit is None:
            goal = ""
        elif row.floor:
            goal = f"≤ {row.limit:g}x"
        else:
            goal = f"≤ {_amount(row.limit, row.unit)}"
        result = {True: "pass", False: "**FAIL**", None: ""}[row.passed]
        floor = _amount(row.floor, row.unit) if row.floor else ""
        lines.append(f"| {row.measure} | {row.data} | {_amount(row.value, row.unit)} | {floor} | {ratio} | {goal} "
                     f"| {result} |")
    return "\n".join(lines)


def machine() -> str:
    """CPU, cores, memory and versions, as one markdown line."""
    import pandas
    import plotly
    import streamlit

    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), 0)
    return (f"{cpu}, {os.cpu_count()} cores, {mem} GB RAM, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, pandas {pandas.__version__}, "
            f"Plotly {plotly.__version__}")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def best(func, repeats: int) -> float:
    """Shortest of `repeats` timed calls (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def load_time(folder: Path, repeats: int) -> float:
    """Best time of load_catalog + build_frame on a synthetic data folder, the file size limit lifted."""
    from dashboard import load

    saved = load.MAX_BYTES
    load.MAX_BYTES = 1 << 34
    try:
        return best(lambda: load.build_frame(*load.load_catalog(folder / "indicators.yaml", folder / "sources")),
                    repeats)
    finally:
        load.MAX_BYTES = saved


PEAK_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dashboard import load
load.MAX_BYTES = 1 << 34
if sys.argv[2] != "-":
    folder = Path(sys.argv[2])
    frame = load.build_frame(*load.load_catalog(folder / "indicators.yaml", folder / "sources"))
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


def paired_reruns(at, key: str, values: list, floor, repeats: int) -> tuple[float, float]:
    """Median reruns of `at` and of the minimal app `floor`, taken in turns so that both meet the same machine load."""
    mine, floors = [], []
    for i in range(repeats):
        floors.append(timed_rerun(floor, "bars", 10 if i % 2 else 30))
        mine.append(timed_rerun(at, key, values[i % len(values)]))
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


def minimal_app(repeats: int):
    """First run and median slider-change rerun of the minimal app, and the app itself for paired timing."""
    at, first = first_run(MINIMAL)
    return first, median_rerun(at, "bars", [10, 30], 2 * repeats), at


def _quiet_streamlit() -> None:
    """AppTest runs scripts without a server, and Streamlit warns about that on every run: silence warnings."""
    import logging

    logging.disable(logging.WARNING)


def run(quick: bool, browser: bool, workdir: Path) -> tuple[list[Row], list[str]]:
    """Every measurement; returns the table rows and notes for under it."""
    from benchmarks import synth

    _quiet_streamlit()
    notes: list[str] = []
    repeats = 5 if quick else 15
    sizes = {"1,000": 1_000, "10,000": 10_000}
    folders = {}
    for label, count in {**sizes, "100,000": 100_000}.items():
        folders[label] = workdir / f"synth-{count}"
        synth.generate(count, folders[label])
        print(f"synthetic data: {count:,} figures in {folders[label]}", file=sys.stderr)

    rows: list[Row] = []
    floor_first, floor_rerun, floor_app = minimal_app(repeats)
    rows.append(Row("Minimal app: first run", "-", floor_first))
    rows.append(Row("Minimal app: slider-change rerun (median)", "-", floor_rerun))

    if APP.exists():
        from benchmarks import apptest

        datasets = {"real": (None, None), **{k: (folders[k] / "indicators.yaml", folders[k] / "sources") for k in sizes}}
        for label, (indicators, sources) in datasets.items():
            rows += apptest.measure(APP, label, indicators, sources, floor_first, floor_app,
                                    max(3, repeats // (2 if label == "10,000" else 1)), LIMITS.get(label))
            print(f"pages measured on {label} data", file=sys.stderr)
        rows += apptest.cached_load(folders["10,000"], "10,000", CACHED_LIMIT)
    else:
        notes.append(f"{APP.relative_to(ROOT)} does not exist: the dashboard's pages were not measured.")

    for label, repeats_load in (("10,000", 1 if quick else 3), ("100,000", 1)):
        seconds = load_time(folders[label], repeats_load)
        rows.append(Row(f"Load + validate (best of {repeats_load})", label, seconds,
                        limit=LOAD_LIMIT if label == "10,000" else None))
        print(f"load measured on {label} figures", file=sys.stderr)
    base = peak_memory(None)
    rows.append(Row("Peak memory: Python + pandas + loader, no data", "-", base, unit="MB"))
    for label in ("10,000", "100,000"):
        rows.append(Row("Peak memory: load + validate + frame", label, peak_memory(folders[label]), unit="MB"))
    size = (folders["100,000"] / "indicators.yaml").stat().st_size
    notes.append(f"The 100,000-figure file is {size / 1e6:.0f} MB, over the loader's size limit; the benchmark lifts "
                 "the limit to time it.")

    if browser:
        from benchmarks import paint

        ten = folders["10,000"]
        data = {"real": {}, "10,000": {"DASHBOARD_INDICATORS": str(ten / "indicators.yaml"),
                                       "DASHBOARD_SOURCES": str(ten / "sources")}}
        rows += paint.measure(APP, MINIMAL, 3 if quick else 5, PAINT_LIMIT, data)
    return rows, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium paint timing")
    parser.add_argument("--output", type=Path, help="also write the table and machine line to this file")
    args = parser.parse_args(argv)
    output = args.output.resolve() if args.output else None
    os.chdir(ROOT)  # the app's own settings (.streamlit/config.toml) apply, as under `python -m dashboard run`
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        rows, notes = run(args.quick, not args.no_browser, Path(tmp))
    text = "\n".join([table(rows), "", *[f"- {note}" for note in notes], f"- Machine: {machine()}",
                      f"- Benchmark took {time.perf_counter() - started:.0f} s."])
    print(text)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    failed = [row for row in rows if row.passed is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
