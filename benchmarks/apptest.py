"""Time every page of the dashboard with AppTest: first run, page switch and filter-change reruns."""

from __future__ import annotations

import ast
import os
import random
import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.report import Row
from benchmarks.timing import best, first_run, paired_reruns

FILTER_KEY = "year"  # the sidebar's year-range slider: every page reads it


def page_files(app: Path) -> list[tuple[str, str]]:
    """(file, title) of each page, in the app's own order, read from its PAGES constant without running it."""
    tree = ast.parse(app.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            # each item is ("file.py", N_("Title"), icon): the title is marked for translation
            return [(ast.literal_eval(item.elts[0]), ast.literal_eval(getattr(item.elts[1], "args", [item.elts[1]])[0]))
                    for item in node.value.elts]
    raise ValueError(f"{app}: no PAGES constant")


@contextmanager
def data(indicators: Path | None, sources: Path | None):
    """Point the loader at a data folder (None: the real data) for the duration."""
    saved = {k: os.environ.get(k) for k in ("DASHBOARD_INDICATORS", "DASHBOARD_SOURCES")}
    for key, value in (("DASHBOARD_INDICATORS", indicators), ("DASHBOARD_SOURCES", sources)):
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = str(value)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def year_ranges(low: int, high: int, seed: int = 0) -> list[tuple[int, int]]:
    """Distinct wide year ranges other than the full one, shuffled: each rerun asks for a selection not yet cached."""
    span = max(1, min(8, (high - low) // 3))
    pairs = [(a, b) for a in range(low, low + span + 1) for b in range(high - span, high + 1) if (a, b) != (low, high)]
    random.Random(seed).shuffle(pairs)
    return pairs


def clear_loaded() -> None:
    """Forget the loaded data (dashboard.table.dataset.current() keeps one copy per data version in the process)."""
    from dashboard.table import dataset

    dataset._load.cache_clear()


def measure(app: Path, label: str, indicators: Path | None, sources: Path | None, floor_first: float, floor_app,
            repeats: int) -> list[Row]:
    """Rows for one dataset: the cold first run, then per page its first run and median filter-change rerun.

    Each page's reruns take turns with reruns of the minimal app (`floor_app`), and its ratio is to the minimal
    app's median over the same stretch of time: a shared machine's load then weighs on both alike. The server time
    of a rerun is information, with no goal: the goals are on what a reader sees in the browser (browser.py).
    """
    from dashboard.table.dataset import load_frame
    from dashboard.table.filters import options

    rows: list[Row] = []
    with data(indicators, sources):
        years = options(load_frame()).years
        ranges = iter(year_ranges(*years) * 10)
        clear_loaded()
        at, cold = first_run(app)
        rows.append(Row("App: first run, caches cleared", label, cold, floor_first))
        for name, title in page_files(app):
            start = time.perf_counter()
            at.switch_page(name).run()
            switched = time.perf_counter() - start
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception[0].message}")
            values = [next(ranges) for _ in range(repeats)]
            rerun, floor = paired_reruns(at, FILTER_KEY, values, floor_app, repeats)
            rows.append(Row(f"{title}: first run (switch to page)", label, switched))
            rows.append(Row(f"{title}: filter-change rerun (median of {repeats})", label, rerun, floor))
    return rows


def cached_load(folder: Path, label: str, limit: float) -> list[Row]:
    """The loaded data (dashboard.table.dataset.current()) on a data folder: first call, then a cache hit.

    A cache hit still reads the data files' version (each file's size and change time), so that an edit is loaded afresh.
    """
    from dashboard.table import dataset

    with data(folder / "indicators.yaml", folder / "sources"):
        clear_loaded()
        start = time.perf_counter()
        dataset.current()
        first = time.perf_counter() - start
        again = best(dataset.current, 3)
    return [Row("Loaded data, dataset.current(): first call", label, first),
            Row("Loaded data, dataset.current(): later call (cache hit)", label, again, limit=limit)]
