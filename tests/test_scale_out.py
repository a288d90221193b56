"""Two replicas behind Debian's nginx with deploy/nginx.conf: one replica per session, more throughput, failover."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks import servers
from benchmarks.loadgen import Plan, load, run_sync
from benchmarks.stream_client import Session, fetch_page

DEPLOY = servers.ROOT / "deploy"
SATURATION = Plan(sessions=60, changes=10, think=0, ramp=2, duration=15, timeout=60, page_get=True, seed=3)
ROUNDS = 2  # one replica and nginx take turns, so that a busy moment on the machine weighs on both

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nginx_binary(debian_program) -> str:
    return debian_program("nginx", "nginx", "/usr/sbin/nginx")


@dataclasses.dataclass
class Cluster:
    replicas: list[servers.Server]
    url: str
    access_log: Path


@pytest.fixture(scope="module")
def cluster(nginx_binary, tmp_path_factory):
    """Two dashboard replicas and nginx in front of them, run with deploy/nginx.conf unchanged."""
    folder = tmp_path_factory.mktemp("nginx")
    replicas = []
    nginx = None
    try:
        replicas = [servers.start(servers.APP, log_dir=folder) for _ in range(2)]
        shutil.copyfile(DEPLOY / "nginx.conf", folder / "nginx.conf")
        assert (folder / "nginx.conf").read_bytes() == (DEPLOY / "nginx.conf").read_bytes()
        (folder / "upstream.conf").write_text("".join(
            f"server {r.url.removeprefix('http://')} max_fails=2 fail_timeout=10s;\n" for r in replicas))
        port = servers.free_port()
        (folder / "listen.conf").write_text(f"listen 127.0.0.1:{port};\n")
        command = [nginx_binary, "-p", str(folder), "-c", str(folder / "nginx.conf"),
                   "-g", f"daemon off; pid {folder / 'nginx.pid'};"]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        access_log = folder / "access.log"
        with access_log.open("w") as out, (folder / "error.log").open("w") as err:
            nginx = subprocess.Popen(command, stdout=out, stderr=err, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while not servers.healthy(url):
            assert nginx.poll() is None and time.monotonic() < deadline, (folder / "error.log").read_text()
            time.sleep(0.2)
        yield Cluster(replicas, url, access_log)
    finally:
        if nginx is not None and nginx.poll() is None:
            nginx.terminate()  # SIGTERM to nginx's master, by its pid: it stops its workers
            nginx.wait(timeout=20)
        for replica in replicas:
            replica.stop()


def test_sessions_stick_to_one_replica_and_two_replicas_serve_more(cluster):
    """Every session's page, websocket and runs reach one replica; through nginx both replicas serve, with ≥ 1.5x."""
    warm = dataclasses.replace(SATURATION, sessions=12, changes=2, ramp=0, repeat=False, duration=60, seed=0)
    for url in (*(r.url for r in cluster.replicas), cluster.url):
        assert load(url, warm).error_count == 0
    ones, boths = [], []
    for round_ in range(ROUNDS):
        plan = dataclasses.replace(SATURATION, seed=SATURATION.seed + round_)
        ones.append(load(cluster.replicas[0].url, plan, cluster.replicas[0].pid))
        boths.append(load(cluster.url, plan))
    rate_one = sum(r.runs for r in ones) / sum(r.wall for r in ones)
    rate_both = sum(r.runs for r in boths) / sum(r.wall for r in boths)
    summary = (f"one replica: {sum(r.runs for r in ones)} runs, {rate_one:.1f}/s; through nginx to two: "
               f"{sum(r.runs for r in boths)} runs, {rate_both:.1f}/s = {rate_both / rate_one:.2f}x")
    print(summary)
    one, both = ones[0], boths[0]
    for result in ones[1:]:
        one.errors.update(result.errors)
        one.examples += result.examples
    for result in boths[1:]:
        both.errors.update(result.errors)
        both.examples += result.examples
        both.upstreams += result.upstreams
    assert one.error_count == 0 and both.error_count == 0, (one.examples, both.examples)
    assert all(len(seen) == 1 for seen in both.upstreams), [s for s in both.upstreams if len(s) != 1][:5]
    used = set().union(*both.upstreams)
    assert used == {r.url.removeprefix("http://") for r in cluster.replicas}, used
    assert rate_both >= 1.5 * rate_one, summary


async def _open(url: str, cookie: str = "") -> Session:
    """A reader's page and session through nginx; the session keeps the route cookie and the replicas seen."""
    set_cookie, upstream = await fetch_page(url, "sectors", cookie)
    session = Session(url, page="sectors", query="year=2015-2025", cookie=cookie or set_cookie)
    session.upstreams.add(upstream)
    await session.open()
    await session.first_run()
    return session


async def _failover(cluster: Cluster, victim: servers.Server) -> tuple[list[Session], list[Session], list[Session]]:
    """Sessions on both replicas; stop one; the others keep going; new and moved readers land on the live one."""
    sessions = [await _open(cluster.url) for _ in range(12)]
    dead = victim.url.removeprefix("http://")
    on_victim = [s for s in sessions if s.upstreams == {dead}]
    survivors = [s for s in sessions if s.upstreams != {dead}]
    assert on_victim and survivors, [s.upstreams for s in sessions]
    os.kill(victim.pid, signal.SIGTERM)  # by pid
    victim.process.wait(timeout=30)
    rng = random.Random(5)
    for session in survivors:
        for _ in range(3):
            await session.change(rng)
    newcomers = [await _open(cluster.url) for _ in range(6)]
    movers = [await _open(cluster.url, cookie=s.cookie) for s in on_victim]  # their replica is gone
    for session in newcomers + movers:
        await session.change(rng)
    for session in sessions + newcomers + movers:
        await session.close()
    return survivors, newcomers, movers


def test_stopping_a_replica_leaves_the_other_sessions_alone(cluster):
    victim, live = cluster.replicas[1], cluster.replicas[0]
    survivors, newcomers, movers = run_sync(_failover(cluster, victim))
    alive = live.url.removeprefix("http://")
    assert all(s.upstreams == {alive} for s in survivors)
    assert all(s.upstreams == {alive} for s in newcomers + movers), [s.upstreams for s in newcomers + movers]
    with urllib.request.urlopen(f"{cluster.url}/_stcore/health", timeout=5) as response:  # noqa: S310
        assert response.status == 200
