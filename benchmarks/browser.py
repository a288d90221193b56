"""In headless Chromium, the dashboard's Sectors page against the minimal app: first chart painted, and a filter
change until the charts are redrawn. The apps' tries take turns, and each row gives the ratio of the medians.

Usage: python3 benchmarks/browser.py [--tries 7] [--output FILE]

The apps are served as `python -m dashboard run` serves the dashboard, from the repository root, so the same
`.streamlit/config.toml` applies to all. What is timed:

- first chart painted: from navigation to the first Plotly chart's SVG being visible, each try in a fresh browser
  context (a new session) with the server already warm (one untimed visit each first);
- filter change to charts redrawn: in one open session per app, by keyboard, timed from the key press (a keydown
  listener) to the last change inside a Plotly chart, or the end of the rerun if later (the app's
  `data-test-script-state`), once nothing has changed for a while and the script is not running: a
  MutationObserver, set up before the key press, sees every change inside a `.js-plotly-plot` and every such node
  added or removed. A change that redraws no chart is not counted (there is a note then). The changes:
  - the minimal app (the bound's reference): its slider, focused, one step with ArrowLeft, then back with ArrowRight;
  - the dashboard's Years slider, the same kind of change: /sectors opened with the years 2019-2027 (the first
    sector's charted figures are from 2019-2021), its lower thumb one step right (2020: the 2019 figures leave the
    charts), then back on the next try;
  - the dashboard's Sector filter, as information: "Economic output" typed and chosen with Enter (the page's charts
    become that sector's), then removed with Backspace on the next try (back to the first sector's charts);
  - the minimal app with a sidebar multiselect for its slider, the same change, as information: what Streamlit's
    multiselect costs on its own;
  - the minimal app with as many elements as the Sectors page sends in a run, the extra ones lines of text that
    never change, its slider step, as information: what the number of elements alone costs (each element is a
    message the browser draws as it comes);
  - the minimal app with what every dashboard page has around its chart (pages in a top navigation, a language
    switch, the sidebar filters, the filters kept in the address), its sidebar slider's step, as information: what
    Streamlit itself costs for the features the goal's change goes through.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import servers
from benchmarks.report import Row, machine, table

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
CHART = ".js-plotly-plot .main-svg"
PAGE = "sectors"  # the dashboard's page with charts at the top
PAINT_LIMIT = 1.3  # first chart painted on Sectors, as a multiple of the minimal app's
REDRAW_LIMIT = 1.5  # sidebar slider step to charts redrawn, as a multiple of the minimal app's slider step
SETTLE_MS = 1000  # a redraw is over when no chart has changed for this long after the rerun ended
GRACE_MS = 3000  # after the rerun ended, how long to wait for a chart change before calling the step "no redraw"
VIEWPORT = {"width": 1280, "height": 900}

# Installed before each key press: records the key press, the script state's changes and every change inside a chart.
ARM = """() => {
  if (window.__bench) { window.__bench.stop(); }
  const b = {key: null, states: [], charts: []};
  const app = document.querySelector('[data-testid="stApp"]');
  const inChart = (node) => node && node.nodeType === 1
      && (node.closest('.js-plotly-plot') || node.querySelector('.js-plotly-plot'));
  const states = new MutationObserver(() => b.states.push([performance.now(), app.getAttribute('data-test-script-state')]));
  states.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  const charts = new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if ((target && target.closest('.js-plotly-plot')) || [...r.addedNodes, ...r.removedNodes].some(inChart)) {
        b.charts.push(now);
        return;
      }
    }
  });
  charts.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  const keydown = () => { if (b.key === null) { b.key = performance.now(); } };
  document.addEventListener('keydown', keydown, true);
  b.stop = () => { states.disconnect(); charts.disconnect(); document.removeEventListener('keydown', keydown, true); };
  b.settled = (settle, grace) => {
    if (b.key === null || app.getAttribute('data-test-script-state') === 'running') return false;
    const events = [...b.charts, ...b.states.map(([t]) => t)].filter((t) => t >= b.key);
    const now = performance.now();
    if (!b.charts.some((t) => t >= b.key)) return now - b.key > grace;
    return now - Math.max(...events) > settle;
  };
  window.__bench = b;
}"""


def redraw(key: float, states: list[tuple[float, str]], charts: list[float]) -> float | None:
    """Seconds from the key press to the chart redrawn, from the page's records; None if no chart changed.

    Times are milliseconds (performance.now()). `states` are the app's script states as they changed, `charts` the
    times of changes inside a Plotly chart. The change is over at the last chart change, or at the end of the rerun
    if that came later (a fast rerun may go by without the running state ever being drawn, so it is not required).
    """
    drawn = [t for t in charts if t >= key]
    if not drawn:
        return None
    ran = [(t, s) for t, s in states if t >= key]
    start = next((i for i, (_, s) in enumerate(ran) if s == "running"), None)
    end = None if start is None else next((t for t, s in ran[start + 1:] if s != "running"), None)
    return (max(drawn[-1], end or drawn[-1]) - key) / 1000


def slider_step(selector: str, first: str = "ArrowLeft"):
    """A change of a slider: its thumb focused, then one step (left, or `first`), and back on the next change."""
    back = {"ArrowLeft": "ArrowRight", "ArrowRight": "ArrowLeft"}[first]

    def prepare(page, i: int) -> str:
        page.locator(selector).focus()
        return first if i % 2 == 0 else back
    return prepare


def multiselect_step(selector: str, option: str):
    """A change of a multiselect: `option` typed and chosen with Enter, then removed with Backspace on the next."""
    def prepare(page, i: int) -> str:
        page.locator(selector).locator("input").click()
        if i % 2:
            return "Backspace"
        page.keyboard.type(option)
        page.wait_for_selector('[role="option"]', state="visible", timeout=10_000)
        return "Enter"
    return prepare


@dataclass
class Target:
    """One app in the browser: its address, how its filter is changed, and what was measured."""

    name: str
    url: str
    step: object  # prepare(page, i) -> the key to press for the i-th change (slider_step, multiselect_step)
    paints: list[float] = field(default_factory=list)
    redraws: list[float] = field(default_factory=list)
    steps: int = 0  # changes made so far
    missed: int = 0  # changes that redrew no chart
    reruns: list[float] = field(default_factory=list)  # seconds from the key press to the rerun's end, as information
    page: object = None  # the open page for the filter changes


def paint(browser, url: str, timeout_ms: int = 60_000) -> float:
    """Seconds from navigation start to the first Plotly chart's SVG being visible, in a fresh context."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(CHART, state="visible", timeout=timeout_ms)
        return time.perf_counter() - start
    finally:
        context.close()


def open_for_changes(browser, target: Target) -> None:
    """Open the app in a context of its own and wait until its chart is drawn and the run is over."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.goto(target.url)
    page.wait_for_selector(CHART, state="visible", timeout=60_000)
    _idle(page)
    target.page = page


def _idle(page, timeout_ms: int = 60_000) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    page.wait_for_timeout(300)


def change(target: Target, timeout_ms: int = 30_000) -> float | None:
    """One change by keyboard, timed until the chart is redrawn; None if it redrew no chart."""
    page = target.page
    key = target.step(page, target.steps)
    target.steps += 1
    page.evaluate(ARM)
    page.keyboard.press(key)
    page.wait_for_function(f"window.__bench.settled({SETTLE_MS}, {GRACE_MS})", timeout=timeout_ms, polling=50)
    key, states, charts = page.evaluate("[window.__bench.key, window.__bench.states, window.__bench.charts]")
    page.evaluate("window.__bench.stop()")
    page.keyboard.press("Escape")  # a multiselect's list of options closes
    _idle(page)
    ended = [t for t, state in states if t >= key and state != "running"]
    found = redraw(key, [tuple(s) for s in states], charts)
    if found is not None and ended:
        target.reruns.append((ended[-1] - key) / 1000)
    return found


def measured_change(target: Target, attempts: int = 4) -> float:
    """One counted change: changes that redraw no chart are retried (and counted as missed)."""
    for _ in range(attempts):
        result = change(target)
        if result is not None:
            return result
        target.missed += 1
    raise RuntimeError(f"{target.name}: {attempts} changes in a row redrew no chart")


SECTOR_OPTION = "Economic output"  # the sector chosen in the sidebar: its charts replace the first sector's
YEARS_FROM = 2019  # opened from this year, one step of the lower thumb takes a 2019 figure out: on /timeline a point
# of its one chart, redrawn in place as the minimal app's chart is; on /sectors the first sector's only chart, whose
# two figures become one card (and the step back draws the chart anew)
SIDEBAR_SLIDER = '[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"] >> nth=0'
SIDEBAR_MULTISELECT = '[data-testid="stSidebar"] [data-testid="stMultiSelect"] >> nth=0'


def turns(tries: int, names: tuple[str, ...]) -> list[str]:
    """Whose try comes next, taking turns, the order turned by one each round: a busy moment weighs on all."""
    order = []
    for i in range(tries):
        shift = i % len(names)
        order += list(names[shift:] + names[:shift])
    return order


def measure(tries: int) -> tuple[list[Row], list[str]]:
    """The apps served from the repository root, tries taken in turns; the table rows and notes."""
    from playwright.sync_api import sync_playwright

    os.chdir(servers.ROOT)
    started = [servers.start(name) for name in (servers.MINIMAL, servers.MINIMAL_CHOICES, servers.MINIMAL_LINES,
                                                servers.MINIMAL_FEATURES, servers.APP)]
    minimal, choices, lines, features, app = started
    minimal_slider = '[data-testid="stSlider"] input[type="range"] >> nth=0'
    targets = {
        "minimal": Target("minimal", minimal.url, slider_step(minimal_slider)),
        "timeline": Target("timeline", f"{app.url}/timeline?year={YEARS_FROM}-{app_last_year()}",
                           slider_step(SIDEBAR_SLIDER, first="ArrowRight")),
        "years": Target("years", f"{app.url}/{PAGE}?year={YEARS_FROM}-{app_last_year()}", slider_step(SIDEBAR_SLIDER,
                                                                                                    first="ArrowRight")),
        "sector": Target("sector", f"{app.url}/{PAGE}", multiselect_step(SIDEBAR_MULTISELECT, SECTOR_OPTION)),
        "choices": Target("choices", choices.url, multiselect_step(SIDEBAR_MULTISELECT, SECTOR_OPTION)),
        "lines": Target("lines", lines.url, slider_step(minimal_slider)),
        "features": Target("features", features.url, slider_step(SIDEBAR_SLIDER)),
    }
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for name in ("minimal", "sector"):  # warm-up: the server's first session fills its caches
                    paint(browser, targets[name].url)
                for name in turns(tries, ("minimal", "sector")):
                    targets[name].paints.append(paint(browser, targets[name].url))
                for target in targets.values():
                    open_for_changes(browser, target)
                    for _ in range(2):  # warm-up, not counted: there and back once
                        measured_change(target)
                    target.missed = 0
                for name in turns(tries, tuple(targets)):
                    targets[name].redraws.append(measured_change(targets[name]))
            finally:
                browser.close()
    finally:
        for server in started:
            server.stop()
    return rows(targets, tries)


def app_last_year() -> int:
    """The last year of the dashboard's data, the Years slider's upper end."""
    from dashboard.table import dataset

    return dataset.current().views["en"].options.years[1]


def rows(targets: dict[str, Target], tries: int) -> tuple[list[Row], list[str]]:
    """The table's rows, ratios of the medians with their goals, and notes with every try."""
    minimal = targets["minimal"]
    median = lambda values: statistics.median(values)  # noqa: E731
    step = median(minimal.redraws)
    table_rows = [
        Row(f"Sectors page: first chart painted, fresh context (median of {tries})", "real",
            median(targets["sector"].paints), median(minimal.paints), PAINT_LIMIT),
        Row(f"Timeline page: Years slider step to its chart redrawn (median of {tries}; minimal app: slider step)",
            "real", median(targets["timeline"].redraws), step, REDRAW_LIMIT),
        Row(f"Sectors page: Years slider step, the sector's chart taken away, then drawn anew (median of {tries}; "
            "minimal app: slider step)", "real", median(targets["years"].redraws), step),
        Row(f"Sectors page: Sector filter changed to charts redrawn (median of {tries}; minimal app: slider step)",
            "real", median(targets["sector"].redraws), step),
        Row(f"Minimal app with a sidebar multiselect: the same change (median of {tries}; minimal app: slider step)",
            "none", median(targets["choices"].redraws), step),
        Row(f"Minimal app with as many elements as the Sectors page: slider step (median of {tries}; minimal app: "
            "slider step)", "none", median(targets["lines"].redraws), step),
        Row(f"Minimal app with every page's pages, language switch, sidebar filters and address: sidebar slider step "
            f"(median of {tries}; minimal app: slider step)", "none", median(targets["features"].redraws), step),
    ]
    notes = [f"Each measure takes turns between the apps ({tries} tries each), the order turned each round; the "
             "ratio is of the two medians.",
             "All tries, in seconds: " + "; ".join(
                 f"{t.name} {label} " + ", ".join(f"{v:.3f}" for v in values)
                 for t in targets.values() for label, values in (("paint", t.paints), ("redraw", t.redraws)) if values)]
    features = median(targets["features"].redraws)
    notes.append(f"The Timeline's Years step against the minimal app with every page's features: "
                 f"{median(targets['timeline'].redraws) / features:.2f}x (what the dashboard adds to what Streamlit "
                 "itself costs for them)")
    notes += [f"{t.name}: the rerun was over after {median(t.reruns) * 1000:.0f} ms (median); the rest of a redraw is "
              "the browser drawing the charts" for t in targets.values() if t.reruns]
    missed = {t.name: t.missed for t in targets.values() if t.missed}
    if missed:
        notes.append("Changes that redrew no chart, not counted: " + ", ".join(f"{k} {v}" for k, v in missed.items()))
    return table_rows, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=7, help="tries of each measure for each app (default 7)")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    output = args.output.resolve() if args.output else None
    if not Path(CHROMIUM).exists():
        print(f"needs Chromium at {CHROMIUM} (Debian's chromium package, or set CHROMIUM)", file=sys.stderr)
        return 2
    table_rows, notes = measure(args.tries)
    text = "\n".join([table(table_rows), "", *[f"- {note}" for note in notes], f"- Machine: {machine()}"])
    print(text)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    return 1 if any(row.passed is False for row in table_rows) else 0


if __name__ == "__main__":
    sys.exit(main())
