"""The load itself: N simulated readers, each opening sessions and changing filters, bounded in time and count."""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from benchmarks import servers
from benchmarks.stream_client import RunError, Session, fetch_page

PAGES = ("", "sectors", "timeline", "data", "sources", "about")
SECTORS = ("ai", "digital_economy", "economy", "innovation", "common_prosperity", "energy")
STATUSES = ("actual", "target", "forecast", "derived")


@dataclass
class Plan:
    """What to run: readers, changes per session, think time, ramp-up and the bounds."""

    sessions: int = 100
    changes: int = 10
    think: float = 0.0
    ramp: float = 5.0
    duration: float = 60.0
    max_runs: int = 100_000
    timeout: float = 60.0
    seed: int = 1
    pages: tuple[str, ...] = PAGES
    keys: tuple[str, ...] = ("year", "sector")
    filters: bool = True  # a random filter address for each session
    page_get: bool = False  # GET the page over HTTP first, as a browser does (and get the proxy's route cookie)
    repeat: bool = True  # a reader opens a new session when one ends, until a bound is reached


@dataclass
class Result:
    """What happened: seconds per run kind, errors by kind, replicas per session, server CPU and memory."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"first": [], "change": []})
    starts: dict[str, list[float]] = field(default_factory=lambda: {"first": [], "change": []})  # s into the load
    errors: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    upstreams: list[set[str]] = field(default_factory=list)
    sessions: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    client_cpu: float = 0.0  # CPU seconds of the load generator itself (this process) over the load
    rss_start: float = 0.0
    rss_peak: float = 0.0
    rss_end: float = 0.0

    @property
    def runs(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values, NaN when there are none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def later(result: Result, kind: str, after: float) -> list[float]:
    """The latencies of the runs of this kind that started `after` seconds or more into the load."""
    return [seconds for seconds, began in zip(result.latencies[kind], result.starts[kind], strict=True) if began >= after]


def address(rng: random.Random, plan: Plan) -> tuple[str, str]:
    """A random page and filter address, as readers arrive from shared links."""
    page = rng.choice(plan.pages)
    if not plan.filters:
        return page, ""
    params = []
    if rng.random() < 0.6:
        low = rng.randint(2003, 2027)
        params.append(f"year={low}-{rng.randint(low, 2027)}")
    params += [f"sector={s}" for s in rng.sample(SECTORS, rng.choice((0, 0, 1, 2)))]
    params += [f"status={s}" for s in rng.sample(STATUSES, rng.choice((0, 0, 0, 1)))]
    rng.shuffle(params)
    return page, "&".join(params)


async def _reader(index: int, url: str, plan: Plan, result: Result, started: float) -> None:
    """One reader: after its ramp-up delay, sessions of one first run and K changes, until a bound is reached."""
    rng = random.Random(plan.seed * 100_003 + index)
    await asyncio.sleep(plan.ramp * index / max(1, plan.sessions))

    def more() -> bool:
        return time.monotonic() - started < plan.duration and result.runs < plan.max_runs

    while more():
        page, query = address(rng, plan)
        session = Session(url, page=page, query=query, timeout=plan.timeout, keys=plan.keys)
        result.sessions += 1
        result.upstreams.append(session.upstreams)
        try:
            if plan.page_get:
                session.cookie, upstream = await fetch_page(url, page)
                session.upstreams.add(upstream) if upstream else None
            await session.open()
            began = time.monotonic() - started
            result.latencies["first"].append(await session.first_run())
            result.starts["first"].append(began)
            for _ in range(plan.changes):
                if not more():
                    break
                if plan.think:
                    await asyncio.sleep(rng.uniform(0, plan.think))
                began = time.monotonic() - started
                result.latencies["change"].append(await session.change(rng))
                result.starts["change"].append(began)
        except Exception as exc:  # noqa: BLE001 - every failure is counted and shown, none stops the load
            result.errors[exc.kind if isinstance(exc, RunError) else type(exc).__name__] += 1
            if len(result.examples) < 10:
                result.examples.append(f"/{page}?{query}: {exc}")
        finally:
            try:
                await session.close()
            except Exception as exc:  # noqa: BLE001 - a failed close is one more error, not a crash of the load
                result.errors["closed"] += 1
                result.examples.append(f"close: {exc!r}")
        if not plan.repeat:
            return


async def _sample_rss(pid: int, result: Result, stop: asyncio.Event) -> None:
    """Keep the peak resident memory of the server while the load runs."""
    while not stop.is_set():
        result.rss_peak = max(result.rss_peak, servers.rss_mb(pid))
        try:
            await asyncio.wait_for(stop.wait(), 0.25)
        except TimeoutError:
            pass


async def run_load(url: str, plan: Plan, pid: int | None = None) -> Result:
    """Run the plan against the server at url (loopback only); with its pid, also its CPU and memory."""
    result = Result()
    stop = asyncio.Event()
    sampler = None
    if pid:
        cpu0, result.rss_start = servers.cpu_seconds(pid), servers.rss_mb(pid)
        sampler = asyncio.create_task(_sample_rss(pid, result, stop))
    started, client0 = time.monotonic(), time.process_time()
    await asyncio.gather(*(_reader(i, url, plan, result, started) for i in range(plan.sessions)))
    result.wall, result.client_cpu = time.monotonic() - started, time.process_time() - client0
    if sampler:
        stop.set()
        await sampler
        result.cpu, result.rss_end = servers.cpu_seconds(pid) - cpu0, servers.rss_mb(pid)
    return result


def run_sync(coroutine):
    """Run a coroutine to its end in a new event loop on a thread of its own (the caller may be running a loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def load(url: str, plan: Plan, pid: int | None = None) -> Result:
    """run_load from synchronous code."""
    return run_sync(run_load(url, plan, pid))
