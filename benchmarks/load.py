"""Load test: many websocket sessions on the dashboard and on the minimal app (Streamlit's defaults), compared."""

from __future__ import annotations

import argparse
import dataclasses
import platform
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit

from benchmarks import servers
from benchmarks.loadgen import PAGES, Plan, Result, later, load, percentile
from benchmarks.stream_client import loopback_only

GOAL_P95 = 0.5  # seconds, filter-change rerun
GOAL_RATIO = 10.0  # dashboard runs/s over the minimal app's, sessions clicking back to back


def scenario(text: str) -> tuple[int, int, float]:
    """SESSIONS,CHANGES,THINK as in 100,10,0."""
    sessions, changes, think = text.split(",")
    return int(sessions), int(changes), float(think)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", type=scenario, action="append",
                        help="SESSIONS,CHANGES,THINK: readers, filter changes a session, most seconds between "
                             "clicks (repeatable; default: 100,10,0 and 500,5,20)")
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds over which the readers arrive")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per scenario, at most")
    parser.add_argument("--max-runs", type=int, default=50_000, help="script runs per scenario, at most")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a run may take before it counts as an error")
    parser.add_argument("--url", help="load this loopback server instead of starting one (with --pid for its CPU)")
    parser.add_argument("--pid", type=int, help="PID of the --url server, for its CPU and memory")
    parser.add_argument("--server-arg", action="append", default=[], metavar="OPTION=VALUE",
                        help="a streamlit option for the dashboard server, e.g. runner.postScriptGC=true (repeatable)")
    parser.add_argument("--minimal-arg", action="append", default=[], metavar="OPTION=VALUE",
                        help="a streamlit option for the minimal app (default: none, Streamlit's defaults)")
    parser.add_argument("--page", action="append", choices=NAMED, metavar="PAGE",
                        help=f"load only this dashboard page (repeatable; one of {', '.join(NAMED)})")
    parser.add_argument("--no-minimal", action="store_true", help="do not compare with the minimal app")
    parser.add_argument("--minimal-settings", choices=("defaults", "repo"), default="defaults",
                        help="serve the minimal app with Streamlit's defaults (from an empty folder) or with the "
                             "repo's .streamlit/config.toml, as the dashboard (default: defaults)")
    parser.add_argument("--compare-all", action="store_true",
                        help="run the minimal app in every scenario, not only those without think time (with "
                             "think time, the latency ratios are reported, without the throughput goal)")
    parser.add_argument("--page-get", action="store_true", help="GET each page over HTTP before its websocket")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, help="also write the report (markdown) to this file")
    args = parser.parse_args(argv)
    args.scenario = args.scenario or [(100, 10, 0.0), (500, 5, 20.0)]
    args.page = tuple(NAMED[name] for name in args.page) if args.page else PAGES
    if args.url:
        loopback_only(args.url)
    return args


NAMED = {page or "overview": page for page in PAGES}  # --page names: the Overview is the address without a page


def options(pairs: list[str]) -> tuple[str, ...]:
    """Streamlit command-line options from OPTION=VALUE pairs: ("--OPTION", "VALUE", ...)."""
    return tuple(part for pair in pairs for part in (f"--{pair.split('=', 1)[0]}", pair.split("=", 1)[1]))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds == seconds else "-"


def rows(label: str, result: Result) -> list[str]:
    """Table rows of one load: a row per run kind, with the server's CPU and memory on the first."""
    lines = []
    for kind, values in result.latencies.items():
        cpu = f"{result.cpu:.0f} s / {result.wall:.0f} s = {result.cpu / result.wall:.0%}" if result.cpu else "-"
        memory = f"{result.rss_start:.0f} / {result.rss_peak:.0f} / {result.rss_end:.0f}" if result.rss_peak else "-"
        lines.append(f"| {label} | {kind} | {len(values):,} | {ms(percentile(values, 50))} | {ms(percentile(values, 95))} | "
                     f"{ms(percentile(values, 99))} | {ms(max(values, default=float('nan')))} | "
                     f"{len(values) / result.wall:.1f} | {result.error_count if kind == 'first' else ''} | "
                     f"{cpu if kind == 'first' else ''} | {memory if kind == 'first' else ''} |")
    return lines


def settled(label: str, result: Result) -> str:
    """The load generator's own CPU, and the filter changes of the load's second half (after the arrivals)."""
    half = later(result, "change", result.wall / 2)
    return (f"- {label}: load generator CPU {result.client_cpu:.0f} s / {result.wall:.0f} s = "
            f"{result.client_cpu / result.wall:.0%}; filter changes started in the second half: {len(half):,}, "
            f"p50 {ms(percentile(half, 50))}, p95 {ms(percentile(half, 95))} (information)")


def report(args: argparse.Namespace, measured: list[tuple[tuple, Result, Result | None]]) -> tuple[str, bool]:
    """The markdown report and whether every goal was met with no error."""
    lines = [f"Python {platform.python_version()}, Streamlit {streamlit.__version__}, {platform.machine()}, "
             f"{servers.os.cpu_count()} cores. Ramp-up {args.ramp:g} s, at most {args.duration:g} s a scenario. "
             f"Dashboard server options: {' '.join(args.server_arg) or 'the repo settings'}.", "",
             "| Load | Kind | Runs | p50 | p95 | p99 | Max | Runs/s | Errors | Server CPU | RSS MB start/peak/end |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    notes = []
    verdicts, ok = [], True
    for (sessions, changes, think), dash, minimal in measured:
        name = f"{sessions} sessions, {changes} changes, think ≤ {think:g} s"
        lines += rows(f"dashboard: {name}", dash)
        notes.append(settled(f"dashboard: {name}", dash))
        p95 = percentile(dash.latencies["change"], 95)
        good = dash.error_count == 0 and p95 <= GOAL_P95
        verdicts.append(f"- {name}: filter-change p95 {ms(p95)} (goal ≤ {ms(GOAL_P95)}), {dash.error_count} errors: "
                        f"{'pass' if good else 'FAIL'}")
        ok &= good
        for example in dash.examples:
            verdicts.append(f"  - error: {example}")
        if minimal is None:
            continue
        lines += rows(f"minimal app, {minimal_label(args)}: {name}", minimal)
        notes.append(settled(f"minimal app: {name}", minimal))
        ratio = (dash.runs / dash.wall) / (minimal.runs / minimal.wall)
        p50s = [percentile(r.latencies["change"], 50) for r in (dash, minimal)]
        p95s = [percentile(r.latencies["change"], 95) for r in (dash, minimal)]
        latency = f"change latency dashboard/minimal p50 {p50s[0] / p50s[1]:.2f}x, p95 {p95s[0] / p95s[1]:.2f}x"
        if think:  # readers pausing set the throughput, not the server: no goal on it
            good = minimal.error_count == 0
            verdicts.append(f"- {name}: {latency}; minimal app {minimal.error_count} errors")
        else:
            good = ratio >= GOAL_RATIO and minimal.error_count == 0
            verdicts.append(f"- {name}: runs/s {dash.runs / dash.wall:.1f} vs minimal {minimal.runs / minimal.wall:.1f}: "
                            f"{ratio:.1f}x (goal ≥ {GOAL_RATIO:g}x): {'pass' if good else 'FAIL'}; {latency}")
        ok &= good
    return "\n".join([*lines, "", *notes, "", *verdicts]) + "\n", ok


def minimal_label(args: argparse.Namespace) -> str:
    """How the minimal app was served: its settings and any options given to it."""
    settings = "the repo settings" if args.minimal_settings == "repo" else "Streamlit defaults"
    return " ".join([settings, *args.minimal_arg])


def main(argv: list[str] | None = None) -> int:
    """Start the servers (unless --url), warm them up, run every scenario, print the report; 1 on error or missed goal."""
    args = arguments(argv)
    dashboard = None if args.url else servers.start(servers.APP, args=options(args.server_arg))
    minimal = None if args.no_minimal else servers.start(
        servers.MINIMAL, defaults=args.minimal_settings == "defaults", args=options(args.minimal_arg))
    url, pid = (args.url, args.pid) if args.url else (dashboard.url, dashboard.pid)
    minimal_plan = {"pages": ("",), "keys": ("bars",), "filters": False}
    measured = []
    try:
        load(url, Plan(sessions=12, changes=3, ramp=0, repeat=False, seed=0))  # warm-up: data and caches loaded
        if minimal:
            load(minimal.url, Plan(sessions=4, changes=3, ramp=0, repeat=False, seed=0, **minimal_plan))
        for sessions, changes, think in args.scenario:
            plan = Plan(sessions=sessions, changes=changes, think=think, ramp=args.ramp, duration=args.duration,
                        max_runs=args.max_runs, timeout=args.timeout, seed=args.seed, page_get=args.page_get,
                        pages=args.page)
            print(f"dashboard: {sessions} sessions, {changes} changes, think {think:g} s ...", file=sys.stderr)
            dash = load(url, plan, pid)
            other = None
            if minimal and (think == 0 or args.compare_all):  # the ratio of throughputs means something at saturation
                print("minimal app, same load ...", file=sys.stderr)
                other = load(minimal.url, dataclasses.replace(plan, **minimal_plan), minimal.pid)
            measured.append(((sessions, changes, think), dash, other))
    finally:
        for server in (dashboard, minimal):
            if server:
                server.stop()
    text, ok = report(args, measured)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
