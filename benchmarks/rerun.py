"""Time the dashboard's server side against a minimal Streamlit app and print a markdown table with ratios.

Usage: python3 benchmarks/rerun.py [--quick] [--output FILE]

In one process, with AppTest: the first run and the median filter-change rerun of every page, for the real data
and for 1,000 and 10,000 synthetic figures (benchmarks/synth.py), against benchmarks/minimal_app.py (one slider,
one Plotly chart: the floor Streamlit itself sets). These are information, with no goal: the goals on speed are
on what a reader sees in the browser (benchmarks/browser.py) and under load (benchmarks/load.py). Also, with
goals: load + validate at 10,000 figures and a cache hit of the loaded data; and the peak memory of a process
that loads 10,000 and 100,000 figures. Timing is noisy on a shared machine: medians and bests of several tries.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.report import Row, machine, table  # noqa: E402
from benchmarks.timing import first_run, load_time, median_rerun, peak_memory  # noqa: E402
from dashboard.serve import YOUNG_OBJECTS  # noqa: E402

MINIMAL = ROOT / "benchmarks" / "minimal_app.py"
APP = ROOT / "dashboard" / "app" / "main.py"
LOAD_LIMIT = 2.0  # seconds to load and validate 10,000 figures (then cached per process and data edit)
CACHED_LIMIT = 0.05  # seconds for a second, cached, load


def minimal_app(repeats: int):
    """First run and median slider-change rerun of the minimal app, and the app itself for paired timing."""
    at, first = first_run(MINIMAL)
    return first, median_rerun(at, "bars", [10, 30], 2 * repeats), at


def _quiet_streamlit() -> None:
    """AppTest runs scripts without a server, and Streamlit warns about that on every run: silence warnings."""
    import logging

    logging.disable(logging.WARNING)


def run(quick: bool, workdir: Path) -> tuple[list[Row], list[str]]:
    """Every measurement; returns the table rows and notes for under it."""
    from benchmarks import synth

    _quiet_streamlit()
    notes: list[str] = []
    repeats = 12 if quick else 40
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
                                    max(3, repeats // (2 if label == "10,000" else 1)))
            print(f"pages measured on {label} data", file=sys.stderr)
        rows += apptest.cached_load(folders["10,000"], "10,000", CACHED_LIMIT)
    else:
        notes.append(f"{APP.relative_to(ROOT)} does not exist: the dashboard's pages were not measured.")

    rows.append(Row(f"Load + validate, with Python's collector defaults, as `validate` (best of {1 if quick else 3})",
                    "10,000", load_time(folders["10,000"], 1 if quick else 3)))
    for label, repeats_load in (("10,000", 1 if quick else 3), ("100,000", 1)):
        seconds = load_time(folders[label], repeats_load, young=YOUNG_OBJECTS)
        rows.append(Row(f"Load + validate, as the server does (best of {repeats_load})", label, seconds,
                        limit=LOAD_LIMIT if label == "10,000" else None))
        print(f"load measured on {label} figures", file=sys.stderr)
    notes.append(f"While it serves, the server collects Python's youngest generation after {YOUNG_OBJECTS:,} "
                 "allocations rather than 700 (dashboard/serve.py): its rows are timed with that setting, and the "
                 "row with the defaults is what `python -m dashboard validate` takes.")
    base = peak_memory(None)
    rows.append(Row("Peak memory: Python + pandas + loader, no data", "-", base, unit="MB"))
    for label in ("10,000", "100,000"):
        rows.append(Row("Peak memory: load + validate + frame", label, peak_memory(folders[label]), unit="MB"))
    size = (folders["100,000"] / "indicators.yaml").stat().st_size
    notes.append(f"The 100,000-figure file is {size / 1e6:.0f} MB, over the loader's size limit; the benchmark lifts "
                 "the limit to time it.")

    return rows, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    parser.add_argument("--no-browser", action="store_true",
                        help="accepted and ignored: the browser timing is benchmarks/browser.py, run on its own")
    parser.add_argument("--output", type=Path, help="also write the table and machine line to this file")
    args = parser.parse_args(argv)
    output = args.output.resolve() if args.output else None
    os.chdir(ROOT)  # the app's own settings (.streamlit/config.toml) apply, as under `python -m dashboard run`
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        rows, notes = run(args.quick, Path(tmp))
    text = "\n".join([table(rows), "", *[f"- {note}" for note in notes], f"- Machine: {machine()}",
                      f"- Benchmark took {time.perf_counter() - started:.0f} s."])
    print(text)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    failed = [row for row in rows if row.passed is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
